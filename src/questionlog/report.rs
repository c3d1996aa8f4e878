//! The maintainer's reports over the log: what went unanswered (`unanswered`), how the bot is used
//! (`stats`), and what the current knowledge would answer differently (`replay`). Computed here from the
//! rows, so every store gives the same figures.

use super::record::{LoggedQuestion, LoggedVote};
use super::store::DeliveryDay;
use crate::answer::{Engine, Outcome};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Most asked questions listed by `stats`: a phone screen's worth.
pub const TOP_QUESTIONS: usize = 10;
/// Longest `--since` accepted: ten years is far beyond any retention.
const MAX_SINCE_DAYS: i64 = 3_650;

/// Reads `--since` values: `7d`, `12h`, `2w`.
pub fn parse_since(text: &str) -> Result<TimeDelta, String> {
    let text = text.trim();
    let split = text.len().saturating_sub(1);
    let (number, unit) = (
        text.get(..split).unwrap_or(""),
        text.get(split..).unwrap_or(""),
    );
    let count: i64 = number
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("{text:?}: expected a number and d, h or w, such as 7d"))?;
    let delta = match unit {
        "h" => TimeDelta::try_hours(count),
        "d" => TimeDelta::try_days(count),
        "w" => TimeDelta::try_weeks(count),
        _ => None,
    }
    .ok_or_else(|| format!("{text:?}: expected a number and d, h or w, such as 7d"))?;
    if delta > TimeDelta::days(MAX_SINCE_DAYS) {
        return Err(format!("{text:?}: at most {MAX_SINCE_DAYS} days"));
    }
    Ok(delta)
}

/// Thumbs on a group of questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Feedback {
    pub up: u64,
    pub down: u64,
    /// Reason → how many 👎 gave it.
    pub reasons: BTreeMap<String, u64>,
}

/// Questions that read the same, with what came of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The latest wording asked.
    pub question: String,
    pub count: u64,
    pub last_seen: DateTime<Utc>,
    /// Outcome → how many times.
    pub outcomes: BTreeMap<String, u64>,
    pub feedback: Feedback,
}

/// The key questions are grouped by: the engine's normalised reading, or the text when that is empty
/// (emoji, punctuation).
fn group_key(question: &LoggedQuestion) -> String {
    if question.normalized.is_empty() {
        question.question.trim().to_lowercase()
    } else {
        question.normalized.clone()
    }
}

/// Every question grouped by its normalised reading, most asked first (ties: most recent first).
fn groups(questions: &[LoggedQuestion], votes: &[LoggedVote]) -> Vec<Group> {
    let mut votes_by_question: HashMap<i64, Vec<&LoggedVote>> = HashMap::new();
    for vote in votes {
        votes_by_question
            .entry(vote.question_id)
            .or_default()
            .push(vote);
    }
    let mut by_key: HashMap<String, Group> = HashMap::new();
    for question in questions {
        let group = by_key.entry(group_key(question)).or_insert_with(|| Group {
            question: question.question.clone(),
            count: 0,
            last_seen: question.asked_at,
            outcomes: BTreeMap::new(),
            feedback: Feedback::default(),
        });
        group.count += 1;
        if question.asked_at >= group.last_seen {
            group.last_seen = question.asked_at;
            group.question.clone_from(&question.question);
        }
        *group.outcomes.entry(question.outcome.clone()).or_default() += 1;
        for vote in votes_by_question.get(&question.id).into_iter().flatten() {
            if vote.vote == "up" {
                group.feedback.up += 1;
            } else {
                group.feedback.down += 1;
                if let Some(reason) = &vote.reason {
                    *group.feedback.reasons.entry(reason.clone()).or_default() += 1;
                }
            }
        }
    }
    let mut groups: Vec<Group> = by_key.into_values().collect();
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.last_seen.cmp(&a.last_seen))
            .then(a.question.cmp(&b.question))
    });
    groups
}

/// `unanswered`: groups with a refusal, a near miss or a 👎.
pub fn unanswered(questions: &[LoggedQuestion], votes: &[LoggedVote]) -> Vec<Group> {
    groups(questions, votes)
        .into_iter()
        .filter(|group| {
            group.feedback.down > 0
                || [Outcome::REFUSED, Outcome::NEAR_MISS]
                    .iter()
                    .any(|kind| group.outcomes.contains_key(*kind))
        })
        .collect()
}

/// Questions on one day (UTC) by outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub questions: u64,
    pub answered: u64,
    pub near_miss: u64,
    pub refused: u64,
    pub small_talk: u64,
}

/// Shares of all questions, from 0 to 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Shares {
    pub answered: f64,
    pub near_miss: f64,
    pub refused: f64,
    pub small_talk: f64,
}

/// Thumbs in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Thumbs {
    pub up: u64,
    pub down: u64,
}

/// A most asked question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Asked {
    pub question: String,
    pub count: u64,
}

/// Reply latency, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
}

/// Reminders on one local day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemindersDay {
    pub date: NaiveDate,
    pub sent: u64,
    pub failed: u64,
    pub in_doubt: u64,
}

/// `stats`: one object with every figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub since: DateTime<Utc>,
    pub questions: u64,
    pub per_day: Vec<Day>,
    pub share: Shares,
    pub feedback: Thumbs,
    pub top_questions: Vec<Asked>,
    pub latency: Latency,
    pub subscribers: u64,
    pub reminders_per_day: Vec<RemindersDay>,
}

/// The figures of `stats` from the rows since `since`.
pub fn stats(
    since: DateTime<Utc>,
    questions: &[LoggedQuestion],
    votes: &[LoggedVote],
    subscribers: u64,
    deliveries: &[DeliveryDay],
) -> Stats {
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for question in questions {
        let date = question.asked_at.date_naive();
        let day = days.entry(date).or_insert_with(|| Day {
            date,
            ..Day::default()
        });
        day.questions += 1;
        match question.outcome.as_str() {
            Outcome::ANSWERED => day.answered += 1,
            Outcome::NEAR_MISS => day.near_miss += 1,
            Outcome::REFUSED => day.refused += 1,
            Outcome::SMALL_TALK => day.small_talk += 1,
            _ => {}
        }
    }
    let total = u64::try_from(questions.len()).unwrap_or(u64::MAX);
    let share = |pick: fn(&Day) -> u64| {
        let count: u64 = days.values().map(pick).sum();
        if total == 0 {
            0.0
        } else {
            count as f64 / total as f64
        }
    };
    let share = Shares {
        answered: share(|day| day.answered),
        near_miss: share(|day| day.near_miss),
        refused: share(|day| day.refused),
        small_talk: share(|day| day.small_talk),
    };
    let up = votes.iter().filter(|vote| vote.vote == "up").count();
    let feedback = Thumbs {
        up: u64::try_from(up).unwrap_or(u64::MAX),
        down: u64::try_from(votes.len() - up).unwrap_or(u64::MAX),
    };
    let top_questions = groups(questions, &[])
        .into_iter()
        .take(TOP_QUESTIONS)
        .map(|group| Asked {
            question: group.question,
            count: group.count,
        })
        .collect();
    let mut latencies: Vec<u64> = questions.iter().map(|q| q.latency_us).collect();
    latencies.sort_unstable();
    let latency = Latency {
        p50_ms: percentile(&latencies, 50) as f64 / 1e3,
        p99_ms: percentile(&latencies, 99) as f64 / 1e3,
    };
    Stats {
        since,
        questions: total,
        per_day: days.into_values().collect(),
        share,
        feedback,
        top_questions,
        latency,
        subscribers,
        reminders_per_day: deliveries
            .iter()
            .map(|day| RemindersDay {
                date: day.date,
                sent: day.sent,
                failed: day.failed,
                in_doubt: day.in_doubt,
            })
            .collect(),
    }
}

/// Nearest-rank percentile of sorted values; 0 for none.
fn percentile(sorted: &[u64], percent: usize) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (sorted.len() * percent).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

/// A logged question the current engine would answer differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub question: String,
    /// Times it was asked in the period.
    pub count: u64,
    /// The latest logged outcome.
    pub was: String,
    pub now: String,
}

/// `replay`: each distinct question asked (as the engine understood it) run through `engine`; those whose
/// outcome would change, most asked first.
pub fn replay(engine: &Engine, questions: &[LoggedQuestion]) -> Vec<Change> {
    let mut latest: HashMap<&str, (u64, &str)> = HashMap::new();
    for question in questions {
        let asked = question.understood.as_deref().unwrap_or(&question.question);
        let seen = latest.entry(asked).or_insert((0, &question.outcome));
        seen.0 += 1;
        seen.1 = &question.outcome;
    }
    let mut changes: Vec<Change> = latest
        .into_iter()
        .filter_map(|(asked, (count, was))| {
            let now = engine.ask(asked).outcome.kind();
            (now != was).then(|| Change {
                question: asked.to_owned(),
                count,
                was: was.to_owned(),
                now: now.to_owned(),
            })
        })
        .collect();
    changes.sort_by(|a, b| b.count.cmp(&a.count).then(a.question.cmp(&b.question)));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_reads_days_hours_and_weeks() {
        assert_eq!(parse_since("7d"), Ok(TimeDelta::days(7)));
        assert_eq!(parse_since("12h"), Ok(TimeDelta::hours(12)));
        assert_eq!(parse_since("2w"), Ok(TimeDelta::days(14)));
        for bad in ["", "d", "7", "0d", "-1d", "7y", "1.5d", "99999d", "七d"] {
            assert!(parse_since(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let values: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&values, 50), 50);
        assert_eq!(percentile(&values, 99), 99);
        assert_eq!(percentile(&[7], 99), 7);
        assert_eq!(percentile(&[], 50), 0);
    }
}
