//! `report-bot serve`: the bot's process. Long polling by default, a webhook when `WEBHOOK_URL` is set;
//! requests go through the Throttle adaptor (and retry after a 429's `retry_after`); network errors and
//! 5xx keep it running with backoff; SIGINT/SIGTERM stop it gracefully.

use super::transport::start_scheduler;
use super::{command, schema, BotContext, HandlerError};
use crate::answer::{Engine, EngineError};
use crate::config::{Config, ConfigError};
use crate::knowledge::KnowledgeError;
use crate::logging::Redactor;
use crate::questionlog::writer::CHANNEL_CAPACITY;
use crate::questionlog::{chat_hasher, QuestionLog, SecretError};
use crate::reminders::content::TargetRotation;
use crate::store::{Store, StoreError};
use chrono::Utc;
use std::collections::hash_map::RandomState;
use std::convert::Infallible;
use std::fmt::Debug;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use teloxide::adaptors::throttle::Limits;
use teloxide::adaptors::Throttle;
use teloxide::error_handlers::ErrorHandler;
use teloxide::prelude::*;
use teloxide::types::{BotCommandScope, Me, Recipient};
use teloxide::update_listeners::{webhooks, Polling, UpdateListener};
use teloxide::{ApiError, RequestError};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

/// The requester the running bot uses.
type Api = Throttle<Bot>;
/// The dispatcher's distribution key: none, every update goes straight to its handler.
type NoKey = ();

/// How long one getUpdates waits for updates (the HTTP client's timeout is longer): longer means
/// fewer requests while idle, shorter a quicker notice of a dead connection.
const POLL_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a stop waits for the updates in hand: long enough to answer them, short enough to end
/// before `docker stop` kills the process (after 10 s).
const DRAIN_LIMIT: Duration = Duration::from_secs(5);
/// First wait before retrying an unreachable Bot API; each further failure doubles it.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
/// Longest wait between attempts to reach an unreachable Bot API: longer spares a struggling API,
/// shorter brings the bot back sooner once it recovers.
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// Doublings of [`FIRST_BACKOFF`] counted at most; by then [`MAX_BACKOFF`] caps the wait anyway, and
/// the count cannot overflow.
const MAX_BACKOFF_DOUBLINGS: u32 = 6;

/// Why the bot could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("could not load the reports: {0}")]
    Knowledge(#[from] KnowledgeError),
    #[error("could not build the answer engine: {0}")]
    Engine(#[from] EngineError),
    #[error("could not build the HTTP client: {0}")]
    Client(String),
    #[error("the Bot API refused the token (401 Unauthorized): check TELOXIDE_TOKEN")]
    InvalidToken,
    #[error("could not open the reminder database (DATABASE_URL): {0}")]
    Reminders(#[from] StoreError),
    #[error("the question log's chat-key secret: {0}")]
    LogSecret(#[from] SecretError),
}

/// Worker threads of the bot's runtime. The work is waiting on the network and 30 µs answers, at most
/// Telegram's 30 messages a second: two threads keep one busy handler from delaying the rest, while more
/// (tokio's default is one per core) only add stacks and allocator arenas to the resident memory.
const WORKER_THREADS: usize = 2;

/// `report-bot serve`: a tokio runtime, and [`serve`] on it.
pub fn command(config: &Config) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKER_THREADS)
        .enable_all()
        .build()?;
    runtime.block_on(serve(config))?;
    Ok(())
}

/// Runs the bot until SIGINT or SIGTERM.
pub async fn serve(config: &Config) -> Result<(), ServeError> {
    let token = config.bot_token()?;
    let redactor = Redactor::new(token.expose());
    // With the knowledge's own small base dictionary for jieba, as the command line and `eval` answer:
    // the same answers, and about 33 MB less than jieba's full dictionary (docs/benchmarks.md).
    let engine = Arc::new(
        Engine::load(&config.knowledge).map_err(|error| match error {
            EngineError::Knowledge(error) => ServeError::Knowledge(error),
            other => ServeError::Engine(other),
        })?,
    );

    let client = teloxide::net::default_reqwest_settings()
        .build()
        .map_err(|err| ServeError::Client(redactor.redact(&err.to_string()).into_owned()))?;
    let mut bot = Bot::with_client(token.expose(), client);
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    let bot: Api = bot.throttle(Limits::default());

    if config.database_url.is_in_memory() {
        tracing::warn!(
            "DATABASE_URL is an in-memory database: subscriptions vanish when the bot stops; \
             use sqlite://<path> to keep them"
        );
    }
    let store = Arc::new(Store::open(&config.database_url).await?);
    let rotation = match TargetRotation::from_library(engine.library()) {
        Ok(rotation) => Some(Arc::new(rotation)),
        Err(error) => {
            tracing::warn!(%error, "daily reminders are off");
            None
        }
    };
    let log_stop = CancellationToken::new();
    let mut context = BotContext::new(engine.clone(), random_key());
    if rotation.is_some() {
        context = context.with_reminders(store.clone());
    }
    let mut log_writer = None;
    context = context.with_admin(config.admin_chats.clone(), store.clone());
    if let Some(retention) = config.question_log.retention {
        let hasher = chat_hasher(store.as_ref(), config.question_log.secret.as_ref()).await?;
        let (log, task) = QuestionLog::start(
            store.clone(),
            engine,
            hasher,
            retention,
            CHANNEL_CAPACITY,
            Utc::now(),
            log_stop.clone(),
        );
        tracing::info!(days = retention.days, "question log on");
        context = context.with_question_log(Arc::new(log));
        log_writer = Some(task);
    }
    let context = Arc::new(context);
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema::<Api>())
        .dependencies(dptree::deps![context])
        // Every update is handled as soon as it arrives; a chat's order is kept by its lane
        // (`telegram::lanes`). teloxide's per-chat queues would let one flooded chat stall them all.
        .distribution_function(|_| None::<NoKey>)
        .default_handler(|update| async move {
            tracing::debug!(update_id = update.id.0, "update ignored");
        })
        .error_handler(Arc::new(move |err: HandlerError| {
            let message = Redactor::default().redact(&err.to_string()).into_owned();
            async move { tracing::warn!(error = %message, "update not handled") }
        }))
        .build();

    let (stop, mut stopping) = watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        let _ = stop.send(true);
    });

    let me = tokio::select! {
        me = connect(&bot, &redactor) => me?,
        _ = stopping.wait_for(|stop| *stop) => {
            tracing::info!("stopped before connecting");
            return Ok(());
        }
    };
    tracing::info!(username = me.username(), "connected to the Bot API");
    register_commands(&bot, &redactor, &config.admin_chats).await;
    let reminders_stop = CancellationToken::new();
    let scheduler = rotation.map(|rotation| {
        start_scheduler(bot.clone(), store.clone(), rotation, reminders_stop.clone())
    });

    match &config.webhook {
        None => {
            tracing::info!("receiving updates by long polling");
            let listen = || {
                let bot = bot.clone();
                async move {
                    let polling = Polling::builder(bot)
                        .timeout(POLL_TIMEOUT)
                        .backoff_strategy(backoff)
                        .delete_webhook()
                        .await
                        .build();
                    Ok(polling)
                }
            };
            let log_redactor = redactor.clone();
            let on_error = Arc::new(move |err: RequestError| {
                log_polling_error(&err, &log_redactor);
                async {}
            });
            dispatch(&mut dispatcher, listen, on_error, &mut stopping, &redactor).await;
        }
        Some(webhook) => {
            tracing::info!(port = webhook.port, "receiving updates by webhook");
            let address = SocketAddr::from(([0, 0, 0, 0], webhook.port));
            let stop_server = stopping.clone();
            let listen = || {
                let options = webhooks::Options::new(address, webhook.url.clone())
                    .secret_token(webhook.secret(token).expose().to_owned());
                listen_webhook(bot.clone(), options, stop_server.clone())
            };
            let on_error = Arc::new(|err: Infallible| async move { match err {} });
            dispatch(&mut dispatcher, listen, on_error, &mut stopping, &redactor).await;
        }
    }
    // Updates have stopped; let the reminders in flight finish and be recorded.
    reminders_stop.cancel();
    if let Some(task) = scheduler {
        if let Err(error) = task.await {
            tracing::error!(%error, "the reminder scheduler failed");
        }
    }
    // The questions in hand are written before the database closes.
    log_stop.cancel();
    if let Some(task) = log_writer {
        if let Err(error) = task.await {
            tracing::error!(%error, "the question log writer failed");
        }
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// setWebhook, then serves the webhook until shutdown. Unlike teloxide's `webhooks::axum`, a stopping
/// process does not call deleteWebhook: with replicas, the others go on receiving updates while one
/// restarts (docs/deploy.md). A single process that stops leaves Telegram holding the updates until it is
/// back; switching to long polling deletes the webhook at start.
async fn listen_webhook(
    bot: Api,
    options: webhooks::Options,
    mut stopping: watch::Receiver<bool>,
) -> Result<impl UpdateListener<Err = Infallible>, RequestError> {
    let address = options.address;
    // The third value deletes the webhook when awaited after a stop; it is never awaited.
    let (mut listener, _delete_on_stop, router) = webhooks::axum_to_router(bot, options).await?;
    let tcp = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| RequestError::Io(Arc::new(error)))?;
    let stop_listener = listener.stop_token();
    tokio::spawn(async move {
        let shutdown = async move {
            let _ = stopping.wait_for(|stop| *stop).await;
        };
        if let Err(error) = axum::serve(tcp, router)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!(%error, "the webhook server failed");
            stop_listener.stop();
        }
    });
    Ok(listener)
}

/// Dispatches updates from `listen`'s listener until shutdown. Starting needs the Bot API (getMe,
/// setWebhook); while it is unreachable, starting is retried with backoff.
async fn dispatch<L, Eh, Fut>(
    dispatcher: &mut Dispatcher<Api, HandlerError, NoKey>,
    mut listen: impl FnMut() -> Fut,
    on_error: Arc<Eh>,
    stopping: &mut watch::Receiver<bool>,
    redactor: &Redactor,
) where
    Fut: Future<Output = Result<L, RequestError>>,
    L: UpdateListener + Send,
    L::Err: Debug,
    Eh: ErrorHandler<L::Err> + Send + Sync,
{
    let mut failures = 0;
    loop {
        let started = match listen().await {
            Ok(mut listener) => {
                // Stopping the listener ends its stream, and the dispatcher then drains the updates
                // in hand. The stop token is a sticky flag; teloxide's ShutdownToken is not: its
                // notice is lost when it comes while the dispatcher is busy with an update.
                let stop_listener = listener.stop_token();
                let mut stop_seen = stopping.clone();
                let stop_then_drain = async move {
                    if stop_seen.wait_for(|stop| *stop).await.is_err() {
                        std::future::pending::<()>().await;
                    }
                    stop_listener.stop();
                    tokio::time::sleep(DRAIN_LIMIT).await;
                };
                tokio::select! {
                    dispatched = dispatcher.try_dispatch_with_listener(listener, on_error.clone()) => dispatched,
                    () = stop_then_drain => {
                        tracing::warn!(
                            limit_s = DRAIN_LIMIT.as_secs(),
                            "updates still in hand at the drain limit; stopping without them"
                        );
                        return;
                    }
                }
            }
            Err(err) => Err(err),
        };
        let Err(err) = started else {
            return;
        };
        let delay = backoff(failures);
        failures += 1;
        tracing::warn!(
            error = %redactor.redact(&err.to_string()),
            retry_in_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
            "could not start receiving updates"
        );
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            _ = stopping.wait_for(|stop| *stop) => return,
        }
    }
}

/// getMe until the Bot API answers, backing off while it is unreachable; a refused token is fatal.
async fn connect(bot: &Api, redactor: &Redactor) -> Result<Me, ServeError> {
    let mut failures = 0;
    loop {
        match bot.get_me().await {
            Ok(me) => return Ok(me),
            Err(RequestError::Api(ApiError::InvalidToken)) => return Err(ServeError::InvalidToken),
            Err(err) => {
                let delay = backoff(failures);
                failures += 1;
                tracing::warn!(
                    error = %redactor.redact(&err.to_string()),
                    retry_in_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                    "Bot API not reachable"
                );
                tokio::time::sleep(delay).await;
            }
        }
    }
}

/// Fills the command menu, and the maintainer's chats' menus with their commands too; a failure only
/// leaves an older menu, so it is logged, not fatal.
async fn register_commands(bot: &Api, redactor: &Redactor, admin_chats: &[i64]) {
    if let Err(err) = bot.set_my_commands(command::bot_commands()).await {
        tracing::warn!(error = %redactor.redact(&err.to_string()), "setMyCommands failed; the command menu may be stale");
    }
    // An id teloxide cannot handle would panic its rate limiter (see `CHAT_IDS`).
    for chat in admin_chats
        .iter()
        .filter(|chat| super::CHAT_IDS.contains(chat))
    {
        let scope = BotCommandScope::Chat {
            chat_id: Recipient::Id(ChatId(*chat)),
        };
        if let Err(err) = bot
            .set_my_commands(command::admin_commands())
            .scope(scope)
            .await
        {
            tracing::warn!(error = %redactor.redact(&err.to_string()), "setMyCommands for an admin chat failed");
        }
    }
}

/// 0.5 s, 1 s, 2 s … up to [`MAX_BACKOFF`].
fn backoff(failures: u32) -> Duration {
    FIRST_BACKOFF
        .saturating_mul(1 << failures.min(MAX_BACKOFF_DOUBLINGS))
        .min(MAX_BACKOFF)
}

/// One log line per failed getUpdates; teloxide's polling then waits (retry_after or backoff).
fn log_polling_error(err: &RequestError, redactor: &Redactor) {
    match err {
        RequestError::Api(ApiError::TerminatedByOtherGetUpdates) => tracing::error!(
            "409 Conflict: another process is polling Telegram with this bot token; \
             stop the other instance (only one may poll) or run this one in webhook mode"
        ),
        RequestError::RetryAfter(seconds) => tracing::warn!(
            retry_after_s = seconds.seconds(),
            "getUpdates rate limited (429); polling resumes after retry_after"
        ),
        other => tracing::warn!(
            error = %redactor.redact(&other.to_string()),
            "getUpdates failed; retrying with backoff"
        ),
    }
}

/// The first 更多结果 key of this process: random, so buttons from before a restart read as stale.
fn random_key() -> u32 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(u64::from(std::process::id()));
    // Truncation is the point: any 32 bits of the hash will do.
    hasher.finish() as u32
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM (docker stop).
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(%err, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(err) => {
                tracing::warn!(%err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0), Duration::from_millis(500));
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(3), Duration::from_secs(4));
        assert_eq!(backoff(6), MAX_BACKOFF);
        assert_eq!(backoff(u32::MAX), MAX_BACKOFF);
    }
}
