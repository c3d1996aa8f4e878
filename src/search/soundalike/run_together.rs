//! Initials of several words typed as one (`qnlszc` 去年粮食总产, `jnbjclmb` 今年白酒产量目标): people run the
//! initials of a time or an asking word together with a term's.

use super::{SoundAlike, MIN_INITIALS, MIN_INITIALS_BEFORE_CHARACTERS};
use crate::search::normalize::is_question_word;

/// The most pieces one typed word of initials is read as (`jn` `sczz` `zz` `mb`): more cuts read any
/// letters as something.
const MAX_RUN_PIECES: usize = 4;

impl SoundAlike {
    /// One typed word of initials run together from pieces (`qnlszc` 去年粮食总产, `jnbjclmb` 今年白酒产量目标,
    /// `zzmb` 增长目标): each piece the initials of a term ([`MIN_INITIALS`] letters or more) or of a way of
    /// asking (`qn`, `mb`), at most [`MAX_RUN_PIECES`] of them, read in the fewest pieces where every piece
    /// is and no two question words stand side by side (`zmds` is no 怎么多少: a name the report lacks); with
    /// whether a term was among them.
    pub(super) fn initials_run_together(&self, spelling: &str) -> Option<(String, bool)> {
        self.initials_pieces(spelling, MAX_RUN_PIECES, false)
            .filter(|(_, _, pieces)| *pieces > 1)
            .map(|(read, term, _)| (read, term))
    }

    /// `spelling` read as at most `pieces` pieces of initials (see [`Self::initials_run_together`]), after a
    /// piece that was a question word when `after_question`: the reading, whether a term was among the
    /// pieces, and how many there were.
    fn initials_pieces(
        &self,
        spelling: &str,
        pieces: usize,
        after_question: bool,
    ) -> Option<(String, bool, usize)> {
        let read = |piece: &str| -> Option<(String, bool)> {
            let term = (piece.len() >= MIN_INITIALS)
                .then(|| self.initials.get(piece))
                .flatten()
                .and_then(|ids| self.unique(ids, MIN_INITIALS))
                .map(|id| (self.entries[id as usize].chars.iter().collect(), true));
            term.or_else(|| {
                self.asking
                    .get(piece)
                    .map(|phrase| (phrase.to_owned(), false))
            })
        };
        if pieces == 0 || spelling.len() < MIN_INITIALS_BEFORE_CHARACTERS {
            return None;
        }
        // The reading in the fewest pieces: `ybggyssr` whole before `yb` `gg` … that spell asking words.
        (MIN_INITIALS_BEFORE_CHARACTERS..=spelling.len())
            .filter_map(|cut| {
                let (first, first_term) = read(&spelling[..cut])?;
                let question = is_question_word(&first);
                if question && after_question {
                    return None;
                }
                if cut == spelling.len() {
                    return Some((first, first_term, 1));
                }
                let (rest, rest_term, count) =
                    self.initials_pieces(&spelling[cut..], pieces - 1, question)?;
                Some((first + &rest, first_term || rest_term, count + 1))
            })
            .min_by_key(|(_, _, count)| *count)
    }
}
