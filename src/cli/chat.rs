//! `report-bot chat`: the interactive console, over any reader and writer so tests can drive it.

use std::io::{self, BufRead, Write};

use crate::answer::{Engine, FollowUp};
use crate::knowledge::UnitId;

use super::lines::{lines, Line};
use super::plain::render_plain;

/// `report-bot chat`: an interactive console. `更多` shows the next results, `原文 N` the whole paragraph of
/// hit N, `退出` (or end of input) leaves.
pub fn chat(engine: &Engine, input: impl BufRead, mut out: impl Write) -> io::Result<()> {
    writeln!(
        out,
        "请提问（“更多”看更多结果，“原文 N”看第N条的整段原文，“退出”离开）。"
    )?;
    // The conversation so far: follow-ups (那2021年呢, 还有呢, 更多) lean on the last question.
    let mut previous: Option<FollowUp> = None;
    let mut last_hits: Vec<UnitId> = Vec::new();
    write!(out, "问> ")?;
    out.flush()?;
    for line in lines(input) {
        let line = match line? {
            Line::Text(line) => line,
            Line::NotUtf8 { .. } => {
                write!(out, "这一行不是有效的 UTF-8 文字，已跳过。\n\n问> ")?;
                out.flush()?;
                continue;
            }
        };
        let line = line.trim();
        let wanted = line
            .strip_prefix("原文")
            .and_then(|rest| rest.trim().parse::<usize>().ok());
        match (line, wanted) {
            ("", _) => {}
            ("退出" | "exit" | "quit", _) => break,
            ("更多" | "more", _) if previous.is_none() => writeln!(out, "请先提一个问题。")?,
            (_, Some(n)) => match last_hits
                .get(n.wrapping_sub(1))
                .and_then(|id| engine.passage(id.as_str()))
            {
                Some(passage) => writeln!(out, "{}\n   出处：{}", passage.text, passage.citation)?,
                None => writeln!(out, "没有第{n}条结果。")?,
            },
            _ => {
                let (answer, follow_up) = engine.ask_after(previous.as_ref(), line);
                if matches!(line, "更多" | "more") && answer.hits().is_empty() {
                    writeln!(out, "没有更多结果了。")?;
                } else {
                    last_hits = answer.hits().iter().map(|hit| hit.id.clone()).collect();
                    writeln!(out, "{}", render_plain(&answer))?;
                }
                previous = Some(follow_up);
            }
        }
        write!(out, "\n问> ")?;
        out.flush()?;
    }
    writeln!(out)?;
    out.flush()
}
