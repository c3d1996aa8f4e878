//! When a question is about, relative to the report: the years it names or implies and the periods its
//! time words point to.

use super::markers::Marker;

/// 当年: this year alone, that year after a year named (去年当年).
const SAME_YEAR: &str = "当年";

/// When a question is about, relative to the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimeFrame {
    /// Calendar years the question names or implies (2022年, 今年, 去年).
    pub years: Vec<i32>,
    /// 过去五年, 五年来, 十三五: the five-year review.
    pub past_five_years: bool,
    /// 年均, 平均每年: a yearly average over the five years.
    pub yearly_average: bool,
    /// 今后五年, 十四五: plans beyond the report's year (no figures).
    pub future_plan: bool,
    /// 现在, 目前: the present, which the latest results describe and a plan for the year does not.
    pub now: bool,
}

impl TimeFrame {
    /// Notes what a time word (`phrase`, found as `marker`) says; other markers say nothing of time.
    pub(super) fn note(&mut self, marker: Marker, phrase: &str, report_year: i32) {
        match marker {
            // 当年 after a year named (去年当年, 2021年当年) is that year, not this one.
            Marker::RelativeYear(offset) if phrase != SAME_YEAR || self.years.is_empty() => {
                self.years.push(report_year + offset);
            }
            Marker::PastFiveYears => self.past_five_years = true,
            Marker::FuturePlan => self.future_plan = true,
            Marker::Now => self.now = true,
            Marker::YearlyAverage => {
                self.yearly_average = true;
                self.past_five_years = true;
            }
            _ => {}
        }
    }
}
