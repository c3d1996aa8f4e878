//! The store contract: every test here runs twice, on SQLite and on PostgreSQL (`on_every_store!`),
//! through the sender and the scheduler as `serve` runs them: claims, settles, in-doubt days, retries,
//! re-subscribing, pruning, 10,000 subscribers.

use crate::backends::on_every_store;
use crate::harness::{
    day, rotation, schedule, utc, Call, FakeTransport, Harness, Scripted, VirtualClock,
};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use report_bot::reminders::scheduler::Scheduler;
use report_bot::reminders::sender::{Clock, RateLimits, Sender, TransportError, CLAIM_STALE_AFTER};
use report_bot::reminders::store::{Claim, SubscriptionStore};
use report_bot::reminders::{status, subscribe, unsubscribe};
use report_bot::store::Store;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

on_every_store!(
    due_at_the_subscribed_minute_and_only_once,
    each_zone_gets_its_own_local_day_across_the_date_line,
    a_reminder_missed_while_down_is_sent_once_on_restart_the_same_day,
    resubscribing_changes_the_time_without_a_second_subscription_or_reminder,
    status_shows_the_next_send_in_the_users_zone,
    a_blocked_chat_loses_its_subscription,
    a_429_is_waited_out_and_retried_once_delivered,
    a_long_429_pauses_the_batch_and_releases_the_day_for_later,
    an_error_answer_is_retried_with_backoff_until_delivered,
    a_crash_between_sending_and_recording_never_sends_twice_nor_loses_the_rest,
    an_indeterminate_failure_is_not_resent,
    ten_thousand_subscribers_get_one_reminder_each_within_the_rate_limits,
    the_scheduler_sends_one_reminder_a_day_rotating_through_the_targets,
    concurrent_claims_for_one_day_grant_exactly_one,
    pruning_forgets_old_days_and_keeps_recent_ones,
    a_chats_reply_language_is_kept_and_changed,
);

async fn a_chats_reply_language_is_kept_and_changed(store: Store) {
    let now = chrono::Utc::now();
    assert_eq!(store.chat_language(7).await.unwrap(), None);
    store.set_chat_language(7, "en", now).await.unwrap();
    store.set_chat_language(8, "zh", now).await.unwrap();
    assert_eq!(store.chat_language(7).await.unwrap().as_deref(), Some("en"));
    store.set_chat_language(7, "zh", now).await.unwrap();
    assert_eq!(store.chat_language(7).await.unwrap().as_deref(), Some("zh"));
    assert_eq!(store.chat_language(8).await.unwrap().as_deref(), Some("zh"));
    assert!(
        store.set_chat_language(9, "fr", now).await.is_err(),
        "only zh and en are stored"
    );
}

async fn due_at_the_subscribed_minute_and_only_once(store: Store) {
    // 08:00 in Shanghai is 00:00 UTC.
    let bot = Harness::new(store, "2022-05-09T22:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    assert_eq!(bot.deliver_at("2022-05-09T23:59:59Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T00:00:00Z").await.sent, 1);
    assert_eq!(bot.deliver_at("2022-05-10T00:01:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T10:00:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-11T00:00:00Z").await.sent, 1);
    let days: Vec<NaiveDate> = bot.transport.delivered().iter().map(|c| c.day).collect();
    assert_eq!(days, [day("2022-05-10"), day("2022-05-11")]);
}

async fn each_zone_gets_its_own_local_day_across_the_date_line(store: Store) {
    let bot = Harness::new(store, "2024-05-31T00:00:00Z").await;
    bot.subscribe(14, "8:00 Pacific/Kiritimati").await; // UTC+14: 08:00 is 18:00 UTC the day before
    bot.subscribe(-11, "8:00 Pacific/Pago_Pago").await; // UTC-11: 08:00 is 19:00 UTC the same day
    bot.subscribe(2, "21:00 Europe/Berlin").await; // CEST: 19:00 UTC
    bot.deliver_at("2024-05-31T18:00:00Z").await;
    assert_eq!(bot.transport.delivered_to(14)[0].day, day("2024-06-01"));
    assert!(bot.transport.delivered_to(-11).is_empty());
    bot.deliver_at("2024-05-31T19:00:00Z").await;
    assert_eq!(bot.transport.delivered_to(-11)[0].day, day("2024-05-31"));
    assert_eq!(bot.transport.delivered_to(2)[0].day, day("2024-05-31"));
    bot.deliver_at("2024-06-01T18:00:00Z").await;
    bot.deliver_at("2024-06-01T19:00:00Z").await;
    let days = |chat| -> Vec<NaiveDate> {
        bot.transport
            .delivered_to(chat)
            .iter()
            .map(|c| c.day)
            .collect()
    };
    assert_eq!(days(14), [day("2024-06-01"), day("2024-06-02")]);
    assert_eq!(days(-11), [day("2024-05-31"), day("2024-06-01")]);
    assert_eq!(days(2), [day("2024-05-31"), day("2024-06-01")]);
}

async fn a_reminder_missed_while_down_is_sent_once_on_restart_the_same_day(store: Store) {
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    // Down from before 08:00 until 11:30 local (03:30 UTC): one catch-up send.
    let report = bot.deliver_at("2022-05-10T03:30:00Z").await;
    assert_eq!(report.sent, 1);
    assert_eq!(bot.deliver_at("2022-05-10T03:31:00Z").await.sent, 0);
    // Down all of the next day's morning past the 12-hour limit: skipped, and the day after is normal.
    let report = bot.deliver_at("2022-05-11T12:00:01Z").await;
    assert_eq!((report.sent, report.missed), (0, 1));
    assert_eq!(bot.deliver_at("2022-05-12T00:00:00Z").await.sent, 1);
    let days: Vec<NaiveDate> = bot.transport.delivered().iter().map(|c| c.day).collect();
    assert_eq!(days, [day("2022-05-10"), day("2022-05-12")]);
}

async fn resubscribing_changes_the_time_without_a_second_subscription_or_reminder(store: Store) {
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.subscribe(1, "9:30").await;
    let stored = bot.store.get(1).await.unwrap().unwrap();
    assert_eq!(stored.schedule, schedule("9:30"));
    assert_eq!(
        bot.store
            .due(utc("2030-01-01T00:00:00Z"))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(bot.deliver_at("2022-05-10T00:00:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T01:30:00Z").await.sent, 1);
    // After today's reminder, moving the time later the same day waits for tomorrow.
    bot.subscribe(1, "21:00").await;
    let shown = status(&*bot.store, 1, bot.clock.now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(shown.next_send.to_rfc3339(), "2022-05-11T21:00:00+08:00");
    assert_eq!(bot.deliver_at("2022-05-10T13:00:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-11T13:00:00Z").await.sent, 1);
    // Unsubscribing and subscribing again the same day does not bring that day back either.
    assert!(unsubscribe(&*bot.store, 1).await.unwrap());
    bot.subscribe(1, "22:00").await;
    assert_eq!(bot.deliver_at("2022-05-11T14:00:00Z").await.sent, 0);
    assert_eq!(bot.transport.delivered().len(), 2);
}

async fn status_shows_the_next_send_in_the_users_zone(store: Store) {
    let bot = Harness::new(store, "2024-03-30T12:00:00Z").await;
    assert_eq!(status(&*bot.store, 7, bot.clock.now()).await.unwrap(), None);
    bot.subscribe(7, "2:30 Europe/Berlin").await;
    let shown = status(&*bot.store, 7, bot.clock.now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(shown.schedule.zone, Tz::Europe__Berlin);
    // 02:30 does not exist on 2024-03-31 in Berlin: the first minute after the gap.
    assert_eq!(shown.next_send.to_rfc3339(), "2024-03-31T03:00:00+02:00");
}

async fn a_blocked_chat_loses_its_subscription(store: Store) {
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.subscribe(2, "8:00").await;
    bot.transport
        .script(1, [Scripted::Fail(TransportError::Blocked)]);
    let report = bot.deliver_at("2022-05-10T00:00:00Z").await;
    assert_eq!((report.sent, report.blocked), (1, 1));
    assert_eq!(bot.store.get(1).await.unwrap(), None);
    bot.deliver_at("2022-05-11T00:00:00Z").await;
    assert_eq!(
        bot.transport
            .calls()
            .iter()
            .filter(|c| c.chat_id == 1)
            .count(),
        1
    );
    assert_eq!(bot.transport.delivered_to(2).len(), 2);
}

async fn a_429_is_waited_out_and_retried_once_delivered(store: Store) {
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.subscribe(2, "8:00").await;
    bot.transport.script(
        1,
        [Scripted::Fail(TransportError::RetryAfter(
            Duration::from_secs(7),
        ))],
    );
    let report = bot.deliver_at("2022-05-10T00:00:00Z").await;
    assert_eq!((report.sent, report.retry_later), (2, 0));
    let calls = bot.transport.calls();
    let to_1: Vec<&Call> = calls.iter().filter(|c| c.chat_id == 1).collect();
    assert_eq!(to_1.len(), 2);
    assert!(!to_1[0].delivered && to_1[1].delivered);
    assert!(to_1[1].at - to_1[0].at >= TimeDelta::seconds(7));
    // The pause holds every chat, not just the one that got the 429.
    let to_2 = &bot.transport.delivered_to(2)[0];
    assert!(to_2.at < to_1[0].at || to_2.at >= to_1[0].at + TimeDelta::seconds(7));
    assert_eq!(bot.deliver_at("2022-05-10T00:05:00Z").await.sent, 0);
}

async fn a_long_429_pauses_the_batch_and_releases_the_day_for_later(store: Store) {
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.subscribe(2, "8:00").await;
    bot.transport.script(
        1,
        [Scripted::Fail(TransportError::RetryAfter(
            Duration::from_secs(300),
        ))],
    );
    let report = bot.deliver_at("2022-05-10T00:00:00Z").await;
    assert_eq!((report.sent, report.retry_later), (1, 1));
    // Telegram asked for five minutes of quiet: chat 2 waited them out.
    let first = bot.transport.calls()[0].at;
    assert!(bot.transport.delivered_to(2)[0].at >= first + TimeDelta::seconds(300));
    // Chat 1's day was released, to be tried again once the five minutes are over.
    assert_eq!(bot.deliver_at("2022-05-10T00:04:59Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T00:05:01Z").await.sent, 1);
    assert_eq!(bot.deliver_at("2022-05-10T00:30:00Z").await.sent, 0);
    assert_eq!(bot.transport.delivered_to(1).len(), 1);
}

async fn an_error_answer_is_retried_with_backoff_until_delivered(store: Store) {
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    let bad_gateway = || Scripted::Fail(TransportError::Other("502 Bad Gateway".to_owned()));
    bot.transport.script(1, [bad_gateway(), bad_gateway()]);
    assert_eq!(bot.deliver_at("2022-05-10T00:00:00Z").await.retry_later, 1);
    // One minute after the first failure, two after the second.
    assert_eq!(bot.deliver_at("2022-05-10T00:00:59Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T00:01:00Z").await.retry_later, 1);
    assert_eq!(bot.deliver_at("2022-05-10T00:02:59Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T00:03:00Z").await.sent, 1);
    assert_eq!(bot.deliver_at("2022-05-10T00:10:00Z").await.sent, 0);
    assert_eq!(bot.transport.calls().len(), 3);
    assert_eq!(bot.transport.delivered_to(1).len(), 1);
}

async fn a_crash_between_sending_and_recording_never_sends_twice_nor_loses_the_rest(store: Store) {
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    for chat_id in 1..=3 {
        bot.subscribe(chat_id, "8:00").await;
    }
    bot.transport.script(2, [Scripted::Hang]);
    bot.clock.set("2022-05-10T00:00:00Z");
    let sender = bot.sender();
    let batch = tokio::spawn(async move { sender.deliver_due(&CancellationToken::new()).await });
    bot.transport.hung.notified().await;
    // The message to chat 2 is out, its answer never recorded: the process dies here.
    batch.abort();
    assert!(batch.await.unwrap_err().is_cancelled());
    assert_eq!(bot.transport.delivered_to(2).len(), 1);
    // Restart right away: chat 2's claim is fresh (it might be another replica's), so it waits ...
    let report = bot.deliver_at("2022-05-10T00:00:30Z").await;
    assert_eq!(report.busy, 1);
    // ... and once stale it is settled as in doubt, never sent again.
    // (Chat 2 was claimed at its slot, 1/30 s after chat 1.)
    let stale = utc("2022-05-10T00:00:00Z") + CLAIM_STALE_AFTER + TimeDelta::milliseconds(34);
    let report = bot.deliver_at_instant(stale).await;
    assert_eq!((report.sent, report.already_settled), (0, 1));
    for chat_id in 1..=3 {
        assert_eq!(
            bot.transport.delivered_to(chat_id).len(),
            1,
            "chat {chat_id}"
        );
    }
    // The next day is ordinary for everyone.
    bot.deliver_at("2022-05-11T00:00:00Z").await;
    for chat_id in 1..=3 {
        assert_eq!(
            bot.transport.delivered_to(chat_id).len(),
            2,
            "chat {chat_id}"
        );
    }
}

async fn an_indeterminate_failure_is_not_resent(store: Store) {
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.transport.script(
        1,
        [Scripted::Fail(TransportError::Indeterminate(
            "timed out".to_owned(),
        ))],
    );
    assert_eq!(bot.deliver_at("2022-05-10T00:00:00Z").await.in_doubt, 1);
    assert_eq!(bot.deliver_at("2022-05-10T01:00:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-11T00:00:00Z").await.sent, 1);
}

async fn ten_thousand_subscribers_get_one_reminder_each_within_the_rate_limits(store: Store) {
    const SUBSCRIBERS: i64 = 10_000;
    let bot = Harness::new(store, "2022-05-09T12:00:00Z").await;
    for chat_id in 1..=SUBSCRIBERS {
        bot.subscribe(chat_id, "8:00").await;
    }
    // A few 429s along the way: the batch must still respect the limits and deliver each exactly once.
    for chat_id in [17, 5_000, 9_999] {
        bot.transport.script(
            chat_id,
            [Scripted::Fail(TransportError::RetryAfter(
                Duration::from_secs(2),
            ))],
        );
    }
    let start = utc("2022-05-10T00:00:00Z");
    let report = bot.deliver_at("2022-05-10T00:00:00Z").await;
    assert_eq!(report.sent, 10_000);

    let calls = bot.transport.calls();
    let mut per_chat: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
    for call in &calls {
        per_chat.entry(call.chat_id).or_default().push(call.at);
    }
    assert_eq!(per_chat.len(), 10_000);
    assert_eq!(bot.transport.delivered().len(), 10_000);
    for (chat_id, times) in &per_chat {
        for pair in times.windows(2) {
            assert!(pair[1] - pair[0] >= TimeDelta::seconds(1), "chat {chat_id}");
        }
    }
    // Never more than 30 requests in any one-second window.
    let mut times: Vec<DateTime<Utc>> = calls.iter().map(|c| c.at).collect();
    times.sort();
    for window in times.windows(31) {
        assert!(window[30] - window[0] >= TimeDelta::seconds(1));
    }
    // ... and spread, not stalled: 10,003 requests at 30 a second plus three 2-second pauses.
    let took = *times.last().unwrap() - start;
    assert!(took >= TimeDelta::seconds(333), "{took}");
    assert!(took <= TimeDelta::seconds(345), "{took}");
    assert_eq!(bot.deliver_at("2022-05-10T00:30:00Z").await.sent, 0);
}

async fn the_scheduler_sends_one_reminder_a_day_rotating_through_the_targets(store: Store) {
    let cancel = CancellationToken::new();
    let clock = VirtualClock::until(
        "2022-05-09T12:00:00Z",
        "2022-05-13T12:00:00Z",
        cancel.clone(),
    );
    let store = Arc::new(store);
    let transport = FakeTransport::new(clock.clone());
    for (chat_id, args) in [
        (1, "8:00"),
        (2, "23:59 Pacific/Kiritimati"),
        (3, "0:00 America/New_York"),
    ] {
        subscribe(&*store, chat_id, schedule(args), clock.now())
            .await
            .unwrap();
    }
    let sender = Sender::new(
        store.clone(),
        transport.clone(),
        clock.clone(),
        rotation(),
        RateLimits::default(),
    );
    Scheduler::new(sender, store.clone(), clock.clone())
        .run(cancel)
        .await;
    for chat_id in 1..=3 {
        let got = transport.delivered_to(chat_id);
        let positions: Vec<usize> = got.iter().map(|c| c.position).collect();
        assert_eq!(positions, [1, 2, 3, 1], "chat {chat_id}");
        let mut days: Vec<NaiveDate> = got.iter().map(|c| c.day).collect();
        days.dedup();
        assert_eq!(days.len(), 4, "chat {chat_id}: one reminder per local day");
        // Each went out within a second of its time (the loop wakes at the due time).
        let zone_schedule = store.get(chat_id).await.unwrap().unwrap().schedule;
        for call in &got {
            let due = zone_schedule.occurrence(call.day).unwrap();
            assert!(
                call.at >= due && call.at - due <= TimeDelta::seconds(1),
                "{call:?}"
            );
        }
    }
}

async fn concurrent_claims_for_one_day_grant_exactly_one(store: Store) {
    let store = Arc::new(store);
    let now = utc("2022-05-10T00:00:00Z");
    let claims = (0..16).map(|_| {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .claim(1, day("2022-05-10"), now, CLAIM_STALE_AFTER)
                .await
                .unwrap()
        })
    });
    let mut granted = 0;
    for claim in claims {
        match claim.await.unwrap() {
            Claim::Granted { attempts } => {
                assert_eq!(attempts, 1);
                granted += 1;
            }
            Claim::Busy { stale_at } => assert_eq!(stale_at, now + CLAIM_STALE_AFTER),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(granted, 1);
}

async fn pruning_forgets_old_days_and_keeps_recent_ones(store: Store) {
    let now = utc("2022-05-10T00:00:00Z");
    for date in ["2022-05-06", "2022-05-07", "2022-05-08", "2022-05-09"] {
        let claim = store.claim(1, day(date), now, CLAIM_STALE_AFTER).await;
        assert!(matches!(claim.unwrap(), Claim::Granted { .. }), "{date}");
    }
    assert_eq!(store.prune_deliveries(day("2022-05-08")).await.unwrap(), 2);
    assert_eq!(store.prune_deliveries(day("2022-05-08")).await.unwrap(), 0);
    assert_eq!(
        store.last_delivery_date(1).await.unwrap(),
        Some(day("2022-05-09"))
    );
    // A kept day still guards against a second send; a pruned one is simply gone.
    let again = store
        .claim(1, day("2022-05-08"), now, CLAIM_STALE_AFTER)
        .await;
    assert!(matches!(again.unwrap(), Claim::Busy { .. }));
}
