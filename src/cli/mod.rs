//! The command line: one subcommand per job, each a thin call into the library. The subcommands' bodies
//! and their plain-text output live here, not in the domain modules: `ask`, `chat`, `eval`, `bench`,
//! `lengths`, `dictionary` and `migrate-store` one file each, `plain` the reply as text, `summary` the
//! `knowledge`, `indicators` and `glossary` listings, `maintainer` the question log's `unanswered`, `stats`
//! and `replay`.

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

use crate::answer::Engine;
use crate::config::{Config, ConfigError};
use crate::knowledge::{source, KnowledgeSource, Library};
use crate::questionlog::report::parse_since;
use chrono::{TimeDelta, Utc};

mod ask;
mod bench;
mod chat;
mod dictionary;
mod eval;
mod lengths;
mod lines;
mod maintainer;
mod migrate_store;
pub mod plain;
mod summary;

/// `dictionary`: how many of jieba's most frequent words the base dictionary keeps besides the reports'
/// own. More words cut ordinary questions the way the full dictionary would; fewer make start-up faster
/// (the dictionary is loaded on every start).
const MOST_FREQUENT_WORDS: usize = 40_000;
/// `bench`: how many times each question is asked. More rounds steady the percentiles (p99 needs a few
/// thousand answers) at the cost of a longer run.
const BENCH_ROUNDS: usize = 20;

/// Answers questions about a government work report, on the command line or as a Telegram bot.
#[derive(Debug, Parser)]
#[command(name = "report-bot", version = source::VERSION)]
pub struct Cli {
    /// Folder with the reports, aliases and user dictionary; unset, the knowledge/ compiled into the binary.
    #[arg(
        long,
        visible_alias = "knowledge",
        global = true,
        env = "KNOWLEDGE_DIR"
    )]
    pub knowledge_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print what was loaded: reports, parts, sections, paragraphs, sentences, indicators, glossary.
    Knowledge,
    /// List the indicator records extracted from the reports.
    Indicators {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the enumerations read from the reports (numbered items, 一是…二是…, named groups), item by item.
    Lists {
        /// Print a JSON array instead of a list.
        #[arg(long)]
        json: bool,
    },
    /// List the glossary entries of the reports.
    Glossary {
        /// Print a JSON array instead of a list.
        #[arg(long)]
        json: bool,
    },
    /// Answer a question from the report with cited excerpts; with no question, answer each line of stdin.
    Ask {
        /// Print one JSON object per question.
        #[arg(long)]
        json: bool,
        /// The question (words after `ask` are joined with spaces).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        question: Vec<String>,
    },
    /// Ask questions in an interactive console.
    Chat,
    /// Measure answer quality over a question set (TSV: category, question, expected).
    Eval {
        file: PathBuf,
        /// Also list every question that missed.
        #[arg(long)]
        failures: bool,
    },
    /// Print jieba's dictionary reduced to the words the knowledge needs and the most frequent ones
    /// (for knowledge/jieba_base.txt, which makes start-up several times faster).
    Dictionary {
        /// jieba's full dictionary (jieba-rs's src/data/dict.txt).
        jieba_dict: PathBuf,
        /// How many of the most frequent words to keep besides the knowledge's own.
        #[arg(long, default_value_t = MOST_FREQUENT_WORDS)]
        most_frequent: usize,
    },
    /// Time start-up and answering over a question set.
    Bench {
        file: PathBuf,
        /// How many times each question is asked.
        #[arg(long, default_value_t = BENCH_ROUNDS)]
        rounds: usize,
    },
    /// Questions the bot refused or nearly missed, and those with a 👎, grouped by normalised question
    /// (from the question log in DATABASE_URL).
    Unanswered {
        /// How far back: 7d, 12h, 2w.
        #[arg(long, default_value = "7d", value_parser = parse_since)]
        since: TimeDelta,
        /// Print one JSON object per group.
        #[arg(long)]
        json: bool,
    },
    /// Questions per day, outcomes, feedback, most asked questions, reply time, subscribers and
    /// reminders (from DATABASE_URL).
    Stats {
        /// How far back: 30d, 12h, 2w.
        #[arg(long, default_value = "30d", value_parser = parse_since)]
        since: TimeDelta,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Run the logged questions through the current knowledge and list those whose outcome would change.
    Replay {
        /// How far back: 30d, 12h, 2w.
        #[arg(long, default_value = "30d", value_parser = parse_since)]
        since: TimeDelta,
    },
    /// Median and p90 length of the Telegram replies (characters a user sees) over question sets.
    Lengths { files: Vec<PathBuf> },
    /// Copy the bot's database into a new, empty one (e.g. SQLite to PostgreSQL; docs/deploy.md). Stop
    /// the bot first.
    MigrateStore {
        /// The database to copy, as DATABASE_URL is written (sqlite://data/report-bot.db).
        #[arg(long)]
        from: String,
        /// The new database (postgres://user:password@host:5432/reportbot).
        #[arg(long)]
        to: String,
    },
    /// Run the Telegram bot: TELOXIDE_TOKEN is required; long polling, or a webhook when WEBHOOK_URL is
    /// set (see .env.example).
    Serve,
}

/// Runs one parsed command line. `dotenv` is how reading `.env` went ([`crate::config::load_dotenv`]):
/// only `serve` fails on a broken file.
pub fn run(cli: Cli, dotenv: Result<(), ConfigError>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let knowledge = KnowledgeSource::from_dir(cli.knowledge_dir);
    let written = match cli.command {
        Command::Knowledge => summary::write_overview(&load(&knowledge)?, &mut out)
            .and_then(|()| writeln!(out, "\nsource: {knowledge}")),
        Command::Indicators { json } => {
            summary::write_indicators(&load(&knowledge)?, json, &mut out)
        }
        Command::Glossary { json } => summary::write_glossary(&load(&knowledge)?, json, &mut out),
        Command::Lists { json } => summary::write_lists(&load(&knowledge)?, json, &mut out),
        Command::Ask { json, question } => {
            let question = (!question.is_empty()).then(|| question.join(" "));
            let engine = Engine::load(&knowledge)?;
            ask::ask(
                &engine,
                question.as_deref(),
                json,
                std::io::stdin().lock(),
                &mut out,
            )
        }
        Command::Chat => chat::chat(
            &Engine::load(&knowledge)?,
            std::io::stdin().lock(),
            &mut out,
        ),
        Command::Eval { file, failures } => {
            let cases = eval::read_cases(&file)?;
            eval::eval(&Engine::load(&knowledge)?, &cases, failures, &mut out)
        }
        Command::Dictionary {
            jieba_dict,
            most_frequent,
        } => {
            dictionary::dictionary(&knowledge, &jieba_dict, most_frequent, &mut out)?;
            Ok(())
        }
        Command::Bench { file, rounds } => {
            let cases = eval::read_cases(&file)?;
            let figures = bench::bench(&knowledge, &cases, rounds)?;
            writeln!(out, "{figures}")
        }
        Command::Unanswered { since, json } => {
            maintainer::unanswered(&log_rows(knowledge, since)?, json, &mut out)
        }
        Command::Stats { since, json } => {
            maintainer::stats(&log_rows(knowledge, since)?, json, &mut out)
        }
        Command::Replay { since } => {
            let engine = Engine::load(&knowledge)?;
            maintainer::replay(&engine, &log_rows(knowledge, since)?, &mut out)
        }
        Command::Lengths { files } => {
            let engine = std::sync::Arc::new(Engine::load(&knowledge)?);
            let mut all = Vec::new();
            for file in files {
                let lengths = lengths::reply_lengths(engine.clone(), &eval::read_cases(&file)?);
                writeln!(
                    out,
                    "{}: {}",
                    file.display(),
                    lengths::figures(lengths.clone())
                )?;
                all.extend(lengths);
            }
            writeln!(out, "all: {}", lengths::figures(all))
        }
        Command::MigrateStore { from, to } => {
            migrate_store::migrate_store(&from, &to, &mut out)?;
            Ok(())
        }
        Command::Serve => {
            // The bot runs until stopped and never prints to stdout: release it.
            drop(out);
            dotenv?;
            return crate::telegram::serve::command(&Config::from_env(knowledge)?);
        }
    };
    quiet_on_closed_pipe(written.and_then(|()| out.flush()))
}

/// `report-bot indicators | head` closes the pipe early; that is not an error worth reporting.
fn quiet_on_closed_pipe(result: std::io::Result<()>) -> anyhow::Result<()> {
    match result {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The question log's rows of the last `since`, from `DATABASE_URL`.
fn log_rows(knowledge: KnowledgeSource, since: TimeDelta) -> anyhow::Result<maintainer::Rows> {
    let database = Config::from_env(knowledge)?.database_url;
    maintainer::read(database.as_str(), since, Utc::now())
}

fn load(knowledge: &KnowledgeSource) -> anyhow::Result<Library> {
    Ok(Library::load(knowledge)?)
}
