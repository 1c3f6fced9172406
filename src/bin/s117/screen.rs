//! `s117 screen`: the command line for batch screening.
//!
//! Reads a CSV file (or JSON Lines), writes the triage CSV (or JSON Lines) to standard output or a file, prints
//! each problem and a summary of the counts to standard error, and optionally writes the problems as CSV.
//!
//! Exit codes: 0 when at least one row was screened (even if others had errors or the filters kept none); 2 when
//! no row could be screened, or the arguments are wrong; 1 when a file could not be read or written.

use s117::messages;
use s117::screen::{
    columns, errors_to_csv, template_csv, to_csv, to_ics, to_jsonl, Format, Job, Only, Options,
    SortKey,
};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;

/// The help text.
fn usage() -> &'static str {
    messages::text("screen.cli.usage")
}

/// How many problems are printed on standard error before the rest are only counted.
const MAX_PRINTED: usize = 1000;

#[derive(Debug, Default)]
struct Args {
    file: Option<String>,
    output: Option<String>,
    errors: Option<String>,
    calendar: Option<String>,
    jsonl_out: bool,
    input_format: Option<Format>,
    options: Options,
    bom: bool,
    quiet: bool,
    help: bool,
    template: bool,
    columns: bool,
    /// `--suggest-profile`, `--profile FILE`: the firm's mapping profile.
    suggest_profile: bool,
    profile: Option<String>,
}

fn parse(args: Vec<OsString>) -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut a = Args {
        bom: true,
        ..Args::default()
    };
    let text = |v: Result<OsString, lexopt::Error>| -> Result<String, String> {
        v.map_err(|e| e.to_string())?.into_string().map_err(|v| {
            let value = format!("{v:?}");
            messages::fill("screen.cli.not_text", &[("value", &value)])
        })
    };
    let format = |s: String, flag: &str| match s.as_str() {
        "csv" => Ok(Format::Csv),
        "jsonl" | "ndjson" | "json" => Ok(Format::Jsonl),
        _ => {
            let value = format!("{s:?}");
            let values = [("flag", flag), ("value", value.as_str())];
            Err(messages::fill("screen.cli.format", &values))
        }
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => a.help = true,
            Short('q') | Long("quiet") => a.quiet = true,
            Long("template") => a.template = true,
            Long("columns") => a.columns = true,
            Long("no-bom") => a.bom = false,
            Short('o') | Long("output") => a.output = Some(text(parser.value())?),
            Long("errors") => a.errors = Some(text(parser.value())?),
            Long("calendar") => a.calendar = Some(text(parser.value())?),
            Long("suggest-profile") => a.suggest_profile = true,
            Long("profile") => a.profile = Some(text(parser.value())?),
            Long("format") => {
                a.jsonl_out = format(text(parser.value())?, "--format")? == Format::Jsonl
            }
            Long("input-format") => {
                a.input_format = Some(format(text(parser.value())?, "--input-format")?)
            }
            Long("as-at") => {
                let v = text(parser.value())?;
                let date = s117::screen::parse_date(&v)
                    .map_err(|m| messages::fill("screen.cli.as_at", &[("message", &m)]))?;
                a.options.as_at = Some(date);
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
                    let value = format!("{v:?}");
                    messages::fill("screen.cli.deadline_within", &[("value", &value)])
                })?);
            }
            Long("sort") => a.options.sort = text(parser.value())?.parse::<SortKey>()?,
            Long("descending") => a.options.descending = true,
            Value(v) if a.file.is_none() => a.file = Some(text(Ok(v))?),
            Value(v) => {
                let value = format!("{v:?}");
                let values = [("value", value.as_str())];
                return Err(messages::fill("screen.cli.unexpected", &values));
            }
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

/// Writes one of `s117 screen`'s own messages to `stderr`, prefixed with the command's name.
fn say(stderr: &mut dyn Write, message: &str) {
    let _ = writeln!(
        stderr,
        "{}",
        messages::fill("screen.cli.prefixed", &[("message", message)])
    );
}

/// Runs `s117 screen` with the arguments after `screen`, on the streams given; returns the exit code.
fn run(
    args: Vec<OsString>,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let mut a = match parse(args) {
        Ok(a) => a,
        Err(e) => {
            let e = messages::fill("screen.cli.prefixed", &[("message", &e)]);
            let _ = writeln!(stderr, "{e}\n\n{}", usage());
            return 2;
        }
    };
    if a.help {
        let _ = write!(stdout, "{}", usage());
        return 0;
    }
    if a.template {
        let bom = if a.bom { "\u{feff}" } else { "" };
        let _ = write!(stdout, "{bom}{}", template_csv(3, 2));
        return 0;
    }
    if a.columns {
        for c in columns() {
            let hint = c.hint.map(|h| format!(" \u{2014} {h}")).unwrap_or_default();
            let _ = writeln!(stdout, "{:<26}{}{hint}", c.heading, c.label);
        }
        return 0;
    }
    let Some(file) = a.file else {
        let give = messages::text("screen.cli.give_file");
        let e = messages::fill("screen.cli.prefixed", &[("message", give)]);
        let _ = writeln!(stderr, "{e}\n\n{}", usage());
        return 2;
    };
    let mut input = Vec::new();
    let read = if file == "-" {
        stdin.read_to_end(&mut input).map(|_| ())
    } else {
        std::fs::File::open(&file).and_then(|mut f| f.read_to_end(&mut input).map(|_| ()))
    };
    if let Err(e) = read {
        let error = e.to_string();
        let values = [("file", file.as_str()), ("error", error.as_str())];
        let e = messages::fill("screen.cli.could_not_read", &values);
        say(stderr, &e);
        return 1;
    }
    // The firm's mapping profile: printed (--suggest-profile), or read and applied exactly (--profile).
    if a.suggest_profile {
        let text = match s117::screen::suggest_profile(&input[..]) {
            Ok(text) => text,
            Err(e) => {
                say(stderr, &e);
                return 2;
            }
        };
        let written = match &a.output {
            None => stdout.write_all(text.as_bytes()),
            Some(path) => std::fs::write(path, text.as_bytes()),
        };
        return match written {
            Ok(()) => 0,
            Err(e) => {
                let (file, error) = (a.output.as_deref().unwrap_or_default(), e.to_string());
                let values = [("file", file), ("error", error.as_str())];
                say(
                    stderr,
                    &messages::fill("screen.cli.could_not_write", &values),
                );
                1
            }
        };
    }
    if let Some(path) = &a.profile {
        let profile = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| text.parse::<s117::screen::Profile>());
        match profile {
            Ok(p) => a.options.profile = Some(std::sync::Arc::new(p)),
            Err(message) => {
                let values = [("file", path.as_str()), ("message", message.as_str())];
                say(stderr, &messages::fill("screen.cli.profile", &values));
                return 2;
            }
        }
    }
    let format = a.input_format.unwrap_or_else(|| {
        let lower = file.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            Format::Jsonl
        } else {
            Format::Csv
        }
    });
    // The command line may read the clock (the core never does): without --as-at, rows without their own date of
    // the check are screened as at today, and the summary says so.
    let mut options = a.options;
    let options_as_at = options.as_at;
    let as_at_today = options.as_at.is_none().then(today);
    if options.as_at.is_none() {
        options.as_at = as_at_today;
    }
    let screened = Job::new(input, format, options).run();

    let shown = screened.errors.len().min(MAX_PRINTED);
    for e in &screened.errors[..shown] {
        let _ = writeln!(stderr, "{e}");
    }
    if screened.errors.len() > shown {
        let count = (screened.errors.len() - shown).to_string();
        let place = if a.errors.is_some() {
            messages::text("screen.cli.more_problems.in_file")
        } else {
            messages::text("screen.cli.more_problems.write_them")
        };
        let values = [("count", count.as_str()), ("where", place)];
        let _ = writeln!(
            stderr,
            "{}",
            messages::fill("screen.cli.more_problems", &values)
        );
    }
    if !a.quiet {
        for w in &screened.warnings {
            let w = w.to_string();
            let _ = writeln!(
                stderr,
                "{}",
                messages::fill("screen.cli.warning", &[("warning", &w)])
            );
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
        let output = a.output.as_deref();
        let file = output.unwrap_or_else(|| messages::text("screen.cli.the_output"));
        let error = e.to_string();
        let values = [("file", file), ("error", error.as_str())];
        let e = messages::fill("screen.cli.could_not_write", &values);
        say(stderr, &e);
        return 1;
    }
    if let Some(path) = &a.errors {
        let bom = if a.bom { "\u{feff}" } else { "" };
        if let Err(e) = std::fs::write(path, format!("{bom}{}", errors_to_csv(&screened.errors))) {
            let error = e.to_string();
            let values = [("file", path.as_str()), ("error", error.as_str())];
            let e = messages::fill("screen.cli.could_not_write", &values);
            say(stderr, &e);
            return 1;
        }
    }
    if let Some(path) = &a.calendar {
        // Stamped with the date of the check (the option's, or today's), so the same input gives the same file.
        let stamp = options_as_at.or(as_at_today).unwrap_or_else(today);
        if let Err(e) = std::fs::write(path, to_ics(&screened.rows, stamp)) {
            let error = e.to_string();
            let values = [("file", path.as_str()), ("error", error.as_str())];
            let e = messages::fill("screen.cli.could_not_write", &values);
            say(stderr, &e);
            return 1;
        }
    }
    let c = &screened.counts;
    if !a.quiet {
        let output = a.output.as_deref();
        let to = output.unwrap_or_else(|| messages::text("screen.cli.standard_output"));
        let (counts, shown) = (c.to_string(), c.shown.to_string());
        let values = [
            ("counts", counts.as_str()),
            ("shown", shown.as_str()),
            ("to", to),
        ];
        let summary = messages::fill("screen.cli.summary", &values);
        say(stderr, &summary);
        if let Some(today) = as_at_today {
            let today = today.long();
            say(
                stderr,
                &messages::fill("screen.cli.as_at_today", &[("date", &today)]),
            );
        }
    }
    if c.screened > 0 {
        0
    } else {
        if !a.quiet {
            let none = messages::text("screen.cli.none_screened");
            say(stderr, none);
        }
        2
    }
}

/// Today's date from this computer's clock: the date in UTC, which is the date in the United Kingdom except in the
/// hour after midnight during British Summer Time.
fn today() -> s117::date::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    s117::date::Date::exact(epoch + chrono::Duration::days(days))
}
