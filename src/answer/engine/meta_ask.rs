//! Which part of the report's front matter a question asks for (who delivered it, at which meeting, when,
//! where it was published, how long it is), when it asks about the report itself and nothing else. A field is
//! named by a cue phrase, or by a pair of cues apart in the question (`什么时候` … `公布`, `哪次` … `人代会`);
//! what is left must be filler, words for the report, or pieces of the report's own front matter
//! (`第十六届人大一次会议是哪天开的`, `侯公涛是什么职务`), so `南水北调供水厂什么时候建成` stays a content question.

use std::sync::LazyLock;

use crate::knowledge::{MetaField, ReportMeta};
use crate::search::normalize::fold_for_search;

use super::cues::Cues;
use super::leftover::{topicless, without, REPORT_WORDS};

/// What a question about the report itself asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MetaAsk {
    /// One field of `report.toml`.
    Field(MetaField),
    /// How long the report is (counted from its text).
    Length,
    /// A field of the report of the year named (西平县2021年的政府工作报告是哪天作的): this report's when the
    /// year is its own, another report's otherwise.
    OfYear(MetaField, i32),
}

/// Phrases that ask for one field of the report's front matter, lowercased and simplified.
pub(super) const META_CUES: &[(MetaField, &[&str])] = &[
    (
        MetaField::Speaker,
        &[
            "职务",
            "职位",
            "官职",
            "什么官",
            "头衔",
            "什么身份",
            "谁作",
            "谁做",
            "谁讲",
            "谁念",
            "谁宣读",
            "谁发表",
            "谁来作",
            "谁来做",
            "报告人",
            "作报告的",
            "做报告的",
            "谁的报告",
            "哪位领导",
            "谁写",
            "作者",
            "谁代表",
            "谁在会上",
            "讲话人",
            "who delivered",
            "who gave",
            "who presented",
            "who made",
            "who wrote",
            "who read",
            "speaker",
            "delivered by",
            "presented by",
            "who is the author",
            "author",
        ],
    ),
    (
        MetaField::Meeting,
        &[
            "哪次会议",
            "什么会议",
            "什么会上",
            "哪个会",
            "哪次会",
            "哪个会议",
            "什么会",
            "哪次大会",
            "什么大会",
            "哪届",
            "第几届",
            "会议上",
            "which meeting",
            "what meeting",
            "which session",
            "what session",
            "which congress",
            "congress",
            "session",
        ],
    ),
    (
        MetaField::MeetingDate,
        &[
            "什么时候作",
            "什么时候做",
            "哪天作",
            "哪天做",
            "什么时候召开",
            "何时召开",
            "哪天开",
            "什么时候开",
            "会议时间",
            "会议日期",
            "什么时间作",
            "什么时间做",
            "哪一天作",
            "哪一天做",
            "几月几号作",
            "几月几号做",
            "几号作",
            "几号做",
            "几月份做",
            "几月份作",
            "几月做",
            "几月作",
            "报告日期",
            "报告时间",
            "什么时候讲",
            "when was it delivered",
            "when delivered",
            "when was the report delivered",
            "what date",
            "which day",
            "when was the meeting",
            "date of the report",
            "report's date",
        ],
    ),
    (
        MetaField::Published,
        &[
            "什么时候发布",
            "何时发布",
            "哪天发布",
            "发布时间",
            "发布日期",
            "什么时候公布",
            "什么时候发表",
            "公布时间",
            "哪天公布",
            "什么时候上网",
            "几号发布",
            "几月几号发布",
            "什么时间发布",
            "when was it published",
            "when published",
            "publication date",
            "published on",
            "when was the report published",
        ],
    ),
    (
        MetaField::Issuer,
        &[
            "以谁的名义",
            "谁的名义",
            "什么名义",
            "哪个名义",
            "on whose behalf",
            "in whose name",
            "谁发布",
            "发布单位",
            "发布机构",
            "哪个单位发布",
            "谁发的",
            "哪个部门发布",
            "发布方",
            "谁印发",
            "who issued",
            "issued by",
            "issuer",
            "who published",
        ],
    ),
    (
        MetaField::Source,
        &[
            "哪能看到",
            "哪里能看到",
            "在哪看到",
            "哪能看",
            "能看到全文",
            "全文在哪",
            "原文在哪里",
            "read the full text",
            "来源",
            "出处",
            "在哪里可以看",
            "哪里能看",
            "哪里可以看",
            "原文在哪",
            "原文出自",
            "出自哪",
            "看到原文",
            "看原文",
            "come from",
            "comes from",
            "在哪看",
            "哪个网站",
            "什么网站",
            "在哪发布",
            "在哪里发布",
            "在哪儿发布",
            "哪里发布",
            "source",
            "where was it published",
            "where can i read",
            "where can i find",
            "which website",
        ],
    ),
    (
        MetaField::Title,
        &[
            "什么报告",
            "啥报告",
            "哪个报告",
            "哪份报告",
            "哪一年的",
            "哪年的",
            "what report",
            "which report",
            "标题",
            "题目",
            "全称",
            "叫什么名字",
            "哪一年的报告",
            "哪年的报告",
            "哪个县的",
            "哪一个县的",
            "which county",
            "which year",
            "名称是",
            "什么名称",
            "title",
            "what is the report called",
            "name of the report",
        ],
    ),
];

/// Phrases that ask how long the report is.
const LENGTH_CUES: &[&str] = &[
    "多长",
    "多少字",
    "几个字",
    "几千字",
    "几万字",
    "字数",
    "篇幅",
    "how long",
    "how many words",
    "how many characters",
    "length",
];

/// Words that ask when, for a date field named by its verb elsewhere in the question.
const WHEN_WORDS: &[&str] = &[
    "什么时候",
    "什么时间",
    "啥时候",
    "何时",
    "哪天",
    "哪一天",
    "几号",
    "几月几号",
    "几月几日",
    "日期",
    "when",
    "what date",
    "which date",
    "which day",
    "what day",
];

/// The verbs that tell which date a when-word asks for: publishing before delivering, since 发表 on a
/// website is no meeting.
const DATE_VERBS: &[(MetaField, &[&str])] = &[
    (
        MetaField::Published,
        &[
            "发布",
            "公布",
            "发表",
            "上网",
            "挂网",
            "印发",
            "published",
            "posted",
            "released",
        ],
    ),
    (
        MetaField::MeetingDate,
        &[
            "开会",
            "召开",
            "举行",
            "宣读",
            "作",
            "做",
            "讲",
            "念",
            "开",
            "delivered",
            "given",
            "read out",
            "held",
        ],
    ),
];

/// Words that ask which, for the meeting when a meeting noun is elsewhere in the question.
const WHICH_WORDS: &[&str] = &[
    "哪次",
    "哪一次",
    "哪个",
    "哪一个",
    "什么",
    "啥",
    "哪届",
    "which",
    "what",
];

/// Nouns for the meeting a report is delivered at, with the everyday short forms of 人民代表大会.
const MEETING_NOUNS: &[&str] = &[
    "人代会",
    "人大会议",
    "人大",
    "大会",
    "会议",
    "会",
    "meeting",
    "session",
    "congress",
];

/// Short forms people use for words of a report's front matter (the meeting's 人民代表大会, the issuer's
/// 县人民政府).
const SHORT_FORMS: &[(&str, &str)] = &[
    ("人大", "人民代表大会"),
    ("人代会", "人民代表大会"),
    ("县政府", "县人民政府"),
];

/// Bodies that issue documents in a county, the report's issuer among them: one named with a publishing
/// verb asks who issued the report (`是县政府发布的还是县委发布的`).
const ISSUING_BODIES: &[&str] = &[
    "县政府",
    "人民政府",
    "政府",
    "县委",
    "党委",
    "政协",
    "哪个单位",
    "哪个部门",
    "哪个机关",
];

/// How many characters of an office's end name it after a surname (`县长` of `西平县人民政府县长`, said
/// `侯县长`).
const OFFICE_SUFFIX_CHARS: usize = 2;

/// Words around a front-matter question that name no topic: where it was read or posted, asking a name.
const META_SCOPE_WORDS: &[&str] = &[
    "叫什么名字",
    "叫啥名字",
    "叫啥名",
    "叫什么名",
    "叫什么",
    "叫啥",
    "名字",
    "姓名",
    "网上",
    "网站上",
    "看到",
    "能看",
    "发的",
    "还是",
    "全文",
    "原文",
    "大概",
    "大约",
    "一共",
    "总共",
    "说的",
    "讲的",
    "念的",
    "来的",
    "full text",
    "speech",
    "about",
];

/// A piece of a front-matter value this long in a question names the report's own front matter (its
/// speaker, meeting, issuer); one character would match almost any word.
const MIN_FRONT_CHARS: usize = 2;

/// The key of each cue of the one table searched for front-matter questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Field(MetaField),
    Length,
    When,
    DateVerb(MetaField),
    Which,
    MeetingNoun,
    IssuingBody,
}

fn table() -> Vec<(Cue, &'static [&'static str])> {
    let mut table: Vec<(Cue, &'static [&'static str])> = META_CUES
        .iter()
        .map(|(field, cues)| (Cue::Field(*field), *cues))
        .collect();
    table.push((Cue::Length, LENGTH_CUES));
    table.push((Cue::When, WHEN_WORDS));
    table.extend(
        DATE_VERBS
            .iter()
            .map(|(field, verbs)| (Cue::DateVerb(*field), *verbs)),
    );
    table.push((Cue::Which, WHICH_WORDS));
    table.push((Cue::MeetingNoun, MEETING_NOUNS));
    table.push((Cue::IssuingBody, ISSUING_BODIES));
    table
}

/// The pieces of the report's front matter a question may name without leaving the report, each under the
/// field it is the value of, folded as questions are, with the short forms of their words.
pub(super) fn front_words(meta: &ReportMeta) -> Vec<(MetaField, String)> {
    let fields = [
        MetaField::Title,
        MetaField::Speaker,
        MetaField::Meeting,
        MetaField::Issuer,
        MetaField::Source,
    ];
    let mut words: Vec<(MetaField, String)> = fields
        .iter()
        .map(|&field| (field, fold_for_search(&meta.field(field))))
        .collect();
    words.extend(surname_and_office(&meta.speaker).map(|word| (MetaField::Speaker, word)));
    for (short, long) in SHORT_FORMS {
        words.extend(
            fields
                .iter()
                .filter(|&&field| meta.field(field).contains(long))
                .map(|&field| (field, (*short).to_owned())),
        );
    }
    words
}

/// How people name a speaker written `<office> <name>`: the surname and the office's end (`侯县长`).
fn surname_and_office(speaker: &str) -> Option<String> {
    let (office, name) = speaker.trim().rsplit_once(char::is_whitespace)?;
    let surname = name.trim().chars().next()?;
    let office: Vec<char> = office.trim().chars().collect();
    let end: String = office[office.len().checked_sub(OFFICE_SUFFIX_CHARS)?..]
        .iter()
        .collect();
    Some(fold_for_search(&format!("{surname}{end}")))
}

/// Whose values a question asking for `asked` may name: the title always, and the field itself or the one it
/// dates (`第十六届人大一次会议是哪天开的` names the meeting), and the speaker when the meeting or its day is
/// asked (`侯县长这个报告是几月几号做的`). `西平县县长叫什么名字` names the speaker's office while asking a
/// title cue, so it is no question about the report.
fn may_name(asked: MetaAsk, named: MetaField) -> bool {
    let at_meeting = matches!(
        asked,
        MetaAsk::Field(MetaField::MeetingDate | MetaField::Meeting)
            | MetaAsk::OfYear(MetaField::MeetingDate | MetaField::Meeting, _)
    );
    let own = match asked {
        MetaAsk::Field(MetaField::MeetingDate) | MetaAsk::OfYear(MetaField::MeetingDate, _) => {
            MetaField::Meeting
        }
        MetaAsk::Field(MetaField::Published) | MetaAsk::OfYear(MetaField::Published, _) => {
            MetaField::Issuer
        }
        MetaAsk::Field(field) | MetaAsk::OfYear(field, _) => field,
        MetaAsk::Length => MetaField::Title,
    };
    named == MetaField::Title || named == own || (at_meeting && named == MetaField::Speaker)
}

/// What a question asks about the report itself, when it asks nothing else: `这份报告是谁作的` does,
/// `南水北调供水厂什么时候建成` does not. `front` is [`front_words`] of the report asked about.
pub(super) fn meta_ask(normalized: &str, front: &[(MetaField, String)]) -> Option<MetaAsk> {
    static CUES: LazyLock<Cues<Cue>> = LazyLock::new(|| Cues::new(&table()));
    let found = CUES.found(normalized);
    let has = |wanted: Cue| found.iter().any(|(cue, _)| *cue == wanted);
    let direct = found.iter().find_map(|(cue, _)| match cue {
        Cue::Field(field) => Some(MetaAsk::Field(*field)),
        Cue::Length => Some(MetaAsk::Length),
        _ => None,
    });
    let dated = || {
        DATE_VERBS
            .iter()
            .find(|(field, _)| has(Cue::When) && has(Cue::DateVerb(*field)))
            .map(|(field, _)| MetaAsk::Field(*field))
    };
    let meeting =
        || (has(Cue::Which) && has(Cue::MeetingNoun)).then_some(MetaAsk::Field(MetaField::Meeting));
    let issuer = || {
        (has(Cue::IssuingBody) && has(Cue::DateVerb(MetaField::Published)) && !has(Cue::When))
            .then_some(MetaAsk::Field(MetaField::Issuer))
    };
    let asked = direct.or_else(dated).or_else(meeting).or_else(issuer)?;
    let rest = without(
        normalized,
        found
            .iter()
            .map(|(_, cue)| *cue)
            .chain(REPORT_WORDS.iter().copied())
            .chain(META_SCOPE_WORDS.iter().copied()),
    );
    let named: Vec<&str> = front
        .iter()
        .filter(|(field, _)| may_name(asked, *field))
        .map(|(_, value)| value.as_str())
        .collect();
    let rest = without_front(&rest, &named);
    if topicless(&rest) {
        return Some(asked);
    }
    let (year, rest) = take_year(&rest)?;
    match asked {
        MetaAsk::Field(field) if topicless(&rest) => Some(MetaAsk::OfYear(field, year)),
        _ => None,
    }
}

/// The one four-digit year (2021年) in `rest` and `rest` without it.
fn take_year(rest: &str) -> Option<(i32, String)> {
    let digits: Vec<(usize, char)> = rest.char_indices().collect();
    let start = digits
        .windows(4)
        .position(|run| run.iter().all(|(_, c)| c.is_ascii_digit()))?;
    let at = digits[start].0;
    let year: i32 = rest.get(at..at + 4)?.parse().ok()?;
    let after = rest.get(at + 4..)?;
    let after = after.strip_prefix('年').unwrap_or(after);
    if after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((year, format!("{} {after}", &rest[..at])))
}

/// `rest` with every run of letters that is a piece of a front-matter value replaced by a space.
pub(super) fn without_front(rest: &str, front: &[&str]) -> String {
    let chars: Vec<char> = rest.chars().collect();
    // Grown one letter at a time: a piece no value has has no longer piece a value has.
    let piece_at = |start: usize| {
        let mut piece = String::new();
        let mut end = start;
        for &c in chars[start..].iter().take_while(|c| c.is_alphabetic()) {
            piece.push(c);
            if !front.iter().any(|value| value.contains(piece.as_str())) {
                break;
            }
            end += 1;
        }
        (end - start >= MIN_FRONT_CHARS).then_some(end)
    };
    let mut out = String::with_capacity(rest.len());
    let mut at = 0;
    while at < chars.len() {
        match piece_at(at) {
            Some(end) => {
                out.push(' ');
                at = end;
            }
            None => {
                out.push(chars[at]);
                at += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
