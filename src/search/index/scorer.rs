//! BM25 over the postings read once at build time: a question sums its words' scores over their postings
//! and keeps the best documents, with no tantivy query, decoding or collector per question.

use std::ops::Range;

use rustc_hash::FxHashMap;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::Postings;
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, TERMINATED};

use super::IndexError;

/// How much a match in each field counts for BM25 (main, context): a word in the unit's own text against
/// one only in the headings around it. Lower, and a sentence under a matching heading ranks below one
/// that says the word; higher, and whole sections crowd out the sentence that answers.
pub(super) const FIELD_BOOSTS: [f32; 2] = [1.0, 0.4];

/// For a term id, the place of its postings in the main and context fields' `words` ([`NOT_IN_FIELD`]: none).
pub(super) type TermPostings = [u32; 2];
const NOT_IN_FIELD: u32 = u32::MAX;

/// A word's occurrence in one document of a field: what its BM25 score is computed from.
struct Posting {
    doc: DocId,
    fieldnorm_id: u8,
    term_freq: u32,
}

/// One word's postings in one field, decoded from tantivy's at build time.
struct WordPostings {
    doc_freq: u32,
    /// Where they sit in the field's `postings`, in document order.
    postings: Range<usize>,
}

/// One field's decoded postings and BM25 weights, kept for the program's life.
pub(super) struct FieldPostings {
    /// Each known word of the field.
    words: Vec<WordPostings>,
    /// Every word's postings, one word after another (one allocation, not one per word).
    postings: Vec<Posting>,
    /// BM25 weight of a word by its document frequency (within one field nothing else changes it), for the
    /// frequencies some word has.
    weights: FxHashMap<u32, Bm25Weight>,
}

impl FieldPostings {
    /// Reads the two fields of the one segment: each known term's postings, decoded, and where they sit.
    pub(super) fn read(
        searcher: &Searcher,
        fields: [Field; 2],
        terms: &FxHashMap<String, u32>,
    ) -> Result<([FieldPostings; 2], Vec<TermPostings>), IndexError> {
        let segment = searcher.segment_reader(0);
        let total_docs = searcher.total_num_docs()?;
        let mut places: Vec<TermPostings> = vec![[NOT_IN_FIELD; 2]; terms.len()];
        let mut read_field = |slot: usize, field: Field| -> Result<FieldPostings, IndexError> {
            let inverted_index = segment.inverted_index(field)?;
            let norms = match segment.fieldnorms_readers().get_field(field)? {
                Some(norms) => norms,
                None => FieldNormReader::constant(segment.max_doc(), 1),
            };
            // As tantivy's own term queries score: the same statistics, the same formula.
            let average_norm = searcher.total_num_tokens(field)? as Score / total_docs as Score;
            let mut words: Vec<WordPostings> = Vec::new();
            let mut postings: Vec<Posting> = Vec::new();
            let mut weights: FxHashMap<u32, Bm25Weight> = FxHashMap::default();
            let mut stream = inverted_index
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let known = std::str::from_utf8(stream.key())
                    .ok()
                    .and_then(|word| terms.get(word));
                let (Some(&term), Ok(at)) = (known, u32::try_from(words.len())) else {
                    continue;
                };
                let info = stream.value();
                let mut read = inverted_index
                    .read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)
                    .map_err(tantivy::TantivyError::from)?;
                let start = postings.len();
                while read.doc() != TERMINATED {
                    postings.push(Posting {
                        doc: read.doc(),
                        fieldnorm_id: norms.fieldnorm_id(read.doc()),
                        term_freq: read.term_freq(),
                    });
                    read.advance();
                }
                places[term as usize][slot] = at;
                words.push(WordPostings {
                    doc_freq: info.doc_freq,
                    postings: start..postings.len(),
                });
                weights.entry(info.doc_freq).or_insert_with(|| {
                    Bm25Weight::for_one_term_without_explain(
                        info.doc_freq.into(),
                        total_docs,
                        average_norm,
                    )
                });
            }
            words.shrink_to_fit();
            postings.shrink_to_fit();
            tracing::debug!(
                field = slot,
                words = words.len(),
                weights = weights.len(),
                "postings read"
            );
            Ok(FieldPostings {
                words,
                postings,
                weights,
            })
        };
        let main = read_field(0, fields[0])?;
        let context = read_field(1, fields[1])?;
        Ok(([main, context], places))
    }
}

/// The best `limit` of `docs` documents for the given terms (their postings places and weights), with
/// their scores, best first: as tantivy's top-docs collector ranks, by score, the lower document first
/// on a tie.
pub(super) fn top_docs(
    fields: &[FieldPostings; 2],
    docs: usize,
    terms: impl Iterator<Item = (TermPostings, f32)>,
    limit: usize,
) -> Vec<(u32, f32)> {
    if limit == 0 {
        return Vec::new();
    }
    let mut scores: Vec<Score> = vec![0.0; docs];
    let mut matched = vec![false; docs];
    let mut found: Vec<DocId> = Vec::new();
    for (places, weight) in terms {
        // Names are in the main text too; the caller scores them on its own.
        for (field, &at) in places.iter().enumerate() {
            let postings = &fields[field];
            let Some(word) = postings.words.get(at as usize) else {
                continue;
            };
            let Some(bm25) = postings.weights.get(&word.doc_freq) else {
                continue;
            };
            let bm25 = bm25.boost_by(FIELD_BOOSTS[field] * weight);
            for posting in &postings.postings[word.postings.clone()] {
                let at = posting.doc as usize;
                if at < docs {
                    scores[at] += bm25.score(posting.fieldnorm_id, posting.term_freq);
                    if !matched[at] {
                        matched[at] = true;
                        found.push(posting.doc);
                    }
                }
            }
        }
    }
    let mut best: Vec<(u32, f32)> = found
        .into_iter()
        .map(|doc| (doc, scores[doc as usize]))
        .collect();
    let best_first = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if best.len() > limit {
        best.select_nth_unstable_by(limit - 1, best_first);
        best.truncate(limit);
    }
    best.sort_unstable_by(best_first);
    best
}
