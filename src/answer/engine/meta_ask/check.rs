//! Yes/no and either-or checks of the report's front matter (报告人是县委书记吗, 是4月20号作的吗, 是在第十五届
//! 人大上作的吗, 发言的是县长还是书记): such a question names a value instead of asking for one, and the value's
//! kind says which field is checked — an office is the speaker's, a day a date, an ordinal of a session the
//! meeting. It is answered with the report's own value, which says whether the one checked is right. The
//! values checked are read as kinds (an office title, `第…届`, `…月…日`), never as the report's answers.

use crate::knowledge::numerals::is_numeral_char;
use crate::knowledge::MetaField;

use super::super::leftover::without;
use super::super::scope::names_word;
use super::MetaAsk;

/// Titles of the heads of local governments and Party committees and of their offices: the class a report's
/// speaker belongs to, so a check may name any of them (是县委书记吗) and be answered with the speaker's own.
pub(super) const OFFICES: &[&str] = &[
    "县委书记",
    "市委书记",
    "省委书记",
    "副书记",
    "书记",
    "常务副县长",
    "副县长",
    "县长",
    "副市长",
    "市长",
    "省长",
    "区长",
    "乡长",
    "镇长",
    "主任",
    "局长",
    "county party secretary",
    "party secretary",
    "secretary",
    "county head",
    "county magistrate",
    "magistrate",
    "mayor",
    "governor",
];

/// Governments by their level (县政府, 市里, 省级; English in [`ENGLISH_LEVELS`]): the class a report's issuer belongs to, so an
/// either-or check of the level (这是县政府的还是市政府的) is answered with the issuer.
const LEVEL_BODIES: &[&str] = &[
    "省政府",
    "市政府",
    "县政府",
    "区政府",
    "乡政府",
    "镇政府",
    "国务院",
    "省里",
    "市里",
    "县里",
    "乡里",
    "镇里",
    "省级",
    "市级",
    "县级",
    "乡级",
    "镇级",
];

/// English words for a government's level: a level body in an either-or check, and a piece to strip.
const ENGLISH_LEVELS: &[&str] = &[
    "province",
    "provincial",
    "city",
    "municipal",
    "county",
    "township",
];

/// The pieces a level names once the words for a government are gone (the 市 of 市政府, 级 of 县级):
/// stripped only from an either-or check of the issuer, where they name no topic.
const LEVEL_PIECES: &[&str] = &[
    "省",
    "市",
    "县",
    "区",
    "乡",
    "镇",
    "级",
    "里",
    "level",
    "government",
];

/// Kinds of meeting a report could be delivered at (人代会, 党代会, 政协会议): the class a report's meeting
/// belongs to, so an either-or check of the kind (在人代会上还是党代会上作的) is answered with the meeting.
const MEETING_KINDS: &[&str] = &[
    "人代会",
    "人大会议",
    "党代会",
    "政协会议",
    "政协会",
    "常委会",
    "两会",
    "party congress",
    "people's congress",
    "cppcc",
];

/// English verbs that open a yes/no question (`Is the speaker …?`, `Was it published …?`).
const ENGLISH_CHECK_OPENERS: &[&str] = &["is", "was", "are", "were", "did", "does", "do"];

/// The counters of an ordinal of a session (`第十五届`, `第二次`).
const ORDINAL_COUNTERS: &[char] = &['届', '次'];

/// What closes a day of the month (`20号`, `20日`).
const DAY_CLOSERS: &[char] = &['号', '日'];

/// Whether the question checks a value: a check word of its own (吗, 是不是, 还是) or, in English, a
/// question opened by a verb.
pub(super) fn is_check(plain: &str, has_check_word: bool) -> bool {
    has_check_word
        || plain
            .split(|c: char| !c.is_ascii_alphanumeric())
            .find(|word| !word.is_empty())
            .is_some_and(|first| ENGLISH_CHECK_OPENERS.contains(&first))
}

/// What a check with no asking word checks, from the kind of value it names: the speaker's name or an
/// office is the speaker, an ordinal of a session the meeting, a day the date it was made or published
/// (`published` says an act of publishing is named). `None` when it names no value of a field.
pub(super) fn checked_field(plain: &str, names_speaker: bool, published: bool) -> Option<MetaAsk> {
    let field = if names_speaker || OFFICES.iter().any(|office| names_word(plain, office)) {
        MetaField::Speaker
    } else if LEVEL_BODIES
        .iter()
        .chain(ENGLISH_LEVELS)
        .any(|body| names_word(plain, body))
    {
        MetaField::Issuer
    } else if !runs(plain, ordinal_end).is_empty()
        || MEETING_KINDS.iter().any(|kind| names_word(plain, kind))
    {
        MetaField::Meeting
    } else if !runs(plain, day_end).is_empty() {
        if published {
            MetaField::Published
        } else {
            MetaField::MeetingDate
        }
    } else {
        return None;
    };
    Some(MetaAsk::Field(field))
}

/// `rest` without the pieces of values a check of `asked` may name, when `checks`: a level's letters for the
/// issuer, ordinals of a session for the meeting; and the days a date or the meeting is asked with (四月几号,
/// 4月20号开的是什么会). Asked outright, another office or session is a question about that one
/// (西平县委书记是什么职务), so [`without_checked_words`] strips offices only from a check.
pub(super) fn without_checked(rest: &str, asked: MetaAsk, checks: bool) -> String {
    let field = match asked {
        MetaAsk::Field(field) | MetaAsk::OfYear(field, _) => field,
        MetaAsk::PublishedAfter => MetaField::Published,
        MetaAsk::Length | MetaAsk::Period | MetaAsk::Unheld | MetaAsk::Addressee => {
            return rest.to_owned()
        }
    };
    match field {
        MetaField::Issuer if checks => without(
            rest,
            LEVEL_PIECES
                .iter()
                .chain(ENGLISH_LEVELS)
                .copied()
                .filter(|piece| names_word(rest, piece)),
        ),
        MetaField::Meeting if checks => without_runs(&without_runs(rest, ordinal_end), day_end),
        // A day named in asking the meeting or a date is the report's own (4月20号开的是什么会, 四月几号开的).
        MetaField::Meeting | MetaField::MeetingDate | MetaField::Published => {
            without_runs(rest, day_end)
        }
        _ => rest.to_owned(),
    }
}

/// `plain` without the whole words of a value a check of `asked` names, when `checks`: the offices for the
/// speaker (县委书记, 副县长), the kinds of meeting for the meeting (党代会). Done before the classes' words
/// are stripped, as those may be pieces of them (the 会上 of 党代会上).
pub(super) fn without_checked_words(plain: &str, asked: MetaAsk, checks: bool) -> String {
    let words = match asked {
        MetaAsk::Field(MetaField::Speaker) | MetaAsk::OfYear(MetaField::Speaker, _) => OFFICES,
        MetaAsk::Field(MetaField::Meeting) | MetaAsk::OfYear(MetaField::Meeting, _) => {
            MEETING_KINDS
        }
        _ => return plain.to_owned(),
    };
    if !checks {
        return plain.to_owned();
    }
    without(
        plain,
        words.iter().copied().filter(|word| names_word(plain, word)),
    )
}

/// Where an ordinal of a session starting at `start` ends (`第十五届`, `十五届`, `第2次`).
fn ordinal_end(chars: &[char], start: usize) -> Option<usize> {
    let from = start + usize::from(chars.get(start) == Some(&'第'));
    let digits = numeral_run(chars, from);
    (digits > 0
        && chars
            .get(from + digits)
            .is_some_and(|c| ORDINAL_COUNTERS.contains(c)))
    .then_some(from + digits + 1)
}

/// Where a day starting at `start` ends (`4月20号`, `四月二十日`, `20号`, `2022年4月20日`).
fn day_end(chars: &[char], start: usize) -> Option<usize> {
    let mut month = numeral_run(chars, start);
    if month == 0 {
        return None;
    }
    if chars.get(start + month) == Some(&'年') {
        let year = month + 1;
        month = numeral_run(chars, start + year);
        if month == 0 {
            return None;
        }
        month += year;
    }
    let mut at = start + month;
    if chars.get(at) == Some(&'月') {
        at += 1;
        let day = numeral_run(chars, at);
        if day == 0 {
            return Some(at);
        }
        at += day;
    }
    chars
        .get(at)
        .is_some_and(|c| DAY_CLOSERS.contains(c))
        .then_some(at + 1)
}

/// How many numerals (digits or Chinese numerals) stand in a row from `start`.
fn numeral_run(chars: &[char], start: usize) -> usize {
    chars
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&c| is_numeral_char(c))
        .count()
}

/// The runs `end_at` finds in `text`, as (start, end) character positions.
fn runs(text: &str, end_at: fn(&[char], usize) -> Option<usize>) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        match end_at(&chars, at) {
            Some(end) => {
                found.push((at, end));
                at = end;
            }
            None => at += 1,
        }
    }
    found
}

/// `text` with each run `end_at` finds replaced by a space.
fn without_runs(text: &str, end_at: fn(&[char], usize) -> Option<usize>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in runs(text, end_at) {
        out.extend(&chars[at..start]);
        out.push(' ');
        at = end;
    }
    out.extend(&chars[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_names_a_value_of_one_field_kind() {
        let speaker = Some(MetaAsk::Field(MetaField::Speaker));
        assert_eq!(checked_field("报告是县长作的吗", false, false), speaker);
        assert_eq!(checked_field("是不是侯公涛作的", true, false), speaker);
        assert_eq!(
            checked_field("是在第十五届人大上作的吗", false, false),
            Some(MetaAsk::Field(MetaField::Meeting))
        );
        assert_eq!(
            checked_field("报告是4月21日发布的吗", false, true),
            Some(MetaAsk::Field(MetaField::Published))
        );
        assert_eq!(
            checked_field("报告是四月二十号作的吗", false, false),
            Some(MetaAsk::Field(MetaField::MeetingDate))
        );
        assert_eq!(checked_field("报告讲了乡村振兴吗", false, false), None);
        assert_eq!(checked_field("is it the head of state", false, false), None);
    }

    #[test]
    fn the_value_checked_is_no_topic() {
        let meeting = MetaAsk::Field(MetaField::Meeting);
        assert_eq!(without_checked("在第十五届上", meeting, true), "在 上");
        // Asked outright, another session's ordinal is a question about that session.
        assert_eq!(without_checked("第十五届", meeting, false), "第十五届");
        let date = MetaAsk::Field(MetaField::MeetingDate);
        assert_eq!(without_checked("是4月20号吗", date, true), "是 吗");
        // A day asked with (四月几号) or naming the meeting asked (2022年4月20号开的是什么会) is the report's own.
        assert_eq!(without_checked("四月几号", date, false), " 几号");
        assert_eq!(
            without_checked("2022年4月20号那天", meeting, false),
            " 那天"
        );
        assert_eq!(without_checked("2020年", date, false), "2020年");
        let speaker = MetaAsk::Field(MetaField::Speaker);
        assert_eq!(
            without_checked_words("是县委书记吗", speaker, true),
            "是 吗"
        );
        assert_eq!(
            without_checked_words("is the mayor", speaker, true),
            "is the  "
        );
        assert_eq!(without_checked_words("mayors", speaker, true), "mayors");
        assert_eq!(
            without_checked_words("县委书记", speaker, false),
            "县委书记"
        );
        // Whole words go before the classes' pieces: 副县长 whole, the 会上 of 党代会上 with it.
        assert_eq!(
            without_checked_words("县长还是副县长", speaker, true),
            " 还是 "
        );
        assert_eq!(
            without_checked_words("人代会上还是党代会上", meeting, true),
            " 上还是 上"
        );
    }

    #[test]
    fn a_level_of_government_checks_the_issuer() {
        let issuer = Some(MetaAsk::Field(MetaField::Issuer));
        assert_eq!(
            checked_field("这是县政府的报告还是市政府的", false, false),
            issuer
        );
        assert_eq!(checked_field("是县里的还是市里的", false, false), issuer);
        assert_eq!(
            checked_field("is this a county or a city report", false, false),
            issuer
        );
        assert_eq!(
            checked_field("报告是县长作的还是书记作的", false, false),
            Some(MetaAsk::Field(MetaField::Speaker))
        );
        let asked = MetaAsk::Field(MetaField::Issuer);
        assert_eq!(
            without_checked("是 的 还是市 的", asked, true).trim_end(),
            "是 的 还是  的"
        );
        assert_eq!(without_checked("市场", asked, false), "市场");
    }

    #[test]
    fn english_checks_open_with_a_verb() {
        assert!(is_check("is the speaker the mayor?", false));
        assert!(!is_check("who is the speaker?", false));
        assert!(is_check("报告人是县长吗", true));
    }
}
