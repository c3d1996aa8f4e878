//! The words around a figure: the verb that ties a metric to it (and the change it names), and the
//! metric's name with fillers, years and leading verbs trimmed.

use std::sync::LazyLock;

use regex::Regex;

use crate::knowledge::model::ChangeKind;

/// Verbs that tie a metric to its figure, longest first, with the change they express.
pub(super) const VERBS: [(&str, Option<ChangeKind>); 27] = [
    ("新培育", Some(ChangeKind::New)),
    ("改扩建", Some(ChangeKind::New)),
    ("增长", Some(ChangeKind::Growth)),
    ("达到", Some(ChangeKind::Reach)),
    ("完成", Some(ChangeKind::Complete)),
    ("提高", Some(ChangeKind::Raise)),
    ("提升", Some(ChangeKind::Raise)),
    ("净增", Some(ChangeKind::NetIncrease)),
    ("增加", Some(ChangeKind::Increase)),
    ("新增", Some(ChangeKind::New)),
    ("新建", Some(ChangeKind::New)),
    ("改建", Some(ChangeKind::New)),
    ("扩建", Some(ChangeKind::New)),
    ("建成", Some(ChangeKind::New)),
    ("建设", Some(ChangeKind::New)),
    ("修建", Some(ChangeKind::New)),
    ("培育", Some(ChangeKind::New)),
    ("引进", Some(ChangeKind::New)),
    ("评定", Some(ChangeKind::New)),
    ("并网", Some(ChangeKind::New)),
    ("保持", Some(ChangeKind::Keep)),
    ("稳定", Some(ChangeKind::Keep)),
    ("控制", Some(ChangeKind::Keep)),
    ("下降", None),
    ("减少", None),
    ("降低", None),
    ("达", Some(ChangeKind::Reach)),
];

/// Verbs that name an action but no change (`改造农村公路86公里`): they stay part of the metric's name,
/// and stop a clause from inheriting the verb of the clause before.
const ACTION_VERBS: [&str; 8] = [
    "改造", "处置", "化解", "更换", "办理", "开展", "举办", "消纳",
];

/// Words that sit between a verb and its figure (`保持在`, `均在`).
const CONNECTORS: [&str; 4] = ["在", "到", "至", "为"];
const ADVERBS: [&str; 2] = ["均", "共"];

/// Leading words that do not belong to a metric's name.
const FILLERS: [&str; 20] = [
    "全县", "我县", "全市", "全省", "全年", "今年", "力争", "确保", "其中", "争取", "努力", "累计",
    "年均", "加快", "抓好", "办好", "打造", "推进", "实施", "实现",
];

/// Words that make a verb-looking string a noun (`增加值`, `增长率`).
const NOUN_ENDINGS: [char; 3] = ['值', '率', '量'];

/// Words that start the predicate of a statement without a number (`与经济增长协调同步`).
pub(super) const COMPARISON_MARKS: [&str; 1] = ["与"];

pub(super) static BASE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[较比](\d{4})年").expect("valid base-year regex"));
static LEADING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{4}年(?:底|末)?").expect("valid year regex"));

/// The verb right before a figure: where it starts, and the change it names (`known` when the verb is
/// one of the table's, rather than just an adverb such as `均`).
pub(super) struct Verb {
    pub(super) start: usize,
    pub(super) change: Option<ChangeKind>,
    pub(super) known: bool,
}

pub(super) fn verb_before(left: &str) -> Option<Verb> {
    let mut end = left.len();
    let mut connected = false;
    // `达到` is a verb of its own; strip a connector only when the verb is not one.
    if !VERBS.iter().any(|(verb, _)| left.ends_with(verb)) {
        if let Some(connector) = CONNECTORS.iter().find(|c| left.ends_with(*c)) {
            end -= connector.len();
            connected = true;
        }
    }
    let before = &left[..end];
    if let Some((verb, change)) = VERBS.iter().find(|(verb, _)| before.ends_with(verb)) {
        return Some(Verb {
            start: end - verb.len(),
            change: *change,
            known: true,
        });
    }
    if let Some(adverb) = ADVERBS.iter().find(|a| before.ends_with(*a)) {
        return Some(Verb {
            start: end - adverb.len(),
            change: None,
            known: false,
        });
    }
    connected.then_some(Verb {
        start: end,
        change: None,
        known: false,
    })
}

/// A metric's name found inside a longer text: fillers, a leading year, kind markers and leading verbs
/// removed.
pub(super) struct Name<'t> {
    pub(super) text: &'t str,
    /// Where the name starts in the text it was found in.
    pub(super) start: usize,
    /// The first leading verb that names a change: where it starts, and the change.
    pub(super) verb: Option<(usize, ChangeKind)>,
    /// The name opens with a verb that names no change (`改造…`), kept in the name.
    pub(super) action: bool,
}

impl Name<'_> {
    /// The change the leading words express: `Some(None)` for an action verb, `None` for no verb.
    pub(super) fn leading_change(&self) -> Option<Option<ChangeKind>> {
        match (self.verb, self.action) {
            (Some((_, change)), _) => Some(Some(change)),
            (None, true) => Some(None),
            (None, false) => None,
        }
    }
}

pub(super) fn strip_leading(text: &str) -> Name<'_> {
    let mut start = 0;
    let mut verb = None;
    loop {
        let before = start;
        let rest = &text[start..];
        let trimmed = rest.trim_start_matches(['、', ' ', '，', ',']);
        start += rest.len() - trimmed.len();
        let rest = &text[start..];
        if let Some(year) = LEADING_YEAR.find(rest) {
            start += year.end();
        } else if let Some(base) = BASE_YEAR.find(rest).filter(|m| m.start() == 0) {
            start += base.end();
        } else if let Some(filler) = FILLERS.iter().find(|f| rest.starts_with(*f)) {
            start += filler.len();
        } else if let Some((word, Some(kind))) = VERBS
            .iter()
            .find(|(word, _)| rest.starts_with(word) && !is_noun_use(&rest[word.len()..]))
        {
            verb.get_or_insert((start, *kind));
            start += word.len();
        }
        if start == before {
            break;
        }
    }
    let name = text[start..].trim_end().trim_end_matches(['的', '均']);
    Name {
        text: name,
        start,
        verb,
        action: ACTION_VERBS.iter().any(|action| name.starts_with(action)),
    }
}

pub(super) fn is_noun_use(after_verb: &str) -> bool {
    after_verb.starts_with(NOUN_ENDINGS)
}

/// `启航路、北大街等主干道路` → `主干道路`: after a list closed by `等`, the metric is what follows.
pub(super) fn after_list_etc(metric: &str) -> String {
    match metric.rfind('等') {
        Some(at) if at > 0 => {
            let list = &metric[..at];
            let after = &metric[at + '等'.len_utf8()..];
            let closes_list = list.contains('、') || list.ends_with(['”', '’']);
            if closes_list && !after.is_empty() {
                after.to_string()
            } else {
                metric.to_string()
            }
        }
        _ => metric.to_string(),
    }
}
