//! BM25 over the postings found at build time: the question's words as one tantivy [`Weight`] that sums
//! their scores, so that a question costs only the walk over its words' postings.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use tantivy::collector::{Collector, TopDocs};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::InvertedIndexReader;
use tantivy::postings::{Postings, TermInfo};
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight, Explanation, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED};

use super::IndexError;

/// How much a match in each field counts for BM25 (main, context): a word in the unit's own text against
/// one only in the headings around it. Lower, and a sentence under a matching heading ranks below one
/// that says the word; higher, and whole sections crowd out the sentence that answers.
pub(super) const FIELD_BOOSTS: [f32; 2] = [1.0, 0.4];

/// For a term id, the place of its postings in the main and context fields' `infos` ([`NOT_IN_FIELD`]: none).
pub(super) type TermPostings = [u32; 2];
const NOT_IN_FIELD: u32 = u32::MAX;

/// One field's postings reader, norms and BM25 weights, kept for the program's life.
pub(super) struct FieldPostings {
    inverted_index: Arc<InvertedIndexReader>,
    norms: FieldNormReader,
    /// Where the postings of the field's words sit.
    infos: Vec<TermInfo>,
    /// BM25 weight of a word by its document frequency (within one field nothing else changes it), for the
    /// frequencies some word has.
    weights: FxHashMap<u32, Bm25Weight>,
}

impl FieldPostings {
    /// Reads the two fields of the one segment, and where each known term's postings sit in them.
    pub(super) fn read(
        searcher: &Searcher,
        fields: [Field; 2],
        terms: &FxHashMap<String, u32>,
    ) -> Result<([FieldPostings; 2], Vec<TermPostings>), IndexError> {
        let segment = searcher.segment_reader(0);
        let total_docs = searcher.total_num_docs()?;
        let mut postings: Vec<TermPostings> = vec![[NOT_IN_FIELD; 2]; terms.len()];
        let mut read_field = |slot: usize, field: Field| -> Result<FieldPostings, IndexError> {
            let inverted_index = segment.inverted_index(field)?;
            // As tantivy's own term queries score: the same statistics, the same formula.
            let average_norm = searcher.total_num_tokens(field)? as Score / total_docs as Score;
            let mut infos: Vec<TermInfo> = Vec::new();
            let mut weights: FxHashMap<u32, Bm25Weight> = FxHashMap::default();
            let mut stream = inverted_index
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let known = std::str::from_utf8(stream.key())
                    .ok()
                    .and_then(|word| terms.get(word));
                let (Some(&term), Ok(at)) = (known, u32::try_from(infos.len())) else {
                    continue;
                };
                let info = stream.value();
                postings[term as usize][slot] = at;
                infos.push(info.clone());
                weights.entry(info.doc_freq).or_insert_with(|| {
                    Bm25Weight::for_one_term_without_explain(
                        info.doc_freq.into(),
                        total_docs,
                        average_norm,
                    )
                });
            }
            let norms = match segment.fieldnorms_readers().get_field(field)? {
                Some(norms) => norms,
                None => FieldNormReader::constant(segment.max_doc(), 1),
            };
            infos.shrink_to_fit();
            tracing::debug!(
                field = slot,
                words = infos.len(),
                weights = weights.len(),
                "postings read"
            );
            Ok(FieldPostings {
                inverted_index,
                norms,
                infos,
                weights,
            })
        };
        let main = read_field(0, fields[0])?;
        let context = read_field(1, fields[1])?;
        Ok(([main, context], postings))
    }
}

/// One word of a query in one field.
struct Clause {
    field: usize,
    info: TermInfo,
    bm25: Bm25Weight,
}

/// The question's words as a tantivy weight: the sum of their BM25 scores, over the postings found at
/// build time.
struct WordsWeight {
    fields: Arc<[FieldPostings; 2]>,
    clauses: Vec<Clause>,
}

impl WordsWeight {
    /// Every matching document with its score, in document order.
    fn scored(&self, reader: &SegmentReader) -> tantivy::Result<Vec<(DocId, Score)>> {
        let (scores, matched) = self.accumulate(reader)?;
        Ok((0..scores.len())
            .filter(|&at| matched[at])
            .map(|at| (at as DocId, scores[at]))
            .collect())
    }

    /// Each document's score, and whether any word matched it, by document.
    fn accumulate(&self, reader: &SegmentReader) -> tantivy::Result<(Vec<Score>, Vec<bool>)> {
        let max_doc = reader.max_doc() as usize;
        let mut scores: Vec<Score> = vec![0.0; max_doc];
        let mut matched = vec![false; max_doc];
        for clause in &self.clauses {
            let field = &self.fields[clause.field];
            let mut postings = field
                .inverted_index
                .read_postings_from_terminfo(&clause.info, IndexRecordOption::WithFreqs)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                let at = doc as usize;
                if at < max_doc {
                    scores[at] += clause
                        .bm25
                        .score(field.norms.fieldnorm_id(doc), postings.term_freq());
                    matched[at] = true;
                }
                doc = postings.advance();
            }
        }
        Ok((scores, matched))
    }
}

impl Weight for WordsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut docs = self.scored(reader)?;
        docs.iter_mut().for_each(|(_, score)| *score *= boost);
        Ok(Box::new(ScoredDocs { docs, at: 0 }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let docs = self.scored(reader)?;
        match docs.binary_search_by_key(&doc, |&(d, _)| d) {
            Ok(at) => Ok(Explanation::new("sum of the words' BM25", docs[at].1)),
            Err(_) => Err(tantivy::TantivyError::InvalidArgument(format!(
                "document #({doc}) does not match"
            ))),
        }
    }

    /// As tantivy's scorers do for a top-k collector: a document is passed on only when it beats the
    /// collector's threshold.
    fn for_each_pruning(
        &self,
        mut threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let (scores, matched) = self.accumulate(reader)?;
        for (doc, (&score, &matched)) in scores.iter().zip(&matched).enumerate() {
            if matched && score > threshold {
                threshold = callback(doc as DocId, score);
            }
        }
        Ok(())
    }
}

/// Scored documents in document order, as a tantivy scorer.
struct ScoredDocs {
    docs: Vec<(DocId, Score)>,
    at: usize,
}

impl DocSet for ScoredDocs {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.docs.len());
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).map_or(TERMINATED, |&(doc, _)| doc)
    }

    fn size_hint(&self) -> u32 {
        self.docs.len() as u32
    }
}

impl Scorer for ScoredDocs {
    fn score(&mut self) -> Score {
        self.docs.get(self.at).map_or(0.0, |&(_, score)| score)
    }
}

/// The best `limit` documents of the one segment for the given terms (their postings places and weights),
/// with their scores, best first.
pub(super) fn top_docs(
    fields: &Arc<[FieldPostings; 2]>,
    segment: &SegmentReader,
    terms: impl Iterator<Item = (TermPostings, f32)>,
    limit: usize,
) -> Vec<(u32, f32)> {
    let mut clauses: Vec<Clause> = Vec::new();
    for (places, weight) in terms {
        // Names are in the main text too; the caller scores them on its own.
        for (field, &at) in places.iter().enumerate() {
            let postings = &fields[field];
            let Some(info) = postings.infos.get(at as usize) else {
                continue;
            };
            if let Some(bm25) = postings.weights.get(&info.doc_freq) {
                clauses.push(Clause {
                    field,
                    info: info.clone(),
                    bm25: bm25.boost_by(FIELD_BOOSTS[field] * weight),
                });
            }
        }
    }
    if clauses.is_empty() || limit == 0 {
        return Vec::new();
    }
    let weight = WordsWeight {
        fields: Arc::clone(fields),
        clauses,
    };
    let collector = TopDocs::with_limit(limit).order_by_score();
    let found = collector
        .collect_segment(&weight, 0, segment)
        .and_then(|segment| collector.merge_fruits(vec![segment]));
    match found {
        Ok(found) => found
            .into_iter()
            .map(|(score, address)| (address.doc_id, score))
            .collect(),
        Err(error) => {
            tracing::warn!(%error, "search failed");
            Vec::new()
        }
    }
}
