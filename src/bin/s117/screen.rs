//! `s117 screen`: the command line for batch screening.
//!
//! Reads a CSV file (or JSON Lines), writes the triage CSV (or JSON Lines) to standard output or a file, prints
//! each problem and a summary of the counts to standard error, and optionally writes the problems as CSV.
//!
//! Exit codes: 0 when at least one row was screened (even if others had errors or the filters kept none); 2 when
//! no row could be screened, or the arguments are wrong; 1 when a file could not be read or written.

use s117::messages;
use s117::screen::{
    columns, errors_to_csv, is_letter_due, is_letter_written, template_csv, BulkLetter, Calendar,
    CsvRows, Firm, Format, Job, Only, Options, Row, SortKey,
};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;

/// The help text.
fn usage() -> String {
    format!(
        "{}\n{}",
        messages::text("screen.cli.usage"),
        messages::text("screen.cli.usage.more")
    )
}

/// How many rows are read, decided and written at a time: enough to share between threads, few enough that
/// memory stays small.
const BATCH: usize = 4_096;

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
    /// Letters in bulk, the firm's letterhead, and threads (`--letters`, `--firm`, `--firm-*`, `--threads`).
    letters: Option<String>,
    firm: Firm,
    firm_file: Option<String>,
    threads: usize,
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
            // Letters in bulk, the firm's letterhead, and threads.
            Long("letters") => a.letters = Some(text(parser.value())?),
            Long("firm") => a.firm_file = Some(text(parser.value())?),
            Long("firm-name") => a.firm.name = Some(text(parser.value())?),
            Long("firm-address") => a.firm.address = Some(text(parser.value())?),
            Long("firm-phone") => a.firm.phone = Some(text(parser.value())?),
            Long("firm-email") => a.firm.email = Some(text(parser.value())?),
            Long("firm-reference") => a.firm.reference_prefix = Some(text(parser.value())?),
            Long("threads") => {
                let v = text(parser.value())?;
                a.threads = v.trim().parse().map_err(|_| {
                    let value = format!("{v:?}");
                    messages::fill("screen.cli.threads", &[("value", &value)])
                })?;
            }
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
    let stderr = std::io::stderr();
    // Standard output unlocked: the triage is written from its own thread (in large pieces).
    let code = run(
        args,
        &mut stdin.lock(),
        &mut std::io::stdout(),
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
    stdout: &mut (dyn Write + Send),
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
    let (reader, size): (Box<dyn Read + '_>, usize) = if file == "-" {
        (Box::new(stdin), 0)
    } else {
        match std::fs::File::open(&file) {
            Ok(f) => {
                let size = f.metadata().map_or(0, |m| m.len());
                (Box::new(f), usize::try_from(size).unwrap_or(0))
            }
            Err(e) => return could_not_read(stderr, &file, &e),
        }
    };
    // The firm's mapping profile: printed (--suggest-profile), or read and applied exactly (--profile).
    if a.suggest_profile {
        let text = match s117::screen::suggest_profile(reader) {
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
    let as_at_today = options.as_at.is_none().then(today);
    if options.as_at.is_none() {
        options.as_at = as_at_today;
    }
    let check_date = options.as_at.unwrap_or_else(today);
    let view = options.view();
    // Only an order other than the input's needs every row before the first is written.
    let hold = options.sort != SortKey::Row;
    let mut job = match Job::from_reader(reader, format, options, size) {
        Ok(job) => job.threads(a.threads),
        Err(e) => return could_not_read(stderr, &file, &e),
    };
    // A profile that lists a heading the file does not have is refused at once: before any row is screened, any
    // problem printed or any file written.
    if let Some(path) = &a.profile {
        if let Err(message) = job.check_profile() {
            let values = [("file", path.as_str()), ("message", message.as_str())];
            say(stderr, &messages::fill("screen.cli.profile", &values));
            return 2;
        }
    }
    let mut letters = None;
    if let Some(dir) = &a.letters {
        let firm = match read_firm(a.firm_file.as_deref(), a.firm, check_date) {
            Ok(firm) => firm,
            Err(e) => {
                say(stderr, &e);
                return 2;
            }
        };
        let path = std::path::PathBuf::from(dir);
        if path.is_file() {
            say(
                stderr,
                &messages::fill("screen.cli.letters_need_dir", &[("dir", dir)]),
            );
            return 2;
        }
        if let Err(e) = std::fs::create_dir_all(&path) {
            return could_not_write(stderr, dir, &e);
        }
        job = job.letters(firm);
        letters = Some(Letters {
            dir: path,
            names: std::collections::HashSet::new(),
            written: 0,
            before_claim: 0,
            held_back: 0,
        });
    }

    // The triage, the diary and the letters are written as the rows are screened, a batch at a time.
    let mut file_out;
    let out: &mut (dyn Write + Send) = match &a.output {
        None => stdout,
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => {
                file_out = std::io::BufWriter::with_capacity(1 << 16, f);
                &mut file_out
            }
            Err(e) => return could_not_write(stderr, path, &e),
        },
    };
    let output_name = a
        .output
        .clone()
        .unwrap_or_else(|| messages::text("screen.cli.the_output").to_owned());
    let mut triage = Triage::new(out, a.jsonl_out, a.bom, a.threads);
    let mut calendar = match &a.calendar {
        None => None,
        Some(path) => match std::fs::File::create(path) {
            // Stamped with the date of the check, so the same input gives the same file.
            Ok(f) => Some((
                std::io::BufWriter::new(f),
                Calendar::new(check_date),
                path.clone(),
            )),
            Err(e) => return could_not_write(stderr, path, &e),
        },
    };
    let mut held: Vec<Row> = Vec::new();
    let mut shown: u32 = 0;
    // The triage is turned into lines and written on its own thread, a batch behind, while the next batch is read
    // and decided: writing a large triage takes the system a while, and the threads deciding rows need not wait.
    let (returned, triage_written) = std::thread::scope(|scope| {
        let (batches, received) = std::sync::mpsc::sync_channel::<Vec<Row>>(1);
        let writer = scope.spawn(move || {
            for batch in received {
                if let Err(e) = triage.write(&batch, render(&batch, a.jsonl_out, 1)) {
                    return (triage, Err(e));
                }
            }
            (triage, Ok(()))
        });
        let mut screen = || -> Result<(), u8> {
            loop {
                let done = job.step(BATCH).done;
                let rows = job.take_rows();
                let mut kept = std::collections::HashSet::new();
                let mut batch = Vec::with_capacity(rows.len());
                for row in rows {
                    if !view.keeps(&row) {
                        continue;
                    }
                    if let Some(l) = letters.as_mut() {
                        kept.insert(row.row);
                        l.held_back += u32::from(is_letter_due(&row) && !is_letter_written(&row));
                    }
                    if hold {
                        held.push(row);
                        continue;
                    }
                    shown += 1;
                    if let Some((_, c, _)) = calendar.as_mut() {
                        c.row(&row);
                    }
                    batch.push(row);
                }
                // The writer stops only on an error, which it gives back below.
                if !batch.is_empty() && batches.send(batch).is_err() {
                    return Ok(());
                }
                if let Some((f, c, path)) = calendar.as_mut() {
                    if let Err(e) = f.write_all(c.take().as_bytes()) {
                        return Err(could_not_write(stderr, path, &e));
                    }
                }
                if let Some(l) = letters.as_mut() {
                    for letter in job.take_letters() {
                        if kept.contains(&letter.row) {
                            if let Err((path, e)) = l.write(&letter) {
                                return Err(could_not_write(stderr, &path, &e));
                            }
                        }
                    }
                }
                if done {
                    return Ok(());
                }
            }
        };
        let screened = screen();
        drop(batches);
        let (triage, written) = writer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (screened.map(|()| triage), written)
    });
    let mut triage = match returned {
        Ok(triage) => triage,
        Err(code) => return code,
    };
    if let Err(e) = triage_written {
        return could_not_write(stderr, &output_name, &e);
    }
    if hold {
        held.sort_by(|x, y| view.compare(x, y));
        if let Some((_, c, _)) = calendar.as_mut() {
            for row in &held {
                c.row(row);
            }
        }
        if let Err(e) = triage.rows(&held) {
            return could_not_write(stderr, &output_name, &e);
        }
        shown = u32::try_from(held.len()).unwrap_or(u32::MAX);
        drop(held);
    }
    if let Err(e) = triage.finish(&job.carried_headings()) {
        return could_not_write(stderr, &output_name, &e);
    }
    if let Some((mut f, c, path)) = calendar {
        if let Err(e) = f.write_all(c.finish().as_bytes()).and_then(|()| f.flush()) {
            return could_not_write(stderr, &path, &e);
        }
    }
    let mut screened = job.finish();
    screened.counts.shown = shown;

    let printed = screened.errors.len().min(MAX_PRINTED);
    for e in &screened.errors[..printed] {
        let _ = writeln!(stderr, "{e}");
    }
    if screened.errors.len() > printed {
        let count = (screened.errors.len() - printed).to_string();
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
    if let Some(path) = &a.errors {
        let bom = if a.bom { "\u{feff}" } else { "" };
        if let Err(e) = std::fs::write(path, format!("{bom}{}", errors_to_csv(&screened.errors))) {
            return could_not_write(stderr, path, &e);
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
        if let (Some(l), Some(dir)) = (&letters, &a.letters) {
            let (count, before_claim) = (l.written.to_string(), l.before_claim.to_string());
            let values = [
                ("count", count.as_str()),
                ("dir", dir.as_str()),
                ("before_claim", before_claim.as_str()),
            ];
            say(
                stderr,
                &messages::fill("screen.cli.letters_written", &values),
            );
            if l.held_back > 0 {
                let count = l.held_back.to_string();
                say(
                    stderr,
                    &messages::fill("screen.cli.letters_held_back", &[("count", &count)]),
                );
            }
        }
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

/// Says that `file` could not be read; exit code 1.
fn could_not_read(stderr: &mut dyn Write, file: &str, e: &std::io::Error) -> u8 {
    let error = e.to_string();
    let values = [("file", file), ("error", error.as_str())];
    say(
        stderr,
        &messages::fill("screen.cli.could_not_read", &values),
    );
    1
}

/// Says that `file` could not be written; exit code 1.
fn could_not_write(stderr: &mut dyn Write, file: &str, e: &std::io::Error) -> u8 {
    let error = e.to_string();
    let values = [("file", file), ("error", error.as_str())];
    say(
        stderr,
        &messages::fill("screen.cli.could_not_write", &values),
    );
    1
}

/// The firm's letterhead: the `--firm` file's, with the `--firm-*` flags over it; the letters bear the date of
/// the check unless the file gives another.
fn read_firm(
    file: Option<&str>,
    flags: Firm,
    check_date: s117::date::Date,
) -> Result<Firm, String> {
    let mut firm = match file {
        None => Firm::default(),
        Some(path) => {
            let error = |e: String| {
                let values = [("file", path), ("error", e.as_str())];
                messages::fill("screen.cli.firm_file", &values)
            };
            let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
            serde_json::from_str::<Firm>(&text).map_err(|e| error(e.to_string()))?
        }
    };
    let Firm {
        name,
        address,
        phone,
        email,
        reference_prefix,
        ..
    } = flags;
    firm.name = name.or(firm.name);
    firm.address = address.or(firm.address);
    firm.phone = phone.or(firm.phone);
    firm.email = email.or(firm.email);
    firm.reference_prefix = reference_prefix.or(firm.reference_prefix);
    firm.date = firm.date.or(Some(check_date));
    Ok(firm)
}

/// The triage output, as CSV or JSON Lines, written a batch of rows at a time.
struct Triage<'a> {
    out: &'a mut (dyn Write + Send),
    jsonl: bool,
    /// The CSV heading row has been written.
    headed: bool,
    /// How many threads turn rows into lines (0: one per core).
    threads: usize,
}

impl<'a> Triage<'a> {
    fn new(out: &'a mut (dyn Write + Send), jsonl: bool, bom: bool, threads: usize) -> Triage<'a> {
        // The byte-order mark tells Excel the CSV is UTF-8; an error here comes back on the first write.
        if bom && !jsonl {
            let _ = out.write_all("\u{feff}".as_bytes());
        }
        Triage {
            out,
            jsonl,
            headed: false,
            threads,
        }
    }

    /// Writes rows, in order: turned into lines on several threads (for a large batch), then written out.
    fn rows(&mut self, rows: &[Row]) -> std::io::Result<()> {
        let lines = render(rows, self.jsonl, self.threads);
        self.write(rows, lines)
    }

    /// Writes rows already turned into lines ([`render`]), after the heading row if it is not written yet.
    fn write(&mut self, rows: &[Row], lines: Vec<std::io::Result<Vec<u8>>>) -> std::io::Result<()> {
        let Some(first) = rows.first() else {
            return Ok(());
        };
        if !self.jsonl && !self.headed {
            let carried: Vec<&str> = first.carried.iter().map(|c| &*c.heading).collect();
            self.headings(&carried)?;
        }
        for part in lines {
            self.out.write_all(&part?)?;
        }
        Ok(())
    }

    fn headings<S: AsRef<str>>(&mut self, carried: &[S]) -> std::io::Result<()> {
        let mut w = CsvRows::new(Vec::new());
        w.headings(carried)?;
        self.out.write_all(&w.finish()?)?;
        self.headed = true;
        Ok(())
    }

    /// Writes the heading row if no row came, and flushes.
    fn finish(mut self, carried: &[std::sync::Arc<str>]) -> std::io::Result<()> {
        if !self.jsonl && !self.headed {
            self.headings(carried)?;
        }
        self.out.flush()
    }
}

/// Rows below which they are turned into lines on one thread.
const RENDER_ALONE: usize = 512;

/// The rows as lines of the triage (CSV without the heading row, or JSON Lines), in order: a part of the rows per
/// thread.
fn render(rows: &[Row], jsonl: bool, threads: usize) -> Vec<std::io::Result<Vec<u8>>> {
    let lines = |part: &[Row]| -> std::io::Result<Vec<u8>> {
        if jsonl {
            let mut out = Vec::new();
            for row in part {
                serde_json::to_writer(&mut out, row)?;
                out.push(b'\n');
            }
            Ok(out)
        } else {
            // About 650 bytes a row: reserved at once rather than grown by copying.
            let mut w = CsvRows::after_headings(Vec::with_capacity(part.len() * 704));
            for row in part {
                w.row(row)?;
            }
            w.finish()
        }
    };
    let threads = s117::screen::thread_count(threads);
    if threads < 2 || rows.len() < RENDER_ALONE {
        return vec![lines(rows)];
    }
    std::thread::scope(|scope| {
        let parts: Vec<_> = rows
            .chunks(rows.len().div_ceil(threads))
            .map(|part| scope.spawn(move || lines(part)))
            .collect();
        parts
            .into_iter()
            .map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The folder letters are written to, and what has been written.
struct Letters {
    dir: std::path::PathBuf,
    /// The file names used, so that two rows with the same reference do not overwrite each other.
    names: std::collections::HashSet<String>,
    written: u32,
    before_claim: u32,
    /// Rows that need a letter but have a cell that could not be read: none is written until it is corrected.
    held_back: u32,
}

impl Letters {
    /// Writes one letter; a second with the same file name gets its row number added.
    fn write(&mut self, letter: &BulkLetter) -> Result<(), (String, std::io::Error)> {
        let mut name = letter.file_name.clone();
        if self.names.contains(&name) {
            let stem = name.trim_end_matches(".docx");
            name = format!("{stem}-row-{}.docx", letter.row);
        }
        let path = self.dir.join(&name);
        std::fs::write(&path, &letter.docx).map_err(|e| (path.display().to_string(), e))?;
        self.names.insert(name);
        self.written += 1;
        self.before_claim += u32::from(letter.tone == s117::letter::Tone::LetterBeforeClaim);
        Ok(())
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
