//! What people call a list beside its name: generic words for its kind (几个部分, 几大块) and, for items
//! that share an ending or an opening, the count with it (三大保卫战, 六个必须坚持), indexed with the list.

use crate::knowledge::{numerals, ListKind, ReportList};

/// Generic words for each kind of list, so that "几个部分" or "几大块" in a question can match one; a list
/// of items sharing an ending is also called by its count and the ending (`三大保卫战`), as people name
/// such groups.
pub(super) fn list_context(list: &ReportList) -> String {
    match list.kind {
        ListKind::Parts => "报告 部分 结构 组成 章节 内容 几部分".to_owned(),
        ListKind::Sections => "方面 工作 重点 任务 主要任务 重点工作 几大块 板块 几项".to_owned(),
        ListKind::SharedEnding => {
            let ending = shared_ending(list.items.iter().map(|item| item.label.as_str()));
            match numerals::written(list.items.len() as u32) {
                Some(count) if !ending.is_empty() => format!("{count}大{ending} {count}个{ending}"),
                _ => String::new(),
            }
        }
        // Items opening alike (——必须坚持…) are called by the count and the opening: 六个必须坚持.
        ListKind::Dashes | ListKind::Numbered | ListKind::Parallel | ListKind::Ordinal => {
            let opening = shared_opening(list.items.iter().map(|item| item.label.as_str()));
            match numerals::written(list.items.len() as u32) {
                Some(count) if opening.chars().count() >= SHARED_OPENING_MIN_CHARS => {
                    format!("{count}个{opening} {count}条{opening}")
                }
                _ => String::new(),
            }
        }
        // A counted run is called by its name, and is about what its paragraph is (深入开展“万人助万企”活动:
        // 万人助万企的四项机制).
        ListKind::Counted => list
            .citation
            .rsplit(" › ")
            .next()
            .unwrap_or_default()
            .to_owned(),
        ListKind::Glossary | ListKind::Semicolon => String::new(),
    }
}

/// An opening this long that every item shares names them (必须坚持); one shared letter (坚) is chance.
const SHARED_OPENING_MIN_CHARS: usize = 2;

/// The longest opening all `labels` share, punctuation and dashes left out.
fn shared_opening<'a>(mut labels: impl Iterator<Item = &'a str>) -> String {
    let letters = |label: &'a str| label.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(first) = labels.next() else {
        return String::new();
    };
    let mut opening: Vec<char> = letters(first).chars().collect();
    for label in labels {
        let shared = opening
            .iter()
            .zip(letters(label).chars())
            .take_while(|(a, b)| *a == b)
            .count();
        opening.truncate(shared);
    }
    opening.into_iter().collect()
}

/// The longest ending all `labels` share.
fn shared_ending<'a>(mut labels: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = labels.next() else {
        return String::new();
    };
    let mut ending: Vec<char> = first.chars().collect();
    for label in labels {
        let shared = ending
            .iter()
            .rev()
            .zip(label.chars().rev())
            .take_while(|(a, b)| *a == b)
            .count();
        ending.drain(..ending.len() - shared);
    }
    ending.into_iter().collect()
}
