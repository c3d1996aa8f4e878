//! Every word the bot says to a user, in one place, so wording can be reviewed and changed without
//! reading handler code. Texts are plain (the renderer escapes and styles them); report facts never
//! appear here: they are passed in from `knowledge/` data.

use crate::answer::suggest::SuggestionKind;
use crate::answer::{Missing, MissingKind, SmallTalk};
use crate::knowledge::{FigureKind, Location, MetaField, Period, ReportMeta};
use crate::reminders::schedule::ScheduleError;
use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

pub mod en;
mod questionlog;

pub use questionlog::*;

// ---- commands (setMyCommands) -------------------------------------------------------------------

pub const COMMAND_START: &str = "开始使用，看看示例问题";
pub const COMMAND_HELP: &str = "使用说明";
pub const COMMAND_ASK: &str = "提问：/ask 问题";
pub const COMMAND_TARGETS: &str = "今年的主要预期目标";
pub const COMMAND_RESULTS: &str = "上年完成情况和过去五年的成绩";
pub const COMMAND_GLOSSARY: &str = "名词解释：/glossary 或 /glossary 词语";
pub const COMMAND_FIND: &str = "查找一个词：/find 词语，列出报告里说到它的每一处";
pub const COMMAND_ABOUT: &str = "关于这份报告和本机器人";
pub const COMMAND_SUBSCRIBE: &str = "每天提醒一个目标：/subscribe [时间] [时区]";
pub const COMMAND_SUBSCRIPTION: &str = "查看每日提醒的设置和下次提醒时间";
pub const COMMAND_UNSUBSCRIBE: &str = "取消每日提醒";
pub const COMMAND_LANG: &str = "回复语言：/lang zh 或 /lang en";

// ---- /lang --------------------------------------------------------------------------------------

pub const USAGE_LANG: &str = "用法：/lang zh（用中文回复）或 /lang en（用英文回复）";
pub const LANG_SET: &str = "好的，这个聊天以后用中文回复。";

// ---- welcome, help, about -----------------------------------------------------------------------

pub fn welcome(title: &str) -> String {
    format!(
        "你好！我回答关于《{title}》的问题，每个回答都附原文出处。\n\n\
         直接发给我一个问题就行。点下面的示例试试："
    )
}

/// /start in a group: the bot reads only what is addressed to it there, so say how to address it.
pub fn group_welcome(title: &str, bot_username: &str) -> String {
    format!(
        "你好！我回答关于《{title}》的问题，每个回答都附原文出处。\n\n{}\n\n点下面的示例试试：",
        ask_in_group(bot_username)
    )
}

/// How to ask in a group, where the bot does not read ordinary messages.
pub fn ask_in_group(bot_username: &str) -> String {
    format!(
        "在群里这样问我：\n\
         • /ask 问题，例如 /ask 今年GDP目标是多少\n\
         • @{bot_username} 问题\n\
         • 回复我的消息提问\n\
         群里的其他消息我不会读，也不会回复。"
    )
}

/// /help in a group: how to ask there first, then the whole help.
pub fn group_help(bot_username: &str) -> String {
    format!("{}\n\n{}", ask_in_group(bot_username), help(bot_username))
}

pub fn help(bot_username: &str) -> String {
    format!(
        "怎么用\n\
         • 私聊：直接发送问题，例如“今年GDP目标是多少”。\n\
         • 群聊：发送 /ask 问题，或 @{bot_username} 问题，或回复我的消息。\n\
         • 任何聊天里：输入 @{bot_username} 问题，把答案发到当前聊天。\n\n\
         命令\n\
         /ask 问题 — 提问\n\
         /targets — 今年的主要预期目标\n\
         /results — 上年完成情况和过去五年的成绩\n\
         /glossary — 名词解释（/glossary 词语 查一个词）\n\
         /find 词语 — 报告里说到这个词的每一处\n\
         /subscribe — 每天提醒一个目标（/subscribe 7:30 选时间）\n\
         /subscription — 查看提醒设置，/unsubscribe 取消\n\
         /about — 关于这份报告\n\
         /help — 本说明\n\n\
         回答下面的按钮：“查看原文”显示整段原文，“更多结果”显示更多相关内容，\
         👍/👎 告诉维护者回答得好不好。"
    )
}

pub fn about_report(meta: &ReportMeta) -> String {
    format!(
        "《{title}》\n\
         {meeting}，{meeting_date}\n\
         报告人：{speaker}\n\
         发布：{issuer}，{published}\n\
         来源：{source}",
        title = meta.title,
        meeting = meta.meeting,
        meeting_date = meta.field(MetaField::MeetingDate),
        speaker = meta.speaker,
        issuer = meta.issuer,
        published = meta.field(MetaField::Published),
        source = meta.source,
    )
}

pub fn about_bot(bot_username: &str) -> String {
    format!(
        "我能做什么\n\
         • 回答关于报告的问题，答案附原文和出处\n\
         • /targets 主要预期目标，/results 上年完成情况和五年成绩\n\
         • /glossary 报告末尾的名词解释\n\
         • 在任何聊天里输入 @{bot_username} 问题\n\n\
         回答只来自报告原文；报告没有写的，我会直说没有。"
    )
}

/// Example questions built from the report's own data, so they always have an answer.
pub fn example_target_question(year: i32, metric: &str) -> String {
    format!("{year}年{metric}目标是多少")
}

pub fn example_result_question(metric: &str) -> String {
    format!("去年{metric}是多少")
}

pub fn example_glossary_question(term: &str) -> String {
    format!("{term}是什么意思")
}

// ---- answers ------------------------------------------------------------------------------------

pub const NOT_ANSWERED: &str = "报告里没有找到能回答这个问题的内容。";

/// The reply to small talk: short, and saying what the bot can do rather than "not found".
pub fn small_talk(kind: SmallTalk) -> &'static str {
    match kind {
        SmallTalk::Greeting => {
            "你好！我回答关于这份政府工作报告的问题，每个回答都附原文出处。直接问就行，例如：今年GDP目标是多少"
        }
        SmallTalk::Thanks => "不客气！还有想了解的，直接发问题给我。",
        SmallTalk::Identity => {
            "我是政府工作报告问答机器人：回答只来自报告原文，并注明出处；报告没写的，我会直说没有。"
        }
        SmallTalk::Help => {
            "直接发问题就行，例如：今年GDP目标是多少、十件惠民工程都有哪些、枫桥经验是什么意思。\n\
             /targets 主要预期目标，/results 上年完成情况，/glossary 名词解释，/help 全部用法。"
        }
        SmallTalk::Farewell => "再见！需要时随时来问。",
        SmallTalk::Complaint => {
            "抱歉没答好。可以换个说法，或用报告里的词再问一次；我只回答这份报告里写到的内容，报告没写的我会直说。"
        }
    }
}

/// What a near-miss lacks, in one line ending where the nearest facts follow.
pub fn near_miss(missing: &Missing) -> String {
    let year = missing
        .year
        .map(|year| format!("{year}年"))
        .unwrap_or_default();
    let metric = &missing.metric;
    match missing.what {
        MissingKind::SingleYear => format!("报告没有给出{year}单年的{metric}数字；报告给出的是："),
        MissingKind::Change => format!("报告没有给出{year}{metric}的增长幅度；报告给出的是："),
        MissingKind::Level => format!("报告没有给出{year}{metric}的具体数值；报告给出的是："),
        MissingKind::Comparison => {
            format!("报告没有给出能直接算出这个比较的两个数字（{metric}）；报告给出的是：")
        }
        MissingKind::Names => format!("报告没有列出{metric}具体是哪些，只给出了数量："),
        MissingKind::Time { within: None } => {
            "报告没有写明具体时间；报告里相关的原文是：".to_owned()
        }
        MissingKind::Time {
            within: Some(within),
        } => {
            let (from, to) = (*within.years().start(), within.last_year());
            format!("报告没有写明具体哪一年；这件事写在对{from}—{to}年的回顾里，原文是：")
        }
        MissingKind::PlanOutcome => {
            format!("报告作于{year}初，写的是这一年的安排，没有写后来完成得怎样；报告里的安排是：")
        }
    }
}

/// One nearest fact of a near-miss, numbered.
pub fn near_fact(number: usize, fact: &str) -> String {
    format!("{number}. {fact}")
}

pub fn year_not_covered(year: i32) -> String {
    format!("报告里没有{year}年的数据或安排。")
}
pub const SUGGESTIONS: &str = "可以试试：";

/// One suggestion under [`SUGGESTIONS`], on a line of its own.
pub fn suggestion_line(suggestion: &str) -> String {
    format!("\n• {suggestion}")
}

/// The suggestions on one line (an inline result's description).
pub fn suggestion_list(suggestions: &[String]) -> String {
    suggestions.join("、")
}
/// Above the suggestion buttons of a refusal (topics and terms near the question).
/// When a known term one character off explains a refusal.
pub fn did_you_mean(term: &str) -> String {
    format!("您是不是想问“{term}”？")
}
pub const NEAR_TOPICS: &str = "报告里相近的内容，点一下看看：";
/// Under a refusal with nothing near the question: what can be asked instead.
pub const WHAT_TO_ASK: &str =
    "可以问报告里的目标、成绩和工作安排，例如：今年GDP目标是多少。/targets 主要目标，/glossary 名词解释，/help 用法。";

/// A suggestion button: a topic to ask about, or (📖) a glossary entry.
pub fn suggestion_button(kind: SuggestionKind, label: &str) -> String {
    match kind {
        SuggestionKind::Topic => label.to_owned(),
        SuggestionKind::Term => glossary_button(label),
    }
}

pub const MORE_RESULTS_FOR: &str = "更多结果：";
pub const NO_MORE_RESULTS: &str = "没有更多结果了。";
pub const SOURCE_HEADER: &str = "原文";

/// The number in front of a hit's citation, matching its 查看原文 button.
pub fn hit_marker(number: usize) -> String {
    format!("〔{number}〕")
}

/// Where a paragraph stands as a reader counts: `三（二）第4段`, `三、第2段` (before the part's first
/// numbered section), `开头第1段` (the greeting).
pub fn location(location: &Location) -> String {
    let Location {
        part,
        section,
        paragraph,
    } = *location;
    match (part.is_empty(), section.is_empty()) {
        (true, _) => format!("开头第{paragraph}段"),
        (false, true) => format!("{part}、第{paragraph}段"),
        (false, false) => format!("{part}{section}第{paragraph}段"),
    }
}

/// A citation with its place: `《…》三、… ›（二）…（三（二）第4段）`.
pub fn cited_at(citation: &str, place: &str) -> String {
    format!("{citation}（{place}）")
}

/// A glossary entry's place in a full citation.
pub fn glossary_place(number: u32) -> String {
    format!("有关词语注释第{number}条")
}

/// The line a 引用 button sends, to paste as it is.
pub fn full_citation(title: &str, date: &str, place: &str, quote: &str) -> String {
    format!("《{title}》（{date}），{place}：“{quote}”")
}

/// The button that sends an excerpt's full citation.
pub fn cite_button(number: Option<usize>) -> String {
    match number {
        Some(number) => format!("引用 {number}"),
        None => "引用".to_owned(),
    }
}

pub fn glossary_citation(title: &str, number: u32) -> String {
    format!("《{title}》有关词语注释 第{number}条")
}

pub fn glossary_not_found(term: &str) -> String {
    format!("注释里没有找到“{term}”。发送 /glossary 查看全部词语。")
}

/// /glossary with a term that is no entry, but near some: the candidates follow as buttons.
pub fn glossary_candidates(term: &str) -> String {
    format!("注释里没有“{term}”这个词条。你要找的是不是下面这些？")
}

/// The heading of a page of /find: `“枫桥”在报告里共3处（第 1/1 页）：`.
pub fn find_header(word: &str, total: usize, page: usize, pages: usize) -> String {
    format!("“{word}”在报告里共{total}处（第 {page}/{pages} 页）：")
}

pub fn find_none(word: &str) -> String {
    format!("报告正文里没有“{word}”。")
}

pub const ALL_PLACES_BUTTON: &str = "全部出处";
pub const USAGE_FIND: &str = "用法：/find 词语，列出报告里说到它的每一处（词语不超过 16 个字）";

pub fn glossary_page_header(page: usize, pages: usize, count: usize) -> String {
    format!("名词解释（共 {count} 条，第 {page}/{pages} 页），点词语查看解释：")
}

pub fn targets_header(year: i32) -> String {
    format!("{year}年主要预期目标")
}

pub const NO_TARGETS: &str = "报告里没有找到主要预期目标。";
pub const NO_RESULTS: &str = "报告里没有找到上年完成情况。";

/// Heading of one group of /results lines.
pub fn results_header(kind: FigureKind, period: Period) -> String {
    match (kind, period) {
        (FigureKind::Result, Period::Year { .. }) => format!("{period}完成情况"),
        (FigureKind::FiveYearTotal, Period::Years { .. }) => format!("{period}累计"),
        (FigureKind::YearlyAverage, Period::Years { .. }) => format!("{period}年均"),
        (FigureKind::ChangeSinceBase, Period::Years { from, .. }) => {
            format!("与{from}年相比")
        }
        _ => period.to_string(),
    }
}

/// One indicator as a list line: `生产总值：增长8%左右`.
pub fn indicator_line(number: usize, metric: &str, value: &str) -> String {
    format!("{number}. {metric}：{value}")
}

// ---- usage, errors, limits ----------------------------------------------------------------------

pub const USAGE_ASK: &str = "用法：/ask 问题，例如 /ask 今年GDP目标是多少";
pub const USAGE_GLOSSARY: &str =
    "用法：/glossary 查看全部词语，/glossary 词语 查一个词（词语不超过 30 个字）";

pub fn usage_without_arguments(command: &str) -> String {
    format!("用法：/{command}（不用加别的字）")
}

pub const UNKNOWN_COMMAND: &str = "没有这个命令。发送 /help 查看可用的命令。";
pub const EMPTY_QUESTION: &str = "请告诉我你想问什么，例如：今年GDP目标是多少";
pub const NON_TEXT: &str = "我只能读文字消息。请用文字提问，例如：今年GDP目标是多少";
pub const SLOW_DOWN: &str = "消息有点多，我跟不上了。请稍等几秒再问。";

// ---- daily reminders ---------------------------------------------------------------------------

pub const USAGE_SUBSCRIBE: &str = "用法：/subscribe [时间] [时区]，例如 /subscribe（每天 08:00）、\
     /subscribe 7:30、/subscribe 晚上9点、/subscribe 21:00 Europe/Berlin、/subscribe 7:30 UTC+8。时区用 IANA 名称或 UTC 偏移，默认 Asia/Shanghai。";

/// Why `/subscribe` arguments were refused, then the usage line.
pub fn usage_subscribe(error: &ScheduleError) -> String {
    let reason = match error {
        ScheduleError::BadTime(time) => format!("“{time}”不是有效的时间（00:00—23:59）。"),
        ScheduleError::UnknownZone(zone) => format!("“{zone}”不是已知的时区。"),
        ScheduleError::TooManyArguments => "最多写一个时间和一个时区。".to_owned(),
        ScheduleError::NoOccurrence(_) => "这个时间无法安排。".to_owned(),
    };
    format!("{reason}\n{USAGE_SUBSCRIBE}")
}

/// After /subscribe with a bare hour (`8`, `7:30`): which reading was chosen, and how to ask for the other.
pub fn assumed_24_hour(time: &str) -> String {
    format!("（按 24 小时制理解为 {time}；要下午或晚上，请写“晚上8点”“8pm”或 20:00。）")
}

/// `2022年5月10日 08:00`
pub fn send_time(at: &DateTime<Tz>) -> String {
    at.format("%Y年%-m月%-d日 %H:%M").to_string()
}

/// Which targets the reminders are: `2022年的目标（出自《西平县2022年政府工作报告》）`.
pub fn reminder_targets(year: i32, title: &str) -> String {
    format!("{year}年的目标（出自《{title}》）")
}

/// Said with every reminder and confirmation once the plan year is over (no newer report loaded).
pub fn plan_year_over(year: i32) -> String {
    format!("注意：{year}年已经过去，这些是{year}年的目标，不是今年的；新一年的报告还没有收录。")
}

pub fn subscribed(time: &str, zone: &str, next: &str, targets: &str) -> String {
    format!(
        "好的，每天 {time}（{zone}）提醒你一个{targets}。\n下次提醒：{next}\n\
         发送 /subscription 查看，/unsubscribe 取消。"
    )
}

pub fn subscription_status(time: &str, zone: &str, next: &str, targets: &str) -> String {
    format!(
        "每日目标提醒：每天 {time}（{zone}），提醒{targets}\n下次提醒：{next}\n\
         发送 /subscribe 时间 修改时间，/unsubscribe 取消。"
    )
}

/// A bare /subscribe when the chat is subscribed already: what it has, and a question before changing it.
pub fn already_subscribed(time: &str, zone: &str, next: &str, default: &str) -> String {
    format!(
        "你已经订阅了每日目标提醒：每天 {time}（{zone}），下次提醒：{next}。\n\
         要改成默认的每天 {default} 吗？要别的时间，发送 /subscribe 时间，例如 /subscribe 7:30。"
    )
}

/// The button that changes an existing subscription to the default time.
pub fn reset_subscription_button(default: &str) -> String {
    format!("改为每天 {default}")
}

pub const KEEP_SUBSCRIPTION_BUTTON: &str = "保持不变";
pub const SUBSCRIPTION_KEPT: &str = "好的，提醒时间不变。";

pub const NOT_SUBSCRIBED: &str =
    "你还没有订阅每日目标提醒。发送 /subscribe 订阅（默认每天 08:00）。";
pub const UNSUBSCRIBED: &str = "已取消每日目标提醒。想再订阅时发送 /subscribe。";
pub const REMINDERS_UNAVAILABLE: &str = "每日提醒暂时不可用。";
pub const REMINDERS_FAILED: &str = "抱歉，每日提醒出了点问题，请稍后再试。";

/// The reminder's first line: `2022年目标 · 今日提醒（3/45）· 5月10日`; once the plan year is over,
/// `2022年目标回顾（3/45）· 1月10日` (a look back, not today's target).
pub fn reminder_heading(
    year: i32,
    (position, total): (usize, usize),
    day: NaiveDate,
    year_over: bool,
) -> String {
    let day = day.format("%-m月%-d日");
    if year_over {
        format!("{year}年目标回顾（{position}/{total}）· {day}")
    } else {
        format!("{year}年目标 · 今日提醒（{position}/{total}）· {day}")
    }
}

/// A target of a named list (`十件惠民工程 第7项`); the list's name comes from the report.
pub fn list_item_label(group: &str, item: Option<u32>) -> String {
    match item {
        Some(item) => format!("{group} 第{item}项"),
        None => group.to_owned(),
    }
}

/// The reminder's target: `生产总值：增长8%左右`.
pub fn target_line(metric: &str, value: &str) -> String {
    format!("{metric}：{value}")
}

pub const ALL_TARGETS_BUTTON: &str = "查看全部主要目标";

// ---- buttons ------------------------------------------------------------------------------------

pub fn view_source_button(number: Option<usize>) -> String {
    match number {
        Some(number) => format!("查看原文 {number}"),
        None => "查看原文".to_owned(),
    }
}

pub const MORE_BUTTON: &str = "更多结果";
pub const PREVIOUS_PAGE_BUTTON: &str = "« 上一页";
pub const NEXT_PAGE_BUTTON: &str = "下一页 »";

/// A term on a /glossary page, with its number in the report's list: `3. 枫桥经验`.
pub fn glossary_term_button(number: u32, term: &str) -> String {
    format!("{number}. {term}")
}

pub fn glossary_button(term: &str) -> String {
    format!("📖 {term}")
}

// ---- callback answers (the small toast above the chat) -------------------------------------------

pub const STALE_BUTTON: &str = "这个按钮已过期，请重新提问。";
pub const UNKNOWN_BUTTON: &str = "无法识别这个按钮，请重新提问。";

// ---- inline mode --------------------------------------------------------------------------------

pub const INLINE_START_BUTTON: &str = "私聊机器人提问";
/// The inline button when the report has no answer: nothing to post, a private chat to look further.
pub const INLINE_NOT_FOUND_BUTTON: &str = "报告里没有找到答案 · 私聊机器人看相近内容";

/// The description of the empty inline query's targets article: the metrics it lists.
pub fn inline_targets_description<'a>(metrics: impl Iterator<Item = &'a str>) -> String {
    metrics.collect::<Vec<_>>().join("、")
}
