//! A fake Telegram Bot API server for end-to-end tests: the real `report-bot serve` process is pointed at
//! it with `TELOXIDE_API_URL`. It queues updates for getUpdates (long polling with a short timeout),
//! answers the methods the bot uses, records every call, checks what Telegram would reject (texts over
//! 4096 characters, malformed HTML, callback data over 64 bytes), can be told to fail the next call to a
//! method or the next sendMessage to one chat (429 with retry_after, 5xx, 409, 403, an answer cut off
//! after the request was read, an answer that never comes), and can be stopped and started again on the
//! same port.
//!
//! Method names are matched case-insensitively: teloxide calls `/bot<token>/SendMessage`.

use crate::support::html::{check_html, TELEGRAM_TAGS};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, Notify};
use tokio::task::JoinHandle;

/// The bot token the fake accepts; shaped like a real one so redaction is exercised for real.
pub const TOKEN: &str = "5123456789:AAFakeTokenForEndToEndTests_abcdefghi";
/// The bot's id and username, as getMe reports them.
pub const BOT_ID: u64 = 5_123_456_789;
pub const BOT_USERNAME: &str = "xiping_report_test_bot";
/// Telegram's limits.
pub const MAX_TEXT_LEN: usize = 4096;
pub const MAX_CALLBACK_DATA: usize = 64;

/// How long getUpdates waits for an update before answering with none.
const LONG_POLL_CAP: Duration = Duration::from_millis(300);

/// A failure to return instead of the normal answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 429 Too Many Requests with `parameters.retry_after`.
    TooManyRequests { retry_after: u32 },
    /// A 5xx status (teloxide sleeps 10 s after one before reporting it).
    ServerError(u16),
    /// 409 Conflict: another instance is polling.
    Conflict,
    /// 403: the user blocked the bot.
    BlockedByUser,
    /// The request is read, then the connection breaks before the answer is complete: the message may
    /// have been delivered, and the bot cannot know.
    Reset,
    /// The request is read and no answer comes for this long (longer than the bot's 17 s timeout): the
    /// message may have been delivered.
    Hang(Duration),
}

impl Fault {
    /// Whether a sendMessage that met this fault may still have reached the user.
    pub fn may_have_arrived(self) -> bool {
        matches!(self, Fault::Reset | Fault::Hang(_))
    }
}

/// One request the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    /// As requested (`SendMessage`).
    pub method: String,
    pub params: Value,
    /// What the fake answered: the `result` on success, the whole error body otherwise.
    pub response: Value,
    pub ok: bool,
    /// Whether the token in the URL was [`TOKEN`].
    pub token_ok: bool,
    pub at: Instant,
    /// The fault injected instead of the normal answer, if any.
    pub fault: Option<Fault>,
}

impl Call {
    pub fn is(&self, method: &str) -> bool {
        self.method.eq_ignore_ascii_case(method)
    }

    pub fn text(&self) -> &str {
        self.params["text"].as_str().unwrap_or_default()
    }

    /// Every `callback_data` in the call's inline keyboard.
    pub fn callback_data(&self) -> Vec<String> {
        buttons(&self.params)
            .filter_map(|button| button["callback_data"].as_str().map(str::to_owned))
            .collect()
    }
}

fn buttons(params: &Value) -> impl Iterator<Item = &Value> {
    params["reply_markup"]["inline_keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
}

#[derive(Default)]
struct Inner {
    calls: Vec<Call>,
    updates: VecDeque<Value>,
    next_update_id: i64,
    next_message_id: i64,
    faults: HashMap<String, VecDeque<Fault>>,
    /// Faults for the next sendMessage calls to one chat.
    chat_faults: HashMap<i64, VecDeque<Fault>>,
}

#[derive(Default)]
struct Shared {
    inner: Mutex<Inner>,
    /// Woken on every new update and every recorded call.
    changed: Notify,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The running fake. Dropping it stops the server.
pub struct FakeApi {
    addr: SocketAddr,
    shared: Arc<Shared>,
    running: Option<(oneshot::Sender<()>, JoinHandle<()>)>,
}

impl FakeApi {
    /// Starts on a free port of 127.0.0.1.
    pub async fn start() -> FakeApi {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let mut api = FakeApi {
            addr,
            shared: Arc::new(Shared {
                inner: Mutex::new(Inner {
                    next_update_id: 1000,
                    next_message_id: 1,
                    ..Inner::default()
                }),
                changed: Notify::new(),
            }),
            running: None,
        };
        api.serve(listener);
        api
    }

    /// `TELOXIDE_API_URL` for the bot.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Stops answering: closes the listener and every connection. Recorded calls and queued updates stay.
    pub async fn stop(&mut self) {
        if let Some((stop, task)) = self.running.take() {
            let _ = stop.send(());
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
    }

    /// Starts again on the same port, with the same state.
    pub async fn restart(&mut self) {
        self.stop().await;
        let deadline = Instant::now() + Duration::from_secs(10);
        let listener = loop {
            match TcpListener::bind(self.addr).await {
                Ok(listener) => break listener,
                Err(err) if Instant::now() < deadline => {
                    eprintln!("fake api: rebinding {}: {err}", self.addr);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(err) => panic!("cannot rebind {}: {err}", self.addr),
            }
        };
        self.serve(listener);
    }

    fn serve(&mut self, listener: TcpListener) {
        let app = Router::new()
            .route("/{*path}", any(handle))
            .with_state(self.shared.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let server = axum::serve(listener, app).with_graceful_shutdown(async move {
                let _ = stopped.await;
            });
            if let Err(err) = server.await {
                eprintln!("fake api stopped with an error: {err}");
            }
        });
        self.running = Some((stop, task));
    }

    /// Queues an update (the object without `update_id`, e.g. `{"message": {...}}`); returns its id.
    pub fn push_update(&self, mut update: Value) -> i64 {
        let id = {
            let mut inner = self.shared.lock();
            inner.next_update_id += 1;
            let id = inner.next_update_id;
            update["update_id"] = json!(id);
            inner.updates.push_back(update);
            id
        };
        self.shared.changed.notify_waiters();
        id
    }

    /// Makes the next call to `method` fail with `fault` (queued faults apply one per call).
    pub fn fail_next(&self, method: &str, fault: Fault) {
        self.shared
            .lock()
            .faults
            .entry(method.to_ascii_lowercase())
            .or_default()
            .push_back(fault);
    }

    /// Makes the next sendMessage to `chat` fail with `fault` (queued faults apply one per call; they
    /// come before [`FakeApi::fail_next`]'s).
    pub fn fail_chat(&self, chat: i64, fault: Fault) {
        self.shared
            .lock()
            .chat_faults
            .entry(chat)
            .or_default()
            .push_back(fault);
    }

    pub fn calls(&self) -> Vec<Call> {
        self.shared.lock().calls.clone()
    }

    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.calls().into_iter().filter(|c| c.is(method)).collect()
    }

    /// A user's private message to the bot, and the bot's first sendMessage after it (`None` if none came
    /// within `timeout`).
    pub async fn message_and_reply(
        &self,
        chat: i64,
        text: &str,
        timeout: Duration,
    ) -> Option<Call> {
        let before = self.calls().len();
        self.push_update(message_update(text_message(1, chat, chat, text)));
        self.wait_for_call_after(before, "SendMessage", timeout)
            .await
    }

    /// Waits until a recorded call satisfies `matches`; the first such call.
    pub async fn wait_for(
        &self,
        timeout: Duration,
        matches: impl Fn(&Call) -> bool,
    ) -> Option<Call> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let changed = self.shared.changed.notified();
            if let Some(call) = self.calls().into_iter().find(|c| matches(c)) {
                return Some(call);
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                return None;
            }
        }
    }

    /// Waits for a call to `method` made after the first `skip` calls were recorded.
    pub async fn wait_for_call_after(
        &self,
        skip: usize,
        method: &str,
        timeout: Duration,
    ) -> Option<Call> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let changed = self.shared.changed.notified();
            if let Some(call) = self.calls().into_iter().skip(skip).find(|c| c.is(method)) {
                return Some(call);
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                return None;
            }
        }
    }

    /// Waits until the bot has fetched every queued update.
    pub async fn wait_until_delivered(&self, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let changed = self.shared.changed.notified();
            if self.shared.lock().updates.is_empty() {
                return true;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                return false;
            }
        }
    }

    /// Every text the bot sent or edited that Telegram would have refused.
    pub fn rejected(&self) -> Vec<Call> {
        self.calls()
            .into_iter()
            .filter(|c| !c.ok && c.response["error_code"] == 400)
            .collect()
    }
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        if let Some((stop, _)) = self.running.take() {
            let _ = stop.send(());
        }
    }
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some((bot, method)) = path.split_once('/') else {
        return error(StatusCode::NOT_FOUND, 404, "Not Found", None);
    };
    let token_ok = bot.strip_prefix("bot") == Some(TOKEN);
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let params = match content_type.split_once("boundary=") {
        Some((_, boundary)) => multipart_fields(&body, boundary.trim_matches('"')),
        None => serde_json::from_slice(&body).unwrap_or(Value::Null),
    };
    let key = method.to_ascii_lowercase();

    let fault = {
        let mut inner = shared.lock();
        let chat = params["chat_id"].as_i64();
        let for_chat = match chat {
            Some(chat) if key == "sendmessage" => inner
                .chat_faults
                .get_mut(&chat)
                .and_then(VecDeque::pop_front),
            _ => None,
        };
        for_chat.or_else(|| inner.faults.get_mut(&key).and_then(VecDeque::pop_front))
    };
    if let Some(fault @ (Fault::Reset | Fault::Hang(_))) = fault {
        return cut_off(&shared, method, params, token_ok, fault).await;
    }
    let (status, body) = match fault {
        Some(fault) => fault_response(fault),
        None if !token_ok => error_body(StatusCode::UNAUTHORIZED, 401, "Unauthorized", None),
        None if key == "getupdates" => get_updates(&shared, &params).await,
        None => answer(&shared, &key, &params),
    };

    let ok = body["ok"] == true;
    let call = Call {
        method: method.to_owned(),
        params,
        response: if ok {
            body["result"].clone()
        } else {
            body.clone()
        },
        ok,
        token_ok,
        at: Instant::now(),
        fault,
    };
    record(&shared, call);
    (status, Json(body)).into_response()
}

fn record(shared: &Shared, call: Call) {
    shared.lock().calls.push(call);
    shared.changed.notify_waiters();
}

/// A request that was read and recorded, whose answer is then lost: the connection breaks after the
/// status line ([`Fault::Reset`]) or the answer comes too late ([`Fault::Hang`]).
async fn cut_off(
    shared: &Shared,
    method: &str,
    params: Value,
    token_ok: bool,
    fault: Fault,
) -> Response {
    record(
        shared,
        Call {
            method: method.to_owned(),
            params,
            response: json!({ "cut_off": format!("{fault:?}") }),
            ok: false,
            token_ok,
            at: Instant::now(),
            fault: Some(fault),
        },
    );
    if let Fault::Hang(delay) = fault {
        tokio::time::sleep(delay).await;
    }
    let broken = futures::stream::once(async {
        Err::<Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "connection reset by the fake",
        ))
    });
    (StatusCode::OK, axum::body::Body::from_stream(broken)).into_response()
}

/// The text fields of a multipart/form-data body (teloxide sends setWebhook that way), as a JSON object.
fn multipart_fields(body: &[u8], boundary: &str) -> Value {
    let body = String::from_utf8_lossy(body);
    let mut fields = serde_json::Map::new();
    for part in body.split(&format!("--{boundary}")) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let name = head
            .split("name=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next());
        if let Some(name) = name {
            let value = value.strip_suffix("\r\n").unwrap_or(value);
            let value = serde_json::from_str(value).unwrap_or_else(|_| json!(value));
            fields.insert(name.to_owned(), value);
        }
    }
    Value::Object(fields)
}

fn fault_response(fault: Fault) -> (StatusCode, Value) {
    match fault {
        Fault::TooManyRequests { retry_after } => error_body(
            StatusCode::TOO_MANY_REQUESTS,
            429,
            &format!("Too Many Requests: retry after {retry_after}"),
            Some(json!({ "retry_after": retry_after })),
        ),
        Fault::ServerError(code) => error_body(
            StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_GATEWAY),
            i64::from(code),
            "Internal Server Error",
            None,
        ),
        Fault::Conflict => error_body(
            StatusCode::CONFLICT,
            409,
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            None,
        ),
        Fault::BlockedByUser => error_body(
            StatusCode::FORBIDDEN,
            403,
            "Forbidden: bot was blocked by the user",
            None,
        ),
        Fault::Reset | Fault::Hang(_) => {
            unreachable!("answered by cut_off")
        }
    }
}

async fn get_updates(shared: &Shared, params: &Value) -> (StatusCode, Value) {
    let offset = params["offset"].as_i64().unwrap_or(0);
    let limit = params["limit"].as_u64().unwrap_or(100).clamp(1, 100) as usize;
    let wait = Duration::from_secs(params["timeout"].as_u64().unwrap_or(0)).min(LONG_POLL_CAP);
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let changed = shared.changed.notified();
        let updates: Vec<Value> = {
            let mut inner = shared.lock();
            // Like Telegram: an offset confirms every update before it.
            inner
                .updates
                .retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
            inner.updates.iter().take(limit).cloned().collect()
        };
        if !updates.is_empty() || tokio::time::timeout_at(deadline, changed).await.is_err() {
            return ok(json!(updates));
        }
    }
}

fn answer(shared: &Shared, method: &str, params: &Value) -> (StatusCode, Value) {
    match method {
        "getme" => ok(me()),
        "getwebhookinfo" => ok(json!({
            "url": "", "has_custom_certificate": false, "pending_update_count": 0
        })),
        "sendmessage" | "editmessagetext" => {
            if let Some(problem) = text_problem(params) {
                return error_body(StatusCode::BAD_REQUEST, 400, &problem, None);
            }
            if method == "editmessagetext" && params.get("inline_message_id").is_some() {
                return ok(json!(true));
            }
            let message_id = if method == "sendmessage" {
                let mut inner = shared.lock();
                inner.next_message_id += 1;
                inner.next_message_id
            } else {
                params["message_id"].as_i64().unwrap_or(0)
            };
            ok(bot_message(
                message_id,
                params["chat_id"].as_i64().unwrap_or(0),
                params["text"].as_str().unwrap_or_default(),
            ))
        }
        "answerinlinequery" => {
            let results = params["results"].as_array().map(Vec::len).unwrap_or(0);
            if results > 50 {
                return error_body(
                    StatusCode::BAD_REQUEST,
                    400,
                    "Bad Request: RESULTS_TOO_MUCH",
                    None,
                );
            }
            ok(json!(true))
        }
        "setmycommands"
        | "deletemycommands"
        | "deletewebhook"
        | "setwebhook"
        | "answercallbackquery"
        | "sendchataction"
        | "close"
        | "logout" => ok(json!(true)),
        _ => error_body(
            StatusCode::NOT_FOUND,
            404,
            "Not Found: method not found",
            None,
        ),
    }
}

/// What Telegram would say about a message's text, if it would refuse it.
fn text_problem(params: &Value) -> Option<String> {
    let text = params["text"].as_str().unwrap_or_default();
    if text.trim().is_empty() {
        return Some("Bad Request: message text is empty".into());
    }
    if text.chars().count() > MAX_TEXT_LEN || text.encode_utf16().count() > MAX_TEXT_LEN {
        return Some("Bad Request: message is too long".into());
    }
    if params["parse_mode"] == "HTML" {
        if let Err(problem) = check_html(text, &TELEGRAM_TAGS) {
            return Some(format!("Bad Request: can't parse entities: {problem}"));
        }
    }
    if buttons(params).any(|b| {
        b["callback_data"]
            .as_str()
            .is_some_and(|d| d.is_empty() || d.len() > MAX_CALLBACK_DATA)
    }) {
        return Some("Bad Request: BUTTON_DATA_INVALID".into());
    }
    None
}

fn ok(result: Value) -> (StatusCode, Value) {
    (StatusCode::OK, json!({ "ok": true, "result": result }))
}

fn error_body(
    status: StatusCode,
    code: i64,
    description: &str,
    parameters: Option<Value>,
) -> (StatusCode, Value) {
    let mut body = json!({ "ok": false, "error_code": code, "description": description });
    if let Some(parameters) = parameters {
        body["parameters"] = parameters;
    }
    (status, body)
}

fn error(status: StatusCode, code: i64, description: &str, parameters: Option<Value>) -> Response {
    let (status, body) = error_body(status, code, description, parameters);
    (status, Json(body)).into_response()
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

// ---- update builders ----------------------------------------------------------------------------

/// The bot as a `User`.
pub fn me() -> Value {
    json!({
        "id": BOT_ID, "is_bot": true, "first_name": "西平报告", "username": BOT_USERNAME,
        "can_join_groups": true, "can_read_all_group_messages": false, "supports_inline_queries": true,
        "can_connect_to_business": false, "has_main_web_app": false
    })
}

pub fn user(id: i64) -> Value {
    json!({ "id": id, "is_bot": false, "first_name": format!("用户{id}"), "language_code": "zh-hans" })
}

/// A private chat has the user's id; a group a negative one.
pub fn chat(id: i64) -> Value {
    if id > 0 {
        json!({ "id": id, "type": "private", "first_name": format!("用户{id}") })
    } else {
        json!({ "id": id, "type": "supergroup", "title": "测试群" })
    }
}

/// A message the bot sent, as the fake answers sendMessage.
pub fn bot_message(message_id: i64, chat_id: i64, text: &str) -> Value {
    json!({
        "message_id": message_id, "date": now(), "chat": chat(chat_id), "from": me(), "text": text
    })
}

/// A user's text message in chat `chat_id` (the user's id for a private chat).
pub fn text_message(message_id: i64, chat_id: i64, user_id: i64, text: &str) -> Value {
    let mut message = json!({
        "message_id": message_id, "date": now(), "chat": chat(chat_id), "from": user(user_id), "text": text
    });
    if text.starts_with('/') {
        let command_len = text
            .split_whitespace()
            .next()
            .map(|c| c.encode_utf16().count())
            .unwrap_or(0);
        message["entities"] =
            json!([{ "type": "bot_command", "offset": 0, "length": command_len }]);
    }
    message
}

/// `{"message": …}` for [`FakeApi::push_update`].
pub fn message_update(message: Value) -> Value {
    json!({ "message": message })
}

/// A user's sticker.
pub fn sticker_message(message_id: i64, chat_id: i64, user_id: i64) -> Value {
    json!({
        "message_id": message_id, "date": now(), "chat": chat(chat_id), "from": user(user_id),
        "sticker": {
            "file_id": "sticker-file", "file_unique_id": "sticker-unique", "type": "regular",
            "width": 512, "height": 512, "is_animated": false, "is_video": false, "emoji": "👍"
        }
    })
}

/// A button press on a message the bot sent.
pub fn callback_update(id: &str, user_id: i64, message: Value, data: &str) -> Value {
    json!({ "callback_query": {
        "id": id, "from": user(user_id), "chat_instance": "test-instance", "message": message, "data": data
    }})
}

/// `@bot query` typed in any chat.
pub fn inline_query_update(id: &str, user_id: i64, query: &str) -> Value {
    json!({ "inline_query": {
        "id": id, "from": user(user_id), "query": query, "offset": "", "chat_type": "private"
    }})
}
