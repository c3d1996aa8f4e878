//! `report-bot lengths`: how long the bot's Telegram replies are over question sets, in characters a user
//! sees (the text of the message's blocks, whitespace left out), as median and p90: a reply made for a
//! phone answers in few characters.

use std::sync::Arc;

use crate::answer::eval::Case;
use crate::answer::Engine;
use crate::telegram::ask::answer_view;
use crate::telegram::html::Block;
use crate::telegram::BotContext;

/// Figures of one set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LengthFigures {
    pub replies: usize,
    pub median: usize,
    pub p90: usize,
}

impl std::fmt::Display for LengthFigures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} replies: median {} characters, p90 {}",
            self.replies, self.median, self.p90
        )
    }
}

/// The visible length of every case's Telegram reply (a conversation's earlier turns asked first).
pub fn reply_lengths(engine: Arc<Engine>, cases: &[Case]) -> Vec<usize> {
    let ctx = BotContext::new(engine.clone(), 0);
    cases
        .iter()
        .map(|case| {
            let mut previous = None;
            for turn in &case.before {
                previous = Some(engine.ask_after(previous.as_ref(), turn).1);
            }
            let (answer, follow_up) = engine.ask_after(previous.as_ref(), &case.question);
            let english = answer.language() == crate::answer::Language::English;
            let view = answer_view(&ctx, &answer, follow_up.question(), english, None);
            visible_chars(&view.blocks)
        })
        .collect()
}

/// Median and p90 of `lengths` (nearest rank).
pub fn figures(mut lengths: Vec<usize>) -> LengthFigures {
    lengths.sort_unstable();
    let rank = |share: usize| {
        let at = (lengths.len() * share).div_ceil(100).saturating_sub(1);
        lengths.get(at).copied().unwrap_or(0)
    };
    LengthFigures {
        replies: lengths.len(),
        median: rank(50),
        p90: rank(90),
    }
}

/// Characters of the blocks' text, whitespace left out (line breaks and indentation are layout).
fn visible_chars(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .flat_map(|block| block.body.iter().chain(&block.footer))
        .flat_map(|span| span.text.chars())
        .filter(|c| !c.is_whitespace())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_nearest_rank() {
        let f = figures(vec![5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
        assert_eq!((f.replies, f.median, f.p90), (10, 5, 9));
        assert_eq!(figures(Vec::new()).median, 0);
    }
}
