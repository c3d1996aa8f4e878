//! Writing the repairs of a question into it: the terms the sound-alike reader found, in place of what was
//! typed, with a date unit typed in pinyin written right after its number.

/// A replacement of one span of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Repair {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) term: String,
}

/// The units of a date in pinyin: typed after its number (2022 nian, 4 yue 20 ri) they are the unit, never
/// a word of the same sound a question may ask in (念, 越).
const DATE_UNITS: [(&str, &str); 4] = [("nian", "年"), ("yue", "月"), ("ri", "日"), ("hao", "号")];

/// The date unit the Latin word spelled `spelling` at `start` stands for, when a number comes before it,
/// and where the number ends: the unit is written right after it (2022 nian → 2022年).
pub(super) fn date_unit(
    chars: &[char],
    start: usize,
    spelling: &str,
) -> Option<(usize, &'static str)> {
    let (_, unit) = DATE_UNITS
        .iter()
        .find(|(spelled, _)| *spelled == spelling)?;
    let after_number = chars[..start]
        .iter()
        .rposition(|c| *c != ' ')
        .filter(|&at| chars[at].is_ascii_digit())?
        + 1;
    Some((after_number, unit))
}

/// `chars` with `repairs` written in, or `None` when there are none: syllables typed apart become one
/// phrase again, and a repaired term glued to Latin letters or digits is set apart by a space.
pub(super) fn apply(chars: &[char], mut repairs: Vec<Repair>) -> Option<String> {
    if repairs.is_empty() {
        return None;
    }
    repairs.sort_by_key(|repair| repair.start);
    let mut out = String::with_capacity(chars.len() * 3);
    let mut at = 0;
    for (n, repair) in repairs.iter().enumerate() {
        // Syllables typed apart (`liu wen liu bao`) are one phrase again (六稳六保).
        let between = &chars[at..repair.start];
        let joined = n > 0 && !between.is_empty() && between.iter().all(|c| *c == ' ');
        if !joined {
            out.extend(between);
        }
        let glued = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let dated = DATE_UNITS.iter().any(|(_, unit)| *unit == repair.term);
        if !dated && glued(chars.get(repair.start.wrapping_sub(1))) {
            out.push(' ');
        }
        out.push_str(&repair.term);
        if glued(chars.get(repair.end)) {
            out.push(' ');
        }
        at = repair.end;
    }
    out.extend(&chars[at..]);
    Some(out)
}
