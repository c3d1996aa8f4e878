//! The `report-bot` binary: parses the command line and hands it to the library.

use std::process::ExitCode;

use clap::Parser;
use report_bot::cli::{Cli, Command};

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
    report_bot::logging::init(
        default_filter,
        &std::env::var("TELOXIDE_TOKEN").unwrap_or_default(),
    );
    match report_bot::cli::run(cli, dotenv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
