//! Replies as Telegram HTML. Content is first laid out as [`Block`]s of plain-text spans, then escaped
//! and packed into messages of at most [`MAX_MESSAGE_LEN`] characters. Cutting happens on the plain
//! text (paragraph, then sentence, then clause, then character boundaries) and every piece is rendered
//! with its own balanced tags, so a cut can never fall inside a tag or an escape.

use super::callback::CallbackAction;
use super::texts;
use crate::answer::{Answer, Hit, Unanswered};
use crate::knowledge::{GlossaryEntry, Indicator, ReportMeta};
use std::ops::Range;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

/// Telegram's limit for one message's text.
pub const MAX_MESSAGE_LEN: usize = 4096;

/// How a run of text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Bold,
    Italic,
}

/// A run of text in one style. The text is raw; it is escaped when rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub style: Style,
    pub text: String,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            style: Style::Plain,
            text: text.into(),
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            style: Style::Bold,
            text: text.into(),
        }
    }

    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            style: Style::Italic,
            text: text.into(),
        }
    }
}

/// A unit of layout: a paragraph, or a quoted excerpt with its citation under it. Blocks are kept whole
/// in one message when they fit, and split on sentence boundaries when they do not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Block {
    /// Shown inside `<blockquote>`.
    pub quoted: bool,
    pub body: Vec<Span>,
    /// A line right under the body (a citation), kept with the body's last piece.
    pub footer: Vec<Span>,
}

impl Block {
    pub fn text(spans: Vec<Span>) -> Block {
        Block {
            quoted: false,
            body: spans,
            footer: Vec::new(),
        }
    }

    pub fn quote(spans: Vec<Span>, footer: Vec<Span>) -> Block {
        Block {
            quoted: true,
            body: spans,
            footer,
        }
    }

    fn html(&self) -> String {
        let mut out = String::new();
        let body = spans_html(&self.body);
        if !body.is_empty() {
            if self.quoted {
                out.push_str("<blockquote>");
                out.push_str(&body);
                out.push_str("</blockquote>");
            } else {
                out.push_str(&body);
            }
        }
        let footer = spans_html(&self.footer);
        if !footer.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&footer);
        }
        out
    }
}

/// Escapes text for Telegram's HTML parse mode.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Length as Telegram may count it: UTF-16 code units of the HTML source. This bounds the parsed
/// text's length both in characters and in UTF-16 units, whatever Telegram counts.
pub fn message_len(html: &str) -> usize {
    html.encode_utf16().count()
}

/// Renders blocks into messages of at most `limit` (see [`message_len`]); blocks are separated by a
/// blank line. Always returns at least one message when some block has content.
pub fn paginate(blocks: &[Block], limit: usize) -> Vec<String> {
    let mut messages = Vec::new();
    let mut current = String::new();
    for block in blocks {
        for piece in split_block(block, limit) {
            let html = piece.html();
            if html.trim().is_empty() {
                continue;
            }
            if current.is_empty() {
                current = html;
            } else if message_len(&current) + 2 + message_len(&html) <= limit {
                current.push_str("\n\n");
                current.push_str(&html);
            } else {
                messages.push(std::mem::replace(&mut current, html));
            }
        }
    }
    if !current.is_empty() {
        messages.push(current);
    }
    messages
}

/// Marks `highlights` (byte ranges, possibly unsorted, overlapping or out of bounds) in bold.
pub fn highlighted(text: &str, highlights: &[Range<usize>]) -> Vec<Span> {
    let mut ranges: Vec<Range<usize>> = highlights
        .iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .cloned()
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));

    let mut spans = Vec::new();
    let mut at = 0;
    for range in ranges {
        let start = range.start.max(at);
        if start >= range.end {
            continue;
        }
        if start > at {
            spans.push(Span::plain(&text[at..start]));
        }
        spans.push(Span::bold(&text[start..range.end]));
        at = range.end;
    }
    if at < text.len() {
        spans.push(Span::plain(&text[at..]));
    }
    merge_spans(spans)
}

/// The blocks of a reply to a question: the direct answer in bold, then each hit as a quoted excerpt
/// with its matched words in bold and its citation under it; or, when the report has no answer, the
/// honest "not found" and what to try instead.
pub fn answer_blocks(answer: &Answer) -> Vec<Block> {
    if !answer.answered {
        let why = match answer.unanswered {
            Some(Unanswered::EmptyQuestion) => texts::EMPTY_QUESTION.to_owned(),
            Some(Unanswered::YearNotCovered { year }) => texts::year_not_covered(year),
            Some(Unanswered::NotInReport) | None => texts::NOT_ANSWERED.to_owned(),
        };
        let mut blocks = vec![Block::text(vec![Span::plain(why)])];
        if !answer.suggestions.is_empty() {
            let mut lines = vec![Span::plain(texts::SUGGESTIONS)];
            for suggestion in &answer.suggestions {
                lines.push(Span::plain(format!("\n• {suggestion}")));
            }
            blocks.push(Block::text(lines));
        }
        return blocks;
    }
    let mut blocks = Vec::new();
    if let Some(direct) = &answer.answer {
        blocks.push(Block::text(vec![Span::bold(direct)]));
    }
    blocks.extend(hit_blocks(&answer.hits, 1, answer.hits.len() > 1));
    blocks
}

/// Hits without repeats: figures from one sentence share an excerpt, which a reader needs once.
pub fn distinct_hits(hits: Vec<Hit>) -> Vec<Hit> {
    let mut seen = std::collections::HashSet::new();
    hits.into_iter()
        .filter(|hit| seen.insert(hit.excerpt.clone()))
        .collect()
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

/// One glossary entry: the term in bold, the explanation quoted, where it comes from.
pub fn glossary_entry_blocks(entry: &GlossaryEntry, report_title: &str) -> Vec<Block> {
    vec![
        Block::text(vec![Span::bold(&entry.term)]),
        Block::quote(
            vec![Span::plain(&entry.explanation)],
            vec![Span::italic(texts::glossary_citation(
                report_title,
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

/// A button, or nothing when its payload would not fit Telegram's 64 bytes.
pub fn button(label: impl Into<String>, action: &CallbackAction) -> Option<InlineKeyboardButton> {
    action
        .encode()
        .map(|data| InlineKeyboardButton::callback(label, data))
}

/// Buttons under an answer: 查看原文 for each hit, 更多结果 when there are more, and the glossary
/// entries the answer touches.
pub fn answer_keyboard(
    hits: &[Hit],
    first_number: usize,
    more: Option<CallbackAction>,
    glossary: &[&GlossaryEntry],
) -> Option<InlineKeyboardMarkup> {
    let numbered = hits.len() > 1 || first_number > 1;
    let sources: Vec<InlineKeyboardButton> = hits
        .iter()
        .enumerate()
        .filter_map(|(i, hit)| {
            let label = texts::view_source_button(numbered.then_some(first_number + i));
            button(label, &CallbackAction::Source { id: hit.id.clone() })
        })
        .collect();
    let mut rows = vec![sources];
    rows.push(
        more.and_then(|action| button(texts::MORE_BUTTON, &action))
            .into_iter()
            .collect(),
    );
    let terms: Vec<InlineKeyboardButton> = glossary
        .iter()
        .filter_map(|entry| {
            button(
                texts::glossary_button(&entry.term),
                &CallbackAction::Glossary {
                    id: entry.id.clone(),
                },
            )
        })
        .collect();
    rows.extend(terms.chunks(2).map(<[_]>::to_vec));
    keyboard(rows)
}

/// Glossary terms per page of the /glossary list.
pub const GLOSSARY_PAGE_SIZE: usize = 10;

/// One page of the glossary term list: its heading and the term buttons with page navigation.
/// `page` counts from 0 and is clamped to the last page.
pub fn glossary_page(
    glossary: &[GlossaryEntry],
    page: usize,
) -> (Vec<Block>, Option<InlineKeyboardMarkup>) {
    let pages = glossary.len().div_ceil(GLOSSARY_PAGE_SIZE).max(1);
    let page = page.min(pages - 1);
    let heading = texts::glossary_page_header(page + 1, pages, glossary.len());
    let entries = glossary
        .iter()
        .skip(page * GLOSSARY_PAGE_SIZE)
        .take(GLOSSARY_PAGE_SIZE);
    let terms: Vec<InlineKeyboardButton> = entries
        .filter_map(|entry| {
            button(
                format!("{}. {}", entry.number, entry.term),
                &CallbackAction::Glossary {
                    id: entry.id.clone(),
                },
            )
        })
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = terms.chunks(2).map(<[_]>::to_vec).collect();
    let mut navigation = Vec::new();
    if page > 0 {
        navigation.extend(button(
            texts::PREVIOUS_PAGE_BUTTON,
            &CallbackAction::GlossaryPage { page: page - 1 },
        ));
    }
    if page + 1 < pages {
        navigation.extend(button(
            texts::NEXT_PAGE_BUTTON,
            &CallbackAction::GlossaryPage { page: page + 1 },
        ));
    }
    rows.push(navigation);
    (
        vec![Block::text(vec![Span::plain(heading)])],
        keyboard(rows),
    )
}

/// The example questions of /start as buttons, one per row.
pub fn examples_keyboard(questions: &[String]) -> Option<InlineKeyboardMarkup> {
    keyboard(
        questions
            .iter()
            .enumerate()
            .map(|(index, question)| {
                button(question.as_str(), &CallbackAction::Example { index })
                    .into_iter()
                    .collect()
            })
            .collect(),
    )
}

fn keyboard(rows: Vec<Vec<InlineKeyboardButton>>) -> Option<InlineKeyboardMarkup> {
    let rows: Vec<_> = rows.into_iter().filter(|row| !row.is_empty()).collect();
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

fn spans_html(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in merge_spans(spans.to_vec()) {
        if span.text.is_empty() {
            continue;
        }
        let (open, close) = tags(span.style);
        out.push_str(open);
        out.push_str(&escape(&span.text));
        out.push_str(close);
    }
    out
}

fn tags(style: Style) -> (&'static str, &'static str) {
    match style {
        Style::Plain => ("", ""),
        Style::Bold => ("<b>", "</b>"),
        Style::Italic => ("<i>", "</i>"),
    }
}

fn merge_spans(spans: Vec<Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if span.text.is_empty() {
            continue;
        }
        match merged.last_mut() {
            Some(last) if last.style == span.style => last.text.push_str(&span.text),
            _ => merged.push(span),
        }
    }
    merged
}

fn span_cost(span: &Span) -> usize {
    let (open, close) = tags(span.style);
    message_len(&escape(&span.text)) + open.len() + close.len()
}

fn spans_cost(spans: &[Span]) -> usize {
    spans.iter().map(span_cost).sum()
}

/// Splits one block into blocks that each render within `limit`. The footer stays with the last piece
/// unless it is too long to share a message, in which case it becomes a block of its own.
fn split_block(block: &Block, limit: usize) -> Vec<Block> {
    if message_len(&block.html()) <= limit {
        return vec![block.clone()];
    }
    let frame = if block.quoted {
        "<blockquote></blockquote>".len()
    } else {
        0
    };
    let footer_cost = spans_cost(&block.footer) + 1;
    let keep_footer = frame + footer_cost <= limit / 2;
    let budget = limit.saturating_sub(frame).max(1);

    let pieces = atoms(&block.body, budget);
    let mut out: Vec<Block> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    let mut cost = 0;
    for piece in pieces {
        let piece_cost = span_cost(&piece);
        if !current.is_empty() && cost + piece_cost > budget {
            out.push(Block {
                quoted: block.quoted,
                body: std::mem::take(&mut current),
                footer: Vec::new(),
            });
            cost = 0;
        }
        cost += piece_cost;
        current.push(piece);
    }
    if !current.is_empty() {
        out.push(Block {
            quoted: block.quoted,
            body: current,
            footer: Vec::new(),
        });
    }

    if !block.footer.is_empty() {
        let fits_last = out
            .last()
            .is_some_and(|last| spans_cost(&last.body) + frame + footer_cost <= limit);
        match out.last_mut() {
            Some(last) if keep_footer && fits_last => last.footer = block.footer.clone(),
            _ => {
                let footer = Block::text(block.footer.clone());
                out.extend(split_block(&footer, limit));
            }
        }
    }
    out
}

/// Cuts spans into pieces that each cost at most `budget`, preferring paragraph, then sentence, then
/// clause boundaries, and characters only as a last resort.
fn atoms(spans: &[Span], budget: usize) -> Vec<Span> {
    const LEVELS: [&[char]; 3] = [
        &['\n'],
        &['。', '！', '？', '；', '!', '?', ';', '…'],
        &['，', '、', '：', ',', ':', ' '],
    ];
    let mut out = Vec::new();
    for span in spans {
        cut(span, &LEVELS, budget, &mut out);
    }
    out
}

fn cut(span: &Span, levels: &[&[char]], budget: usize, out: &mut Vec<Span>) {
    if span_cost(span) <= budget {
        out.push(span.clone());
        return;
    }
    let Some((separators, finer)) = levels.split_first() else {
        cut_chars(span, budget, out);
        return;
    };
    let mut start = 0;
    for (at, c) in span.text.char_indices() {
        if separators.contains(&c) {
            let end = at + c.len_utf8();
            let piece = Span {
                style: span.style,
                text: span.text[start..end].to_owned(),
            };
            cut(&piece, finer, budget, out);
            start = end;
        }
    }
    if start < span.text.len() {
        let piece = Span {
            style: span.style,
            text: span.text[start..].to_owned(),
        };
        cut(&piece, finer, budget, out);
    }
}

fn cut_chars(span: &Span, budget: usize, out: &mut Vec<Span>) {
    let (open, close) = tags(span.style);
    let overhead = open.len() + close.len();
    let mut piece = String::new();
    let mut cost = overhead;
    for c in span.text.chars() {
        let mut buf = [0u8; 4];
        let c_cost = message_len(&escape(c.encode_utf8(&mut buf)));
        if !piece.is_empty() && cost + c_cost > budget {
            out.push(Span {
                style: span.style,
                text: std::mem::take(&mut piece),
            });
            cost = overhead;
        }
        piece.push(c);
        cost += c_cost;
    }
    if !piece.is_empty() {
        out.push(Span {
            style: span.style,
            text: piece,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks that `html` is well formed: tags balanced and properly nested, only known tags, no raw
    /// `<`, `>` or `&` outside tags and entities.
    pub(crate) fn assert_well_formed(html: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.find(['<', '>', '&']) {
            let tail = &rest[at..];
            if tail.starts_with('>') {
                panic!("raw > in {html:?}");
            }
            if tail.starts_with('&') {
                let entity = ["&amp;", "&lt;", "&gt;", "&quot;"]
                    .into_iter()
                    .find(|e| tail.starts_with(e))
                    .unwrap_or_else(|| panic!("raw & in {html:?}"));
                rest = &tail[entity.len()..];
                continue;
            }
            let end = tail
                .find('>')
                .unwrap_or_else(|| panic!("open tag in {html:?}"));
            let tag = &tail[1..end];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "unbalanced in {html:?}");
            } else {
                assert!(
                    ["b", "i", "blockquote"].contains(&tag),
                    "tag {tag} in {html:?}"
                );
                stack.push(tag);
            }
            rest = &tail[end + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?} in {html:?}");
    }

    /// The text a reader sees: tags dropped, entities decoded.
    pub(crate) fn visible_text(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape(r#"<b>"A" & B</b>"#),
            "&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;"
        );
        assert_eq!(escape("生产总值增长8%左右"), "生产总值增长8%左右");
    }

    #[test]
    fn renders_styles_and_quotes() {
        let block = Block::quote(
            vec![Span::plain("a<"), Span::bold("b"), Span::plain("c")],
            vec![Span::italic("cite")],
        );
        let html = paginate(
            &[Block::text(vec![Span::bold("x")]), block],
            MAX_MESSAGE_LEN,
        );
        assert_eq!(
            html,
            vec!["<b>x</b>\n\n<blockquote>a&lt;<b>b</b>c</blockquote>\n<i>cite</i>"]
        );
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges, clippy::single_range_in_vec_init)]
    fn highlights_survive_bad_ranges() {
        let text = "生产总值增长";
        let spans = highlighted(text, &[12..18, 0..3, 2..4, 100..200, 3..1, 0..6]);
        assert_eq!(
            spans,
            vec![Span::bold("生产"), Span::plain("总值"), Span::bold("增长")]
        );
        assert_eq!(highlighted("", &[0..1]), Vec::<Span>::new());
    }

    #[test]
    fn long_text_splits_on_sentences() {
        let sentence = "这是一个句子，里面有逗号。";
        let text = sentence.repeat(400);
        let messages = paginate(
            &[Block::quote(
                vec![Span::plain(&text)],
                vec![Span::italic("出处")],
            )],
            MAX_MESSAGE_LEN,
        );
        assert!(messages.len() > 1);
        for message in &messages {
            assert!(message_len(message) <= MAX_MESSAGE_LEN);
            assert_well_formed(message);
            let visible = visible_text(message);
            let body = visible.trim_end_matches("出处").trim_end();
            assert!(body.ends_with('。'), "cut inside a sentence: {body:?}");
        }
        assert!(messages.last().is_some_and(|m| m.ends_with("<i>出处</i>")));
        let all: String = messages.iter().map(|m| visible_text(m)).collect();
        assert_eq!(all, format!("{text}\n出处"));
    }

    #[test]
    fn small_blocks_share_a_message_and_big_ones_do_not_cross_the_limit() {
        let blocks: Vec<Block> = (0..50)
            .map(|i| Block::text(vec![Span::plain(format!("第{i}段。").repeat(30))]))
            .collect();
        let messages = paginate(&blocks, MAX_MESSAGE_LEN);
        assert!(messages.len() < blocks.len());
        assert!(messages.iter().all(|m| message_len(m) <= MAX_MESSAGE_LEN));
        let joined = messages.join("\n\n");
        let expected: Vec<String> = blocks.iter().map(Block::html).collect();
        assert_eq!(joined, expected.join("\n\n"));
    }

    #[test]
    fn text_without_any_break_is_cut_between_characters() {
        let text = "&".repeat(5000) + &"😀".repeat(3000);
        let messages = paginate(&[Block::text(vec![Span::bold(&text)])], MAX_MESSAGE_LEN);
        for message in &messages {
            assert!(message_len(message) <= MAX_MESSAGE_LEN);
            assert_well_formed(message);
        }
        let all: String = messages.iter().map(|m| visible_text(m)).collect();
        assert_eq!(all, text);
    }

    #[test]
    fn a_huge_footer_becomes_its_own_message() {
        let footer = "出处".repeat(3000);
        let messages = paginate(
            &[Block::quote(
                vec![Span::plain("正文。")],
                vec![Span::italic(&footer)],
            )],
            MAX_MESSAGE_LEN,
        );
        assert!(messages.len() >= 2);
        assert!(messages.iter().all(|m| message_len(m) <= MAX_MESSAGE_LEN));
        assert_eq!(messages[0], "<blockquote>正文。</blockquote>");
    }

    fn hit(id: &str, excerpt: &str, highlights: Vec<Range<usize>>, citation: &str) -> Hit {
        Hit {
            kind: crate::answer::HitKind::Passage,
            id: id.to_owned(),
            text: excerpt.to_owned(),
            excerpt: excerpt.to_owned(),
            highlights,
            citation: citation.to_owned(),
            score: 1.0,
        }
    }

    fn entry(number: u32, term: &str) -> GlossaryEntry {
        GlossaryEntry {
            id: format!("r/g{number}"),
            number,
            term: term.to_owned(),
            explanation: format!("{term}的解释。"),
            used_in: Vec::new(),
        }
    }

    fn answered(direct: Option<&str>, hits: Vec<Hit>) -> Answer {
        Answer {
            question: "问题".into(),
            answered: true,
            answer: direct.map(str::to_owned),
            hits,
            glossary_refs: Vec::new(),
            suggestions: Vec::new(),
            unanswered: None,
        }
    }

    fn callback_data(markup: &InlineKeyboardMarkup) -> Vec<Vec<(String, String)>> {
        use teloxide::types::InlineKeyboardButtonKind;
        markup
            .inline_keyboard
            .iter()
            .map(|row| {
                row.iter()
                    .map(|b| match &b.kind {
                        InlineKeyboardButtonKind::CallbackData(data) => {
                            (b.text.clone(), data.clone())
                        }
                        other => panic!("unexpected button {other:?}"),
                    })
                    .collect()
            })
            .collect()
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
        let keyboard = answer_keyboard(&answer.hits, 1, None, &[]).expect("buttons");
        assert_eq!(
            callback_data(&keyboard),
            vec![vec![(texts::view_source_button(None), "s:r/1".to_owned())]]
        );
    }

    #[test]
    fn an_unanswered_question_gets_the_honest_reply_and_suggestions() {
        let answer = Answer {
            question: "明天".into(),
            answered: false,
            answer: None,
            hits: Vec::new(),
            glossary_refs: Vec::new(),
            suggestions: vec!["/targets".into(), "<词>".into()],
            unanswered: Some(Unanswered::NotInReport),
        };
        let messages = paginate(&answer_blocks(&answer), MAX_MESSAGE_LEN);
        assert_eq!(messages.len(), 1);
        assert!(messages[0].starts_with(&escape(texts::NOT_ANSWERED)));
        assert!(messages[0].contains("• /targets"));
        assert!(messages[0].contains("• &lt;词&gt;"));
        let other_year = Answer {
            unanswered: Some(Unanswered::YearNotCovered { year: 2031 }),
            ..answer.clone()
        };
        let messages = paginate(&answer_blocks(&other_year), MAX_MESSAGE_LEN);
        assert!(messages[0].starts_with(&escape(&texts::year_not_covered(2031))));
        let empty = Answer {
            unanswered: Some(Unanswered::EmptyQuestion),
            ..answer
        };
        let messages = paginate(&answer_blocks(&empty), MAX_MESSAGE_LEN);
        assert!(messages[0].starts_with(&escape(texts::EMPTY_QUESTION)));
    }

    #[test]
    fn answer_keyboard_has_sources_more_and_glossary_rows() {
        let hits = vec![
            hit("r/1.1.1.1", "甲。", vec![], "c"),
            hit("r/1.1.1.2#3", "乙。", vec![], "c"),
        ];
        let (a, b, c) = (entry(1, "甲"), entry(2, "乙"), entry(3, "丙"));
        let more = CallbackAction::More { key: 26, offset: 3 };
        let keyboard = answer_keyboard(&hits, 1, Some(more), &[&a, &b, &c]).expect("buttons");
        assert_eq!(
            callback_data(&keyboard),
            vec![
                vec![
                    (texts::view_source_button(Some(1)), "s:r/1.1.1.1".to_owned()),
                    (
                        texts::view_source_button(Some(2)),
                        "s:r/1.1.1.2#3".to_owned()
                    ),
                ],
                vec![(texts::MORE_BUTTON.to_owned(), "m:1a:3".to_owned())],
                vec![
                    (texts::glossary_button("甲"), "g:r/g1".to_owned()),
                    (texts::glossary_button("乙"), "g:r/g2".to_owned()),
                ],
                vec![(texts::glossary_button("丙"), "g:r/g3".to_owned())],
            ]
        );
    }

    #[test]
    fn repeated_excerpts_are_shown_once() {
        let hits = vec![
            hit("r/1#1", "甲。", vec![], "c"),
            hit("r/1#2", "甲。", vec![], "c"),
            hit("r/2", "乙。", vec![], "c"),
        ];
        let ids: Vec<String> = distinct_hits(hits).into_iter().map(|h| h.id).collect();
        assert_eq!(ids, ["r/1#1", "r/2"]);
    }

    #[test]
    fn buttons_whose_payload_would_not_fit_are_left_out() {
        let hits = vec![hit(&"x".repeat(80), "甲。", vec![], "c")];
        assert_eq!(answer_keyboard(&hits, 1, None, &[]), None);
    }

    #[test]
    fn more_results_continue_the_numbering() {
        let hits = vec![hit("r/9", "丁。", vec![], "c")];
        let html = paginate(&more_blocks(&hits, 4), MAX_MESSAGE_LEN).join("");
        assert!(html.contains(&texts::hit_marker(4)), "{html}");
        let keyboard = answer_keyboard(&hits, 4, None, &[]).expect("buttons");
        assert_eq!(
            callback_data(&keyboard)[0][0].0,
            texts::view_source_button(Some(4))
        );
        let none = paginate(&more_blocks(&[], 4), MAX_MESSAGE_LEN);
        assert_eq!(none, vec![escape(texts::NO_MORE_RESULTS)]);
    }

    #[test]
    fn glossary_pages_navigate_and_clamp() {
        let glossary: Vec<GlossaryEntry> = (1..=25).map(|n| entry(n, &format!("词{n}"))).collect();
        let (_, first) = glossary_page(&glossary, 0);
        let first = callback_data(&first.expect("buttons"));
        assert_eq!(first[0][0], ("1. 词1".to_owned(), "g:r/g1".to_owned()));
        assert_eq!(
            first.last().expect("nav"),
            &vec![(texts::NEXT_PAGE_BUTTON.to_owned(), "gp:1".to_owned())]
        );
        let (heading, last) = glossary_page(&glossary, 99);
        let last = callback_data(&last.expect("buttons"));
        assert_eq!(last[0][0], ("21. 词21".to_owned(), "g:r/g21".to_owned()));
        assert_eq!(
            last.last().expect("nav"),
            &vec![(texts::PREVIOUS_PAGE_BUTTON.to_owned(), "gp:1".to_owned())]
        );
        let heading = paginate(&heading, MAX_MESSAGE_LEN).join("");
        assert_eq!(heading, escape(&texts::glossary_page_header(3, 3, 25)));
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
            kind: crate::knowledge::FigureKind::MainTarget,
            period: crate::knowledge::Period::Year { year: 2000 },
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

    fn any_span() -> impl Strategy<Value = Span> {
        let style = prop_oneof![Just(Style::Plain), Just(Style::Bold), Just(Style::Italic)];
        let text = proptest::string::string_regex("([a-z<>&\"。，\n 😀字]{0,40}){0,8}")
            .expect("valid regex");
        (style, text).prop_map(|(style, text)| Span { style, text })
    }

    proptest! {
        #[test]
        fn any_content_fits_is_well_formed_and_loses_nothing(
            blocks in proptest::collection::vec(
                (any::<bool>(),
                 proptest::collection::vec(any_span(), 0..6),
                 proptest::collection::vec(any_span(), 0..2)),
                0..6),
            limit in 60usize..400,
        ) {
            let blocks: Vec<Block> = blocks
                .into_iter()
                .map(|(quoted, body, footer)| Block { quoted, body, footer })
                .collect();
            let messages = paginate(&blocks, limit);
            for message in &messages {
                prop_assert!(message_len(message) <= limit, "{} > {limit}: {message:?}", message_len(message));
                prop_assert!(!message.is_empty());
                assert_well_formed(message);
            }
            let text = |spans: &[Span]| spans.iter().map(|s| s.text.as_str()).collect::<String>();
            let expected: String = blocks.iter().map(|b| text(&b.body) + &text(&b.footer)).collect();
            let got: String = messages.iter().map(|m| visible_text(m)).collect();
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            prop_assert_eq!(squeeze(&got), squeeze(&expected));
        }
    }
}
