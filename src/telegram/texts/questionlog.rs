//! The words of the question log (docs/question-log.md): 👍/👎 and a 👎's reasons, /privacy, /forget, and
//! the maintainer's /stats and /unanswered. English twins are in `texts::en`.

use crate::answer::Outcome;
use crate::questionlog::report::{Group, RemindersDay, Stats};
use crate::questionlog::Reason;

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
         • 订阅每日提醒时，保存聊天编号和提醒时间，直到你 /unsubscribe；用 /lang 选了回复语言时，保存这个选择。\n\n\
         发送 /forget 删除本聊天保存的一切（问题、反馈、提醒订阅、回复语言）。"
    )
}

pub const FORGET_CONFIRM: &str =
    "确定要删除本聊天在机器人这里保存的一切吗？包括问题记录、反馈、每日提醒订阅和回复语言。此操作不能撤销。";
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

/// The /stats summary's words in one language (this one and `en::STATS_WORDS`); [`admin_stats`] lays
/// them out.
pub struct StatsWords {
    /// Days looked back and questions asked.
    pub period: fn(u32, u64) -> String,
    /// The answered, near miss, refused and small talk shares, as percentages.
    pub shares: fn([String; 4]) -> String,
    /// Median and p99 reply time in milliseconds.
    pub reply_time: fn(f64, f64) -> String,
    /// Subscribers, then reminders sent, failed and in doubt.
    pub reminders: fn(u64, [u64; 3]) -> String,
    pub most_asked: &'static str,
    /// Rank, question, how often.
    pub asked: fn(usize, &str, u64) -> String,
}

pub const STATS_WORDS: StatsWords = StatsWords {
    period: |days, questions| format!("最近 {days} 天：{questions} 个问题"),
    shares: |[answered, near, refused, talk]| {
        format!("答上 {answered}，接近 {near}，没答上 {refused}，闲聊 {talk}")
    },
    reply_time: |p50, p99| format!("回答用时：中位 {p50:.0} 毫秒，p99 {p99:.0} 毫秒"),
    reminders: |subscribers, [sent, failed, in_doubt]| {
        format!("每日提醒：{subscribers} 人订阅；发送 {sent}，失败 {failed}，存疑 {in_doubt}")
    },
    most_asked: "最常问：",
    asked: |rank, question, count| format!("{rank}. {question}（{count}次）"),
};

/// /stats: the `stats` summary for a phone, in the language of `words`.
pub fn admin_stats(stats: &Stats, days: u32, words: &StatsWords) -> String {
    let share = &stats.share;
    let shares = [
        share.answered,
        share.near_miss,
        share.refused,
        share.small_talk,
    ]
    .map(|share| format!("{:.0}%", share * 100.0));
    let total = |count: fn(&RemindersDay) -> u64| -> u64 {
        stats.reminders_per_day.iter().map(count).sum()
    };
    let reminders = [
        total(|day| day.sent),
        total(|day| day.failed),
        total(|day| day.in_doubt),
    ];
    let mut text = [
        (words.period)(days, stats.questions),
        (words.shares)(shares),
        format!("👍 {}  👎 {}", stats.feedback.up, stats.feedback.down),
        (words.reply_time)(stats.latency.p50_ms, stats.latency.p99_ms),
        (words.reminders)(stats.subscribers, reminders),
    ]
    .join("\n");
    if !stats.top_questions.is_empty() {
        text.push_str("\n\n");
        text.push_str(words.most_asked);
        for (rank, asked) in stats.top_questions.iter().enumerate() {
            text.push('\n');
            text.push_str(&(words.asked)(rank + 1, &asked.question, asked.count));
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
