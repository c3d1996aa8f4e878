//! Numbers a question says about time and place in a list: years (2022年, 二〇二二年), which the reader
//! takes out of the text into its time frame, and ordinals (第六件), which name an item of a list.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::knowledge::{number_start, numerals};
use crate::search::normalize::is_han;

/// The measure words an ordinal may end with (第六件, 第3项, 第十二个).
const ORDINAL_MEASURES: &str = "件项个条点大批";

/// The ordinals a list's items are asked by (第一, 第一件 … 第十项), as a question in pinyin says them
/// (di san jian): read back like the other words of asking.
pub(super) fn ordinal_words() -> impl Iterator<Item = String> {
    (1..=10).filter_map(numerals::written).flat_map(|numeral| {
        std::iter::once(format!("第{numeral}")).chain(
            ORDINAL_MEASURES
                .chars()
                .map(move |measure| format!("第{numeral}{measure}")),
        )
    })
}

/// Words placing an ordinal in its list, before it (十件实事里排第八, 六个方面当中第二): part of the asking,
/// not of the list's name.
const ORDINAL_PLACING: &[&str] = &[
    "里面排",
    "里排",
    "中排",
    "里面",
    "当中",
    "之中",
    "里",
    "排在",
    "排",
    "位列",
];
/// 头一项, 头一件: the first, said the spoken way.
const FIRST_SPOKEN: &str = "头一";

/// How many characters a word that opens like an ordinal has (第三产业, 第一书记): fewer is the ordinal
/// with its measure (第一个), more is no word a dictionary holds.
const ORDINAL_NOUN_CHARS: std::ops::RangeInclusive<usize> = 4..=5;

/// Removes an ordinal (第六件, 第3项, 第十二个, 头一项) and the words placing it (里排第八的那件) from
/// the text and returns its number.
pub(super) fn take_ordinal(
    text: String,
    names_thing: impl Fn(&str) -> bool,
) -> (String, Option<u32>) {
    let (at, number, mut end) = if let Some(at) = text.find('第') {
        // 第三产业, 第一书记: a word of the language that opens like an ordinal names a thing.
        let opening: Vec<(usize, char)> = text[at..]
            .char_indices()
            .take(*ORDINAL_NOUN_CHARS.end())
            .collect();
        let is_word = ORDINAL_NOUN_CHARS.clone().any(|chars| {
            opening
                .get(chars - 1)
                .is_some_and(|&(start, c)| names_thing(&text[at..at + start + c.len_utf8()]))
        });
        if is_word {
            return (text, None);
        }
        let rest = &text[at + '第'.len_utf8()..];
        let numeral: String = rest
            .chars()
            .take_while(|&c| numerals::is_numeral_char(c))
            .collect();
        let Some(number) = numerals::number(&numeral) else {
            return (text, None);
        };
        (at, number, at + '第'.len_utf8() + numeral.len())
    } else if let Some(at) = text.find(FIRST_SPOKEN) {
        (at, 1, at + FIRST_SPOKEN.len())
    } else {
        return (text, None);
    };
    let is_measure = |c: char| ORDINAL_MEASURES.contains(c);
    if let Some(measure) = text[end..].chars().next().filter(|&c| is_measure(c)) {
        end += measure.len_utf8();
    }
    // 第八的那件, 第三的那个: the measure said again after 的.
    let after = &text[end..];
    if let Some(pointed) = after
        .strip_prefix("的那一")
        .or_else(|| after.strip_prefix("的那"))
        .or_else(|| after.strip_prefix("的这"))
    {
        if let Some(measure) = pointed.chars().next().filter(|&c| is_measure(c)) {
            end = text.len() - pointed.len() + measure.len_utf8();
        }
    }
    let before = &text[..at];
    let before = ORDINAL_PLACING
        .iter()
        .find_map(|word| before.strip_suffix(word))
        .unwrap_or(before);
    (format!("{} {}", before, &text[end..]), Some(number))
}

impl super::QuestionReader {
    /// Whether a word that opens like an ordinal is a word of the language (第三产业, 第一书记).
    pub(super) fn names_thing(&self, word: &str) -> bool {
        self.words
            .as_ref()
            .is_some_and(|words| words.is_noun(word) || words.is_set_phrase(word))
    }

    /// `text` without the ordinal it numbers an item by (今年第一方面重点工作 → 今年 方面重点工作), when it has
    /// one: a follow-up naming another item (第二个呢) replaces it.
    pub fn without_ordinal(&self, text: &str) -> Option<String> {
        match take_ordinal(text.to_owned(), |word| self.names_thing(word)) {
            (rest, Some(_)) => Some(rest),
            (_, None) => None,
        }
    }
}

/// Years written in Chinese numerals (二〇二二年, 二零二一年) in digits, as [`take_years`] reads them.
pub(super) fn years_in_digits(text: &str) -> Cow<'_, str> {
    if !text.contains(['〇', '零', '九']) || !text.contains('年') {
        return Cow::Borrowed(text);
    }
    let digit = numerals::digit;
    let chars: Vec<char> = text.chars().collect();
    let is_year_at = |i: usize| {
        chars.len() >= i + 5
            && chars[i + 4] == '年'
            && chars[i..i + 4].iter().all(|&c| digit(c).is_some())
            && matches!(chars[i..i + 2], ['一', '九'] | ['二', '〇' | '零'])
            && (i == 0 || digit(chars[i - 1]).is_none())
    };
    if !(0..chars.len()).any(is_year_at) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if is_year_at(i) {
            for &c in &chars[i..i + 4] {
                out.extend(digit(c).and_then(|d| char::from_digit(d, 10)));
            }
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// How many years before the report's year a year written with two digits (`21年`) may be: the report
/// looks back five years, and a question about its forerunners a few more. Further back, `10年` is more
/// likely ten years than 2010.
const SHORT_YEARS_BACK: i32 = 10;
/// How many years after the report's year a two-digit year may be: the report plans to 2025 (the 14th
/// five-year plan's end); further on, `35年` is more likely thirty-five years than 2035.
const SHORT_YEARS_AHEAD: i32 = 3;
/// Words before a number of years that make it a span, not a year (近10年, 过去15年, 每12年).
const SPAN_BEFORE: &[&str] = &[
    "近", "过去", "未来", "这", "每", "第", "前", "后", "用了", "花了",
];
/// Words after 年 that make the number before it a span (15年来, 12年间, 20年以上); not 多, which is
/// as often a comparison (比17年多了多少) as a span (10年多).
const SPAN_AFTER: &[&str] = &[
    "来", "间", "内", "以上", "以内", "左右", "之", "后", "前", "里",
];

/// Years written with two digits (`21年`, `22年的目标`) in four, as [`take_years`] reads them, when the
/// year lies near the report's (see [`SHORT_YEARS_BACK`]) and the number is no span of years.
pub(super) fn short_years_in_full(text: &str, report_year: i32) -> Cow<'_, str> {
    if !text.contains('年') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let century = report_year - report_year % 100;
    let year_at = |i: usize| -> Option<i32> {
        let digits = bytes.get(i..i + 2)?;
        if !digits.iter().all(u8::is_ascii_digit)
            || i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.')
            || !text[i + 2..].starts_with('年')
        {
            return None;
        }
        let year = century + i32::from(digits[0] - b'0') * 10 + i32::from(digits[1] - b'0');
        let after = &text[i + 2 + '年'.len_utf8()..];
        let near =
            (report_year - SHORT_YEARS_BACK..=report_year + SHORT_YEARS_AHEAD).contains(&year);
        let span = SPAN_BEFORE.iter().any(|word| text[..i].ends_with(word))
            || SPAN_AFTER.iter().any(|word| after.starts_with(word));
        (near && !span).then_some(year)
    };
    let years: Vec<(usize, i32)> = (0..bytes.len())
        .filter(|&i| text.is_char_boundary(i))
        .filter_map(|i| year_at(i).map(|year| (i, year)))
        .collect();
    if years.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2 * years.len());
    let mut copied = 0;
    for (at, year) in years {
        out.push_str(&text[copied..at]);
        out.push_str(&year.to_string());
        copied = at + 2;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The characters a count is written with in words up to the thousands (三百, 五千七百, 两千零五十).
const COUNT_CHARS: &str = "零一二三四五六七八九十两百千";

/// The smallest count read into digits: below it a numeral is more often part of a name (三大, 五湖).
const MIN_WORDED_COUNT: u32 = 10;

/// The figures a text writes in digits with the character after each (`300强`, `5700人`, `100场`): what a
/// count typed in words may be looked up as.
pub(super) fn written_figures(text: &str) -> HashSet<String> {
    let mut figures = HashSet::new();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() && is_han(c) {
            figures.insert(format!("{digits}{c}"));
        }
        digits.clear();
    }
    figures
}

/// The magnitude of money, written before 元 (5亿元).
const MONEY_MAGNITUDE: char = '亿';
/// The unit of money the magnitude is written with.
const MONEY_UNIT: char = '元';

/// The amounts a text writes in 亿 with 元 after them every time (`5亿` of `5亿元以上`; not `4.8亿` of
/// `4.8亿千瓦时`): what an amount typed without its 元 (5亿以上) stands for.
pub(super) fn written_money(text: &str) -> HashSet<String> {
    let mut with_unit = HashSet::new();
    let mut without_unit = HashSet::new();
    for (_, amount, next) in amounts_in(text) {
        if next == Some(MONEY_UNIT) {
            with_unit.insert(amount);
        } else {
            without_unit.insert(amount);
        }
    }
    &with_unit - &without_unit
}

/// Each amount in 亿 of `text` (digits and a point, then 亿): where it ends, the amount and the character
/// after it.
fn amounts_in(text: &str) -> impl Iterator<Item = (usize, String, Option<char>)> + '_ {
    text.match_indices(MONEY_MAGNITUDE).filter_map(|(at, _)| {
        let digits = number_start(text, at)?;
        let end = at + MONEY_MAGNITUDE.len_utf8();
        Some((
            end,
            text[digits..end].to_owned(),
            text[end..].chars().next(),
        ))
    })
}

/// Amounts typed in 亿 without their 元 (5亿以上) with it, where `money` (see [`written_money`]) says the
/// report writes that amount with 元 every time.
pub(super) fn money_as_written<'a>(text: &'a str, money: &HashSet<String>) -> Cow<'a, str> {
    if money.is_empty() || !text.contains(MONEY_MAGNITUDE) {
        return Cow::Borrowed(text);
    }
    let missing: Vec<usize> = amounts_in(text)
        .filter(|(_, amount, next)| *next != Some(MONEY_UNIT) && money.contains(amount))
        .map(|(end, _, _)| end)
        .collect();
    if missing.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + missing.len() * MONEY_UNIT.len_utf8());
    let mut copied = 0;
    for end in missing {
        out.push_str(&text[copied..end]);
        out.push(MONEY_UNIT);
        copied = end;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Counts typed in words (三百强, 五千七百人, 一百场) in digits when `figures` (see [`written_figures`]) has
/// that count before that character, as the report writes it (300强); other numerals stay as typed (十件,
/// 三大, 第三十, 几百).
pub(super) fn figures_as_written<'a>(text: &'a str, figures: &HashSet<String>) -> Cow<'a, str> {
    if figures.is_empty() || !text.contains(['十', '百', '千']) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && COUNT_CHARS.contains(chars[i]) {
            i += 1;
        }
        if start == i {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let words: String = chars[start..i].iter().collect();
        let placed = start > 0 && matches!(chars[start - 1], '第' | '几' | '数');
        let written = worded_count(&words)
            .filter(|&count| count >= MIN_WORDED_COUNT && !placed)
            .zip(chars.get(i))
            .map(|(count, next)| format!("{count}{next}"))
            .filter(|figure| figures.contains(figure));
        match written {
            Some(figure) => {
                // The character after the count is copied with the rest of the text.
                out.push_str(figure.trim_end_matches(|c: char| !c.is_ascii_digit()));
                changed = true;
            }
            None => out.push_str(&words),
        }
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    Cow::Owned(out)
}

/// A count up to 9999 written in words (三百, 五千七百, 两千零五十, 十二); `None` for anything else.
fn worded_count(words: &str) -> Option<u32> {
    let mut total = 0;
    let mut pending: Option<u32> = None;
    let mut last_place = u32::MAX;
    for c in words.chars() {
        let place = match c {
            '千' => 1000,
            '百' => 100,
            '十' => 10,
            '零' => {
                pending = None;
                continue;
            }
            '两' => {
                pending = Some(2);
                continue;
            }
            _ => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(numerals::digit(c)?);
                continue;
            }
        };
        if place >= last_place {
            return None;
        }
        total += pending.take().unwrap_or(1) * place;
        last_place = place;
    }
    Some(total + pending.unwrap_or(0))
}

/// The openings of the report's counted names (`十件`惠民工程, `三大`基地, `两个`确保): a count in Chinese
/// numerals and the character after it. A question may type the count in digits (10件惠民工程).
pub(super) fn counted_name_openings<'a>(
    terms: impl IntoIterator<Item = &'a str>,
) -> HashSet<String> {
    terms
        .into_iter()
        .filter_map(|term| {
            let mut chars = term.chars();
            let (count, next) = (chars.next()?, chars.next()?);
            ("一二三四五六七八九十两".contains(count) && is_han(next) && chars.next().is_some())
                .then(|| format!("{count}{next}"))
        })
        .collect()
}

/// Counts typed in digits (`10件惠民工程`, `3大基地`) the way the report writes the counted name (十件惠民工程,
/// 三大基地), when `openings` (see [`counted_name_openings`]) has it; other numbers stay as typed.
pub(super) fn counts_as_written<'a>(text: &'a str, openings: &HashSet<String>) -> Cow<'a, str> {
    if openings.is_empty() || !text.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let end = at
            + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let standalone = (at == 0 || bytes[at - 1] != b'.') && bytes.get(end) != Some(&b'.');
        let next = text[end..].chars().next();
        let written = text[at..end]
            .parse::<u32>()
            .ok()
            .and_then(numerals::written)
            .zip(next)
            .filter(|_| standalone)
            .and_then(|(count, next)| {
                let two = (count == '二').then_some('两');
                [Some(count), two]
                    .into_iter()
                    .flatten()
                    .map(|count| format!("{count}{next}"))
                    .find(|opening| openings.contains(opening))
            });
        if let Some(written) = written {
            out.push_str(&text[copied..at]);
            out.push_str(&written);
            copied = end + next.map_or(0, char::len_utf8);
        }
        at = end;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The magnitudes a Chinese count of money, people or things is written with (十亿元, 两万户).
const MAGNITUDES: [char; 2] = ['万', '亿'];
/// Characters before a numeral that make it a rough size (几十万, 数十亿), which no figure is.
const ROUGH_COUNTS: [char; 2] = ['几', '数'];

/// Amounts in Chinese numerals before 万 or 亿 (十亿元, 两万户, 九十六万吨, 二点四万头) in digits, as the report
/// writes its figures (10亿元, 2万户, 96万吨, 2.4万头): typed in words, a figure must still find its own and
/// not a smaller one it holds (亿元以上项目 inside 十亿元以上项目). Numerals that are no count from 1 to 99
/// (千万, 百万: "very many") stay as written.
pub(super) fn amounts_in_digits(text: &str) -> Cow<'_, str> {
    if !text.contains(MAGNITUDES) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let is_chinese_numeral = |c: char| !c.is_ascii_digit() && numerals::is_numeral_char(c);
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && is_chinese_numeral(chars[i]) {
            i += 1;
        }
        if start == i {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let whole: String = chars[start..i].iter().collect();
        // Tenths after 点 (二点四万): one digit each.
        let mut tenths = String::new();
        let mut end = i;
        if chars.get(i) == Some(&'点') {
            let mut j = i + 1;
            while let Some(d) = chars.get(j).and_then(|&c| numerals::digit(c)) {
                tenths.extend(char::from_digit(d, 10));
                j += 1;
            }
            if !tenths.is_empty() {
                end = j;
            }
        }
        // 几十万, 数十亿: a rough size, no count.
        let rough = start > 0 && ROUGH_COUNTS.contains(&chars[start - 1]);
        let before_magnitude = !rough && chars.get(end).is_some_and(|c| MAGNITUDES.contains(c));
        match numerals::number(&whole).filter(|_| before_magnitude) {
            Some(number) => {
                out.push_str(&number.to_string());
                if !tenths.is_empty() {
                    out.push('.');
                    out.push_str(&tenths);
                }
                changed = true;
                i = end;
            }
            None => out.push_str(&whole),
        }
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    Cow::Owned(out)
}

/// English scale words and the amount each multiplies by, longest first (hundred million before million).
const ENGLISH_SCALES: &[(&str, f64)] = &[
    ("hundred million", 1e8),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
];

/// Amounts written the English way (`1 billion yuan`, `2.3 million`, `23,000`) the way the report writes
/// them (`10亿元`, `230万`, `2.3万`): Chinese counts in 万 and 亿, so the same amount has other digits.
pub(super) fn english_amounts(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_digit()) || !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let after_letter = rest[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.');
        let len = rest[start..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len() - start);
        let written = rest[start..start + len].trim_end_matches([',', '.']);
        let end = start + written.len();
        let number: Option<f64> = written.replace(',', "").parse().ok();
        let tail = rest[end..].trim_start();
        let scale = ENGLISH_SCALES
            .iter()
            .find(|(word, _)| tail.starts_with(word))
            .map(|&(word, factor)| (word, factor));
        let (Some(number), false) = (number, after_letter) else {
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        };
        let (value, mut consumed) = match scale {
            Some((word, factor)) => (number * factor, rest.len() - tail.len() + word.len()),
            None if written.contains(',') => (number, end),
            None => {
                out.push_str(&rest[..end]);
                rest = &rest[end..];
                continue;
            }
        };
        let unit_tail = rest[consumed..].trim_start();
        let yuan = unit_tail.starts_with("yuan")
            && !unit_tail[4..].starts_with(|c: char| c.is_ascii_alphabetic());
        if yuan {
            consumed = rest.len() - unit_tail.len() + "yuan".len();
        }
        out.push_str(&rest[..start]);
        out.push_str(&in_chinese_magnitude(value));
        if yuan {
            out.push('元');
        }
        out.push(' ');
        rest = &rest[consumed..];
        changed = true;
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A value in 亿 or 万 when it reaches them, without trailing zeros (`1e9` → `10亿`, `23000` → `2.3万`).
fn in_chinese_magnitude(value: f64) -> String {
    let (scaled, magnitude) = if value >= 1e8 {
        (value / 1e8, "亿")
    } else if value >= 1e4 {
        (value / 1e4, "万")
    } else {
        (value, "")
    };
    let rounded = (scaled * 1e4).round() / 1e4;
    // One hundred million is written 亿 alone (亿元以上项目): a bare 1 would only find the report's counts of one.
    if magnitude == "亿" && rounded == 1.0 {
        return magnitude.to_owned();
    }
    format!("{rounded}{magnitude}")
}

/// Removes four-digit years (`2022`, `2022年`) from the text and returns them.
pub(super) fn take_years(text: &str) -> (String, Vec<i32>) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut years = Vec::new();
    let mut i = 0;
    let mut copied = 0;
    while i + 4 <= bytes.len() {
        let is_year = bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (bytes[i] == b'1' && bytes[i + 1] == b'9'
                || bytes[i] == b'2' && bytes[i + 1] == b'0')
            && (i == 0 || !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != b'.')
            && bytes
                .get(i + 4)
                .is_none_or(|&b| !b.is_ascii_digit() && b != b'.' && b != b'%');
        if !is_year {
            i += 1;
            continue;
        }
        let year: i32 = text[i..i + 4].parse().unwrap_or_default();
        years.push(year);
        out.push_str(&text[copied..i]);
        out.push(' ');
        let mut end = i + 4;
        // 2021年度 is the year 2021 as much as 2021年.
        for suffix in ["年度", "年"] {
            if text[end..].starts_with(suffix) {
                end += suffix.len();
                break;
            }
        }
        copied = end;
        i = end;
    }
    out.push_str(&text[copied..]);
    (out, years)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_typed_in_digits_open_the_counted_names_as_the_report_writes_them() {
        let openings =
            counted_name_openings(["十件惠民工程", "两个确保", "三大基地", "西平县", "十"]);
        assert_eq!(openings.len(), 3);
        let written = |text: &str| counts_as_written(text, &openings).into_owned();
        assert_eq!(written("10件惠民工程都有哪些"), "十件惠民工程都有哪些");
        assert_eq!(written("2个确保是什么"), "两个确保是什么");
        assert_eq!(written("3大基地和10件实事"), "三大基地和十件实事");
        // Other numbers stay: amounts, decimals, counts the report writes in digits, numbers past 10.
        assert_eq!(written("投资10亿元以上项目1个"), "投资10亿元以上项目1个");
        assert_eq!(written("1.10件"), "1.10件");
        assert_eq!(written("30件"), "30件");
        assert_eq!(written("3个产业"), "3个产业");
    }

    #[test]
    fn two_digit_years_near_the_report_are_years_and_spans_stay() {
        let full = |text: &str| short_years_in_full(text, 2022).into_owned();
        assert_eq!(full("21年gdp多少"), "2021年gdp多少");
        assert_eq!(full("22年的目标和21年比"), "2022年的目标和2021年比");
        assert_eq!(full("17年到21年"), "2017年到2021年");
        assert_eq!(full("比17年多了多少"), "比2017年多了多少");
        // Spans of years, years too far from the report's, and longer numbers stay as written.
        assert_eq!(full("近10年"), "近10年");
        assert_eq!(full("过去15年"), "过去15年");
        assert_eq!(full("15年来"), "15年来");
        assert_eq!(full("35年远景目标"), "35年远景目标");
        assert_eq!(full("2021年"), "2021年");
        assert_eq!(full("1.21年"), "1.21年");
        assert_eq!(take_years("2021年度财政收入").1, vec![2021]);
        assert!(!take_years("2021年度财政收入").0.contains('度'));
    }

    #[test]
    fn years_are_taken_out_of_the_text() {
        assert_eq!(
            take_years("2022年生产总值"),
            (" 生产总值".to_owned(), vec![2022])
        );
        assert_eq!(take_years("增长2022.5").1, Vec::<i32>::new());
        assert_eq!(years_in_digits("二〇二二年"), "2022年");
        assert_eq!(years_in_digits("十二五年"), "十二五年");
    }

    #[test]
    fn chinese_amounts_are_written_in_digits() {
        assert_eq!(
            amounts_in_digits("投资十亿元以上项目几个"),
            "投资10亿元以上项目几个"
        );
        assert_eq!(amounts_in_digits("九十六万吨"), "96万吨");
        assert_eq!(amounts_in_digits("养二点四万头奶牛"), "养2.4万头奶牛");
        assert_eq!(amounts_in_digits("两万户"), "2万户");
        // No count before the magnitude, or none that is a count: as written.
        for kept in [
            "不怕千万里",
            "亿元以上项目",
            "十件惠民工程",
            "三点多万",
            "打了几十万吨",
            "15万亩",
        ] {
            assert_eq!(amounts_in_digits(kept), kept);
            assert!(
                matches!(amounts_in_digits(kept), Cow::Borrowed(_)),
                "{kept}"
            );
        }
    }

    #[test]
    fn english_amounts_are_written_the_chinese_way() {
        assert_eq!(
            english_amounts("projects over 1 billion yuan"),
            "projects over 10亿元 "
        );
        assert_eq!(english_amounts("2.3 million people"), "230万  people");
        assert_eq!(english_amounts("23,000 people"), "2.3万  people");
        assert_eq!(english_amounts("500 million yuan"), "5亿元 ");
        assert_eq!(english_amounts("over 100 million yuan"), "over 亿元 ");
        assert_eq!(english_amounts("in 2021"), "in 2021");
        assert_eq!(english_amounts("g107 road"), "g107 road");
        assert_eq!(english_amounts("10亿元以上"), "10亿元以上");
    }

    fn no_word(_: &str) -> bool {
        false
    }

    #[test]
    fn an_amount_typed_without_its_yuan_gets_it_where_the_report_writes_it() {
        let money =
            written_money("引进5亿元以上项目4个,亿元以上项目15个,发电4.8亿千瓦时,5亿元投资");
        assert_eq!(money, HashSet::from(["5亿".to_owned()]));
        assert_eq!(
            money_as_written("5亿以上的项目几个", &money),
            "5亿元以上的项目几个"
        );
        assert_eq!(money_as_written("5亿元以上", &money), "5亿元以上");
        // Another amount, or one the report writes with another unit, stays as typed.
        assert_eq!(money_as_written("15亿以上", &money), "15亿以上");
        assert_eq!(money_as_written("4.8亿千瓦时", &money), "4.8亿千瓦时");
    }

    #[test]
    fn ordinals_are_taken_out_of_the_text() {
        assert_eq!(
            take_ordinal("工程第六件".to_owned(), no_word),
            ("工程 ".to_owned(), Some(6))
        );
        assert_eq!(
            take_ordinal("次第".to_owned(), no_word),
            ("次第".to_owned(), None)
        );
        assert_eq!(
            take_ordinal("十件实事里排第八的那件".to_owned(), no_word),
            ("十件实事 ".to_owned(), Some(8))
        );
        assert_eq!(
            take_ordinal("乡村振兴那节头一项任务".to_owned(), no_word),
            ("乡村振兴那节 任务".to_owned(), Some(1))
        );
        assert_eq!(
            take_ordinal("必须坚持第三条是什么".to_owned(), no_word),
            ("必须坚持 是什么".to_owned(), Some(3))
        );
    }

    #[test]
    fn counts_typed_in_words_are_read_as_the_report_writes_them() {
        let figures = written_figures("连续四年进入全国县级医院300强,城镇新增就业5700人,演出100场");
        assert_eq!(
            figures_as_written("县医院是全国三百强吗", &figures),
            "县医院是全国300强吗"
        );
        assert_eq!(
            figures_as_written("新增就业五千七百人", &figures),
            "新增就业5700人"
        );
        assert_eq!(figures_as_written("演出一百场", &figures), "演出100场");
        // Not written so in the report, a place, a rough size: as typed.
        assert_eq!(figures_as_written("十件惠民工程", &figures), "十件惠民工程");
        assert_eq!(figures_as_written("第一百场", &figures), "第一百场");
        assert_eq!(figures_as_written("几百强", &figures), "几百强");
        assert_eq!(worded_count("两千零五十"), Some(2050));
        assert_eq!(worded_count("十二"), Some(12));
        assert_eq!(worded_count("三三"), None);
        assert_eq!(worded_count("百千"), None);
    }

    #[test]
    fn a_word_that_opens_like_an_ordinal_is_no_ordinal() {
        let names_thing = |word: &str| word == "第三产业";
        assert_eq!(
            take_ordinal("第三产业增加值多少".to_owned(), names_thing),
            ("第三产业增加值多少".to_owned(), None)
        );
        assert_eq!(
            take_ordinal("第三条产业措施".to_owned(), names_thing),
            (" 产业措施".to_owned(), Some(3))
        );
    }
}
