//! A plan section asked broadly by a topic its paragraphs keep saying (今年农村工作有哪些打算, 城市建设今年
//! 打算怎么搞): what is planned for agriculture is the 三农 section, though no heading says 农业.

use std::sync::LazyLock;

use crate::knowledge::ListKind;

use super::super::cues::Phrases;
use super::words::{strip_asking, BLOCK_FRAME_PHRASES};
use super::{Asked, Block};

/// Ways of asking broadly what is planned or said for a topic (怎么安排, 有什么打算, 讲了什么), as the
/// dialect reader leaves them (咋搞 → 怎么做, 啥 → 什么): a count, a figure or one thing asked is no
/// question about a whole section.
const BROAD_ASKS: &[&str] = &[
    "怎么安排",
    "如何安排",
    "什么安排",
    "怎么规划",
    "怎么做",
    "如何做",
    "怎么抓",
    "怎么发展",
    "如何发展",
    "什么打算",
    "哪些打算",
    "打算怎么",
    "哪些举措",
    "什么举措",
    "哪些措施",
    "什么措施",
    "讲了什么",
    "说了什么",
    "讲什么",
    "做什么",
    "做哪些",
    "干什么",
    "干哪些",
];

/// The plan section a question asks what is planned for by a topic spread over its paragraphs (今年农村
/// 工作有哪些打算, 保障和改善民生部分讲了啥): with the year's plan or a block's frame named, never the past years.
pub(super) fn spread_block<'r>(asked: &Asked<'_, 'r>) -> Option<Block<'r>> {
    static BROAD: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(BROAD_ASKS.iter().copied()));
    let report = asked.report;
    // The cheapest refusals first: most questions ask nothing broadly.
    if asked.review
        || !BROAD.in_text(asked.normalized)
        || !(asked.plan || BLOCK_FRAME_PHRASES.in_text(asked.normalized))
    {
        return None;
    }
    let (at, list) = report
        .lists
        .iter()
        .enumerate()
        .find(|(_, list)| list.kind == ListKind::Sections)?;
    let found = asked
        .topics
        .spread_over(&strip_asking(asked.normalized, ""), &[at])?;
    let index = list
        .items
        .iter()
        .position(|item| item.number == found.number)?;
    Some(Block {
        heading: asked.topics.heading(at, index).to_owned(),
        list,
        number: found.number,
    })
}
