//! `s117 screen`: the command line for batch screening.
//!
//! Reads a CSV file (or JSON Lines), writes the triage CSV (or JSON Lines) to standard output or a file, prints
//! each problem and a summary of the counts to standard error, and optionally writes the problems as CSV.
//!
//! Exit codes: 0 when at least one row was screened (even if others had errors or the filters kept none); 2 when
//! no row could be screened, or the arguments are wrong; 1 when a file could not be read or written.

use s117::screen::{
    errors_to_csv, template_csv, to_csv, to_jsonl, Format, Job, Only, Options, SortKey,
};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;

/// The help text.
const USAGE: &str = "\
s117 screen: triage many enquiries at once (a screening tool, not legal advice)

Usage:
  s117 screen [OPTIONS] FILE      FILE is .csv (or .jsonl / .ndjson for JSON Lines of Cases); - reads standard input
  s117 screen --template          print a blank CSV with every column heading (3 stays, 2 charges)

Options:
  -o, --output FILE           write the triage here instead of standard output
      --format csv|jsonl      the triage as CSV (default) or JSON Lines
      --input-format csv|jsonl
                              how to read FILE (default: from its extension; CSV for standard input)
      --as-at YYYY-MM-DD      the date of the check for rows that have no as_at
      --only WHAT[,WHAT...]   keep only rows with WHAT: refund, deadline, uncertain, warning, or an entitlement
                              (entitled, entitled_on_leaving_hospital, undetermined, ended, not_entitled,
                              out_of_scope). Commas mean any of them; repeat --only to require all.
      --deadline-within DAYS  keep only rows with a deadline from the as-at date to DAYS days after it
      --sort KEY              row (input order, default), deadline (soonest first), reference, entitlement,
                              refund-since (longest charged first), council, nhs-body, limitation, uncertain
      --descending            largest first (rows without the value stay last; ties keep input order)
      --errors FILE           also write every problem as CSV (row, cell, column, reference, message)
      --no-bom                leave out the byte-order mark that tells Excel the CSV is UTF-8
  -q, --quiet                 no summary or warnings on standard error (problems are still listed)
  -h, --help

The CSV layout is documented in docs/screening.md. Problems are listed on standard error as
  row 7, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD, ...)
and every other row is screened. Exit code 0 if any row was screened, 2 if none (or bad arguments),
1 if a file could not be read or written.
";

/// How many problems are printed on standard error before the rest are only counted.
const MAX_PRINTED: usize = 1000;

#[derive(Debug, Default)]
struct Args {
    file: Option<String>,
    output: Option<String>,
    errors: Option<String>,
    jsonl_out: bool,
    input_format: Option<Format>,
    options: Options,
    bom: bool,
    quiet: bool,
    help: bool,
    template: bool,
}

fn parse(args: Vec<OsString>) -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut a = Args {
        bom: true,
        ..Args::default()
    };
    let text = |v: Result<OsString, lexopt::Error>| -> Result<String, String> {
        v.map_err(|e| e.to_string())?
            .into_string()
            .map_err(|v| format!("{v:?} is not valid text"))
    };
    let format = |s: String, flag: &str| match s.as_str() {
        "csv" => Ok(Format::Csv),
        "jsonl" | "ndjson" | "json" => Ok(Format::Jsonl),
        _ => Err(format!("{flag} takes csv or jsonl, not {s:?}")),
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => a.help = true,
            Short('q') | Long("quiet") => a.quiet = true,
            Long("template") => a.template = true,
            Long("no-bom") => a.bom = false,
            Short('o') | Long("output") => a.output = Some(text(parser.value())?),
            Long("errors") => a.errors = Some(text(parser.value())?),
            Long("format") => {
                a.jsonl_out = format(text(parser.value())?, "--format")? == Format::Jsonl
            }
            Long("input-format") => {
                a.input_format = Some(format(text(parser.value())?, "--input-format")?)
            }
            Long("as-at") => {
                let v = text(parser.value())?;
                a.options.as_at =
                    Some(s117::screen::parse_date(&v).map_err(|m| format!("--as-at: {m}"))?);
            }
            Long("only") => {
                let v = text(parser.value())?;
                let group = v
                    .split(',')
                    .filter(|s| !s.trim().is_empty())
                    .map(str::parse::<Only>)
                    .collect::<Result<Vec<_>, _>>()?;
                a.options.only.push(group);
            }
            Long("deadline-within") => {
                let v = text(parser.value())?;
                a.options.deadline_within = Some(v.trim().parse().map_err(|_| {
                    format!("--deadline-within takes a whole number of days, not {v:?}")
                })?);
            }
            Long("sort") => a.options.sort = text(parser.value())?.parse::<SortKey>()?,
            Long("descending") => a.options.descending = true,
            Value(v) if a.file.is_none() => a.file = Some(text(Ok(v))?),
            Value(v) => return Err(format!("unexpected argument {v:?} (one FILE only)")),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    Ok(a)
}

/// Runs `s117 screen` with the arguments after `screen`, on the real standard streams.
pub(crate) fn run_cli(args: Vec<OsString>) -> ExitCode {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = run(
        args,
        &mut stdin.lock(),
        &mut stdout.lock(),
        &mut stderr.lock(),
    );
    ExitCode::from(code)
}

/// Runs `s117 screen` with the arguments after `screen`, on the streams given; returns the exit code.
fn run(
    args: Vec<OsString>,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let a = match parse(args) {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(stderr, "s117 screen: {e}\n\n{USAGE}");
            return 2;
        }
    };
    if a.help {
        let _ = write!(stdout, "{USAGE}");
        return 0;
    }
    if a.template {
        let bom = if a.bom { "\u{feff}" } else { "" };
        let _ = write!(stdout, "{bom}{}", template_csv(3, 2));
        return 0;
    }
    let Some(file) = a.file else {
        let _ = writeln!(
            stderr,
            "s117 screen: give the FILE to screen (or - for standard input)\n\n{USAGE}"
        );
        return 2;
    };
    let mut input = Vec::new();
    let read = if file == "-" {
        stdin.read_to_end(&mut input).map(|_| ())
    } else {
        std::fs::File::open(&file).and_then(|mut f| f.read_to_end(&mut input).map(|_| ()))
    };
    if let Err(e) = read {
        let _ = writeln!(stderr, "s117 screen: could not read {file}: {e}");
        return 1;
    }
    let format = a.input_format.unwrap_or_else(|| {
        let lower = file.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            Format::Jsonl
        } else {
            Format::Csv
        }
    });
    let screened = Job::new(input, format, a.options).run();

    let shown = screened.errors.len().min(MAX_PRINTED);
    for e in &screened.errors[..shown] {
        let _ = writeln!(stderr, "{e}");
    }
    if screened.errors.len() > shown {
        let _ = writeln!(
            stderr,
            "… and {} more problems{}",
            screened.errors.len() - shown,
            if a.errors.is_some() {
                " (all are in the errors file)"
            } else {
                " (write them all with --errors FILE)"
            }
        );
    }
    if !a.quiet {
        for w in &screened.warnings {
            let _ = writeln!(stderr, "warning: {w}");
        }
    }

    let body = if a.jsonl_out {
        to_jsonl(&screened.rows)
    } else if a.bom {
        format!("\u{feff}{}", to_csv(&screened.rows))
    } else {
        to_csv(&screened.rows)
    };
    let written = match &a.output {
        None => stdout
            .write_all(body.as_bytes())
            .and_then(|()| stdout.flush()),
        Some(path) => std::fs::write(path, body.as_bytes()),
    };
    if let Err(e) = written {
        let _ = writeln!(
            stderr,
            "s117 screen: could not write {}: {e}",
            a.output.as_deref().unwrap_or("the output")
        );
        return 1;
    }
    if let Some(path) = &a.errors {
        let bom = if a.bom { "\u{feff}" } else { "" };
        if let Err(e) = std::fs::write(path, format!("{bom}{}", errors_to_csv(&screened.errors))) {
            let _ = writeln!(stderr, "s117 screen: could not write {path}: {e}");
            return 1;
        }
    }
    let c = &screened.counts;
    if !a.quiet {
        let to = a.output.as_deref().unwrap_or("standard output");
        let _ = writeln!(stderr, "s117 screen: {c}; wrote {} rows to {to}", c.shown);
    }
    if c.screened > 0 {
        0
    } else {
        if !a.quiet {
            let _ = writeln!(stderr, "s117 screen: no row could be screened");
        }
        2
    }
}
