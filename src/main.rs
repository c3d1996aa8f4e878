//! The `report-bot` binary: parses the command line and hands it to the library.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use report_bot::cli::{Cli, Command};
use report_bot::telegram::redact::{RedactingMakeWriter, Redactor};
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    // .env first and only here, so that its settings (RUST_LOG, KNOWLEDGE_DIR, …) count like the
    // environment's for every reader.
    let dotenv = report_bot::config::load_dotenv();
    let cli = Cli::parse();
    // The bot reports what it does; the other subcommands only their problems.
    let default_filter = match cli.command {
        Command::Serve => "info",
        _ => "warn",
    };
    // No log line may carry the bot token (HTTP errors hold URLs with it).
    let redactor = Redactor::new(&std::env::var("TELOXIDE_TOKEN").unwrap_or_default());
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter)),
        )
        .with_writer(RedactingMakeWriter::new(redactor, std::io::stderr))
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match report_bot::cli::run(cli, dotenv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
