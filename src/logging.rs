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

/// Anything shaped like a bot token (`<bot id>:<35-character secret>`), ours or not.
static TOKEN_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{5,}:[A-Za-z0-9_-]{30,}").expect("a valid pattern"));

/// Removes one known token, and anything token-shaped, from text.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    token: Option<Arc<str>>,
}

impl Redactor {
    /// `token` is the bot's own (an empty one redacts only token-shaped text): a known token is removed
    /// even when it is too short to look like one.
    pub fn new(token: &str) -> Redactor {
        let token = token.trim();
        Redactor {
            token: (!token.is_empty()).then(|| Arc::from(token)),
        }
    }

    /// Borrows the text back when there is nothing to remove, so the common case costs no copy.
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let text = match &self.token {
            Some(token) if text.contains(&**token) => Cow::Owned(text.replace(&**token, REDACTED)),
            _ => Cow::Borrowed(text),
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
    fn ordinary_text_is_left_alone() {
        let redactor = Redactor::new(TOKEN);
        for text in ["2022年GDP目标是多少", "12:30", "chat 123456789 update 42"] {
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
