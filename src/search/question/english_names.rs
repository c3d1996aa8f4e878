//! English names said short: a long English name of a term (Global Textile and Apparel Supply Chain
//! Conference) is also said with a run of its middle left out (global textile conference), keeping its
//! first word and its head, the last. Generated from knowledge/english.toml's names, never listed: a short
//! form two terms share is neither's, and a form that is another term's name stays that term's.

use std::collections::{HashMap, HashSet};

/// Words of a name that carry no meaning of their own: left out of short forms and not counted.
const FUNCTION_WORDS: &[&str] = &[
    "and", "of", "the", "for", "in", "on", "with", "a", "an", "to", "'s",
];

/// A short form keeps this many words of meaning at least: two (global conference) name too little.
const MIN_SHORT_WORDS: usize = 3;

/// The short forms of the names (`(name, term)` pairs, names folded as questions are), each with its term:
/// each form that only one term's names give and that is no name already.
pub(super) fn short_forms_of(names: &[(String, String)]) -> Vec<(String, String)> {
    let full: HashSet<&str> = names.iter().map(|(name, _)| name.as_str()).collect();
    let mut short: HashMap<String, Option<&str>> = HashMap::new();
    for (name, term) in names {
        for form in short_forms(name) {
            if full.contains(form.as_str()) {
                continue;
            }
            short
                .entry(form)
                .and_modify(|owner| {
                    if *owner != Some(term.as_str()) {
                        *owner = None;
                    }
                })
                .or_insert(Some(term.as_str()));
        }
    }
    let mut forms: Vec<(String, String)> = short
        .into_iter()
        .filter_map(|(form, owner)| owner.map(|term| (form, term.to_owned())))
        .collect();
    forms.sort();
    forms
}

/// The forms of a name with one run of its middle meaning words left out (global textile conference for
/// global textile and apparel supply chain conference), at least [`MIN_SHORT_WORDS`] long: a speaker
/// skips a stretch of a long name, not every other word of it.
fn short_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|word| !FUNCTION_WORDS.contains(word))
        .collect();
    if words.len() <= MIN_SHORT_WORDS {
        return Vec::new();
    }
    let last = words.len() - 1;
    let mut forms = Vec::new();
    for from in 1..last {
        for to in from + 1..=last {
            if words.len() - (to - from) < MIN_SHORT_WORDS {
                continue;
            }
            let form: Vec<&str> = words[..from].iter().chain(&words[to..]).copied().collect();
            forms.push(form.join(" "));
        }
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
        // One run of the middle is left out, not every other word.
        assert!(!forms.contains(&"global apparel chain conference".to_owned()));
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
            ("county people's main ward".to_owned(), "丁".to_owned()),
        ];
        let forms = short_forms_of(&names);
        // "county hospital ward" is 丙's own name, never 甲's or 乙's short form; "county people's ward"
        // is 甲's and 丁's alike.
        assert!(forms.iter().all(|(form, _)| form != "county hospital ward"));
        assert!(forms.iter().all(|(form, _)| form != "county people's ward"));
    }
}
