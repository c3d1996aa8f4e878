//! `migrate-store --from URL --to URL`: copies every table set from one database into a new, empty one
//! (SQLite to PostgreSQL when moving to replicas; PostgreSQL to SQLite to move back), then reads the copy
//! back and compares. Stop the bot first: rows written during the copy would be left behind.

use crate::config::DatabaseUrl;
use crate::questionlog::transfer::LogTables;
use crate::reminders::store::transfer::ReminderTables;
use crate::store::Store;
use anyhow::{bail, Context};
use std::io::Write;

/// Copies `from` into `to` and says what was copied.
pub fn migrate_store(from: &str, to: &str, out: &mut impl Write) -> anyhow::Result<()> {
    let from = DatabaseUrl::parse(from).context("--from")?;
    let to = DatabaseUrl::parse(to).context("--to")?;
    if from.as_str() == to.as_str() {
        bail!("--from and --to name the same database");
    }
    if to.is_in_memory() {
        bail!("--to is an in-memory database: the copy would vanish when the command ends");
    }
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let source = Store::open_existing(&from)
            .await
            .with_context(|| format!("opening --from {from:?}"))?;
        let destination = Store::open(&to)
            .await
            .with_context(|| format!("opening --to {to:?}"))?;
        // Both table sets are checked before either is written, so a refused copy writes nothing.
        let held = destination.dump().await.context("reading --to")?;
        let held_log = destination.dump_log().await.context("reading --to")?;
        let rows = held.subscriptions.len()
            + held.deliveries.len()
            + held_log.questions.len()
            + held_log.votes.len()
            + held_log.secrets.len();
        if rows > 0 {
            bail!("--to already holds {rows} rows: copy only into a new, empty database");
        }
        let reminders = source.dump().await.context("reading the reminder tables")?;
        destination
            .load(&reminders)
            .await
            .context("writing the reminder tables")?;
        let log = source
            .dump_log()
            .await
            .context("reading the question log")?;
        destination
            .load_log(&log)
            .await
            .context("writing the question log")?;
        let copied = destination.dump().await.context("reading the copy back")?;
        if copied != reminders {
            bail!("the copy of the reminder tables reads back differently from the original");
        }
        if destination
            .dump_log()
            .await
            .context("reading the copy back")?
            != log
        {
            bail!("the copy of the question log reads back differently from the original");
        }
        source.close().await;
        destination.close().await;
        writeln!(
            out,
            "copied {} subscriptions, {} delivery records, {} logged questions and {} votes from \
             {from:?} to {to:?}; read back equal",
            reminders.subscriptions.len(),
            reminders.deliveries.len(),
            log.questions.len(),
            log.votes.len(),
        )?;
        Ok(())
    })
}
