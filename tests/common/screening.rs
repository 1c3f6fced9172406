//! The screen's test helpers, shared by `tests/screen*.rs` (each test binary includes this file with `#[path]`): the
//! date of the check, the example files, screening a small CSV, finding a row, reading flags and deadlines as the CSV
//! writes them, and running `s117 screen`. Not every test binary uses every helper, hence `dead_code` is allowed here.
#![allow(dead_code)]

use s117::screen::{screen_csv, Options, Row, RowError, Screened};
use std::path::Path;

pub const AS_AT: &str = "2026-11-23";

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn example(name: &str) -> Vec<u8> {
    std::fs::read(root().join("examples").join(name)).unwrap()
}

pub fn options() -> Options {
    Options {
        as_at: AS_AT.parse().ok(),
        ..Options::default()
    }
}

pub fn row<'a>(s: &'a Screened, reference: &str) -> &'a Row {
    s.rows
        .iter()
        .find(|r| r.reference == reference)
        .unwrap_or_else(|| panic!("{reference} was not screened: {:#?}", s.errors))
}

pub fn errors(s: &Screened) -> Vec<String> {
    s.errors.iter().map(RowError::to_string).collect()
}

/// Screens a small CSV made of a heading line and rows, with the default date of the check.
pub fn screen(lines: &[&str]) -> Screened {
    screen_csv(lines.join("\n"), &options())
}

pub const HEAD: &str = "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,c1_what,c1_since,c1_until";
pub const GOOD: &str =
    "A,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,";

pub fn flag(id: s117::decision::FlagId) -> String {
    serde_json::to_value(id)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// A row's deadlines as its CSV cell writes them.
pub fn deadlines(r: &Row) -> Vec<String> {
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

pub fn flags(ids: &[s117::decision::FlagId]) -> Vec<String> {
    ids.iter().map(|&id| flag(id)).collect()
}

pub fn refs(s: &Screened) -> Vec<&str> {
    s.rows.iter().map(|r| r.reference.as_str()).collect()
}

pub fn sample(options: Options) -> Screened {
    screen_csv(example("enquiries.csv"), &options)
}

pub fn with(f: impl FnOnce(&mut Options)) -> Options {
    let mut o = options();
    f(&mut o);
    o
}

pub struct Ran {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `s117 screen ARGS` (the binary, `src/bin/s117/screen.rs`) with `stdin` as its standard input.
pub fn run(args: &[&str], stdin: &str) -> Ran {
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
