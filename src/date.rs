//! Civil dates as people give them: exact (`2023-05-14`), to the month (`2023-05`) or to the year (`2023`).
//!
//! People often remember "spring 2019" rather than the day they left hospital, so the contract accepts a
//! month or a year as well as a full date.
//! The rules compute with the earliest day the value can mean ([`Date::first_day`]), and every date shown to
//! a user keeps the precision it was given with, so an approximate date is never presented as exact.
//!
//! Parsing is done by hand rather than with chrono's generic parser: it is stricter (exactly four-digit years,
//! two-digit months and days), gives messages that say what to type, and keeps the WebAssembly bundle small.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// How precisely a [`Date`] was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A full date, `YYYY-MM-DD`.
    Day,
    /// A month, `YYYY-MM`.
    Month,
    /// A year, `YYYY`.
    Year,
}

/// Where a possibly approximate date falls against a boundary day (the day a law came into force).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Every day the value can mean is before the boundary.
    Before,
    /// Every day the value can mean is on or after the boundary.
    OnOrAfter,
    /// The value is a month or year that contains the boundary: it could fall either side.
    EitherSide,
}

/// A civil date, possibly approximate.
///
/// Ordering and equality compare the earliest day the value can mean, then the precision.
///
/// # Examples
///
/// ```
/// use s117::date::{Date, Precision};
/// let d: Date = "2023-05".parse().unwrap();
/// assert_eq!(d.precision(), Precision::Month);
/// assert_eq!(d.to_string(), "2023-05");
/// assert_eq!(d.long(), "May 2023");
/// assert!("2023-13-40".parse::<Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    day: NaiveDate,
    precision: Precision,
}

/// Why a text is not a [`Date`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    text: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.text.chars().take(40).collect();
        write!(
            f,
            "{shown} is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only know the month or year)"
        )
    }
}

impl std::error::Error for DateError {}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || DateError {
            text: text.to_owned(),
        };
        // Exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (spaces around allowed), read byte by byte: a firm's screen
        // reads several dates on every row.
        let b = text.trim().as_bytes();
        let number = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0u32, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        let (precision, month, day) = match b.len() {
            4 => (Precision::Year, Some(1), Some(1)),
            7 if b[4] == b'-' => (Precision::Month, number(5, 7), Some(1)),
            10 if b[4] == b'-' && b[7] == b'-' => (Precision::Day, number(5, 7), number(8, 10)),
            _ => return Err(error()),
        };
        let (Some(year), Some(month), Some(day)) = (number(0, 4), month, day) else {
            return Err(error());
        };
        let year = i32::try_from(year).map_err(|_| error())?;
        let day = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(error)?;
        Ok(Date { day, precision })
    }
}

impl Date {
    /// An exact date.
    pub fn exact(day: NaiveDate) -> Self {
        Date {
            day,
            precision: Precision::Day,
        }
    }

    /// An exact date from its parts, or `None` if there is no such day.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date::exact)
    }

    /// The earliest day the value can mean: the date itself, or the first of the month or year.
    pub fn first_day(self) -> NaiveDate {
        self.day
    }

    /// The latest day the value can mean: the date itself, or the last day of the month or year.
    pub fn last_day(self) -> NaiveDate {
        let months = match self.precision {
            Precision::Day => return self.day,
            Precision::Month => 1,
            Precision::Year => 12,
        };
        self.day
            .checked_add_months(Months::new(months))
            .and_then(|d| d.pred_opt())
            .unwrap_or(self.day)
    }

    /// Where the date falls against `boundary`: before it, on or after it, or (for a month or a year that
    /// contains it) either side.
    ///
    /// # Examples
    ///
    /// ```
    /// use s117::date::{Date, Side};
    /// let july_2022 = chrono::NaiveDate::from_ymd_opt(2022, 7, 1).unwrap();
    /// assert_eq!("2022".parse::<Date>().unwrap().side_of(july_2022), Side::EitherSide);
    /// assert_eq!("2022-06".parse::<Date>().unwrap().side_of(july_2022), Side::Before);
    /// assert_eq!("2022-07".parse::<Date>().unwrap().side_of(july_2022), Side::OnOrAfter);
    /// ```
    pub fn side_of(self, boundary: NaiveDate) -> Side {
        if self.last_day() < boundary {
            Side::Before
        } else if self.first_day() >= boundary {
            Side::OnOrAfter
        } else {
            Side::EitherSide
        }
    }

    /// How precisely the date was given.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// Is this a full date rather than a month or a year?
    pub fn is_exact(self) -> bool {
        self.precision == Precision::Day
    }

    /// The date in words, at the precision it was given: "14 May 2023", "May 2023", "2023".
    pub fn long(self) -> String {
        let mut out = String::with_capacity(20);
        self.push_long(&mut out);
        out
    }

    /// Writes [`Date::long`] onto `out`: built by hand, not with `format!`, as the screen writes several of these
    /// for each of a million rows.
    fn push_long(self, out: &mut String) {
        let month = MONTH_NAMES[self.day.month0() as usize];
        if self.precision == Precision::Day {
            push_number(out, self.day.day() as i32);
            out.push(' ');
        }
        if self.precision != Precision::Year {
            out.push_str(month);
            out.push(' ');
        }
        push_number(out, self.day.year());
    }

    /// The date after a preposition that fits its precision: "on 14 May 2023", "in May 2023", "in 2023".
    pub fn on(self) -> String {
        let mut out = String::with_capacity(24);
        out.push_str(match self.precision {
            Precision::Day => "on ",
            Precision::Month | Precision::Year => "in ",
        });
        self.push_long(&mut out);
        out
    }

    /// This date plus whole calendar months, keeping its precision; `None` past the calendar's end.
    ///
    /// The day is clamped to the end of a shorter month (31 January plus one month is 28 or 29 February).
    pub fn plus_months(self, months: u32) -> Option<Date> {
        let day = self.day.checked_add_months(Months::new(months))?;
        Some(Date {
            day,
            precision: self.precision,
        })
    }
}

/// Appends a whole number in decimal.
pub(crate) fn push_number(out: &mut String, n: i32) {
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    if n >= 10 {
        push_number(out, (n / 10) as i32);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Formats a plain [`NaiveDate`] in words, as in letters: "14 May 2023".
pub fn long(day: NaiveDate) -> String {
    Date::exact(day).long()
}

impl Date {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as bytes and how many of them, for the years of the contract (0 to 9999):
    /// written digit by digit, as a firm's screen writes several dates on every row and the formatting machinery
    /// was a tenth of writing one.
    fn iso_digits(self) -> Option<([u8; 10], usize)> {
        let (m, d) = (self.day.month(), self.day.day());
        let Ok(y @ 0..=9999) = u32::try_from(self.day.year()) else {
            return None;
        };
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        let len = match self.precision {
            Precision::Day => 10,
            Precision::Month => 7,
            Precision::Year => 4,
        };
        Some((text, len))
    }

    /// Appends the date as [`Display`](fmt::Display) writes it, without the formatting machinery where it can.
    pub fn push_iso(self, out: &mut String) {
        use fmt::Write as _;
        match self.iso_digits() {
            // Only ASCII digits and hyphens were written.
            Some((text, len)) => text[..len].iter().for_each(|&b| out.push(char::from(b))),
            None => {
                let _ = write!(out, "{self}");
            }
        }
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((text, len)) = self.iso_digits() {
            // Only ASCII digits and hyphens were written.
            return f.pad(std::str::from_utf8(&text[..len]).map_err(|_| fmt::Error)?);
        }
        let (y, m, d) = (self.day.year(), self.day.month(), self.day.day());
        match self.precision {
            Precision::Day => write!(f, "{y:04}-{m:02}-{d:02}"),
            Precision::Month => write!(f, "{y:04}-{m:02}"),
            Precision::Year => write!(f, "{y:04}"),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as YYYY-MM-DD (or YYYY-MM, or YYYY)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(feature = "cli")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "A date as YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known (treated as its first day).",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte reading accepts exactly what splitting on hyphens did.
    #[test]
    fn dates_are_read_as_splitting_on_hyphens_read_them() {
        fn by_splitting(text: &str) -> Option<(i32, u32, u32, usize)> {
            let digits = |t: &str, len: usize| {
                (t.len() == len && t.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| t.parse::<u32>().ok())
                    .flatten()
            };
            let mut parts = text.trim().split('-');
            let year = digits(parts.next()?, 4)?;
            let month = parts.next().map(|m| digits(m, 2));
            let day = parts.next().map(|d| digits(d, 2));
            if parts.next().is_some() {
                return None;
            }
            let (m, d, n) = match (month, day) {
                (None, _) => (1, 1, 1),
                (Some(m), None) => (m?, 1, 2),
                (Some(m), Some(d)) => (m?, d?, 3),
            };
            NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, m, d)?;
            Some((i32::try_from(year).ok()?, m, d, n))
        }
        let texts = [
            "2021",
            "2021-03",
            "2021-03-04",
            " 2021-03-04 ",
            "2021-3-04",
            "2021-03-4",
            "2021-",
            "2021-03-",
            "2021-02-30",
            "2021-13",
            "0000",
            "+202-01-01",
            "2021-03-04-",
            "20210304",
            "2021/03/04",
            "",
            " ",
            "２０２１",
            "2021-0a",
            "-2021",
            "9999-12-31",
            "2021 -03",
            "2024-02-29",
            "2023-02-29",
        ];
        for text in texts {
            let read = text.parse::<Date>().ok().map(|d| {
                let n = match d.precision {
                    Precision::Year => 1,
                    Precision::Month => 2,
                    Precision::Day => 3,
                };
                (d.day.year(), d.day.month(), d.day.day(), n)
            });
            assert_eq!(read, by_splitting(text), "{text:?}");
        }
    }

    #[test]
    fn writes_each_precision_in_words() {
        let words = |t: &str| t.parse::<Date>().unwrap().long();
        assert_eq!(words("2023-05-01"), "1 May 2023");
        assert_eq!(words("1983-09-30"), "30 September 1983");
        assert_eq!(words("2023-12"), "December 2023");
        assert_eq!(words("2010"), "2010");
        assert_eq!(
            long(NaiveDate::from_ymd_opt(905, 1, 9).unwrap()),
            "9 January 905"
        );
    }

    #[test]
    fn push_iso_writes_what_display_writes() {
        let days = [
            (2023, 5, 1),
            (905, 1, 9),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-44, 3, 15),
        ];
        for (y, m, d) in days {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            for precision in [Precision::Day, Precision::Month, Precision::Year] {
                let date = Date { day, precision };
                let mut pushed = String::from("on ");
                date.push_iso(&mut pushed);
                assert_eq!(pushed, format!("on {date}"), "{date:?}");
            }
        }
        assert_eq!(Date::ymd(905, 1, 9).unwrap().to_string(), "0905-01-09");
    }

    #[test]
    fn parses_each_precision_and_rejects_nonsense() {
        assert_eq!(
            "2024-02-29".parse::<Date>().unwrap().long(),
            "29 February 2024"
        );
        assert!("2023-02-29".parse::<Date>().is_err());
        assert_eq!("2019".parse::<Date>().unwrap().to_string(), "2019");
        for bad in [
            "",
            "2023-1-01",
            "23-01-01",
            "2023-00",
            "2023/01/01",
            "2023-01-01-01",
            "2023-01-",
            "+202-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad:?} should be rejected");
        }
        let message = "2023-13-40".parse::<Date>().unwrap_err().to_string();
        assert!(message.starts_with("2023-13-40 is not a date (use YYYY-MM-DD"));
    }

    #[test]
    fn last_day_of_approximate_dates() {
        let month: Date = "2024-02".parse().unwrap();
        assert_eq!(
            month.last_day(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        let year: Date = "2021".parse().unwrap();
        assert_eq!(
            year.last_day(),
            NaiveDate::from_ymd_opt(2021, 12, 31).unwrap()
        );
    }

    #[test]
    fn adding_months_clamps_to_month_end() {
        let d = Date::ymd(2025, 1, 31).unwrap();
        assert_eq!(d.plus_months(1).unwrap().to_string(), "2025-02-28");
        assert_eq!(d.plus_months(12).unwrap().to_string(), "2026-01-31");
    }
}
