//! Which part of the report's front matter a question asks for (who delivered it, at which meeting, when,
//! where it was published, how long it is), when it asks about the report itself and nothing else. A question
//! is read as classes of words ([`words`]): what is asked (a person, a time, a place, which one, a size) and
//! what of the report it is asked of (delivering it, publishing it, finding it, its meeting, its name), and
//! the field is where the two meet (`什么时候` × `公布` is the publication date, `哪` × `会` the meeting). What
//! is left must be filler, words for the report, or pieces of the report's own front matter
//! (`第十六届人大一次会议是哪天开的`, `侯公涛是什么职务`), so `南水北调供水厂什么时候建成` stays a content question.

use std::sync::LazyLock;

use crate::knowledge::MetaField;

use super::cues::Cues;
use super::leftover::{topicless, without, REPORT_WORDS};
use front::{
    with_opening_said_plainly, with_report_said_plainly, with_speaker_named, MIN_FRONT_CHARS,
};
pub(super) use front::{without_front, FrontWords};
use words::{Word, NOT_CUES, WORDS};

mod check;
mod clauses;
mod front;
mod words;

/// What a question about the report itself asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MetaAsk {
    /// One field of `report.toml`.
    Field(MetaField),
    /// How long the report is (counted from its text).
    Length,
    /// Which years the report looks back on (from its review's own opening).
    Period,
    /// Whom the report is addressed to and asks to review it (its meeting, and its own opening lines).
    Addressee,
    /// A fact of the report's making its front matter does not hold (how long the meeting lasted, when the
    /// next one is held): refused, never answered with a field.
    Unheld,
    /// How many days after the report was made it was published (隔了几天, 第二天就发布了吗): the
    /// publication date, with the days between it and the meeting's.
    PublishedAfter,
    /// A field of the report of the year named (西平县2021年的政府工作报告是哪天作的): this report's when the
    /// year is its own, another report's otherwise.
    OfYear(MetaField, i32),
}

/// Words around a front-matter question that name no topic: where it was read or posted, asking a name and
/// its qualifiers (正式, official), forms of address (同志), modal verbs (可以, 想), a quantity's question word
/// once a size is asked, the bot's own answering, the work reported and the county's own level (县人大), the
/// prepositions and light verbs of making a report (以…名义, 由谁来作, 代表…作).
const META_SCOPE_WORDS: &[&str] = &[
    // Between two acts (开会和发布中间隔了几天): no asking word, as 间 would be read for a pinyin jian (建).
    "中间",
    "间隔",
    // This year's report (今年的政府工作报告) is the report: its year is the one the report plans for.
    "今年",
    // The speaker's office in English (the county head delivered it): named, not asked.
    "county head",
    "head of the county",
    "county magistrate",
    "county mayor",
    "magistrate",
    "mayor",
    // Made public to all (对外发布), first and foremost (originally published).
    "对外",
    "originally",
    "分别",
    "具体",
    // Besides the deputies (除了人大代表还请哪些人), when making it (作报告时): no topic.
    "除了",
    "时",
    "门户",
    "来着",
    "到",
    "那个人",
    "这个人",
    "那位",
    "他",
    "她",
    "叫",
    "那天",
    "当天",
    "完",
    "以后",
    "之后",
    "叫什么名字",
    "叫啥名字",
    "叫啥名",
    "叫什么名",
    "叫什么",
    "叫啥",
    "名字",
    "同志",
    "本人",
    "当时",
    "它",
    "正式",
    "完整",
    "官方",
    "县人大",
    "县人代会",
    "县里",
    "就",
    "还",
    "下面",
    "里面",
    "under",
    "到网上",
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
    "可以",
    "能够",
    "的人",
    "代表",
    "来",
    "以",
    "想要",
    "想",
    "多少",
    "多大",
    "关于",
    "回答",
    "full text",
    "full",
    "exact",
    "original",
    "complete",
    "chinese",
    "county",
    "hold",
    "holds",
    "official",
    "formal",
    "speech",
    "about",
    "answering",
    "answer",
];

/// What a review looks back on, said with the span asked (哪几年的工作): no topic once the years reviewed
/// are asked, though `工作` alone is one (哪里能找到工作).
const REVIEWED_WORDS: &[&str] = &["工作", "成绩", "work", "cover", "covers", "covered"];

/// What a report plans, said with its year asked (安排的是哪一年的工作): no topic once the report's own year
/// is asked, which its title says.
const PLANNED_WORDS: &[&str] = &[
    "工作安排",
    "安排",
    "部署",
    "规划",
    "计划",
    "工作",
    "plan",
    "plans",
    "work",
    "for",
];

/// The report's opening, where it says whom it addresses (报告开头是讲给谁听的), and its saying so (开头说):
/// no topic once its addressee is asked.
const OPENING_WORDS: &[&str] = &["开头", "开篇", "一开始", "开场", "说", "opening", "begins"];

/// Why and how an asker asks, said around a question about the report (写论文要引用, 我是记者想核实一下,
/// 麻烦给一下): a purpose or a request names no topic of the report.
const ASKER_WORDS: &[&str] = &[
    "毕业论文",
    "论文",
    "写作业",
    "作业",
    "引用",
    "注明",
    "记者",
    "老师",
    "核实",
    "确认",
    "想知道",
    "告诉我",
    "给一下",
    "给我",
    "一下",
    "要",
];

/// Whose values a question asking for `asked` may name: the title always, and the field itself or the one it
/// dates (`第十六届人大一次会议是哪天开的` names the meeting), the meeting when who made or published the
/// report is asked, and the speaker when the meeting, its day or on whose behalf (县长代表谁) is
/// asked (`侯县长这个报告是几月几号做的`). `西平县县长叫什么名字` names the speaker's office while asking a
/// title cue, so it is no question about the report.
fn may_name(asked: MetaAsk, named: MetaField) -> bool {
    let at_meeting = matches!(
        asked,
        MetaAsk::Field(MetaField::MeetingDate | MetaField::Meeting)
            | MetaAsk::OfYear(MetaField::MeetingDate | MetaField::Meeting, _)
            | MetaAsk::PublishedAfter
            | MetaAsk::Field(MetaField::Issuer)
    );
    let own = match asked {
        MetaAsk::Field(MetaField::MeetingDate) | MetaAsk::OfYear(MetaField::MeetingDate, _) => {
            MetaField::Meeting
        }
        MetaAsk::Field(MetaField::Published)
        | MetaAsk::OfYear(MetaField::Published, _)
        | MetaAsk::PublishedAfter => MetaField::Issuer,
        MetaAsk::Field(field) | MetaAsk::OfYear(field, _) => field,
        MetaAsk::Addressee => MetaField::Meeting,
        MetaAsk::Length | MetaAsk::Period | MetaAsk::Unheld => MetaField::Title,
    };
    // The report is known by its meeting as well as its title (十六届人大一次会议上谁作的报告), but a size
    // asked with the meeting named is the meeting's (人大一次会议有多少代表), not the report's.
    let known_by_meeting = named == MetaField::Meeting
        && matches!(
            asked,
            MetaAsk::Field(
                MetaField::Speaker | MetaField::Issuer | MetaField::Published | MetaField::Source
            )
        );
    named == MetaField::Title
        || named == own
        || known_by_meeting
        || (at_meeting && named == MetaField::Speaker)
}

/// The field the classes found in a question meet on, most specific first: a size, a role or a name asked
/// outright, then a time (of publishing, else of the meeting), an origin, a place (of publishing or finding
/// the text, else of the meeting), a body, a person (who published, else who delivered), which meeting or
/// which report. A content word leaves the question to the search; a span of time is the years a review covers
/// when a review is named, else (like another occasion than the report's own: 下一次人代会) a fact no field
/// holds. A person or a report asked with no act and no document named (`县长是谁`) is no question
/// about the report; the speaker's own name asked who or what office (`侯公涛是干什么的`) is.
/// `which_document` says a which-word stands right before a word for the report (`啥报告`, `which
/// report`): the report is asked for even when a verb names it (`你讲的是啥报告`).
fn field_of(
    has: impl Fn(Word) -> bool,
    which_document: bool,
    names_speaker: bool,
) -> Option<MetaAsk> {
    use Word::*;
    let field = |field| Some(MetaAsk::Field(field));
    let acted = has(Deliver) || has(Publish) || has(Access);
    let of_report = has(Document) || acted || has(Meeting);
    if has(Content) {
        None
    } else if has(Opening) {
        Some(MetaAsk::Addressee)
    } else if has(Addressee) {
        of_report.then_some(MetaAsk::Addressee)
    } else if has(Gap) && (has(Publish) || has(Access)) {
        Some(MetaAsk::PublishedAfter)
    } else if has(Behalf) {
        // 县长是代表谁作的报告 asks on whose behalf, though it names the speaker's role.
        field(MetaField::Issuer)
    } else if has(Review) && (has(Span) || has(Time) || has(Which)) {
        Some(MetaAsk::Period)
    } else if has(Span) || has(Other) {
        of_report.then_some(MetaAsk::Unheld)
    } else if names_speaker && (which_document || has(Name) && has(Document)) {
        // 侯公涛作的报告题目是什么, What report did Hou Gongtao deliver: the speaker named, his report's
        // title asked.
        field(MetaField::Title)
    } else if names_speaker
        && (has(Person)
            || has(Role)
            || (has(Whose) && !has(Document))
            || (has(Which)
                && ![Meeting, Time, Place, Publish, Access, Origin]
                    .into_iter()
                    .any(&has)))
    {
        // 侯公涛是干什么的 and 侯公涛是哪个县的县长 ask the speaker; 侯公涛在哪个会上作的报告 asks the
        // meeting and 侯县长作的是哪一年的报告 the report, not him.
        field(MetaField::Speaker)
    } else if has(Size) {
        Some(MetaAsk::Length)
    } else if has(Role) {
        field(MetaField::Speaker)
    } else if has(Name) {
        // The meeting's name, the name of the one who made it (作报告的县长叫啥), else the report's.
        field(if has(Meeting) {
            MetaField::Meeting
        } else if has(Deliver) || has(Person) {
            MetaField::Speaker
        } else {
            MetaField::Title
        })
    } else if has(Whose) {
        field(MetaField::Title)
    } else if has(Time) {
        if has(Publish) || has(Access) {
            field(MetaField::Published)
        } else if has(Deliver) || has(Meeting) || has(Document) {
            field(MetaField::MeetingDate)
        } else {
            None
        }
    } else if has(Origin) {
        // 出自哪个会议 is the meeting; 出自哪里 the text's source.
        field(if has(Meeting) {
            MetaField::Meeting
        } else {
            MetaField::Source
        })
    } else if has(Place) {
        if has(Publish) || has(Access) {
            field(MetaField::Source)
        } else if has(Meeting) || has(Deliver) {
            field(MetaField::Meeting)
        } else {
            None
        }
    } else if has(Body) && (has(Which) || has(Publish) || (has(Person) && !has(Deliver))) {
        field(MetaField::Issuer)
    } else if has(Person) {
        if has(Publish) {
            field(MetaField::Issuer)
        } else if has(Meeting) && !has(Deliver) {
            // Who deliberates it (谁审议这个报告) is its meeting, not its speaker.
            field(MetaField::Meeting)
        } else if acted || has(Document) {
            field(MetaField::Speaker)
        } else {
            None
        }
    } else if has(Which) && has(Meeting) {
        field(MetaField::Meeting)
    } else if which_document || (has(Which) && has(Document) && !acted) {
        field(MetaField::Title)
    } else {
        None
    }
}

/// The deputy's mark before an office (副县长, 常务副县长): another person than the one holding the office.
const DEPUTY: char = '副';

/// The speaker's office said alone and asked who holds it or their name (县长是谁, 恁县长叫啥, 西平县县长叫什么
/// 名字): the report names one holder of it, its speaker, who held it when the report was made. A deputy
/// (副县长是谁) is someone else, and a question asking anything besides (县长什么时候作的报告, 县长多大年纪) is
/// read by the other classes.
fn office_asked(plain: &str, front: &FrontWords, has: impl Fn(Word) -> bool) -> Option<MetaAsk> {
    use Word::*;
    let office = front.office.as_deref()?;
    let alone = plain
        .match_indices(office)
        .all(|(at, _)| !plain[..at].ends_with(DEPUTY));
    let asks_who = has(Person) || has(Name);
    let asks_more = [
        Time, Place, Size, Deliver, Publish, Access, Meeting, Document, Content, Span, Other, Check,
    ]
    .into_iter()
    .any(has);
    (plain.contains(office) && alone && asks_who && !asks_more)
        .then_some(MetaAsk::Field(MetaField::Speaker))
}

/// What a check asking no field outright checks ([`check::checked_field`]; else the meeting it names, else
/// the report's year or county, which its title holds), when it is about the report: it names the report, an act of
/// making or publishing it, its meeting or its speaker's role (`这个报告是县长作的吗`, not `县长是书记吗`), and
/// asks nothing of its content.
fn checked(
    plain: &str,
    has: impl Fn(Word) -> bool,
    names_speaker: bool,
    front: &FrontWords,
) -> Option<MetaAsk> {
    use Word::*;
    let of_report = names_speaker
        || [Document, Deliver, Publish, Meeting, Role]
            .into_iter()
            .any(&has);
    if !of_report || has(Content) || has(Span) {
        return None;
    }
    check::checked_field(plain, names_speaker, has(Publish) || has(Access))
        .or_else(|| has(Meeting).then_some(MetaAsk::Field(MetaField::Meeting)))
        .or_else(|| {
            (take_year(plain).is_some() || names_title(plain, front))
                .then_some(MetaAsk::Field(MetaField::Title))
        })
}

/// Whether a question names a piece of the report's title besides the words for a report (这份报告是西平县的
/// 吗): a check of the report's own county or year, answered with its title.
fn names_title(plain: &str, front: &FrontWords) -> bool {
    let bare = without(plain, REPORT_WORDS.iter().copied());
    let title: Vec<&str> = front
        .values
        .iter()
        .filter(|(field, _)| *field == MetaField::Title)
        .map(|(_, value)| value.as_str())
        .collect();
    without_front(&bare, &title) != bare
}

/// What a question asks about the report itself, when it asks nothing else: `这份报告是谁作的` does,
/// `南水北调供水厂什么时候建成` does not. `front` is the [`FrontWords`] of the report asked about.
/// The words of the classes a question about the report is asked in (发布, 哪天, 作), and the offices a
/// check names (是县长还是副县长): a question typed in pinyin asks in them too, and reads a deputy's office
/// (fu xianzhang) as the office it is, never as the speaker's.
pub(super) fn asking_words() -> impl Iterator<Item = &'static str> {
    WORDS
        .iter()
        .flat_map(|(_, words)| words.iter().copied())
        .chain(check::OFFICES.iter().copied())
}

/// The classes that ask for a value: a question may ask two at once (谁在什么会上作的, 在哪个会上，哪天).
const ASKING: &[Word] = &[Word::Person, Word::Time, Word::Place, Word::Which];

/// Conjunctions joining two things asked (题目和作者, 发布时间以及会议时间).
const CONJUNCTIONS: &[&str] = &["以及", "还有", "和", "与", "跟"];

/// The clauses of a folded question (在哪个会议上作的报告，哪天): folding leaves its punctuation a blank,
/// which after a Chinese letter ends a clause, as a conjunction does; English words stay one clause.
fn clauses(plain: &str) -> Vec<String> {
    let mut last = ' ';
    let cut = plain.split(move |c: char| {
        let cut = c == ' ' && !last.is_ascii();
        last = c;
        cut
    });
    cut.flat_map(|clause| {
        CONJUNCTIONS
            .iter()
            .fold(clause.to_owned(), |text, word| text.replace(word, "\n"))
            .split('\n')
            .map(str::to_owned)
            .collect::<Vec<_>>()
    })
    .filter(|clause| !clause.trim().is_empty())
    .collect()
}

/// The word classes found in `text`, each with its word, read as whole words: a class's word said only
/// inside a longer word of another class (the 开 of 公开, the 作 of 哪一年工作), or of one that is no
/// class's ([`NOT_CUES`]: the 官 of 官方), is not that class's.
fn classes_in(text: &str) -> Vec<(Word, &'static str)> {
    static CUES: LazyLock<Cues<Option<Word>>> = LazyLock::new(|| {
        let classes: Vec<(Option<Word>, &[&'static str])> = WORDS
            .iter()
            .map(|&(class, words)| (Some(class), words))
            .chain([(None, NOT_CUES)])
            .collect();
        Cues::new(&classes)
    });
    CUES.found_outermost(text)
        .into_iter()
        .filter_map(|(class, word)| Some((class?, word)))
        .collect()
}

/// The fields a question about the report asks besides `asked` (the first it asks): each asking word
/// (谁, 哪天, 哪个) read with the words of its own clause, or of the whole question when its clause has
/// none but asking words (…，哪天). An asking word inside another's (什么 of 什么时候) asks nothing alone.
pub(super) fn also_asked(normalized: &str, front: &FrontWords, asked: MetaAsk) -> Vec<MetaField> {
    let MetaAsk::Field(first) = asked else {
        return Vec::new();
    };
    let plain = with_report_said_plainly(&with_speaker_named(normalized, front), front);
    let whole = classes_in(&plain);
    let names_speaker = front
        .speaker_names
        .iter()
        .any(|name| plain.contains(name.as_str()));
    let mut fields = Vec::new();
    for clause in clauses(&plain) {
        let clause = clause.as_str();
        let found = classes_in(clause);
        let own = |word: &str| {
            let inside: usize = found
                .iter()
                .filter(|(_, other)| other.len() > word.len() && other.contains(word))
                .map(|(_, other)| clause.matches(other).count())
                .sum();
            clause.matches(word).count() > inside
        };
        let context = if found.iter().any(|(class, _)| !ASKING.contains(class)) {
            &found
        } else {
            &whole
        };
        // A clause asking with a noun only (题目, 作者) is read whole.
        let asking: Vec<Option<Word>> = if found.iter().any(|(of, _)| ASKING.contains(of)) {
            ASKING.iter().copied().map(Some).collect()
        } else {
            vec![None]
        };
        for class in asking {
            if class.is_some_and(|class| !found.iter().any(|(of, word)| *of == class && own(word)))
            {
                continue;
            }
            let has = |wanted: Word| {
                if ASKING.contains(&wanted) {
                    Some(wanted) == class
                } else {
                    context.iter().any(|(of, _)| *of == wanted)
                }
            };
            if let Some(MetaAsk::Field(field)) = field_of(has, false, names_speaker) {
                if field != first && !fields.contains(&field) {
                    fields.push(field);
                }
            }
        }
    }
    fields
}

pub(super) fn meta_ask(normalized: &str, front: &FrontWords) -> Option<MetaAsk> {
    let plain = with_opening_said_plainly(
        &with_report_said_plainly(&with_speaker_named(normalized, front), front),
        front,
    );
    let found = classes_in(&plain);
    let of = |wanted: Word| found.iter().filter(move |(word, _)| *word == wanted);
    let which_document = of(Word::Which).any(|(_, which)| {
        of(Word::Document).any(|(_, document)| {
            plain.contains(&format!("{which}{document}"))
                || plain.contains(&format!("{which} {document}"))
        })
    });
    let names_speaker = front
        .speaker_names
        .iter()
        .any(|name| plain.contains(name.as_str()));
    let has = |wanted| of(wanted).next().is_some();
    let checks = check::is_check(&plain, has(Word::Check));
    // The speaker's name said alone (侯公涛, 侯公涛？), or with their office (侯公涛县长), asks who they
    // are: the speaker's field.
    let name_alone = names_speaker
        && found.is_empty()
        && topicless(&without(
            &plain,
            front
                .speaker_names
                .iter()
                .map(String::as_str)
                .chain(front.office.as_deref()),
        ));
    let asked = office_asked(&plain, front, has)
        .or_else(|| field_of(has, which_document, names_speaker))
        .or_else(|| {
            checks
                .then(|| checked(&plain, has, names_speaker, front))
                .flatten()
        })
        .or_else(|| name_alone.then_some(MetaAsk::Field(MetaField::Speaker)))?;
    let named: Vec<&str> = front
        .values
        .iter()
        .filter(|(field, _)| may_name(asked, *field))
        .map(|(_, value)| value.as_str())
        .collect();
    // Whole words of a value checked (副县长, 党代会) go before the classes' words, which may be pieces of
    // them (the 会上 of 党代会上).
    // The speaker's names go first, as an office may be a piece of one (the 县长 of 侯县长); the office
    // said right before or after a name (侯公涛县长, 县长侯公涛) is part of naming him.
    let titled: Vec<String> = front
        .office
        .iter()
        .flat_map(|office| {
            front
                .speaker_names
                .iter()
                .flat_map(move |name| [format!("{name}{office}"), format!("{office}{name}")])
        })
        .collect();
    let checked_words = check::without_checked_words(
        &without_level(
            &without(
                &plain,
                titled
                    .iter()
                    .chain(&front.speaker_names)
                    .map(String::as_str),
            ),
            front.level,
            &named,
        ),
        asked,
        checks,
    );
    let rest = without(
        &checked_words,
        found
            .iter()
            .map(|(_, word)| *word)
            .chain(REPORT_WORDS.iter().copied())
            .chain(META_SCOPE_WORDS.iter().copied())
            .chain(ASKER_WORDS.iter().copied())
            .chain(front.half_names.iter().map(String::as_str))
            .chain(front.place_spelled.as_deref())
            .chain(
                REVIEWED_WORDS
                    .iter()
                    .copied()
                    .filter(|_| asked == MetaAsk::Period),
            )
            .chain(PLANNED_WORDS.iter().copied().filter(|_| has(Word::Whose)))
            .chain(
                OPENING_WORDS
                    .iter()
                    .copied()
                    .filter(|_| asked == MetaAsk::Addressee),
            ),
    );
    let rest = without_front(&rest, &named);
    let rest = check::without_checked(&rest, asked, checks);

    if topicless(&rest) {
        return Some(asked);
    }
    let (year, rest) = take_year(&rest)?;
    match asked {
        MetaAsk::Field(field) if topicless(&rest) => Some(MetaAsk::OfYear(field, year)),
        _ => None,
    }
}

/// `rest` without the issuer's level letter where it stands before a piece of a front-matter value (the 县
/// of 县十六届人大一次会议, 县人大): there it names the report's own county. Before another word (县政协, 县委)
/// it names another body and stays.
fn without_level(rest: &str, level: Option<char>, named: &[&str]) -> String {
    let Some(level) = level else {
        return rest.to_owned();
    };
    let chars: Vec<char> = rest.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(at, &c)| {
            // Only the level letter is read with the letters after it.
            let before_value = c == level && {
                let next: String = chars.iter().skip(at + 1).take(MIN_FRONT_CHARS).collect();
                next.chars().count() == MIN_FRONT_CHARS
                    && named.iter().any(|value| value.contains(next.as_str()))
            };
            if before_value {
                ' '
            } else {
                c
            }
        })
        .collect()
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

#[cfg(test)]
mod tests;
