//! Batch screening as chunked jobs, as the browser's Web Worker runs them: small steps, threads and JSON Lines all
//! give the same result as one run.
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::{screen_csv, screen_jsonl, to_csv, Format, Job, View};
use screening::{example, options};

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

/// `examples/enquiries.csv` with its 22 rows repeated `times` times under its heading row.
fn example_repeated(times: usize) -> String {
    let csv = String::from_utf8(example("enquiries.csv")).unwrap();
    let body: String = csv.lines().skip(1).collect::<Vec<_>>().join("\n");
    format!(
        "{}\n{}",
        csv.lines().next().unwrap(),
        vec![body; times].join("\n")
    )
}

/// A CSV job run to the end on `threads` threads.
fn run_on(csv: &str, threads: usize) -> s117::screen::Screened {
    Job::new(csv.as_bytes(), Format::Csv, options())
        .threads(threads)
        .run()
}

#[test]
fn threads_do_not_change_the_result() {
    // Enough rows for the work to be shared between threads.
    let big = example_repeated(40);
    let (one, four) = (run_on(&big, 1), run_on(&big, 4));
    assert_eq!(one.counts.rows, 22 * 40);
    assert_eq!(one, four);
}

#[test]
fn rows_decided_while_the_next_step_is_read_come_out_as_in_one_run() {
    // Natively, each step's rows are decided on their own threads while the next step's are read, and come out a
    // step later: in steps big enough for that, rows, problems and warnings (repeated references) are as one run.
    let big = example_repeated(60);
    let whole = run_on(&big, 1);
    let mut job = Job::new(big.as_bytes(), Format::Csv, options()).threads(2);
    let (mut rows, mut errors, mut warnings, mut steps) = (Vec::new(), Vec::new(), Vec::new(), 0);
    while {
        let step = job.step(300);
        steps += 1;
        rows.extend(step.rows.iter().cloned());
        errors.extend(step.errors.iter().cloned());
        warnings.extend(step.warnings.iter().cloned());
        !step.done
    } {}
    assert_eq!(whole.counts.rows, 22 * 60);
    assert!(steps >= 5, "{steps} steps");
    assert!(!whole.warnings.is_empty());
    assert_eq!(rows, whole.rows);
    assert_eq!(errors, whole.errors);
    assert_eq!(warnings, whole.warnings);
    assert_eq!(job.finish().counts, whole.counts);
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
