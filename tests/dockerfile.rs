//! What can be checked about the Dockerfile without Docker: every path it copies from the build context
//! exists, the binary it copies out of the build stage and runs is the `[[bin]]` Cargo builds, and every
//! variable it sets is a setting the program reads.

use std::path::Path;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Dockerfile's instructions: `(KEYWORD, arguments)`, continuation lines joined, comments dropped.
fn instructions() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(manifest_dir().join("Dockerfile")).expect("Dockerfile");
    let mut joined = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('#') || (trimmed.is_empty() && current.is_empty()) {
            continue;
        }
        match trimmed.strip_suffix('\\') {
            Some(start) => {
                current.push_str(start);
                current.push(' ');
            }
            None => {
                current.push_str(trimmed);
                joined.push(std::mem::take(&mut current));
            }
        }
    }
    joined
        .into_iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (keyword, rest) = line.trim().split_once(char::is_whitespace).expect("args");
            (keyword.to_ascii_uppercase(), rest.trim().to_owned())
        })
        .collect()
}

/// The words of a COPY: options (`--from=…`) and paths, the last path being the destination.
fn copy_words(args: &str) -> (Vec<&str>, Vec<&str>) {
    args.split_whitespace()
        .partition(|word| word.starts_with("--"))
}

fn cargo_bin_name() -> String {
    let manifest: toml::Table = std::fs::read_to_string(manifest_dir().join("Cargo.toml"))
        .expect("Cargo.toml")
        .parse()
        .expect("valid TOML");
    let bins = manifest["bin"].as_array().expect("[[bin]]");
    assert_eq!(bins.len(), 1, "one binary");
    bins[0]["name"].as_str().expect("bin name").to_owned()
}

#[test]
fn every_path_copied_from_the_context_exists_and_is_not_ignored() {
    let ignored = std::fs::read_to_string(manifest_dir().join(".dockerignore")).unwrap_or_default();
    let ignored: Vec<&str> = ignored.lines().map(str::trim).collect();
    let mut copied = 0;
    for (keyword, args) in instructions() {
        if keyword != "COPY" && keyword != "ADD" {
            continue;
        }
        let (options, paths) = copy_words(&args);
        if options.iter().any(|option| option.starts_with("--from=")) {
            continue;
        }
        let (_destination, sources) = paths.split_last().expect("COPY src… dest");
        for source in sources {
            let source = source.trim_end_matches('/');
            assert!(
                manifest_dir().join(source).exists(),
                "the Dockerfile copies {source}, which is not in the repository"
            );
            assert!(
                !ignored.contains(&source),
                "the Dockerfile copies {source}, which .dockerignore leaves out"
            );
            copied += 1;
        }
    }
    assert!(copied >= 5, "the build stage copies the sources ({copied})");
}

#[test]
fn the_image_runs_the_binary_cargo_builds() {
    let bin = cargo_bin_name();
    let instructions = instructions();
    let build = instructions
        .iter()
        .find(|(keyword, args)| keyword == "RUN" && args.contains("cargo build"))
        .expect("a RUN cargo build");
    assert!(
        build.1.contains(&format!("--bin {bin}")) && build.1.contains("--locked"),
        "{}",
        build.1
    );
    let installed = format!("/usr/local/bin/{bin}");
    let copied_out = instructions.iter().any(|(keyword, args)| {
        let (options, paths) = copy_words(args);
        keyword == "COPY"
            && options.contains(&"--from=build")
            && paths
                == [
                    format!("/src/target/release/{bin}").as_str(),
                    installed.as_str(),
                ]
    });
    assert!(
        copied_out,
        "the release binary {bin} is copied to {installed}"
    );
    let (_, entrypoint) = instructions
        .iter()
        .find(|(keyword, _)| keyword == "ENTRYPOINT")
        .expect("ENTRYPOINT");
    assert_eq!(entrypoint, &format!("[\"{installed}\"]"));
    let last_from = instructions
        .iter()
        .rev()
        .find(|(keyword, _)| keyword == "FROM")
        .expect("FROM");
    assert!(
        !instructions
            .iter()
            .any(|(keyword, args)| keyword == "COPY" && args.contains("knowledge /app")),
        "the reports are in the binary: the runtime image needs no knowledge/ copy"
    );
    assert!(
        last_from.1.contains("distroless"),
        "runtime base: {}",
        last_from.1
    );
    assert!(
        !instructions.iter().any(|(_, args)| args.contains("libssl")),
        "no OpenSSL in the image"
    );
}

/// The files under `src/`, concatenated.
fn sources(dir: &Path, text: &mut String) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, text);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            text.push_str(&std::fs::read_to_string(&path).expect("source"));
        }
    }
}

#[test]
fn every_variable_the_image_sets_is_read_by_the_program() {
    let mut src = String::new();
    sources(&manifest_dir().join("src"), &mut src);
    let mut set = 0;
    for (keyword, args) in instructions() {
        if keyword != "ENV" {
            continue;
        }
        for pair in args.split_whitespace() {
            let (name, value) = pair.split_once('=').expect("ENV NAME=value");
            assert!(!value.is_empty(), "{name} is set to nothing");
            // Read as `var("NAME")`, `std::env::var("NAME")` or clap's `env = "NAME"`; RUST_LOG through
            // tracing's EnvFilter.
            let read = src.contains(&format!("\"{name}\""))
                || (name == "RUST_LOG" && src.contains("EnvFilter::try_from_default_env"));
            assert!(
                read,
                "the Dockerfile sets {name}, which the program never reads"
            );
            set += 1;
        }
    }
    assert!(set >= 1, "the image sets DATABASE_URL");
}
