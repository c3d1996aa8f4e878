//! `/find 词` and the 全部出处 button: every place the report says a word, counted and paged, each with
//! its citation and a 查看原文 button; in the chat's language.

use super::html::{Block, Span};
use super::views::FindPage;
use super::{cite, keyboards, texts};
use crate::answer::find::places;
use crate::answer::{Engine, Language};
use crate::knowledge::GlossaryEntry;
use teloxide::types::InlineKeyboardMarkup;

/// Page `page` (from 0, clamped) of the places the newest report says `word`, with its buttons; a
/// plain "not found" when it never does.
pub fn find_reply(
    engine: &Engine,
    word: &str,
    page: usize,
    language: Language,
) -> (Vec<Block>, Option<InlineKeyboardMarkup>) {
    let found: Vec<_> = places(engine.library(), word)
        .into_iter()
        .map(|mut place| {
            place.citation = cite::citation_with_place(engine, place.id.as_str(), &place.citation);
            place
        })
        .collect();
    if found.is_empty() {
        let none = match language {
            Language::Chinese => texts::find_none(word),
            Language::English => texts::en::find_none(word),
        };
        return (vec![Block::text(vec![Span::plain(none)])], None);
    }
    let page = FindPage::new(&found, page);
    let header = match language {
        Language::Chinese => texts::find_header,
        Language::English => texts::en::find_header,
    };
    let heading = header(word, page.total, page.index + 1, page.pages);
    (
        page.blocks(heading),
        keyboards::find_page_keyboard(&page, word),
    )
}

/// The 全部出处 button under a glossary entry, when the report's text uses the term.
pub fn entry_keyboard(
    engine: &Engine,
    entry: &GlossaryEntry,
    language: Language,
) -> Option<InlineKeyboardMarkup> {
    if places(engine.library(), &entry.term).is_empty() {
        return None;
    }
    let label = match language {
        Language::Chinese => texts::ALL_PLACES_BUTTON,
        Language::English => texts::en::ALL_PLACES_BUTTON,
    };
    keyboards::all_places_keyboard(&entry.term, label)
}
