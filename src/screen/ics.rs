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
    let mut out = String::new();
    let mut line = |text: &str| fold(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Section 117 aftercare checker//s117 screen//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    let stamp = format!("{}T000000Z", compact(stamp));
    for row in rows {
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
            line(&format!("DTSTAMP:{stamp}"));
            line(&format!("DTSTART;VALUE=DATE:{day}"));
            line(&format!("DTEND;VALUE=DATE:{}", compact(next)));
            line(&format!("SUMMARY:{}", escape(&summary)));
            line(&format!("DESCRIPTION:{}", escape(&row.summary)));
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
    }
    line("END:VCALENDAR");
    out
}

/// `20250601`: a date's first day, as iCalendar writes a date.
fn compact(date: Date) -> String {
    use chrono::Datelike;
    let day = date.first_day();
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
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
