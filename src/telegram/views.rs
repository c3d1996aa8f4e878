//! Views: the domain's answers, figures, glossary and reminders laid out as [`Block`]s. What a reply
//! says and in which order lives here; how it becomes HTML that fits a message lives in `html`, the
//! buttons under it in `keyboards`, and the words themselves in `texts`.

use super::html::{highlighted, Block, Span};
use super::texts;
use crate::answer::find::Place;
use crate::answer::{Answer, Engine, Hit, Outcome, RefusalReason};
use crate::knowledge::{FigureKind, GlossaryEntry, Indicator, Period, ReportMeta};
use crate::reminders::content::Reminder;
use std::ops::Range;

/// Glossary terms per page of the /glossary list: ten term buttons (five rows) fit a phone screen
/// without scrolling; fewer would mean more pages to step through.
pub const GLOSSARY_PAGE_SIZE: usize = 10;

/// /start: the welcome naming the latest report.
pub fn welcome_blocks(engine: &Engine) -> Vec<Block> {
    vec![Block::text(vec![Span::plain(texts::welcome(
        latest_title(engine),
    ))])]
}

/// /start in a group: the welcome says how to ask there (the bot reads only what is addressed to it).
pub fn group_welcome_blocks(engine: &Engine, bot_username: &str) -> Vec<Block> {
    vec![Block::text(vec![Span::plain(texts::group_welcome(
        latest_title(engine),
        bot_username,
    ))])]
}

/// Three questions the report is sure to answer (a target, a result, a glossary term), built from its
/// own data so that /start's examples never lead to "not found".
pub fn example_questions(engine: &Engine) -> Vec<String> {
    let mut examples = Vec::new();
    if let Some(target) = engine.targets().first() {
        examples.push(texts::example_target_question(
            target.period.last_year(),
            &target.metric,
        ));
    }
    if let Some(result) = engine
        .results()
        .into_iter()
        .find(|indicator| indicator.kind == FigureKind::Result)
    {
        examples.push(texts::example_result_question(&result.metric));
    }
    if let Some(entry) = engine.glossary().first() {
        examples.push(texts::example_glossary_question(&entry.term));
    }
    examples
}

/// The blocks of a reply to a question: the direct answer in bold, then each hit as a quoted excerpt
/// with its matched words in bold and its citation under it; or, when the report has no answer, the
/// honest "not found" and what to try instead.
pub fn answer_blocks(answer: &Answer) -> Vec<Block> {
    match &answer.outcome {
        Outcome::Refused(refusal) => {
            let why = match refusal.reason {
                RefusalReason::EmptyQuestion => texts::EMPTY_QUESTION.to_owned(),
                RefusalReason::YearNotCovered { year } => texts::year_not_covered(year),
                RefusalReason::NotInReport => texts::NOT_ANSWERED.to_owned(),
            };
            let mut blocks = vec![Block::text(vec![Span::plain(why)])];
            if !refusal.suggestions.is_empty() {
                let mut lines = vec![Span::plain(texts::SUGGESTIONS)];
                for suggestion in &refusal.suggestions {
                    lines.push(Span::plain(texts::suggestion_line(suggestion)));
                }
                blocks.push(Block::text(lines));
            }
            blocks
        }
        Outcome::SmallTalk(kind) => vec![Block::text(vec![Span::plain(texts::small_talk(*kind))])],
        Outcome::NearMiss(near_miss) => {
            near_miss_blocks(texts::near_miss(&near_miss.missing), &near_miss.nearest)
        }
        Outcome::Answered(answered) => {
            let mut blocks = Vec::new();
            if let Some(direct) = &answered.direct {
                blocks.push(Block::text(vec![Span::bold(direct)]));
            }
            blocks.extend(hit_blocks(&answered.hits, 1, answered.hits.len() > 1));
            blocks
        }
    }
}

/// A near-miss: what the report does not give, then each nearest fact by its label (which names its own
/// period and kind) over its quoted source.
pub fn near_miss_blocks(missing: String, nearest: &[Hit]) -> Vec<Block> {
    let mut blocks = vec![Block::text(vec![Span::plain(missing)])];
    for (number, hit) in nearest.iter().enumerate() {
        blocks.push(Block::text(vec![Span::bold(texts::near_fact(
            number + 1,
            &hit.text,
        ))]));
        blocks.extend(hit_blocks(std::slice::from_ref(hit), number + 1, false));
    }
    blocks
}

/// The blocks of a 更多结果 reply; hits are numbered on from `first_number` to match their buttons.
pub fn more_blocks(hits: &[Hit], first_number: usize) -> Vec<Block> {
    if hits.is_empty() {
        return vec![Block::text(vec![Span::plain(texts::NO_MORE_RESULTS)])];
    }
    let mut blocks = vec![Block::text(vec![Span::bold(texts::MORE_RESULTS_FOR)])];
    blocks.extend(hit_blocks(hits, first_number, true));
    blocks
}

fn hit_blocks(hits: &[Hit], first_number: usize, numbered: bool) -> Vec<Block> {
    hits.iter()
        .enumerate()
        .map(|(i, hit)| {
            let excerpt = if hit.excerpt.trim().is_empty() {
                vec![Span::plain(&hit.text)]
            } else {
                highlighted(&hit.excerpt, &hit.highlights)
            };
            let mut footer = Vec::new();
            if numbered {
                footer.push(Span::plain(texts::hit_marker(first_number + i)));
            }
            footer.push(Span::italic(&hit.citation));
            Block::quote(excerpt, footer)
        })
        .collect()
}

/// A whole paragraph (查看原文) with its citation; `focus` (byte ranges) is the part that was cited.
pub fn source_blocks(text: &str, focus: &[Range<usize>], citation: &str) -> Vec<Block> {
    vec![
        Block::text(vec![Span::bold(texts::SOURCE_HEADER)]),
        Block::quote(highlighted(text, focus), vec![Span::italic(citation)]),
    ]
}

/// One glossary entry: the term in bold, the explanation quoted, and the report it comes from (the
/// engine knows which report an entry belongs to).
pub fn glossary_entry_blocks(engine: &Engine, entry: &GlossaryEntry) -> Vec<Block> {
    vec![
        Block::text(vec![Span::bold(&entry.term)]),
        Block::quote(
            vec![Span::plain(&entry.explanation)],
            vec![Span::italic(texts::glossary_citation(
                report_title(engine, &entry.id),
                entry.number,
            ))],
        ),
    ]
}

/// A numbered list of indicators under a heading; consecutive lines from the same place share one
/// citation under them.
pub fn indicator_blocks(heading: &str, indicators: &[&Indicator]) -> Vec<Block> {
    let mut blocks = vec![Block::text(vec![Span::bold(heading)])];
    let mut group: Vec<Span> = Vec::new();
    let mut citation: Option<&str> = None;
    for (i, indicator) in indicators.iter().enumerate() {
        if citation.is_some_and(|c| c != indicator.citation) {
            blocks.push(indicator_group(std::mem::take(&mut group), citation));
        }
        citation = Some(&indicator.citation);
        if !group.is_empty() {
            group.push(Span::plain("\n"));
        }
        group.push(Span::plain(texts::indicator_line(
            i + 1,
            &indicator.metric,
            &indicator.value_text,
        )));
    }
    if !group.is_empty() {
        blocks.push(indicator_group(group, citation));
    }
    blocks
}

fn indicator_group(lines: Vec<Span>, citation: Option<&str>) -> Block {
    Block {
        quoted: false,
        body: lines,
        footer: citation.map(Span::italic).into_iter().collect(),
    }
}

/// /about: each report's facts, then what the bot can do.
pub fn about_blocks(reports: &[&ReportMeta], bot_username: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = reports
        .iter()
        .map(|meta| Block::text(vec![Span::plain(texts::about_report(meta))]))
        .collect();
    blocks.push(Block::text(vec![Span::plain(texts::about_bot(
        bot_username,
    ))]));
    blocks
}

/// /targets, and the button under a daily reminder: the plan year's main targets with citations.
pub fn targets_blocks(engine: &Engine) -> Vec<Block> {
    let targets = engine.targets();
    match targets.first() {
        Some(first) => {
            let heading = texts::targets_header(first.period.last_year());
            indicator_blocks(&heading, &targets)
        }
        None => vec![Block::text(vec![Span::plain(texts::NO_TARGETS)])],
    }
}

/// /results: one titled list per kind of figure and period (last year's values, yearly averages,
/// changes since the base year, five-year totals), each in the report's order.
pub fn results_blocks(results: &[&Indicator]) -> Vec<Block> {
    const ORDER: [FigureKind; 4] = [
        FigureKind::Result,
        FigureKind::YearlyAverage,
        FigureKind::ChangeSinceBase,
        FigureKind::FiveYearTotal,
    ];
    let rank = |kind: FigureKind| ORDER.iter().position(|k| *k == kind).unwrap_or(ORDER.len());
    let mut groups: Vec<((FigureKind, Period), Vec<&Indicator>)> = Vec::new();
    for indicator in results {
        let key = (indicator.kind, indicator.period);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(indicator),
            None => groups.push((key, vec![indicator])),
        }
    }
    groups.sort_by_key(|((kind, _), _)| rank(*kind));
    groups
        .iter()
        .flat_map(|((kind, period), members)| {
            indicator_blocks(&texts::results_header(*kind, *period), members)
        })
        .collect()
}

/// One page of the /glossary term list. Its heading and its buttons both need the clamped page and
/// the page count, so they are worked out once, here.
#[derive(Debug, Clone, Copy)]
pub struct GlossaryPage<'a> {
    /// The entries shown on this page.
    pub entries: &'a [GlossaryEntry],
    /// Counts from 0.
    pub index: usize,
    pub pages: usize,
    /// Entries in the whole glossary.
    pub total: usize,
}

impl<'a> GlossaryPage<'a> {
    /// `page` counts from 0 and is clamped to the last page (a button may outlive a shorter list).
    pub fn new(glossary: &'a [GlossaryEntry], page: usize) -> GlossaryPage<'a> {
        let (entries, index, pages) = page_of(glossary, page, GLOSSARY_PAGE_SIZE);
        GlossaryPage {
            entries,
            index,
            pages,
            total: glossary.len(),
        }
    }

    /// The page's heading; the terms themselves are buttons (see `keyboards`).
    pub fn blocks(&self) -> Vec<Block> {
        vec![Block::text(vec![Span::plain(texts::glossary_page_header(
            self.index + 1,
            self.pages,
            self.total,
        ))])]
    }
}

/// Places listed per /find page: five excerpts with their citations fill a phone screen; more would
/// bury the paging buttons, fewer would mean paging for every common word.
pub const FIND_PAGE_SIZE: usize = 5;

/// One page of /find: every place the report says a word, counted, numbered and cited.
#[derive(Debug, Clone, Copy)]
pub struct FindPage<'a> {
    pub places: &'a [Place],
    /// Counts from 0.
    pub index: usize,
    pub pages: usize,
    /// Places in all.
    pub total: usize,
}

impl<'a> FindPage<'a> {
    /// `page` counts from 0 and is clamped to the last page.
    pub fn new(places: &'a [Place], page: usize) -> FindPage<'a> {
        let (shown, index, pages) = page_of(places, page, FIND_PAGE_SIZE);
        FindPage {
            places: shown,
            index,
            pages,
            total: places.len(),
        }
    }

    /// The number of the page's first place (they are numbered across pages, like their buttons).
    pub fn first_number(&self) -> usize {
        self.index * FIND_PAGE_SIZE + 1
    }

    /// `heading` (from `texts::find_header`, in the chat's language) and the page's places, the word in
    /// bold, each with its number and citation.
    pub fn blocks(&self, heading: String) -> Vec<Block> {
        let mut blocks = vec![Block::text(vec![Span::plain(heading)])];
        blocks.extend(self.places.iter().enumerate().map(|(i, place)| {
            Block::quote(
                highlighted(&place.text, &place.matches),
                vec![
                    Span::plain(texts::hit_marker(self.first_number() + i)),
                    Span::italic(&place.citation),
                ],
            )
        }));
        blocks
    }
}

/// Page `page` (from 0, clamped to the last) of `items` in pages of `size`: the page's items, its index
/// and the number of pages (at least one).
fn page_of<T>(items: &[T], page: usize, size: usize) -> (&[T], usize, usize) {
    let pages = items.len().div_ceil(size).max(1);
    let index = page.min(pages - 1);
    let start = (index * size).min(items.len());
    let end = (start + size).min(items.len());
    (&items[start..end], index, pages)
}

/// The reminder as message blocks: heading, the target quoted with its citation (which names the report),
/// and, once the plan year is over, a note that these are that year's targets.
pub fn reminder_blocks(reminder: &Reminder) -> Vec<Block> {
    let target = &reminder.target;
    let mut body = Vec::new();
    if let Some(group) = &target.group {
        body.push(Span::plain(texts::list_item_label(group, target.item)));
        body.push(Span::plain("\n"));
    }
    body.push(Span::bold(texts::target_line(
        &target.metric,
        &target.value_text,
    )));
    let over = reminder.plan_year_is_over();
    let mut blocks = vec![
        Block::text(vec![Span::bold(texts::reminder_heading(
            reminder.year,
            (reminder.position, reminder.total),
            reminder.date,
            over,
        ))]),
        Block::quote(body, vec![Span::italic(&target.citation)]),
    ];
    if over {
        blocks.push(Block::text(vec![Span::plain(texts::plan_year_over(
            reminder.year,
        ))]));
    }
    blocks
}

/// The title of the report a unit id (`<report id>/…`) belongs to.
fn report_title<'a>(engine: &'a Engine, unit_id: &str) -> &'a str {
    engine
        .library()
        .report_of(unit_id)
        .map(|report| report.meta.title.as_str())
        .unwrap_or_else(|| latest_title(engine))
}

fn latest_title(engine: &Engine) -> &str {
    engine
        .library()
        .reports
        .last()
        .map(|report| report.meta.title.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answered, Refusal};
    use crate::telegram::html::{escape, paginate, MAX_MESSAGE_LEN};
    use crate::telegram::samples::{entry, hit};

    fn answered(direct: Option<&str>, hits: Vec<Hit>) -> Answer {
        Answer {
            question: "问题".into(),
            outcome: Outcome::Answered(Answered {
                direct: direct.map(str::to_owned),
                hits,
                glossary_refs: Vec::new(),
                more: false,
            }),
        }
    }

    fn refused(reason: RefusalReason) -> Answer {
        Answer {
            question: "明天".into(),
            outcome: Outcome::Refused(Refusal {
                reason,
                suggestions: vec!["/targets".into(), "<词>".into()],
            }),
        }
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn an_answer_shows_the_direct_answer_in_bold_and_quoted_cited_excerpts() {
        let answer = answered(
            Some("目标：<增长> & 更多"),
            vec![
                hit("r/1.1.1.1", "甲乙丙丁。", vec![3..6], "《报告》一 › （一）"),
                hit("r/1.1.1.2", "戊己。", vec![], "《报告》二"),
            ],
        );
        let messages = paginate(&answer_blocks(&answer), MAX_MESSAGE_LEN);
        assert_eq!(
            messages,
            vec![
                "<b>目标：&lt;增长&gt; &amp; 更多</b>\n\n\
                 <blockquote>甲<b>乙</b>丙丁。</blockquote>\n〔1〕<i>《报告》一 › （一）</i>\n\n\
                 <blockquote>戊己。</blockquote>\n〔2〕<i>《报告》二</i>"
            ]
        );
    }

    #[test]
    fn a_single_hit_is_not_numbered() {
        let answer = answered(None, vec![hit("r/1", "甲。", vec![], "《报告》")]);
        let messages = paginate(&answer_blocks(&answer), MAX_MESSAGE_LEN);
        assert_eq!(
            messages,
            vec!["<blockquote>甲。</blockquote>\n<i>《报告》</i>"]
        );
    }

    #[test]
    fn an_unanswered_question_gets_the_honest_reply_and_suggestions() {
        let answer = refused(RefusalReason::NotInReport);
        let messages = paginate(&answer_blocks(&answer), MAX_MESSAGE_LEN);
        assert_eq!(messages.len(), 1);
        assert!(messages[0].starts_with(&escape(texts::NOT_ANSWERED)));
        assert!(messages[0].contains("• /targets"));
        assert!(messages[0].contains("• &lt;词&gt;"));
        let other_year = refused(RefusalReason::YearNotCovered { year: 2031 });
        let messages = paginate(&answer_blocks(&other_year), MAX_MESSAGE_LEN);
        assert!(messages[0].starts_with(&escape(&texts::year_not_covered(2031))));
        let empty = refused(RefusalReason::EmptyQuestion);
        let messages = paginate(&answer_blocks(&empty), MAX_MESSAGE_LEN);
        assert!(messages[0].starts_with(&escape(texts::EMPTY_QUESTION)));
    }

    #[test]
    fn more_results_continue_the_numbering() {
        let hits = vec![hit("r/9", "丁。", vec![], "c")];
        let html = paginate(&more_blocks(&hits, 4), MAX_MESSAGE_LEN).join("");
        assert!(html.contains(&texts::hit_marker(4)), "{html}");
        let none = paginate(&more_blocks(&[], 4), MAX_MESSAGE_LEN);
        assert_eq!(none, vec![escape(texts::NO_MORE_RESULTS)]);
    }

    #[test]
    fn glossary_pages_are_counted_and_clamped() {
        let glossary: Vec<GlossaryEntry> = (1..=25).map(|n| entry(n, &format!("词{n}"))).collect();
        let first = GlossaryPage::new(&glossary, 0);
        assert_eq!((first.index, first.pages, first.entries.len()), (0, 3, 10));
        let last = GlossaryPage::new(&glossary, 99);
        assert_eq!((last.index, last.entries[0].number), (2, 21));
        assert_eq!(last.entries.len(), 5);
        let heading = paginate(&last.blocks(), MAX_MESSAGE_LEN).join("");
        assert_eq!(heading, escape(&texts::glossary_page_header(3, 3, 25)));
        let empty = GlossaryPage::new(&[], 4);
        assert_eq!((empty.index, empty.pages, empty.entries.len()), (0, 1, 0));
    }

    #[test]
    fn indicators_are_listed_with_one_citation_per_place() {
        let indicator = |metric: &str, citation: &str| Indicator {
            id: format!("r/1.1.1.1#{metric}"),
            metric: metric.to_owned(),
            value_text: "增长1%".to_owned(),
            number: Some(1.0),
            unit: Some("%".to_owned()),
            qualifier: None,
            change: None,
            kind: FigureKind::MainTarget,
            period: Period::Year { year: 2000 },
            group: None,
            item: None,
            sentence_id: "r/1.1.1.1".to_owned(),
            citation: citation.to_owned(),
        };
        let (a, b, c) = (
            indicator("甲", "出处一"),
            indicator("乙", "出处一"),
            indicator("丙", "出处二"),
        );
        let html = paginate(&indicator_blocks("标题", &[&a, &b, &c]), MAX_MESSAGE_LEN);
        assert_eq!(
            html,
            vec![format!(
                "<b>标题</b>\n\n{}\n{}\n<i>出处一</i>\n\n{}\n<i>出处二</i>",
                texts::indicator_line(1, "甲", "增长1%"),
                texts::indicator_line(2, "乙", "增长1%"),
                texts::indicator_line(3, "丙", "增长1%"),
            )]
        );
    }
}
