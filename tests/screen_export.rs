//! A firm's own export, read as it comes: headings as case-management systems write them ("Matter No.", "Date
//! Sectioned", "CTO?", "Weekly Fee (£)", "Aftercare Stopped?"), a byte-order mark, CRLF line ends, a quoted line
//! break, semicolon- or tab-separated files, and the firm's own columns (client name, fee earner, notes) carried
//! through to the triage unchanged, after the screen's columns.
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::{screen_csv, to_csv, to_jsonl, Options};
use screening::{errors, row};

/// The date of the check for these tests.
fn options() -> Options {
    Options {
        as_at: "2026-12-01".parse().ok(),
        ..Options::default()
    }
}

/// A firm's export: BOM, CRLF, a quoted line break, and its own columns around the facts the screen reads.
fn export(separator: &str) -> Vec<u8> {
    let rows = [
        "Client Name,Matter No.,Fee Earner,Section,Date Sectioned,Date Discharged,CTO?,Local Authority,Lives Now,\
         Paying For,Paying Since,Weekly Fee (£),Aftercare Stopped?,Notes",
        "Margaret Wood,M-001,JS,3,12/02/2024,03/06/2024,No,Bromsgrove,,care home fees,01/09/2024,850,No,\
         \"Called twice|\r\nwants a call back\"",
        "Robert Hall,M-002,AK,37,01/05/2019,,Yes,Leeds,Leeds,,,,,",
        "Ann Lee,M-003,JS,3,2021-01-10,2021-04-01,,Cardiff,Cardiff,,,,15/03/2025,=HYPERLINK(\"x\")",
        "Joe Bloggs,M-004,AK,3,2021-01-10,2021-04-01,,Cardiff,Cardiff,,,,yes,",
    ];
    let text = rows
        .join("\r\n")
        .replace(',', separator)
        // The note's own punctuation, kept out of the separator swap.
        .replace('|', ";");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.into_bytes());
    bytes.extend(b"\r\n");
    bytes
}

#[test]
fn a_firms_headings_are_read_without_a_mapping() {
    let s = screen_csv(export(","), &options());
    assert_eq!(s.counts.rows, 4);
    assert_eq!(s.counts.screened, 4, "{:#?}", errors(&s));
    assert_eq!(s.counts.with_errors, 0);

    // "Section", "Date Sectioned", "Date Discharged", "Local Authority", "Paying Since", "Weekly Fee (£)".
    let wood = row(&s, "M-001");
    assert_eq!(wood.entitlement.code(), "entitled");
    assert_eq!(
        wood.duty_arose.map(|d| d.to_string()).as_deref(),
        Some("2024-06-03")
    );
    assert_eq!(
        wood.council.as_deref(),
        Some("Worcestershire County Council")
    );
    assert_eq!(
        wood.refund_since.map(|d| d.to_string()).as_deref(),
        Some("2024-09-01")
    );
    // £850 a week from 1 September 2024 to the check: the heading says "weekly", so no `per` column is needed.
    let estimate = wood
        .refund_estimate
        .expect("a refund estimate from the weekly fee");
    assert!((99_000.0..101_000.0).contains(&estimate), "{estimate}");
}

#[test]
fn a_cto_column_says_how_the_person_left_hospital() {
    let s = screen_csv(export(","), &options());
    // Section 37, no date of leaving, "CTO?" yes: they left hospital on a community treatment order.
    assert_eq!(row(&s, "M-002").entitlement.code(), "entitled");
    let no = String::from_utf8(export(",")).unwrap().replace(
        "Robert Hall,M-002,AK,37,01/05/2019,,Yes",
        "Robert Hall,M-002,AK,37,01/05/2019,,No",
    );
    let s = screen_csv(no, &options());
    // "No" says nothing about leaving: without a date either, it is not known whether the duty has arisen.
    assert_eq!(row(&s, "M-002").entitlement.code(), "undetermined");
}

#[test]
fn aftercare_stopped_takes_yes_no_or_the_date() {
    let s = screen_csv(export(","), &options());
    // "No": nothing ended.
    assert!(row(&s, "M-001")
        .deadlines
        .iter()
        .all(|d| d.kind.code() != "judicial_review"));
    // A date: ended on that date, so the judicial-review time runs from it (and has passed).
    let lee = row(&s, "M-003");
    let review = lee
        .deadlines
        .iter()
        .find(|d| d.kind.code() == "judicial_review")
        .expect("a judicial-review deadline from the ending");
    assert_eq!(
        review.date.map(|d| d.to_string()).as_deref(),
        Some("2025-06-15")
    );
    assert!(review.passed);
    // Yes, or a date, with no reason column: screened as ended for a reason not given, and the row says so.
    let said: Vec<String> = s
        .errors
        .iter()
        .filter(|e| e.column.as_deref() == Some("Aftercare Stopped?"))
        .map(|e| format!("{} {}", e.row, e.message))
        .collect();
    assert_eq!(said.len(), 2, "{said:#?}");
    assert!(
        said[0].starts_with("4 after-care stopped, but no reason is given"),
        "{said:#?}"
    );
    assert!(
        said[1].starts_with("5 after-care stopped, but no reason is given"),
        "{said:#?}"
    );
    assert!(
        row(&s, "M-004")
            .warnings
            .iter()
            .chain(&row(&s, "M-004").uncertain)
            .count()
            > 0
    );
}

#[test]
fn the_firms_own_columns_are_carried_through_after_the_screens() {
    let s = screen_csv(export(","), &options());
    let csv = to_csv(&s.rows);
    let heading = csv.lines().next().unwrap();
    assert!(
        heading.ends_with(",summary,rules_version,law_date,Client Name,Fee Earner,Notes"),
        "{heading}"
    );
    let wood = row(&s, "M-001");
    let carried: Vec<(&str, &str)> = wood
        .carried
        .iter()
        .map(|c| (&*c.heading, c.value.as_str()))
        .collect();
    assert_eq!(
        carried,
        [
            ("Client Name", "Margaret Wood"),
            ("Fee Earner", "JS"),
            ("Notes", "Called twice;\r\nwants a call back"),
        ]
    );
    // A cell a spreadsheet would run as a formula is made harmless, as every other cell is.
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    // JSON Lines: an object of heading to value.
    let line: serde_json::Value =
        serde_json::from_str(to_jsonl(&s.rows).lines().next().unwrap()).unwrap();
    assert_eq!(line["carried"]["Client Name"], "Margaret Wood");
    assert_eq!(
        line["carried"]["Notes"],
        "Called twice;\r\nwants a call back"
    );
    // Each carried column is named once, as a warning on the heading row, so nothing is silently dropped.
    let warnings: Vec<&str> = s.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(warnings.iter().any(|w| w.starts_with(
        "column A (Client Name) is not one the screen reads: it is copied to the triage"
    )));
}

#[test]
fn semicolon_and_tab_separated_files_read_the_same() {
    let comma = screen_csv(export(","), &options());
    for separator in [";", "\t"] {
        let other = screen_csv(export(separator), &options());
        assert_eq!(
            other.counts,
            comma.counts,
            "{separator:?}: {:#?}",
            errors(&other)
        );
        assert_eq!(to_csv(&other.rows), to_csv(&comma.rows), "{separator:?}");
    }
}

#[test]
fn a_fact_named_twice_by_a_firms_heading_and_a_numbered_one_is_refused() {
    let s = screen_csv("reference,d1_section,Section\nA,3,3\n", &options());
    assert_eq!(s.counts.screened, 0);
    let e = &s.errors[0];
    assert_eq!(e.column.as_deref(), Some("Section"), "{e}");
}

#[test]
fn dates_as_a_firms_system_writes_them_keep_their_precision() {
    let s = screen_csv(
        "Matter No,Section,Date Sectioned,Date Discharged,Local Authority,Paying Since,Paying Until\n\
         A,s3,3.6.21,Oct-21,Leeds,Sept 2022,44927\n\
         B,3,03-Jun-2021,\"June 3, 2021 \",Leeds,,\n",
        &options(),
    );
    assert_eq!(s.counts.screened, 2, "{:#?}", errors(&s));
    let a = row(&s, "A");
    // Only the month of leaving was given, so the duty arose "in October 2021", not on an invented day.
    assert_eq!(
        a.duty_arose.map(|d| d.to_string()).as_deref(),
        Some("2021-10")
    );
    assert_eq!(
        a.refund_since.map(|d| d.to_string()).as_deref(),
        Some("2022-09")
    );
    assert!(
        !a.refund_ongoing,
        "44927 is Excel's 1 January 2023: the charges stopped"
    );
    // A month's name first, with a comma and a stray space, is read too.
    assert_eq!(
        row(&s, "B").duty_arose.map(|d| d.to_string()).as_deref(),
        Some("2021-06-03")
    );
}

/// Reads an iCalendar file back: unfolds its lines and returns each event's properties (name without parameters,
/// value), checking the structure on the way.
fn read_ics(ics: &str) -> Vec<Vec<(String, String)>> {
    assert!(ics.ends_with("\r\n"));
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75, "a line longer than 75 octets: {raw}");
        assert!(!raw.contains('\n'), "a bare line feed");
        match raw.strip_prefix(' ') {
            Some(rest) => lines
                .last_mut()
                .expect("a continuation first")
                .push_str(rest),
            None => lines.push(raw.to_owned()),
        }
    }
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0".to_owned()));
    let mut events = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in &lines[1..lines.len() - 1] {
        let (name, value) = line.split_once(':').expect("name:value");
        let name = name.split(';').next().unwrap().to_owned();
        match (name.as_str(), value) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => events.push(current.take().expect("BEGIN before END")),
            _ => {
                if let Some(e) = current.as_mut() {
                    e.push((name, value.to_owned()));
                }
            }
        }
    }
    assert!(current.is_none(), "an event left open");
    events
}

#[test]
fn the_diary_file_has_one_event_per_dated_deadline_ahead_and_reads_back() {
    let s = screen_csv(screening::example("enquiries.csv"), &screening::options());
    let ics = s117::screen::to_ics(&s.rows, screening::AS_AT.parse().unwrap());
    let events = read_ics(&ics);
    let expected: Vec<(String, String)> = s
        .rows
        .iter()
        .flat_map(|r| {
            r.deadlines
                .iter()
                .filter(|d| !d.passed)
                .filter_map(|d| d.date)
                .map(|date| {
                    let day = s117::date::Date::exact(date.first_day()).to_string();
                    (r.reference.clone(), day.replace('-', ""))
                })
        })
        .collect();
    assert_eq!(events.len(), expected.len());
    assert!(events.len() >= 10, "{}", events.len());
    let mut uids = std::collections::BTreeSet::new();
    for (event, (reference, day)) in events.iter().zip(&expected) {
        let get = |name: &str| {
            event
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("{name} missing in {event:?}"))
        };
        assert!(
            get("SUMMARY").starts_with(&format!("{reference}: ")),
            "{event:?}"
        );
        assert_eq!(get("DTSTART"), day);
        assert_eq!(get("DTSTAMP"), "20261123T000000Z");
        assert!(uids.insert(get("UID").to_owned()), "UIDs are unique");
        // Commas in the summary are escaped, so the text reads back whole.
        assert!(!get("DESCRIPTION").contains(", ") || get("DESCRIPTION").contains("\\,"));
    }
}
