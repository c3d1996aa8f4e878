//! Settings read from the environment and an optional `.env` file (see `.env.example`), so that the same
//! binary runs on a laptop, in Docker and in tests that point it at a fake Bot API server.
//!
//! `main` calls [`load_dotenv`] once, first thing, so that `.env` counts like the environment for every
//! reader: `RUST_LOG` (logging, set up in `main`), `KNOWLEDGE_DIR` (the command line's `--knowledge-dir`,
//! through clap's `env`; unset, the embedded copy) and the bot's settings ([`Config`], built once
//! by `serve`).

use std::fmt;
use url::Url;

use crate::knowledge::KnowledgeSource;
use crate::questionlog::{Retention, Secret, SecretError, DEFAULT_RETENTION_DAYS};

/// Where the SQLite database lives when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/report-bot.db";
/// The port the webhook server listens on when `WEBHOOK_URL` is set and `PORT` is not.
pub const DEFAULT_WEBHOOK_PORT: u16 = 8443;

/// Why the settings could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "TELOXIDE_TOKEN is not set: get a bot token from @BotFather and put it in the environment \
         or in .env (see .env.example)"
    )]
    MissingToken,
    #[error("TELOXIDE_TOKEN does not look like a bot token (expected <digits>:<secret>)")]
    MalformedToken,
    #[error("{name} is not a valid URL ({value:?}): {source}")]
    BadUrl {
        name: &'static str,
        value: String,
        source: url::ParseError,
    },
    #[error("{name} must be an http(s) URL, got {value:?}")]
    NotHttp { name: &'static str, value: String },
    #[error("PORT is not a port number: {0:?}")]
    BadPort(String),
    #[error(
        "DATABASE_URL {0:?} is not a PostgreSQL URL: write postgres://<user>:<password>@<host>:<port>/<database>"
    )]
    DatabasePostgres(String),
    #[error(
        "DATABASE_URL {0:?} is neither a SQLite nor a PostgreSQL URL: write sqlite://<path to a file> \
         (e.g. sqlite://data/report-bot.db), sqlite::memory: or postgres://<user>@<host>/<database>"
    )]
    DatabaseScheme(String),
    #[error("DATABASE_URL {0:?} names no file: write sqlite://<path> (e.g. sqlite://data/report-bot.db)")]
    DatabaseNoPath(String),
    #[error("WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")]
    BadWebhookSecret,
    #[error("QUESTION_LOG_DAYS must be a whole number of days (0 turns the question log off), got {0:?}")]
    BadLogDays(String),
    #[error("{0}")]
    BadLogSecret(#[from] SecretError),
    #[error("ADMIN_CHAT_IDS must be chat ids separated by commas, got {0:?}")]
    BadAdminIds(String),
    #[error("could not read .env: {0}")]
    DotEnv(#[from] dotenvy::Error),
}

/// A bot token. Its `Debug` and `Display` never show the secret, so a logged `Config` cannot leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct BotToken(String);

impl BotToken {
    /// Checks the `<bot id>:<secret>` shape so that a typo fails at start, not at the first request.
    pub fn parse(raw: &str) -> Result<BotToken, ConfigError> {
        let raw = raw.trim();
        let (id, secret) = raw.split_once(':').ok_or(ConfigError::MalformedToken)?;
        let id_ok = !id.is_empty() && id.chars().all(|c| c.is_ascii_digit());
        let secret_ok = !secret.is_empty()
            && secret
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if id_ok && secret_ok {
            Ok(BotToken(raw.to_owned()))
        } else {
            Err(ConfigError::MalformedToken)
        }
    }

    /// The secret itself, for the HTTP client and for log redaction only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for BotToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BotToken(<redacted>)")
    }
}

/// Which database a [`DatabaseUrl`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseBackend {
    /// One process on a SQLite file (or in RAM).
    Sqlite,
    /// Any number of replicas on one PostgreSQL database.
    Postgres,
}

/// `DATABASE_URL`, checked at start: a SQLite file, an in-memory SQLite database or a PostgreSQL
/// database, nothing else. `Debug` hides a password, so a logged `Config` cannot leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    url: String,
    backend: DatabaseBackend,
    in_memory: bool,
}

impl DatabaseUrl {
    /// `sqlite://path`, `sqlite:path` (with sqlx's `?mode=…` options), `sqlite::memory:`,
    /// `postgres://…` / `postgresql://…`. Any other scheme, a bare path and a URL with no file are
    /// refused, so that an unknown scheme never becomes a folder named after it with a SQLite file in it.
    pub fn parse(raw: &str) -> Result<DatabaseUrl, ConfigError> {
        let url = raw.trim();
        let scheme = url
            .split_once(':')
            .map(|(scheme, _)| scheme.to_ascii_lowercase());
        match scheme.as_deref() {
            Some("sqlite") => {}
            Some("postgres" | "postgresql") => {
                return match Url::parse(url) {
                    Ok(parsed) if !parsed.cannot_be_a_base() => Ok(DatabaseUrl {
                        url: url.to_owned(),
                        backend: DatabaseBackend::Postgres,
                        in_memory: false,
                    }),
                    _ => Err(ConfigError::DatabasePostgres(redact_password(url))),
                };
            }
            _ => return Err(ConfigError::DatabaseScheme(redact_password(url))),
        }
        let rest = &url["sqlite:".len()..];
        let path = rest.strip_prefix("//").unwrap_or(rest);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let in_memory = path == ":memory:"
            || query
                .split('&')
                .any(|option| option.eq_ignore_ascii_case("mode=memory"));
        if path.trim().is_empty() {
            return Err(ConfigError::DatabaseNoPath(url.to_owned()));
        }
        Ok(DatabaseUrl {
            url: url.to_owned(),
            backend: DatabaseBackend::Sqlite,
            in_memory,
        })
    }

    /// The URL as sqlx reads it (with its password: never log it, log the `Debug` form).
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The database the URL's scheme names.
    pub fn backend(&self) -> DatabaseBackend {
        self.backend
    }

    /// An in-memory database: subscriptions vanish when the process stops.
    pub fn is_in_memory(&self) -> bool {
        self.in_memory
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({})", redact_password(&self.url))
    }
}

/// The URL with its password (if any) replaced by `***`, for logs and error messages.
pub fn redact_password(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            // Cannot fail: a URL with a password has a host.
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// Webhook mode: Telegram posts updates to `url`; the bot listens on `0.0.0.0:port`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookConfig {
    pub url: Url,
    pub port: u16,
    /// `WEBHOOK_SECRET`; unset, one derived from the token ([`WebhookConfig::secret`]).
    pub secret: Option<WebhookSecret>,
}

impl WebhookConfig {
    /// The secret Telegram must send with every update. Every replica behind one load balancer must use
    /// the same one (each `setWebhook` replaces it): `WEBHOOK_SECRET`, or else one derived from the token,
    /// which all replicas of the bot compute alike and nobody without the token can.
    pub fn secret(&self, token: &BotToken) -> WebhookSecret {
        self.secret
            .clone()
            .unwrap_or_else(|| WebhookSecret::derived(token))
    }
}

/// What Telegram sends in `X-Telegram-Bot-Api-Secret-Token`. `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(String);

/// Telegram's limit on a webhook secret's length.
const MAX_WEBHOOK_SECRET: usize = 256;

impl WebhookSecret {
    /// 1 to 256 characters of `A-Z a-z 0-9 _ -`, as Telegram requires.
    pub fn parse(raw: &str) -> Result<WebhookSecret, ConfigError> {
        let raw = raw.trim();
        let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
        if !raw.is_empty() && raw.len() <= MAX_WEBHOOK_SECRET && raw.chars().all(allowed) {
            Ok(WebhookSecret(raw.to_owned()))
        } else {
            Err(ConfigError::BadWebhookSecret)
        }
    }

    /// SHA-256 of the token (with a purpose prefix), in hex: the same for every replica of the bot.
    pub fn derived(token: &BotToken) -> WebhookSecret {
        use sha2::{Digest, Sha256};
        let digest = Sha256::new()
            .chain_update(b"report-bot webhook secret\n")
            .chain_update(token.expose().as_bytes())
            .finalize();
        WebhookSecret(digest.iter().map(|byte| format!("{byte:02x}")).collect())
    }

    /// The secret itself, for `setWebhook` and the listener only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret(<redacted>)")
    }
}

/// Reads `.env` from the working directory or a parent into the process environment; real environment
/// variables win. A missing file is fine. The caller decides what a broken file means: only `serve`, which
/// cannot run on half its settings, stops on it.
pub fn load_dotenv() -> Result<(), ConfigError> {
    match dotenvy::dotenv() {
        Ok(_) => Ok(()),
        Err(err) if err.not_found() => Ok(()),
        Err(err) => Err(err.into()),
    }
}

/// Everything the bot reads from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// `TELOXIDE_TOKEN`; only `serve` needs it, so it is checked by [`Config::bot_token`].
    pub token: Option<BotToken>,
    /// `TELOXIDE_API_URL`: another Bot API server (a local one, or a fake in tests).
    pub api_url: Option<Url>,
    /// `DATABASE_URL`, for the reminder store.
    pub database_url: DatabaseUrl,
    /// Where the reports, `aliases.toml` and `userdict.txt` come from: the command line's `--knowledge-dir`
    /// (or `KNOWLEDGE_DIR`, read by clap); unset, the copy of knowledge/ compiled into the binary.
    pub knowledge: KnowledgeSource,
    /// `WEBHOOK_URL` (+ `PORT`); long polling when absent.
    pub webhook: Option<WebhookConfig>,
    /// `QUESTION_LOG_DAYS` and `QUESTION_LOG_SECRET`.
    pub question_log: QuestionLogConfig,
    /// `ADMIN_CHAT_IDS`: chats that may use /stats and /unanswered.
    pub admin_chats: Vec<i64>,
}

/// The question log's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionLogConfig {
    /// Days rows are kept; `None` when `QUESTION_LOG_DAYS=0` turns the log off.
    pub retention: Option<Retention>,
    /// The chat-key secret; `None` to use (or generate) the one stored in the database.
    pub secret: Option<Secret>,
}

impl Config {
    /// The bot's settings from the process environment (which [`load_dotenv`] has filled from `.env`),
    /// around the knowledge folder the command line chose.
    pub fn from_env(knowledge: KnowledgeSource) -> Result<Config, ConfigError> {
        Config::from_lookup(knowledge, |name| std::env::var(name).ok())
    }

    /// Builds the settings from any variable source; tests pass a map instead of touching the process
    /// environment. Empty values count as unset.
    pub fn from_lookup(
        knowledge: KnowledgeSource,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let var = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());

        let token = var("TELOXIDE_TOKEN")
            .map(|raw| BotToken::parse(&raw))
            .transpose()?;
        let api_url = var("TELOXIDE_API_URL")
            .map(|raw| parse_http_url("TELOXIDE_API_URL", &raw))
            .transpose()?;
        let webhook = match var("WEBHOOK_URL") {
            Some(raw) => {
                let url = parse_http_url("WEBHOOK_URL", &raw)?;
                let port = match var("PORT") {
                    Some(port) => port
                        .trim()
                        .parse::<u16>()
                        .ok()
                        .filter(|port| *port != 0)
                        .ok_or(ConfigError::BadPort(port))?,
                    None => DEFAULT_WEBHOOK_PORT,
                };
                let secret = var("WEBHOOK_SECRET")
                    .map(|raw| WebhookSecret::parse(&raw))
                    .transpose()?;
                Some(WebhookConfig { url, port, secret })
            }
            None => None,
        };

        let days = match var("QUESTION_LOG_DAYS") {
            Some(raw) => raw
                .trim()
                .parse::<u32>()
                .map_err(|_| ConfigError::BadLogDays(raw))?,
            None => DEFAULT_RETENTION_DAYS,
        };
        let question_log = QuestionLogConfig {
            retention: (days > 0).then_some(Retention { days }),
            secret: var("QUESTION_LOG_SECRET")
                .map(|raw| Secret::from_hex(&raw))
                .transpose()?,
        };
        let admin_chats = match var("ADMIN_CHAT_IDS") {
            Some(raw) => raw
                .split(',')
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(|id| id.parse::<i64>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| ConfigError::BadAdminIds(raw.clone()))?,
            None => Vec::new(),
        };

        Ok(Config {
            question_log,
            admin_chats,
            token,
            api_url,
            database_url: DatabaseUrl::parse(
                &var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            )?,
            knowledge,
            webhook,
        })
    }

    /// The token, or the error that tells the operator how to get one.
    pub fn bot_token(&self) -> Result<&BotToken, ConfigError> {
        self.token.as_ref().ok_or(ConfigError::MissingToken)
    }
}

fn parse_http_url(name: &'static str, raw: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(raw.trim()).map_err(|source| ConfigError::BadUrl {
        name,
        value: raw.to_owned(),
        source,
    })?;
    if matches!(url.scheme(), "http" | "https") {
        Ok(url)
    } else {
        Err(ConfigError::NotHttp {
            name,
            value: raw.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const TOKEN: &str = "123456:ABC-def_ghi";

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(KnowledgeSource::Embedded, |name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let config = config(&[]).expect("empty environment is valid");
        assert!(config.token.is_none());
        assert!(config.api_url.is_none());
        assert!(config.webhook.is_none());
        assert_eq!(config.database_url.as_str(), DEFAULT_DATABASE_URL);
        assert_eq!(config.knowledge, KnowledgeSource::Embedded);
        assert_eq!(
            config.question_log.retention,
            Some(Retention {
                days: DEFAULT_RETENTION_DAYS
            })
        );
        assert!(config.question_log.secret.is_none());
        assert!(config.admin_chats.is_empty());
    }

    #[test]
    fn question_log_and_admin_settings_are_read_and_checked() {
        let secret = "ab".repeat(32);
        let config = config(&[
            ("QUESTION_LOG_DAYS", "30"),
            ("QUESTION_LOG_SECRET", &secret),
            ("ADMIN_CHAT_IDS", " 42, -1001234 ,"),
        ])
        .expect("valid");
        assert_eq!(config.question_log.retention, Some(Retention { days: 30 }));
        assert_eq!(
            config.question_log.secret.map(|secret| secret.to_hex()),
            Some(secret)
        );
        assert_eq!(config.admin_chats, vec![42, -1_001_234]);
        let off = self::config(&[("QUESTION_LOG_DAYS", "0")]).expect("valid");
        assert_eq!(off.question_log.retention, None);
        for (name, value) in [
            ("QUESTION_LOG_DAYS", "-1"),
            ("QUESTION_LOG_DAYS", "90d"),
            ("QUESTION_LOG_SECRET", "short"),
            ("ADMIN_CHAT_IDS", "42,abc"),
        ] {
            let err = self::config(&[(name, value)]).expect_err(value);
            assert!(err.to_string().contains(name), "{err}");
        }
    }

    #[test]
    fn missing_token_is_an_error_only_when_asked_for() {
        let config = config(&[]).expect("valid");
        let err = config.bot_token().expect_err("no token");
        assert!(matches!(err, ConfigError::MissingToken));
        assert!(err.to_string().contains("TELOXIDE_TOKEN"));
        assert!(err.to_string().contains("@BotFather"));
    }

    #[test]
    fn empty_values_count_as_unset() {
        let config = config(&[("TELOXIDE_TOKEN", "  "), ("DATABASE_URL", "")]).expect("valid");
        assert!(config.token.is_none());
        assert_eq!(config.database_url.as_str(), DEFAULT_DATABASE_URL);
    }

    #[test]
    fn reads_every_variable() {
        let config = config(&[
            ("TELOXIDE_TOKEN", TOKEN),
            ("TELOXIDE_API_URL", "http://127.0.0.1:8081/"),
            ("DATABASE_URL", "sqlite::memory:"),
            ("WEBHOOK_URL", "https://bot.example.org/hook"),
            ("PORT", "8080"),
        ])
        .expect("valid");
        assert_eq!(config.bot_token().expect("set").expose(), TOKEN);
        assert_eq!(
            config.api_url.as_ref().map(Url::as_str),
            Some("http://127.0.0.1:8081/")
        );
        assert_eq!(config.database_url.as_str(), "sqlite::memory:");
        assert!(config.database_url.is_in_memory());
        let webhook = config.webhook.expect("webhook mode");
        assert_eq!(webhook.url.as_str(), "https://bot.example.org/hook");
        assert_eq!(webhook.port, 8080);
    }

    #[test]
    fn every_replica_sends_telegram_the_same_webhook_secret() {
        let token = BotToken::parse(TOKEN).expect("valid");
        let replica = || {
            config(&[("WEBHOOK_URL", "https://bot.example.org/hook")])
                .expect("valid")
                .webhook
                .expect("set")
        };
        let derived = replica().secret(&token);
        assert_eq!(derived, replica().secret(&token));
        assert_eq!(
            WebhookSecret::parse(derived.expose()).expect("valid"),
            derived
        );
        assert!(!derived.expose().contains("ABC-def_ghi"));
        let other = BotToken::parse("123456:another").expect("valid");
        assert_ne!(derived, replica().secret(&other));
        let chosen = config(&[
            ("WEBHOOK_URL", "https://bot.example.org/hook"),
            ("WEBHOOK_SECRET", "shared_secret-1"),
        ])
        .expect("valid")
        .webhook
        .expect("set");
        assert_eq!(chosen.secret(&token).expose(), "shared_secret-1");
        assert!(!format!("{chosen:?}").contains("shared_secret-1"));
        for bad in ["with space", "ü", &"x".repeat(257)] {
            let err = config(&[
                ("WEBHOOK_URL", "https://bot.example.org/hook"),
                ("WEBHOOK_SECRET", bad),
            ])
            .expect_err(bad);
            assert!(matches!(err, ConfigError::BadWebhookSecret), "{bad}");
        }
    }

    #[test]
    fn webhook_port_has_a_default() {
        let config = config(&[("WEBHOOK_URL", "https://bot.example.org/hook")]).expect("valid");
        assert_eq!(config.webhook.expect("set").port, DEFAULT_WEBHOOK_PORT);
    }

    #[test]
    fn bad_values_are_rejected_with_their_name() {
        let err = config(&[("TELOXIDE_API_URL", "not a url")]).expect_err("bad url");
        assert!(err.to_string().contains("TELOXIDE_API_URL"));
        let err = config(&[("WEBHOOK_URL", "ftp://example.org/")]).expect_err("not http");
        assert!(err.to_string().contains("WEBHOOK_URL"));
        for port in ["0", "70000", "eighty"] {
            let err = config(&[("WEBHOOK_URL", "https://example.org/"), ("PORT", port)])
                .expect_err("bad port");
            assert!(matches!(err, ConfigError::BadPort(_)), "{port}");
        }
        for token in ["no-colon", ":secret", "12a:secret", "123:", "123:sec ret"] {
            let err = config(&[("TELOXIDE_TOKEN", token)]).expect_err("bad token");
            assert!(matches!(err, ConfigError::MalformedToken), "{token}");
            assert!(
                !err.to_string().contains(token),
                "the error must not echo the token"
            );
        }
    }

    #[test]
    fn database_urls_are_checked_at_start() {
        for good in [
            "sqlite://data/report-bot.db",
            "sqlite:data/report-bot.db",
            "sqlite:///var/lib/bot.db",
            "SQLITE://bot.db?mode=rwc",
        ] {
            let url = DatabaseUrl::parse(good).expect(good);
            assert!(!url.is_in_memory(), "{good}");
        }
        for memory in [
            "sqlite::memory:",
            "sqlite://:memory:",
            "sqlite://x.db?mode=memory",
        ] {
            assert!(DatabaseUrl::parse(memory).expect(memory).is_in_memory());
        }
        for postgres in ["postgres://u:p@localhost/bot", "postgresql://localhost/bot"] {
            let url = DatabaseUrl::parse(postgres).expect(postgres);
            assert_eq!(url.backend(), DatabaseBackend::Postgres, "{postgres}");
            assert!(!url.is_in_memory());
            assert!(
                !format!("{url:?}").contains(":p@"),
                "{url:?} shows the password"
            );
        }
        for bad in ["postgres:", "postgres:bot"] {
            let err = DatabaseUrl::parse(bad).expect_err(bad);
            assert!(matches!(err, ConfigError::DatabasePostgres(_)), "{bad}");
        }
        for unknown in [
            "mysql://localhost/bot",
            "http://example.org/db",
            "data/bot.db",
            "file:bot.db",
        ] {
            let err = DatabaseUrl::parse(unknown).expect_err(unknown);
            assert!(matches!(err, ConfigError::DatabaseScheme(_)), "{unknown}");
            assert!(err.to_string().contains("DATABASE_URL"));
        }
        for empty in ["sqlite://", "sqlite:", "sqlite://?mode=rwc"] {
            let err = DatabaseUrl::parse(empty).expect_err(empty);
            assert!(matches!(err, ConfigError::DatabaseNoPath(_)), "{empty}");
        }
        let err = config(&[("DATABASE_URL", "mysql://localhost/bot")]).expect_err("refused");
        assert!(err.to_string().contains("mysql://"), "{err}");
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let config = config(&[("TELOXIDE_TOKEN", TOKEN)]).expect("valid");
        let shown = format!("{config:?}");
        assert!(!shown.contains("ABC-def_ghi"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }
}
