//! What the log keeps: a question as asked and answered, and a vote on it. Chats and people appear only
//! as [`ChatKey`]s.

use chrono::{DateTime, Utc};

/// A chat's (or a voter's) keyed hash: the same chat always gives the same key, and without the secret
/// the key does not lead back to the chat.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChatKey(pub String);

impl ChatKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a question was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatKind {
    Private,
    Group,
    /// `@bot 问题` in any chat: no chat is known, the key is the asker's.
    Inline,
}

impl ChatKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChatKind::Private => "private",
            ChatKind::Group => "group",
            ChatKind::Inline => "inline",
        }
    }
}

/// How the question reached the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A message (a private chat, a mention or a reply in a group).
    Text,
    /// `/ask`.
    Ask,
    /// One of /start's example buttons.
    Example,
    /// A report topic offered under a refusal, pressed.
    Topic,
    Inline,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Text => "text",
            Via::Ask => "ask",
            Via::Example => "example",
            Via::Topic => "topic",
            Via::Inline => "inline",
        }
    }
}

/// One question as the reply path hands it to the log: everything but how it was read, which the
/// writer works out off the reply path.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRecord {
    pub id: i64,
    pub asked_at: DateTime<Utc>,
    pub chat: ChatKey,
    pub kind: ChatKind,
    pub via: Via,
    pub question: String,
    /// The question the engine answered, when a follow-up made it another one.
    pub understood: Option<String>,
    /// [`Outcome::kind`](crate::answer::Outcome::kind).
    pub outcome: &'static str,
    pub top_hit: Option<String>,
    pub latency_us: u64,
}

/// A thumb under an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vote {
    Up,
    Down,
}

impl Vote {
    pub fn as_str(self) -> &'static str {
        match self {
            Vote::Up => "up",
            Vote::Down => "down",
        }
    }
}

/// What a 👎 says was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// 答非所问.
    WrongTopic,
    /// 数字不对.
    WrongNumber,
    /// 没找到.
    NotFound,
    /// 其他.
    Other,
}

impl Reason {
    pub const ALL: [Reason; 4] = [
        Reason::WrongTopic,
        Reason::WrongNumber,
        Reason::NotFound,
        Reason::Other,
    ];

    /// Reads back what [`Reason::as_str`] wrote.
    pub fn parse(text: &str) -> Option<Reason> {
        Reason::ALL
            .into_iter()
            .find(|reason| reason.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::WrongTopic => "wrong_topic",
            Reason::WrongNumber => "wrong_number",
            Reason::NotFound => "not_found",
            Reason::Other => "other",
        }
    }
}

/// A vote as pressed; pressing again replaces the voter's earlier one.
#[derive(Debug, Clone, PartialEq)]
pub struct VoteRecord {
    pub question_id: i64,
    pub voter: ChatKey,
    pub chat: ChatKey,
    pub vote: Vote,
    pub reason: Option<Reason>,
    pub voted_at: DateTime<Utc>,
}

/// A logged question as read back for the maintainer's reports.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedQuestion {
    pub id: i64,
    pub asked_at: DateTime<Utc>,
    pub question: String,
    pub understood: Option<String>,
    pub normalized: String,
    pub outcome: String,
    pub latency_us: u64,
}

/// A vote as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedVote {
    pub question_id: i64,
    pub vote: String,
    pub reason: Option<String>,
}
