//! Batch screening of bad and awkward input: every kind of bad row (reported with its row and column, never stopping
//! the others), the CSV quirks of real spreadsheets, and JSON Lines.
//!
//! The other screen tests: `tests/screen_sample.rs` (the sample file), `screen_view.rs` (sorting, filtering and
//! output), `screen_jobs.rs` (chunked jobs), `screen_cli.rs` (the command line) and `screen_timeline.rs` (first
//! knew, amounts, refunds); their helpers are in `tests/common/screening.rs`.
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::{screen_csv, screen_jsonl, Options};
use screening::{errors, options, screen, GOOD, HEAD};

// ---------------------------------------------------------------------------------------------------------------
// Bad rows
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn every_kind_of_bad_cell_is_reported_with_row_column_and_message_and_the_row_still_screened() {
    let head = "reference,as_at,d1_section,d1_detained_in,d1_admitted,d1_left,d1_leaving,d1_recall,d1_country,\
                d1_lacked_capacity,ended_date,ended_reason,ended_joint_decision,c1_what,c1_since,c1_until,c1_top_up";
    let cases: &[(&str, &str, &str)] = &[
        // (row after the reference, column, message start)
        (",2026-13-01,3,,,,,,,,,,,,,,", "as_at", "2026-13-01 is not a date (use YYYY-MM-DD"),
        (",,3,,,,,,,,,,,,,,", "as_at", "blank, and no default date"),
        (",2026-11-23,3,,early March,,,,,,,,,,,,", "d1_admitted", "early March is not a date"),
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
        (",2026-11-23,3,,2024-05-01,2024-04-01,discharged,,,,,,,,,,", "d1_left", "1 April 2024 is before this stay began (1 May 2024)"),
        (",2026-11-23,3,,2027-01-01,,,,,,,,,,,,", "d1_admitted", "1 January 2027 is after the date of the check (23 November 2026)"),
        (",2026-11-23,3,,,,,,,,,,,fees,2024-02-01,2024-01-01,", "c1_until", "1 January 2024 is before the charges began (1 February 2024)"),
        (",2026-11-23,3,,,,,,,,2027-02-01,other,,,,,", "ended_date", "1 February 2027 is after the date of the check"),
        (",1980-01-01,3,,,,,,,,,,,,,,", "as_at", "1 January 1980 is before the Mental Health Act 1983 came into force"),
    ];
    let mut lines = vec![head.to_owned()];
    for (i, (rest, _, _)) in cases.iter().enumerate() {
        lines.push(format!("BAD-{i}{rest}"));
    }
    lines.push(format!("OK{GOOD_FOR_HEAD}"));
    let s = screen_csv(lines.join("\r\n"), &Options::default());
    // Only a row without a usable date of the check (and no default) cannot be screened: every other bad cell is
    // left blank, reported, and the row screened without it, marked unreadable.
    let stopped = cases
        .iter()
        .filter(|(_, column, _)| *column == "as_at")
        .count();
    assert_eq!(stopped, 3);
    assert_eq!(s.counts.with_errors, stopped as u32);
    assert_eq!(
        s.counts.screened,
        (cases.len() - stopped) as u32 + 1,
        "{:#?}",
        s.errors
    );
    assert_eq!(s.counts.with_unreadable, (cases.len() - stopped) as u32);
    assert_eq!(s.errors.len(), cases.len(), "{:#?}", s.errors);
    for (i, ((_, column, message), e)) in cases.iter().zip(&s.errors).enumerate() {
        let row = i as u32 + 2;
        assert_eq!(e.row, row, "{e}");
        assert_eq!(e.column.as_deref(), Some(*column), "{e}");
        assert_eq!(e.screened, *column != "as_at", "{e}");
        if e.screened {
            let triaged = s
                .rows
                .iter()
                .find(|r| r.row == row)
                .expect("the row was screened");
            assert_eq!(triaged.unreadable, [*column], "{e}");
            assert!(triaged.summary.ends_with(&format!(
                "1 cell could not be read and was left blank ({column}): check it."
            )));
            assert!(
                e.to_string()
                    .ends_with(" \u{2014} left blank: the row was screened without it"),
                "{e}"
            );
        }
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
    assert_eq!(s.counts.with_errors, 0);
    assert_eq!(s.counts.with_unreadable, 1);
    assert_eq!(
        s.rows[0].unreadable,
        ["d1_section", "d1_admitted", "d1_left"]
    );
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
        ["row 2, column d2_left: 1 April 2024 is before this stay began (1 May 2024). Check the dates, or leave this one blank if you are not sure. \u{2014} left blank: the row was screened without it"]
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
    assert_eq!(s.counts.screened, 50);
    assert_eq!(s.counts.refund, 49);
    assert_eq!(
        errors(&s),
        ["row 22, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only know the month or year) \u{2014} left blank: the row was screened without it"]
    );
    // The bad row is screened without its date of leaving, and says so.
    assert_eq!(s.rows[20].reference, "BAD");
    assert_eq!(s.rows[20].unreadable, ["d1_left"]);
    assert_eq!(s.rows[21].reference, "R21");
    assert_eq!(s.rows[21].row, 23);
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
fn headings_in_any_order_and_case_and_the_firms_own_columns_carried_through_with_a_warning() {
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
            "row 1: column A (Notes) is not one the screen reads: it is copied to the triage unchanged, after the screen's columns",
            "row 1: column J (Caseworker) is not one the screen reads: it is copied to the triage unchanged, after the screen's columns",
        ]
    );
    let carried: Vec<(&str, &str)> = s.rows[0]
        .carried
        .iter()
        .map(|c| (&*c.heading, c.value.as_str()))
        .collect();
    assert_eq!(carried, [("Notes", "call back"), ("Caseworker", "JB")]);
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
