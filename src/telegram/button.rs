//! The callback_data codec. Telegram gives `callback_data` 64 bytes and hands back whatever a client
//! sends, so a button's payload is a short tagged string parsed into [`CallbackAction`]; anything else is
//! rejected here and answered politely by the handler.

use crate::questionlog::{Reason, Vote};

/// Telegram's limit on `callback_data` (set by Telegram, not chosen here).
pub const MAX_CALLBACK_DATA: usize = 64;

/// Largest number (更多结果 offset, glossary page, example index) a button may carry; larger values
/// are forged. High enough for any real list, low enough that a forged button cannot ask for much work.
const MAX_OFFSET: usize = 1_000;
/// Digits of [`MAX_OFFSET`]: longer numbers are refused before they are parsed.
const MAX_NUMBER_DIGITS: usize = MAX_OFFSET.ilog10() as usize + 1;

/// What a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallbackAction {
    /// 查看原文: the whole paragraph around a hit (`s:<unit id>`).
    Source { id: String },
    /// 更多结果: hits from `offset` on (`m:<question key>:<offset>:<question>`). The key finds the
    /// question in memory; the question itself, cut to what fits in 64 bytes, re-runs it when memory no
    /// longer has the key (after a restart).
    More {
        key: u32,
        offset: usize,
        question: String,
    },
    /// The full citation of an excerpt, as a line to paste (`c:<unit id>`).
    Cite { id: String },
    /// A report topic suggested under a refusal, asked about (`a:<section or paragraph id>`).
    Topic { id: String },
    /// One glossary entry (`g:<entry id>`).
    Glossary { id: String },
    /// Every place the report says a word: the first page as a new message (`f:<word>`, the 全部出处
    /// button), or page `page` edited in place (`fp:<page>:<word>`).
    Find { word: String, page: Option<usize> },
    /// A page of the glossary term list, edited in place (`gp:<page>`).
    GlossaryPage { page: usize },
    /// One of the example questions offered by /start (`q:<index>`).
    Example { index: usize },
    /// The main target list, under a daily reminder (`t:`).
    Targets,
    /// 👍, 👎 or a 👎's reason on a logged question (`v:<question id>:<u|d|t|n|m|o>`).
    Feedback {
        question: i64,
        vote: Vote,
        reason: Option<Reason>,
    },
    /// /forget's confirmation (`fg:`).
    Forget,
    /// A page of /unanswered, edited in place (`ua:<page>`); admin chats only.
    UnansweredPage { page: usize },
    /// Under a bare /subscribe that met a subscription: change it to the default time (`sr:`) or keep
    /// it (`sk:`).
    Subscription { reset: bool },
}

/// The letter of a vote in a payload: `u`p, `d`own, or a down vote's reason.
fn vote_letter(vote: Vote, reason: Option<Reason>) -> char {
    match (vote, reason) {
        (Vote::Up, _) => 'u',
        (Vote::Down, None) => 'd',
        (Vote::Down, Some(Reason::WrongTopic)) => 't',
        (Vote::Down, Some(Reason::WrongNumber)) => 'n',
        (Vote::Down, Some(Reason::NotFound)) => 'm',
        (Vote::Down, Some(Reason::Other)) => 'o',
    }
}

fn read_vote(letter: &str) -> Result<(Vote, Option<Reason>), CallbackError> {
    let reason = match letter {
        "u" => return Ok((Vote::Up, None)),
        "d" => return Ok((Vote::Down, None)),
        "t" => Reason::WrongTopic,
        "n" => Reason::WrongNumber,
        "m" => Reason::NotFound,
        "o" => Reason::Other,
        _ => return Err(CallbackError::Unknown),
    };
    Ok((Vote::Down, Some(reason)))
}

/// Why a payload was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallbackError {
    #[error("callback data is longer than {MAX_CALLBACK_DATA} bytes")]
    TooLong,
    #[error("unknown callback data")]
    Unknown,
}

impl CallbackAction {
    /// The payload for a button, or `None` when it would not fit in 64 bytes (the caller drops the button
    /// rather than send a request Telegram rejects).
    pub fn encode(&self) -> Option<String> {
        let data = match self {
            CallbackAction::Source { id } => format!("s:{id}"),
            CallbackAction::More {
                key,
                offset,
                question,
            } => {
                let head = format!("m:{key:x}:{offset}:");
                let room = MAX_CALLBACK_DATA.saturating_sub(head.len());
                format!("{head}{}", cut_to_bytes(question, room))
            }
            CallbackAction::Glossary { id } => format!("g:{id}"),
            CallbackAction::Topic { id } => format!("a:{id}"),
            CallbackAction::Cite { id } => format!("c:{id}"),
            CallbackAction::GlossaryPage { page } => format!("gp:{page}"),
            CallbackAction::Find { word, page: None } => format!("f:{word}"),
            CallbackAction::Find {
                word,
                page: Some(page),
            } => format!("fp:{page}:{word}"),
            CallbackAction::Example { index } => format!("q:{index}"),
            CallbackAction::Targets => "t:".to_owned(),
            CallbackAction::Feedback {
                question,
                vote,
                reason,
            } => format!("v:{question:x}:{}", vote_letter(*vote, *reason)),
            CallbackAction::Forget => "fg:".to_owned(),
            CallbackAction::UnansweredPage { page } => format!("ua:{page}"),
            CallbackAction::Subscription { reset: true } => "sr:".to_owned(),
            CallbackAction::Subscription { reset: false } => "sk:".to_owned(),
        };
        (data.len() <= MAX_CALLBACK_DATA).then_some(data)
    }

    /// Reads a payload back; anything this program did not write is refused.
    pub fn parse(data: &str) -> Result<CallbackAction, CallbackError> {
        if data.len() > MAX_CALLBACK_DATA {
            return Err(CallbackError::TooLong);
        }
        let (tag, rest) = data.split_once(':').ok_or(CallbackError::Unknown)?;
        let action = match tag {
            "s" => CallbackAction::Source { id: unit_id(rest)? },
            "g" => CallbackAction::Glossary { id: unit_id(rest)? },
            "a" => CallbackAction::Topic { id: unit_id(rest)? },
            "c" => CallbackAction::Cite { id: unit_id(rest)? },
            "m" => {
                let mut fields = rest.splitn(3, ':');
                let (Some(key), Some(offset)) = (fields.next(), fields.next()) else {
                    return Err(CallbackError::Unknown);
                };
                CallbackAction::More {
                    key: u32::from_str_radix(key, 16).map_err(|_| CallbackError::Unknown)?,
                    offset: small_number(offset, MAX_OFFSET)?,
                    question: fields.next().unwrap_or_default().to_owned(),
                }
            }
            "f" if !rest.is_empty() => CallbackAction::Find {
                word: rest.to_owned(),
                page: None,
            },
            "fp" => {
                let (page, word) = rest.split_once(':').ok_or(CallbackError::Unknown)?;
                if word.is_empty() {
                    return Err(CallbackError::Unknown);
                }
                CallbackAction::Find {
                    word: word.to_owned(),
                    page: Some(small_number(page, MAX_OFFSET)?),
                }
            }
            "gp" => CallbackAction::GlossaryPage {
                page: small_number(rest, MAX_OFFSET)?,
            },
            "q" => CallbackAction::Example {
                index: small_number(rest, MAX_OFFSET)?,
            },
            "t" if rest.is_empty() => CallbackAction::Targets,
            "fg" if rest.is_empty() => CallbackAction::Forget,
            "ua" => CallbackAction::UnansweredPage {
                page: small_number(rest, MAX_OFFSET)?,
            },
            "v" => {
                let (question, letter) = rest.split_once(':').ok_or(CallbackError::Unknown)?;
                let (vote, reason) = read_vote(letter)?;
                CallbackAction::Feedback {
                    question: question_id(question)?,
                    vote,
                    reason,
                }
            }
            "sr" if rest.is_empty() => CallbackAction::Subscription { reset: true },
            "sk" if rest.is_empty() => CallbackAction::Subscription { reset: false },
            _ => return Err(CallbackError::Unknown),
        };
        Ok(action)
    }
}

/// A logged question's id: positive, in lowercase hexadecimal digits.
fn question_id(raw: &str) -> Result<i64, CallbackError> {
    if raw.is_empty()
        || !raw
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(CallbackError::Unknown);
    }
    i64::from_str_radix(raw, 16)
        .ok()
        .filter(|id| *id >= 0)
        .ok_or(CallbackError::Unknown)
}

/// The longest start of `text` that takes at most `bytes` bytes, cut between characters.
fn cut_to_bytes(text: &str, bytes: usize) -> &str {
    let end = text
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .take_while(|end| *end <= bytes)
        .last()
        .unwrap_or(0);
    &text[..end]
}

/// Unit ids are ASCII (`xiping-2022/3.2.4.2`, `xiping-2022/3.0.2.1#4`, `xiping-2022/g7`).
fn unit_id(raw: &str) -> Result<String, CallbackError> {
    let valid = !raw.is_empty()
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '#'));
    if valid {
        Ok(raw.to_owned())
    } else {
        Err(CallbackError::Unknown)
    }
}

/// A plain decimal number up to `max`: no sign, no exponent, no leading `+`.
fn small_number(raw: &str, max: usize) -> Result<usize, CallbackError> {
    if raw.is_empty() || raw.len() > MAX_NUMBER_DIGITS || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CallbackError::Unknown);
    }
    raw.parse::<usize>()
        .ok()
        .filter(|n| *n <= max)
        .ok_or(CallbackError::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(action: CallbackAction) {
        let data = action.encode().expect("fits");
        assert!(data.len() <= MAX_CALLBACK_DATA);
        assert_eq!(CallbackAction::parse(&data), Ok(action));
    }

    #[test]
    fn every_action_round_trips() {
        round_trip(CallbackAction::Source {
            id: "xiping-2022/3.2.4.2".into(),
        });
        round_trip(CallbackAction::Source {
            id: "xiping-2022/3.0.2.1#4".into(),
        });
        round_trip(CallbackAction::More {
            key: u32::MAX,
            offset: 3,
            question: "今年粮食打多少: 问".into(),
        });
        round_trip(CallbackAction::More {
            key: 0,
            offset: 0,
            question: String::new(),
        });
        round_trip(CallbackAction::Glossary {
            id: "xiping-2022/g7".into(),
        });
        round_trip(CallbackAction::GlossaryPage { page: 3 });
        round_trip(CallbackAction::Find {
            word: "枫桥经验".into(),
            page: None,
        });
        round_trip(CallbackAction::Find {
            word: "a:b".into(),
            page: Some(2),
        });
        round_trip(CallbackAction::Cite {
            id: "xiping-2022/3.2.4.2#1".into(),
        });
        round_trip(CallbackAction::Topic {
            id: "xiping-2022/3.2".into(),
        });
        round_trip(CallbackAction::Example { index: 2 });
        round_trip(CallbackAction::Targets);
        round_trip(CallbackAction::Forget);
        round_trip(CallbackAction::UnansweredPage { page: 12 });
        for (vote, reason) in [(Vote::Up, None), (Vote::Down, None)]
            .into_iter()
            .chain(Reason::ALL.map(|reason| (Vote::Down, Some(reason))))
        {
            round_trip(CallbackAction::Feedback {
                question: i64::MAX,
                vote,
                reason,
            });
            round_trip(CallbackAction::Feedback {
                question: 0,
                vote,
                reason,
            });
        }
        round_trip(CallbackAction::Subscription { reset: true });
        round_trip(CallbackAction::Subscription { reset: false });
    }

    #[test]
    fn payloads_that_do_not_fit_are_not_encoded() {
        let id = "x".repeat(MAX_CALLBACK_DATA);
        assert_eq!(CallbackAction::Source { id }.encode(), None);
        let id = "x".repeat(MAX_CALLBACK_DATA - 2);
        assert!(CallbackAction::Source { id }.encode().is_some());
    }

    #[test]
    fn a_long_question_is_cut_between_characters_to_fit() {
        let action = CallbackAction::More {
            key: u32::MAX,
            offset: 999,
            question: "乡村振兴".repeat(10),
        };
        let data = action.encode().expect("always fits");
        assert!(data.len() <= MAX_CALLBACK_DATA, "{data}");
        let Ok(CallbackAction::More { question, .. }) = CallbackAction::parse(&data) else {
            panic!("{data}");
        };
        assert!("乡村振兴".repeat(10).starts_with(&question));
        let room = MAX_CALLBACK_DATA - "m:ffffffff:999:".len();
        assert_eq!(question.len(), room / 3 * 3, "whole characters: {question}");
    }

    #[test]
    fn forged_and_stale_payloads_are_refused() {
        for data in [
            "",
            ":",
            "s:",
            "s",
            "x:1",
            "S:xiping-2022/1.1.1.1",
            "s:<script>",
            "s:西平",
            "g:a b",
            "a:",
            "a:西平",
            "m:1",
            "m:zz:1",
            "m:1:-1",
            "m:1:99999",
            "m:1:1e3",
            "m:123456789:1",
            "gp:",
            "f:",
            "fp:1:",
            "fp:x:词",
            "gp:+1",
            "gp:1001",
            "q:abc",
            "q:18446744073709551616",
            "t:1",
            "sr:1",
            "t",
            "fg:x",
            "ua:",
            "ua:-1",
            "v:",
            "v:1",
            "v:1:x",
            "v::u",
            "v:-1:u",
            "v:A:u",
            "v:8000000000000000:u",
            "v:1:uu",
        ] {
            assert_eq!(
                CallbackAction::parse(data),
                Err(CallbackError::Unknown),
                "{data:?}"
            );
        }
        let long = format!("s:{}", "a".repeat(MAX_CALLBACK_DATA));
        assert_eq!(CallbackAction::parse(&long), Err(CallbackError::TooLong));
    }
}
