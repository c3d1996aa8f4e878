//! Finding the report's units for a question: normalisation, the shared jieba tokenizer, question
//! understanding and the tantivy index.

mod asking_pinyin;
pub mod dictionary;
pub mod index;
pub mod normalize;
pub mod pinyin_words;
pub mod question;
pub mod soundalike;
mod syllables;
pub mod tokenizer;
pub mod typo;
