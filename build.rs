//! Compiles the knowledge/ folder into the binary: writes `$OUT_DIR/embedded_knowledge.rs`, a table of
//! every data file under knowledge/ (path relative to it, `include_bytes!` of the file) and the ids of the
//! embedded reports, read by `src/knowledge/source.rs`. Cargo reruns this when anything under knowledge/
//! changes (it scans the whole folder, so a new report counts too). No dependencies: a folder walk and a
//! `format!` are all it takes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const KNOWLEDGE: &str = "knowledge";

fn main() {
    println!("cargo:rerun-if-changed={KNOWLEDGE}");
    println!("cargo:rerun-if-changed=build.rs");
    // sqlx::migrate! embeds migrations/ at compile time; a new or changed migration must rebuild it.
    println!("cargo:rerun-if-changed=migrations");
    // For tests/licences.rs: `cargo metadata --filter-platform` offline needs the platform being built.
    println!(
        "cargo:rustc-env=REPORT_BOT_BUILD_TARGET={}",
        std::env::var("TARGET").expect("set by cargo")
    );
    let root =
        Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join(KNOWLEDGE);
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();

    let mut table = String::new();
    let mut report_ids = Vec::new();
    for file in &files {
        let relative = file
            .strip_prefix(&root)
            .expect("under knowledge/")
            .components()
            .map(|part| part.as_os_str().to_str().expect("UTF-8 file names"))
            .collect::<Vec<_>>()
            .join("/");
        let absolute = file.to_str().expect("UTF-8 paths");
        writeln!(table, "    ({relative:?}, include_bytes!({absolute:?})),").unwrap();
        if let Some(folder) = relative
            .strip_prefix("reports/")
            .and_then(|rest| rest.strip_suffix("/report.toml"))
        {
            let text = fs::read_to_string(file).expect("report.toml is UTF-8");
            report_ids.push(report_id(&text).unwrap_or_else(|| folder.to_owned()));
        }
    }
    report_ids.sort();
    let ids = report_ids
        .iter()
        .map(|id| format!("{id:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let version = format!(
        "{} (embedded reports: {})",
        std::env::var("CARGO_PKG_VERSION").expect("set by cargo"),
        if report_ids.is_empty() {
            "none".to_owned()
        } else {
            report_ids.join(", ")
        }
    );
    let code = format!(
        "/// Every data file under knowledge/ at build time: path relative to knowledge/ (`/`-separated), bytes.\n\
         pub(crate) static FILES: &[(&str, &[u8])] = &[\n{table}];\n\
         /// The `id`s of the embedded reports, sorted.\n\
         pub const REPORT_IDS: &[&str] = &[{ids}];\n\
         /// What `--version` prints after the program's name.\n\
         pub const VERSION: &str = {version:?};\n"
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"))
        .join("embedded_knowledge.rs");
    fs::write(out, code).expect("write OUT_DIR/embedded_knowledge.rs");
}

/// Data files only: hidden files and the folder's Markdown documentation stay out of the binary.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, files);
        } else if !name.ends_with(".md") {
            files.push(path);
        }
    }
}

/// `id = "xiping-2022"` in report.toml (the loader checks the whole file; this only names it).
fn report_id(toml: &str) -> Option<String> {
    toml.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?;
        Some(value.trim().trim_matches('"').to_owned()).filter(|id| !id.is_empty())
    })
}
