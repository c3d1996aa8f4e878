//! What a day's reminder says: one of the plan year's targets, taken from the indicator records the
//! knowledge layer extracted (never written here), rotating so that a subscriber sees every target in turn.

use crate::knowledge::{FigureKind, Indicator, Library};
use chrono::{Datelike, NaiveDate};
use thiserror::Error;

/// Why no rotation can be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentError {
    #[error("report {0} has no target records to remind of")]
    NoTargets(String),
}

/// The plan year's targets in reminder order: the main targets, then the numeric task targets, then the
/// items of named lists (such as a report's livelihood projects) list by list, item by item.
#[derive(Debug, Clone)]
pub struct TargetRotation {
    report_title: String,
    year: i32,
    targets: Vec<Indicator>,
}

/// One day's reminder, before any rendering: the Telegram layer turns it into a message with a button
/// for the full target list.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    /// The subscriber's local day this reminder is for.
    pub date: NaiveDate,
    pub report_title: String,
    /// The year the targets are for.
    pub year: i32,
    /// 1-based position of `target` in the rotation, and the rotation's length.
    pub position: usize,
    pub total: usize,
    /// The target in front, with its citation.
    pub target: Indicator,
}

/// Which targets the reminders are: the newest report and the year its targets are for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanYear {
    pub report_title: String,
    pub year: i32,
}

impl PlanYear {
    /// The plan year of the newest loaded report (the one reminders rotate through).
    pub fn of(library: &Library) -> PlanYear {
        let meta = &library.latest().meta;
        PlanYear {
            report_title: meta.title.clone(),
            year: meta.year,
        }
    }

    /// Whether the plan year is over on `day` (no newer report is loaded yet): its targets are then that
    /// year's, not this year's, and replies must say so.
    pub fn is_over(&self, day: NaiveDate) -> bool {
        day.year() > self.year
    }
}

impl Reminder {
    /// Whether the reminder's day is past its plan year (see [`PlanYear::is_over`]).
    pub fn plan_year_is_over(&self) -> bool {
        self.date.year() > self.year
    }
}

impl TargetRotation {
    /// The rotation of the newest loaded report (the one whose year is "this year").
    pub fn from_library(library: &Library) -> Result<Self, ContentError> {
        let report = library.latest();
        let is_plan_target = |indicator: &&Indicator| {
            matches!(
                indicator.kind,
                FigureKind::MainTarget | FigureKind::TaskTarget
            )
        };
        let main = report
            .indicators
            .iter()
            .filter(|indicator| indicator.kind == FigureKind::MainTarget);
        let numeric_tasks = report.indicators.iter().filter(|indicator| {
            indicator.kind == FigureKind::TaskTarget
                && indicator.group.is_none()
                && indicator.number.is_some()
        });
        let mut list_items: Vec<&Indicator> = report
            .indicators
            .iter()
            .filter(is_plan_target)
            .filter(|indicator| indicator.group.is_some())
            .collect();
        let mut lists: Vec<&str> = Vec::new();
        for group in list_items.iter().filter_map(|item| item.group.as_deref()) {
            if !lists.contains(&group) {
                lists.push(group);
            }
        }
        list_items.sort_by_key(|item| {
            let list = item
                .group
                .as_deref()
                .and_then(|group| lists.iter().position(|l| *l == group));
            (list, item.item)
        });
        let targets: Vec<Indicator> = main
            .filter(|indicator| indicator.group.is_none())
            .chain(numeric_tasks)
            .chain(list_items)
            .cloned()
            .collect();
        if targets.is_empty() {
            return Err(ContentError::NoTargets(report.meta.id.clone()));
        }
        Ok(TargetRotation {
            report_title: report.meta.title.clone(),
            year: report.meta.year,
            targets,
        })
    }

    /// The reminder for a subscriber who has received `delivered` reminders so far.
    pub fn reminder(&self, delivered: u32, date: NaiveDate) -> Reminder {
        let index = usize::try_from(delivered).unwrap_or(usize::MAX) % self.targets.len();
        Reminder {
            date,
            report_title: self.report_title.clone(),
            year: self.year,
            position: index + 1,
            total: self.targets.len(),
            target: self.targets[index].clone(),
        }
    }

    /// The targets in rotation order.
    pub fn targets(&self) -> &[Indicator] {
        &self.targets
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::{Period, Report, ReportMeta};

    fn record(id: &str, metric: &str, kind: FigureKind, number: Option<f64>) -> Indicator {
        Indicator {
            id: id.to_owned(),
            metric: metric.to_owned(),
            value_text: format!("{metric}值"),
            number,
            unit: None,
            qualifier: None,
            change: None,
            kind,
            period: Period::Year { year: 2031 },
            group: None,
            item: None,
            sentence_id: id.to_owned(),
            citation: format!("《样例》 › {metric}"),
        }
    }

    fn list_item(id: &str, group: &str, item: u32) -> Indicator {
        Indicator {
            group: Some(group.to_owned()),
            item: Some(item),
            ..record(id, &format!("{group}{item}"), FigureKind::TaskTarget, None)
        }
    }

    fn library(indicators: Vec<Indicator>) -> Library {
        let meta = ReportMeta {
            id: "sample-2031".to_owned(),
            title: "样例县2031年政府工作报告".to_owned(),
            issuer: "样例县人民政府".to_owned(),
            speaker: "县长".to_owned(),
            meeting: "样例会议".to_owned(),
            meeting_date: NaiveDate::from_ymd_opt(2031, 3, 1).unwrap(),
            published: NaiveDate::from_ymd_opt(2031, 3, 2).unwrap(),
            year: 2031,
            source: "样例".to_owned(),
        };
        Library::new(
            vec![Report {
                meta,
                parts: Vec::new(),
                glossary: Vec::new(),
                glossary_heading: None,
                indicators,
                lists: Vec::new(),
            }],
            Vec::new(),
            String::new(),
        )
        .expect("a library with a report")
    }

    #[test]
    fn orders_main_targets_then_numeric_tasks_then_list_items() {
        let rotation = TargetRotation::from_library(&library(vec![
            record("a", "旧成绩", FigureKind::Result, Some(1.0)),
            list_item("b", "甲工程", 2),
            record("c", "任务一", FigureKind::TaskTarget, Some(3.0)),
            record("d", "目标一", FigureKind::MainTarget, Some(8.0)),
            record("e", "无数任务", FigureKind::TaskTarget, None),
            list_item("f", "乙工程", 1),
            list_item("g", "甲工程", 1),
            record("h", "目标二", FigureKind::MainTarget, None),
            record("i", "五年合计", FigureKind::FiveYearTotal, Some(5.0)),
        ]))
        .unwrap();
        let ids: Vec<&str> = rotation.targets().iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["d", "h", "c", "g", "b", "f"]);
    }

    #[test]
    fn every_target_comes_round_once_per_cycle() {
        let rotation = TargetRotation::from_library(&library(vec![
            record("x", "目标一", FigureKind::MainTarget, Some(1.0)),
            record("y", "目标二", FigureKind::MainTarget, Some(2.0)),
            record("z", "任务", FigureKind::TaskTarget, Some(3.0)),
        ]))
        .unwrap();
        let day = NaiveDate::from_ymd_opt(2031, 5, 1).unwrap();
        let seen: Vec<(usize, String)> = (0..6)
            .map(|delivered| {
                let reminder = rotation.reminder(delivered, day);
                assert_eq!(reminder.total, 3);
                assert_eq!(reminder.year, 2031);
                assert_eq!(
                    reminder.target.citation,
                    format!("《样例》 › {}", reminder.target.metric)
                );
                (reminder.position, reminder.target.id)
            })
            .collect();
        let expected: Vec<(usize, String)> = [(1, "x"), (2, "y"), (3, "z")]
            .repeat(2)
            .into_iter()
            .map(|(position, id)| (position, id.to_owned()))
            .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_report_without_targets_is_refused() {
        let only_results = library(vec![record("a", "旧成绩", FigureKind::Result, Some(1.0))]);
        assert_eq!(
            TargetRotation::from_library(&only_results).unwrap_err(),
            ContentError::NoTargets("sample-2031".to_owned())
        );
    }
}
