//! The binary on its own: copied into an empty folder it still answers from the knowledge compiled into
//! it, `--version` names the embedded reports, and `KNOWLEDGE_DIR` still reads a folder instead.

use std::path::Path;
use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_report-bot");

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Attempts at starting a freshly copied binary: another test thread that forks while the copy's file is
/// still open for writing holds it open until its child execs, and Linux then refuses to run the copy
/// ("Text file busy") for that moment.
const BUSY_RETRIES: u32 = 50;

/// `binary args…` in `dir` with none of the settings that could point it back at the repository.
fn run_in(binary: &Path, dir: &Path, args: &[&str]) -> Output {
    let mut attempt = 0;
    loop {
        let output = Command::new(binary)
            .args(args)
            .current_dir(dir)
            .env_remove("KNOWLEDGE_DIR")
            .env_remove("RUST_LOG")
            .output();
        match output {
            Err(error)
                if error.kind() == std::io::ErrorKind::ExecutableFileBusy
                    && attempt < BUSY_RETRIES =>
            {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other.expect("the binary runs"),
        }
    }
}

fn stdout_of(output: Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

#[test]
fn a_copy_in_an_empty_folder_answers_from_the_embedded_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("report-bot");
    std::fs::copy(BINARY, &copy).expect("copy the binary");
    let answer = stdout_of(run_in(&copy, dir.path(), &["ask", "2022年GDP目标是多少"]));
    assert!(answer.contains("8%左右"), "{answer}");
    assert!(answer.contains("西平县2022年政府工作报告"), "{answer}");

    let overview = stdout_of(run_in(&copy, dir.path(), &["knowledge"]));
    assert!(overview.contains("[xiping-2022]"), "{overview}");
    assert!(overview.contains("source: embedded"), "{overview}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(left, ["report-bot"], "nothing is written beside the binary");
}

#[test]
fn version_lists_the_embedded_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let version = stdout_of(run_in(Path::new(BINARY), dir.path(), &["--version"]));
    assert!(
        version.starts_with(concat!("report-bot ", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    assert!(version.contains("xiping-2022"), "{version}");
}

#[test]
fn knowledge_dir_still_reads_a_folder() {
    // A folder holding only the fictional fixture report, with the real aliases and user dictionary.
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("reports/qinglan-2023");
    std::fs::create_dir_all(&report).expect("mkdir");
    let fixture = manifest_dir().join("tests/fixtures/reports/qinglan-2023");
    for file in ["report.toml", "report.txt"] {
        std::fs::copy(fixture.join(file), report.join(file)).expect("copy report");
    }
    for file in ["aliases.toml", "userdict.txt"] {
        std::fs::copy(
            manifest_dir().join("knowledge").join(file),
            dir.path().join(file),
        )
        .expect("copy knowledge file");
    }

    let output = Command::new(BINARY)
        .arg("knowledge")
        .current_dir(dir.path())
        .env("KNOWLEDGE_DIR", dir.path())
        .output()
        .expect("runs");
    let overview = stdout_of(output);
    assert!(overview.starts_with("1 report(s)"), "{overview}");
    assert!(overview.contains("[qinglan-2023]"), "{overview}");
    assert!(!overview.contains("xiping-2022"), "{overview}");
    assert!(
        overview.contains(&format!("source: folder {}", dir.path().display())),
        "{overview}"
    );

    // The flag does the same, and a folder that is not there is an error, not a silent fallback.
    let missing = dir.path().join("nowhere");
    let output = run_in(
        Path::new(BINARY),
        dir.path(),
        &["--knowledge", missing.to_str().expect("utf-8"), "knowledge"],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nowhere"), "{stderr}");
}

#[test]
fn serve_refuses_a_database_url_it_cannot_use_before_touching_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (url, says) in [
        ("postgres:bot", "not a PostgreSQL URL"),
        (
            "mysql://localhost/bot",
            "neither a SQLite nor a PostgreSQL URL",
        ),
        (
            "http://example.org/db",
            "neither a SQLite nor a PostgreSQL URL",
        ),
        ("sqlite://", "names no file"),
        // Nothing listens on port 9: the reason, with the password hidden.
        (
            "postgres://bot:secret@127.0.0.1:9/bot",
            "Connection refused",
        ),
    ] {
        let output = Command::new(BINARY)
            .arg("serve")
            .current_dir(dir.path())
            .env_remove("KNOWLEDGE_DIR")
            .env_remove("RUST_LOG")
            .env("TELOXIDE_TOKEN", "123456:ABC-def_ghi")
            .env("TELOXIDE_API_URL", "http://127.0.0.1:9/")
            .env("DATABASE_URL", url)
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{url}: {stderr}");
        assert!(
            stderr.contains("DATABASE_URL") && stderr.contains(says),
            "{url}: {stderr}"
        );
        assert!(!stderr.contains("secret"), "{url}: {stderr}");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("read dir")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert!(left.is_empty(), "{url} created {left:?}");
    }
}
