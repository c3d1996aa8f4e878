//! Chinese numerals as the report and its readers write them: counts and ordinals up to 九十九 (三, 十二,
//! 两) in part and section headings and in questions (第六件), and the digit-by-digit form of years
//! (二〇二二). The one place either is read.

/// The characters a count or ordinal may be written in: ASCII digits and the Chinese numerals up to 十.
pub fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十两".contains(c)
}

/// A count or ordinal from 1 to 99: `7`, `六`, `十二`, `二十`, `两` (as 二). Zero and anything else is
/// `None`.
pub fn number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().filter(|&n| n > 0);
    }
    let digit = |c: char| digit(c).filter(|&d| d > 0);
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '两' { '二' } else { c })
        .collect();
    match chars[..] {
        ['十'] => Some(10),
        [d] => digit(d),
        ['十', d] => Some(10 + digit(d)?),
        [t, '十'] => Some(10 * digit(t)?),
        [t, '十', d] => Some(10 * digit(t)? + digit(d)?),
        _ => None,
    }
}

/// A count from 1 to 10 as a counted name writes it (`三大保卫战`): `None` beyond.
pub fn written(n: u32) -> Option<char> {
    "一二三四五六七八九十"
        .chars()
        .nth((n as usize).checked_sub(1)?)
}

/// One digit of a year written out (二〇二二): 〇 or 零 is 0, 一 to 九 are 1 to 9.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|at| at as u32 + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_ordinals() {
        assert_eq!(number("三"), Some(3));
        assert_eq!(number("十"), Some(10));
        assert_eq!(number("十二"), Some(12));
        assert_eq!(number("二十"), Some(20));
        assert_eq!(number("二十一"), Some(21));
        assert_eq!(number("两"), Some(2));
        assert_eq!(number("7"), Some(7));
        assert_eq!(number("12"), Some(12));
    }

    #[test]
    fn zero_and_other_text_are_no_number() {
        for text in ["零", "〇", "0", "", "十十", "一百", "1二", "次"] {
            assert_eq!(number(text), None, "{text}");
        }
    }

    #[test]
    fn year_digits() {
        let digits: Vec<_> = "二〇二二零九".chars().map(digit).collect();
        assert_eq!(
            digits,
            [Some(2), Some(0), Some(2), Some(2), Some(0), Some(9)]
        );
        assert_eq!(digit('十'), None);
    }
}
