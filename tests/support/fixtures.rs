//! The knowledge folders the tests read: the real one (knowledge/) and the made-up ones under
//! tests/fixtures/, each laid out like knowledge/ (reports/<id>/report.toml + report.txt, aliases.toml,
//! userdict.txt) and loaded the way the bot loads its own.
//!
//! - `bot`: 枫川县2030, for the Telegram handlers: results and targets, a theme spread over six
//!   paragraphs, a paragraph longer than one message, a glossary of twelve terms.
//! - `reminders`: 禾丰县2031, two main targets and one task target, for the reminder rotation.
//! - `engine` (read by the engine's unit tests in src/answer/engine/tests.rs): 柳塘县2030.
//! - `reports/qinglan-2023`: a second report to drop into a copy of knowledge/ (tests/knowledge.rs).

use report_bot::knowledge::Library;
use std::path::{Path, PathBuf};

/// The crate's root folder.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The real knowledge folder.
pub fn knowledge_dir() -> PathBuf {
    manifest_dir().join("knowledge")
}

/// `tests/fixtures/<name>`.
pub fn fixture_dir(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(name)
}

/// The real report, as the bot loads it.
pub fn knowledge() -> Library {
    Library::load(&knowledge_dir()).expect("knowledge/ loads")
}

/// A made-up knowledge folder under tests/fixtures/.
pub fn fixture(name: &str) -> Library {
    Library::load(&fixture_dir(name))
        .unwrap_or_else(|error| panic!("tests/fixtures/{name} loads: {error}"))
}

/// Copies a folder (a knowledge folder to edit in a test) with everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}
