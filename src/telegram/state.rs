//! What every handler shares ([`BotContext`]): the engine, and the bot's little in-memory state:
//! recent questions (a 更多结果 button cannot carry its question in 64 bytes) and per-user flood
//! control. Both are bounded and take the time as an argument.

use super::lanes::ChatLanes;
use super::views;
use crate::answer::{Engine, FollowUp, Language};
use crate::questionlog::QuestionLog;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use teloxide::types::MessageId;

/// Questions remembered for 更多结果 buttons: more keeps older buttons paging the full question (a
/// forgotten one re-asks what its button carries, cut to 64 bytes), at the cost of memory (a question is
/// at most a few hundred bytes).
const RECENT_QUESTIONS: usize = 10_000;
/// Question messages whose reply is remembered for edits: an edit comes minutes after the question,
/// and an entry is a few bytes, so this covers far more than the chats active at once.
const RECENT_REPLIES: usize = 10_000;
/// Flood control: this many messages at once, then one per [`FLOOD_REFILL`]. A person asking in
/// earnest stays under it; a script or a stuck key does not.
const FLOOD_BURST: u32 = 3;
/// How fast a flooding user's allowance comes back: slower protects the bot's share of Telegram's
/// rate limits, faster keeps a quick typist from being told to slow down. One per 3 s is the 20
/// messages a minute Telegram (and the Throttle adaptor) allows in one chat, so what is admitted can
/// be sent without piling up behind that limit.
const FLOOD_REFILL: Duration = Duration::from_secs(3);
/// Users tracked by the flood guard before idle ones are forgotten: bounds memory, and is far above
/// the number of people writing in the same few seconds.
const FLOOD_USERS: usize = 10_000;
/// Messages that may wait in a chat's lane behind the one being handled. Flood control keeps a person's
/// lane short (a burst of 3 and the note, then one per 3 s); this bounds it when the bot as a whole is
/// saturated at Telegram's 30 messages a second, where a chat's next message is dropped rather than
/// answered minutes late. Higher keeps more under overload, at a few kilobytes per waiting message.
const LANE_BACKLOG: usize = 10;
/// Chat lanes kept before idle ones are forgotten: bounds memory, far above the chats with a message in
/// hand at once.
const LANES: usize = 10_000;

/// Chats whose last question is remembered for follow-ups (那2021年呢): bounds memory (a question is a few
/// hundred bytes), far above the chats active in the same half hour.
const CONVERSATIONS: usize = 10_000;
/// How long a chat's last question is remembered: a follow-up comes within minutes; after this a
/// question stands on its own again.
const CONVERSATION_TTL: Duration = Duration::from_secs(30 * 60);

/// What every handler shares: the engine and the bot's small in-memory state.
pub struct BotContext {
    pub engine: Arc<Engine>,
    pub questions: RecentQuestions,
    pub replies: RecentReplies,
    pub conversations: Conversations,
    pub flood: FloodGuard,
    /// Each chat's messages one at a time, in order, without holding up other chats.
    pub lanes: ChatLanes,
    /// The /start example questions, built from the report's data.
    pub examples: Vec<String>,
    /// Where /subscribe keeps subscriptions; `None` when daily reminders are off.
    pub reminders: Option<Arc<Store>>,
    /// The question log; `None` when it is off (no feedback buttons then).
    pub log: Option<Arc<QuestionLog>>,
    /// The maintainer's chats and the log they read; `None` when nobody may use /stats.
    pub admin: Option<Admin>,
    /// Reply languages chosen with /lang, by chat (kept in the store too when there is one).
    languages: Mutex<HashMap<i64, Language>>,
}

/// Who may read the log from Telegram, and where it is.
pub struct Admin {
    /// `ADMIN_CHAT_IDS`.
    pub chats: Vec<i64>,
    pub store: Arc<Store>,
}

impl Admin {
    /// Whether /stats and /unanswered exist in this chat.
    pub fn allows(&self, chat: i64) -> bool {
        self.chats.contains(&chat)
    }
}

impl BotContext {
    /// `first_question_key` seeds the keys of 更多结果 buttons (use the clock in production, so buttons
    /// from before a restart are recognised as stale rather than mistaken for new ones).
    pub fn new(engine: Arc<Engine>, first_question_key: u32) -> BotContext {
        let examples = views::example_questions(&engine);
        BotContext {
            engine,
            questions: RecentQuestions::new(RECENT_QUESTIONS, first_question_key),
            replies: RecentReplies::new(RECENT_REPLIES),
            conversations: Conversations::new(CONVERSATIONS, CONVERSATION_TTL),
            flood: FloodGuard::new(FLOOD_BURST, FLOOD_REFILL, FLOOD_USERS),
            lanes: ChatLanes::new(LANE_BACKLOG, LANES),
            examples,
            reminders: None,
            log: None,
            admin: None,
            languages: Mutex::new(HashMap::new()),
        }
    }

    /// The language to reply in: the chat's /lang choice, else the user's Telegram `language_code`
    /// (`en…` → English; `zh-*`, anything else or none → Chinese).
    pub async fn language(&self, chat_id: i64, language_code: Option<&str>) -> Language {
        let chosen = self
            .languages
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&chat_id)
            .copied();
        if let Some(language) = chosen {
            return language;
        }
        if let Some(store) = &self.reminders {
            match store.chat_language(chat_id).await {
                Ok(Some(code)) => {
                    let language = Language::from_code(Some(&code));
                    self.remember_language(chat_id, language);
                    return language;
                }
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, "cannot read the chat's language"),
            }
        }
        Language::from_code(language_code)
    }

    /// Keeps a chat's /lang choice (in the store too, when there is one).
    pub async fn set_language(&self, chat_id: i64, language: Language, now: DateTime<Utc>) {
        self.remember_language(chat_id, language);
        if let Some(store) = &self.reminders {
            if let Err(error) = store.set_chat_language(chat_id, language.code(), now).await {
                tracing::warn!(%error, "cannot keep the chat's language");
            }
        }
    }

    /// Forgets a chat's /lang choice, in the store too (/forget).
    pub async fn forget_language(&self, chat_id: i64) -> Result<(), StoreError> {
        self.languages
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&chat_id);
        match &self.reminders {
            Some(store) => store.forget_chat_language(chat_id).await,
            None => Ok(()),
        }
    }

    fn remember_language(&self, chat_id: i64, language: Language) {
        self.languages
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(chat_id, language);
    }

    /// Turns on /subscribe, /unsubscribe and /subscription, keeping subscriptions in `store`.
    pub fn with_reminders(mut self, store: Arc<Store>) -> BotContext {
        self.reminders = Some(store);
        self
    }

    /// Gives the chats in `chats` /stats and /unanswered over `store`.
    pub fn with_admin(mut self, chats: Vec<i64>, store: Arc<Store>) -> BotContext {
        self.admin = (!chats.is_empty()).then_some(Admin { chats, store });
        self
    }

    /// Whether `chat` is a maintainer's.
    pub fn is_admin(&self, chat: i64) -> bool {
        self.admin.as_ref().is_some_and(|admin| admin.allows(chat))
    }

    /// Logs questions and feedback to `log`, and offers 👍/👎 under answers.
    pub fn with_question_log(mut self, log: Arc<QuestionLog>) -> BotContext {
        self.log = Some(log);
        self
    }
}

/// Questions recently answered, by a short key that a 更多结果 button carries. Old questions fall out
/// once `capacity` newer ones arrive, and a restart forgets them all; either way the button then re-asks
/// the question it carries. Keys start at a caller-chosen value so that a restarted process (seeded from
/// the clock) does not hand an old button someone else's question.
#[derive(Debug)]
pub struct RecentQuestions {
    inner: Mutex<(u32, Recent<u32, String>)>,
}

impl RecentQuestions {
    /// Remembers up to `capacity` questions (at least one); the first gets `first_key`.
    pub fn new(capacity: usize, first_key: u32) -> RecentQuestions {
        RecentQuestions {
            inner: Mutex::new((first_key, Recent::new(capacity))),
        }
    }

    /// Stores a question and returns its key.
    pub fn remember(&self, question: &str) -> u32 {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let (next_key, questions) = &mut *inner;
        let key = *next_key;
        *next_key = next_key.wrapping_add(1);
        questions.insert(key, question.to_owned());
        key
    }

    /// The question behind a key, if it is still remembered.
    pub fn get(&self, key: u32) -> Option<String> {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.1.get(&key).cloned()
    }
}

/// The bot's reply to each recent question message, by (chat, message id), so that an edited question
/// edits its answer. Bounded like [`RecentQuestions`]; a forgotten one is answered with a new message.
#[derive(Debug)]
pub struct RecentReplies {
    inner: Mutex<Recent<(i64, MessageId), MessageId>>,
}

impl RecentReplies {
    pub fn new(capacity: usize) -> RecentReplies {
        RecentReplies {
            inner: Mutex::new(Recent::new(capacity)),
        }
    }

    /// Keeps the first message of the reply to `question` in `chat`.
    pub fn remember(&self, chat: i64, question: MessageId, reply: MessageId) {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.insert((chat, question), reply);
    }

    /// The reply to `question` in `chat`, while it is remembered.
    pub fn get(&self, chat: i64, question: MessageId) -> Option<MessageId> {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.get(&(chat, question)).copied()
    }
}

/// A map that keeps its `capacity` most recently inserted keys.
#[derive(Debug)]
struct Recent<K, V> {
    capacity: usize,
    values: HashMap<K, V>,
    order: VecDeque<K>,
}

impl<K: std::hash::Hash + Eq + Clone, V> Recent<K, V> {
    fn new(capacity: usize) -> Recent<K, V> {
        Recent {
            capacity: capacity.max(1),
            values: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    fn insert(&mut self, key: K, value: V) {
        if self.values.insert(key.clone(), value).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > self.capacity {
            if let Some(old) = self.order.pop_front() {
                self.values.remove(&old);
            }
        }
    }

    fn get(&self, key: &K) -> Option<&V> {
        self.values.get(key)
    }
}

/// Each chat's last question, for follow-ups: at most `capacity` chats (the longest idle go first) and
/// nothing older than `ttl`. A restart forgets them all, which only makes the next question stand alone.
#[derive(Debug)]
pub struct Conversations {
    capacity: usize,
    ttl: Duration,
    inner: Mutex<HashMap<i64, (FollowUp, DateTime<Utc>)>>,
}

impl Conversations {
    pub fn new(capacity: usize, ttl: Duration) -> Conversations {
        Conversations {
            capacity: capacity.max(1),
            ttl,
            inner: Mutex::new(HashMap::new()),
        }
    }

    /// The chat's last question, when it was asked within the time a follow-up may lean on it.
    pub fn previous(&self, chat: i64, now: DateTime<Utc>) -> Option<FollowUp> {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let (follow_up, at) = inner.get(&chat)?;
        let age = now
            .signed_duration_since(*at)
            .to_std()
            .unwrap_or(Duration::ZERO);
        (age <= self.ttl).then(|| follow_up.clone())
    }

    /// Forgets the chat's last question (/forget).
    pub fn forget(&self, chat: i64) {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.remove(&chat);
    }

    /// Remembers the chat's last question, forgetting expired chats and, over capacity, the longest idle.
    pub fn remember(&self, chat: i64, follow_up: FollowUp, now: DateTime<Utc>) {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.insert(chat, (follow_up, now));
        if inner.len() > self.capacity {
            let ttl = self.ttl;
            inner.retain(|_, (_, at)| {
                now.signed_duration_since(*at)
                    .to_std()
                    .unwrap_or(Duration::ZERO)
                    <= ttl
            });
            while inner.len() > self.capacity {
                let oldest = inner
                    .iter()
                    .min_by_key(|(_, (_, at))| *at)
                    .map(|(chat, _)| *chat);
                match oldest {
                    Some(chat) => inner.remove(&chat),
                    None => break,
                };
            }
        }
    }
}

/// What to do with a user's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Answer,
    /// The first message over the limit: send one polite note.
    SlowDown,
    /// Further messages while over the limit: stay silent.
    Ignore,
}

/// A token bucket per user: `burst` messages at once, then one per `refill`. A user who floods gets one
/// note for the whole flood (a second one only after a pause long enough to refill the bucket), and of
/// the rest of the flood only what the bucket allows is answered. Time is when the user sent the message (Telegram's
/// `date`), not when the bot got to it, so replies queued behind Telegram's rate limits do not make a
/// burst look slow.
#[derive(Debug)]
pub struct FloodGuard {
    burst: f64,
    refill: Duration,
    /// Users tracked before idle ones are forgotten.
    max_users: usize,
    users: Mutex<HashMap<u64, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: DateTime<Utc>,
    warned: bool,
}

impl FloodGuard {
    /// Zero values are raised to the smallest that work (a burst of one, a refill of 1 ms, one user).
    pub fn new(burst: u32, refill: Duration, max_users: usize) -> FloodGuard {
        FloodGuard {
            burst: f64::from(burst.max(1)),
            refill: refill.max(Duration::from_millis(1)),
            max_users: max_users.max(1),
            users: Mutex::new(HashMap::new()),
        }
    }

    /// Spends one of `user`'s messages at `now` (when the message was sent) and says what to do with it.
    pub fn check(&self, user: u64, now: DateTime<Utc>) -> Verdict {
        let mut users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        if users.len() >= self.max_users && !users.contains_key(&user) {
            let (burst, refill) = (self.burst, self.refill);
            users.retain(|_, bucket| bucket.refilled(now, burst, refill) < burst);
        }
        let bucket = users.entry(user).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
            warned: false,
        });
        bucket.tokens = bucket.refilled(now, self.burst, self.refill);
        bucket.updated = bucket.updated.max(now);
        if bucket.tokens >= self.burst {
            // The user paused long enough for a full bucket: whatever comes is a new burst.
            bucket.warned = false;
        }
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Verdict::Answer
        } else if bucket.warned {
            Verdict::Ignore
        } else {
            bucket.warned = true;
            Verdict::SlowDown
        }
    }
}

impl Bucket {
    fn refilled(&self, now: DateTime<Utc>, burst: f64, refill: Duration) -> f64 {
        let elapsed = (now - self.updated).to_std().unwrap_or_default();
        (self.tokens + elapsed.as_secs_f64() / refill.as_secs_f64()).min(burst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follow_up(engine: &Engine, question: &str) -> FollowUp {
        engine.ask_after(None, question).1
    }

    #[test]
    fn conversations_are_bounded_in_number_and_age() {
        let engine = Engine::new(
            crate::knowledge::Library::load(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/engine"
            )))
            .expect("fixture"),
        )
        .expect("engine");
        let start = DateTime::<Utc>::from_timestamp(1_900_000_000, 0).expect("time");
        let conversations = Conversations::new(2, Duration::from_secs(60));
        conversations.remember(1, follow_up(&engine, "粮食总产"), start);
        let later = start + chrono::Duration::seconds(30);
        assert!(conversations.previous(1, later).is_some());
        assert!(conversations
            .previous(1, start + chrono::Duration::seconds(61))
            .is_none());
        conversations.remember(2, follow_up(&engine, "粮食总产"), later);
        conversations.remember(3, follow_up(&engine, "粮食总产"), later);
        // Over capacity, the longest idle chat goes first.
        assert!(conversations.previous(1, later).is_none());
        assert!(conversations.previous(2, later).is_some());
        assert!(conversations.previous(3, later).is_some());
    }

    #[test]
    fn questions_are_remembered_until_pushed_out() {
        let recent = RecentQuestions::new(2, u32::MAX);
        let a = recent.remember("甲");
        let b = recent.remember("乙");
        assert_eq!(a, u32::MAX);
        assert_eq!(b, 0, "keys wrap around");
        assert_eq!(recent.get(a).as_deref(), Some("甲"));
        let c = recent.remember("丙");
        assert_eq!(recent.get(a), None, "oldest is forgotten");
        assert_eq!(recent.get(b).as_deref(), Some("乙"));
        assert_eq!(recent.get(c).as_deref(), Some("丙"));
        assert_eq!(recent.get(12345), None);
    }

    #[test]
    fn a_flood_gets_one_note_then_silence_then_answers_again() {
        let guard = FloodGuard::new(3, Duration::from_secs(1), 100);
        let start = Utc::now();
        let at = |ms: i64| start + chrono::Duration::milliseconds(ms);
        let verdicts: Vec<Verdict> = (0..6).map(|i| guard.check(7, at(i * 10))).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::Answer,
                Verdict::Answer,
                Verdict::Answer,
                Verdict::SlowDown,
                Verdict::Ignore,
                Verdict::Ignore
            ]
        );
        assert_eq!(guard.check(8, at(60)), Verdict::Answer, "others unaffected");
        assert_eq!(guard.check(7, at(1100)), Verdict::Answer, "refilled");
        assert_eq!(
            guard.check(7, at(1110)),
            Verdict::Ignore,
            "the same flood: no second note"
        );
        assert_eq!(guard.check(7, at(5000)), Verdict::Answer, "after a pause");
        assert_eq!(guard.check(7, at(5010)), Verdict::Answer);
        assert_eq!(guard.check(7, at(5020)), Verdict::Answer);
        assert_eq!(
            guard.check(7, at(5030)),
            Verdict::SlowDown,
            "a new flood, a new note"
        );
    }

    #[test]
    fn a_steady_pace_is_never_limited() {
        let guard = FloodGuard::new(3, Duration::from_secs(1), 100);
        let start = Utc::now();
        for i in 0..100 {
            let now = start + chrono::Duration::seconds(i);
            assert_eq!(guard.check(1, now), Verdict::Answer);
        }
    }

    #[test]
    fn idle_users_are_forgotten_when_the_table_is_full() {
        let guard = FloodGuard::new(2, Duration::from_secs(1), 3);
        let start = Utc::now();
        for user in 0..3 {
            guard.check(user, start);
        }
        guard.check(99, start + chrono::Duration::seconds(10));
        let users = guard.users.lock().expect("not poisoned");
        assert_eq!(users.len(), 1, "{users:?}");
        assert!(users.contains_key(&99));
    }
}
