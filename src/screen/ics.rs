//! The triage's dated deadlines as an iCalendar file (RFC 5545), for a firm's diary: one all-day event per dated
//! deadline that has not passed, its summary starting with the enquiry's reference.
//!
//! Pure: the time stamp every event must carry (`DTSTAMP`) is the caller's date of the check, not a clock. Lines end
//! in CRLF and are folded at 75 octets; text is escaped (`\\`, `;`, `,`, line breaks), so a reference or summary
//! typed with any of them cannot break the file.

use super::triage::deadline_label;
use super::Row;
use crate::date::Date;
use crate::messages;

/// The dated deadlines of `rows` that have not passed, as an iCalendar file. `stamp` is the date the file is made
/// (the date of the check). Approximate deadlines (counted from a month or a year) fall on their earliest day and
/// say so.
pub fn to_ics(rows: &[Row], stamp: Date) -> String {
    let mut calendar = Calendar::new(stamp);
    for row in rows {
        calendar.row(row);
    }
    calendar.finish()
}

/// An iCalendar file made a row at a time, so that `s117 screen` can add each row's deadlines as it is screened
/// and write them out as it goes ([`Calendar::take`]). [`to_ics`] is one calendar of all the rows.
///
/// # Examples
///
/// ```
/// use s117::screen::{screen_csv, Calendar};
/// let out = screen_csv("reference,as_at,first_knew,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,c1_what,c1_since\n\
///                       ENQ-1,2026-11-23,2026-10-01,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01\n",
///                       &Default::default());
/// let mut calendar = Calendar::new("2026-11-23".parse().unwrap());
/// calendar.row(&out.rows[0]);
/// let ics = calendar.finish();
/// assert!(ics.contains("SUMMARY:ENQ-1: "));
/// assert!(ics.contains("DTSTART;VALUE=DATE:20271001"));
/// ```
#[derive(Debug)]
pub struct Calendar {
    out: String,
    stamp: String,
}

impl Calendar {
    /// Starts a calendar; `stamp` is the date the file is made (the date of the check).
    pub fn new(stamp: Date) -> Calendar {
        let mut out = String::new();
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Section 117 aftercare checker//s117 screen//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ] {
            fold(&mut out, line);
        }
        Calendar {
            out,
            stamp: format!("{}T000000Z", compact(stamp)),
        }
    }

    /// Adds one event for each dated deadline of `row` that has not passed.
    pub fn row(&mut self, row: &Row) {
        let out = &mut self.out;
        let mut line = |text: &str| fold(out, text);
        for (i, d) in row.deadlines.iter().enumerate() {
            let Some(date) = d.date.filter(|_| !d.passed) else {
                continue;
            };
            let label = deadline_label(d.kind);
            let approximate = if d.approximate {
                messages::text("screen.ics.approximate")
            } else {
                ""
            };
            let values = [
                ("reference", row.reference.as_str()),
                ("deadline", label),
                ("approximate", approximate),
            ];
            let summary = messages::fill("screen.ics.summary", &values);
            let day = compact(date);
            let next = Date::exact(date.first_day().succ_opt().unwrap_or(date.first_day()));
            line("BEGIN:VEVENT");
            line(&format!(
                "UID:s117-{}-{}-{}-{i}@s117-screen",
                uid_part(&row.reference),
                d.kind.code(),
                day
            ));
            line(&format!("DTSTAMP:{}", self.stamp));
            line(&format!("DTSTART;VALUE=DATE:{day}"));
            line(&format!("DTEND;VALUE=DATE:{}", compact(next)));
            line(&format!("SUMMARY:{}", escape(&summary)));
            line(&format!("DESCRIPTION:{}", escape(&row.summary)));
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
    }

    /// Takes the text made so far (to write it out); the calendar goes on from there.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    /// Ends the calendar and returns the text not yet taken.
    pub fn finish(mut self) -> String {
        fold(&mut self.out, "END:VCALENDAR");
        self.out
    }
}

/// `20250601`: a date's first day, as iCalendar writes a date (the date as `YYYY-MM-DD`, without the hyphens).
fn compact(date: Date) -> String {
    Date::exact(date.first_day()).to_string().replace('-', "")
}

/// A reference made safe for a UID: letters, digits and hyphens.
fn uid_part(reference: &str) -> String {
    reference
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Escapes iCalendar text: backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75 octets (continuation lines start with a
/// space), never inside a character.
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_written_without_hyphens_from_its_first_day() {
        assert_eq!(compact("2025-06-01".parse().unwrap()), "20250601");
        assert_eq!(compact("2025-09".parse().unwrap()), "20250901");
        assert_eq!(compact("0987-01-02".parse().unwrap()), "09870102");
    }
}
