//! The real `report-bot serve` process, pointed at a [`FakeApi`], with its log lines captured.

use crate::fake_api::{FakeApi, TOKEN};
use std::process::{ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::{Child, Command};
use tokio::task::JoinHandle;

/// A running bot. Killed when dropped.
pub struct BotProcess {
    child: Child,
    logs: Arc<Mutex<Vec<String>>>,
    /// The tasks copying stdout and stderr into `logs`; they end when the process closes its pipes.
    readers: Vec<JoinHandle<()>>,
    /// The working directory: empty, so no stray `.env` is read.
    _dir: tempfile::TempDir,
}

impl BotProcess {
    /// Starts `report-bot serve` against `api` (long polling), with `extra_env` on top of the defaults.
    pub fn spawn(api: &FakeApi, extra_env: &[(&str, &str)]) -> BotProcess {
        let dir = tempfile::tempdir().expect("temporary directory");
        // Through a shell that ignores SIGXFSZ, as the process is exec'd in its place (same pid): a
        // file-size limit (the fault suite's full disk) then fails writes with an error, as a full disk
        // does, instead of killing the process.
        let mut command = Command::new("sh");
        command
            .args(["-c", "trap '' XFSZ; exec \"$0\" serve", &binary()])
            .current_dir(dir.path())
            .env("TELOXIDE_TOKEN", TOKEN)
            .env("TELOXIDE_API_URL", api.url())
            .env(
                "KNOWLEDGE_DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge"),
            )
            .env("DATABASE_URL", "sqlite::memory:")
            .env("RUST_LOG", "info,report_bot=debug")
            .env_remove("WEBHOOK_URL")
            .env_remove("PORT")
            .env_remove("TELOXIDE_PROXY")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for (name, value) in extra_env {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("start report-bot serve");
        let logs = Arc::new(Mutex::new(Vec::new()));
        let mut readers = Vec::new();
        if let Some(stdout) = child.stdout.take() {
            readers.push(collect(stdout, logs.clone()));
        }
        if let Some(stderr) = child.stderr.take() {
            readers.push(collect(stderr, logs.clone()));
        }
        BotProcess {
            child,
            logs,
            readers,
            _dir: dir,
        }
    }

    /// [`BotProcess::spawn`], then waits until the bot polls `api` (panics, with the logs, if it never does).
    pub async fn start(api: &FakeApi, extra_env: &[(&str, &str)]) -> BotProcess {
        let skip = api.calls().len();
        let bot = BotProcess::spawn(api, extra_env);
        let polled = api
            .wait_for_call_after(skip, "GetUpdates", Duration::from_secs(30))
            .await;
        assert!(
            polled.is_some(),
            "the bot never polled; logs:\n{}",
            bot.logs()
        );
        bot
    }

    /// Everything logged so far.
    pub fn logs(&self) -> String {
        self.logs.lock().expect("not poisoned").join("\n")
    }

    /// Waits until a log line contains `needle`.
    pub async fn wait_for_log(&self, needle: &str, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        while tokio::time::Instant::now() < deadline {
            if self.logs().contains(needle) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Sends SIGTERM (what `docker stop` sends) and waits for the exit.
    pub async fn terminate(&mut self, timeout: Duration) -> Option<ExitStatus> {
        self.signal("TERM", timeout).await
    }

    /// Sends a signal (`TERM`, `INT`) and waits for the exit.
    pub async fn signal(&mut self, name: &str, timeout: Duration) -> Option<ExitStatus> {
        let pid = self.child.id()?;
        let sent = tokio::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .await
            .expect("run kill");
        assert!(sent.success(), "kill -{name} {pid} failed");
        self.wait_exit(timeout).await
    }

    /// Waits for the process to exit on its own, and for its last log lines.
    pub async fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let status = tokio::time::timeout(timeout, self.child.wait())
            .await
            .ok()
            .and_then(Result::ok)?;
        for reader in self.readers.drain(..) {
            let _ = tokio::time::timeout(Duration::from_secs(5), reader).await;
        }
        Some(status)
    }

    /// The process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Stops the process and checks what every test must hold: the token never reached a log line.
    pub async fn finish(mut self) -> String {
        let status = self.terminate(Duration::from_secs(10)).await;
        let logs = self.logs();
        assert!(
            status.is_some_and(|s| s.success()),
            "no clean exit on SIGTERM ({status:?}); logs:\n{logs}"
        );
        let secret = TOKEN.split_once(':').map(|(_, s)| s).unwrap_or(TOKEN);
        assert!(
            !logs.contains(secret),
            "the token reached the logs:\n{logs}"
        );
        logs
    }
}

/// The binary under test: this build's, or `E2E_BIN` (a release build, for the load measurement).
fn binary() -> String {
    std::env::var("E2E_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_report-bot").to_owned())
}

fn collect(
    stream: impl AsyncRead + Unpin + Send + 'static,
    logs: Arc<Mutex<Vec<String>>>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut lines = BufReader::new(stream).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            if std::env::var_os("E2E_ECHO").is_some() {
                eprintln!("bot| {line}");
            }
            logs.lock().expect("not poisoned").push(line);
        }
    })
}
