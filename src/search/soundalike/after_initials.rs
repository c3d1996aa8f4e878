//! Initials typed with the rest of a term in characters (`ybggys收入`, `xcz兴`): people type the letters
//! for the long head of a term and finish it in characters.

use pinyin::ToPinyin;

use super::{Repair, SoundAlike, MAX_TYPED_CHARS, MIN_INITIALS};
use crate::search::normalize::is_han;

impl SoundAlike {
    /// A term typed as the initials of its first characters and the rest in characters (`ybggys收入` for
    /// 一般公共预算收入, `xcz兴` for 乡村振兴): the longest run of the characters after `chars[start..end]`
    /// that ends a term whose initials are the typed ones and theirs.
    pub(super) fn initials_then_characters(
        &self,
        chars: &[char],
        start: usize,
        end: usize,
        typed: &str,
    ) -> Option<Repair> {
        let after: Vec<char> = chars[end..]
            .iter()
            .copied()
            .take_while(|&c| is_han(c))
            .take(MAX_TYPED_CHARS)
            .collect();
        (1..=after.len()).rev().find_map(|written| {
            let rest = &after[..written];
            let mut spelling = typed.to_owned();
            for c in rest {
                spelling.extend(c.to_pinyin()?.plain().chars().next());
            }
            let ids: Vec<u32> = self
                .initials
                .get(&spelling)?
                .iter()
                .copied()
                .filter(|&id| {
                    let term = &self.entries[id as usize].chars;
                    term.len() > written && term.ends_with(rest)
                })
                .collect();
            let id = self.unique(&ids, MIN_INITIALS)?;
            Some(Repair {
                start,
                end: end + written,
                term: self.entries[id as usize].chars.iter().collect(),
            })
        })
    }
}
