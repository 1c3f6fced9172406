//! `s117 screen`, the command line: the sample screened with a report on stderr, filters, sorting, JSON Lines and
//! output files, and exit codes.
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::template_csv;
use screening::{example, root, run, AS_AT};
use std::path::PathBuf;

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
    assert_eq!(r.stdout.matches("\r\n").count(), 23);
    assert!(r
        .stderr
        .contains("row 18, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD"));
    assert!(r
        .stderr
        .contains("warning: row 1: column Z (notes) is not one the screen reads"));
    assert!(r.stderr.contains(
        "s117 screen: 22 rows: 22 screened (15 entitled, 1 entitled_on_leaving_hospital, 2 undetermined, 1 ended, \
         2 not_entitled, 1 out_of_scope), 5 of them with cells left blank, 0 not screened; 8 refund candidates; \
         10 with a deadline ahead; wrote 22 rows to standard output"
    ), "{}", r.stderr);
    let errors = std::fs::read_to_string(&errors_file).unwrap();
    assert!(errors.starts_with(
        "\u{feff}row,cell,column,reference,screened,message\r\n18,F18,d1_left,ENQ-1016,yes,"
    ));
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
    assert_eq!(
        refs.len(),
        8,
        "seven refunds, and ENQ-1021 whose charge end came before its start, left blank"
    );
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
    // Nothing screened: 2. (A bad cell only leaves that cell blank; a check dated before the Act stops the row.)
    let r = run(
        &["-", "--as-at", AS_AT],
        "reference,as_at,d1_section\nA,1980-01-01,3\n",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("row 2, column as_at"));
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

#[test]
fn without_as_at_rows_are_screened_as_at_today_and_the_summary_says_so() {
    let r = run(
        &["-", "--no-bom"],
        "Matter No,Section,Date Sectioned,Date Discharged,Local Authority\nA,3,2024-02-12,2024-06-03,Leeds\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let line = r.stdout.lines().nth(1).unwrap();
    let as_at = line.split(',').nth(2).unwrap();
    assert!(
        as_at.len() == 10 && as_at.as_bytes()[4] == b'-' && as_at > "2026-01-01",
        "{as_at}"
    );
    assert!(
        r.stderr
            .contains("Rows without their own as_at were screened as at today, "),
        "{}",
        r.stderr
    );
}
