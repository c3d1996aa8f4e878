//! The tantivy index over the report's units (sentences, indicator records, glossary entries), built in RAM
//! once at start, and its postings read out of it for the program's life.
//!
//! tantivy ranks candidates by BM25 over two fields; the caller re-scores them with what BM25 cannot see
//! (intent, year, how much of the question a unit covers), for which the index also keeps each unit's words
//! as term ids.
//!
//! The index is a few hundred units, so a query's cost would be tantivy's per-term set-up, decoding and
//! collecting, not its postings: the term dictionary lookups, the decoded postings and the BM25 weights are
//! therefore made once at build time, and a question only sums the scores over the postings of its words.

use rustc_hash::FxHashMap;

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{doc, Index, ReloadPolicy, Searcher};

use super::tokenizer::JiebaTokenizer;
use scorer::{FieldPostings, TermPostings};

mod scorer;

const TOKENIZER_NAME: &str = "report_jieba";
/// The writer's arena; the report's index needs far less.
const WRITER_MEMORY: usize = 15_000_000;

/// The text of one unit, split by how much a match in it should count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexDoc {
    /// The unit's own words: the sentence, the indicator's metric and value, the glossary entry.
    pub main: String,
    /// Words around it: paragraph lead phrase, subtopic, section title, the indicator's clause.
    pub context: String,
    /// The name the unit answers to: a glossary term or an indicator's metric.
    pub name: String,
}

/// Why the index could not be built.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("tantivy: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error(
        "the index holds {found} documents in {segments} segments, expected {expected} in one"
    )]
    Layout {
        expected: usize,
        found: u64,
        segments: usize,
    },
}

/// Where a word of a unit's main text sits (byte offsets into `IndexDoc::main`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSpan {
    pub term: u32,
    pub start: u32,
    pub end: u32,
}

/// The words of one indexed unit, as sorted, distinct term ids.
#[derive(Debug, Clone, Default)]
pub struct DocWords {
    /// Every word of the main text in text order, for marking matches in an excerpt.
    pub spans: Vec<WordSpan>,
    pub main: Vec<u32>,
    pub context: Vec<u32>,
    pub name: Vec<u32>,
    /// The same three sets as bits by term id: ranking asks "has it this word?" for every candidate and
    /// every word of the question, which a bit answers in one load.
    main_bits: TermBits,
    context_bits: TermBits,
    name_bits: TermBits,
}

impl DocWords {
    pub fn main_has(&self, term: u32) -> bool {
        self.main_bits.has(term)
    }
    pub fn context_has(&self, term: u32) -> bool {
        self.context_bits.has(term)
    }
    pub fn name_has(&self, term: u32) -> bool {
        self.name_bits.has(term)
    }
}

/// A set of term ids as bits, as long as its largest id needs.
#[derive(Debug, Clone, Default)]
struct TermBits(Box<[u64]>);

impl TermBits {
    /// `sorted` must be sorted (its last id sizes the set).
    fn of(sorted: &[u32]) -> TermBits {
        let Some(&last) = sorted.last() else {
            return TermBits::default();
        };
        let mut bits = vec![0u64; last as usize / 64 + 1];
        for &term in sorted {
            bits[term as usize / 64] |= 1 << (term % 64);
        }
        TermBits(bits.into_boxed_slice())
    }

    fn has(&self, term: u32) -> bool {
        self.0
            .get(term as usize / 64)
            .is_some_and(|word| word & (1 << (term % 64)) != 0)
    }
}

/// The tantivy index of `docs` in one segment, document `i` being `docs[i]`, and its main and context fields.
fn tantivy_index(
    tokenizer: &JiebaTokenizer,
    docs: &[IndexDoc],
) -> Result<(Searcher, [Field; 2]), IndexError> {
    let mut schema = Schema::builder();
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields: [Field; 2] = [
        schema.add_text_field("main", options.clone()),
        schema.add_text_field("context", options),
    ];
    let [main_field, context_field] = fields;
    // One segment written in this thread: the report is small, and a threaded IndexWriter with its
    // commit machinery would double the start-up cost for nothing.
    let tokenizers = tantivy::tokenizer::TokenizerManager::default();
    tokenizers.register(TOKENIZER_NAME, tokenizer.clone());
    let mut writer = Index::builder()
        .schema(schema.build())
        .tokenizers(tokenizers)
        .single_segment_index_writer(tantivy::directory::RamDirectory::create(), WRITER_MEMORY)?;
    for doc in docs {
        writer.add_document(doc!(
            main_field => doc.main.as_str(),
            context_field => doc.context.as_str(),
        ))?;
    }
    let index = writer.finalize()?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let segments = searcher.segment_readers().len();
    if searcher.num_docs() != docs.len() as u64 || segments > 1 {
        return Err(IndexError::Layout {
            expected: docs.len(),
            found: searcher.num_docs(),
            segments,
        });
    }
    Ok((searcher, fields))
}

/// The in-RAM index's postings and words. Documents are numbered in the order they were given.
pub struct SearchIndex {
    /// The main and context fields' postings and BM25 weights.
    fields: [FieldPostings; 2],
    /// For each term id, where its postings sit in the main and context fields (`None`: not in that field).
    postings: Vec<TermPostings>,
    tokenizer: JiebaTokenizer,
    terms: FxHashMap<String, u32>,
    doc_freq: Vec<u32>,
    docs: Vec<DocWords>,
}

impl SearchIndex {
    /// Indexes `docs`; document `i` of the result is `docs[i]`.
    pub fn build(tokenizer: JiebaTokenizer, docs: &[IndexDoc]) -> Result<SearchIndex, IndexError> {
        let started = std::time::Instant::now();
        let (searcher, fields) = tantivy_index(&tokenizer, docs)?;
        let tantivy_ms = started.elapsed().as_secs_f64() * 1e3;
        let mut terms: FxHashMap<String, u32> = FxHashMap::default();
        let mut doc_freq: Vec<u32> = Vec::new();
        let mut spans_of = |text: &str| -> Vec<WordSpan> {
            tokenizer
                .words(text)
                .into_iter()
                .map(|word| {
                    let next = terms.len() as u32;
                    let term = match terms.get(&*word.text) {
                        Some(&term) => term,
                        None => {
                            terms.insert(word.text.into_owned(), next);
                            next
                        }
                    };
                    WordSpan {
                        term,
                        start: word.start as u32,
                        end: word.end as u32,
                    }
                })
                .collect()
        };
        let ids = |spans: &[WordSpan]| {
            let mut ids: Vec<u32> = spans.iter().map(|span| span.term).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let mut words = Vec::with_capacity(docs.len());
        for doc in docs {
            let spans = spans_of(&doc.main);
            let main = ids(&spans);
            let context = ids(&spans_of(&doc.context));
            let name = ids(&spans_of(&doc.name));
            words.push(DocWords {
                spans,
                main_bits: TermBits::of(&main),
                context_bits: TermBits::of(&context),
                name_bits: TermBits::of(&name),
                main,
                context,
                name,
            });
        }
        doc_freq.resize(terms.len(), 0);
        let (fields, postings) = FieldPostings::read(&searcher, fields, &terms)?;
        for doc in &words {
            let mut all: Vec<u32> = doc.main.iter().chain(&doc.context).copied().collect();
            all.sort_unstable();
            all.dedup();
            for id in all {
                doc_freq[id as usize] += 1;
            }
        }
        tracing::debug!(
            docs = docs.len(),
            terms = terms.len(),
            tantivy_ms,
            words_ms = started.elapsed().as_secs_f64() * 1e3 - tantivy_ms,
            "index built"
        );
        Ok(SearchIndex {
            fields,
            postings,
            tokenizer,
            terms,
            doc_freq,
            docs: words,
        })
    }

    /// The tokenizer the index was built with, for questions.
    pub fn tokenizer(&self) -> &JiebaTokenizer {
        &self.tokenizer
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every indexed word.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.terms.keys().map(String::as_str)
    }

    /// The id of an indexed word, `None` when no unit contains it.
    pub fn term_id(&self, word: &str) -> Option<u32> {
        self.terms.get(word).copied()
    }

    /// In how many units a word occurs.
    pub fn doc_freq(&self, term: u32) -> u32 {
        self.doc_freq.get(term as usize).copied().unwrap_or(0)
    }

    /// The words of document `doc`.
    pub fn doc_words(&self, doc: u32) -> &DocWords {
        &self.docs[doc as usize]
    }

    /// BM25 over the main and context fields for the given words (already normalised), each with a weight;
    /// the best `limit` documents with their scores, best first. Words no unit contains are skipped.
    pub fn search(&self, words: &[(&str, f32)], limit: usize) -> Vec<(u32, f32)> {
        let terms = words.iter().filter_map(|&(word, weight)| {
            let term = self.term_id(word)?;
            (weight > 0.0).then(|| (self.postings[term as usize], weight))
        });
        scorer::top_docs(&self.fields, self.docs.len(), terms, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::scorer::FIELD_BOOSTS;
    use super::*;
    use crate::search::tokenizer::shared_jieba;
    use tantivy::collector::TopDocs;

    fn tokenizer() -> JiebaTokenizer {
        JiebaTokenizer::new(shared_jieba(None, "四张清单 10 n\n").expect("dict"))
    }

    fn docs() -> [IndexDoc; 3] {
        [
            IndexDoc {
                main: "2021年粮食总产达95.9万吨。".into(),
                context: "农业基础更加稳固".into(),
                name: String::new(),
            },
            IndexDoc {
                main: "健全“四张清单”制度,确保长期发挥效益。".into(),
                context: "巩固脱贫攻坚成果".into(),
                name: String::new(),
            },
            IndexDoc {
                main: "四张清单:我县通过建立责任清单、任务清单".into(),
                context: String::new(),
                name: "四张清单".into(),
            },
        ]
    }

    fn index() -> SearchIndex {
        SearchIndex::build(tokenizer(), &docs()).expect("index")
    }

    #[test]
    fn documents_keep_their_order_and_words() {
        let index = index();
        assert_eq!(index.len(), 3);
        let grain = index.term_id("粮食").expect("indexed");
        assert!(index.doc_words(0).main_has(grain));
        assert!(!index.doc_words(1).main_has(grain));
        let stable = index.term_id("稳固").expect("indexed");
        assert!(index.doc_words(0).context_has(stable));
        assert_eq!(
            index.doc_freq(index.term_id("四张清单").expect("indexed")),
            2
        );
        assert_eq!(index.term_id("天气"), None);
    }

    #[test]
    fn bm25_finds_every_unit_with_the_word_and_names_are_kept() {
        let index = index();
        let mut found: Vec<u32> = index
            .search(&[("四张清单", 1.0)], 10)
            .into_iter()
            .map(|(doc, _)| doc)
            .collect();
        found.sort_unstable();
        assert_eq!(found, vec![1, 2]);
        assert_eq!(index.search(&[("粮食", 1.0)], 10)[0].0, 0);
        let term = index.term_id("四张清单").expect("indexed");
        assert!(index.doc_words(2).name_has(term) && !index.doc_words(1).name_has(term));
    }

    #[test]
    fn scores_are_those_of_tantivys_own_term_queries() {
        use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
        use tantivy::Term;

        let index = index();
        let words = [
            ("四张清单", 1.0),
            ("粮食", 0.3),
            ("稳固", 1.0),
            ("清单", 0.7),
        ];
        // tantivy's own index of the same units, searched tantivy's way.
        let (searcher, _) = tantivy_index(&tokenizer(), &docs()).expect("index");
        let schema = searcher.schema();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (word, weight) in words {
            for (name, boost) in [("main", FIELD_BOOSTS[0]), ("context", FIELD_BOOSTS[1])] {
                let field = schema.get_field(name).expect("field");
                let term = TermQuery::new(
                    Term::from_field_text(field, word),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(term), boost * weight)),
                ));
            }
        }
        let expected: Vec<(u32, f32)> = searcher
            .search(
                &BooleanQuery::new(clauses),
                &TopDocs::with_limit(10).order_by_score(),
            )
            .expect("search")
            .into_iter()
            .map(|(score, address)| (address.doc_id, score))
            .collect();
        assert_eq!(expected.len(), 3);
        assert_eq!(index.search(&words, 10), expected);
        assert_eq!(index.search(&words, 2), expected[..2]);
    }

    #[test]
    fn term_bits_hold_exactly_their_ids() {
        let bits = TermBits::of(&[0, 5, 63, 64, 200]);
        for term in [0, 5, 63, 64, 200] {
            assert!(bits.has(term), "{term}");
        }
        for term in [1, 62, 65, 199, 201, 100_000] {
            assert!(!bits.has(term), "{term}");
        }
        assert!(!TermBits::of(&[]).has(0));
    }

    #[test]
    fn unknown_and_hostile_words_find_nothing() {
        let index = index();
        for word in ["天气", "\"", "AND", "*", ":", "("] {
            assert!(index.search(&[(word, 1.0)], 10).is_empty());
        }
        assert!(index.search(&[], 10).is_empty());
    }
}
