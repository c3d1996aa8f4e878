//! Logging, and keeping the bot token out of it. Bot API URLs hold the token (`/bot<token>/SendMessage`)
//! and HTTP client errors carry their URL, so every error is redacted before it is logged, and the log
//! writer redacts once more whatever reaches it (a library's own log line included).

use regex::Regex;
use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, LazyLock};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// Sends log lines to stderr (coloured on a terminal), filtered by `RUST_LOG` or else `default_filter`,
/// with `token` and anything token-shaped removed from every line.
pub fn init(default_filter: &str, token: &str) {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter)),
        )
        .with_writer(RedactingMakeWriter::new(Redactor::new(token), io::stderr))
        .with_ansi(io::stderr().is_terminal())
        .init();
}

/// What replaces a token.
pub const REDACTED: &str = "<redacted>";

/// Anything shaped like a bot token (`<bot id>:<35-character secret>`), ours or not, in any letter case,
/// and also when text processing has split it with spaces or punctuation (a token pasted into a question
/// comes back lowercased and cut into words).
static TOKEN_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\d{5,}[\s'\x22,]{0,4}:[\s'\x22,]{0,4}(?:[A-Za-z0-9_-][\s'\x22,]{0,4}){29}[A-Za-z0-9_-]+",
    )
    .expect("a valid pattern")
});

/// Removes one known token, and anything token-shaped, from text.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    token: Option<Arc<str>>,
    /// The known token's secret in any case, its characters possibly apart (see [`TOKEN_SHAPE`]).
    secret: Option<Arc<Regex>>,
}

/// Up to this many characters that are not part of a token may come between two of its characters and it
/// still counts as the token (spaces from word splitting, quotes from a debug format).
const SPLIT_TOKEN_GAP: usize = 4;

/// A case-insensitive pattern for `secret` with up to [`SPLIT_TOKEN_GAP`] other characters between its own.
fn split_pattern(secret: &str) -> Option<Regex> {
    let gap = format!("[^A-Za-z0-9_-]{{0,{SPLIT_TOKEN_GAP}}}");
    let pattern = secret
        .chars()
        .map(|c| regex::escape(&c.to_string()))
        .collect::<Vec<_>>()
        .join(&gap);
    Regex::new(&format!("(?i){pattern}")).ok()
}

impl Redactor {
    /// `token` is the bot's own (an empty one redacts only token-shaped text): a known token is removed
    /// even when it is too short to look like one.
    pub fn new(token: &str) -> Redactor {
        let token = token.trim();
        // The secret is what must not leak; a short test token is matched whole.
        let secret = token
            .split_once(':')
            .map(|(_, secret)| secret)
            .filter(|secret| secret.len() >= 8)
            .unwrap_or(token);
        Redactor {
            token: (!token.is_empty()).then(|| Arc::from(token)),
            secret: (!secret.is_empty())
                .then(|| split_pattern(secret))
                .flatten()
                .map(Arc::new),
        }
    }

    /// Borrows the text back when there is nothing to remove, so the common case costs no copy.
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let text = match &self.token {
            Some(token) if text.contains(&**token) => Cow::Owned(text.replace(&**token, REDACTED)),
            _ => Cow::Borrowed(text),
        };
        let text = match &self.secret {
            Some(secret) if secret.is_match(&text) => {
                Cow::Owned(secret.replace_all(&text, REDACTED).into_owned())
            }
            _ => text,
        };
        if !TOKEN_SHAPE.is_match(&text) {
            return text;
        }
        Cow::Owned(TOKEN_SHAPE.replace_all(&text, REDACTED).into_owned())
    }
}

/// A log destination that redacts each write; tracing's formatter writes one whole event per call.
#[derive(Debug, Clone)]
struct RedactingMakeWriter<M> {
    redactor: Redactor,
    inner: M,
}

impl<M> RedactingMakeWriter<M> {
    fn new(redactor: Redactor, inner: M) -> RedactingMakeWriter<M> {
        RedactingMakeWriter { redactor, inner }
    }
}

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for RedactingMakeWriter<M> {
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            redactor: self.redactor.clone(),
            inner: self.inner.make_writer(),
        }
    }
}

/// See [`RedactingMakeWriter`].
#[derive(Debug)]
struct RedactingWriter<W> {
    redactor: Redactor,
    inner: W,
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.inner
            .write_all(self.redactor.redact(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    const TOKEN: &str = "1234567890:AAFakeTokenForTestsOnly_abcdefghijklm";

    #[test]
    fn the_token_is_removed_from_urls_and_messages() {
        let redactor = Redactor::new(TOKEN);
        let error = format!(
            "error sending request for url (http://127.0.0.1:9/bot{TOKEN}/SendMessage): connection refused"
        );
        let redacted = redactor.redact(&error);
        assert!(!redacted.contains(TOKEN));
        assert!(!redacted.contains("AAFakeToken"));
        assert!(redacted.contains(&format!("/bot{REDACTED}/SendMessage")));
        assert!(redacted.contains("connection refused"));
    }

    #[test]
    fn short_known_tokens_and_unknown_token_shapes_are_removed() {
        let redactor = Redactor::new("42:short");
        assert_eq!(
            redactor.redact("/bot42:short/GetMe"),
            "/bot<redacted>/GetMe"
        );
        let other = "9876543210:ZZotherBotsSecretThatLooksLikeAToken";
        assert_eq!(
            Redactor::default().redact(&format!("url /bot{other}/x")),
            "url /bot<redacted>/x"
        );
    }

    #[test]
    fn a_token_lowercased_or_split_into_words_is_removed() {
        let redactor = Redactor::new(TOKEN);
        let lower = TOKEN.to_lowercase();
        let split = "1234567890 : aafaketoken fortestsonly _ abcdefghijklm";
        let quoted = r#"["1234567890", ":", "AAFakeToken", "ForTestsOnly", "_abcdefghijklm"]"#;
        for text in [lower.as_str(), split, quoted] {
            let redacted = redactor.redact(text);
            assert!(
                !redacted.to_lowercase().contains("faketoken"),
                "{text} → {redacted}"
            );
        }
        // Someone else's token, lowercased and split, goes too.
        let other = "search=9876543210 : zzotherbotssecret thatlookslikeatoken 粮食";
        let redacted = Redactor::default().redact(other);
        assert!(!redacted.contains("zzother"), "{redacted}");
        assert!(redacted.contains("粮食"), "{redacted}");
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let redactor = Redactor::new(TOKEN);
        for text in [
            "2022年GDP目标是多少",
            "12:30",
            "chat 123456789 update 42",
            "2024-05-01T12:30:00.123456Z ranked top=[\"xiping-2022/3.2.4\"]",
        ] {
            assert!(matches!(redactor.redact(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().expect("not poisoned").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn log_lines_never_carry_the_token() {
        let sink = Sink::default();
        let make = {
            let sink = sink.clone();
            move || sink.clone()
        };
        let subscriber = tracing_subscriber::fmt()
            .with_writer(RedactingMakeWriter::new(Redactor::new(TOKEN), make))
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::error!(url = %format!("https://api.telegram.org/bot{TOKEN}/GetUpdates"), "request failed");
            tracing::warn!("token {TOKEN} in a message");
        });
        let logged = String::from_utf8(sink.0.lock().expect("not poisoned").clone()).expect("utf8");
        assert!(logged.contains("request failed"), "{logged}");
        assert!(logged.contains("in a message"), "{logged}");
        assert!(!logged.contains(TOKEN), "{logged}");
        assert_eq!(logged.matches(REDACTED).count(), 2, "{logged}");
    }
}
