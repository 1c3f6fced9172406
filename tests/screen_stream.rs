//! Screening streamed: a job that reads its input through a small window, refilled as rows are read, and whose
//! rows are taken away as they are screened, gives exactly what one screening of the whole file in memory gives:
//! the same rows, row numbers, problems, warnings and counts, whatever the window, the reads and the steps.
//! `s117 screen` streams this way; its output is the same as the in-memory triage, in any order asked for.
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::{screen_csv, screen_jsonl, to_csv, Format, Job, Options, Screened, SortKey};
use screening::{example, options, run, with, AS_AT, HEAD};
use std::io::Read;

/// A reader that gives at most `most` bytes per read, as a pipe or a slow disk may.
struct Trickle<'a> {
    bytes: &'a [u8],
    most: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.most).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// Screens `input` through a window of `window` bytes, `step` rows at a time, taking the rows as it goes.
fn streamed(input: &[u8], format: Format, window: usize, most: usize, step: usize) -> Screened {
    let reader = Trickle { bytes: input, most };
    let mut job = Job::from_reader(reader, format, options(), input.len())
        .unwrap()
        .read_size(window)
        .threads(1);
    let mut rows = Vec::new();
    let mut last = 0;
    loop {
        let s = job.step(step);
        assert!(s.bytes_done >= last, "progress never goes back");
        assert!(s.bytes_done <= s.bytes_total);
        last = s.bytes_done;
        let done = s.done;
        rows.extend(job.take_rows());
        if done {
            break;
        }
    }
    assert_eq!(last, input.len(), "the whole input was read");
    let mut out = job.finish();
    assert!(out.rows.is_empty(), "every row was taken");
    out.rows = rows;
    out.counts.shown = out.counts.screened;
    out
}

/// A messy export: a byte-order mark, CRLF and lone CR line ends, quoted cells with line breaks and separators,
/// blank lines, a Windows-1252 pound sign, a repeated reference, a cell beyond the headings, a bad date and an
/// unclosed quote at the very end.
fn messy() -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        b"reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,c1_what,c1_since,c1_amount,c1_per,Notes\r\n\
          A,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,\xA3850,week,\"two\r\nlines\"\r\n\
          \r\n\
          B,2026-11-23,3,2024-02-12,2023-13-40,discharged,Bromsgrove,,,,,plain\r\
          C,2026-11-23,37,2019-05-01,2019-11-01,discharged,\"Leeds, City of\",,,,,\"quoted \"\"word\"\"\",stray\n\
          A,2026-11-23,2,2025-01-10,2025-02-05,discharged,Leeds,,,,,repeat\n\
          \n\
          D,2026-11-23,3,2021-01-10,2021-04-01,discharged,Cardiff,,,,,\"never closed\nstill open",
    );
    bytes
}

/// Everything but `shown`, which the in-memory run sets after filtering.
fn same(streamed: &Screened, whole: &Screened, what: &str) {
    assert_eq!(streamed.rows, whole.rows, "{what}: rows");
    assert_eq!(streamed.errors, whole.errors, "{what}: errors");
    assert_eq!(streamed.warnings, whole.warnings, "{what}: warnings");
    assert_eq!(streamed.counts, whole.counts, "{what}: counts");
}

#[test]
fn a_csv_read_through_any_window_gives_what_the_whole_file_gives() {
    for (name, input) in [
        ("enquiries.csv", example("enquiries.csv")),
        ("messy", messy()),
    ] {
        let whole = screen_csv(&input, &options());
        assert!(whole.counts.screened > 0, "{name}");
        for window in [1, 2, 3, 7, 64, 1000, 1 << 20] {
            for (most, step) in [(1, 1), (5, 3), (usize::MAX, usize::MAX)] {
                let s = streamed(&input, Format::Csv, window, most, step);
                same(
                    &s,
                    &whole,
                    &format!("{name}, window {window}, reads of {most}, steps of {step}"),
                );
            }
        }
    }
}

#[test]
fn the_messy_export_keeps_its_row_numbers_through_a_tiny_window() {
    let s = streamed(&messy(), Format::Csv, 2, 3, 1);
    let rows: Vec<(u32, &str)> = s
        .rows
        .iter()
        .map(|r| (r.row, r.reference.as_str()))
        .collect();
    // Row 2 has a line break inside quotes and is still one row (as a spreadsheet shows it); row 3 is blank; a
    // lone CR ends row 4.
    assert_eq!(rows, [(2, "A"), (4, "B"), (5, "C"), (6, "A")]);
    let problems: Vec<String> = s.errors.iter().map(ToString::to_string).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("row 4, column d1_left: 2023-13-40 is not a date")),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with("row 8")),
        "the unclosed quote at the end is reported on its row: {problems:#?}"
    );
    assert_eq!(s.rows[0].carried[0].value, "two\r\nlines");
    assert_eq!(
        s.rows[0].refund_estimate_in_time.map(|e| e.round()),
        Some(s.rows[0].refund_estimate.unwrap().round())
    );
    let warnings: Vec<String> = s.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("row 6") && w.contains("row 2")),
        "the repeated reference is still found: {warnings:#?}"
    );
}

#[test]
fn json_lines_read_through_any_window_give_what_the_whole_file_gives() {
    let input = example("enquiries.jsonl");
    let whole = screen_jsonl(&input, &options());
    for window in [1, 5, 100, 1 << 20] {
        let s = streamed(&input, Format::Jsonl, window, 7, 2);
        same(&s, &whole, &format!("jsonl, window {window}"));
    }
}

#[test]
fn a_read_that_fails_is_reported_and_the_rows_before_it_are_kept() {
    struct Breaks<'a>(&'a [u8]);
    impl Read for Breaks<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0.is_empty() {
                return Err(std::io::Error::other("the disk went away"));
            }
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let input = example("enquiries.csv");
    let cut = input.len() / 2;
    let job = Job::from_reader(Breaks(&input[..cut]), Format::Csv, options(), input.len())
        .unwrap()
        .read_size(256);
    let s = job.run();
    assert!(s.counts.screened > 3, "{:?}", s.counts);
    let last = s.errors.last().unwrap().to_string();
    assert!(
        last.contains("could not be read to the end (the disk went away)"),
        "{last}"
    );
}

/// A bigger file: the example's rows many times over, with fresh references.
fn big(times: usize) -> String {
    let csv = String::from_utf8(example("enquiries.csv")).unwrap();
    let mut lines = csv.lines();
    let head = lines.next().unwrap();
    let body: Vec<&str> = lines.collect();
    let mut out = format!("{head}\n");
    for i in 0..times {
        for line in &body {
            out.push_str(&line.replacen("ENQ-", &format!("ENQ-{i}-"), 1));
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_command_line_streams_the_same_triage_in_every_order_and_with_any_threads() {
    let input = big(30);
    for (args, opts) in [
        (vec![], options()),
        (
            vec!["--sort", "deadline"],
            with(|o| o.sort = SortKey::Deadline),
        ),
        (
            vec!["--only", "refund", "--sort", "council", "--descending"],
            with(|o: &mut Options| {
                o.only = vec![vec!["refund".parse().unwrap()]];
                o.sort = SortKey::Council;
                o.descending = true;
            }),
        ),
    ] {
        let whole = screen_csv(&input, &opts);
        for threads in ["1", "2"] {
            let mut all = vec![
                "-",
                "--as-at",
                screening::AS_AT,
                "--no-bom",
                "--threads",
                threads,
            ];
            all.extend(args.iter().copied());
            let r = run(&all, &input);
            assert_eq!(r.code, 0, "{}", r.stderr);
            assert_eq!(r.stdout, to_csv(&whole.rows), "{args:?}, {threads} threads");
            let wrote = format!("wrote {} rows to standard output", whole.rows.len());
            assert!(r.stderr.contains(&wrote), "{}", r.stderr);
        }
    }
}

#[test]
fn the_command_line_writes_the_heading_row_when_no_row_is_kept() {
    let r = run(
        &[
            "-",
            "--as-at",
            screening::AS_AT,
            "--no-bom",
            "--only",
            "ended",
        ],
        "reference,as_at,Fee earner\nA,2026-01-01,JB\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let heading = r.stdout.lines().next().unwrap();
    assert!(heading.starts_with("row,reference,as_at,"), "{heading}");
    assert!(heading.ends_with(",law_date,Fee earner"), "{heading}");
    assert_eq!(r.stdout.lines().count(), 1);
}

#[test]
fn the_command_line_writes_the_same_diary_file_as_it_streams() {
    let input = big(12);
    let whole = screen_csv(&input, &options());
    let ics = std::env::temp_dir().join(format!("s117-stream-{}.ics", std::process::id()));
    let r = run(
        &[
            "-",
            "--as-at",
            screening::AS_AT,
            "--calendar",
            ics.to_str().unwrap(),
            "--threads",
            "2",
        ],
        &input,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let written = std::fs::read_to_string(&ics).unwrap();
    let _ = std::fs::remove_file(&ics);
    assert_eq!(
        written,
        s117::screen::to_ics(&whole.rows, screening::AS_AT.parse().unwrap())
    );
    assert!(written.matches("BEGIN:VEVENT").count() >= 12 * 10);
}

/// `rows` screenable rows whose two council cells are written short ("Lancs CC" …, four names in turn): each row
/// has two warnings, one per column (issue #11: a file of a million such rows must not keep a million warnings).
fn loose(rows: usize) -> String {
    let mut out = format!("{HEAD},lives_now_council\n");
    for i in 0..rows {
        let name = ["Lancs CC", "Notts CC", "LB Sutton", "BANES"][i % 4];
        out.push_str(&format!(
            "L-{i},2026-11-23,3,2024-02-12,2024-06-03,discharged,{name},,,,{name}\n"
        ));
    }
    out
}

#[test]
fn warnings_about_single_rows_are_listed_up_to_a_cap_and_the_rest_counted_by_what_they_say() {
    use s117::screen::LISTED_WARNINGS;
    let input = loose(5_000);
    // Stepped as the browser's worker steps it, keeping every warning a step gives (as `worker.js` does).
    let mut job = Job::new(input.as_bytes(), Format::Csv, options());
    let mut given = Vec::new();
    loop {
        let step = job.step(1000);
        given.extend(step.warnings.iter().cloned());
        let done = step.done;
        job.take_rows();
        if done {
            break;
        }
    }
    let s = job.finish();
    assert_eq!(s.counts.screened, 5_000);
    assert_eq!(given, s.warnings, "the steps give every warning kept, once");
    // The first 200 are listed with their rows: rows 2 to 101, two each, in file order.
    let listed: Vec<&str> = s
        .warnings
        .iter()
        .filter(|w| w.row.is_some())
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(listed.len(), LISTED_WARNINGS);
    assert_eq!(s.warnings[0].row, Some(2));
    assert_eq!(s.warnings[LISTED_WARNINGS - 1].row, Some(101));
    // The other 9,800 are counted by what they say: each column and name, in the 1,225 rows after the 25 listed.
    assert_eq!(s.unlisted_warnings, 9_800);
    let rest: Vec<String> = s.warnings[LISTED_WARNINGS..]
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut expected = Vec::new();
    for (name, read_as) in [
        ("Lancs CC", "Lancashire County Council"),
        ("Notts CC", "Nottinghamshire County Council"),
        ("LB Sutton", "London Borough of Sutton"),
        ("BANES", "Bath and North East Somerset Council"),
    ] {
        for column in ["d1_council", "lives_now_council"] {
            expected.push(format!(
                "1,225 more rows: {column}: read \u{201c}{name}\u{201d} as {read_as}: check this is right"
            ));
        }
    }
    let mut counted = rest[..rest.len() - 1].to_vec();
    counted.sort();
    expected.sort();
    assert_eq!(counted, expected);
    assert_eq!(
        rest.last().unwrap(),
        "9,800 more warnings about single rows are not listed one by one, to keep this list short (the first 200 \
         are, with their rows). The lines above that begin with a number of more rows count them by what they say: \
         the column, the value as written and how it was read. To find those rows, filter your file on that column \
         for that value; every one of them is in the triage, screened with its cells read as the warning says."
    );
    // Streamed through a small window, the same warnings.
    let streamed = streamed(input.as_bytes(), Format::Csv, 4096, 4096, 300);
    assert_eq!(streamed.warnings, s.warnings);
    assert_eq!(streamed.unlisted_warnings, 9_800);
    // The command line prints the same, and no more.
    let r = run(&["-", "--as-at", AS_AT], &input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let printed: Vec<&str> = r
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("warning: "))
        .collect();
    assert_eq!(printed.len(), LISTED_WARNINGS + 9);
    assert!(printed[LISTED_WARNINGS + 8].starts_with("9,800 more warnings"));

    // Warnings that each say something different (5,000 references each given twice) are counted one by one up to
    // a limit, and the rest together: memory stays bounded whatever the file.
    let mut twice = format!("{HEAD}\n");
    for i in 0..5_000 {
        for _ in 0..2 {
            twice.push_str(&format!(
                "R-{i},2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,,,\n"
            ));
        }
    }
    let s = screen_csv(&twice, &options());
    assert_eq!(s.unlisted_warnings, 5_000 - 200);
    assert_eq!(s.warnings.len(), 200 + 1_000 + 2);
    assert_eq!(
        s.warnings[200].to_string(),
        "1 more row: reference R-200 is also on row 402"
    );
    assert_eq!(
        s.warnings[1_200].to_string(),
        "3,800 more warnings, each saying something different from those above, are only counted here"
    );
}
