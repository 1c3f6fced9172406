//! Batch screening: the sample file's outcomes, every kind of bad row, the CSV quirks of real spreadsheets,
//! JSON Lines, sorting and filtering, the command line's exit codes and files, and chunked jobs.
#![cfg(feature = "cli")]

use s117::screen::{
    errors_to_csv, screen_csv, screen_jsonl, template_csv, to_csv, to_jsonl, Format, Job, Only,
    Options, Row, RowError, Screened, SortKey, View,
};
use std::path::{Path, PathBuf};

const AS_AT: &str = "2026-11-23";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> Vec<u8> {
    std::fs::read(root().join("examples").join(name)).unwrap()
}

fn options() -> Options {
    Options {
        as_at: AS_AT.parse().ok(),
        ..Options::default()
    }
}

fn row<'a>(s: &'a Screened, reference: &str) -> &'a Row {
    s.rows
        .iter()
        .find(|r| r.reference == reference)
        .unwrap_or_else(|| panic!("{reference} was not screened: {:#?}", s.errors))
}

fn errors(s: &Screened) -> Vec<String> {
    s.errors.iter().map(RowError::to_string).collect()
}

/// Screens a small CSV made of a heading line and rows, with the default date of the check.
fn screen(lines: &[&str]) -> Screened {
    screen_csv(lines.join("\n"), &options())
}

const HEAD: &str = "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,c1_what,c1_since,c1_until";
const GOOD: &str =
    "A,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,";

// ---------------------------------------------------------------------------------------------------------------
// The sample file
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn sample_file_outcomes() {
    let s = screen_csv(example("enquiries.csv"), &options());
    let c = &s.counts;
    assert_eq!((c.rows, c.screened, c.with_errors), (22, 17, 5), "{c:?}");
    assert_eq!(
        (c.entitled, c.entitled_on_leaving_hospital, c.undetermined),
        (11, 1, 1)
    );
    assert_eq!((c.ended, c.not_entitled, c.out_of_scope), (1, 2, 1));
    assert_eq!((c.refund, c.with_deadline, c.shown), (7, 9, 17));

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
    assert_eq!(
        worcs.next_step.as_deref(),
        Some("Ask Worcestershire County Council to stop charging you for after-care and to refund what you paid while you were owed it, with interest.")
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
            "row 18, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only know the month or year)",
            "row 19, column d1_section: 39 is not a section this checker knows: use 2, 3, 4, 5(2), 5(4), 35, 36, 37, 37/41, 38, 45A, 47, 47/49, 48, 48/49, 135, 136, 7, informal or unknown",
            "row 20, column d1_left: 2024-04-01 is before this stay began (2024-05-01). Check the dates, or leave this one blank if you are not sure.",
            "row 21, column d1_leaving: went home is not a way of leaving hospital: use discharged, cto, conditional_discharge, s17_leave, escorted_leave_only, stayed_informally, returned_to_prison or still_in_hospital",
            "row 23, column c1_until: 2021-12-01 is before the charges began (2022-01-01). Check the dates.",
        ]
    );
    assert_eq!(s.errors[0].cell.as_deref(), Some("F18"));
    assert_eq!(s.errors[0].reference.as_deref(), Some("ENQ-1016"));
    assert_eq!(
        s.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["row 1: column Z (notes) is not one the screen reads; it was ignored"]
    );
}

fn flag(id: s117::decision::FlagId) -> String {
    serde_json::to_value(id)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// A row's deadlines as its CSV cell writes them.
fn deadlines(r: &Row) -> Vec<String> {
    r.deadlines
        .iter()
        .map(|d| {
            let mut s = format!(
                "{} {}",
                d.kind.code(),
                d.date.map_or("undated".to_owned(), |d| d.to_string())
            );
            if d.approximate {
                s.push_str(" approximate");
            }
            if d.passed {
                s.push_str(" passed");
            }
            s
        })
        .collect()
}

fn flags(ids: &[s117::decision::FlagId]) -> Vec<String> {
    ids.iter().map(|&id| flag(id)).collect()
}

#[test]
fn sample_rows_without_a_date_need_the_default() {
    let s = screen_csv(example("enquiries.csv"), &Options::default());
    assert_eq!(s.counts.screened, 16);
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
    assert_eq!(csv.counts, jsonl.counts);
    assert_eq!(csv.rows.len(), jsonl.rows.len());
    for (a, b) in csv.rows.iter().zip(&jsonl.rows) {
        let mut b = b.clone();
        b.row = a.row;
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

// ---------------------------------------------------------------------------------------------------------------
// Bad rows
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn every_kind_of_bad_cell_is_reported_with_row_column_and_message() {
    let head = "reference,as_at,d1_section,d1_detained_in,d1_admitted,d1_left,d1_leaving,d1_recall,d1_country,\
                d1_lacked_capacity,ended_date,ended_reason,ended_joint_decision,c1_what,c1_since,c1_until,c1_top_up";
    let cases: &[(&str, &str, &str)] = &[
        // (row after the reference, column, message start)
        (",2026-13-01,3,,,,,,,,,,,,,,", "as_at", "2026-13-01 is not a date (use YYYY-MM-DD"),
        (",,3,,,,,,,,,,,,,,", "as_at", "blank, and no default date"),
        (",2026-11-23,3,,04/03/21,,,,,,,,,,,,", "d1_admitted", "04/03/21 has a two-digit year"),
        (",2026-11-23,3,,31/02/2021,,,,,,,,,,,,", "d1_admitted", "31/02/2021 is not a date"),
        (",2026-11-23,39,,,,,,,,,,,,,,", "d1_section", "39 is not a section this checker knows"),
        (",2026-11-23,,,2024-01-01,,,,,,,,,,,,", "d1_section", "blank, but other d1_ cells are filled in"),
        (",2026-11-23,3,Ireland,,,,,,,,,,,,,", "d1_detained_in", "Ireland is not a country of the United Kingdom: use england, wales, scotland or northern_ireland"),
        (",2026-11-23,3,,,,home,,,,,,,,,,", "d1_leaving", "home is not a way of leaving hospital"),
        (",2026-11-23,3,,,,,recalled,,,,,,,,,", "d1_recall", "recalled is not a kind of recall: use cto_recall_not_revoked, cto_revoked or conditional_discharge_recall"),
        (",2026-11-23,3,,,,,,Mars,,,,,,,,", "d1_country", "Mars is not a country: use england, wales, scotland, northern_ireland, outside_uk or no_settled_home"),
        (",2026-11-23,3,,,,,,,maybe,,,,,,,", "d1_lacked_capacity", "maybe is not yes or no"),
        (",2026-11-23,3,,,,,,,,2026-01-01,,,,,,", "ended_reason", "blank, but other ended_ cells are filled in"),
        (",2026-11-23,3,,,,,,,,,bored,,,,,", "ended_reason", "bored is not a reason for ending after-care: use no_longer_needed,"),
        (",2026-11-23,3,,,,,,,,,other,perhaps,,,,", "ended_joint_decision", "perhaps is not yes or no"),
        (",2026-11-23,3,,,,,,,,,,,,,,yes", "c1_top_up", "says yes, but c1_what, c1_since and c1_until are blank"),
        (",2026-11-23,3,,,,,,,,,,,fees,2024-13-01,,", "c1_since", "2024-13-01 is not a date"),
        // Facts that cannot all be true: the checker's own validation, put back on the column.
        (",2026-11-23,3,,2024-05-01,2024-04-01,discharged,,,,,,,,,,", "d1_left", "2024-04-01 is before this stay began (2024-05-01)"),
        (",2026-11-23,3,,2027-01-01,,,,,,,,,,,,", "d1_admitted", "2027-01-01 is after the date of the check (2026-11-23)"),
        (",2026-11-23,3,,,,,,,,,,,fees,2024-02-01,2024-01-01,", "c1_until", "2024-01-01 is before the charges began (2024-02-01)"),
        (",2026-11-23,3,,,,,,,,2027-02-01,other,,,,,", "ended_date", "2027-02-01 is after the date of the check"),
        (",1980-01-01,3,,,,,,,,,,,,,,", "as_at", "1980-01-01 is before the Mental Health Act 1983 came into force"),
    ];
    let mut lines = vec![head.to_owned()];
    for (i, (rest, _, _)) in cases.iter().enumerate() {
        lines.push(format!("BAD-{i}{rest}"));
    }
    lines.push(format!("OK{GOOD_FOR_HEAD}"));
    let s = screen_csv(lines.join("\r\n"), &Options::default());
    assert_eq!(s.counts.screened, 1, "{:#?}", s.errors);
    assert_eq!(s.counts.with_errors, cases.len() as u32);
    assert_eq!(s.errors.len(), cases.len(), "{:#?}", s.errors);
    for (i, ((_, column, message), e)) in cases.iter().zip(&s.errors).enumerate() {
        let row = i as u32 + 2;
        assert_eq!(e.row, row, "{e}");
        assert_eq!(e.column.as_deref(), Some(*column), "{e}");
        assert_eq!(e.reference.as_deref(), Some(format!("BAD-{i}").as_str()));
        assert!(
            e.to_string()
                .starts_with(&format!("row {row}, column {column}: {message}")),
            "expected row {row}, column {column}: {message}…\n     got {e}"
        );
    }
}

const GOOD_FOR_HEAD: &str =
    ",2026-11-23,3,,2024-02-12,2024-06-03,discharged,,,,,,,care home fees,2024-09-01,,";

#[test]
fn one_row_can_have_several_problems_and_each_is_listed() {
    let s = screen(&[
        "reference,as_at,d1_section,d1_admitted,d1_left,d2_section,d2_admitted",
        "X,2026-11-23,39,2024-13-01,yesterday,3,2025-01-01",
    ]);
    assert_eq!(s.counts.with_errors, 1);
    let columns: Vec<&str> = s
        .errors
        .iter()
        .map(|e| e.column.as_deref().unwrap())
        .collect();
    assert_eq!(columns, ["d1_section", "d1_admitted", "d1_left"]);
}

#[test]
fn validation_errors_land_on_the_stay_they_came_from_when_a_group_is_skipped() {
    // d1 is empty, so the first stay read is d2: its error must name d2_left, not d1_left.
    let s = screen(&[
        "reference,as_at,d1_section,d1_admitted,d2_section,d2_admitted,d2_left",
        "X,2026-11-23,,,3,2024-05-01,2024-04-01",
    ]);
    assert_eq!(
        errors(&s),
        ["row 2, column d2_left: 2024-04-01 is before this stay began (2024-05-01). Check the dates, or leave this one blank if you are not sure."]
    );
    assert_eq!(s.errors[0].cell.as_deref(), Some("G2"));
}

#[test]
fn one_bad_row_leaves_every_other_row_screened() {
    let mut lines = vec![HEAD.to_owned()];
    for i in 0..50 {
        if i == 20 {
            lines
                .push("BAD,2026-11-23,3,2024-02-12,2023-13-40,discharged,Bromsgrove,,,".to_owned());
        } else {
            lines.push(GOOD.replacen('A', &format!("R{i}"), 1));
        }
    }
    let s = screen_csv(lines.join("\n"), &options());
    assert_eq!(s.counts.screened, 49);
    assert_eq!(s.counts.refund, 49);
    assert_eq!(
        errors(&s),
        ["row 22, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only know the month or year)"]
    );
    assert_eq!(s.rows[20].reference, "R21");
    assert_eq!(s.rows[20].row, 23);
}

#[test]
fn an_unclosed_quote_is_reported_on_the_row_where_it_opens() {
    let s = screen(&[
        HEAD,
        GOOD,
        "B,2026-11-23,3,2024-02-12,2024-06-03,discharged,\"Bromsgrove,care home fees,2024-09-01,",
        "C,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,,,",
    ]);
    assert_eq!(s.counts.screened, 1);
    assert_eq!(s.errors.len(), 1);
    assert_eq!(s.errors[0].row, 3);
    assert_eq!(s.errors[0].column.as_deref(), Some("d1_council"));
    assert!(s.errors[0].message.contains("never closed"));
}

#[test]
fn heading_problems_stop_the_file_with_one_error() {
    let s = screen(&["reference,d1_left,D1 Left", "A,2024-01-01,2024-01-01"]);
    assert_eq!(
        errors(&s),
        ["row 1, column D1 Left: the heading D1 Left means the same as d1_left in column B; keep one of them"]
    );
    assert_eq!(s.counts.rows, 0);

    let s = screen(&[
        "ENQ-1,2026-11-23,3,2024-02-12",
        "ENQ-2,2026-11-23,3,2024-02-12",
    ]);
    assert_eq!(s.errors.len(), 1);
    assert!(errors(&s)[0].starts_with("row 1: the first row must be the column headings"));

    let s = screen_csv("", &options());
    assert!(errors(&s)[0].starts_with("row 1: the file is empty"));
    let s = screen_csv("\u{feff}\r\n\r\n", &options());
    assert!(errors(&s)[0].starts_with("row 1: the file is empty"));
}

#[test]
fn a_blank_reference_is_named_after_its_row_and_repeats_are_warned_about() {
    let s = screen(&[
        HEAD,
        &GOOD.replacen('A', "", 1),
        GOOD,
        &GOOD.replacen('A', "a", 1),
        GOOD,
    ]);
    let refs: Vec<&str> = s.rows.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(refs, ["row 2", "A", "a", "A"]);
    assert_eq!(
        s.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["row 5: reference A is also on row 3"]
    );
}

// ---------------------------------------------------------------------------------------------------------------
// What real spreadsheets save
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn bom_crlf_blank_lines_and_quotes_are_handled() {
    let text = format!(
        "\u{feff}{HEAD}\r\n\r\n{GOOD}\r\n,,,,,,,,,\r\n\"B, the second\",2026-11-23,3,2024-02-12,2024-06-03,discharged,\"Bromsgrove\",\"care home fees,\r\nweekly\",2024-09-01,\r\nC,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,\"say \"\"hi\"\"\",,\r\n\r\n"
    );
    let s = screen_csv(&text, &options());
    assert!(s.errors.is_empty(), "{:#?}", s.errors);
    let got: Vec<(u32, &str)> = s
        .rows
        .iter()
        .map(|r| (r.row, r.reference.as_str()))
        .collect();
    // Row 2 is blank, row 4 is all commas (blank), row 5 holds a cell with a line break, so C is on row 6.
    assert_eq!(got, [(3, "A"), (5, "B, the second"), (6, "C")]);
    assert!(s.rows[1].refund);
    assert_eq!(s.counts.rows, 3);
}

#[test]
fn old_mac_line_ends_count_as_rows_too() {
    let text = format!("{HEAD}\r{GOOD}\r\r{}", GOOD.replacen('A', "B", 1));
    let s = screen_csv(&text, &options());
    let got: Vec<u32> = s.rows.iter().map(|r| r.row).collect();
    assert_eq!(got, [2, 4]);
}

#[test]
fn headings_in_any_order_and_case_and_extra_columns_are_ignored_with_a_warning() {
    let s = screen(&[
        "Notes, D1 LEFT ,d1-Leaving,C1 Since,Reference,D1_Admitted,D1 Section,As At,d1_council,Caseworker",
        "call back,2024-06-03,Discharged,2024-09-01,Z-1,2024-02-12,S3,2026-11-23,Bromsgrove,JB",
    ]);
    assert!(s.errors.is_empty(), "{:#?}", s.errors);
    assert_eq!(s.rows[0].reference, "Z-1");
    assert_eq!(s.rows[0].entitlement.code(), "entitled");
    assert!(s.rows[0].refund);
    let warnings: Vec<String> = s.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "row 1: column A (Notes) is not one the screen reads; it was ignored",
            "row 1: column J (Caseworker) is not one the screen reads; it was ignored",
        ]
    );
}

#[test]
fn cells_beyond_the_headings_are_ignored_with_one_warning_per_column() {
    let s = screen(&[
        HEAD,
        &format!("{GOOD},extra"),
        &format!("{},more,and more", GOOD.replacen('A', "B", 1)),
        // Fewer cells than headings (Excel drops trailing empty cells): the missing ones are blank.
        "C,2026-11-23,3,2024-02-12,2024-06-03,discharged",
    ]);
    assert_eq!(s.counts.screened, 3);
    let warnings: Vec<String> = s.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "row 2: column K has no heading, so what is in it (and 1 other rows) was ignored",
            "row 3: column L has no heading, so what is in it was ignored",
        ]
    );
}

#[test]
fn windows_1252_files_from_excel_are_read_with_a_warning() {
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(
        b"\r\nZo\xEB \x96 1,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,fees \xA3900 a week,2024-09-01,\r\n",
    );
    let s = screen_csv(&bytes, &options());
    assert_eq!(s.rows[0].reference, "Zoë – 1");
    let warnings: Vec<String> = s.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].starts_with("row 2: the file is not UTF-8, so it was read as Windows-1252"));
}

#[test]
fn uk_excel_dates_and_lenient_codes_are_understood() {
    let s = screen(&[
        "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,d1_detained_in,c1_since",
        "A,23/11/2026,Section 37/41,1/5/2019,30/11/2022,Conditional Discharge,Birmingham,ENGLAND,01/2023",
    ]);
    assert!(s.errors.is_empty(), "{:#?}", s.errors);
    assert_eq!(s.rows[0].entitlement.code(), "entitled");
    assert_eq!(s.rows[0].duty_arose.unwrap().to_string(), "2022-11-30");
    assert_eq!(s.rows[0].refund_since.unwrap().to_string(), "2023-01");
}

#[test]
fn a_welsh_council_makes_the_country_wales_when_it_is_left_blank() {
    let s = screen(&[
        "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council",
        "A,2026-11-23,3,2022-04-01,2022-09-15,discharged,Cardiff",
    ]);
    assert_eq!(
        s.rows[0].nhs_body.as_deref(),
        Some("Cardiff and Vale University Health Board")
    );
}

// ---------------------------------------------------------------------------------------------------------------
// JSON Lines
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn jsonl_accepts_cases_references_and_wrappers_and_reports_lines() {
    let text = concat!(
        "{\"as_at\": \"2026-11-23\", \"detentions\": []}\r\n",
        "\n",
        "{\"reference\": \"W\", \"case\": {\"detentions\": [{\"section\": \"3\", \"detained_in\": \"england\", \"admitted\": \"2024-02-12\", \"left_hospital\": \"2024-06-03\", \"leaving\": \"discharged\", \"lived_before\": {\"country\": \"england\", \"council\": \"Bromsgrove\"}}]}}\n",
        "{\"reference\": \"X\", \"as_at\": \"2026-11-23\", \"detentions\": [{\"section\": \"3\"}]}\n",
        "not json\n",
        "[1, 2]\n",
        "{\"reference\": \"Y\", \"as_at\": \"2026-11-23\", \"colour\": \"blue\"}\n",
        "{\"reference\": \"Z\", \"case\": {\"as_at\": \"2026-11-23\", \"detentions\": [{\"section\": \"3\", \"detained_in\": \"england\", \"lived_before\": {\"country\": \"england\"}, \"admitted\": \"2023-13-40\"}]}}",
    );
    let s = screen_jsonl(text, &options());
    let refs: Vec<(u32, &str, &str)> = s
        .rows
        .iter()
        .map(|r| (r.row, r.reference.as_str(), r.entitlement.code()))
        .collect();
    assert_eq!(refs, [(1, "line 1", "not_entitled"), (3, "W", "entitled")]);
    let got = errors(&s);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert_eq!(
        got[0],
        "line 4, field detentions[0].detained_in: missing field `detained_in`"
    );
    assert!(
        got[1].starts_with("line 5, field input: not valid JSON: expected ident (at character 2)")
    );
    assert_eq!(
        got[2],
        "line 6, field input: each line must be one JSON object (a Case)"
    );
    assert!(
        got[3].starts_with("line 7, field colour: unknown field `colour`"),
        "{}",
        got[3]
    );
    assert!(
        got[4].starts_with("line 8, field case.detentions[0].admitted: 2023-13-40 is not a date")
    );
    assert_eq!(s.errors[4].reference.as_deref(), Some("Z"));
}

// ---------------------------------------------------------------------------------------------------------------
// Sorting and filtering
// ---------------------------------------------------------------------------------------------------------------

fn refs(s: &Screened) -> Vec<&str> {
    s.rows.iter().map(|r| r.reference.as_str()).collect()
}

fn sample(options: Options) -> Screened {
    screen_csv(example("enquiries.csv"), &options)
}

fn with(f: impl FnOnce(&mut Options)) -> Options {
    let mut o = options();
    f(&mut o);
    o
}

#[test]
fn only_refund_and_only_entitled() {
    let s = sample(with(|o| o.only = vec![vec![Only::Refund]]));
    assert_eq!(
        refs(&s),
        ["ENQ-1001", "ENQ-1003", "ENQ-1007", "ENQ-1009", "ENQ-1013", "ENQ-1014", "ENQ-1015"]
    );
    assert_eq!(s.counts.shown, 7);
    assert_eq!(s.counts.screened, 17, "counts cover every screened row");

    let s = sample(with(|o| {
        o.only = vec!["entitled".parse::<Only>().into_iter().collect()]
    }));
    assert_eq!(s.rows.len(), 11);
    let s = sample(with(|o| {
        o.only = vec![vec![
            "entitled".parse().unwrap(),
            "entitled_on_leaving_hospital".parse().unwrap(),
        ]]
    }));
    assert_eq!(s.rows.len(), 12, "a comma list means any of them");
    let s = sample(with(|o| {
        o.only = vec![vec!["entitled".parse().unwrap()], vec![Only::Warning]]
    }));
    assert_eq!(
        refs(&s),
        ["ENQ-1005", "ENQ-1022"],
        "repeated --only means all of them"
    );
    let s = sample(with(|o| {
        o.only = vec![vec![Only::Uncertain], vec![Only::Refund]]
    }));
    assert!(s.rows.iter().all(|r| r.refund && !r.uncertain.is_empty()));
}

#[test]
fn deadline_within_counts_days_from_the_date_of_the_check() {
    // Three rows' oldest in-time payments reach six years on the date of the check itself.
    let today = ["ENQ-1007", "ENQ-1013", "ENQ-1014"];
    let s = sample(with(|o| o.deadline_within = Some(30)));
    assert_eq!(
        refs(&s),
        [&today[..], &["ENQ-1022"]].concat(),
        "judicial review by 1 December 2026"
    );
    let s = sample(with(|o| o.deadline_within = Some(60)));
    assert_eq!(
        refs(&s),
        ["ENQ-1005", "ENQ-1007", "ENQ-1013", "ENQ-1014", "ENQ-1022"]
    );
    let s = sample(with(|o| o.deadline_within = Some(0)));
    assert_eq!(refs(&s), today);
    let s = sample(with(|o| {
        o.deadline_within = Some(365);
        o.only = vec![vec![Only::Refund]];
        o.sort = SortKey::Deadline;
    }));
    assert_eq!(
        refs(&s),
        [&today[..], &["ENQ-1015"]].concat(),
        "ENQ-1015 gives first_knew (ombudsman by 1 June 2027); the other refund rows' ombudsman deadlines are \
         undated without it, and their six years end after 2027"
    );
}

#[test]
fn sort_orders() {
    let s = sample(with(|o| o.sort = SortKey::Deadline));
    let next: Vec<Option<String>> = s
        .rows
        .iter()
        .map(|r| r.next_deadline.and_then(|d| d.date).map(|d| d.to_string()))
        .collect();
    assert_eq!(next[0].as_deref(), Some("2026-11-23"));
    assert_eq!(next[2].as_deref(), Some("2026-11-23"));
    assert_eq!(next[3].as_deref(), Some("2026-12-01"));
    assert_eq!(next[4].as_deref(), Some("2027-01-15"));
    assert_eq!(next[5].as_deref(), Some("2027-06-01"));
    assert_eq!(next[6].as_deref(), Some("2029-01-01"));
    let first_none = next.iter().position(Option::is_none).unwrap();
    assert!(
        next[first_none..].iter().all(Option::is_none),
        "no deadline sorts last"
    );

    let s = sample(with(|o| o.sort = SortKey::RefundSince));
    assert_eq!(
        &refs(&s)[..7],
        ["ENQ-1013", "ENQ-1007", "ENQ-1014", "ENQ-1003", "ENQ-1015", "ENQ-1009", "ENQ-1001"]
    );

    let s = sample(with(|o| o.sort = SortKey::Entitlement));
    let codes: Vec<&str> = s.rows.iter().map(|r| r.entitlement.code()).collect();
    assert_eq!(codes[0], "entitled");
    assert_eq!(
        &codes[11..],
        [
            "entitled_on_leaving_hospital",
            "undetermined",
            "ended",
            "not_entitled",
            "not_entitled",
            "out_of_scope"
        ]
    );
    assert_eq!(
        s.rows[0].reference, "ENQ-1007",
        "entitled, then soonest deadline (the six-year limit for the oldest payment in time, today)"
    );

    let s = screen(&[
        "reference,as_at",
        "ENQ-10,2026-11-23",
        "enq-9,2026-11-23",
        "ENQ-100,2026-11-23",
        "A,2026-11-23",
    ]);
    let mut o = options();
    o.sort = SortKey::Reference;
    let sorted = screen_csv(
        "reference,as_at\nENQ-10,2026-11-23\nenq-9,2026-11-23\nENQ-100,2026-11-23\nA,2026-11-23\n",
        &o,
    );
    assert_eq!(
        refs(&s),
        ["ENQ-10", "enq-9", "ENQ-100", "A"],
        "input order by default"
    );
    assert_eq!(refs(&sorted), ["A", "enq-9", "ENQ-10", "ENQ-100"]);
}

/// The browser's table asks the job for pages of a view (its sort key, direction and filter); the order is the
/// command line's, and a descending order keeps rows without the value last and ties in input order.
#[test]
fn views_order_filter_and_page_as_the_browser_asks() {
    let input = example("enquiries.csv");
    let mut job = Job::new(input.as_slice(), Format::Csv, options());
    while !job.step(5).done {}
    let refs_of = |job: &mut Job<'_>, view: &View| -> Vec<String> {
        let (rows, total) = job.page(view, 0, usize::MAX);
        assert_eq!(rows.len(), total);
        rows.iter().map(|r| r.reference.clone()).collect()
    };
    let view = |sort: SortKey, descending: bool| View {
        sort,
        descending,
        ..View::default()
    };
    // The same order as `s117 screen --sort deadline`.
    let whole = sample(with(|o| o.sort = SortKey::Deadline));
    assert_eq!(
        refs_of(&mut job, &view(SortKey::Deadline, false)),
        refs(&whole)
    );
    let desc = refs_of(&mut job, &view(SortKey::Deadline, true));
    assert_eq!(desc[0], "ENQ-1001", "latest deadline first");
    assert_eq!(desc.iter().position(|r| r == "ENQ-1022"), Some(5));
    assert_eq!(
        desc.iter().position(|r| r == "ENQ-1002"),
        Some(9),
        "rows with no deadline stay last, in input order"
    );
    let reference = refs_of(&mut job, &view(SortKey::Reference, true));
    assert_eq!(reference[0], "ENQ-1022");
    let refund = refs_of(&mut job, &view(SortKey::RefundSince, false));
    assert_eq!(&refund[..3], ["ENQ-1013", "ENQ-1007", "ENQ-1014"]);
    let refund_desc = refs_of(&mut job, &view(SortKey::RefundSince, true));
    assert_eq!(
        &refund_desc[..7],
        ["ENQ-1001", "ENQ-1009", "ENQ-1015", "ENQ-1003", "ENQ-1014", "ENQ-1007", "ENQ-1013"]
    );
    assert_eq!(
        refund_desc[7..],
        refund[7..],
        "rows with no refund stay last, in input order"
    );
    // Every key the table offers sorts, and keeps every row.
    for key in [
        "row",
        "reference",
        "entitlement",
        "council",
        "nhs-body",
        "refund-since",
        "limitation",
        "deadline",
        "uncertain",
    ] {
        let key: SortKey = key.parse().unwrap();
        for descending in [false, true] {
            assert_eq!(refs_of(&mut job, &view(key, descending)).len(), 17, "{key}");
        }
    }
    let uncertain = job.page(&view(SortKey::Uncertain, true), 0, 1).0[0]
        .uncertain
        .len();
    assert!(job
        .screened()
        .rows
        .iter()
        .all(|r| r.uncertain.len() <= uncertain));
    // A filter: the page's "refund likely", and its "a deadline within 30 days", as `--only` and `--deadline-within`.
    let refunds: View =
        serde_json::from_str(r#"{"sort": "refund-since", "only": [["refund"]]}"#).unwrap();
    assert_eq!(refs_of(&mut job, &refunds), refund[..7]);
    let soon: View = serde_json::from_str(r#"{"deadline_within": 30}"#).unwrap();
    assert_eq!(
        refs_of(&mut job, &soon),
        refs(&sample(with(|o| o.deadline_within = Some(30))))
    );
    // Pages.
    let (page, total) = job.page(&view(SortKey::Reference, false), 15, 50);
    assert_eq!(total, 17);
    assert_eq!(page.len(), 2);
    assert_eq!(page[1].reference, "ENQ-1022");
    assert!(job.page(&View::default(), 100, 50).0.is_empty());
    assert!(serde_json::from_str::<View>(r#"{"sort": "size"}"#).is_err());
}

#[test]
fn options_are_read_from_javascript_style_objects() {
    let o: Options = serde_json::from_str(
        r#"{"as_at": "2026-11-23", "only": [["refund"], ["entitled", "ended"]], "deadline_within": 30, "sort": "refund-since"}"#,
    )
    .unwrap();
    assert_eq!(o.sort, SortKey::RefundSince);
    assert_eq!(o.only[1].len(), 2);
    assert!(serde_json::from_str::<Options>(r#"{"sort": "size"}"#).is_err());
    assert_eq!(
        serde_json::from_str::<Options>("{}").unwrap(),
        Options::default()
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn triage_csv_and_jsonl() {
    let s = sample(options());
    let csv = to_csv(&s.rows);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "row,reference,as_at,entitlement,duty_arose,council,council_code,council_certain,nhs_body,nhs_body_code,\
         nhs_body_certain,periods,refund,refund_since,refund_ongoing,refund_periods,all_time_barred,refund_estimate,\
         limitation,next_deadline,next_deadline_date,deadlines,next_step,warnings,uncertain,summary"
    );
    assert!(lines.next().unwrap().starts_with(
        "2,ENQ-1001,2026-11-23,entitled,2024-06-03,Worcestershire County Council,E10000034,yes,\
         NHS Herefordshire and Worcestershire Integrated Care Board,E54000019,yes,1,yes,2024-09-01,yes,1,no,,\
         2030-09-01,limitation,2030-09-01,ombudsman undated; limitation 2030-09-01,\
         \"Ask Worcestershire County Council to stop charging you"
    ));
    assert!(csv.contains(
        ",1,no,,,0,,,,judicial_review,2027-01-15,judicial_review 2027-01-15; ombudsman 2027-10-15,\"Get legal advice now"
    ));
    assert!(csv.contains(",judicial_review 2023-08-01 passed; ombudsman 2024-05-01 passed,"));
    // The triage CSV reads back with the same number of records.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), 17);

    let jsonl = to_jsonl(&s.rows);
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["reference"], "ENQ-1001");
    assert_eq!(first["next_deadline"]["kind"], "limitation");
    assert_eq!(first["next_deadline"]["date"], "2030-09-01");
    assert_eq!(first["limitation"], "2030-09-01");
    assert_eq!(first["refund_since"], "2024-09-01");
    assert_eq!(first["refund_ongoing"], true);
    assert_eq!(first["refund_estimate"], serde_json::Value::Null);
    assert_eq!(first["deadlines"][0]["kind"], "ombudsman");
    assert_eq!(first["deadlines"][0]["date"], serde_json::Value::Null);
    assert_eq!(jsonl.lines().count(), 17);

    let errors = errors_to_csv(&s.errors);
    assert!(errors.starts_with(
        "row,cell,column,reference,message\r\n18,F18,d1_left,ENQ-1016,\"2023-13-40 is not a date"
    ));
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_defused() {
    let s = screen(&[
        "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council",
        "=HYPERLINK(\"http://x\"),2026-11-23,3,2024-02-12,2024-06-03,discharged,@SUM(A1)",
    ]);
    let csv = to_csv(&s.rows);
    assert!(
        csv.contains("\r\n2,\"'=HYPERLINK(\"\"http://x\"\")\",2026-11-23,"),
        "{csv}"
    );
    assert!(csv.contains(",'@SUM(A1),"), "{csv}");
}

// ---------------------------------------------------------------------------------------------------------------
// Chunked jobs (as the browser runs them)
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn a_job_in_small_steps_gives_the_same_result_as_one_run() {
    let input = example("enquiries.csv");
    let whole = screen_csv(&input, &options());
    let mut job = Job::new(input.as_slice(), Format::Csv, options());
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut last = 0;
    let mut steps = 0;
    loop {
        let step = job.step(3);
        assert!(step.bytes_done >= last && step.bytes_done <= step.bytes_total);
        last = step.bytes_done;
        rows.extend(step.rows.iter().cloned());
        errors.extend(step.errors.iter().cloned());
        steps += 1;
        if step.done {
            break;
        }
    }
    assert!(steps >= 8, "{steps} steps");
    assert_eq!(rows, whole.rows);
    assert_eq!(errors, whole.errors);
    assert_eq!(job.screened().counts, whole.counts);
    let reversed = job.triage_csv(&View {
        descending: true,
        ..View::default()
    });
    assert!(reversed
        .split("\r\n")
        .nth(1)
        .unwrap()
        .starts_with("24,ENQ-1022,"));
    assert_eq!(job.triage_csv(&View::default()), to_csv(&whole.rows));
}

#[test]
fn threads_do_not_change_the_result() {
    let csv = String::from_utf8(example("enquiries.csv")).unwrap();
    // Enough rows for the work to be shared between threads.
    let body: String = csv.lines().skip(1).collect::<Vec<_>>().join("\n");
    let big = format!(
        "{}\n{}",
        csv.lines().next().unwrap(),
        vec![body; 40].join("\n")
    );
    let one = Job::new(big.as_bytes(), Format::Csv, options())
        .threads(1)
        .run();
    let four = Job::new(big.as_bytes(), Format::Csv, options())
        .threads(4)
        .run();
    assert_eq!(one.counts.rows, 22 * 40);
    assert_eq!(one, four);
}

#[test]
fn a_jsonl_job_in_steps_matches_one_run() {
    let input = example("enquiries.jsonl");
    let whole = screen_jsonl(&input, &options());
    let mut job = Job::new(input.as_slice(), Format::Jsonl, options());
    let mut rows = Vec::new();
    while {
        let step = job.step(4);
        rows.extend(step.rows.iter().cloned());
        !step.done
    } {}
    assert_eq!(rows, whole.rows);
}

// ---------------------------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------------------------

struct Ran {
    code: u8,
    stdout: String,
    stderr: String,
}

/// Runs `s117 screen ARGS` (the binary, `src/bin/s117/screen.rs`) with `stdin` as its standard input.
fn run(args: &[&str], stdin: &str) -> Ran {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_s117"))
        .arg("screen")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the s117 binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_owned();
    // Written from a thread, so a large input cannot block against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let output = child.wait_with_output().expect("s117 screen finishes");
    writer.join().expect("the input was written");
    Ran {
        code: output
            .status
            .code()
            .and_then(|c| u8::try_from(c).ok())
            .expect("an exit code"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("s117-screen-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn cli_screens_the_sample_and_reports_to_stderr() {
    let sample = root().join("examples/enquiries.csv");
    let errors_file = temp("errors.csv");
    let r = run(
        &[
            sample.to_str().unwrap(),
            "--as-at",
            AS_AT,
            "--errors",
            errors_file.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("\u{feff}row,reference,"),
        "a byte-order mark for Excel"
    );
    assert_eq!(r.stdout.matches("\r\n").count(), 18);
    assert!(r
        .stderr
        .contains("row 18, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD"));
    assert!(r
        .stderr
        .contains("warning: row 1: column Z (notes) is not one the screen reads"));
    assert!(r.stderr.contains(
        "s117 screen: 22 rows: 17 screened (11 entitled, 1 entitled_on_leaving_hospital, 1 undetermined, 1 ended, \
         2 not_entitled, 1 out_of_scope), 5 with errors; 7 refund candidates; 9 with a deadline ahead; wrote 17 rows \
         to standard output"
    ), "{}", r.stderr);
    let errors = std::fs::read_to_string(&errors_file).unwrap();
    assert!(
        errors.starts_with("\u{feff}row,cell,column,reference,message\r\n18,F18,d1_left,ENQ-1016,")
    );
    assert_eq!(errors.matches("\r\n").count(), 6);
}

#[test]
fn cli_filters_sorts_writes_jsonl_and_files() {
    let sample = root().join("examples/enquiries.csv");
    let out = temp("triage.jsonl");
    let r = run(
        &[
            "--only",
            "refund",
            "--sort",
            "refund-since",
            "--format",
            "jsonl",
            "--as-at",
            AS_AT,
            "-q",
            "-o",
            out.to_str().unwrap(),
            sample.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
    assert!(
        !r.stderr.contains("warning"),
        "-q keeps warnings and the summary quiet"
    );
    assert!(
        r.stderr.contains("row 18, column d1_left"),
        "problems are always listed"
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let refs: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["reference"].to_string())
        .collect();
    assert_eq!(refs.len(), 7);
    assert_eq!(refs[0], "\"ENQ-1013\"");

    let r = run(
        &["--deadline-within", "30", "--no-bom", "-", "--as-at", AS_AT],
        &String::from_utf8(example("enquiries.csv")).unwrap(),
    );
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("row,"));
    assert_eq!(
        r.stdout.lines().count(),
        5,
        "ENQ-1007, 1013 and 1014 (six years from the oldest payment in time, today) and ENQ-1022 (judicial review)"
    );
    assert!(r.stdout.contains("ENQ-1022"));

    let jsonl = root().join("examples/enquiries.jsonl");
    let r = run(&[jsonl.to_str().unwrap(), "--as-at", AS_AT, "--no-bom"], "");
    assert_eq!(r.code, 0);
    assert!(r
        .stderr
        .contains("line 16, field detentions[0].left_hospital"));
    assert_eq!(r.stdout.lines().count(), 18);
}

#[test]
fn cli_exit_codes() {
    // Nothing screened: 2.
    let r = run(
        &["-", "--as-at", AS_AT],
        "reference,as_at,d1_left\nA,2026-11-23,2023-13-40\n",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("row 2, column d1_left"));
    assert!(r.stderr.contains("no row could be screened"));
    // Bad arguments: 2, with the usage.
    for args in [
        &["--only", "rich", "x.csv"][..],
        &["--sort", "size", "x.csv"],
        &["--as-at", "2026-13-01", "x.csv"],
        &["--deadline-within", "soon", "x.csv"],
        &["--format", "xlsx", "x.csv"],
        &["--colour", "x.csv"],
        &["a.csv", "b.csv"],
        &[],
    ] {
        let r = run(args, "");
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains("Usage:"), "{args:?}: {}", r.stderr);
    }
    let r = run(&["--as-at", "2026-13-01", "x.csv"], "");
    assert!(r
        .stderr
        .starts_with("s117 screen: --as-at: 2026-13-01 is not a date"));
    // A file that cannot be read: 1.
    let r = run(&["/no/such/file.csv"], "");
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .starts_with("s117 screen: could not read /no/such/file.csv"));
    // Help and the template: 0.
    assert_eq!(run(&["--help"], "").code, 0);
    let r = run(&["--template", "--no-bom"], "");
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, template_csv(3, 2));
}

// ---------------------------------------------------------------------------------------------------------------
// The timeline: first_knew, amounts, and payments over six years old
// ---------------------------------------------------------------------------------------------------------------

const TIMELINE_HEAD: &str = "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,\
                             c1_what,c1_since,c1_until,c1_amount,c1_per,first_knew";

#[test]
fn the_ombudsman_is_dated_only_from_first_knew() {
    let lines = [
        TIMELINE_HEAD,
        "KNEW,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,,,2026-03-10",
        "UNKNOWN,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,,,",
    ];
    let s = screen(&lines);
    assert!(s.errors.is_empty(), "{:?}", errors(&s));
    let knew = row(&s, "KNEW");
    assert_eq!(
        deadlines(knew),
        ["ombudsman 2027-03-10", "limitation 2030-09-01"],
        "12 months from first knowing (10 March 2026); six years from the oldest payment (1 September 2024)"
    );
    assert_eq!(
        knew.next_deadline
            .and_then(|d| d.date)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-03-10")
    );
    assert!(
        knew.summary
            .contains("Next deadline: ombudsman complaint by 10 March 2027.")
            && !knew.summary.contains("Ombudsman: 12 months"),
        "{}",
        knew.summary
    );
    let unknown = row(&s, "UNKNOWN");
    assert_eq!(
        deadlines(unknown),
        ["ombudsman undated", "limitation 2030-09-01"]
    );
    assert!(unknown
        .summary
        .contains("Ombudsman: 12 months from when they first knew (not given)."));
    // --only deadline and --sort deadline use the dated deadlines.
    let mut o = options();
    o.sort = SortKey::Deadline;
    o.deadline_within = Some(120);
    let sorted = screen_csv(lines.join("\n"), &o);
    assert_eq!(
        refs(&sorted),
        ["KNEW"],
        "10 March 2027 is 107 days after the check"
    );
    o.deadline_within = None;
    o.only = vec![vec![Only::Deadline]];
    let sorted = screen_csv(lines.join("\n"), &o);
    assert_eq!(
        refs(&sorted),
        ["KNEW", "UNKNOWN"],
        "2027-03-10, then 2030-09-01"
    );
}

#[test]
fn amounts_give_a_refund_estimate() {
    let s = screen(&[
        TIMELINE_HEAD,
        // 1 January to 31 December 2025 is 365 days at £70 a week (£10 a day): £3,650.
        "WEEKLY,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2025-01-01,2025-12-31,£70.00,pw,",
        // A total is the total: £5,000 for a charge wholly inside the duty.
        "TOTAL,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2025-01-01,2025-12-31,\"£5,000\",Total,",
        // £1,200 a month for 1 January to 31 December 2025: twelve whole months paid = £14,400.
        "MONTHLY,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2025-01-01,2025-12-31,1200,monthly,",
    ]);
    assert!(s.errors.is_empty(), "{:?}", errors(&s));
    let weekly = row(&s, "WEEKLY");
    assert_eq!(weekly.refund_estimate, Some(3650.0));
    assert!(!weekly.refund_ongoing && weekly.refund && !weekly.all_time_barred);
    assert_eq!(weekly.refund_periods, 1);
    assert!(
        weekly
            .summary
            .contains("Refund likely: charged since 1 January 2025, about £3,650."),
        "{}",
        weekly.summary
    );
    assert_eq!(row(&s, "TOTAL").refund_estimate, Some(5000.0));
    assert_eq!(row(&s, "MONTHLY").refund_estimate, Some(14400.0));
    let csv = to_csv(&s.rows);
    assert!(
        csv.contains(",2025-01-01,no,1,no,3650,2031-01-01,limitation,2031-01-01,"),
        "{csv}"
    );
}

#[test]
fn payments_all_over_six_years_old_are_not_called_a_likely_refund() {
    let s = screen(&[
        TIMELINE_HEAD,
        "OLD,2026-11-23,3,2012-01-10,2012-05-01,discharged,Bromsgrove,care home fees,2013-01-01,2019-06-30,£150,week,",
    ]);
    assert!(s.errors.is_empty(), "{:?}", errors(&s));
    let old = row(&s, "OLD");
    assert!(old.refund && old.all_time_barred && !old.refund_ongoing);
    assert_eq!(
        old.refund_since.map(|d| d.to_string()).as_deref(),
        Some("2013-01-01")
    );
    assert_eq!(
        deadlines(old),
        ["ombudsman undated", "limitation 2025-06-30 passed"],
        "the newest payment (30 June 2019) passed six years on 30 June 2025"
    );
    assert_eq!(
        old.limitation.map(|d| d.to_string()).as_deref(),
        Some("2025-06-30")
    );
    assert!(old.next_deadline.is_none());
    assert!(!old.summary.contains("Refund likely"), "{}", old.summary);
    assert!(old.summary.contains(
        "Charged while owed after-care, but every payment is over six years old, about £"
    ));
    assert!(flags(&old.warnings).contains(&"refund_may_be_time_barred".to_owned()));
    let csv = to_csv(&s.rows);
    assert!(csv.contains(",yes,2013-01-01,no,1,yes,"), "{csv}");
}

#[test]
fn a_bad_amount_is_reported_but_the_row_is_still_screened() {
    let s = screen(&[
        TIMELINE_HEAD,
        "A,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,two hundred,week,",
        "B,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,200,fortnight,",
        "C,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,200,,",
        "D,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,,,2026-13-01",
    ]);
    assert_eq!(
        errors(&s),
        [
            "row 2, column c1_amount: two hundred is not an amount of money: use pounds, such as 200, 185.50 or £1,250",
            "row 3, column c1_per: fortnight is not what the amount is for: use week, month, year or total",
            "row 4, column c1_per: blank, but c1_amount is given: say what the amount is for (week, month, year or total); the amount was left out",
            "row 5, column first_knew: 2026-13-01 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only know the month or year)",
        ]
    );
    assert_eq!(s.errors[0].cell.as_deref(), Some("K2"));
    assert_eq!(
        refs(&s),
        ["A", "B", "C"],
        "a bad amount only loses the estimate"
    );
    assert!(s
        .rows
        .iter()
        .all(|r| r.refund && r.refund_estimate.is_none()));
    assert_eq!((s.counts.screened, s.counts.with_errors), (3, 1));
}

#[test]
fn jsonl_reads_first_knew_and_amounts_from_the_case() {
    let s = screen_jsonl(
        r#"{"reference": "J", "as_at": "2026-11-23", "first_knew": "2026-03-10", "detentions": [{"section": "3", "detained_in": "england", "admitted": "2024-02-12", "left_hospital": "2024-06-03", "leaving": "discharged", "lived_before": {"country": "england", "council": "Bromsgrove"}}], "charges": [{"since": "2025-01-01", "until": "2025-12-31", "amount": 70, "per": "week"}]}"#,
        &options(),
    );
    assert!(s.errors.is_empty(), "{:?}", errors(&s));
    let j = row(&s, "J");
    assert_eq!(j.refund_estimate, Some(3650.0));
    assert_eq!(deadlines(j)[0], "ombudsman 2027-03-10");
}
