//! Where the knowledge is read from: the copy of knowledge/ compiled into the binary (the default, so the
//! binary answers from any folder) or a folder on disk (`KNOWLEDGE_DIR` / `--knowledge-dir`). The loader
//! and the jieba base dictionary read files by their path relative to knowledge/ through this one type.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::KnowledgeError;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_knowledge.rs"));
}

/// The ids of the reports compiled into the binary, sorted.
pub const EMBEDDED_REPORT_IDS: &[&str] = embedded::REPORT_IDS;
/// The version and the embedded report ids, for `--version`.
pub const VERSION: &str = embedded::VERSION;

/// How embedded files are named in messages: `<embedded>/reports/xiping-2022/report.txt`.
const EMBEDDED_ROOT: &str = "<embedded>";
const REPORTS_DIR: &str = "reports";
const META_FILE: &str = "report.toml";

/// A knowledge folder: compiled in, or on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum KnowledgeSource {
    /// knowledge/ as it was when the binary was built.
    #[default]
    Embedded,
    /// A folder with the same layout.
    Dir(PathBuf),
}

impl KnowledgeSource {
    /// The folder when one is set, the embedded copy otherwise.
    pub fn from_dir(dir: Option<PathBuf>) -> KnowledgeSource {
        dir.map_or(KnowledgeSource::Embedded, KnowledgeSource::Dir)
    }

    /// Where a file of this source is, for messages (`relative` as in `reports/<id>/report.txt`).
    pub fn path(&self, relative: &str) -> PathBuf {
        let root = match self {
            KnowledgeSource::Embedded => Path::new(EMBEDDED_ROOT),
            KnowledgeSource::Dir(dir) => dir.as_path(),
        };
        if relative.is_empty() {
            root.to_path_buf()
        } else {
            root.join(relative)
        }
    }

    /// The text of a file, `None` when there is no such file.
    pub fn read_optional(&self, relative: &str) -> io::Result<Option<String>> {
        let bytes = match self {
            KnowledgeSource::Embedded => match embedded_file(relative) {
                Some(bytes) => bytes.to_vec(),
                None => return Ok(None),
            },
            KnowledgeSource::Dir(dir) => match std::fs::read(dir.join(relative)) {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
                Err(error) => return Err(error),
            },
        };
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))
    }

    /// The text of a file that must be there.
    pub fn read(&self, relative: &str) -> Result<String, KnowledgeError> {
        let error = |source| KnowledgeError::Io {
            path: self.path(relative),
            source,
        };
        self.read_optional(relative)
            .map_err(error)?
            .ok_or_else(|| error(io::ErrorKind::NotFound.into()))
    }

    /// Every `reports/<id>` folder with a report.toml, sorted (paths relative to the knowledge folder).
    pub fn report_folders(&self) -> Result<Vec<String>, KnowledgeError> {
        let mut folders: Vec<String> = match self {
            KnowledgeSource::Embedded => embedded::FILES
                .iter()
                .filter_map(|(path, _)| path.strip_suffix(META_FILE)?.strip_suffix('/'))
                .filter(|folder| {
                    folder
                        .strip_prefix(REPORTS_DIR)
                        .and_then(|rest| rest.strip_prefix('/'))
                        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
                })
                .map(str::to_owned)
                .collect(),
            KnowledgeSource::Dir(dir) => {
                let reports = dir.join(REPORTS_DIR);
                std::fs::read_dir(&reports)
                    .map_err(|source| KnowledgeError::Io {
                        path: reports.clone(),
                        source,
                    })?
                    .filter_map(Result::ok)
                    .filter(|entry| entry.path().join(META_FILE).is_file())
                    .filter_map(|entry| entry.file_name().into_string().ok())
                    .map(|name| format!("{REPORTS_DIR}/{name}"))
                    .collect()
            }
        };
        folders.sort();
        Ok(folders)
    }
}

fn embedded_file(relative: &str) -> Option<&'static [u8]> {
    embedded::FILES
        .iter()
        .find(|(path, _)| *path == relative)
        .map(|(_, bytes)| *bytes)
}

impl fmt::Display for KnowledgeSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KnowledgeSource::Embedded => write!(
                f,
                "embedded in the binary (knowledge/ at build time; set KNOWLEDGE_DIR to read a folder)"
            ),
            KnowledgeSource::Dir(dir) => write!(f, "folder {}", dir.display()),
        }
    }
}

/// What the loaders accept: a [`KnowledgeSource`], or a folder path as before there was one (so
/// `Library::load(dir.path())` and `Engine::load(&KnowledgeSource::Embedded)` both read).
pub trait ToKnowledgeSource {
    fn to_knowledge_source(&self) -> KnowledgeSource;
}

impl ToKnowledgeSource for KnowledgeSource {
    fn to_knowledge_source(&self) -> KnowledgeSource {
        self.clone()
    }
}

impl ToKnowledgeSource for Path {
    fn to_knowledge_source(&self) -> KnowledgeSource {
        KnowledgeSource::Dir(self.to_path_buf())
    }
}

impl ToKnowledgeSource for PathBuf {
    fn to_knowledge_source(&self) -> KnowledgeSource {
        KnowledgeSource::Dir(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_copy_has_the_reports_and_the_dictionaries() {
        let source = KnowledgeSource::Embedded;
        assert_eq!(
            source.report_folders().expect("listed"),
            vec!["reports/xiping-2022".to_owned()]
        );
        assert_eq!(EMBEDDED_REPORT_IDS, ["xiping-2022"]);
        for file in ["aliases.toml", "userdict.txt", "jieba_base.txt"] {
            assert!(source.read(file).is_ok(), "{file}");
        }
        assert!(
            source
                .read_optional("README.md")
                .expect("no error")
                .is_none(),
            "documentation stays out of the binary"
        );
        let missing = source.read("nowhere.txt").expect_err("missing");
        assert!(
            missing.to_string().contains("<embedded>/nowhere.txt"),
            "{missing}"
        );
    }

    #[test]
    fn the_embedded_copy_matches_the_folder() {
        let dir = KnowledgeSource::Dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge"));
        for file in ["aliases.toml", "reports/xiping-2022/report.txt"] {
            assert_eq!(
                KnowledgeSource::Embedded.read(file).expect("embedded"),
                dir.read(file).expect("on disk"),
                "{file}"
            );
        }
    }

    #[test]
    fn unset_means_embedded() {
        assert_eq!(KnowledgeSource::from_dir(None), KnowledgeSource::Embedded);
        assert!(VERSION.contains("xiping-2022"), "{VERSION}");
        assert!(VERSION.starts_with(env!("CARGO_PKG_VERSION")), "{VERSION}");
    }
}
