//! Lookups on a parsed report, so callers never walk the tree by hand or parse ids themselves.

use super::model::{
    FigureKind, GlossaryEntry, Indicator, Paragraph, Part, Report, Section, Sentence,
};

/// A paragraph's place: its part's and section's numerals (empty for the greeting and for section 0)
/// and its number in the section, from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location<'a> {
    pub part: &'a str,
    pub section: &'a str,
    pub paragraph: usize,
}

/// The part, section and paragraph holding a paragraph, sentence or figure, or the part of a section:
/// what a reader is told when asking where the report speaks of something.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub part: &'a Part,
    pub section: &'a Section,
    /// The paragraph and its number in its section, from 1; `None` for a section's own place.
    pub paragraph: Option<(&'a Paragraph, usize)>,
}

impl Part {
    /// Every paragraph of the part, in document order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.sections.iter().flat_map(|section| &section.paragraphs)
    }
}

impl Paragraph {
    /// The paragraph's sentences as one text.
    pub fn text(&self) -> String {
        self.sentences.iter().map(|s| s.text.as_str()).collect()
    }
}

impl Report {
    /// Every section (section 0 of each part included), in document order.
    pub fn sections(&self) -> impl Iterator<Item = &Section> {
        self.parts.iter().flat_map(|part| &part.sections)
    }

    /// Every paragraph, in document order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.parts.iter().flat_map(Part::paragraphs)
    }

    /// Every sentence, in document order.
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.paragraphs().flat_map(|paragraph| &paragraph.sentences)
    }

    /// The paragraph with this id (`xiping-2022/3.2.4`).
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        let [part, section, paragraph] = self.id_numbers(id)?;
        let found = self
            .parts
            .get(part)?
            .sections
            .get(section)?
            .paragraphs
            .get(paragraph.checked_sub(1)?)?;
        (found.id == id).then_some(found)
    }

    /// The sentence with this id (`xiping-2022/3.2.4.2`) and the paragraph around it, for context.
    pub fn sentence(&self, id: &str) -> Option<(&Paragraph, &Sentence)> {
        let (paragraph_id, number) = id.rsplit_once('.')?;
        let paragraph = self.paragraph(paragraph_id)?;
        let sentence = paragraph
            .sentences
            .get(number.parse::<usize>().ok()?.checked_sub(1)?)?;
        (sentence.id == id).then_some((paragraph, sentence))
    }

    /// Glossary entry by its number in the report (1-based).
    pub fn glossary_entry(&self, number: u32) -> Option<&GlossaryEntry> {
        self.glossary.iter().find(|entry| entry.number == number)
    }

    /// The indicator records of one kind, in document order.
    pub fn indicators_of(&self, kind: FigureKind) -> impl Iterator<Item = &Indicator> {
        self.indicators
            .iter()
            .filter(move |indicator| indicator.kind == kind)
    }

    /// The indicator with this id (`<sentence id>#<n>`).
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|indicator| indicator.id == id)
    }

    /// Where a paragraph, sentence or figure stands as a reader counts (三（二）第4段), for citations a
    /// reporter can paste; `None` for an id of another report or of no paragraph (a glossary entry).
    pub fn location(&self, id: &str) -> Option<Location<'_>> {
        let place = self.place(id)?;
        let (_, paragraph) = place.paragraph?;
        Some(Location {
            part: &place.part.numeral,
            section: &place.section.numeral,
            paragraph,
        })
    }

    /// The part, section and paragraph of a paragraph, sentence or figure, or the part of a section;
    /// `None` for an id of another report or of neither (a glossary entry).
    pub fn place(&self, id: &str) -> Option<Place<'_>> {
        let id = id.split_once('#').map_or(id, |(sentence, _)| sentence);
        if let Some([part, section]) = self.id_numbers::<2>(id) {
            let part = self.parts.get(part)?;
            return Some(Place {
                part,
                section: part.sections.get(section)?,
                paragraph: None,
            });
        }
        let [part, section, paragraph] = self
            .id_numbers::<4>(id)
            .map(|[part, section, paragraph, _]| [part, section, paragraph])
            .or_else(|| self.id_numbers::<3>(id))?;
        let part = self.parts.get(part)?;
        let section = part.sections.get(section)?;
        let found = section.paragraphs.get(paragraph.checked_sub(1)?)?;
        Some(Place {
            part,
            section,
            paragraph: Some((found, paragraph)),
        })
    }

    /// `xiping-2022/3.2.4` → `[3, 2, 4]`, if the id belongs to this report.
    fn id_numbers<const N: usize>(&self, id: &str) -> Option<[usize; N]> {
        let local = id.strip_prefix(&self.meta.id)?.strip_prefix('/')?;
        let mut numbers = [0; N];
        let mut pieces = local.split('.');
        for slot in &mut numbers {
            *slot = pieces.next()?.parse().ok()?;
        }
        pieces.next().is_none().then_some(numbers)
    }
}
