//! The contract suite's stand-ins: a virtual clock the tests move (nothing sleeps for real), a scripted
//! transport in place of the Bot API, the three made-up targets of tests/fixtures/reminders, and a
//! harness that runs the sender over one store.

use chrono::{DateTime, NaiveDate, Utc};
use report_bot::reminders::content::{Reminder, TargetRotation};
use report_bot::reminders::schedule::DailySchedule;
use report_bot::reminders::sender::{
    BatchReport, Clock, RateLimits, Sender, Transport, TransportError,
};
use report_bot::reminders::subscribe;
use report_bot::store::Store;
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::sync::{Arc, LazyLock, Mutex};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

/// A clock that only moves when the test (or a sleeper) moves it; sleeping jumps to the wake-up time.
pub struct VirtualClock {
    pub now: Mutex<DateTime<Utc>>,
    /// Cancelled when a sleeper would wake past this instant: ends a scheduler run.
    end: Option<(DateTime<Utc>, CancellationToken)>,
}

impl VirtualClock {
    pub fn at(now: &str) -> Arc<Self> {
        Arc::new(VirtualClock {
            now: Mutex::new(utc(now)),
            end: None,
        })
    }

    pub fn until(now: &str, end: &str, cancel: CancellationToken) -> Arc<Self> {
        Arc::new(VirtualClock {
            now: Mutex::new(utc(now)),
            end: Some((utc(end), cancel)),
        })
    }

    pub fn set(&self, now: &str) {
        *self.now.lock().unwrap() = utc(now);
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap()
    }

    async fn sleep_until(&self, at: DateTime<Utc>) {
        if let Some((end, cancel)) = &self.end {
            if at > *end {
                cancel.cancel();
                return;
            }
        }
        {
            let mut now = self.now.lock().unwrap();
            *now = (*now).max(at);
        }
        tokio::task::yield_now().await;
    }
}

/// What the fake Bot API does with the next message to a chat.
#[derive(Clone)]
pub enum Scripted {
    Fail(TransportError),
    /// The request went out and the process died before the answer: never completes.
    Hang,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub chat_id: i64,
    pub at: DateTime<Utc>,
    pub day: NaiveDate,
    pub position: usize,
    pub delivered: bool,
}

pub struct FakeTransport {
    clock: Arc<VirtualClock>,
    script: Mutex<HashMap<i64, VecDeque<Scripted>>>,
    calls: Mutex<Vec<Call>>,
    pub hung: Notify,
}

impl FakeTransport {
    pub fn new(clock: Arc<VirtualClock>) -> Arc<Self> {
        Arc::new(FakeTransport {
            clock,
            script: Mutex::new(HashMap::new()),
            calls: Mutex::new(Vec::new()),
            hung: Notify::new(),
        })
    }

    pub fn script(&self, chat_id: i64, outcomes: impl IntoIterator<Item = Scripted>) {
        self.script
            .lock()
            .unwrap()
            .entry(chat_id)
            .or_default()
            .extend(outcomes);
    }

    pub fn calls(&self) -> Vec<Call> {
        self.calls.lock().unwrap().clone()
    }

    pub fn delivered(&self) -> Vec<Call> {
        self.calls().into_iter().filter(|c| c.delivered).collect()
    }

    pub fn delivered_to(&self, chat_id: i64) -> Vec<Call> {
        self.delivered()
            .into_iter()
            .filter(|c| c.chat_id == chat_id)
            .collect()
    }
}

impl Transport for FakeTransport {
    fn send(
        &self,
        chat_id: i64,
        reminder: &Reminder,
    ) -> impl Future<Output = Result<(), TransportError>> + Send + 'static {
        let next = self
            .script
            .lock()
            .unwrap()
            .get_mut(&chat_id)
            .and_then(VecDeque::pop_front);
        // A hung request counts as delivered: Telegram got it, the bot never heard back.
        let delivered = !matches!(next, Some(Scripted::Fail(_)));
        self.calls.lock().unwrap().push(Call {
            chat_id,
            at: self.clock.now(),
            day: reminder.date,
            position: reminder.position,
            delivered,
        });
        if matches!(next, Some(Scripted::Hang)) {
            self.hung.notify_one();
        }
        async move {
            match next {
                None => Ok(()),
                Some(Scripted::Fail(error)) => Err(error),
                Some(Scripted::Hang) => std::future::pending().await,
            }
        }
    }
}

pub fn rotation() -> Arc<TargetRotation> {
    static ROTATION: LazyLock<Arc<TargetRotation>> = LazyLock::new(|| {
        let rotation =
            TargetRotation::from_library(&crate::support::fixtures::fixture("reminders"))
                .expect("the reminders fixture has targets");
        assert_eq!(rotation.targets().len(), 3);
        Arc::new(rotation)
    });
    ROTATION.clone()
}

pub struct Harness {
    pub store: Arc<Store>,
    pub clock: Arc<VirtualClock>,
    pub transport: Arc<FakeTransport>,
}

impl Harness {
    pub async fn new(store: Store, now: &str) -> Self {
        let clock = VirtualClock::at(now);
        Harness {
            store: Arc::new(store),
            transport: FakeTransport::new(clock.clone()),
            clock,
        }
    }

    /// A fresh sender, as after a process restart: nothing survives but the store.
    pub fn sender(&self) -> Sender<Store, FakeTransport, VirtualClock> {
        Sender::new(
            self.store.clone(),
            self.transport.clone(),
            self.clock.clone(),
            rotation(),
            RateLimits::default(),
        )
    }

    pub async fn subscribe(&self, chat_id: i64, args: &str) {
        subscribe(&*self.store, chat_id, schedule(args), self.clock.now())
            .await
            .unwrap();
    }

    pub async fn deliver_at(&self, now: &str) -> BatchReport {
        self.deliver_at_instant(utc(now)).await
    }

    pub async fn deliver_at_instant(&self, now: DateTime<Utc>) -> BatchReport {
        *self.clock.now.lock().unwrap() = now;
        self.sender()
            .deliver_due(&CancellationToken::new())
            .await
            .unwrap()
    }
}

pub fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn schedule(args: &str) -> DailySchedule {
    DailySchedule::parse(args).unwrap()
}
