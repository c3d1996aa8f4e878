//! `unanswered`, `stats` and `replay`: the question log read back for the maintainer, from the database
//! `DATABASE_URL` names, SQLite or PostgreSQL (the bot's own, while it runs: SQLite's WAL lets both at it).

use crate::answer::Engine;
use crate::config::DatabaseUrl;
use crate::questionlog::report::{self, Group, Stats};
use crate::questionlog::QuestionLogStore;
use crate::store::Store;
use chrono::{DateTime, TimeDelta, Utc};
use std::io::Write;

/// The log's rows since a moment, and the reminders' figures.
pub struct Rows {
    since: DateTime<Utc>,
    questions: Vec<crate::questionlog::record::LoggedQuestion>,
    votes: Vec<crate::questionlog::record::LoggedVote>,
    subscribers: u64,
    deliveries: Vec<crate::questionlog::store::DeliveryDay>,
}

/// The rows since `now - since` in the database at `database_url`, read on a runtime of their own.
pub fn read(database_url: &str, since: TimeDelta, now: DateTime<Utc>) -> anyhow::Result<Rows> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let store = Store::open(&DatabaseUrl::parse(database_url)?).await?;
        let log = &store;
        let since = now - since;
        let rows = Rows {
            since,
            questions: log.questions_since(since).await?,
            votes: log.votes_since(since).await?,
            subscribers: log.subscribers().await?,
            deliveries: log.deliveries_since(since.date_naive()).await?,
        };
        store.close().await;
        Ok(rows)
    })
}

/// `report-bot unanswered`: refused and near-miss questions and those with a 👎, grouped.
pub fn unanswered(rows: &Rows, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    let groups = report::unanswered(&rows.questions, &rows.votes);
    if json {
        for group in &groups {
            json_line(group, out)?;
        }
        return Ok(());
    }
    if groups.is_empty() {
        writeln!(out, "nothing unanswered since {}", day_and_time(rows.since))?;
    }
    for group in &groups {
        writeln!(out, "{}", group_line(group))?;
    }
    Ok(())
}

/// One JSON object on a line of its own.
fn json_line(value: &impl serde::Serialize, out: &mut impl Write) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

fn group_line(group: &Group) -> String {
    let outcomes: Vec<String> = group
        .outcomes
        .iter()
        .map(|(outcome, count)| format!("{outcome} {count}"))
        .collect();
    let reasons: Vec<String> = group
        .feedback
        .reasons
        .iter()
        .map(|(reason, count)| format!("{reason} {count}"))
        .collect();
    let mut line = format!(
        "{:>4}×  {}  {}  [{}]",
        group.count,
        day_and_time(group.last_seen),
        group.question,
        outcomes.join(", "),
    );
    if group.feedback.up + group.feedback.down > 0 {
        line.push_str(&format!(
            "  👍{} 👎{}",
            group.feedback.up, group.feedback.down
        ));
    }
    if !reasons.is_empty() {
        line.push_str(&format!(" ({})", reasons.join(", ")));
    }
    line
}

fn day_and_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// `report-bot stats`: use, outcomes, feedback, latency, reminders.
pub fn stats(rows: &Rows, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    let stats = report::stats(
        rows.since,
        &rows.questions,
        &rows.votes,
        rows.subscribers,
        &rows.deliveries,
    );
    if json {
        json_line(&stats, out)?;
    } else {
        write!(out, "{}", stats_text(&stats))?;
    }
    Ok(())
}

/// The summary as lines of text (the command line and /stats show the same).
pub fn stats_text(stats: &Stats) -> String {
    let percent = |share: f64| format!("{:.0}%", share * 100.0);
    let mut text = format!(
        "since {}: {} questions\nanswered {}, near miss {}, refused {}, small talk {}\n\
         👍 {}  👎 {}\nreply time p50 {:.1} ms, p99 {:.1} ms\nsubscribers {}\n",
        day_and_time(stats.since),
        stats.questions,
        percent(stats.share.answered),
        percent(stats.share.near_miss),
        percent(stats.share.refused),
        percent(stats.share.small_talk),
        stats.feedback.up,
        stats.feedback.down,
        stats.latency.p50_ms,
        stats.latency.p99_ms,
        stats.subscribers,
    );
    text.push_str("\nper day (questions, answered):\n");
    for day in &stats.per_day {
        text.push_str(&format!(
            "{}  {:>5}  {:>5}\n",
            day.date, day.questions, day.answered
        ));
    }
    if !stats.top_questions.is_empty() {
        text.push_str("\nmost asked:\n");
        for asked in &stats.top_questions {
            text.push_str(&format!("{:>5}×  {}\n", asked.count, asked.question));
        }
    }
    if !stats.reminders_per_day.is_empty() {
        text.push_str("\nreminders (sent, failed, in doubt):\n");
        for day in &stats.reminders_per_day {
            text.push_str(&format!(
                "{}  {:>5}  {:>5}  {:>5}\n",
                day.date, day.sent, day.failed, day.in_doubt
            ));
        }
    }
    text
}

/// `report-bot replay`: logged questions whose outcome the current knowledge would change.
pub fn replay(engine: &Engine, rows: &Rows, out: &mut impl Write) -> std::io::Result<()> {
    let changes = report::replay(engine, &rows.questions);
    for change in &changes {
        writeln!(
            out,
            "{} → {}  {:>4}×  {}",
            change.was, change.now, change.count, change.question
        )?;
    }
    writeln!(
        out,
        "{} of the questions asked since {} would be answered differently",
        changes.len(),
        day_and_time(rows.since)
    )?;
    Ok(())
}
