//! What the `knowledge`, `indicators` and `glossary` subcommands print: a readable overview for people,
//! or JSON arrays of the model types for tools.

use std::io::{self, Write};

use crate::knowledge::{FigureKind, Indicator, Library, Report};

/// Every kind, in the order the overview lists them.
const KINDS: [FigureKind; 6] = [
    FigureKind::MainTarget,
    FigureKind::TaskTarget,
    FigureKind::Result,
    FigureKind::FiveYearTotal,
    FigureKind::YearlyAverage,
    FigureKind::ChangeSinceBase,
];

/// One block per report: what was loaded and how it was understood.
pub fn write_overview(library: &Library, out: &mut impl Write) -> io::Result<()> {
    let dictionary_words = library.user_dict.lines().count();
    writeln!(
        out,
        "{} report(s), {} alias entries, {} user-dictionary words",
        library.reports.len(),
        library.aliases.len(),
        dictionary_words
    )?;
    for report in &library.reports {
        writeln!(out)?;
        write_report(report, out)?;
    }
    Ok(())
}

fn write_report(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let meta = &report.meta;
    writeln!(out, "《{}》 [{}]", meta.title, meta.id)?;
    writeln!(out, "  issued by   {}", meta.issuer)?;
    writeln!(out, "  speaker     {}", meta.speaker)?;
    writeln!(
        out,
        "  meeting     {} ({})",
        meta.meeting, meta.meeting_date
    )?;
    writeln!(out, "  published   {}", meta.published)?;
    writeln!(out, "  plan year   {}", meta.year)?;
    writeln!(out, "  source      {}", meta.source)?;
    let numbered_parts = report
        .parts
        .iter()
        .filter(|p| !p.numeral.is_empty())
        .count();
    let sections = report.sections().filter(|s| !s.numeral.is_empty()).count();
    writeln!(
        out,
        "  structure   {numbered_parts} parts, {sections} sections, {} paragraphs, {} sentences",
        report.paragraphs().count(),
        report.sentences().count()
    )?;
    for part in &report.parts {
        let paragraphs = part.paragraphs().count();
        let label = if part.numeral.is_empty() {
            "(opening)".to_string()
        } else {
            format!("{}、{}", part.numeral, part.title)
        };
        writeln!(out, "    {label}: {paragraphs} paragraphs")?;
        for section in part.sections.iter().filter(|s| !s.numeral.is_empty()) {
            writeln!(
                out,
                "      {}{}: {} paragraphs",
                section.numeral,
                section.short_title,
                section.paragraphs.len()
            )?;
        }
    }
    let by_kind: Vec<String> = KINDS
        .iter()
        .map(|kind| {
            format!(
                "{} {}",
                kind_name(*kind),
                report.indicators_of(*kind).count()
            )
        })
        .collect();
    writeln!(
        out,
        "  indicators  {} records: {}",
        report.indicators.len(),
        by_kind.join(", ")
    )?;
    let linked = report
        .glossary
        .iter()
        .filter(|entry| !entry.used_in.is_empty())
        .count();
    writeln!(
        out,
        "  glossary    {} entries, {linked} linked to the body",
        report.glossary.len()
    )
}

/// Indicator records of every report, one per line, or a JSON array of [`Indicator`].
pub fn write_indicators(library: &Library, json: bool, out: &mut impl Write) -> io::Result<()> {
    if json {
        let all: Vec<&Indicator> = library.reports.iter().flat_map(|r| &r.indicators).collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        return writeln!(out);
    }
    for report in &library.reports {
        writeln!(
            out,
            "《{}》: {} records",
            report.meta.title,
            report.indicators.len()
        )?;
        for indicator in &report.indicators {
            writeln!(out, "  {}", indicator_line(indicator))?;
        }
    }
    Ok(())
}

fn indicator_line(indicator: &Indicator) -> String {
    let period = indicator.period.to_string();
    let group = match (&indicator.group, indicator.item) {
        (Some(group), Some(item)) => format!(" [{group} {item}]"),
        (Some(group), None) => format!(" [{group}]"),
        _ => String::new(),
    };
    format!(
        "{:<26} {:<17} {:<9} {}：{}{group}",
        indicator.id,
        kind_name(indicator.kind),
        period,
        indicator.metric,
        indicator.value_text
    )
}

/// Glossary entries of every report, or a JSON array of [`crate::knowledge::GlossaryEntry`].
pub fn write_glossary(library: &Library, json: bool, out: &mut impl Write) -> io::Result<()> {
    if json {
        let all: Vec<_> = library.reports.iter().flat_map(|r| &r.glossary).collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        return writeln!(out);
    }
    for report in &library.reports {
        writeln!(
            out,
            "《{}》: {} entries",
            report.meta.title,
            report.glossary.len()
        )?;
        for entry in &report.glossary {
            writeln!(
                out,
                "  {}. {}：{}",
                entry.number, entry.term, entry.explanation
            )?;
            if !entry.used_in.is_empty() {
                writeln!(out, "     used in {}", entry.used_in.join(", "))?;
            }
        }
    }
    Ok(())
}

/// The enumerations of every report, whole and in order, or a JSON array of
/// [`crate::knowledge::ReportList`]: what 哪些 / 第N个 questions are answered from.
pub fn write_lists(library: &Library, json: bool, out: &mut impl Write) -> io::Result<()> {
    if json {
        let all: Vec<_> = library.reports.iter().flat_map(|r| &r.lists).collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        return writeln!(out);
    }
    for report in &library.reports {
        writeln!(
            out,
            "《{}》: {} lists",
            report.meta.title,
            report.lists.len()
        )?;
        for list in &report.lists {
            writeln!(out, "  {} {}（{}项）", list.id, list.name, list.items.len())?;
            for item in &list.items {
                writeln!(out, "     {}. {}", item.number, item.label)?;
            }
        }
    }
    Ok(())
}

/// The snake_case name also used in JSON.
fn kind_name(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::MainTarget => "main_target",
        FigureKind::TaskTarget => "task_target",
        FigureKind::Result => "result",
        FigureKind::FiveYearTotal => "five_year_total",
        FigureKind::YearlyAverage => "yearly_average",
        FigureKind::ChangeSinceBase => "change_since_base",
    }
}
