//! A smaller base dictionary for jieba. The full default dictionary (349,000 words) costs most of the
//! program's start-up time and memory; the words the reports use, every single character and the most
//! frequent words of the language segment the reports and people's questions the same way, at a seventh
//! of the size.

use std::collections::HashSet;

/// The words of `full` (jieba's dictionary format, `word freq [tag]` per line) worth keeping: those in
/// `keep_text`, every single character, and the `most_frequent` most frequent words. Lines come out in
/// the order of `full`.
pub fn reduce(full: &str, keep_text: &str, most_frequent: usize) -> String {
    let entries: Vec<(&str, u64, &str)> = full
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let word = fields.next()?;
            let frequency = fields.next()?.parse().ok()?;
            Some((word, frequency, line))
        })
        .collect();
    let mut by_frequency: Vec<&(&str, u64, &str)> = entries.iter().collect();
    by_frequency.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    let frequent: HashSet<&str> = by_frequency
        .iter()
        .take(most_frequent)
        .map(|entry| entry.0)
        .collect();
    let mut out = String::new();
    for &(word, _, line) in &entries {
        if word.chars().count() == 1 || frequent.contains(word) || keep_text.contains(word) {
            out.push_str(line.trim());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = "的 300 uj\n天气 50 n\n粮食 40 n\n犄角旮旯 2 n\n总产 1 n\n坏行\n";

    #[test]
    fn keeps_single_characters_frequent_words_and_the_texts_words() {
        let reduced = reduce(FULL, "粮食总产达95.9万吨", 2);
        assert_eq!(reduced, "的 300 uj\n天气 50 n\n粮食 40 n\n总产 1 n\n");
    }

    #[test]
    fn nothing_to_keep_keeps_single_characters() {
        assert_eq!(reduce(FULL, "", 0), "的 300 uj\n");
    }
}
