//! The English texts, beside the Chinese ones of `texts.rs`: what a chat whose language is English (its
//! user's Telegram `language_code` is `en…`, or `/lang en`) reads. Report facts never appear here; the
//! English names of the report's terms come from knowledge/english.toml.

use crate::answer::{Missing, MissingKind, SmallTalk};
pub const COMMAND_LANG: &str = "Reply language: /lang zh or /lang en";

pub fn welcome(title: &str) -> String {
    format!(
        "Hello! I answer questions about the {title} (a county government work report), and every answer \
         cites the report.\n\n\
         Just send me a question, in English or Chinese, e.g. \"What is the GDP growth target for 2022?\". \
         Figures come with an English summary; the quoted excerpts stay in Chinese, as the report wrote them. \
         Or tap an example below:"
    )
}

/// /start in a group: how to address the bot there.
pub fn group_welcome(title: &str, bot_username: &str) -> String {
    format!(
        "Hello! I answer questions about the {title} (a county government work report), and every answer \
         cites the report.\n\n{}\n\nOr tap an example below:",
        ask_in_group(bot_username)
    )
}

/// How to ask in a group, where the bot does not read ordinary messages.
pub fn ask_in_group(bot_username: &str) -> String {
    format!(
        "To ask me in this group:\n\
         • /ask question, e.g. /ask What is the GDP growth target?\n\
         • @{bot_username} question\n\
         • reply to one of my messages\n\
         I don't read or answer other messages in the group."
    )
}

/// /help in a group: how to ask there first, then the whole help.
pub fn group_help(bot_username: &str) -> String {
    format!("{}\n\n{}", ask_in_group(bot_username), help(bot_username))
}

pub fn help(bot_username: &str) -> String {
    format!(
        "How to use\n\
         • Private chat: just send a question, e.g. \"What was total grain output last year?\".\n\
         • Groups: /ask question, or @{bot_username} question, or reply to one of my messages.\n\
         • Any chat: type @{bot_username} question to post an answer there.\n\n\
         Commands\n\
         /ask question — ask\n\
         /targets — this year's main targets\n\
         /results — last year's results and the five-year record\n\
         /glossary — the report's glossary (/glossary term for one entry)\n\
         /find word — every place the report says a (Chinese) word\n\
         /subscribe — a daily target reminder (/subscribe 7:30 to pick the time)\n\
         /subscription — your reminder, /unsubscribe to stop it\n\
         /lang zh|en — reply in Chinese or English\n\
         /about — about the report\n\
         /help — this help\n\n\
         Answers quote the report in Chinese; \"查看原文\" shows the whole paragraph, \"更多结果\" more matches."
    )
}

/// The report's facts (its own Chinese words) under English labels.
pub fn about_report(meta: &crate::knowledge::ReportMeta) -> String {
    format!(
        "{title}\n\
         Meeting: {meeting}, {meeting_date}\n\
         Delivered by: {speaker}\n\
         Published by {issuer}, {published}\n\
         Source: {source}",
        title = meta.title,
        meeting = meta.meeting,
        meeting_date = meta.meeting_date.format("%-d %B %Y"),
        speaker = meta.speaker,
        issuer = meta.issuer,
        published = meta.published.format("%-d %B %Y"),
        source = meta.source,
    )
}

pub fn about_bot(bot_username: &str) -> String {
    format!(
        "What I can do\n\
         • Answer questions about the report, citing the original text\n\
         • /targets main targets, /results last year's results and five-year record\n\
         • /glossary the report's glossary\n\
         • Type @{bot_username} question in any chat\n\n\
         Answers come only from the report; when it does not say, I say so."
    )
}

pub const NOT_ANSWERED: &str = "I found nothing in the report that answers this question.";

pub fn year_not_covered(year: i32) -> String {
    format!("The report has no figures or plans for {year}.")
}

pub const EMPTY_QUESTION: &str =
    "Tell me what you would like to know, e.g. \"What is the GDP growth target for 2022?\"";
/// Above the suggestion buttons of a refusal.
/// When a known term one character off explains a refusal.
pub fn did_you_mean(term: &str) -> String {
    format!("Did you mean “{term}”?")
}
pub const NEAR_TOPICS: &str = "Parts of the report near your question (tap one):";
/// Under a refusal with nothing near the question.
pub const WHAT_TO_ASK: &str =
    "Ask about the report's targets, results and plans, e.g. What is the GDP growth \
     target for 2022? /targets main targets, /glossary terms, /help how to use.";

/// /glossary with a term that is no entry, but near some.
pub fn glossary_candidates(term: &str) -> String {
    format!("The glossary has no entry \"{term}\". Did you mean one of these?")
}

pub const SUGGESTIONS: &str = "Topics the report covers (in its own words):";
pub const UNKNOWN_COMMAND: &str = "I don't have that command. Send /help to see the commands.";
pub const NON_TEXT: &str =
    "I can only read text. Please type your question, e.g. \"What is the GDP growth target for 2022?\"";
pub const SLOW_DOWN: &str =
    "That's a lot of messages at once. Please wait a few seconds and ask again.";
pub const USAGE_LANG: &str = "Usage: /lang zh (reply in Chinese) or /lang en (reply in English)";
pub const LANG_SET: &str = "OK, I'll reply in English in this chat.";
/// Where a paragraph stands (the numerals are the report's own).
pub fn location(location: &crate::knowledge::Location) -> String {
    let crate::knowledge::Location {
        part,
        section,
        paragraph,
    } = *location;
    match (part.is_empty(), section.is_empty()) {
        (true, _) => format!("opening, paragraph {paragraph}"),
        (false, true) => format!("part {part}, paragraph {paragraph}"),
        (false, false) => format!("part {part}, section {section}, paragraph {paragraph}"),
    }
}

/// A glossary entry's place in a full citation.
pub fn glossary_place(number: u32) -> String {
    format!("glossary, entry {number}")
}

/// The line a 引用 button sends, to paste as it is (the quote stays in the report's Chinese).
pub fn full_citation(title: &str, date: &str, place: &str, quote: &str) -> String {
    format!("{title} ({date}), {place}: “{quote}”")
}

/// The heading of a page of /find.
pub fn find_header(word: &str, total: usize, page: usize, pages: usize) -> String {
    format!("\"{word}\" appears in {total} places in the report (page {page}/{pages}):")
}

pub fn find_none(word: &str) -> String {
    format!("The report's text never says \"{word}\".")
}

pub const ALL_PLACES_BUTTON: &str = "Every place";
pub const USAGE_FIND: &str =
    "Usage: /find word lists every place the report says it (at most 16 characters)";

pub const NO_TARGETS: &str = "The report has no main targets.";
pub const NO_RESULTS: &str = "The report has no results for last year.";

pub fn targets_header(year: i32) -> String {
    format!(
        "Main targets for {year} (figures as the report writes them, in Chinese, with English):"
    )
}

pub const RESULTS_HEADER: &str =
    "Last year's results and the five-year record (figures as the report writes them, with English):";

pub fn glossary_not_found(term: &str) -> String {
    format!("The report's glossary has no entry \"{term}\". Send /glossary to see every term.")
}

/// The reply to a greeting, thanks, "who are you" or "how do I use this", in English.
pub fn small_talk(kind: SmallTalk) -> &'static str {
    match kind {
        SmallTalk::Greeting => {
            "Hello! I answer questions about this government work report, each answer with the report's own \
             words and where they stand. Just ask, e.g. What is the GDP target for 2022?"
        }
        SmallTalk::Thanks => "You're welcome! Ask me anything else about the report.",
        SmallTalk::Identity => {
            "I am the work report bot: my answers come only from the report, with citations; when the \
             report does not say, I say so."
        }
        SmallTalk::Help => {
            "Just send a question, e.g. What is the grain output target? What are the ten livelihood \
             projects? /targets main targets, /results last year's results, /glossary terms, /help all commands."
        }
        SmallTalk::Farewell => "Goodbye! Come back any time.",
        SmallTalk::Complaint => {
            "Sorry that answer missed. Try other words, or the report's own terms; I answer only from what \
             the report says, and say so when it does not."
        }
    }
}

/// What a near-miss lacks, in English (the metric stays in the report's words: it is a quotation).
pub fn near_miss(missing: &Missing) -> String {
    let year = missing
        .year
        .map(|year| format!(" for {year}"))
        .unwrap_or_default();
    let metric = &missing.metric;
    match missing.what {
        MissingKind::SingleYear => {
            format!("The report gives no single-year figure of {metric}{year}. What it gives:")
        }
        MissingKind::Change => {
            format!("The report gives no growth rate of {metric}{year}. What it gives:")
        }
        MissingKind::Level => {
            format!("The report gives no level of {metric}{year}. What it gives:")
        }
        MissingKind::Comparison => {
            format!("The report gives no two figures to work this comparison out from ({metric}). What it gives:")
        }
        MissingKind::Names => {
            format!("The report does not name them ({metric}); it gives only how many:")
        }
        MissingKind::Time { within: None } => {
            "The report does not say when. What it says:".to_owned()
        }
        MissingKind::Time {
            within: Some(within),
        } => {
            let (from, to) = (*within.years().start(), within.last_year());
            format!("The report does not say in which year; it tells of it in its review of {from}–{to}:")
        }
        MissingKind::PlanOutcome => format!(
            "Written as {} began, the report does not say how that year turned out; what it planned:",
            missing.year.map_or_else(|| "its year".to_owned(), |year| year.to_string())
        ),
    }
}

// ---- daily reminders ---------------------------------------------------------------------------

/// Which targets the reminders are: `the 2022 targets (from the 西平县2022年政府工作报告)`.
pub fn reminder_targets(year: i32, title: &str) -> String {
    format!("the {year} targets (from the {title})")
}

/// Said with every reminder and confirmation once the plan year is over (no newer report loaded).
pub fn plan_year_over(year: i32) -> String {
    format!(
        "Note: {year} is over. These are the targets for {year}, not this year's; the next year's report \
         is not loaded yet."
    )
}

pub fn subscribed(time: &str, zone: &str, next: &str, targets: &str) -> String {
    format!(
        "OK: every day at {time} ({zone}) I'll remind you of one of {targets}.\nNext reminder: {next}\n\
         /subscription shows it, /unsubscribe stops it."
    )
}

pub fn subscription_status(time: &str, zone: &str, next: &str, targets: &str) -> String {
    format!(
        "Daily target reminder: every day at {time} ({zone}), one of {targets}\nNext reminder: {next}\n\
         /subscribe time changes the time, /unsubscribe stops it."
    )
}

/// A bare /subscribe when the chat is subscribed already.
pub fn already_subscribed(time: &str, zone: &str, next: &str, default: &str) -> String {
    format!(
        "You already get a daily target reminder: every day at {time} ({zone}), next on {next}.\n\
         Change it to the default, every day at {default}? For another time send /subscribe time, e.g. \
         /subscribe 7:30."
    )
}

pub fn reset_subscription_button(default: &str) -> String {
    format!("Every day at {default}")
}

pub const KEEP_SUBSCRIPTION_BUTTON: &str = "Keep it";
pub const SUBSCRIPTION_KEPT: &str = "OK, the reminder time stays as it is.";
pub const NOT_SUBSCRIBED: &str =
    "You have no daily target reminder. Send /subscribe to get one (every day at 08:00 by default).";
pub const UNSUBSCRIBED: &str = "Daily target reminder stopped. Send /subscribe to start it again.";
pub const REMINDERS_UNAVAILABLE: &str = "Daily reminders are not available right now.";
pub const REMINDERS_FAILED: &str =
    "Sorry, something went wrong with daily reminders; please try again later.";

/// After /subscribe with a bare hour: which reading was chosen.
pub fn assumed_24_hour(time: &str) -> String {
    format!("(Read on the 24-hour clock as {time}; for the evening write 8pm or 20:00.)")
}

// ---- inline mode --------------------------------------------------------------------------------

pub const INLINE_START_BUTTON: &str = "Ask the bot in a private chat";
/// The inline button when the report has no answer.
pub const INLINE_NOT_FOUND_BUTTON: &str = "No answer in the report · ask in a private chat";

// ---- feedback, privacy, /forget -----------------------------------------------------------------

pub const THANKS_FOR_FEEDBACK: &str = "Thanks for the feedback!";
pub const WHAT_WAS_WRONG: &str = "What was wrong? Tap one:";
pub const THANKS_FOR_REASON: &str =
    "Thanks for the feedback! The maintainer uses it to improve the answers.";

/// The label of a 👎 reason button.
pub fn reason_button(reason: crate::questionlog::Reason) -> &'static str {
    use crate::questionlog::Reason;
    match reason {
        Reason::WrongTopic => "Off topic",
        Reason::WrongNumber => "Wrong figure",
        Reason::NotFound => "Not found",
        Reason::Other => "Other",
    }
}

/// /privacy in English; `days` is `QUESTION_LOG_DAYS`, `None` when the log is off.
pub fn privacy(days: Option<u32>) -> String {
    let log = match days {
        Some(days) => format!(
            "• Your questions, how I read them, whether I answered, how long the answer took, and the \
             👍/👎 you give. Chats are kept only as keyed hashes: no chat or user ids, names or usernames.\n\
             • Kept for {days} days, then deleted automatically.\n\
             • Why: so the maintainer sees which questions went unanswered or got wrong answers, and \
             improves them.\n"
        ),
        None => "• The question log is off: your questions are not kept.\n".to_owned(),
    };
    format!(
        "Privacy\n\
         {log}\
         • A daily reminder keeps the chat id and the time until you /unsubscribe; /lang keeps the chat's \
         language.\n\n\
         Send /forget to delete everything kept for this chat (questions, feedback, reminder, language)."
    )
}

pub const FORGET_CONFIRM: &str =
    "Delete everything I keep for this chat: questions, feedback, the daily \
     reminder and the reply language? This cannot be undone.";
pub const FORGET_BUTTON: &str = "Delete";
pub const FORGET_FAILED: &str =
    "Sorry, the deletion did not finish; please send /forget again later.";

pub fn forgotten(rows: u64, unsubscribed: bool) -> String {
    let subscription = if unsubscribed {
        " and stopped the daily reminder"
    } else {
        ""
    };
    format!("Deleted {rows} records of this chat{subscription}.")
}

// ---- the maintainer's /stats ----------------------------------------------------------------------

pub const ADMIN_UNAVAILABLE: &str = "The question log cannot be read right now; try again later.";
pub const CHART_CAPTION: &str =
    "Questions per day (bars) and the share answered (line, full height = 100%)";

/// The /stats summary's words in English.
pub const STATS_WORDS: super::StatsWords = super::StatsWords {
    period: |days, questions| format!("Last {days} days: {questions} questions"),
    shares: |[answered, near, refused, talk]| {
        format!("answered {answered}, near miss {near}, refused {refused}, small talk {talk}")
    },
    reply_time: |p50, p99| format!("Reply time: median {p50:.0} ms, p99 {p99:.0} ms"),
    reminders: |subscribers, [sent, failed, in_doubt]| {
        format!(
            "Daily reminders: {subscribers} subscribers; sent {sent}, failed {failed}, in doubt {in_doubt}"
        )
    },
    most_asked: "Most asked:",
    asked: |rank, question, count| format!("{rank}. {question} ({count}×)"),
};
