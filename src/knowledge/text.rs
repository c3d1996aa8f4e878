//! Punctuation-aware splitting of report text. The publisher mixes ASCII `, : ; ( ) !` with full-width
//! marks, so every rule here accepts both; quotes and brackets protect what they enclose.

/// Marks that end a sentence (the unit of retrieval). `；`/`;` are included so that long lists of
/// targets and results come out one item per sentence.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
}

/// Marks that end a whole sentence, as opposed to one clause of a `；`-list.
pub(crate) fn is_full_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

pub(crate) fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

/// Marks that separate the clauses of a sentence.
pub(crate) fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | '，' | ':' | '：' | ';' | '；')
}

fn opens(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '「' | '『' | '《' | '(' | '（' | '[' | '【' | '〔'
    )
}

fn closes(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '》' | ')' | '）' | ']' | '】' | '〕'
    )
}

/// Tracks whether a position is inside quotes or brackets.
#[derive(Default)]
struct Nesting {
    depth: u32,
}

impl Nesting {
    /// Feeds one character; returns true when it sits outside every quote and bracket.
    fn outside_after(&mut self, c: char) -> bool {
        if opens(c) {
            self.depth += 1;
        } else if closes(c) {
            self.depth = self.depth.saturating_sub(1);
        }
        self.depth == 0
    }
}

/// True when every quote and bracket in `text` is closed again, so nesting can be trusted.
fn balanced(text: &str) -> bool {
    let mut depth: i64 = 0;
    for c in text.chars() {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth -= 1;
            if depth < 0 {
                return false;
            }
        }
    }
    depth == 0
}

/// Splits `text` after every mark `is_end` accepts that stands outside quotes and brackets (or anywhere,
/// when the quotes are unbalanced and nesting cannot be trusted). Also splits after a colon that
/// introduces a numbered list (`十件惠民工程:1.处置…`), so each item stands alone. Pieces are trimmed
/// and never empty.
pub(crate) fn split_after(text: &str, is_end: fn(char) -> bool) -> Vec<&str> {
    let trust_nesting = balanced(text);
    let mut nesting = Nesting::default();
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let outside = nesting.outside_after(c) || !trust_nesting;
        let end = i + c.len_utf8();
        let splits = outside && (is_end(c) || (is_colon(c) && starts_numbered_item(&text[end..])));
        if splits {
            push_trimmed(&mut pieces, &text[start..end]);
            start = end;
        }
    }
    push_trimmed(&mut pieces, &text[start..]);
    pieces
}

/// Splits `text` at clause marks outside quotes and brackets, dropping the marks. Each piece comes with
/// whether its mark was a colon (a lead-in such as `主要预期目标是:`).
pub(crate) fn clauses(text: &str) -> Vec<(&str, bool)> {
    let trust_nesting = balanced(text);
    let mut nesting = Nesting::default();
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let outside = nesting.outside_after(c) || !trust_nesting;
        if outside && (is_clause_mark(c) || is_full_stop(c)) {
            let piece = text[start..i].trim();
            if !piece.is_empty() {
                pieces.push((piece, is_colon(c)));
            }
            start = i + c.len_utf8();
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        pieces.push((rest, false));
    }
    pieces
}

/// Splits at `、` outside quotes and brackets, keeping byte offsets into `text`.
pub(crate) fn enumeration(text: &str) -> Vec<(usize, &str)> {
    let trust_nesting = balanced(text);
    let mut nesting = Nesting::default();
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let outside = nesting.outside_after(c) || !trust_nesting;
        if outside && c == '、' {
            pieces.push((start, &text[start..i]));
            start = i + c.len_utf8();
        }
    }
    pieces.push((start, &text[start..]));
    pieces
}

/// The text up to the first clause mark or full stop outside quotes: a heading's short form.
pub(crate) fn first_clause(text: &str) -> &str {
    clauses(text).first().map_or(text, |(clause, _)| clause)
}

fn push_trimmed<'a>(pieces: &mut Vec<&'a str>, piece: &'a str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        pieces.push(piece);
    }
}

/// `1.处置…`, `10、完成…`: a list item number, not a decimal such as `2.3万`.
pub(crate) fn starts_numbered_item(text: &str) -> bool {
    numbered_item(text).is_some()
}

/// The longest number a list item opens with: a longer run of digits is a year or a figure, not an item.
const ITEM_NUMBER_MAX_DIGITS: usize = 3;

/// Splits a list item `7.“人人持证…` into its number and the text after the mark.
pub(crate) fn numbered_item(text: &str) -> Option<(u32, &str)> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > ITEM_NUMBER_MAX_DIGITS {
        return None;
    }
    let rest = &text[digits..];
    let mark = rest.chars().next()?;
    if !matches!(mark, '.' | '．' | '、') {
        return None;
    }
    let after = &rest[mark.len_utf8()..];
    if after.starts_with(|c: char| c.is_ascii_digit()) || after.is_empty() {
        return None;
    }
    Some((text[..digits].parse().ok()?, after))
}

/// Whether a character is a CJK ideograph (the unit of edit distance for typo correction).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Where the number written in digits (and a decimal point) right before byte `end` of `text` starts
/// (`88` of `88万`), if one does.
pub(crate) fn number_start(text: &str, end: usize) -> Option<usize> {
    text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == '.')
        .last()
        .map(|(start, _)| start)
}

/// Letters, digits and CJK characters only: quotes, punctuation and spaces removed, so that
/// `“三公”经费` and `三公经费` compare equal.
pub(crate) fn letters_and_digits(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Number of characters (not bytes).
pub(crate) fn char_len(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_split_inside_quotes() {
        let text = "“云厚者,雨必猛;弓劲者,箭必远”。我们要立足优势!好吗?";
        assert_eq!(
            split_after(text, is_sentence_end),
            vec![
                "“云厚者,雨必猛;弓劲者,箭必远”。",
                "我们要立足优势!",
                "好吗?"
            ]
        );
    }

    #[test]
    fn unbalanced_quotes_fall_back_to_plain_splitting() {
        let text = "他说“好。然后走了。";
        assert_eq!(
            split_after(text, is_sentence_end),
            vec!["他说“好。", "然后走了。"]
        );
    }

    #[test]
    fn colon_before_numbered_item_splits() {
        let text = "办好十件事:1.修路2.3公里。2.建桥。";
        assert_eq!(
            split_after(text, is_sentence_end),
            vec!["办好十件事:", "1.修路2.3公里。", "2.建桥。"]
        );
    }

    #[test]
    fn numbered_items_are_not_decimals() {
        assert_eq!(numbered_item("10.完成演出"), Some((10, "完成演出")));
        assert_eq!(numbered_item("2.3万人次"), None);
        assert_eq!(numbered_item("2022年"), None);
    }

    #[test]
    fn clauses_keep_quoted_commas() {
        assert_eq!(
            clauses("“人人持证,技能河南”建设,完成培训:好。"),
            vec![
                ("“人人持证,技能河南”建设", false),
                ("完成培训", true),
                ("好", false)
            ]
        );
    }

    #[test]
    fn letters_and_digits_drop_quotes_and_punctuation() {
        assert_eq!(letters_and_digits("“三公”经费, 17110"), "三公经费17110");
    }
}
