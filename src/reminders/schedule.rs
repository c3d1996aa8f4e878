//! "Every day at HH:MM in zone Z", as pure calendar arithmetic: parsing what users type after `/subscribe`,
//! the instant a given local day's reminder falls on, and whether one is due now. Nothing here reads a
//! clock: every function takes `now`, so tests can stand anywhere in time.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use thiserror::Error;

/// The time a bare `/subscribe` chooses: early enough to plan the day with.
pub const DEFAULT_TIME: NaiveTime = match NaiveTime::from_hms_opt(8, 0, 0) {
    Some(time) => time,
    None => panic!("08:00 is a valid time"),
};

/// The report's own zone; most readers live in it.
pub const DEFAULT_ZONE: Tz = Tz::Asia__Shanghai;

/// How late a missed reminder is still worth sending. A reminder is "today's target": it stays true all
/// day, but a morning reminder arriving in the evening mostly disturbs. So a reminder missed while the bot
/// was down goes out when it comes back, if that is still the same local day *and* at most this late;
/// otherwise that day is skipped and the next day's reminder follows as usual.
pub const CATCH_UP_LIMIT: TimeDelta = TimeDelta::hours(12);

/// Why `/subscribe` arguments were refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScheduleError {
    #[error("not a time of day: {0}")]
    BadTime(String),
    #[error("not a known IANA time zone: {0}")]
    UnknownZone(String),
    #[error("expected at most a time and a zone")]
    TooManyArguments,
    /// Only reachable at the very end of chrono's calendar.
    #[error("no day after {0} has this time")]
    NoOccurrence(NaiveDate),
}

/// A subscriber's daily send time: a wall-clock minute in an IANA zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailySchedule {
    pub time: NaiveTime,
    pub zone: Tz,
}

/// `/subscribe` arguments as read: the schedule, and whether its hour was a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub schedule: DailySchedule,
    /// A bare hour from 1 to 11 with no part of the day (`8`, `7:30`, `8点半`): read as morning.
    pub assumed_24_hour: bool,
}

/// One local day's reminder and the instant it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub date: NaiveDate,
    pub at: DateTime<Utc>,
}

/// What to do about one local day's reminder at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Not yet: due at this instant.
    Wait(DateTime<Utc>),
    /// Due now (on time or as a catch-up within [`CATCH_UP_LIMIT`] on the same local day).
    Send,
    /// Too late, or the day does not exist in the zone (a date-line jump): skip it.
    Missed,
}

impl Default for DailySchedule {
    fn default() -> Self {
        DailySchedule {
            time: DEFAULT_TIME,
            zone: DEFAULT_ZONE,
        }
    }
}

impl DailySchedule {
    /// Parses `/subscribe` arguments: nothing (08:00 Shanghai), a time (`7:30`, `07:30`, `8`, `8点`, `8点半`,
    /// `8点15分`, full-width digits and colon too, with a part of the day: `早上7点半`, `晚上9点`, `下午3点`,
    /// `中午12点`, `7:30pm`, `9pm`), a zone (`Europe/Berlin`, any letter case, or a UTC offset: `+08:00`,
    /// `UTC+8`, `GMT-5`), or both in either order.
    pub fn parse(args: &str) -> Result<Self, ScheduleError> {
        Self::read(args).map(|reading| reading.schedule)
    }

    /// [`DailySchedule::parse`], also saying whether a bare hour was read on the 24-hour clock although the
    /// user may have meant the afternoon (`8` is 08:00, never 20:00; the reply says so).
    pub fn read(args: &str) -> Result<Reading, ScheduleError> {
        let normalized = to_ascii_digits(args);
        let mut reading = Reading {
            schedule: DailySchedule::default(),
            assumed_24_hour: false,
        };
        let (mut time_seen, mut zone_seen) = (false, false);
        for token in join_parts_of_day(&normalized) {
            if let Some(zone) = parse_offset(&token) {
                if zone_seen {
                    return Err(ScheduleError::TooManyArguments);
                }
                reading.schedule.zone = zone?;
                zone_seen = true;
            } else if looks_like_time(&token) {
                if time_seen {
                    return Err(ScheduleError::TooManyArguments);
                }
                let (time, assumed) = parse_time_of_day(&token)?;
                reading.schedule.time = time;
                reading.assumed_24_hour = assumed;
                time_seen = true;
            } else {
                if zone_seen {
                    return Err(ScheduleError::TooManyArguments);
                }
                reading.schedule.zone = parse_zone(&token)?;
                zone_seen = true;
            }
        }
        Ok(reading)
    }

    /// The instant of `date`'s reminder, or `None` when that local day does not exist in the zone
    /// (Pacific/Apia skipped 2011-12-30, Pacific/Kiritimati 1994-12-31). A time that falls into a DST gap
    /// moves to the first minute after the gap; a time that occurs twice (DST ends) means the first one.
    pub fn occurrence(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        let mut time = self.time;
        loop {
            match self.zone.from_local_datetime(&date.and_time(time)) {
                LocalResult::Single(at) => return Some(at.with_timezone(&Utc)),
                LocalResult::Ambiguous(first, _) => return Some(first.with_timezone(&Utc)),
                LocalResult::None => {
                    let (next, wrapped) = time.overflowing_add_signed(TimeDelta::minutes(1));
                    if wrapped != 0 {
                        return None;
                    }
                    time = next;
                }
            }
        }
    }

    /// The first reminder at or after `now`, for a day after `after` when given (the last day already
    /// delivered), so that changing the time never yields a second reminder on the same day.
    pub fn next_occurrence(
        &self,
        now: DateTime<Utc>,
        after: Option<NaiveDate>,
    ) -> Result<Occurrence, ScheduleError> {
        let today = self.local_date(now);
        let first = match after.and_then(|day| day.succ_opt()) {
            Some(day_after) if day_after > today => day_after,
            _ => today,
        };
        // A zone skips at most one whole day, so a handful of days always holds an occurrence.
        first
            .iter_days()
            .take(7)
            .find_map(|date| {
                self.occurrence(date)
                    .filter(|at| *at >= now)
                    .map(|at| Occurrence { date, at })
            })
            .ok_or(ScheduleError::NoOccurrence(first))
    }

    /// Whether `date`'s reminder should go out at `now`.
    pub fn decide(&self, date: NaiveDate, now: DateTime<Utc>) -> Decision {
        match self.occurrence(date) {
            None => Decision::Missed,
            Some(at) if now < at => Decision::Wait(at),
            Some(at) if self.local_date(now) == date && now - at <= CATCH_UP_LIMIT => {
                Decision::Send
            }
            Some(_) => Decision::Missed,
        }
    }

    /// The calendar day it is in the subscriber's zone at `now`.
    pub fn local_date(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.zone).date_naive()
    }

    /// `07:30`: the form stored and shown back to the user.
    pub fn time_text(&self) -> String {
        format!("{:02}:{:02}", self.time.hour(), self.time.minute())
    }
}

/// Zone names start with a letter and hold neither `:` nor 点/时; a part of the day (`晚上9点`) starts
/// a time too.
fn looks_like_time(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_digit())
        || token.contains([':', '点', '时'])
        || split_part_of_day(token).0.is_some()
}

/// A part of the day written before or after a time: 早上 7点半, 晚上9点, 9pm, 7:30 PM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartOfDay {
    /// 凌晨, 半夜: the small hours (12 is midnight).
    Night,
    /// 早上, 上午, am: before noon (12 am is midnight).
    Morning,
    /// 中午: around noon (1 is 13:00).
    Noon,
    /// 下午, 晚上, pm: after noon (12 pm is noon, 晚上12点 midnight).
    Afternoon,
    Evening,
}

/// Chinese parts of the day, longest first so that 早上 wins over 早.
const PARTS_OF_DAY: [(&str, PartOfDay); 16] = [
    ("凌晨", PartOfDay::Night),
    ("半夜", PartOfDay::Night),
    ("清晨", PartOfDay::Morning),
    ("早晨", PartOfDay::Morning),
    ("早上", PartOfDay::Morning),
    ("上午", PartOfDay::Morning),
    ("中午", PartOfDay::Noon),
    ("下午", PartOfDay::Afternoon),
    ("傍晚", PartOfDay::Evening),
    ("晚上", PartOfDay::Evening),
    ("夜里", PartOfDay::Evening),
    ("夜间", PartOfDay::Evening),
    ("今晚", PartOfDay::Evening),
    ("每晚", PartOfDay::Evening),
    ("早", PartOfDay::Morning),
    ("晚", PartOfDay::Evening),
];

/// The token's part of the day (a Chinese prefix or an am/pm suffix, any case, dots allowed) and the
/// time left once it is taken off.
fn split_part_of_day(token: &str) -> (Option<PartOfDay>, String) {
    for (word, part) in PARTS_OF_DAY {
        if let Some(rest) = token.strip_prefix(word) {
            return (Some(part), rest.to_owned());
        }
    }
    let lower = token.to_ascii_lowercase().replace('.', "");
    if let Some(rest) = lower.strip_suffix("am") {
        return (Some(PartOfDay::Morning), rest.to_owned());
    }
    if let Some(rest) = lower.strip_suffix("pm") {
        return (Some(PartOfDay::Afternoon), rest.to_owned());
    }
    (None, token.to_owned())
}

/// The arguments' words, with a part of the day written apart (`早上 7点`, `9 pm`) joined to its time.
fn join_parts_of_day(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut pending_prefix: Option<&str> = None;
    for token in text.split_whitespace() {
        let lower = token.to_ascii_lowercase().replace('.', "");
        let is_prefix = PARTS_OF_DAY.iter().any(|(word, _)| *word == token);
        if is_prefix {
            pending_prefix = Some(token);
            continue;
        }
        let joined = match pending_prefix.take() {
            Some(prefix) => format!("{prefix}{token}"),
            None => token.to_owned(),
        };
        if matches!(lower.as_str(), "am" | "pm") {
            if let Some(last) = tokens.last_mut() {
                if last.starts_with(|c: char| c.is_ascii_digit()) {
                    last.push_str(&lower);
                    continue;
                }
            }
        }
        tokens.push(joined);
    }
    // A part of the day with no time after it (`/subscribe 晚上`) stays a word, and is refused as a time.
    if let Some(prefix) = pending_prefix {
        tokens.push(prefix.to_owned());
    }
    tokens
}

/// A time with its part of the day, and whether the hour was a guess (see [`Reading`]).
fn parse_time_of_day(token: &str) -> Result<(NaiveTime, bool), ScheduleError> {
    let bad = || ScheduleError::BadTime(token.to_owned());
    let (part, rest) = split_part_of_day(token);
    let time = parse_time(&rest).map_err(|_| bad())?;
    let Some(part) = part else {
        let bare_hour = (1..=11).contains(&time.hour()) && !rest.starts_with('0');
        return Ok((time, bare_hour));
    };
    let hour = time.hour();
    let lower = token.to_ascii_lowercase().replace('.', "");
    // 9pm, 12am: the 12-hour clock has no 0 or 13.
    if (lower.ends_with("am") || lower.ends_with("pm")) && !(1..=12).contains(&hour) {
        return Err(bad());
    }
    let hour = match part {
        PartOfDay::Night | PartOfDay::Morning if hour > 12 => return Err(bad()),
        PartOfDay::Night if hour == 12 => 0,
        // 12am is midnight; 上午12点 is noon.
        PartOfDay::Morning if hour == 12 && lower.ends_with("am") => 0,
        PartOfDay::Night | PartOfDay::Morning => hour,
        PartOfDay::Noon if hour <= 3 => hour + 12,
        PartOfDay::Noon if (11..=14).contains(&hour) => hour,
        PartOfDay::Noon => return Err(bad()),
        PartOfDay::Afternoon | PartOfDay::Evening if (1..=11).contains(&hour) => hour + 12,
        PartOfDay::Evening if hour == 12 => 0,
        PartOfDay::Afternoon | PartOfDay::Evening => hour,
    };
    let time = NaiveTime::from_hms_opt(hour, time.minute(), 0).ok_or_else(bad)?;
    Ok((time, false))
}

/// A UTC offset written as a zone (`+08:00`, `+0800`, `+8`, `UTC+8`, `GMT-5`, `utc+05:30`): `None` when
/// the token is not one, else the zone with that fixed offset or why there is none.
fn parse_offset(token: &str) -> Option<Result<Tz, ScheduleError>> {
    let lower = token.to_ascii_lowercase();
    let signed = lower
        .strip_prefix("utc")
        .or_else(|| lower.strip_prefix("gmt"))
        .unwrap_or(&lower);
    let (sign, digits) = match signed.split_at_checked(1)? {
        ("+", rest) => (1, rest),
        ("-", rest) => (-1, rest),
        _ => return None,
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((hours, minutes)) => (hours, minutes),
        // `+0800`; `split_at_checked` because the four bytes may be one and a bit characters (`+晚0`).
        None if digits.len() == 4 => digits.split_at_checked(2).unwrap_or((digits, "")),
        None => (digits, "00"),
    };
    let number = |text: &str| {
        ((1..=2).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<i32>().ok())
            .flatten()
    };
    let unknown = || ScheduleError::UnknownZone(token.to_owned());
    let (Some(hours), Some(minutes)) = (number(hours), number(minutes)) else {
        return Some(Err(unknown()));
    };
    let offset_minutes = sign * (hours * 60 + minutes);
    Some(offset_zone(offset_minutes).ok_or_else(unknown))
}

/// The zone for a fixed UTC offset in minutes: `Etc/GMT∓h` for whole hours (IANA inverts the sign), and
/// for the few other offsets in use, a zone that keeps that offset all year.
fn offset_zone(offset_minutes: i32) -> Option<Tz> {
    if offset_minutes == 0 {
        return Some(Tz::UTC);
    }
    if offset_minutes % 60 == 0 {
        let hours = offset_minutes / 60;
        if !(-12..=14).contains(&hours) {
            return None;
        }
        // Etc/GMT-8 is UTC+8.
        let name = format!("Etc/GMT{:+}", -hours);
        return name.parse().ok();
    }
    let zone = match offset_minutes {
        -570 => Tz::Pacific__Marquesas,
        210 => Tz::Asia__Tehran,
        270 => Tz::Asia__Kabul,
        330 => Tz::Asia__Kolkata,
        345 => Tz::Asia__Kathmandu,
        390 => Tz::Asia__Yangon,
        525 => Tz::Australia__Eucla,
        570 => Tz::Australia__Darwin,
        _ => return None,
    };
    Some(zone)
}

/// How a zone is shown back to the user: its IANA name, except that the fixed-offset `Etc/GMT-8` (whose
/// sign is inverted) reads `UTC+8`.
pub fn zone_label(zone: Tz) -> String {
    match zone.name().strip_prefix("Etc/GMT") {
        Some(offset) if !offset.is_empty() => {
            let flipped = offset
                .chars()
                .map(|c| match c {
                    '+' => '-',
                    '-' => '+',
                    c => c,
                })
                .collect::<String>();
            format!("UTC{flipped}")
        }
        _ => zone.name().to_owned(),
    }
}

/// Full-width digits and colon (`８：３０`) as ASCII, so that IME input parses like typed input.
fn to_ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '：' => ':',
            _ => c,
        })
        .collect()
}

/// `7:30`, `07:30`, `8`, `8点`, `8时`, `8点半`, `8点整`, `8点5分`, `8点30`.
pub fn parse_time(token: &str) -> Result<NaiveTime, ScheduleError> {
    let bad = || ScheduleError::BadTime(token.to_owned());
    let (hour, minute) = if let Some((hour, minute)) = token.split_once(':') {
        if minute.len() != 2 {
            return Err(bad());
        }
        (hour, minute)
    } else if let Some((hour, rest)) = token.split_once(['点', '时']) {
        let minute = match rest {
            "" | "整" => "0",
            "半" => "30",
            _ => rest.strip_suffix('分').unwrap_or(rest),
        };
        (hour, minute)
    } else {
        (token, "0")
    };
    let number = |digits: &str, max: u32| {
        let valid = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        valid
            .then(|| digits.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    match (number(hour, 23), number(minute, 59)) {
        (Some(hour), Some(minute)) => NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// An IANA zone name in any letter case (`europe/berlin` works as well as `Europe/Berlin`).
pub fn parse_zone(token: &str) -> Result<Tz, ScheduleError> {
    token
        .parse::<Tz>()
        .ok()
        .or_else(|| {
            chrono_tz::TZ_VARIANTS
                .iter()
                .copied()
                .find(|zone| zone.name().eq_ignore_ascii_case(token))
        })
        .ok_or_else(|| ScheduleError::UnknownZone(token.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn at(zone: Tz, h: u32, m: u32) -> DailySchedule {
        DailySchedule {
            time: time(h, m),
            zone,
        }
    }

    #[test]
    fn parses_the_accepted_forms() {
        let cases = [
            ("", time(8, 0), DEFAULT_ZONE),
            ("7:30", time(7, 30), DEFAULT_ZONE),
            ("07:30", time(7, 30), DEFAULT_ZONE),
            ("  23:59  ", time(23, 59), DEFAULT_ZONE),
            ("0:00", time(0, 0), DEFAULT_ZONE),
            ("8", time(8, 0), DEFAULT_ZONE),
            ("8点", time(8, 0), DEFAULT_ZONE),
            ("8点半", time(8, 30), DEFAULT_ZONE),
            ("8点整", time(8, 0), DEFAULT_ZONE),
            ("21点5分", time(21, 5), DEFAULT_ZONE),
            ("9时45", time(9, 45), DEFAULT_ZONE),
            ("８：３０", time(8, 30), DEFAULT_ZONE),
            ("21:00 Europe/Berlin", time(21, 0), Tz::Europe__Berlin),
            ("Europe/Berlin 21:00", time(21, 0), Tz::Europe__Berlin),
            ("america/new_york", time(8, 0), Tz::America__New_York),
            ("6:15 UTC", time(6, 15), Tz::UTC),
        ];
        for (args, time, zone) in cases {
            assert_eq!(
                DailySchedule::parse(args),
                Ok(DailySchedule { time, zone }),
                "{args:?}"
            );
        }
    }

    #[test]
    fn parses_parts_of_the_day() {
        let cases = [
            ("早上7点半", time(7, 30), false),
            ("晚上9点", time(21, 0), false),
            ("下午3点", time(15, 0), false),
            ("中午12点", time(12, 0), false),
            ("中午1点", time(13, 0), false),
            ("凌晨12点", time(0, 0), false),
            ("晚上12点", time(0, 0), false),
            ("下午15点", time(15, 0), false),
            ("早上 7点", time(7, 0), false),
            ("7:30pm", time(19, 30), false),
            ("7:30 PM", time(19, 30), false),
            ("9pm", time(21, 0), false),
            ("9 p.m.", time(21, 0), false),
            ("12pm", time(12, 0), false),
            ("12am", time(0, 0), false),
            ("9am", time(9, 0), false),
            ("8", time(8, 0), true),
            ("8点半", time(8, 30), true),
            ("7:30", time(7, 30), true),
            ("07:30", time(7, 30), false),
            ("12点", time(12, 0), false),
            ("20:00", time(20, 0), false),
        ];
        for (args, time, assumed_24_hour) in cases {
            assert_eq!(
                DailySchedule::read(args),
                Ok(Reading {
                    schedule: DailySchedule {
                        time,
                        zone: DEFAULT_ZONE
                    },
                    assumed_24_hour
                }),
                "{args:?}"
            );
        }
        for bad in ["上午15点", "13pm", "0am", "晚上", "中午8点", "下午25点"] {
            assert!(
                matches!(DailySchedule::parse(bad), Err(ScheduleError::BadTime(_))),
                "{bad:?}: {:?}",
                DailySchedule::parse(bad)
            );
        }
    }

    #[test]
    fn utc_offsets_are_zones() {
        let gmt = |name: &str| name.parse::<Tz>().unwrap();
        let cases = [
            ("7:30 +08:00", time(7, 30), gmt("Etc/GMT-8")),
            ("+08:00 7:30", time(7, 30), gmt("Etc/GMT-8")),
            ("UTC+8", time(8, 0), gmt("Etc/GMT-8")),
            ("utc+08:00", time(8, 0), gmt("Etc/GMT-8")),
            ("GMT-5", time(8, 0), gmt("Etc/GMT+5")),
            ("9:00 -0500", time(9, 0), gmt("Etc/GMT+5")),
            ("9:00 +14", time(9, 0), gmt("Etc/GMT-14")),
            ("9:00 UTC+0", time(9, 0), Tz::UTC),
            ("9:00 +05:30", time(9, 0), Tz::Asia__Kolkata),
            ("晚上9点 GMT+1", time(21, 0), gmt("Etc/GMT-1")),
        ];
        for (args, time, zone) in cases {
            assert_eq!(
                DailySchedule::parse(args),
                Ok(DailySchedule { time, zone }),
                "{args:?}"
            );
        }
        // `+晚0` was found by the fuzzer (docs/fuzzing.md): four bytes, not four characters.
        for bad in [
            "+15", "UTC+8:7", "GMT-13", "+05:10", "+abc", "+晚0", "UTC-éé",
        ] {
            assert_eq!(
                DailySchedule::parse(bad),
                Err(ScheduleError::UnknownZone(bad.to_owned())),
                "{bad:?}"
            );
        }
        assert_eq!(
            DailySchedule::parse("+08:00 UTC+9"),
            Err(ScheduleError::TooManyArguments)
        );
        assert_eq!(zone_label(gmt("Etc/GMT-8")), "UTC+8");
        assert_eq!(zone_label(gmt("Etc/GMT+5")), "UTC-5");
        assert_eq!(zone_label(Tz::Europe__Berlin), "Europe/Berlin");
    }

    #[test]
    fn refuses_bad_times_and_zones() {
        for bad in [
            "25:00",
            "24:00",
            "7:61",
            "7:6",
            "7:",
            ":30",
            "123:00",
            "8点61",
            "8点半分",
            "7.30",
            "7:30:00",
        ] {
            assert_eq!(
                DailySchedule::parse(bad),
                Err(ScheduleError::BadTime(bad.to_owned())),
                "{bad:?}"
            );
        }
        assert_eq!(
            DailySchedule::parse("abc"),
            Err(ScheduleError::UnknownZone("abc".to_owned()))
        );
        assert_eq!(
            DailySchedule::parse("8:00 Mars/Olympus"),
            Err(ScheduleError::UnknownZone("Mars/Olympus".to_owned()))
        );
        assert_eq!(
            DailySchedule::parse("8:00 9:00"),
            Err(ScheduleError::TooManyArguments)
        );
        assert_eq!(
            DailySchedule::parse("UTC Europe/Berlin"),
            Err(ScheduleError::TooManyArguments)
        );
    }

    #[test]
    fn due_at_the_minute_and_not_before() {
        let shanghai = at(DEFAULT_ZONE, 8, 0);
        let day = date(2022, 5, 10);
        // 08:00 in Shanghai is 00:00 UTC.
        assert_eq!(
            shanghai.decide(day, utc("2022-05-09T23:59:59Z")),
            Decision::Wait(utc("2022-05-10T00:00:00Z"))
        );
        assert_eq!(
            shanghai.decide(day, utc("2022-05-10T00:00:00Z")),
            Decision::Send
        );
        assert_eq!(
            shanghai.next_occurrence(utc("2022-05-10T00:00:01Z"), None),
            Ok(Occurrence {
                date: date(2022, 5, 11),
                at: utc("2022-05-11T00:00:00Z")
            })
        );
    }

    #[test]
    fn catch_up_lasts_twelve_hours_within_the_same_local_day() {
        let morning = at(DEFAULT_ZONE, 8, 0);
        let day = date(2022, 5, 10);
        assert_eq!(
            morning.decide(day, utc("2022-05-10T12:00:00Z")),
            Decision::Send
        );
        assert_eq!(
            morning.decide(day, utc("2022-05-10T12:00:01Z")),
            Decision::Missed
        );
        // 21:00 + 12 h would be 09:00 the next day: the day ends first.
        let evening = at(DEFAULT_ZONE, 21, 0);
        assert_eq!(
            evening.decide(day, utc("2022-05-10T15:59:00Z")),
            Decision::Send
        );
        assert_eq!(
            evening.decide(day, utc("2022-05-10T16:00:00Z")),
            Decision::Missed
        );
    }

    #[test]
    fn the_same_instant_is_a_different_day_across_the_date_line() {
        let now = utc("2024-06-01T18:00:00Z");
        let kiritimati = at(Tz::Pacific__Kiritimati, 8, 0); // UTC+14: 06-02 08:00
        let pago_pago = at(Tz::Pacific__Pago_Pago, 7, 0); // UTC-11: 06-01 07:00
        assert_eq!(kiritimati.local_date(now), date(2024, 6, 2));
        assert_eq!(pago_pago.local_date(now), date(2024, 6, 1));
        assert_eq!(kiritimati.decide(date(2024, 6, 2), now), Decision::Send);
        assert_eq!(pago_pago.decide(date(2024, 6, 1), now), Decision::Send);
        // Kiritimati's reminder for 06-01 was a day earlier and is long missed.
        assert_eq!(kiritimati.decide(date(2024, 6, 1), now), Decision::Missed);
    }

    #[test]
    fn a_skipped_day_has_no_reminder_and_the_next_day_has_one() {
        // Samoa jumped from 2011-12-29 to 2011-12-31.
        let apia = at(Tz::Pacific__Apia, 8, 0);
        assert_eq!(apia.occurrence(date(2011, 12, 30)), None);
        assert_eq!(
            apia.decide(date(2011, 12, 30), utc("2011-12-31T00:00:00Z")),
            Decision::Missed
        );
        let after_29th = apia
            .next_occurrence(utc("2011-12-29T19:00:01Z"), Some(date(2011, 12, 29)))
            .unwrap();
        assert_eq!(after_29th.date, date(2011, 12, 31));
        // Kiritimati went from UTC-10 to UTC+14 and skipped 1994-12-31.
        let kiritimati = at(Tz::Pacific__Kiritimati, 8, 0);
        assert_eq!(kiritimati.occurrence(date(1994, 12, 31)), None);
        let next = kiritimati
            .next_occurrence(utc("1994-12-30T18:00:01Z"), Some(date(1994, 12, 30)))
            .unwrap();
        assert_eq!(next.date, date(1995, 1, 1));
    }

    #[test]
    fn dst_gap_moves_to_the_first_minute_after_and_overlap_sends_once() {
        let berlin = at(Tz::Europe__Berlin, 2, 30);
        // 2024-03-31 02:00 CET jumped to 03:00 CEST (01:00 UTC).
        assert_eq!(
            berlin.occurrence(date(2024, 3, 31)),
            Some(utc("2024-03-31T01:00:00Z"))
        );
        // 2024-10-27 02:30 happened twice; the first is CEST (00:30 UTC).
        assert_eq!(
            berlin.occurrence(date(2024, 10, 27)),
            Some(utc("2024-10-27T00:30:00Z"))
        );
        let next = berlin
            .next_occurrence(utc("2024-10-27T00:30:01Z"), Some(date(2024, 10, 27)))
            .unwrap();
        assert_eq!(next.date, date(2024, 10, 28));
    }

    #[test]
    fn changing_the_time_after_todays_reminder_waits_for_tomorrow() {
        let later = at(DEFAULT_ZONE, 21, 0);
        let now = utc("2022-05-10T01:00:00Z"); // 09:00 in Shanghai, today's 08:00 reminder already sent
        assert_eq!(
            later.next_occurrence(now, Some(date(2022, 5, 10))).unwrap(),
            Occurrence {
                date: date(2022, 5, 11),
                at: utc("2022-05-11T13:00:00Z")
            }
        );
        assert_eq!(
            later.next_occurrence(now, None).unwrap().date,
            date(2022, 5, 10)
        );
    }
}
