//! The report's front matter as questions name it, read once per engine: the pieces of its values under
//! their fields (with the short forms of their words), the names its speaker goes by (their own, their
//! surname and office, their surname with the rest unsaid, their name written by sound), and the report
//! named by its issuer's level. A question about the report may name any of these without leaving it.

use rustc_hash::FxHashSet;

use pinyin::ToPinyin;

use crate::knowledge::{MetaField, ReportMeta};
use crate::search::normalize::fold_for_search;

use super::super::leftover::REPORT_WORDS;
use super::super::scope::names_word;

/// Short forms people use for words of a report's front matter (the meeting's 人民代表大会, the issuer's
/// 县人民政府).
const SHORT_FORMS: &[(&str, &str)] = &[
    ("人大", "人民代表大会"),
    ("人代会", "人民代表大会"),
    ("县政府", "县人民政府"),
];

/// How many characters of an office's end name it after a surname (`县长` of `西平县人民政府县长`, said
/// `侯县长`).
const OFFICE_SUFFIX_CHARS: usize = 2;

/// Words that ask for a name left unsaid: said right after the speaker's surname (侯什么来着), they name the
/// speaker half-remembered.
const UNSAID_NAME: &[&str] = &["什么", "啥", "某某", "某"];

/// A piece of a front-matter value this long in a question names the report's own front matter (its
/// speaker, meeting, issuer); one character would match almost any word.
pub(super) const MIN_FRONT_CHARS: usize = 2;

/// The report's front matter as questions name it, read once per engine: asked of nearly every question.
pub(in super::super) struct FrontWords {
    /// Each piece under the field it is the value of, folded as questions are, with the short forms of
    /// their words.
    pub(super) values: Vec<(MetaField, String)>,
    /// The names the speaker goes by (`侯公涛`, `侯县长`), and their surname with the rest unsaid (`侯什么`).
    pub(super) speaker_names: Vec<String>,
    /// The speaker's surname with the rest unsaid (`侯什么`): it names the speaker though its one known
    /// letter is too short to match the front matter.
    pub(super) half_names: Vec<String>,
    /// The speaker's own name (`侯公涛`) and its sound, so a name typed by sound (侯公滔, 猴公涛, Hou Gongtao,
    /// hgt) is read as the name.
    pub(super) name: Option<NameSound>,
    /// The report's kind named with its issuer's level (`县政府工作报告`, `县人民政府工作报告`), longest first.
    pub(super) leveled_names: Vec<String>,
    /// The issuer's level (`县` of `西平县人民政府`): said alone beside the meeting's or the report's words
    /// (县十六届人大一次会议), it names the report's own county.
    pub(super) level: Option<char>,
    /// The issuer's place written in pinyin (`xiping` of `西平县人民政府`): an English question names the
    /// report by it (Who delivered the Xiping County work report?).
    pub(super) place_spelled: Option<String>,
    /// The end of the speaker's office people call it by (`县长`): asked who holds it (县长是谁), it names the
    /// speaker, who held it when the report was made.
    pub(super) office: Option<String>,
    /// The report's own sentence handing it to the meeting (我代表县人民政府,向大会报告工作), folded: a
    /// question quoting it (以谁的名义向大会报告工作) speaks of making the report.
    opening: String,
    /// Each run of [`MIN_QUOTED_CHARS`] letters of the opening: a question's run is looked up here before
    /// it is matched longer, so a question quoting nothing costs one lookup per letter.
    opening_runs: FxHashSet<[char; MIN_QUOTED_CHARS]>,
}

/// A quote of the opening at least this long is one (向大会报告工作); shorter runs (报告, 大会) are words
/// any question may say, which the classes read.
const MIN_QUOTED_CHARS: usize = 4;

/// A name and how it may be typed by its sound, worked out once per engine.
pub(super) struct NameSound {
    name: String,
    /// Each letter's toneless pinyin (`hou gong tao`).
    syllables: Vec<&'static str>,
    /// The pinyin apart, run together, the surname apart from the given name as names are written in
    /// English, and as initials (`hou gong tao`, `hougongtao`, `hou gongtao`, `hgt`).
    spellings: [String; 4],
}

impl NameSound {
    /// The sound of a name of [`MIN_FRONT_CHARS`] letters or more (one letter's sound is too common), when
    /// each letter has a reading.
    fn new(name: &str) -> Option<NameSound> {
        let syllables = sounds(name)?;
        if syllables.len() < MIN_FRONT_CHARS {
            return None;
        }
        let initials = syllables
            .iter()
            .filter_map(|syllable| syllable.chars().next())
            .collect();
        let surname_apart = format!("{} {}", syllables[0], syllables[1..].concat());
        Some(NameSound {
            name: name.to_owned(),
            spellings: [
                syllables.join(" "),
                syllables.concat(),
                surname_apart,
                initials,
            ],
            syllables,
        })
    }
}

/// Each letter's toneless pinyin (its most common reading), `None` when a letter has none.
fn sounds(text: &str) -> Option<Vec<&'static str>> {
    text.chars()
        .map(|c| c.to_pinyin().map(|reading| reading.plain()))
        .collect()
}

/// `plain` with the speaker's name written by its sound made the name: letters of the same readings
/// (侯公滔, 猴公涛), the pinyin run together or apart (hou gong tao, hougongtao, Hou Gongtao), its initials
/// (hgt). A name of one letter is left alone: its sound is too common.
pub(super) fn with_speaker_named(plain: &str, front: &FrontWords) -> String {
    let Some(sound) = &front.name else {
        return plain.to_owned();
    };
    if plain.contains(sound.name.as_str()) {
        return plain.to_owned();
    }
    let spelled = || {
        sound
            .spellings
            .iter()
            .find(|written| names_word(plain, written))
            .map(|written| plain.replacen(written.as_str(), &sound.name, 1))
            .unwrap_or_else(|| plain.to_owned())
    };
    if plain.is_ascii() {
        return spelled();
    }
    // Most questions have no letter of the name's first sound: the letters after one are read only then.
    let reads = |c: char, syllable: &str| c.to_pinyin().is_some_and(|r| r.plain() == syllable);
    let found = plain.char_indices().find_map(|(at, _)| {
        let mut letters = plain[at..].char_indices();
        sound
            .syllables
            .iter()
            .all(|syllable| letters.next().is_some_and(|(_, c)| reads(c, syllable)))
            .then(|| at + letters.next().map_or(plain.len() - at, |(end, _)| end))
            .map(|end| (at, end))
    });
    match found {
        Some((at, end)) => format!("{}{}{}", &plain[..at], sound.name, &plain[end..]),
        None => spelled(),
    }
}

/// The body word of a government issuer's name (西平县人民政府), after its level.
const ISSUER_BODY: &str = "人民政府";

/// The level letter of an issuer (`县` of `西平县人民政府`).
fn issuer_level(issuer: &str) -> Option<char> {
    issuer
        .split_once(ISSUER_BODY)
        .and_then(|(before, _)| before.chars().next_back())
}

/// The speaker's office said with the issuer's place (`西平县长` of `西平县人民政府` and `县长`), as people
/// name who holds it; without it the place (西平县) would take the office's first letter.
fn place_and_office(issuer: &str, office: Option<&str>) -> Option<String> {
    let place: String = issuer_place(issuer)?.into_iter().collect();
    let office = office?;
    (!place.is_empty()).then(|| format!("{}{office}", fold_for_search(&place)))
}

/// The place of an issuer, before its level letter (`西平` of `西平县人民政府`).
fn issuer_place(issuer: &str) -> Option<Vec<char>> {
    let (before, _) = issuer.split_once(ISSUER_BODY)?;
    let mut place: Vec<char> = before.chars().collect();
    place.pop()?;
    Some(place)
}

/// The pinyin of an issuer's place, run together (`xiping` of `西平县人民政府`).
fn place_spelled(issuer: &str) -> Option<String> {
    let place = issuer_place(issuer)?;
    let syllables = sounds(&place.iter().collect::<String>())?;
    (!syllables.is_empty()).then(|| syllables.concat())
}

/// The end of the speaker's office people call it by (`县长` of `西平县人民政府县长 侯公涛`).
fn office_said(speaker: &str) -> Option<String> {
    let (office, _) = speaker.trim().rsplit_once(char::is_whitespace)?;
    let office: Vec<char> = office.trim().chars().collect();
    let end: String = office[office.len().checked_sub(OFFICE_SUFFIX_CHARS)?..]
        .iter()
        .collect();
    Some(fold_for_search(&end))
}

/// The report's kind named with its issuer's level: the letter before the issuer's body word (the 县 of
/// 西平县人民政府), with the body said in full or short (`县人民政府工作报告`, `县政府工作报告`).
fn leveled_names(issuer: &str) -> Vec<String> {
    issuer_level(issuer)
        .map(|level| {
            vec![
                format!("{level}{ISSUER_BODY}工作报告"),
                format!("{level}政府工作报告"),
            ]
        })
        .unwrap_or_default()
}

impl FrontWords {
    pub(in super::super) fn new(meta: &ReportMeta) -> FrontWords {
        let values = front_values(meta);
        let half_names: Vec<String> = meta
            .speaker
            .split_whitespace()
            .last()
            .and_then(|name| name.chars().next())
            .map(|surname| {
                UNSAID_NAME
                    .iter()
                    .map(|unsaid| format!("{surname}{unsaid}"))
                    .collect()
            })
            .unwrap_or_default();
        let office = office_said(&meta.speaker);
        let speaker_names = speaker_names(&values)
            .chain(place_and_office(&meta.issuer, office.as_deref()))
            .chain(half_names.iter().cloned())
            .collect();
        FrontWords {
            values,
            speaker_names,
            half_names,
            leveled_names: leveled_names(&meta.issuer),
            level: issuer_level(&meta.issuer),
            place_spelled: place_spelled(&meta.issuer),
            office,
            name: meta
                .speaker
                .split_whitespace()
                .last()
                .and_then(NameSound::new),
            opening: String::new(),
            opening_runs: FxHashSet::default(),
        }
    }

    /// These words with the report's sentence handing it to the meeting, which questions quote.
    pub(in super::super) fn with_opening(mut self, sentence: &str) -> FrontWords {
        self.opening = fold_for_search(sentence);
        let chars: Vec<char> = self.opening.chars().collect();
        self.opening_runs = chars
            .windows(MIN_QUOTED_CHARS)
            .filter_map(|run| run.try_into().ok())
            .collect();
        self
    }

    /// The words a question names the speaker by (the office's end 县长, the speaker's own name 侯公涛): the
    /// report's text, whose words the sound vocabulary reads, writes neither, so a question typed in pinyin
    /// (xianzhang shi shei) learns them from here.
    pub(in super::super) fn speaker_words(&self) -> impl Iterator<Item = &str> {
        let name = self.name.as_ref().map(|sound| sound.name.as_str());
        self.office.as_deref().into_iter().chain(name)
    }
}

/// The pieces of the report's front matter a question may name without leaving the report, each under the
/// field it is the value of, folded as questions are, with the short forms of their words.
fn front_values(meta: &ReportMeta) -> Vec<(MetaField, String)> {
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
    let (_, name) = speaker.trim().rsplit_once(char::is_whitespace)?;
    let surname = name.trim().chars().next()?;
    Some(fold_for_search(&format!(
        "{surname}{}",
        office_said(speaker)?
    )))
}

/// The report named by its long names (政府工作报告, and by its issuer's level: 县政府工作报告; government
/// work report) said `报告` or `report`, so the `作` of 工作 is not read as making it, nor `government` as
/// the body issuing it.
pub(super) fn with_report_said_plainly(normalized: &str, front: &FrontWords) -> String {
    [("报告", true), ("report", false)].into_iter().fold(
        normalized.to_owned(),
        |text, (plain, leveled)| {
            // Every long name holds the plain word: most questions say none.
            if !text.contains(plain) {
                return text;
            }
            front
                .leveled_names
                .iter()
                .filter(|_| leveled)
                .map(String::as_str)
                .chain(REPORT_WORDS.iter().copied())
                .filter(|word| word.contains(plain) && *word != plain)
                .fold(text, |text, word| {
                    if text.contains(word) {
                        text.replace(word, plain)
                    } else {
                        text
                    }
                })
        },
    )
}

/// The names the speaker goes by: their own name (`侯公涛` of `西平县人民政府县长 侯公涛`, the last word of
/// the speaker's value, when it is a name of [`MIN_FRONT_CHARS`] or more) and their surname with their
/// office (`侯县长`).
fn speaker_names(front: &[(MetaField, String)]) -> impl Iterator<Item = String> + '_ {
    let value = front
        .iter()
        .find(|(field, _)| *field == MetaField::Speaker)
        .map(|(_, value)| value.as_str());
    let name = value
        .and_then(|value| value.split_whitespace().last())
        .filter(|name| name.chars().count() >= MIN_FRONT_CHARS)
        .map(str::to_owned);
    name.into_iter().chain(value.and_then(surname_and_office))
}

/// `rest` with every run of letters that is a piece of a front-matter value replaced by a space.
pub(in super::super) fn without_front(rest: &str, front: &[&str]) -> String {
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
    replace_runs(&chars, " ", piece_at)
}

/// `chars` with each run that `run_end` finds (the end of the run starting at an index, if one starts
/// there) replaced by `replacement`, read left to right so runs never overlap.
fn replace_runs(
    chars: &[char],
    replacement: &str,
    run_end: impl Fn(usize) -> Option<usize>,
) -> String {
    let mut out = String::with_capacity(chars.len() * 3);
    let mut at = 0;
    while at < chars.len() {
        match run_end(at) {
            Some(end) => {
                out.push_str(replacement);
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

/// `plain` with each run of it quoted from the report's opening sentence said as the act it quotes, 报告:
/// 代表谁向大会报告工作 asks on whose behalf the report is made. A front-matter value (县人民政府) is no
/// quote: the classes read it.
pub(super) fn with_opening_said_plainly(plain: &str, front: &FrontWords) -> String {
    if front.opening.is_empty() {
        return plain.to_owned();
    }
    let chars: Vec<char> = plain.chars().collect();
    let starts_quote = |at: usize| {
        chars
            .get(at..at + MIN_QUOTED_CHARS)
            .and_then(|run| <[char; MIN_QUOTED_CHARS]>::try_from(run).ok())
            .is_some_and(|run| front.opening_runs.contains(&run))
    };
    // Most questions quote none of it: they are not copied again letter by letter.
    if !(0..chars.len()).any(starts_quote) {
        return plain.to_owned();
    }
    let quote_at = |at: usize| {
        if !starts_quote(at) {
            return None;
        }
        (at + MIN_QUOTED_CHARS..=chars.len()).rev().find(|&end| {
            let run: String = chars[at..end].iter().collect();
            !run.contains(' ')
                && front.opening.contains(run.as_str())
                && !front
                    .values
                    .iter()
                    .any(|(_, value)| value.contains(run.as_str()))
        })
    };
    replace_runs(&chars, " 报告 ", quote_at)
}
