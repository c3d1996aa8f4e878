//! The inline keyboards under replies. Every button carries a [`CallbackAction`]; a button whose
//! payload would not fit Telegram's 64 bytes is left out rather than sent and refused.

use super::button::CallbackAction;
use super::texts;
use super::views::{FindPage, GlossaryPage};
use crate::answer::suggest::{Suggestion, SuggestionKind};
use crate::answer::Hit;
use crate::knowledge::GlossaryEntry;
use crate::questionlog::{Reason, Vote};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

/// Glossary buttons per row: two short terms fit a phone's width; longer terms would be cut.
const GLOSSARY_BUTTONS_PER_ROW: usize = 2;
/// 查看原文 buttons per row under a /find page: three labels of about six characters fit a phone's width.
const SOURCE_BUTTONS_PER_ROW: usize = 3;

/// A button, or nothing when its payload would not fit Telegram's 64 bytes.
fn button(label: impl Into<String>, action: &CallbackAction) -> Option<InlineKeyboardButton> {
    action
        .encode()
        .map(|data| InlineKeyboardButton::callback(label, data))
}

/// Buttons under an answer: 查看原文 for each hit, 引用 (its full citation) for each hit, 更多结果 when
/// there are more, and the glossary entries the answer touches.
pub fn answer_keyboard(
    hits: &[Hit],
    first_number: usize,
    more: Option<CallbackAction>,
    glossary: &[&GlossaryEntry],
) -> Option<InlineKeyboardMarkup> {
    let numbered = hits.len() > 1 || first_number > 1;
    // One button per hit, labelled with the hit's number when there are several.
    let per_hit = |label: fn(Option<usize>) -> String, action: fn(String) -> CallbackAction| {
        hits.iter()
            .enumerate()
            .filter_map(|(i, hit)| {
                let number = numbered.then_some(first_number + i);
                button(label(number), &action(hit.id.to_string()))
            })
            .collect::<Vec<InlineKeyboardButton>>()
    };
    let sources = per_hit(texts::view_source_button, |id| CallbackAction::Source {
        id,
    });
    let cites = per_hit(texts::cite_button, |id| CallbackAction::Cite { id });
    let mut rows = vec![sources, cites];
    rows.push(
        more.and_then(|action| button(texts::MORE_BUTTON, &action))
            .into_iter()
            .collect(),
    );
    let terms: Vec<InlineKeyboardButton> = glossary
        .iter()
        .filter_map(|entry| {
            button(
                texts::glossary_button(&entry.term),
                &CallbackAction::Glossary {
                    id: entry.id.clone(),
                },
            )
        })
        .collect();
    rows.extend(terms.chunks(GLOSSARY_BUTTONS_PER_ROW).map(<[_]>::to_vec));
    keyboard(rows)
}

/// 👍/👎 under an answer to the logged question `question`.
pub fn feedback_keyboard(question: i64) -> Option<InlineKeyboardMarkup> {
    let thumb = |label, vote| {
        button(
            label,
            &CallbackAction::Feedback {
                question,
                vote,
                reason: None,
            },
        )
    };
    keyboard(vec![[
        thumb(texts::THUMBS_UP_BUTTON, Vote::Up),
        thumb(texts::THUMBS_DOWN_BUTTON, Vote::Down),
    ]
    .into_iter()
    .flatten()
    .collect()])
}

/// What a 👎 was about, one tap each, two to a row, labelled by `label`.
pub fn reasons_keyboard(
    question: i64,
    label: fn(Reason) -> &'static str,
) -> Option<InlineKeyboardMarkup> {
    let buttons: Vec<InlineKeyboardButton> = Reason::ALL
        .iter()
        .filter_map(|reason| {
            button(
                label(*reason),
                &CallbackAction::Feedback {
                    question,
                    vote: Vote::Down,
                    reason: Some(*reason),
                },
            )
        })
        .collect();
    keyboard(buttons.chunks(2).map(<[_]>::to_vec).collect())
}

/// /forget's one button: nothing is deleted without it.
pub fn forget_keyboard(label: &str) -> Option<InlineKeyboardMarkup> {
    button(label, &CallbackAction::Forget)
        .map(|button| InlineKeyboardMarkup::new(vec![vec![button]]))
}

/// Glossary entries as buttons with their numbers in the report's list, two to a row.
fn term_rows<'a>(
    entries: impl IntoIterator<Item = &'a GlossaryEntry>,
) -> Vec<Vec<InlineKeyboardButton>> {
    let terms: Vec<InlineKeyboardButton> = entries
        .into_iter()
        .filter_map(|entry| {
            button(
                texts::glossary_term_button(entry.number, &entry.term),
                &CallbackAction::Glossary {
                    id: entry.id.clone(),
                },
            )
        })
        .collect();
    terms
        .chunks(GLOSSARY_BUTTONS_PER_ROW)
        .map(<[_]>::to_vec)
        .collect()
}

/// The entries a partial or misremembered /glossary term may mean.
pub fn glossary_candidates_keyboard(entries: &[&GlossaryEntry]) -> Option<InlineKeyboardMarkup> {
    keyboard(term_rows(entries.iter().copied()))
}

/// The suggestions under a refusal: topics to ask about and glossary entries, two to a row.
pub fn suggestions_keyboard(suggestions: &[Suggestion]) -> Option<InlineKeyboardMarkup> {
    let buttons: Vec<InlineKeyboardButton> = suggestions
        .iter()
        .filter_map(|suggestion| {
            let id = suggestion.id.clone();
            let action = match suggestion.kind {
                SuggestionKind::Topic => CallbackAction::Topic { id },
                SuggestionKind::Term => CallbackAction::Glossary { id },
            };
            button(
                texts::suggestion_button(suggestion.kind, &suggestion.label),
                &action,
            )
        })
        .collect();
    keyboard(
        buttons
            .chunks(GLOSSARY_BUTTONS_PER_ROW)
            .map(<[_]>::to_vec)
            .collect(),
    )
}

/// The term buttons of one /glossary page, with buttons to the pages before and after it.
pub fn glossary_page_keyboard(page: &GlossaryPage) -> Option<InlineKeyboardMarkup> {
    let mut rows = term_rows(page.entries);
    rows.push(navigation(page.index, page.pages, |page| {
        CallbackAction::GlossaryPage { page }
    }));
    keyboard(rows)
}

/// « and » to the pages before and after `index` of `pages`, when there are such pages.
fn navigation(
    index: usize,
    pages: usize,
    action: impl Fn(usize) -> CallbackAction,
) -> Vec<InlineKeyboardButton> {
    let mut row = Vec::new();
    if index > 0 {
        row.extend(button(texts::PREVIOUS_PAGE_BUTTON, &action(index - 1)));
    }
    if index + 1 < pages {
        row.extend(button(texts::NEXT_PAGE_BUTTON, &action(index + 1)));
    }
    row
}

/// The page buttons of /unanswered.
pub fn unanswered_keyboard(index: usize, pages: usize) -> Option<InlineKeyboardMarkup> {
    keyboard(vec![navigation(index, pages, |page| {
        CallbackAction::UnansweredPage { page }
    })])
}

/// Under a /find page: 查看原文 for each place, then the pages before and after it (edited in place).
pub fn find_page_keyboard(page: &FindPage, word: &str) -> Option<InlineKeyboardMarkup> {
    let sources: Vec<InlineKeyboardButton> = page
        .places
        .iter()
        .enumerate()
        .filter_map(|(i, place)| {
            button(
                texts::view_source_button(Some(page.first_number() + i)),
                &CallbackAction::Source {
                    id: place.id.to_string(),
                },
            )
        })
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = sources
        .chunks(SOURCE_BUTTONS_PER_ROW)
        .map(<[_]>::to_vec)
        .collect();
    rows.push(navigation(page.index, page.pages, |page| {
        CallbackAction::Find {
            word: word.to_owned(),
            page: Some(page),
        }
    }));
    keyboard(rows)
}

/// The 全部出处 button under a glossary entry: every place the report says the term.
pub fn all_places_keyboard(word: &str, label: &str) -> Option<InlineKeyboardMarkup> {
    let action = CallbackAction::Find {
        word: word.to_owned(),
        page: None,
    };
    button(label, &action).map(|button| InlineKeyboardMarkup::new(vec![vec![button]]))
}

/// The example questions of /start as buttons, one per row.
pub fn examples_keyboard(questions: &[String]) -> Option<InlineKeyboardMarkup> {
    keyboard(
        questions
            .iter()
            .enumerate()
            .map(|(index, question)| {
                button(question.as_str(), &CallbackAction::Example { index })
                    .into_iter()
                    .collect()
            })
            .collect(),
    )
}

/// `keyboard` with the rows of `extra` under it (either may be absent).
pub fn with_row_of(
    keyboard: Option<InlineKeyboardMarkup>,
    extra: Option<InlineKeyboardMarkup>,
) -> Option<InlineKeyboardMarkup> {
    let rows = [keyboard, extra]
        .into_iter()
        .flatten()
        .flat_map(|markup| markup.inline_keyboard)
        .collect();
    self::keyboard(rows)
}

/// Rows left empty (a button that did not fit, no 更多结果) are dropped, and a keyboard without rows is
/// no keyboard: Telegram refuses an empty one.
fn keyboard(rows: Vec<Vec<InlineKeyboardButton>>) -> Option<InlineKeyboardMarkup> {
    let rows: Vec<_> = rows.into_iter().filter(|row| !row.is_empty()).collect();
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

/// Under a bare /subscribe that met a subscription: change it to the default time, or keep it.
pub fn subscription_keyboard(reset: &str, keep: &str) -> Option<InlineKeyboardMarkup> {
    keyboard(vec![[
        button(reset, &CallbackAction::Subscription { reset: true }),
        button(keep, &CallbackAction::Subscription { reset: false }),
    ]
    .into_iter()
    .flatten()
    .collect()])
}

/// The button under a reminder: the full list of main targets (what /targets shows).
pub fn reminder_keyboard() -> Option<InlineKeyboardMarkup> {
    button(texts::ALL_TARGETS_BUTTON, &CallbackAction::Targets)
        .map(|button| InlineKeyboardMarkup::new(vec![vec![button]]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::samples::{entry, hit};

    fn callback_data(markup: &InlineKeyboardMarkup) -> Vec<Vec<(String, String)>> {
        use teloxide::types::InlineKeyboardButtonKind;
        markup
            .inline_keyboard
            .iter()
            .map(|row| {
                row.iter()
                    .map(|b| match &b.kind {
                        InlineKeyboardButtonKind::CallbackData(data) => {
                            (b.text.clone(), data.clone())
                        }
                        other => panic!("unexpected button {other:?}"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_single_hit_s_button_is_not_numbered() {
        let hits = vec![hit("r/1", "甲。", vec![], "《报告》")];
        let keyboard = answer_keyboard(&hits, 1, None, &[]).expect("buttons");
        assert_eq!(
            callback_data(&keyboard),
            vec![
                vec![(texts::view_source_button(None), "s:r/1".to_owned())],
                vec![(texts::cite_button(None), "c:r/1".to_owned())],
            ]
        );
    }

    #[test]
    fn answer_keyboard_has_sources_more_glossary_and_feedback_rows() {
        let hits = vec![
            hit("r/1.1.1.1", "甲。", vec![], "c"),
            hit("r/1.1.1.2#3", "乙。", vec![], "c"),
        ];
        let (a, b, c) = (entry(1, "甲"), entry(2, "乙"), entry(3, "丙"));
        let more = CallbackAction::More {
            key: 26,
            offset: 3,
            question: "问".into(),
        };
        let keyboard = answer_keyboard(&hits, 1, Some(more), &[&a, &b, &c]);
        let keyboard = with_row_of(keyboard, feedback_keyboard(0x2a)).expect("buttons");
        assert_eq!(
            callback_data(&keyboard),
            vec![
                vec![
                    (texts::view_source_button(Some(1)), "s:r/1.1.1.1".to_owned()),
                    (
                        texts::view_source_button(Some(2)),
                        "s:r/1.1.1.2#3".to_owned()
                    ),
                ],
                vec![
                    (texts::cite_button(Some(1)), "c:r/1.1.1.1".to_owned()),
                    (texts::cite_button(Some(2)), "c:r/1.1.1.2#3".to_owned()),
                ],
                vec![(texts::MORE_BUTTON.to_owned(), "m:1a:3:问".to_owned())],
                vec![
                    (texts::glossary_button("甲"), "g:r/g1".to_owned()),
                    (texts::glossary_button("乙"), "g:r/g2".to_owned()),
                ],
                vec![(texts::glossary_button("丙"), "g:r/g3".to_owned())],
                vec![
                    (texts::THUMBS_UP_BUTTON.to_owned(), "v:2a:u".to_owned()),
                    (texts::THUMBS_DOWN_BUTTON.to_owned(), "v:2a:d".to_owned()),
                ],
            ]
        );
    }

    #[test]
    fn buttons_whose_payload_would_not_fit_are_left_out() {
        let hits = vec![hit(&"x".repeat(80), "甲。", vec![], "c")];
        assert_eq!(answer_keyboard(&hits, 1, None, &[]), None);
    }

    #[test]
    fn more_results_continue_the_numbering() {
        let hits = vec![hit("r/9", "丁。", vec![], "c")];
        let keyboard = answer_keyboard(&hits, 4, None, &[]).expect("buttons");
        assert_eq!(
            callback_data(&keyboard)[0][0].0,
            texts::view_source_button(Some(4))
        );
    }

    #[test]
    fn glossary_pages_navigate_and_clamp() {
        let glossary: Vec<GlossaryEntry> = (1..=25).map(|n| entry(n, &format!("词{n}"))).collect();
        let first = glossary_page_keyboard(&GlossaryPage::new(&glossary, 0));
        let first = callback_data(&first.expect("buttons"));
        assert_eq!(first[0][0], ("1. 词1".to_owned(), "g:r/g1".to_owned()));
        assert_eq!(
            first.last().expect("nav"),
            &vec![(texts::NEXT_PAGE_BUTTON.to_owned(), "gp:1".to_owned())]
        );
        let last = glossary_page_keyboard(&GlossaryPage::new(&glossary, 99));
        let last = callback_data(&last.expect("buttons"));
        assert_eq!(last[0][0], ("21. 词21".to_owned(), "g:r/g21".to_owned()));
        assert_eq!(
            last.last().expect("nav"),
            &vec![(texts::PREVIOUS_PAGE_BUTTON.to_owned(), "gp:1".to_owned())]
        );
    }
}
