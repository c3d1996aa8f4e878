//! Every word the bot says to a user, in one place, so wording can be reviewed and changed without
//! reading handler code. Texts are plain (the renderer escapes and styles them); report facts never
//! appear here: they are passed in from `knowledge/` data.

use crate::answer::{Outcome, SmallTalk};
use crate::knowledge::{FigureKind, MetaField, Period, ReportMeta};
use crate::questionlog::report::{Group, Stats};
use crate::questionlog::Reason;
use crate::reminders::schedule::ScheduleError;
use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

// ---- commands (setMyCommands) -------------------------------------------------------------------

pub const COMMAND_START: &str = "开始使用，看看示例问题";
pub const COMMAND_HELP: &str = "使用说明";
pub const COMMAND_ASK: &str = "提问：/ask 问题";
pub const COMMAND_TARGETS: &str = "今年的主要预期目标";
pub const COMMAND_RESULTS: &str = "上年完成情况和过去五年的成绩";
pub const COMMAND_GLOSSARY: &str = "名词解释：/glossary 或 /glossary 词语";
pub const COMMAND_ABOUT: &str = "关于这份报告和本机器人";
pub const COMMAND_SUBSCRIBE: &str = "每天提醒一个目标：/subscribe [时间] [时区]";
pub const COMMAND_SUBSCRIPTION: &str = "查看每日提醒的设置和下次提醒时间";
pub const COMMAND_UNSUBSCRIBE: &str = "取消每日提醒";

// ---- welcome, help, about -----------------------------------------------------------------------

pub fn welcome(title: &str) -> String {
    format!(
        "你好！我回答关于《{title}》的问题，每个回答都附原文出处。\n\n\
         直接发给我一个问题就行。点下面的示例试试："
    )
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
    }
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
pub const MORE_RESULTS_FOR: &str = "更多结果：";
pub const NO_MORE_RESULTS: &str = "没有更多结果了。";
pub const SOURCE_HEADER: &str = "原文";

/// The number in front of a hit's citation, matching its 查看原文 button.
pub fn hit_marker(number: usize) -> String {
    format!("〔{number}〕")
}

pub fn glossary_citation(title: &str, number: u32) -> String {
    format!("《{title}》有关词语注释 第{number}条")
}

pub fn glossary_not_found(term: &str) -> String {
    format!("注释里没有找到“{term}”。发送 /glossary 查看全部词语。")
}

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

pub fn subscribed(time: &str, zone: &str, next: &str) -> String {
    format!(
        "好的，每天 {time}（{zone}）提醒你一个今年的目标。\n下次提醒：{next}\n\
         发送 /subscription 查看，/unsubscribe 取消。"
    )
}

pub fn subscription_status(time: &str, zone: &str, next: &str) -> String {
    format!(
        "每日目标提醒：每天 {time}（{zone}）\n下次提醒：{next}\n\
         发送 /subscribe 时间 修改时间，/unsubscribe 取消。"
    )
}

pub const NOT_SUBSCRIBED: &str =
    "你还没有订阅每日目标提醒。发送 /subscribe 订阅（默认每天 08:00）。";
pub const UNSUBSCRIBED: &str = "已取消每日目标提醒。想再订阅时发送 /subscribe。";
pub const REMINDERS_UNAVAILABLE: &str = "每日提醒暂时不可用。";
pub const REMINDERS_FAILED: &str = "抱歉，每日提醒出了点问题，请稍后再试。";

/// The reminder's first line: `2022年目标 · 今日提醒（3/45）· 5月10日`.
pub fn reminder_heading(year: i32, position: usize, total: usize, day: NaiveDate) -> String {
    format!(
        "{year}年目标 · 今日提醒（{position}/{total}）· {}",
        day.format("%-m月%-d日")
    )
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

// ---- feedback, privacy, /forget -----------------------------------------------------------------

pub const COMMAND_PRIVACY: &str = "我保存了什么、保存多久";
pub const COMMAND_FORGET: &str = "删除我在本机器人保存的一切";
pub const THUMBS_UP_BUTTON: &str = "👍";
pub const THUMBS_DOWN_BUTTON: &str = "👎";
pub const THANKS_FOR_FEEDBACK: &str = "谢谢反馈！";
pub const WHAT_WAS_WRONG: &str = "哪里不对？点一下告诉我：";
pub const THANKS_FOR_REASON: &str = "谢谢反馈！维护者会据此改进回答。";

/// The label of a 👎 reason button.
pub fn reason_button(reason: Reason) -> &'static str {
    match reason {
        Reason::WrongTopic => "答非所问",
        Reason::WrongNumber => "数字不对",
        Reason::NotFound => "没找到",
        Reason::Other => "其他",
    }
}

/// /privacy: what is kept, for how long, and why; `days` is `QUESTION_LOG_DAYS`, `None` when the log is
/// off.
pub fn privacy(days: Option<u32>) -> String {
    let log = match days {
        Some(days) => format!(
            "• 你的问题、我怎样理解它、回答的结果（是否答上）、回答用时，以及你对回答点的👍/👎。\
             聊天只以加密散列记录，不保存聊天或用户的编号、名字、用户名。\n\
             • 保存 {days} 天，到期自动删除。\n\
             • 用途：让维护者看到哪些问题没答上、哪些回答不对，从而改进回答。\n"
        ),
        None => "• 本机器人没有开启问题记录，不保存你的问题。\n".to_owned(),
    };
    format!(
        "隐私说明\n\
         {log}\
         • 订阅每日提醒时，保存聊天编号和提醒时间，直到你 /unsubscribe。\n\n\
         发送 /forget 删除本聊天保存的一切（问题、反馈、提醒订阅）。"
    )
}

pub const FORGET_CONFIRM: &str =
    "确定要删除本聊天在机器人这里保存的一切吗？包括问题记录、反馈和每日提醒订阅。此操作不能撤销。";
pub const FORGET_BUTTON: &str = "确认删除";
pub const FORGET_FAILED: &str = "抱歉，删除没有完成，请稍后再发送 /forget 重试。";

pub fn forgotten(rows: u64, unsubscribed: bool) -> String {
    let subscription = if unsubscribed {
        "，并取消了每日提醒"
    } else {
        ""
    };
    format!("已删除本聊天的 {rows} 条记录{subscription}。")
}

// ---- the maintainer's /stats and /unanswered ------------------------------------------------------

pub const COMMAND_STATS: &str = "（维护者）使用统计和图表";
pub const COMMAND_UNANSWERED: &str = "（维护者）没答上或被👎的问题";
pub const ADMIN_UNAVAILABLE: &str = "问题记录暂时读不出来，请稍后再试。";
pub const NOTHING_UNANSWERED: &str = "最近 7 天没有没答上或被👎的问题。";

/// An outcome as the maintainer reads it.
pub fn outcome_name(kind: &str) -> &str {
    match kind {
        Outcome::ANSWERED => "答上",
        Outcome::NEAR_MISS => "接近",
        Outcome::REFUSED => "没答上",
        Outcome::SMALL_TALK => "闲聊",
        other => other,
    }
}

/// /stats: the `stats` summary for a phone.
pub fn admin_stats(stats: &Stats, days: u32) -> String {
    let percent = |share: f64| format!("{:.0}%", share * 100.0);
    let sent: u64 = stats.reminders_per_day.iter().map(|day| day.sent).sum();
    let failed: u64 = stats.reminders_per_day.iter().map(|day| day.failed).sum();
    let in_doubt: u64 = stats.reminders_per_day.iter().map(|day| day.in_doubt).sum();
    let mut text = format!(
        "最近 {days} 天：{questions} 个问题\n\
         答上 {answered}，接近 {near}，没答上 {refused}，闲聊 {talk}\n\
         👍 {up}  👎 {down}\n\
         回答用时：中位 {p50:.0} 毫秒，p99 {p99:.0} 毫秒\n\
         每日提醒：{subscribers} 人订阅；发送 {sent}，失败 {failed}，存疑 {in_doubt}",
        questions = stats.questions,
        answered = percent(stats.share.answered),
        near = percent(stats.share.near_miss),
        refused = percent(stats.share.refused),
        talk = percent(stats.share.small_talk),
        up = stats.feedback.up,
        down = stats.feedback.down,
        p50 = stats.latency.p50_ms,
        p99 = stats.latency.p99_ms,
        subscribers = stats.subscribers,
    );
    if !stats.top_questions.is_empty() {
        text.push_str("\n\n最常问：");
        for (rank, asked) in stats.top_questions.iter().enumerate() {
            text.push_str(&format!(
                "\n{}. {}（{}次）",
                rank + 1,
                asked.question,
                asked.count
            ));
        }
    }
    text
}

pub const CHART_CAPTION: &str = "每天的问题数（柱）和答上的比例（线，满格为100%）";

/// The heading of one /unanswered page.
pub fn unanswered_header(page: usize, pages: usize) -> String {
    format!(
        "没答上或被👎的问题（最近 7 天，第 {}/{pages} 页）",
        page + 1
    )
}

/// One /unanswered group: how often, the question, its outcomes and 👎 reasons.
pub fn unanswered_line(rank: usize, group: &Group) -> String {
    let outcomes: Vec<String> = group
        .outcomes
        .iter()
        .map(|(kind, count)| format!("{}{count}", outcome_name(kind)))
        .collect();
    let mut line = format!(
        "{rank}. {}（{}次：{}）",
        group.question,
        group.count,
        outcomes.join("、")
    );
    if group.feedback.down > 0 {
        let reasons: Vec<String> = group
            .feedback
            .reasons
            .iter()
            .map(|(reason, count)| {
                let name: &str = match Reason::parse(reason) {
                    Some(known) => reason_button(known),
                    None => reason,
                };
                format!("{name}{count}")
            })
            .collect();
        line.push_str(&format!(" 👎{}", group.feedback.down));
        if !reasons.is_empty() {
            line.push_str(&format!("（{}）", reasons.join("、")));
        }
    }
    line
}
