//! Every dependency's licence is permissive and compatible with the project's MIT licence: a new copyleft
//! dependency fails here. Reads `cargo metadata` offline (CI has no network), for the platform being built.
//!
//! Allowed: the permissive licences below, and MPL-2.0, whose copyleft is per file (changes to the MPL files
//! themselves stay MPL; linking them into an MIT program is fine). `A OR B` needs one allowed branch, `A AND B`
//! both, `A/B` is the old spelling of `A OR B`, `X WITH exception` counts as `X` (exceptions only add
//! permissions).

use std::process::Command;

const ALLOWED: &[&str] = &[
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "zlib-acknowledgement",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "CC0-1.0",
    "MPL-2.0",
    "BSL-1.0",
    "0BSD",
    "Unlicense",
    "WTFPL",
    "CDLA-Permissive-2.0",
];

/// Packages that name a licence file instead of an SPDX expression, as read by hand. A new version fails
/// until someone reads its file again.
const READ_BY_HAND: &[(&str, &str, &str)] = &[
    // vecrem/LICENSE: "DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE, Version 2" (via teloxide-core).
    ("vecrem", "0.1.0", "WTFPL"),
];

/// Whether an SPDX expression is satisfied by the allowlist; `Err` when it cannot be read.
fn allowed(expression: &str) -> Result<bool, String> {
    let spaced = expression
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('/', " OR ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut parser = Parser { tokens, at: 0 };
    let value = parser.or()?;
    match parser.tokens.get(parser.at) {
        None => Ok(value),
        Some(extra) => Err(format!("unexpected `{extra}`")),
    }
}

struct Parser<'a> {
    tokens: Vec<&'a str>,
    at: usize,
}

impl<'a> Parser<'a> {
    fn next(&mut self) -> Option<&'a str> {
        let token = self.tokens.get(self.at).copied();
        self.at += 1;
        token
    }

    fn peek_is(&self, keyword: &str) -> bool {
        self.tokens.get(self.at) == Some(&keyword)
    }

    fn or(&mut self) -> Result<bool, String> {
        let mut value = self.and()?;
        while self.peek_is("OR") {
            self.at += 1;
            value |= self.and()?;
        }
        Ok(value)
    }

    fn and(&mut self) -> Result<bool, String> {
        let mut value = self.term()?;
        while self.peek_is("AND") {
            self.at += 1;
            value &= self.term()?;
        }
        Ok(value)
    }

    fn term(&mut self) -> Result<bool, String> {
        match self.next() {
            Some("(") => {
                let value = self.or()?;
                match self.next() {
                    Some(")") => Ok(value),
                    _ => Err("unbalanced parentheses".to_owned()),
                }
            }
            Some(id) if !matches!(id, ")" | "AND" | "OR" | "WITH") => {
                if self.peek_is("WITH") {
                    self.at += 1;
                    self.next().ok_or("WITH without an exception")?;
                }
                Ok(ALLOWED.contains(&id.trim_end_matches('+')))
            }
            other => Err(format!("expected a licence, found {other:?}")),
        }
    }
}

#[test]
fn the_expression_reader_follows_spdx() {
    assert_eq!(allowed("MIT"), Ok(true));
    assert_eq!(allowed("GPL-3.0-only"), Ok(false));
    assert_eq!(allowed("MIT OR GPL-3.0-only"), Ok(true));
    assert_eq!(allowed("MIT AND GPL-3.0-only"), Ok(false));
    assert_eq!(allowed("(MIT OR Apache-2.0) AND Unicode-3.0"), Ok(true));
    assert_eq!(allowed("(MIT OR Apache-2.0) AND LGPL-2.1"), Ok(false));
    assert_eq!(allowed("MIT/Apache-2.0"), Ok(true));
    assert_eq!(allowed("GPL-2.0 / LGPL-2.1"), Ok(false));
    assert_eq!(allowed("Apache-2.0 WITH LLVM-exception"), Ok(true));
    assert_eq!(allowed("GPL-2.0 WITH Classpath-exception-2.0"), Ok(false));
    assert_eq!(allowed("MIT OR Apache-2.0 OR LGPL-2.1-or-later"), Ok(true));
    assert!(allowed("MIT AND").is_err());
    assert!(allowed("(MIT").is_err());
}

#[test]
fn every_dependency_has_a_permissive_licence() {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--offline",
            "--filter-platform",
            env!("REPORT_BOT_BUILD_TARGET"),
            "--manifest-path",
            concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"),
        ])
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let packages = metadata["packages"].as_array().expect("packages");
    assert!(packages.len() > 100, "the whole dependency graph");
    let mut refused = Vec::new();
    for package in packages {
        let name = package["name"].as_str().expect("name");
        let version = package["version"].as_str().expect("version");
        let licence = match package["license"].as_str() {
            Some(expression) => expression.to_owned(),
            None => match READ_BY_HAND
                .iter()
                .find(|(n, v, _)| *n == name && *v == version)
            {
                Some((_, _, licence)) => (*licence).to_owned(),
                None => {
                    refused.push(format!(
                        "{name} {version}: no SPDX licence (file {}); read it and add it to READ_BY_HAND",
                        package["license_file"]
                    ));
                    continue;
                }
            },
        };
        match allowed(&licence) {
            Ok(true) => {}
            Ok(false) => refused.push(format!("{name} {version}: {licence}")),
            Err(why) => refused.push(format!("{name} {version}: cannot read `{licence}`: {why}")),
        }
    }
    assert!(
        refused.is_empty(),
        "licences outside the allowlist:\n{}",
        refused.join("\n")
    );
}
