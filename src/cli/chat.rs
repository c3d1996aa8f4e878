//! `report-bot chat`: the interactive console, over any reader and writer so tests can drive it.

use std::io::{self, BufRead, Write};

use crate::answer::engine::HITS_PER_PAGE;
use crate::answer::Engine;

use super::lines::{lines, Line};
use super::plain::render_plain;

/// `report-bot chat`: an interactive console. `更多` shows the next results, `原文 N` the whole paragraph of
/// hit N, `退出` (or end of input) leaves.
pub fn chat(engine: &Engine, input: impl BufRead, mut out: impl Write) -> io::Result<()> {
    writeln!(
        out,
        "请提问（“更多”看更多结果，“原文 N”看第N条的整段原文，“退出”离开）。"
    )?;
    let mut last_question: Option<String> = None;
    let mut offset = 0;
    let mut last_hits: Vec<String> = Vec::new();
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
        match line {
            "" => {}
            "退出" | "exit" | "quit" => break,
            "更多" | "more" => match &last_question {
                Some(question) => {
                    offset += HITS_PER_PAGE;
                    let answer = engine.ask_more(question, offset);
                    if answer.hits.is_empty() {
                        writeln!(out, "没有更多结果了。")?;
                    } else {
                        last_hits = answer.hits.iter().map(|hit| hit.id.clone()).collect();
                        writeln!(out, "{}", render_plain(&answer))?;
                    }
                }
                None => writeln!(out, "请先提一个问题。")?,
            },
            _ => {
                let wanted = line
                    .strip_prefix("原文")
                    .and_then(|rest| rest.trim().parse::<usize>().ok());
                match wanted {
                    Some(n) => match last_hits
                        .get(n.wrapping_sub(1))
                        .and_then(|id| engine.passage(id))
                    {
                        Some(passage) => {
                            writeln!(out, "{}\n   出处：{}", passage.text, passage.citation)?
                        }
                        None => writeln!(out, "没有第{n}条结果。")?,
                    },
                    None => {
                        let answer = engine.ask(line);
                        last_question = Some(line.to_owned());
                        offset = 0;
                        last_hits = answer.hits.iter().map(|hit| hit.id.clone()).collect();
                        writeln!(out, "{}", render_plain(&answer))?;
                    }
                }
            }
        }
        write!(out, "\n问> ")?;
        out.flush()?;
    }
    writeln!(out)?;
    out.flush()
}
