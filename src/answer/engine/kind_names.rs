//! Things of one kind the report names apart, one clause each (打造国内最大的畜牧机械装备制造基地；建设5G智慧
//! 杆塔生产基地；…): 今年要打造哪些基地 asks for them all, no one sentence names them, and the search's best
//! sentence would give one of them as if it were the answer. The kind is the word asked after 哪些 (哪些产业
//! 基地) or before 有哪些 (要建的基地有哪些); a thing of it is a clause that writes the kind as a word of its
//! own after two letters of a name: not inside a longer word (宅基地), not a counted group (三大基地), not
//! examples already summed up (A、B等基地). The clauses come from the parts about the time asked, so next
//! year's report brings its own.

use crate::knowledge::numerals::is_numeral_char;
use crate::knowledge::ListKind;
use crate::search::normalize::{fold_for_search, is_han};

use super::super::catalog::Unit;
use super::super::types::Outcome;
use super::asking::asking_words;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::lists::{LIST_CUES, VAGUE_KINDS};
use super::structure::{PLAN_WORDS, REVIEW_WORDS, SCOPE_WORDS};
use super::weights::HITS_PER_PAGE;
use super::{Engine, Ranking};
use crate::search::question::Question;

/// Fewer things than this are what one passage answers, as the search does: the gathering is for kinds
/// the report names many of.
const MIN_NAMED: usize = 3;

/// ...and they must stand in this many sentences at least: things one sentence names are its answer.
const MIN_SENTENCES: usize = 2;

/// Words asking which things, before the kind (哪些基地, 哪几个园区, 什么基地).
const WHICH_BEFORE: &[&str] = &["哪些", "哪几", "什么", "啥"];

/// Words asking which things, after the kind (基地有哪些, 园区都是哪些).
const WHICH_AFTER: &[&str] = &["都有哪些", "有哪些", "都是哪些", "是哪些", "包括哪些"];

/// Measure words between 哪几 and the kind (哪几个园区, 哪几处基地).
const WHICH_MEASURES: &[char] = &['个', '处', '项', '家', '座', '所', '类', '种'];

/// Letters right before the kind that make it no name of a thing: a summing up of examples (等), a
/// possessive or a count of them (的, 个), a counted group (三大, 两个), every thing of it (各种, 各类, 这些).
const NOT_A_NAME_BEFORE: &[char] = &['等', '的', '个', '大', '种', '类', '些', '项'];

/// Words around the kind asked that qualify no thing: others (其他重大风险), the time and scope of the
/// question (今年重点领域改革).
const NOT_QUALIFYING: &[&str] = &["其他", "其它", "别的"];

/// Where a clause of the report ends.
/// Items side by side (A改革、B改革) stay one clause: the sentence naming them together is their answer,
/// which the search finds.
fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '，' | ';' | '；' | '。' | ':' | '：' | '“' | '”')
}

/// The kind a question asks things of, with the words that qualify it (产业 of 哪些产业基地): the last two
/// letters of the run of letters after a word asking which, or before one asking after it.
fn kind_asked(normalized: &str) -> Option<(String, String)> {
    // Every word asking which has one of these letters: most questions stop here.
    if !normalized.contains(['哪', '什', '啥']) {
        return None;
    }
    // A name's run of letters ends at a possessive (哪几个景区的后期建设 asks of 景区).
    let in_name = |c: char| is_han(c) && c != '的';
    let han_run_after = |text: &str| -> String {
        let text = text.trim_start_matches(WHICH_MEASURES);
        text.chars().take_while(|&c| in_name(c)).collect()
    };
    let han_run_before = |text: &str| -> String {
        let text = text.trim_end_matches(['都', '还']);
        let mut run: Vec<char> = text.chars().rev().take_while(|&c| in_name(c)).collect();
        run.reverse();
        run.into_iter().collect()
    };
    let runs = WHICH_BEFORE
        .iter()
        .flat_map(|which| {
            normalized
                .match_indices(which)
                .map(|(at, said)| han_run_after(&normalized[at + said.len()..]))
        })
        .chain(WHICH_AFTER.iter().flat_map(|which| {
            normalized
                .match_indices(which)
                .map(|(at, _)| han_run_before(&normalized[..at]))
        }));
    runs.filter_map(|run| {
        let chars: Vec<char> = run.chars().collect();
        let split = chars.len().checked_sub(2)?;
        let kind: String = chars[split..].iter().collect();
        let qualifier: String = chars[..split].iter().collect();
        Some((kind, qualifier))
    })
    .next()
}

/// One thing named: the clause naming it (as written, and folded as questions are) and its sentence.
struct Named<'r> {
    clause: &'r str,
    folded: String,
    sentence_id: &'r str,
}

/// Whether `clause` names a thing of `kind`: the clause ends with the kind (打造…基地: the thing is what
/// the clause makes; 培育高新技术企业4家 counts things of a class), after two letters that are no numeral,
/// summing up or possessive, and not the end of a longer word `is_word` knows (宅基地).
fn names_thing(clause: &str, kind: &str, is_word: impl Fn(&str) -> bool) -> bool {
    let Some(name) = clause.trim_end().strip_suffix(kind) else {
        return false;
    };
    let before: Vec<char> = name.chars().rev().take(2).collect();
    before.len() == 2
        && before.iter().all(|&c| is_han(c) && !is_numeral_char(c))
        && !NOT_A_NAME_BEFORE.contains(&before[0])
        && !is_word(&format!("{}{kind}", before[0]))
}

impl Engine {
    /// The things of the kind a question asks which of, gathered from the clauses naming them in the
    /// parts about the time asked, when the search found no one unit naming them and the question says
    /// nothing else but a plan section they are in.
    pub(super) fn kind_names_outcome(&self, ranking: &Ranking) -> Option<Outcome> {
        let question = &ranking.question;
        let normalized = question.normalized.as_str();
        let (kind, qualifier) = kind_asked(normalized)?;
        if VAGUE_KINDS.contains(&kind.as_str()) {
            return None;
        }
        let term = self
            .index
            .term_id(&kind)
            .filter(|term| !self.metric_terms.contains(term))?;
        let qualifier = without(
            &qualifier,
            NOT_QUALIFYING
                .iter()
                .chain(SCOPE_WORDS)
                .chain(PLAN_WORDS)
                .chain(REVIEW_WORDS)
                .copied(),
        );
        let qualifier = qualifier.split_whitespace().last().unwrap_or_default();
        // A list the report names by the kind asked (十件惠民工程, 五大工程) is what is asked for.
        let report = self.library.latest();
        let asked_name = format!("{qualifier}{kind}");
        if report
            .lists
            .iter()
            .any(|list| list.name.contains(asked_name.as_str()))
        {
            return None;
        }
        let mut named = self.things_named(question, &kind, term);
        // The words qualifying the kind name a plan section (产业 of 产业基地: 壮大工业底盘), or one thing or
        // two, which the search finds (杆塔生产基地); said by more, they tell none apart (生产基地).
        if !qualifier.is_empty() {
            match self.section_named(qualifier) {
                Some(section) => in_section(&mut named, &section),
                None => {
                    let saying = named
                        .iter()
                        .filter(|thing| thing.folded.contains(qualifier))
                        .count();
                    if (1..MIN_NAMED).contains(&saying) {
                        return None;
                    }
                }
            }
        }
        // What else the question says names a plan section (工业方面): its things only.
        let rest = without(
            normalized,
            [kind.as_str(), qualifier]
                .into_iter()
                .filter(|word| !word.is_empty())
                .chain(WHICH_BEFORE.iter().copied())
                .chain(WHICH_AFTER.iter().copied())
                .chain(LIST_CUES.iter().copied())
                .chain(PLAN_WORDS.iter().copied())
                .chain(REVIEW_WORDS.iter().copied())
                .chain(SCOPE_WORDS.iter().copied())
                .chain(REPORT_WORDS.iter().copied())
                .chain(asking_words()),
        );
        let rest = without_shared_pairs(&rest, &named);
        if !topicless(&rest) {
            in_section(&mut named, &self.section_named(&rest)?);
        }
        let mut sentences: Vec<&str> = named.iter().map(|thing| thing.sentence_id).collect();
        sentences.dedup();
        if named.len() < MIN_NAMED
            || sentences.len() < MIN_SENTENCES
            || self.best_names_them(ranking, &named)
        {
            return None;
        }
        tracing::debug!(
            things = named.len(),
            "things of the kind asked, named apart"
        );
        let mut direct = format!("报告写到的{kind}（共{}处）：", named.len());
        for (number, thing) in named.iter().enumerate() {
            direct.push_str(&format!("\n{}. {}", number + 1, thing.clause));
        }
        let hits = sentences
            .iter()
            .filter_map(|id| self.catalog.doc_of(id))
            .take(HITS_PER_PAGE)
            .map(|doc| self.chosen_hit(doc))
            .collect();
        Some(self.chosen_answer(Some(direct), hits))
    }

    /// The clauses naming a thing of `kind` (its word `term`), in report order, from the sentences of the
    /// parts about the time `question` asks: the years named, else the past years when results or the
    /// five years are asked, else the plan.
    fn things_named(&self, question: &Question, kind: &str, term: u32) -> Vec<Named<'_>> {
        let report_year = self.reader.report_year();
        let time = &question.time;
        let fits = |doc: u32| {
            let Some(period) = self.catalog.part_period(doc) else {
                return false;
            };
            if !time.years.is_empty() {
                time.years.iter().any(|year| period.years().contains(year))
            } else if question.wants_result || time.past_five_years {
                period.last_year() < report_year
            } else {
                period.last_year() >= report_year
            }
        };
        let is_word = |word: &str| self.index.tokenizer().knows(word);
        let mut named: Vec<Named> = Vec::new();
        for sentence in self.library.latest().sentences() {
            let Some(doc) = self.catalog.doc_of(&sentence.id) else {
                continue;
            };
            if !self.index.doc_words(doc).main_has(term) || !fits(doc) {
                continue;
            }
            // Folding keeps Chinese letters as they are: a clause without the kind is passed unfolded.
            for clause in sentence
                .text
                .split(is_clause_end)
                .filter(|c| c.contains(kind))
            {
                let folded = fold_for_search(clause);
                if names_thing(&folded, kind, is_word)
                    && !named.iter().any(|known| known.folded == folded)
                {
                    named.push(Named {
                        clause,
                        folded,
                        sentence_id: &sentence.id,
                    });
                }
            }
        }
        named
    }

    /// Whether the search's best unit names the things itself: a list, a glossary entry, or a sentence
    /// naming half of them or more.
    fn best_names_them(&self, ranking: &Ranking, named: &[Named]) -> bool {
        let Some(best) = ranking.ranked.first() else {
            return false;
        };
        match self.catalog.unit(best.doc) {
            Unit::List { .. } | Unit::Glossary { .. } => true,
            Unit::Sentence(_) => {
                let id = self.catalog.id(best.doc);
                2 * named.iter().filter(|thing| thing.sentence_id == id).count() >= named.len()
            }
            Unit::Indicator { .. } => false,
        }
    }

    /// The id of the plan section whose own words `rest` is (工业方面 → 壮大工业底盘).
    fn section_named(&self, rest: &str) -> Option<String> {
        let report = self.library.latest();
        let (at, list) = report
            .lists
            .iter()
            .enumerate()
            .find(|(_, list)| list.kind == ListKind::Sections)?;
        // By its own words (农业 of 聚焦“三农”发展), else by its heading's (工业 of 壮大工业底盘).
        let number = match self.topics.named(rest, &[at]) {
            Some((block, left)) if topicless(&left) => block.number,
            _ => {
                let words: Vec<&str> = rest.split_whitespace().collect();
                // The headings as the topics folded them when the engine was built.
                let mut headed = list
                    .items
                    .iter()
                    .enumerate()
                    .filter(|&(index, _)| {
                        let heading = self.topics.heading(at, index);
                        words.iter().all(|word| heading.contains(word))
                    })
                    .map(|(_, item)| item);
                let item = headed.next()?;
                if headed.next().is_some() {
                    return None;
                }
                item.number
            }
        };
        let item = list.items.iter().find(|item| item.number == number)?;
        Some(item.source_id.clone())
    }
}

/// `named` kept to the things of plan section `section` (its id).
fn in_section(named: &mut Vec<Named>, section: &str) {
    let prefix = format!("{section}.");
    named.retain(|thing| thing.sentence_id.starts_with(&prefix));
}

/// `rest` with the pairs of letters most clauses naming the things say blanked (打造 of 今年要打造哪些基地):
/// a word the things share tells none apart.
fn without_shared_pairs(rest: &str, named: &[Named]) -> String {
    let chars: Vec<char> = rest.chars().collect();
    let mut shared = vec![false; chars.len()];
    for at in 0..chars.len().saturating_sub(1) {
        let pair: String = chars[at..at + 2].iter().collect();
        let saying = named
            .iter()
            .filter(|thing| thing.folded.contains(pair.as_str()))
            .count();
        if !named.is_empty() && 2 * saying >= named.len() {
            shared[at] = true;
            shared[at + 1] = true;
        }
    }
    chars
        .iter()
        .zip(&shared)
        .map(|(&c, &shared)| if shared { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_is_asked_after_which_or_before_it() {
        assert_eq!(
            kind_asked("今年要打造哪些产业基地"),
            Some(("基地".to_owned(), "产业".to_owned()))
        );
        assert_eq!(
            kind_asked("今年要建的基地有哪些"),
            Some(("基地".to_owned(), String::new()))
        );
        assert_eq!(
            kind_asked("推进哪几个景区的后期建设"),
            Some(("景区".to_owned(), String::new()))
        );
        assert_eq!(
            kind_asked("要建哪几个园区"),
            Some(("园区".to_owned(), String::new()))
        );
        assert_eq!(kind_asked("粮食产量多少"), None);
    }

    #[test]
    fn a_thing_is_named_by_two_letters_before_its_kind() {
        let is_word = |word: &str| word == "宅基地";
        assert!(names_thing(
            "打造国内最大的畜牧机械装备制造基地",
            "基地",
            is_word
        ));
        assert!(names_thing("建设5g智慧杆塔生产基地", "基地", is_word));
        // A counted group, a longer word, examples summed up: no thing named.
        assert!(!names_thing("三大基地", "基地", is_word));
        assert!(!names_thing(
            "扎实推进农村集体产权制度和宅基地",
            "基地",
            is_word
        ));
        assert!(!names_thing("a和b等基地", "基地", is_word));
    }
}
