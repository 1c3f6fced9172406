//! Bank holidays in England and Wales, and counting working days.
//!
//! The letter asks for a reply within 20 working days: days that are neither a Saturday, a Sunday nor a bank
//! holiday in England and Wales. That is the product's own choice of a fair period, not a legal deadline.
//!
//! # The rules
//!
//! Regular bank holidays come from the Banking and Financial Dealings Act 1971 and the royal proclamations made
//! under it each year, as published on GOV.UK (`https://www.gov.uk/bank-holidays`):
//!
//! - New Year's Day, 1 January; the next Monday if it falls at a weekend.
//! - Good Friday and Easter Monday (Easter Sunday from the Gregorian computus).
//! - The early May bank holiday, the first Monday of May.
//! - The spring bank holiday, the last Monday of May.
//! - The summer bank holiday, the last Monday of August.
//! - Christmas Day and Boxing Day; a day falling at a weekend moves to the next weekday that is not already a
//!   holiday (Christmas on a Saturday gives Monday 27 and Tuesday 28; on a Sunday, Boxing Day is Monday 26
//!   and Christmas is Tuesday 27).
//!
//! Proclamations have moved or added days. Those known are listed in [`MOVED_OR_EXTRA`]: the early May holiday
//! moved to 8 May in 1995 and 2020 (VE Day anniversaries); the spring holiday moved to early June for the
//! jubilees of 2002, 2012 and 2022, each with an extra day; one-off days for the millennium (31 December 1999),
//! royal weddings (29 July 1981, 29 April 2011), the state funeral of Queen Elizabeth II (19 September 2022) and
//! the coronation of King Charles III (8 May 2023).
//!
//! # Limits
//!
//! Future one-off days are not known until they are proclaimed, so a date far ahead may be a working day short.
//! The letter's reply-by date is a request, so that is harmless; it is why the date is printed, not implied.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A year's change to the regular pattern: `(year, regular day moved away, or None, days added)`.
type Change = (i32, Option<(u32, u32)>, &'static [(u32, u32)]);

/// Known proclamations that moved a regular bank holiday or added a one-off day, as (month, day) pairs.
pub const MOVED_OR_EXTRA: &[Change] = &[
    // Royal wedding of the Prince of Wales.
    (1981, None, &[(7, 29)]),
    // 50th anniversary of VE Day: the early May holiday moved from Monday 1 May to Monday 8 May.
    (1995, Some((5, 1)), &[(5, 8)]),
    // The millennium.
    (1999, None, &[(12, 31)]),
    // Golden Jubilee: spring holiday moved from 27 May to 4 June, plus 3 June.
    (2002, Some((5, 27)), &[(6, 3), (6, 4)]),
    // Royal wedding.
    (2011, None, &[(4, 29)]),
    // Diamond Jubilee: spring holiday moved from 28 May to 4 June, plus 5 June.
    (2012, Some((5, 28)), &[(6, 4), (6, 5)]),
    // 75th anniversary of VE Day: the early May holiday moved from Monday 4 May to Friday 8 May.
    (2020, Some((5, 4)), &[(5, 8)]),
    // Platinum Jubilee: spring holiday moved from 30 May to Thursday 2 June, plus Friday 3 June.
    // State funeral of Queen Elizabeth II: Monday 19 September.
    (2022, Some((5, 30)), &[(6, 2), (6, 3), (9, 19)]),
    // Coronation of King Charles III: Monday 8 May.
    (2023, None, &[(5, 8)]),
];

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
///
/// # Examples
///
/// ```
/// use s117::letter::bank_holidays::easter_sunday;
/// assert_eq!(easter_sunday(2025).unwrap().to_string(), "2025-04-20");
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first given weekday on or after a date.
fn on_or_after(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    date + Days::new(u64::from(ahead))
}

/// The last given weekday in a month.
fn last_in_month(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let next_month = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = next_month.pred_opt()?;
    let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    last.checked_sub_days(Days::new(u64::from(back)))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Every bank holiday in England and Wales in a year, in date order.
///
/// Years before 1971 (when the current pattern began) and outside chrono's range give an empty list.
///
/// # Examples
///
/// ```
/// use s117::letter::bank_holidays::bank_holidays;
/// let days: Vec<String> = bank_holidays(2026).iter().map(|d| d.to_string()).collect();
/// assert_eq!(days, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
///                   "2026-08-31", "2026-12-25", "2026-12-28"]);
/// ```
pub fn bank_holidays(year: i32) -> Vec<NaiveDate> {
    if !(1971..=9000).contains(&year) {
        return Vec::new();
    }
    regular_and_proclaimed(year).unwrap_or_default()
}

fn regular_and_proclaimed(year: i32) -> Option<Vec<NaiveDate>> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let mut days = Vec::with_capacity(10);

    // New Year's Day, or the Monday after if it falls at a weekend. (New Year's Day has been a bank holiday in
    // England and Wales since 1974.)
    if year >= 1974 {
        let new_year = ymd(1, 1)?;
        days.push(if is_weekend(new_year) {
            on_or_after(new_year, Weekday::Mon)
        } else {
            new_year
        });
    }

    let easter = easter_sunday(year)?;
    days.push(easter.checked_sub_days(Days::new(2))?);
    days.push(easter.checked_add_days(Days::new(1))?);

    // The early May bank holiday began in 1978.
    if year >= 1978 {
        days.push(on_or_after(ymd(5, 1)?, Weekday::Mon));
    }
    days.push(last_in_month(year, 5, Weekday::Mon)?);
    days.push(last_in_month(year, 8, Weekday::Mon)?);

    // Christmas and Boxing Day, each moved to the next weekday not already taken.
    let mut taken: Vec<NaiveDate> = Vec::with_capacity(2);
    for day in [ymd(12, 25)?, ymd(12, 26)?] {
        let mut d = day;
        while is_weekend(d) || taken.contains(&d) {
            d = d.succ_opt()?;
        }
        taken.push(d);
    }
    days.extend(taken);

    for (y, moved, added) in MOVED_OR_EXTRA {
        if *y != year {
            continue;
        }
        if let Some((m, d)) = moved {
            let regular = ymd(*m, *d)?;
            days.retain(|x| *x != regular);
        }
        for (m, d) in *added {
            days.push(ymd(*m, *d)?);
        }
    }
    days.sort_unstable();
    days.dedup();
    Some(days)
}

/// Is this day a bank holiday in England and Wales?
pub fn is_bank_holiday(date: NaiveDate) -> bool {
    bank_holidays(date.year()).contains(&date)
}

/// Is this day a working day: not a Saturday, a Sunday or a bank holiday in England and Wales?
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && !is_bank_holiday(date)
}

/// The day that is `n` working days after `date` (the date itself is not counted).
///
/// Returns `date` itself for `n = 0`, and the last representable day if the count runs off the calendar.
///
/// # Examples
///
/// ```
/// use s117::letter::bank_holidays::add_working_days;
/// let friday = chrono::NaiveDate::from_ymd_opt(2025, 12, 19).unwrap();
/// // Skips Christmas Day, Boxing Day and New Year's Day as well as the weekends.
/// assert_eq!(add_working_days(friday, 20).to_string(), "2026-01-21");
/// ```
pub fn add_working_days(date: NaiveDate, n: u32) -> NaiveDate {
    let mut day = date;
    let mut counted = 0;
    // One year's holidays at a time, rather than recomputing them for every day.
    let mut year = day.year();
    let mut holidays = bank_holidays(year);
    while counted < n {
        let Some(next) = day.succ_opt() else {
            return day;
        };
        day = next;
        if day.year() != year {
            year = day.year();
            holidays = bank_holidays(year);
        }
        if !is_weekend(day) && !holidays.contains(&day) {
            counted += 1;
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(year: i32) -> Vec<String> {
        bank_holidays(year).iter().map(|d| d.to_string()).collect()
    }

    /// The published lists for England and Wales (GOV.UK, https://www.gov.uk/bank-holidays).
    #[test]
    fn matches_the_published_lists_2020_to_2027() {
        let expected: &[(i32, &[&str])] = &[
            (
                2020,
                &[
                    "2020-01-01",
                    "2020-04-10",
                    "2020-04-13",
                    "2020-05-08",
                    "2020-05-25",
                    "2020-08-31",
                    "2020-12-25",
                    "2020-12-28",
                ],
            ),
            (
                2021,
                &[
                    "2021-01-01",
                    "2021-04-02",
                    "2021-04-05",
                    "2021-05-03",
                    "2021-05-31",
                    "2021-08-30",
                    "2021-12-27",
                    "2021-12-28",
                ],
            ),
            (
                2022,
                &[
                    "2022-01-03",
                    "2022-04-15",
                    "2022-04-18",
                    "2022-05-02",
                    "2022-06-02",
                    "2022-06-03",
                    "2022-08-29",
                    "2022-09-19",
                    "2022-12-26",
                    "2022-12-27",
                ],
            ),
            (
                2023,
                &[
                    "2023-01-02",
                    "2023-04-07",
                    "2023-04-10",
                    "2023-05-01",
                    "2023-05-08",
                    "2023-05-29",
                    "2023-08-28",
                    "2023-12-25",
                    "2023-12-26",
                ],
            ),
            (
                2024,
                &[
                    "2024-01-01",
                    "2024-03-29",
                    "2024-04-01",
                    "2024-05-06",
                    "2024-05-27",
                    "2024-08-26",
                    "2024-12-25",
                    "2024-12-26",
                ],
            ),
            (
                2025,
                &[
                    "2025-01-01",
                    "2025-04-18",
                    "2025-04-21",
                    "2025-05-05",
                    "2025-05-26",
                    "2025-08-25",
                    "2025-12-25",
                    "2025-12-26",
                ],
            ),
            (
                2026,
                &[
                    "2026-01-01",
                    "2026-04-03",
                    "2026-04-06",
                    "2026-05-04",
                    "2026-05-25",
                    "2026-08-31",
                    "2026-12-25",
                    "2026-12-28",
                ],
            ),
            (
                2027,
                &[
                    "2027-01-01",
                    "2027-03-26",
                    "2027-03-29",
                    "2027-05-03",
                    "2027-05-31",
                    "2027-08-30",
                    "2027-12-27",
                    "2027-12-28",
                ],
            ),
        ];
        for (year, days) in expected {
            assert_eq!(list(*year), *days, "{year}");
        }
    }

    #[test]
    fn easter_dates_from_the_computus() {
        for (year, easter) in [
            (1818, "1818-03-22"),
            (1943, "1943-04-25"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year).unwrap().to_string(), easter, "{year}");
        }
    }

    #[test]
    fn christmas_substitutes() {
        // Christmas on a Saturday (2027): Monday 27 and Tuesday 28.
        assert_eq!(&list(2027)[6..], ["2027-12-27", "2027-12-28"]);
        // Christmas on a Sunday (2022): Boxing Day Monday 26, Christmas Tuesday 27.
        assert_eq!(&list(2022)[8..], ["2022-12-26", "2022-12-27"]);
        // Christmas on a Friday (2020): Boxing Day moves to Monday 28.
        assert_eq!(&list(2020)[6..], ["2020-12-25", "2020-12-28"]);
    }

    #[test]
    fn one_off_days_of_earlier_years() {
        assert!(list(2012).contains(&"2012-06-05".to_owned()));
        assert!(!list(2012).contains(&"2012-05-28".to_owned()));
        assert!(list(2011).contains(&"2011-04-29".to_owned()));
        assert!(list(1999).contains(&"1999-12-31".to_owned()));
        assert!(list(1995).contains(&"1995-05-08".to_owned()));
        assert!(!list(1995).contains(&"1995-05-01".to_owned()));
        assert!(bank_holidays(1900).is_empty());
    }

    #[test]
    fn counting_working_days() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        // Worked by hand: from Friday 19 December 2025, skipping 25, 26 December and 1 January.
        assert_eq!(add_working_days(d("2025-12-19"), 20), d("2026-01-21"));
        // An ordinary month: Monday 2 March 2026 + 20 working days = Monday 30 March.
        assert_eq!(add_working_days(d("2026-03-02"), 20), d("2026-03-30"));
        // Across Easter 2026 (3 and 6 April): from Monday 23 March, 20 working days is Wednesday 22 April.
        assert_eq!(add_working_days(d("2026-03-23"), 20), d("2026-04-22"));
        // A letter dated on a Saturday counts from the Monday.
        assert_eq!(add_working_days(d("2026-11-21"), 1), d("2026-11-23"));
        // Across the 2022 jubilee and the state funeral.
        assert_eq!(add_working_days(d("2022-06-01"), 1), d("2022-06-06"));
        assert_eq!(add_working_days(d("2022-09-16"), 1), d("2022-09-20"));
        assert_eq!(add_working_days(d("2025-06-02"), 0), d("2025-06-02"));
        // Never panics at the end of the calendar.
        let _ = add_working_days(NaiveDate::MAX, 20);
    }
}
