//! Batch screening of the sample file (`examples/enquiries.csv`, and its JSON Lines twin): every row's outcome, the
//! rows that need the default date, and the CSV template and columns, each an interview fact described in its words.
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::{screen_csv, screen_jsonl, template_csv, Options};
use screening::{deadlines, errors, example, flags, options, root, row, run};

#[test]
fn sample_file_outcomes() {
    let s = screen_csv(example("enquiries.csv"), &options());
    let c = &s.counts;
    // The five deliberately wrong rows are screened with their bad cell left blank, and marked.
    assert_eq!((c.rows, c.screened, c.with_errors), (22, 22, 0), "{c:?}");
    assert_eq!(c.with_unreadable, 5);
    assert_eq!(
        (c.entitled, c.entitled_on_leaving_hospital, c.undetermined),
        (15, 1, 2)
    );
    assert_eq!((c.ended, c.not_entitled, c.out_of_scope), (1, 2, 1));
    assert_eq!((c.refund, c.with_deadline, c.shown), (8, 10, 22));
    for (reference, blank, entitlement) in [
        ("ENQ-1016", "d1_left", "entitled"),
        ("ENQ-1017", "d1_section", "undetermined"),
        ("ENQ-1018", "d1_left", "entitled"),
        ("ENQ-1019", "d1_leaving", "entitled"),
        ("ENQ-1021", "c1_until", "entitled"),
    ] {
        let r = row(&s, reference);
        assert_eq!(r.unreadable, [blank], "{reference}");
        assert_eq!(r.entitlement.code(), entitlement, "{reference}");
    }
    // The charge whose end came before its start is kept, with its end left blank: still charged, so a refund.
    assert!(row(&s, "ENQ-1021").refund && row(&s, "ENQ-1021").refund_ongoing);

    let expected: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        // reference, entitlement, council, refund since
        (
            "ENQ-1001",
            "entitled",
            Some("Worcestershire County Council"),
            Some("2024-09-01"),
        ),
        ("ENQ-1002", "not_entitled", None, None),
        (
            "ENQ-1003",
            "entitled",
            Some("Birmingham City Council"),
            Some("2023-01-01"),
        ),
        (
            "ENQ-1004",
            "entitled_on_leaving_hospital",
            Some("Medway Council"),
            None,
        ),
        ("ENQ-1005", "entitled", Some("Cardiff Council"), None),
        ("ENQ-1006", "out_of_scope", None, None),
        (
            "ENQ-1007",
            "entitled",
            Some("London Borough of Sutton"),
            Some("2018-09-01"),
        ),
        ("ENQ-1008", "undetermined", None, None),
        (
            "ENQ-1009",
            "entitled",
            Some("Manchester City Council"),
            Some("2024-01-15"),
        ),
        ("ENQ-1010", "ended", Some("Hull City Council"), None),
        ("ENQ-1011", "not_entitled", None, None),
        (
            "ENQ-1012",
            "entitled",
            Some("Swindon Borough Council"),
            None,
        ),
        (
            "ENQ-1013",
            "entitled",
            Some("North Yorkshire Council"),
            Some("2017-03"),
        ),
        (
            "ENQ-1014",
            "entitled",
            Some("Cornwall Council"),
            Some("2020"),
        ),
        (
            "ENQ-1015",
            "entitled",
            Some("Bristol City Council"),
            Some("2023-10-01"),
        ),
        ("ENQ-1020", "entitled", Some("Devon County Council"), None),
        (
            "ENQ-1022",
            "entitled",
            Some("London Borough of Croydon"),
            None,
        ),
    ];
    for &(reference, entitlement, council, refund_since) in expected {
        let r = row(&s, reference);
        assert_eq!(r.entitlement.code(), entitlement, "{reference}");
        assert_eq!(r.council.as_deref(), council, "{reference}");
        assert_eq!(
            r.refund_since.map(|d| d.to_string()).as_deref(),
            refund_since,
            "{reference}"
        );
        assert_eq!(r.refund, refund_since.is_some(), "{reference}");
        assert!(!r.summary.is_empty() && !r.summary.contains('\n'));
    }

    // Deadlines come from the decision, soonest first; the next one is the soonest dated one not passed.
    let welsh = row(&s, "ENQ-1005");
    assert_eq!(
        deadlines(welsh),
        ["judicial_review 2027-01-15", "ombudsman 2027-10-15"],
        "after-care was said to end on 15 October 2026: JR 3 months, the ombudsman 12 months from being told"
    );
    assert_eq!(
        welsh.nhs_body.as_deref(),
        Some("Cardiff and Vale University Health Board")
    );
    let sutton = row(&s, "ENQ-1007");
    assert_eq!(
        deadlines(sutton),
        ["ombudsman undated", "limitation 2026-11-23"],
        "without first_knew the ombudsman's 12 months are described, not dated; the oldest payment still in time \
         (23 November 2020) is barred six years on, which is the date of the check"
    );
    assert_eq!(
        sutton.limitation.map(|d| d.to_string()).as_deref(),
        Some("2026-11-23")
    );
    assert_eq!(
        sutton
            .next_deadline
            .and_then(|d| d.date)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-11-23")
    );
    assert!(sutton.refund_ongoing && !sutton.all_time_barred);
    assert_eq!((sutton.periods, sutton.refund_periods), (1, 1));
    assert_eq!(sutton.refund_estimate, None, "no amounts in the sample row");
    let ended = row(&s, "ENQ-1010");
    assert_eq!(
        deadlines(ended),
        [
            "judicial_review 2023-08-01 passed",
            "ombudsman 2024-05-01 passed"
        ]
    );
    assert!(
        ended.next_deadline.is_none(),
        "both deadlines passed in 2023-24"
    );
    assert_eq!(
        flags(&row(&s, "ENQ-1022").warnings),
        ["likely_unlawful_ending"]
    );
    assert!(row(&s, "ENQ-1022").summary.contains(
        "Ending of after-care looks unlawful. Next deadline: judicial review by 1 December 2026."
    ));
    assert!(flags(&row(&s, "ENQ-1009").uncertain).contains(&"part3_nhs_body_uncertain".to_owned()));
    let worcs = row(&s, "ENQ-1001");
    assert_eq!(
        worcs.summary,
        "Entitled since 3 June 2024: Worcestershire County Council and NHS Herefordshire and Worcestershire \
         Integrated Care Board. Refund likely: charged since 1 September 2024, still charged. Next deadline: court \
         claim for the oldest payment still in time by 1 September 2030. Ombudsman: 12 months from when they first \
         knew (not given)."
    );
    // A firm's triage speaks of the person, not to "you".
    assert_eq!(
        worcs.next_step.as_deref(),
        Some("Ask Worcestershire County Council to stop charging the person for after-care and to refund what they paid while they were owed it, with interest.")
    );
    assert!(
        !worcs.summary.contains("2027-11-23") && !worcs.summary.contains("23 November 2027"),
        "the ombudsman's date is no longer counted from the date of the check"
    );

    // The sample's one row with an amount and first_knew: £250 a week from 1 October 2023 to the date of the
    // check is 1,150 days, 1,150 x 250 / 7 = £41,071; the ombudsman's 12 months run from 1 June 2026.
    let bristol = row(&s, "ENQ-1015");
    assert_eq!(bristol.refund_estimate, Some(41071.0));
    assert_eq!(
        deadlines(bristol),
        ["ombudsman 2027-06-01", "limitation 2029-10-01"]
    );
    assert!(bristol.summary.ends_with(
        "Refund likely: charged since 1 October 2023, still charged, about £41,071. Next deadline: ombudsman \
         complaint by 1 June 2027."
    ));

    // Row numbers are the spreadsheet's: a blank line (row 12) and a two-line cell (row 22) are counted right.
    assert_eq!(row(&s, "ENQ-1011").row, 13);
    assert_eq!(row(&s, "ENQ-1020").row, 22);
    assert_eq!(row(&s, "ENQ-1022").row, 24);

    assert_eq!(
        errors(&s),
        [
            "row 18, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only know the month or year) \u{2014} left blank: the row was screened without it",
            "row 19, column d1_section: 39 is not a section this checker knows: use 2, 3, 4, 5(2), 5(4), 35, 36, 37, 37/41, 38, 45A, 47, 47/49, 48, 48/49, 135, 136, 7, informal or unknown \u{2014} left blank: the row was screened without it",
            "row 20, column d1_left: 1 April 2024 is before this stay began (1 May 2024). Check the dates, or leave this one blank if you are not sure. \u{2014} left blank: the row was screened without it",
            "row 21, column d1_leaving: went home is not a way of leaving hospital: use discharged, cto, conditional_discharge, s17_leave, escorted_leave_only, stayed_informally, returned_to_prison or still_in_hospital \u{2014} left blank: the row was screened without it",
            "row 23, column c1_until: 1 December 2021 is before the charges began (1 January 2022). Check the dates. \u{2014} left blank: the row was screened without it",
        ]
    );
    assert_eq!(s.errors[0].cell.as_deref(), Some("F18"));
    assert_eq!(s.errors[0].reference.as_deref(), Some("ENQ-1016"));
    assert_eq!(
        s.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "row 1: column Z (notes) is not one the screen reads: it is copied to the triage unchanged, after the screen's columns",
            // A council in Scotland is recognised as such (s117-rules.md §11.2), not reported as unknown.
            "row 7: d1_council: \u{201c}Glasgow\u{201d} is Glasgow City Council, a council in Scotland: section 117 applies only to councils in England and Wales, so the council that owes after-care is where the person was sent on leaving hospital (and if they were detained in Scotland, its own law applies instead)",
        ]
    );
}

#[test]
fn sample_rows_without_a_date_need_the_default() {
    let s = screen_csv(example("enquiries.csv"), &Options::default());
    assert_eq!(s.counts.screened, 20);
    let no_date: Vec<String> = s
        .errors
        .iter()
        .filter(|e| e.column.as_deref() == Some("as_at"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        no_date,
        [
            "row 21, column as_at: blank, and no default date of the check was given (--as-at YYYY-MM-DD)",
            "row 24, column as_at: blank, and no default date of the check was given (--as-at YYYY-MM-DD)",
        ]
    );
}

#[test]
fn the_jsonl_sample_gives_the_same_triage_as_the_csv_sample() {
    let csv = screen_csv(example("enquiries.csv"), &options());
    let jsonl = screen_jsonl(example("enquiries.jsonl"), &options());
    // JSON Lines is typed input and stays strict: a line with a bad field is not screened. The CSV screens those
    // rows with the bad cell left blank; every other row is the same.
    let read: Vec<_> = csv
        .rows
        .iter()
        .filter(|r| r.unreadable.is_empty())
        .collect();
    assert_eq!(read.len(), jsonl.rows.len());
    assert_eq!(jsonl.counts.with_errors, 5);
    for (a, b) in read.into_iter().zip(&jsonl.rows) {
        let mut b = b.clone();
        b.row = a.row;
        // The CSV sample's own "notes" column is carried through; JSON Lines has no such columns.
        assert_eq!(a.carried.len(), 1);
        assert_eq!(&*a.carried[0].heading, "notes");
        b.carried = a.carried.clone();
        assert_eq!(a, &b);
    }
    let lines: Vec<(u32, Option<&str>)> = jsonl
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref()))
        .collect();
    assert_eq!(
        lines,
        [
            (16, Some("detentions[0].left_hospital")),
            (17, Some("detentions[0].section")),
            (18, Some("detentions[0].left_hospital")),
            (19, Some("detentions[0].leaving")),
            (21, Some("charges[0].until")),
        ]
    );
    assert!(errors(&jsonl)[0].starts_with(
        "line 16, field detentions[0].left_hospital: 2023-13-40 is not a date (use YYYY-MM-DD"
    ));
}

#[test]
fn the_template_is_generated_and_every_heading_is_read_and_documented() {
    let template = String::from_utf8(example("enquiries-template.csv")).unwrap();
    assert_eq!(template, template_csv(3, 2));
    let s = screen_csv(&template, &options());
    assert!(s.errors.is_empty() && s.warnings.is_empty(), "{s:?}");
    assert_eq!(s.counts.rows, 0);
    let docs = std::fs::read_to_string(root().join("docs/screening.md")).unwrap();
    for heading in template.trim().split(',') {
        let generic = heading.replacen("d1_", "dN_", 1).replacen("c1_", "cN_", 1);
        if heading.starts_with("d2_") || heading.starts_with("d3_") || heading.starts_with("c2_") {
            continue;
        }
        assert!(
            docs.contains(&format!("`{generic}`")),
            "docs/screening.md does not document `{generic}`"
        );
    }
}

/// One field list: every column but the reference and the date of the check is a fact the interview asks, and is
/// described in the interview's own words (its label and hint); `s117 screen --columns` lists them all.
#[test]
fn every_column_is_an_interview_fact_described_in_its_words() {
    let facts: Vec<&str> = s117::interview::facts().iter().map(|f| f.id).collect();
    let questions = s117::interview::questions();
    let columns = s117::screen::columns();
    let template = template_csv(1, 1);
    let headings: Vec<String> = template
        .trim()
        .split(',')
        .map(|h| h.replacen("d1_", "dN_", 1).replacen("c1_", "cN_", 1))
        .collect();
    assert_eq!(
        columns
            .iter()
            .map(|c| c.heading.clone())
            .collect::<Vec<_>>(),
        headings,
        "the columns are the template's, in its order"
    );
    for c in &columns {
        assert!(!c.label.is_empty(), "{} has no label", c.heading);
        match c.fact {
            None => assert!(
                ["reference", "as_at"].contains(&c.heading.as_str()),
                "{} is not a fact the interview asks",
                c.heading
            ),
            Some(fact) => {
                assert!(
                    facts.contains(&fact),
                    "{}: no interview fact {fact}",
                    c.heading
                );
                let q = questions.iter().find(|q| q.id == fact).unwrap();
                assert_eq!((c.label, c.hint), (q.label, q.hint), "{}", c.heading);
            }
        }
    }
    let left = columns.iter().find(|c| c.heading == "dN_left").unwrap();
    assert_eq!(left.label, "Left hospital");
    let r = run(&["--columns"], "");
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.lines().count(), columns.len());
    assert!(r.stdout.contains(
        "dN_left                   Left hospital \u{2014} If you left on section 17 leave, the day the leave began.\n"
    ));
}

/// The meta test (`tests/meta.rs`) finds the message ids the code names by `messages::text("` and
/// `messages::fill("`: a call that rustfmt broke after its parenthesis would hide its id from that check.
#[test]
fn the_screen_names_its_message_ids_where_the_meta_test_reads_them() {
    let mut files = vec![root().join("src/bin/s117/screen.rs")];
    for entry in std::fs::read_dir(root().join("src/screen")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap();
        for call in ["messages::text(", "messages::fill("] {
            for (i, _) in code.match_indices(call) {
                assert!(
                    code[i + call.len()..].starts_with('"'),
                    "{}: {call} without a literal id right after it",
                    file.display()
                );
            }
        }
    }
}
