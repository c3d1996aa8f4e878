//! Telegram HTML that always fits. Content is laid out as [`Block`]s of plain-text spans, then escaped
//! and packed into messages of at most [`MAX_MESSAGE_LEN`] characters. Cutting happens on the plain
//! text (paragraph, then sentence, then clause, then character boundaries) and every piece is rendered
//! with its own balanced tags, so a cut can never fall inside a tag or an escape.

use std::ops::Range;

/// Telegram's limit for one message's text (set by Telegram, not chosen here).
pub const MAX_MESSAGE_LEN: usize = 4096;

/// A footer stays under its body's last piece only while it takes at most 1/`FOOTER_SHARE` of a
/// message: more would squeeze the body into many short messages, so a longer footer is sent on its
/// own instead.
const FOOTER_SHARE: usize = 2;

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
    /// Text as it is.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            style: Style::Plain,
            text: text.into(),
        }
    }

    /// What the reader should see first: a direct answer, the words a search matched.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            style: Style::Bold,
            text: text.into(),
        }
    }

    /// Where something comes from (citations), set apart from the text it cites.
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
    /// A paragraph that is not a quotation: the bot's own words, headings, lists.
    pub fn text(spans: Vec<Span>) -> Block {
        Block {
            quoted: false,
            body: spans,
            footer: Vec::new(),
        }
    }

    /// Words from a report, quoted, with where they come from right under them.
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
    let keep_footer = frame + footer_cost <= limit / FOOTER_SHARE;
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

/// Layout details that need private items. Whether paginated output is well formed and loses nothing
/// is tested on the public API in tests/telegram.rs, with the test suites' one HTML checker.
#[cfg(test)]
mod tests {
    use super::*;

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
}
