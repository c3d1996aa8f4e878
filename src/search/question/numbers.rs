//! Numbers a question says about time and place in a list: years (2022年, 二〇二二年), which the reader
//! takes out of the text into its time frame, and ordinals (第六件), which name an item of a list.

use std::borrow::Cow;

use crate::knowledge::numerals;

/// Removes an ordinal (第六件, 第3项, 第十二个) from the text and returns its number.
pub(super) fn take_ordinal(text: String) -> (String, Option<u32>) {
    let Some(at) = text.find('第') else {
        return (text, None);
    };
    let rest = &text[at + '第'.len_utf8()..];
    let numeral: String = rest
        .chars()
        .take_while(|&c| numerals::is_numeral_char(c))
        .collect();
    let Some(number) = numerals::number(&numeral) else {
        return (text, None);
    };
    let mut end = at + '第'.len_utf8() + numeral.len();
    if let Some(measure) = text[end..]
        .chars()
        .next()
        .filter(|c| "件项个条点大批".contains(*c))
    {
        end += measure.len_utf8();
    }
    (format!("{} {}", &text[..at], &text[end..]), Some(number))
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
        if text[end..].starts_with('年') {
            end += '年'.len_utf8();
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
    fn ordinals_are_taken_out_of_the_text() {
        assert_eq!(
            take_ordinal("工程第六件".to_owned()),
            ("工程 ".to_owned(), Some(6))
        );
        assert_eq!(take_ordinal("次第".to_owned()), ("次第".to_owned(), None));
    }
}
