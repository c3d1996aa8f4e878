//! English names said short: a long English name of a term (Global Textile and Apparel Supply Chain
//! Conference) is also said with words of its middle left out (global textile conference), keeping its
//! first word and its head, the last. Generated from knowledge/english.toml's names, never listed: a short
//! form two terms share is neither's, and a form that is another term's name stays that term's.

use std::collections::HashMap;

/// Words of a name that carry no meaning of their own: left out of short forms and not counted.
const FUNCTION_WORDS: &[&str] = &[
    "and", "of", "the", "for", "in", "on", "with", "a", "an", "to", "'s",
];

/// A short form keeps this many words of meaning at least: two (global conference) name too little.
const MIN_SHORT_WORDS: usize = 3;

/// A name of more meaning words than this is not shortened: every subset of its middle would be a form,
/// and no name of the report's is this long.
const MAX_NAME_WORDS: usize = 10;

/// The names with their short forms added (`(name, term)` pairs, names folded as questions are): each
/// form that only one term's names give and that is no name already.
pub(super) fn with_short_forms(names: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut short: HashMap<String, Option<String>> = HashMap::new();
    for (name, term) in &names {
        for form in short_forms(name) {
            short
                .entry(form)
                .and_modify(|owner| {
                    if owner.as_deref() != Some(term.as_str()) {
                        *owner = None;
                    }
                })
                .or_insert_with(|| Some(term.clone()));
        }
    }
    let mut forms: Vec<(String, String)> = short
        .into_iter()
        .filter(|(form, _)| !names.iter().any(|(name, _)| name == form))
        .filter_map(|(form, owner)| owner.map(|term| (form, term)))
        .collect();
    forms.sort();
    names.into_iter().chain(forms).collect()
}

/// The forms of a name with some of its middle meaning words left out, at least [`MIN_SHORT_WORDS`] long.
fn short_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|word| !FUNCTION_WORDS.contains(word))
        .collect();
    if words.len() <= MIN_SHORT_WORDS || words.len() > MAX_NAME_WORDS {
        return Vec::new();
    }
    let middle = &words[1..words.len() - 1];
    let mut forms = Vec::new();
    // Each subset of the middle, as a bit mask; the full set is the name itself.
    for kept in 0u32..(1 << middle.len()) - 1 {
        let chosen: Vec<&str> = middle
            .iter()
            .enumerate()
            .filter(|(at, _)| kept & (1 << at) != 0)
            .map(|(_, word)| *word)
            .collect();
        if chosen.len() + 2 < MIN_SHORT_WORDS {
            continue;
        }
        let mut form = vec![words[0]];
        form.extend(chosen);
        form.push(words[words.len() - 1]);
        forms.push(form.join(" "));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_said_with_its_middle_left_out() {
        let forms = short_forms("global textile and apparel supply chain conference");
        assert!(forms.contains(&"global textile conference".to_owned()));
        assert!(forms.contains(&"global textile supply chain conference".to_owned()));
        // The first word and the head stay; two words name too little.
        assert!(!forms.contains(&"textile conference".to_owned()));
        assert!(!forms.contains(&"global conference".to_owned()));
        assert!(short_forms("fiscal revenue").is_empty());
    }

    #[test]
    fn a_short_form_two_terms_share_is_neithers() {
        let names = vec![
            ("county people's hospital ward".to_owned(), "甲".to_owned()),
            ("county central hospital ward".to_owned(), "乙".to_owned()),
            ("county hospital ward".to_owned(), "丙".to_owned()),
        ];
        let all = with_short_forms(names);
        // "county hospital ward" is 丙's own name, never 甲's or 乙's short form.
        let hospital: Vec<&str> = all
            .iter()
            .filter(|(name, _)| name == "county hospital ward")
            .map(|(_, term)| term.as_str())
            .collect();
        assert_eq!(hospital, vec!["丙"]);
    }
}
