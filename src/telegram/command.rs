//! Every slash command: parsing (with a usage line for bad arguments, and silence for commands meant
//! for another bot in a group) and the menu registered with setMyCommands.
//!
//! teloxide's `BotCommands` derive does not fit: its descriptions must be string literals (the words
//! belong in `texts`), and its parser differs from this one (case, `/start` payloads, usage lines for
//! bad arguments, the /subscribe time and zone), so deriving would change what users see.

use super::texts;
use crate::answer::Language;
use crate::reminders::schedule::{DailySchedule, Reading};
use teloxide::types::BotCommand;

/// Longest word `/find` looks for: a word or a short phrase, never a question; short enough that the
/// word fits in a paging button's 64 bytes (the usage line in `texts` says 16).
pub const MAX_FIND_CHARS: usize = 16;
/// Longest term `/glossary` looks up; longer input is not a term. Long enough for every term in a
/// report's glossary, short enough to refuse a pasted question (the usage line in `texts` says 30).
const MAX_TERM_CHARS: usize = 30;

/// A command the bot acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Start,
    Help,
    Ask(String),
    Targets,
    Results,
    /// The whole list when `None`, one entry otherwise.
    Glossary(Option<String>),
    About,
    /// /find 词: every place the report says the word.
    Find(String),
    /// /subscribe, /unsubscribe, /subscription.
    Reminders(ReminderCommand),
    /// What is stored, for how long, why.
    Privacy,
    /// Delete everything stored for the chat (after a confirmation button).
    Forget,
    /// /lang zh|en: the chat's reply language.
    Lang(Language),
}

/// What a reminder command asks of the subscription store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderCommand {
    /// The schedule, and whether its hour was read on the 24-hour clock by assumption.
    Subscribe(Reading),
    /// A bare /subscribe: the default schedule, but an existing subscription is shown and kept unless
    /// the user confirms the change.
    SubscribeDefault,
    Unsubscribe,
    Status,
}

/// The maintainer's commands: they exist only in chats listed in `ADMIN_CHAT_IDS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminCommand {
    /// The `stats` summary with its chart.
    Stats,
    /// The top `unanswered` groups, paged.
    Unanswered,
}

/// What a message's text is, as far as commands go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Does not start with `/`.
    NotCommand,
    /// `/cmd@other_bot`: another bot's business.
    ForOtherBot,
    Command(Command),
    /// A command this bot does not have; `addressed` when it named this bot (`/cmd@our_bot`).
    Unknown {
        addressed: bool,
    },
    /// A known command with arguments it cannot use; carries the usage line to reply with.
    BadArguments(String),
    /// A maintainer's command (arguments ignored): for a chat that is not an admin's, the caller treats it
    /// as [`Parsed::Unknown`] with the same `addressed`.
    Admin {
        command: AdminCommand,
        addressed: bool,
    },
}

/// The admin commands with their descriptions, added to the menu of admin chats only.
const ADMIN_MENU: [(&str, &str); 2] = [
    ("stats", texts::COMMAND_STATS),
    ("unanswered", texts::COMMAND_UNANSWERED),
];

/// Every command with its setMyCommands description, in menu order.
const MENU: [(&str, &str); 14] = [
    ("ask", texts::COMMAND_ASK),
    ("targets", texts::COMMAND_TARGETS),
    ("results", texts::COMMAND_RESULTS),
    ("glossary", texts::COMMAND_GLOSSARY),
    ("find", texts::COMMAND_FIND),
    ("subscribe", texts::COMMAND_SUBSCRIBE),
    ("subscription", texts::COMMAND_SUBSCRIPTION),
    ("unsubscribe", texts::COMMAND_UNSUBSCRIBE),
    ("lang", texts::COMMAND_LANG),
    ("about", texts::COMMAND_ABOUT),
    ("privacy", texts::COMMAND_PRIVACY),
    ("forget", texts::COMMAND_FORGET),
    ("help", texts::COMMAND_HELP),
    ("start", texts::COMMAND_START),
];

/// The commands to register with setMyCommands.
pub fn bot_commands() -> Vec<BotCommand> {
    MENU.iter()
        .map(|(command, description)| BotCommand::new(*command, *description))
        .collect()
}

/// The menu of an admin chat: everyone's commands and the maintainer's.
pub fn admin_commands() -> Vec<BotCommand> {
    MENU.iter()
        .chain(&ADMIN_MENU)
        .map(|(command, description)| BotCommand::new(*command, *description))
        .collect()
}

/// Reads `/name[@bot] [arguments]`; `bot_username` is ours, without the `@`.
pub fn parse(text: &str, bot_username: &str) -> Parsed {
    let text = text.trim_start();
    let Some(rest) = text.strip_prefix('/') else {
        return Parsed::NotCommand;
    };
    let (head, arguments) = match rest.find(char::is_whitespace) {
        Some(at) => (&rest[..at], rest[at..].trim()),
        None => (rest, ""),
    };
    let (name, addressed) = match head.split_once('@') {
        Some((name, addressee)) if addressee.eq_ignore_ascii_case(bot_username) => (name, true),
        Some(_) => return Parsed::ForOtherBot,
        None => (head, false),
    };
    let name = name.to_ascii_lowercase();
    let no_arguments = |command: Command| {
        if arguments.is_empty() {
            Parsed::Command(command)
        } else {
            Parsed::BadArguments(texts::usage_without_arguments(&name))
        }
    };
    match name.as_str() {
        // Deep links (t.me/bot?start=…) put a payload after /start; it carries nothing we need.
        "start" => Parsed::Command(Command::Start),
        "help" => no_arguments(Command::Help),
        "targets" => no_arguments(Command::Targets),
        "results" => no_arguments(Command::Results),
        "about" => no_arguments(Command::About),
        "privacy" => no_arguments(Command::Privacy),
        "forget" => no_arguments(Command::Forget),
        "ask" if arguments.is_empty() => Parsed::BadArguments(texts::USAGE_ASK.to_owned()),
        "ask" => Parsed::Command(Command::Ask(arguments.to_owned())),
        "glossary" if arguments.is_empty() => Parsed::Command(Command::Glossary(None)),
        "glossary" if arguments.chars().count() > MAX_TERM_CHARS => {
            Parsed::BadArguments(texts::USAGE_GLOSSARY.to_owned())
        }
        "glossary" => Parsed::Command(Command::Glossary(Some(arguments.to_owned()))),
        "find" if arguments.is_empty() || arguments.chars().count() > MAX_FIND_CHARS => {
            Parsed::BadArguments(texts::USAGE_FIND.to_owned())
        }
        "find" => Parsed::Command(Command::Find(arguments.to_owned())),
        "subscribe" if arguments.is_empty() => {
            Parsed::Command(Command::Reminders(ReminderCommand::SubscribeDefault))
        }
        "subscribe" => match DailySchedule::read(arguments) {
            Ok(reading) => Parsed::Command(Command::Reminders(ReminderCommand::Subscribe(reading))),
            Err(error) => Parsed::BadArguments(texts::usage_subscribe(&error)),
        },
        "lang" | "language" => match arguments.to_ascii_lowercase().as_str() {
            "zh" | "cn" | "中文" | "chinese" => Parsed::Command(Command::Lang(Language::Chinese)),
            "en" | "english" | "英文" | "英语" => {
                Parsed::Command(Command::Lang(Language::English))
            }
            _ => Parsed::BadArguments(texts::USAGE_LANG.to_owned()),
        },
        "unsubscribe" => no_arguments(Command::Reminders(ReminderCommand::Unsubscribe)),
        "subscription" => no_arguments(Command::Reminders(ReminderCommand::Status)),
        "stats" => Parsed::Admin {
            command: AdminCommand::Stats,
            addressed,
        },
        "unanswered" => Parsed::Admin {
            command: AdminCommand::Unanswered,
            addressed,
        },
        _ => Parsed::Unknown { addressed },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOT: &str = "ReportBot";

    #[test]
    fn parses_every_command() {
        let cases = [
            ("/start", Command::Start),
            ("/start from-inline", Command::Start),
            ("/help", Command::Help),
            ("/targets", Command::Targets),
            ("/results", Command::Results),
            ("/about", Command::About),
            ("/privacy", Command::Privacy),
            ("/forget", Command::Forget),
            (
                "/ask 今年GDP目标是多少",
                Command::Ask("今年GDP目标是多少".into()),
            ),
            ("/ask   两个  词  ", Command::Ask("两个  词".into())),
            ("/ask\n换行", Command::Ask("换行".into())),
            ("/glossary", Command::Glossary(None)),
            (
                "/glossary 枫桥经验",
                Command::Glossary(Some("枫桥经验".into())),
            ),
            ("/find 枫桥", Command::Find("枫桥".into())),
            ("/HELP", Command::Help),
            ("/help@ReportBot", Command::Help),
            ("/ask@reportbot 问题", Command::Ask("问题".into())),
            ("  /targets", Command::Targets),
        ];
        for (text, command) in cases {
            assert_eq!(parse(text, BOT), Parsed::Command(command), "{text:?}");
        }
    }

    #[test]
    fn reminder_commands_parse_their_time_and_zone() {
        let subscribe = |time: &str| {
            Parsed::Command(Command::Reminders(ReminderCommand::Subscribe(
                DailySchedule::read(time).expect("valid"),
            )))
        };
        assert_eq!(
            parse("/subscribe", BOT),
            Parsed::Command(Command::Reminders(ReminderCommand::SubscribeDefault))
        );
        assert_eq!(parse("/subscribe 7:30", BOT), subscribe("7:30"));
        assert_eq!(parse("/subscribe 晚上9点", BOT), subscribe("21:00"));
        assert_eq!(
            parse("/subscribe 7:30 +08:00", BOT),
            subscribe("7:30 UTC+8")
        );
        assert_eq!(parse("/subscribe 8点半", BOT), subscribe("8:30"));
        assert_eq!(
            parse("/subscribe@ReportBot 21:00 Europe/Berlin", BOT),
            subscribe("21:00 Europe/Berlin")
        );
        assert_eq!(
            parse("/unsubscribe", BOT),
            Parsed::Command(Command::Reminders(ReminderCommand::Unsubscribe))
        );
        assert_eq!(
            parse("/subscription", BOT),
            Parsed::Command(Command::Reminders(ReminderCommand::Status))
        );
        for bad in ["/subscribe 25:00", "/subscribe 7:61", "/subscribe abc"] {
            let Parsed::BadArguments(usage) = parse(bad, BOT) else {
                panic!("{bad:?} accepted");
            };
            assert!(usage.contains(texts::USAGE_SUBSCRIBE), "{usage}");
        }
        assert_eq!(
            parse("/unsubscribe now", BOT),
            Parsed::BadArguments(texts::usage_without_arguments("unsubscribe"))
        );
    }

    #[test]
    fn bad_arguments_get_a_usage_line() {
        assert_eq!(
            parse("/ask", BOT),
            Parsed::BadArguments(texts::USAGE_ASK.into())
        );
        assert_eq!(
            parse("/ask    ", BOT),
            Parsed::BadArguments(texts::USAGE_ASK.into())
        );
        assert_eq!(
            parse("/targets 2023", BOT),
            Parsed::BadArguments(texts::usage_without_arguments("targets"))
        );
        let long = format!("/glossary {}", "词".repeat(31));
        assert_eq!(
            parse(&long, BOT),
            Parsed::BadArguments(texts::USAGE_GLOSSARY.into())
        );
    }

    #[test]
    fn other_texts_are_told_apart() {
        assert_eq!(parse("今年GDP目标是多少", BOT), Parsed::NotCommand);
        assert_eq!(parse("", BOT), Parsed::NotCommand);
        assert_eq!(parse("/ask@OtherBot 问题", BOT), Parsed::ForOtherBot);
        assert_eq!(parse("/subscribe@", BOT), Parsed::ForOtherBot);
        let unknown = Parsed::Unknown { addressed: false };
        assert_eq!(parse("/nonsense", BOT), unknown);
        assert_eq!(parse("/", BOT), unknown);
        assert_eq!(parse("/😀 (AND) \"x\":", BOT), unknown);
        assert_eq!(
            parse("/nonsense@reportbot", BOT),
            Parsed::Unknown { addressed: true }
        );
    }

    #[test]
    fn admin_commands_are_told_apart_and_only_in_the_admin_menu() {
        assert_eq!(
            parse("/stats", BOT),
            Parsed::Admin {
                command: AdminCommand::Stats,
                addressed: false
            }
        );
        assert_eq!(
            parse("/unanswered@ReportBot 2", BOT),
            Parsed::Admin {
                command: AdminCommand::Unanswered,
                addressed: true
            }
        );
        let everyone: Vec<String> = bot_commands().into_iter().map(|c| c.command).collect();
        let admins: Vec<String> = admin_commands().into_iter().map(|c| c.command).collect();
        for admin in ["stats", "unanswered"] {
            assert!(!everyone.iter().any(|c| c == admin));
            assert!(admins.iter().any(|c| c == admin));
        }
    }

    #[test]
    fn the_menu_is_valid_for_telegram() {
        let commands = admin_commands();
        assert_eq!(commands.len(), MENU.len() + ADMIN_MENU.len());
        for command in commands {
            assert!((1..=32).contains(&command.command.len()));
            assert!(command
                .command
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
            assert!((3..=256).contains(&command.description.chars().count()));
            let parsed = parse(&format!("/{}", command.command), BOT);
            assert!(
                matches!(
                    parsed,
                    Parsed::Command(_) | Parsed::BadArguments(_) | Parsed::Admin { .. }
                ),
                "{} is in the menu but not understood",
                command.command
            );
        }
    }
}
