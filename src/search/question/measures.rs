//! Measure words after 多少 / 几 (多少人, 几座): the unit a number is asked in, and the nouns that merely
//! begin like one (人口 is no count of 人).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::search::normalize::is_han;

/// The ways of asking for a number that a measure word can follow (多少人, 几个, 好多钱).
pub const NUMBER_ASKING: [&str; 3] = ["多少", "几", "好多"];

/// The units that count people.
const PERSON_UNITS: &[&str] = &["人", "名", "人次"];

/// The units of rates and of their changes: percentage points compare two percentages.
const RATE_UNITS: &[&str] = &["%", "个百分点"];

/// Measure words that can follow 多少 / 几, with the units of the report that count as them.
pub(super) const MEASURES: &[(&str, &[&str])] = &[
    ("人次", &["人次"]),
    ("人", PERSON_UNITS),
    ("名", &["人", "名"]),
    ("钱", MONEY_UNITS),
    ("元", MONEY_UNITS),
    // 多少亿 asks for an amount of money in 亿元 (a growth rate is no answer to it).
    ("亿", MONEY_UNITS),
    ("户", &["户"]),
    ("亩", &["亩"]),
    ("吨", &["吨"]),
    ("公里", &["公里"]),
    // 多少个百分点 asks for a rate or a change in one (before 个, which it begins with).
    ("个百分点", RATE_UNITS),
    ("百分点", RATE_UNITS),
    ("个点", RATE_UNITS),
    ("个", &["个"]),
    // 多少家 counts households as well as firms.
    ("家", &["家", "户"]),
    ("所", &["所"]),
    ("座", &["座"]),
    ("条", &["条"]),
    ("天", &["天"]),
    ("场", &["场"]),
    ("套", &["套"]),
    ("辆", &["辆"]),
    ("头", &["头"]),
    ("项", &["项"]),
    ("件", &["件"]),
];

/// The measure word `text` opens with (条 of 条主干道路 after 多少): what a number was counted in.
pub fn measure_at(text: &str) -> Option<&'static str> {
    MEASURES
        .iter()
        .map(|(measure, _)| *measure)
        .find(|measure| text.starts_with(measure))
}

/// Magnitudes a measure is counted in (多少万亩, 多少百万元): the measure follows them.
const MAGNITUDES: &[char] = &['万', '千', '百'];

/// How many words after "how many" may name what is counted: the noun and one adjective before it.
const ENGLISH_NOUN_REACH: usize = 2;

/// English nouns after "how many" that name the unit counted (how many people → 人, 名).
const ENGLISH_MEASURES: &[(&str, &[&str])] = &[
    ("people", PERSON_UNITS),
    ("persons", PERSON_UNITS),
    ("residents", PERSON_UNITS),
    ("households", &["户"]),
    ("families", &["户", "家"]),
    ("days", &["天"]),
    ("kilometres", &["公里"]),
    ("kilometers", &["公里"]),
    ("km", &["公里"]),
    ("tons", &["吨"]),
    ("tonnes", &["吨"]),
    ("mu", &["亩"]),
    ("tourists", &["人次", "人"]),
    ("visitors", &["人次", "人"]),
    ("students", PERSON_UNITS),
    ("employees", PERSON_UNITS),
    ("staff", PERSON_UNITS),
    ("teachers", PERSON_UNITS),
    ("doctors", PERSON_UNITS),
    ("nurses", PERSON_UNITS),
    ("farmers", PERSON_UNITS),
    ("members", PERSON_UNITS),
    ("workers", PERSON_UNITS),
    ("jobs", PERSON_UNITS),
    ("person-times", &["人次"]),
    ("companies", &["家", "个"]),
    ("enterprises", &["家", "个"]),
    ("firms", &["家", "个"]),
    ("cooperatives", &["家", "个"]),
    ("schools", &["所", "个"]),
    ("hospitals", &["所", "家", "个"]),
    ("clinics", &["所", "家", "个"]),
    ("kindergartens", &["所", "个"]),
    ("roads", &["条", "公里"]),
    ("flats", &["套"]),
    ("apartments", &["套"]),
    ("vehicles", &["辆"]),
    ("buses", &["辆"]),
    ("pigs", &["头"]),
    ("hogs", &["头"]),
    ("cows", &["头"]),
    ("cattle", &["头"]),
    ("performances", &["场"]),
    ("shows", &["场"]),
    ("yuan", &["元"]),
    // Beds are counted in 张, which the report never writes: how many beds is answered by no other figure.
    ("beds", &["张"]),
    ("projects", &["个", "项"]),
    ("items", &["个", "项"]),
];

/// The units of a date (4月20日): what a question asking for a month or a day (几月份, which month) wants.
pub const DATE_UNITS: &[&str] = &["月", "日", "号"];

/// The unit of money: what 多少钱 / 投资多少 asks for.
const MONEY_UNITS: &[&str] = &["元"];

/// The units of an area (亩, 平方米, 平方公里, 公顷): what 面积多大 asks for.
const AREA_UNITS: &[&str] = &["亩", "平方", "公顷"];

/// Units whose figures alone answer the question: a date, an area or a sum of money asked for is not
/// given by a figure in another unit (heads of cattle, a count of factories), however well the sentence
/// matches the question's words, so such a best hit is a near-miss, not an answer.
const MUST_BE_STATED: [&[&str]; 3] = [DATE_UNITS, AREA_UNITS, MONEY_UNITS];

/// Whether a figure in another unit than `units` is no answer (see `MUST_BE_STATED`).
pub fn must_be_stated(units: &[&str]) -> bool {
    MUST_BE_STATED.contains(&units)
}

/// Measure words that count anything (多少个) or the items of a list (几件, 第几项, 几条): the report counts
/// in many words (所, 家, 座) what a question counts in 个, and writes its lists' sizes in numerals (十件惠民
/// 工程), so a figure in another unit, or the list itself, may still answer them.
const ANY_COUNT: &[&str] = &["个", "件", "项", "条"];

/// Whether a count asked in its own measure word (多少吨水, 多少家企业, 多少人) is no answer when given in
/// another unit (290所 for 多少人) or by a sentence with none: every measure word but those of
/// [`ANY_COUNT`]. A question asking two numbers (几座电站，减排多少) is held to this for neither, as its
/// best figure may answer the other.
pub fn counted_in_own_measure(units: &[&str]) -> bool {
    !units.iter().all(|unit| ANY_COUNT.contains(unit))
}

/// Dimensions asked for (多长, how long, surface area) with the units of the report that state them: a
/// figure in another unit (a count, a percentage) is no length or area, and a sentence without a figure
/// does not give one. `how long` may ask for a time as well.
const DIMENSIONS: &[(&str, &[&str])] = &[
    ("多长", &["公里", "千米", "米", "年", "天", "个月"]),
    ("how long", &["公里", "千米", "米", "年", "天", "个月"]),
    ("length", &["公里", "千米", "米"]),
    ("多宽", &["米"]),
    ("how wide", &["米"]),
    ("多深", &["米"]),
    ("how deep", &["米"]),
    ("how tall", &["米", "层"]),
    ("面积多", AREA_UNITS),
    ("面积有多", AREA_UNITS),
    ("多大面积", AREA_UNITS),
    ("占地多", AREA_UNITS),
    // Investing asked without a measure word (投资多少, 投了多少): a sum of money.
    ("投资多少", MONEY_UNITS),
    ("投资总额", MONEY_UNITS),
    ("投资了多少", MONEY_UNITS),
    ("投了多少", MONEY_UNITS),
    ("投入多少", MONEY_UNITS),
    // A sum of money asked in English: a head count or a growth rate of the thing is no answer to it.
    ("how much money", MONEY_UNITS),
    ("in yuan", MONEY_UNITS),
    ("in rmb", MONEY_UNITS),
    ("amount of money", MONEY_UNITS),
    ("how much was invested", MONEY_UNITS),
    ("how much has been invested", MONEY_UNITS),
    ("how much will be invested", MONEY_UNITS),
    ("how much investment", MONEY_UNITS),
    ("spend on", MONEY_UNITS),
    ("spent on", MONEY_UNITS),
    ("budget for", MONEY_UNITS),
    ("total budget", MONEY_UNITS),
    ("how much funding", MONEY_UNITS),
    ("cost", MONEY_UNITS),
    ("几月", DATE_UNITS),
    ("哪个月", DATE_UNITS),
    ("哪一月", DATE_UNITS),
    ("几号", DATE_UNITS),
    ("具体日期", DATE_UNITS),
    ("哪一天", DATE_UNITS),
    ("which month", DATE_UNITS),
    ("what month", DATE_UNITS),
    ("what date", DATE_UNITS),
    ("which date", DATE_UNITS),
    ("exact date", DATE_UNITS),
];

/// The unit a number is asked in: the measure word after 多少 / 几 (or the noun after "how many"), or 人 for
/// questions that say 人口 / 人数 where no term goes on after it (`qualifies(said, start, end)`: the 人口 of
/// 常住人口城镇化率 names a rate, not people).
pub(super) fn unit_hint(
    text: &str,
    said: &str,
    qualifies: &dyn Fn(&str, usize, usize) -> bool,
) -> Option<&'static [&'static str]> {
    let after_asking = NUMBER_ASKING.iter().find_map(|asking| {
        let at = text.find(asking)? + asking.len();
        let rest = text[at..].trim_start();
        // 多少万亩, 多少千米: the measure after the magnitude it is counted in.
        let rest = match rest.strip_prefix(MAGNITUDES) {
            Some(measure) if MEASURES.iter().any(|(word, _)| measure.starts_with(word)) => measure,
            _ => rest,
        };
        MEASURES
            .iter()
            .find(|(word, _)| rest.starts_with(word) && !measure_begins_noun(rest))
            .map(|(_, units)| *units)
            .or_else(|| counts_people(rest).then_some(PERSON_UNITS))
    });
    // As typed: the aliases turn the noun into the report's word (companies → 企业). The noun may follow an
    // adjective (how many new jobs, how many village clinics).
    let after_asking = after_asking.or_else(|| {
        let at = said.find("how many")? + "how many".len();
        said[at..]
            .split(|c: char| !c.is_ascii_alphabetic() && c != '-')
            .filter(|word| !word.is_empty())
            .take(ENGLISH_NOUN_REACH)
            .find_map(|noun| {
                ENGLISH_MEASURES
                    .iter()
                    .find(|(word, _)| *word == noun)
                    .map(|(_, units)| *units)
            })
    });
    let after_asking = after_asking.or_else(|| dimension_asked(text));
    // 人口 said by the asker, not brought in by an alias (poverty → 贫困人口).
    after_asking.or_else(|| {
        ["人口", "人数"]
            .iter()
            .any(|word| {
                said.match_indices(word)
                    .any(|(at, word)| !qualifies(said, at, at + word.len()))
            })
            .then_some(PERSON_UNITS)
    })
}

/// The units of the first dimension in [`DIMENSIONS`] that `text` asks for (多长, not 多长时间: a time
/// asked is no length), found in one pass over the question.
fn dimension_asked(text: &str) -> Option<&'static [&'static str]> {
    static ASKING: LazyLock<Option<AhoCorasick>> =
        LazyLock::new(|| AhoCorasick::new(DIMENSIONS.iter().map(|(asking, _)| *asking)).ok());
    let matcher = ASKING.as_ref()?;
    // Where each dimension's first mention ends.
    let mut first_end: Vec<Option<usize>> = vec![None; DIMENSIONS.len()];
    for found in matcher.find_overlapping_iter(text) {
        first_end[found.pattern().as_usize()].get_or_insert(found.end());
    }
    DIMENSIONS
        .iter()
        .zip(first_end)
        .find(|(_, end)| end.is_some_and(|end| !text[end..].starts_with("时间")))
        .map(|((_, units), _)| *units)
}

/// Nouns for people (多少员工, 几个老师): a count of them is a number of people.
const PERSON_NOUNS: &[&str] = &[
    "员工",
    "职工",
    "工人",
    "学生",
    "老师",
    "教师",
    "医生",
    "护士",
    "游客",
    "村民",
    "农民",
    "干部",
    "党员",
    "工作人员",
    "人员",
    // 几个人 at the end of the phrase: 个人 names a person only before another noun (个人所得).
    "人",
];

/// Whether `rest` (what follows 多少 / 几) counts people: a person noun, after 个/名/位 perhaps, that ends
/// the phrase (多少教师周转房 counts flats, not teachers).
fn counts_people(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['个', '名', '位']);
    PERSON_NOUNS.iter().any(|noun| {
        rest.strip_prefix(noun).is_some_and(|after| {
            after
                .chars()
                .next()
                .is_none_or(|c| !is_han(c) || "的吗呢啊呀嘞哩了".contains(c))
        })
    })
}

/// Nouns that begin with a measure word (人口 after 多少 is no count of 人).
const NOUNS_FROM_MEASURES: &[&str] = &[
    "人口", "人数", "人员", "人才", "人民", "人均", "家庭", "家长", "户籍", "户数", "亩产", "元旦",
    "条件", "项目", "个人", "个体", "天数", "名单", "名额", "场所", "座谈",
];

/// Whether `text` starts with a noun that begins with a measure word.
pub(super) fn measure_begins_noun(text: &str) -> bool {
    NOUNS_FROM_MEASURES
        .iter()
        .any(|noun| text.starts_with(noun))
}
