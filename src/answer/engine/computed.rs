//! Figures the report does not state but its figures give: the question's working is tried in an order
//! where the narrower reading goes first (a growth since a base year before a difference, a sum the question
//! lists before a pair compared), and the near-miss saying which figure is missing comes last.

use super::super::english::Language;
use super::super::types::Outcome;
use super::sums::Stage;
use super::{Engine, Ranking};

impl Engine {
    /// The worked answer to a question asking for a sum, difference, ratio, growth, per-unit or per-year
    /// figure, a projection or a level worked back, or the near-miss when a figure it needs is missing.
    /// `asked` is the question as typed, which lists the items of a sum.
    pub(super) fn computed_outcome(
        &self,
        ranking: &Ranking,
        asked: &str,
        language: Language,
    ) -> Option<Outcome> {
        let chinese = language.is_chinese();
        self.growth_since_base(ranking)
            .or_else(|| self.listed_sum(ranking, asked, language, Stage::BeforePairs))
            .or_else(|| self.comparison(ranking, language))
            .or_else(|| self.listed_sum(ranking, asked, language, Stage::AfterPairs))
            .or_else(|| self.per_unit(ranking, chinese))
            .or_else(|| self.per_year(ranking, chinese))
            .or_else(|| self.base_level(ranking))
            .or_else(|| self.projection(ranking))
            .or_else(|| self.uncomputed(ranking))
    }
}
