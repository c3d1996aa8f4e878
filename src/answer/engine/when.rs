//! A time asked that the report does not give: 商南高速哪年通车 finds the sentence that names the road
//! (商南、许信两条高速将陆续建成通车), but it says no year. Passing that sentence off as the answer to
//! "when" is a wrong answer; the reply says the report gives no time and shows the sentence as the nearest
//! fact. A sentence of the plan part is dated by its part (the plan year), and one that writes a year or
//! another time word answers itself, so only undated passages are held back.

use std::sync::LazyLock;

use crate::knowledge::{numerals, Period};

use super::super::catalog::{sentence_text, Unit};
use super::super::types::{Missing, MissingKind, NearMiss, Outcome};
use super::cues::Phrases;
use super::{Engine, Ranking, Scored};

/// Ways of asking for a time (the question's normalised text, English folded to lower case).
static TIME_ASKED: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new([
        "什么时候",
        "啥时候",
        "啥时间",
        "什么时间",
        "何时",
        "多会儿",
        "哪年",
        "哪一年",
        "哪个月",
        "几月",
        "哪天",
        "几号",
        "when ",
        "when?",
        "what year",
        "which year",
    ])
});

/// Ways of asking for a day or a month: a passage dated by its year alone (the plan's part, 2022年) does not
/// give one.
static DAY_ASKED: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new([
        "哪天",
        "哪一天",
        "几号",
        "几月",
        "哪个月",
        "哪月",
        "日期",
        "which day",
        "what day",
        "what date",
        "which month",
    ])
});

/// Whether a passage dates something to a month or a day (4月20日, 十月): a numeral before 月, 日 or 号.
fn dates_a_day(text: &str) -> bool {
    let mut previous = None;
    text.chars().any(|c| {
        let dated =
            matches!(c, '月' | '日' | '号') && previous.is_some_and(numerals::is_numeral_char);
        previous = Some(c);
        dated
    })
}

/// Words that date a passage without writing a year in digits (年底, 今年, 十四五期间).
static TIME_SAID: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new([
        "今年",
        "明年",
        "去年",
        "年底",
        "年内",
        "年末",
        "年初",
        "当年",
        "月",
        "十四五",
        "期间",
        "以来",
    ])
});

impl Engine {
    /// The near-miss for a question asking when, whose best hit is a passage that dates nothing: not
    /// in the plan year's part, writing no year and no other time word.
    pub(super) fn time_unsaid(
        &self,
        raw: &str,
        ranking: &Ranking,
        best: &Scored,
    ) -> Option<Outcome> {
        // English is matched on the question as typed, lower-cased, only when it has letters to match.
        let english = || raw.bytes().any(|b| b.is_ascii_alphabetic());
        let asked = TIME_ASKED.in_text(&ranking.question.normalized)
            || (english() && TIME_ASKED.in_text(&format!("{} ", raw.to_lowercase())));
        if !asked {
            return None;
        }
        let day_asked = DAY_ASKED.in_text(&ranking.question.normalized)
            || (english() && DAY_ASKED.in_text(&raw.to_lowercase()));
        let undated = match self.catalog.unit(best.doc) {
            Unit::Sentence(at) if day_asked => !dates_a_day(sentence_text(&self.library, at)),
            Unit::Sentence(at) => {
                let dated_by_part = matches!(
                    self.catalog.part_period(best.doc),
                    Some(Period::Year { .. })
                );
                !dated_by_part
                    && self.catalog.written_years(best.doc).is_empty()
                    && !TIME_SAID.in_text(sentence_text(&self.library, at))
            }
            Unit::Glossary { report, index } => {
                let entry = &self.library.reports[report].glossary[index];
                !TIME_SAID.in_text(&entry.explanation)
                    && crate::answer::catalog::written_years(&entry.explanation).is_empty()
            }
            Unit::Indicator { .. } | Unit::List { .. } => false,
        };
        // A passage of the review happened within the years it looks back on; a plan's is not dated.
        let plan_year = self.library.latest().meta.year;
        let within = self
            .catalog
            .part_period(best.doc)
            .filter(|period| period.last_year() < plan_year);
        undated.then(|| {
            Outcome::NearMiss(NearMiss {
                missing: Missing {
                    metric: String::new(),
                    year: None,
                    what: MissingKind::Time { within },
                },
                nearest: vec![self.hit(best, &ranking.question_terms)],
            })
        })
    }
}
