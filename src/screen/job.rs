//! Screening in steps: a [`Job`] reads a few thousand rows at a time, so that a caller (the browser's Web Worker)
//! can report progress between steps. [`screen_csv`](super::screen_csv) is one job run to the end.
//!
//! One reading and deciding core, two ways to feed it: [`Job::new`] holds the whole input in memory (the browser,
//! which has the file's bytes anyway, and tests); [`Job::from_reader`] reads it through a window of a few
//! megabytes, refilled as rows are read, so that the command line's memory does not grow with the file. Either
//! way the rows decided in a step can be taken away ([`Job::take_rows`]) and written out before the next step.
//! Natively a CSV file's rows are decided on their own threads while the next step's rows are read, so the one
//! thread that must read the file in order is never the one everything waits for.
//!
//! Row numbers are the ones a spreadsheet shows: the heading row is row 1 (or later, after blank lines), every
//! line break outside quotes starts a new row, blank lines count, and a cell with line breaks inside quotes is still
//! one row. The CSV reader (the `csv` crate) handles quotes, doubled quotes, commas and line breaks inside quotes,
//! and `\n`, `\r\n` or `\r` line ends.

use super::columns::{letter, Layout};
use super::read::{self, cell_name, CellNote, Record};
use super::triage::grouped;
use super::{
    jsonl, triage, Carried, Counts, Options, Row, RowError, Screened, Source, View, Warning,
};
use crate::case::Case;
use crate::messages;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::io::Read;

/// The kind of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// CSV with a heading row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl std::str::FromStr for Format {
    type Err = String;

    /// `csv`, or `jsonl` (also `ndjson`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            _ => {
                let value = format!("{s:?}");
                let values = [("value", value.as_str())];
                Err(messages::fill("screen.format.unknown", &values))
            }
        }
    }
}

/// What one step did: the rows and errors it added, and how far through the input the job is.
#[derive(Debug, Serialize)]
pub struct Step<'a> {
    /// The whole input has been read.
    pub done: bool,
    /// Bytes read so far.
    pub bytes_done: usize,
    /// Bytes in the input.
    pub bytes_total: usize,
    /// The rows screened in this step, in input order. Natively, a CSV file's rows come one step after they are
    /// read: they are decided on threads of their own while the next step's are read (the last step gives all the
    /// rest).
    pub rows: &'a [Row],
    /// The errors found in this step.
    pub errors: &'a [RowError],
    /// The warnings raised in this step.
    pub warnings: &'a [Warning],
    /// The counts so far.
    pub counts: &'a Counts,
}

/// A row read and waiting to be decided.
#[derive(Debug)]
enum Pending {
    /// A CSV row as its cells' bytes: decoded, read into a case and decided on the thread that decides it, so that
    /// the one thread reading the file only splits it into rows.
    Csv { row: u32, record: csv::ByteRecord },
    /// A row already read into a case (JSON Lines).
    Case(Box<Ready>),
}

/// A row read into a case and ready to decide.
#[derive(Debug)]
struct Ready {
    row: u32,
    reference: String,
    case: Case,
    /// The firm's own cells, carried through.
    carried: Vec<Carried>,
    /// The headings of the cells that could not be read and were left blank.
    unreadable: Vec<String>,
}

/// What deciding a row gave, to be added to the job's results in input order.
#[derive(Debug, Default)]
struct Done {
    row: u32,
    /// Some cell was not UTF-8 (and was read as Windows-1252).
    not_utf8: bool,
    /// The row could not be screened.
    failed: bool,
    errors: Vec<RowError>,
    /// How cells were read (a council's name written out): warnings, and the cells were used.
    notes: Vec<String>,
    /// The names used as something other than written, for the row's `read_as`.
    read_as: Vec<String>,
    /// Some cell could not be read and was left blank, and the row was screened without it.
    unreadable: bool,
    /// The reference as written and its [`reference_key`], if the row was screened with one (for the
    /// repeated-reference warning).
    reference: Option<(u64, String)>,
    decided: Option<(Row, Option<Letter>)>,
}

/// What every row of a CSV file is read with: shared by the threads that decide rows.
struct Context<'c> {
    layout: Option<&'c Layout>,
    as_at: Option<crate::date::Date>,
    carried: &'c [(usize, std::sync::Arc<str>)],
    firm: Option<&'c Firm>,
}

/// Cells beyond the headings, or under a blank heading: ignored, and reported once per column.
#[derive(Debug, Default)]
struct Stray {
    first_row: u32,
    rows: u32,
}

/// Warnings about single rows after the first [`LISTED_WARNINGS`](super::LISTED_WARNINGS): counted by what they
/// say, not kept one by one, so that memory does not grow with the file.
#[derive(Debug, Default)]
struct Unlisted {
    /// Warnings about single rows listed one by one so far, and the row of the last (whose other warnings are listed
    /// with it).
    listed: usize,
    last_row: Option<u32>,
    /// Each different thing said (a warning without its row), in the order first met, and in how many rows.
    said: Vec<(String, u32)>,
    /// Where each thing said is in `said`.
    index: HashMap<String, usize>,
    /// Warnings counted after `said` was full (each saying something not in it).
    others: u32,
    /// Every warning not listed.
    total: u32,
}

impl Unlisted {
    /// A warning about one row: listed with its row while fewer than [`LISTED_WARNINGS`](super::LISTED_WARNINGS)
    /// have been (and with the other warnings of the last row listed); after that only counted, with the others
    /// that say the same.
    fn add(&mut self, warnings: &mut Vec<Warning>, row: u32, message: String) {
        if self.listed < super::LISTED_WARNINGS || self.last_row == Some(row) {
            self.listed += 1;
            self.last_row = Some(row);
            warnings.push(Warning {
                row: Some(row),
                message,
            });
            return;
        }
        self.total += 1;
        if let Some(&i) = self.index.get(&message) {
            self.said[i].1 += 1;
        } else if self.said.len() < SUMMARISED {
            self.index.insert(message.clone(), self.said.len());
            self.said.push((message, 1));
        } else {
            self.others += 1;
        }
    }
}

/// How many different things said are counted one by one after the listed warnings; the rest are counted together.
const SUMMARISED: usize = 1000;

/// The rest of an input read through a window ([`Job::from_reader`]).
struct More<'a>(Box<dyn Read + 'a>);

impl std::fmt::Debug for More<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("More(..)")
    }
}

/// How many bytes a window reads at a time from an input read through a reader.
const WINDOW: usize = 4 << 20;

/// How many bytes are read at a time until the heading row is in.
const FIRST_READ: usize = 1 << 10;

/// A screening in progress.
#[derive(Debug)]
pub struct Job<'a> {
    /// The input, or (read through a reader) the window of it not yet read, from `base`.
    input: Cow<'a, [u8]>,
    /// Where `input` starts in the whole input, in bytes.
    base: usize,
    /// The rest of the input, when it is read through a reader; `None` once it is all in `input`.
    more: Option<More<'a>>,
    /// The size of the whole input, if known.
    total: usize,
    /// How many bytes are read from the reader at a time.
    window: usize,
    format: Format,
    options: Options,
    /// Where the next step starts reading (in `input`).
    pos: usize,
    done: bool,
    layout: Option<Layout>,
    /// Line breaks counted up to `counted_to` (CSV), and those inside quoted cells, for row numbers.
    counted_to: usize,
    breaks: u32,
    inside: u32,
    /// The line number of the next line (JSON Lines).
    line: u32,
    not_utf8_row: Option<u32>,
    /// The separator between cells: a comma, or a semicolon or tab when the heading row uses one of those instead
    /// (Excel in much of Europe saves "CSV" with semicolons; some systems export tab-separated text).
    delimiter: u8,
    strays: HashMap<usize, Stray>,
    /// The firm's own columns, carried through to the triage: (position, heading as written).
    carried: Vec<(usize, std::sync::Arc<str>)>,
    /// The first row of each reference seen, by the reference's hash (so that a million rows do not keep a million
    /// strings).
    references: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    /// Rows read but not yet decided: (row, reference, case). Decided together at the end of each step.
    pending: Vec<Pending>,
    /// How many threads decide rows natively; 0 means one per core.
    threads: usize,
    out: Screened,
    /// Where the rows, errors and warnings not yet reported by a step begin in `out` (those added before the first
    /// step, by [`Job::check_profile`], are reported by it).
    marks: (usize, usize, usize),
    /// The firm's profile lists a heading the file does not have: the message, and nothing is screened.
    refused: Option<String>,
    /// Warnings about single rows beyond those listed, counted.
    unlisted: Unlisted,
    /// The last order asked for ([`Job::order`]), and how many rows there were then.
    cached: Option<(View, usize, Vec<u32>)>,
    /// The firm's details when a letter is to be written for each row that needs one (natively only).
    #[cfg(not(target_arch = "wasm32"))]
    letters: Option<std::sync::Arc<super::letters::Firm>>,
    /// The letters written and not yet taken.
    #[cfg(not(target_arch = "wasm32"))]
    written: Vec<super::letters::BulkLetter>,
    /// The last step's rows, being decided while this step's are read.
    #[cfg(not(target_arch = "wasm32"))]
    in_flight: Option<InFlight>,
}

impl<'a> Job<'a> {
    /// Starts a job on `input` (a byte-order mark at the start is skipped).
    pub fn new(input: impl Into<Cow<'a, [u8]>>, format: Format, options: Options) -> Job<'a> {
        let input = input.into();
        let total = input.len();
        Job::start(input, None, total, format, options)
    }

    /// Starts a job that reads its input from `reader` a window at a time, so that memory does not grow with the
    /// input. `size` is the input's size in bytes if known (for [`Step::bytes_total`]; 0 if not).
    ///
    /// # Errors
    ///
    /// Returns the reader's error if the first window cannot be read; a later one is reported as a problem in
    /// [`Screened::errors`] and ends the job.
    pub fn from_reader(
        reader: impl Read + 'a,
        format: Format,
        options: Options,
        size: usize,
    ) -> std::io::Result<Job<'a>> {
        let mut more = More(Box::new(reader));
        let mut input = Vec::new();
        // Enough for the heading row (the separator is read from it), whatever its length; the rest comes a
        // window at a time as rows are read.
        let mut eof = false;
        while !eof && !input.contains(&b'\n') {
            eof = fill(&mut more, &mut input, FIRST_READ)?;
        }
        let more = (!eof).then_some(more);
        Ok(Job::start(Cow::Owned(input), more, size, format, options))
    }

    fn start(
        input: Cow<'a, [u8]>,
        more: Option<More<'a>>,
        total: usize,
        format: Format,
        options: Options,
    ) -> Job<'a> {
        let pos = if input.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let delimiter = if format == Format::Csv {
            // A firm's profile says what separates the cells; otherwise the heading row shows it.
            (options.profile.as_ref()).map_or_else(|| delimiter(&input[pos..]), |p| p.delimiter)
        } else {
            b','
        };
        Job {
            input,
            base: 0,
            more,
            total,
            window: WINDOW,
            format,
            options,
            pos,
            done: false,
            layout: None,
            counted_to: pos,
            breaks: 0,
            inside: 0,
            line: 1,
            not_utf8_row: None,
            delimiter,
            strays: HashMap::new(),
            carried: Vec::new(),
            references: HashMap::default(),
            pending: Vec::new(),
            threads: 0,
            out: Screened::default(),
            marks: (0, 0, 0),
            refused: None,
            unlisted: Unlisted::default(),
            cached: None,
            #[cfg(not(target_arch = "wasm32"))]
            letters: None,
            #[cfg(not(target_arch = "wasm32"))]
            written: Vec::new(),
            #[cfg(not(target_arch = "wasm32"))]
            in_flight: None,
        }
    }

    /// Sets how many bytes are read from the reader at a time (4 MiB by default; at least 1). The result is the
    /// same whatever the size: a row split between two reads is read again whole.
    pub fn read_size(mut self, bytes: usize) -> Self {
        self.window = bytes.max(1);
        self
    }

    /// Writes a letter for each screened row that needs one, from `firm` (natively only: see
    /// [`Job::take_letters`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn letters(mut self, firm: super::letters::Firm) -> Self {
        self.letters = Some(std::sync::Arc::new(firm));
        self
    }

    /// The letters written since the last call, in input order.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn take_letters(&mut self) -> Vec<super::letters::BulkLetter> {
        std::mem::take(&mut self.written)
    }

    /// Takes away the rows screened so far (in input order, unfiltered), so that they can be written out and
    /// memory does not grow with the input. Counts, errors and warnings stay; [`Job::order`] and the pages see
    /// only the rows not taken.
    pub fn take_rows(&mut self) -> Vec<Row> {
        self.cached = None;
        self.marks.0 = 0;
        std::mem::take(&mut self.out.rows)
    }

    /// The headings of the firm's own columns, carried through after the screen's (known once the heading row
    /// has been read).
    pub fn carried_headings(&self) -> Vec<std::sync::Arc<str>> {
        self.carried.iter().map(|(_, h)| h.clone()).collect()
    }

    /// Sets how many threads decide rows (natively; WebAssembly always uses one). The default, 0, is one per core.
    /// The result is the same whatever the number.
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads;
        self
    }

    /// Reads the heading row now, if it has not been read, and checks the firm's profile against it, so that a
    /// profile that does not fit the file is refused before any row is screened. Without a profile it only reads
    /// the heading row (the next step reports its warnings and problems); for JSON Lines it does nothing.
    ///
    /// # Errors
    ///
    /// The profile lists a heading the file does not have: the message names the heading and the profile's line,
    /// and says what to do (correct the heading in the profile, or remove its line). The job then screens nothing;
    /// the same message is its one problem, on the heading row.
    ///
    /// # Examples
    ///
    /// ```
    /// use s117::screen::{Format, Job, Options, Profile};
    ///
    /// let profile: Profile = "[columns]\nRef = reference\nSectoin = d1_section\n".parse().unwrap();
    /// let options = Options { profile: Some(profile.into()), ..Options::default() };
    /// let mut job = Job::new(&b"Ref,Section\nA,3\n"[..], Format::Csv, options);
    /// let message = job.check_profile().unwrap_err();
    /// assert!(message.starts_with("line 3 of the profile: the profile reads the heading \u{201c}Sectoin\u{201d}"));
    /// assert!(job.step(100).rows.is_empty());
    /// ```
    pub fn check_profile(&mut self) -> Result<(), String> {
        if self.format == Format::Csv && self.layout.is_none() && !self.done {
            self.step_csv(1);
        }
        self.refused.clone().map_or(Ok(()), Err)
    }

    /// Reads up to `max_rows` more rows, and says what they gave.
    pub fn step(&mut self, max_rows: usize) -> Step<'_> {
        if !self.done {
            match self.format {
                Format::Csv => self.step_csv(max_rows.max(1)),
                Format::Jsonl => self.step_jsonl(max_rows.max(1)),
            }
            if self.can_fly() {
                self.land();
                self.launch();
            } else {
                self.decide_pending();
            }
            if self.done {
                self.finish_warnings();
            }
        }
        let bytes_done = self.base + self.pos.min(self.input.len());
        let from = self.marks;
        self.marks = (
            self.out.rows.len(),
            self.out.errors.len(),
            self.out.warnings.len(),
        );
        Step {
            done: self.done,
            bytes_done,
            bytes_total: self.total.max(bytes_done),
            rows: &self.out.rows[from.0..],
            errors: &self.out.errors[from.1..],
            warnings: &self.out.warnings[from.2..],
            counts: &self.out.counts,
        }
    }

    /// Runs the job to the end and applies the filters and the order in its options.
    pub fn run(mut self) -> Screened {
        while !self.step(usize::MAX).done {}
        self.finish()
    }

    /// Applies the filters and the order in the options to the rows read so far, and returns everything.
    pub fn finish(mut self) -> Screened {
        let view = self.options.view();
        self.out.rows.retain(|r| view.keeps(r));
        self.out.rows.sort_by(|a, b| view.compare(a, b));
        self.out.counts.shown = u32::try_from(self.out.rows.len()).unwrap_or(u32::MAX);
        self.out
    }

    /// Everything screened so far, in input order and unfiltered.
    pub fn screened(&self) -> &Screened {
        &self.out
    }

    /// The indexes (into [`Job::screened`]'s rows) of the rows screened so far that `view` keeps, in its order.
    /// The last order is kept until more rows are screened, so paging through it sorts once.
    pub fn order(&mut self, view: &View) -> &[u32] {
        let rows = self.out.rows.len();
        let fresh = matches!(&self.cached, Some((v, n, _)) if v == view && *n == rows);
        if !fresh {
            self.cached = Some((view.clone(), rows, view.order(&self.out.rows)));
        }
        self.cached.as_ref().map_or(&[], |(_, _, order)| order)
    }

    /// A page of the rows `view` keeps, in its order: up to `limit` rows from position `offset`, and how many rows
    /// it keeps in all.
    pub fn page(&mut self, view: &View, offset: usize, limit: usize) -> (Vec<&Row>, usize) {
        self.order(view);
        let order = self.cached.as_ref().map_or(&[][..], |(_, _, order)| order);
        let rows = &self.out.rows;
        let page = order
            .iter()
            .skip(offset)
            .take(limit)
            .filter_map(|&i| rows.get(i as usize))
            .collect();
        (page, order.len())
    }

    /// The triage CSV of the rows screened so far that `view` keeps, in its order (`View::default()`: every row, in
    /// input order).
    pub fn triage_csv(&mut self, view: &View) -> String {
        self.order(view);
        let order = self.cached.as_ref().map_or(&[][..], |(_, _, order)| order);
        let rows = &self.out.rows;
        super::write::rows_csv(order.iter().filter_map(|&i| rows.get(i as usize)))
    }

    fn step_csv(&mut self, max_rows: usize) {
        let mut left = max_rows;
        loop {
            // The reader borrows the input while rows are added to `self`, so the input is lent out for the step.
            let input = std::mem::take(&mut self.input);
            let (read, more) = self.step_csv_in(&input, left);
            self.input = input;
            left -= read.min(left);
            if !more || left == 0 || self.done {
                return;
            }
            self.refill();
        }
    }

    /// Reads up to `max_rows` rows from the window; says how many, and whether it stopped at the window's end
    /// with more of the input still to come (a row that reaches the end may go on past it, so it is read again
    /// after the window has been refilled).
    fn step_csv_in(&mut self, input: &[u8], max_rows: usize) -> (usize, bool) {
        let start = self.pos;
        let whole = self.more.is_none();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(self.delimiter)
            .flexible(true)
            .from_reader(&input[start..]);
        let mut record = csv::ByteRecord::new();
        let mut read = 0;
        loop {
            let before = start + reader.position().byte() as usize;
            if read >= max_rows {
                self.pos = before;
                return (read, false);
            }
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) if whole => break,
                Ok(false) => {
                    self.pos = before;
                    return (read, true);
                }
                Err(e) => {
                    // The csv crate only fails here on I/O, which reading from memory cannot do.
                    self.error(0, None, e.to_string());
                    break;
                }
            }
            let rel = record.position().map_or(0, |p| p.byte() as usize);
            let end = start + reader.position().byte() as usize;
            if !whole && end >= input.len() {
                self.pos = before;
                return (read, true);
            }
            let mut begin = start + rel;
            while begin < end && matches!(input[begin], b'\r' | b'\n') {
                begin += 1;
            }
            self.breaks += breaks_in(input, self.counted_to, begin);
            self.counted_to = begin;
            let row = 1 + self.breaks - self.inside;
            // Line breaks inside quoted cells: the next row's number counts them out.
            if record.as_slice().iter().any(|&b| b == b'\n' || b == b'\r') {
                self.inside += record
                    .iter()
                    .map(|field| breaks_in(field, 0, field.len()))
                    .sum::<u32>();
            }
            if end >= input.len()
                && input[begin..end].iter().filter(|&&b| b == b'"').count() % 2 == 1
            {
                let column = record
                    .iter()
                    .position(|field| field.iter().any(|&b| b == b'\n' || b == b'\r'));
                if column.is_some() {
                    self.error(
                        row,
                        column,
                        messages::text("screen.csv.unclosed_quote").to_owned(),
                    );
                    self.out.counts.rows += 1;
                    self.out.counts.with_errors += 1;
                    break;
                }
            }
            if record.iter().all(blank) {
                continue;
            }
            read += 1;
            if self.layout.is_none() {
                let (cells, not_utf8) = decode_all(&record);
                if not_utf8 && self.not_utf8_row.is_none() {
                    self.not_utf8_row = Some(row);
                }
                let cells: Vec<String> = cells.into_iter().map(Cow::into_owned).collect();
                self.read_headings(row, &cells);
            } else {
                self.screen_row(row, &record);
            }
            if self.done {
                return (read, false);
            }
        }
        self.pos = input.len();
        self.done = true;
        if self.layout.is_none() && self.out.errors.is_empty() {
            self.error(1, None, messages::text("screen.csv.empty").to_owned());
        }
        (read, false)
    }

    /// Drops the part of the window already read and reads the next part of the input onto its end. A read that
    /// fails ends the job with the error as a problem.
    fn refill(&mut self) {
        let Some(more) = self.more.as_mut() else {
            return;
        };
        let input = self.input.to_mut();
        // A line break split between windows (`\r` then `\n`) must be counted once: keep its `\r`.
        // (Line breaks before `counted_to` are counted already, each with the byte after it in the window.)
        let keep = if self.counted_to < self.pos && input.get(self.pos - 1) == Some(&b'\r') {
            self.pos - 1
        } else {
            self.pos
        };
        self.breaks += breaks_in(input, self.counted_to, keep);
        self.counted_to = keep;
        input.drain(..keep);
        self.base += keep;
        self.pos -= keep;
        self.counted_to -= keep;
        let target = input.len() + self.window;
        let mut eof = false;
        while !eof && input.len() < target {
            match fill(more, input, self.window) {
                Ok(end) => eof = end,
                Err(e) => {
                    let message =
                        messages::fill("screen.read.failed", &[("error", &e.to_string())]);
                    self.more = None;
                    self.error(0, None, message);
                    self.done = true;
                    return;
                }
            }
        }
        if eof {
            self.more = None;
        }
    }

    fn read_headings(&mut self, row: u32, cells: &[String]) {
        let profile = self.options.profile.as_deref();
        if let Some(message) = profile.and_then(|p| p.missing_heading(cells)) {
            // Nothing can be read as the firm meant: stop before any row is screened.
            self.refused = Some(message.clone());
            self.error(row, None, message);
            self.done = true;
            self.pos = self.input.len();
            return;
        }
        match Layout::read_with(cells.to_vec(), profile) {
            Ok(layout) => {
                for &i in &layout.unknown {
                    let letter = letter(i);
                    let values = [
                        ("letter", letter.as_str()),
                        ("heading", layout.headings[i].trim()),
                    ];
                    self.out.warnings.push(Warning {
                        row: Some(row),
                        message: messages::fill("screen.csv.carried_column", &values),
                    });
                    self.carried
                        .push((i, std::sync::Arc::from(layout.headings[i].trim())));
                }
                self.layout = Some(layout);
            }
            Err(e) => {
                self.out.errors.push(RowError {
                    row,
                    column: e.column.map(|i| cells[i].trim().to_owned()),
                    cell: e.column.map(|i| cell_name(i, row)),
                    reference: None,
                    message: e.message,
                    source: Source::Csv,
                    screened: false,
                });
                // Without headings no row can be read: stop here rather than report every row.
                self.done = true;
                self.pos = self.input.len();
            }
        }
    }

    /// Counts a data row and its stray cells, and leaves it to be read and decided with the rest of the step.
    fn screen_row(&mut self, row: u32, record: &csv::ByteRecord) {
        let Some(layout) = &self.layout else { return };
        self.out.counts.rows += 1;
        let width = layout.headings.len();
        for (i, field) in record.iter().enumerate() {
            if (i >= width || layout.unnamed.contains(&i)) && !blank(field) {
                let stray = self.strays.entry(i).or_insert(Stray {
                    first_row: row,
                    rows: 0,
                });
                stray.rows += 1;
            }
        }
        self.pending.push(Pending::Csv {
            row,
            record: record.clone(),
        });
    }

    /// Adds what deciding a row gave to the results, in input order.
    fn add(&mut self, done: Done) {
        let row = done.row;
        if done.not_utf8 && self.not_utf8_row.is_none() {
            self.not_utf8_row = Some(row);
        }
        if done.failed {
            self.out.counts.with_errors += 1;
        }
        self.out.errors.extend(done.errors);
        for message in done.notes {
            self.unlisted.add(&mut self.out.warnings, row, message);
        }
        if let Some((key, r)) = done.reference {
            if let Some(first) = self.references.get(&key) {
                let first = first.to_string();
                let values = [("reference", r.as_str()), ("first", first.as_str())];
                let message = messages::fill("screen.csv.repeated_reference", &values);
                self.unlisted.add(&mut self.out.warnings, row, message);
            } else {
                self.references.insert(key, row);
            }
        }
        if done.unreadable {
            self.out.counts.with_unreadable += 1;
        }
        if let Some((row, letter)) = done.decided {
            self.out.counts.add(&row);
            self.out.rows.push(row);
            #[cfg(not(target_arch = "wasm32"))]
            self.written.extend(letter);
            #[cfg(target_arch = "wasm32")]
            let _: Option<()> = letter;
        }
    }

    fn step_jsonl(&mut self, max_rows: usize) {
        let mut read = 0;
        while (self.pos < self.input.len() || self.more.is_some()) && read < max_rows && !self.done
        {
            let rest = &self.input[self.pos..];
            let len = match rest.iter().position(|&b| b == b'\n') {
                Some(len) => len,
                // The line may go on in the next window.
                None if self.more.is_some() => {
                    self.refill();
                    continue;
                }
                None => rest.len(),
            };
            let rest = &self.input[self.pos..];
            let line = self.line;
            let text = &rest[..len];
            self.pos += (len + 1).min(rest.len());
            self.line += 1;
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            if text.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            read += 1;
            self.out.counts.rows += 1;
            match jsonl::read_line(text, self.options.as_at) {
                Ok((reference, case)) => {
                    let reference = reference.unwrap_or_else(|| {
                        messages::fill("screen.reference.line", &[("row", &line.to_string())])
                    });
                    self.pending.push(Pending::Case(Box::new(Ready {
                        row: line,
                        reference,
                        case,
                        carried: Vec::new(),
                        unreadable: Vec::new(),
                    })));
                }
                Err((reference, errors)) => {
                    self.out.counts.with_errors += 1;
                    for e in errors {
                        self.out.errors.push(RowError {
                            row: line,
                            column: Some(e.field),
                            cell: None,
                            reference: reference.clone(),
                            message: e.message,
                            source: Source::Jsonl,
                            screened: false,
                        });
                    }
                }
            }
        }
        if self.pos >= self.input.len() && self.more.is_none() {
            self.done = true;
        }
    }

    /// Whether this step's rows can be decided while the next step's are read: natively, for a CSV file not yet
    /// read to the end, with threads to spare and rows enough to share.
    fn can_fly(&self) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        return self.format == Format::Csv
            && !self.done
            && thread_count(self.threads) >= 2
            && self.pending.len() >= PARALLEL_FROM;
        #[cfg(target_arch = "wasm32")]
        false
    }

    /// Starts deciding this step's rows on threads of their own; the next step adds them ([`Job::land`]).
    #[cfg(not(target_arch = "wasm32"))]
    fn launch(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let rows = pending.len();
        let flight = std::sync::Arc::new(Flight {
            parts: Parts::new(pending),
            layout: self.layout.clone(),
            as_at: self.options.as_at,
            carried: self.carried.clone(),
            firm: self.letters.clone(),
        });
        let workers = (0..thread_count(self.threads))
            .map(|_| {
                let flight = std::sync::Arc::clone(&flight);
                std::thread::spawn(move || flight.decide())
            })
            .collect();
        self.in_flight = Some(InFlight { workers, rows });
    }

    #[cfg(target_arch = "wasm32")]
    fn launch(&mut self) {}

    /// Adds the last step's rows, decided while this step's were read, waiting for them if need be.
    fn land(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(flight) = self.in_flight.take() {
            let decided = flight
                .workers
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect();
            self.out.rows.reserve(flight.rows);
            for d in in_order(decided, flight.rows) {
                self.add(d);
            }
        }
    }

    /// Reads and decides the rows read in this step, in order. Natively, a large step is shared between threads
    /// (each row is independent and the result is the same); in WebAssembly it runs on the one thread there is.
    fn decide_pending(&mut self) {
        self.land();
        let pending = std::mem::take(&mut self.pending);
        #[cfg(not(target_arch = "wasm32"))]
        let firm = self.letters.as_deref();
        #[cfg(target_arch = "wasm32")]
        let firm = None;
        let context = Context {
            layout: self.layout.as_ref(),
            as_at: self.options.as_at,
            carried: &self.carried,
            firm,
        };
        let done = decide_all(pending, self.threads, &context);
        self.out.rows.reserve(done.len());
        for d in done {
            self.add(d);
        }
    }

    /// Records a problem found while reading the file (not a row's own), after the problems of the rows before it.
    fn error(&mut self, row: u32, column: Option<usize>, message: String) {
        self.decide_pending();
        let heading = column.and_then(|i| {
            self.layout
                .as_ref()
                .and_then(|l| l.headings.get(i))
                .map(|h| h.trim().to_owned())
        });
        self.out.errors.push(RowError {
            row,
            column: heading,
            cell: column.map(|i| cell_name(i, row)),
            reference: None,
            message,
            source: Source::Csv,
            screened: false,
        });
    }

    /// Warnings that are only known at the end: stray cells, text that was not UTF-8, and the count of the
    /// warnings about single rows that were not listed one by one (what is said of most rows first).
    fn finish_warnings(&mut self) {
        let mut strays: Vec<(&usize, &Stray)> = self.strays.iter().collect();
        strays.sort_by_key(|(i, _)| **i);
        for (&i, stray) in strays {
            let others = match stray.rows {
                1 => String::new(),
                n => {
                    let count = (n - 1).to_string();
                    messages::fill("screen.csv.stray_column.others", &[("count", &count)])
                }
            };
            let letter = letter(i);
            let values = [("letter", letter.as_str()), ("others", others.as_str())];
            self.out.warnings.push(Warning {
                row: Some(stray.first_row),
                message: messages::fill("screen.csv.stray_column", &values),
            });
        }
        if let Some(row) = self.not_utf8_row {
            self.out.warnings.push(Warning {
                row: Some(row),
                message: messages::text("screen.csv.not_utf8").to_owned(),
            });
        }
        let unlisted = std::mem::take(&mut self.unlisted);
        if unlisted.total == 0 {
            return;
        }
        let mut said = unlisted.said;
        // Most rows first; the same count in the order first met (the sort is stable).
        said.sort_by_key(|s| std::cmp::Reverse(s.1));
        for (message, count) in said {
            let count = grouped(&count.to_string());
            let values = [("count", count.as_str()), ("message", message.as_str())];
            let message = if count == "1" {
                messages::fill("screen.warnings.more_row", &values)
            } else {
                messages::fill("screen.warnings.more_rows", &values)
            };
            self.out.warnings.push(Warning { row: None, message });
        }
        if unlisted.others > 0 {
            let count = grouped(&unlisted.others.to_string());
            self.out.warnings.push(Warning {
                row: None,
                message: messages::fill("screen.warnings.others", &[("count", &count)]),
            });
        }
        let (count, listed) = (
            grouped(&unlisted.total.to_string()),
            super::LISTED_WARNINGS.to_string(),
        );
        let values = [("count", count.as_str()), ("listed", listed.as_str())];
        self.out.warnings.push(Warning {
            row: None,
            message: messages::fill("screen.warnings.not_listed", &values),
        });
        self.out.unlisted_warnings = unlisted.total;
    }
}

/// Reads the next `window` bytes of the input onto the end of `buf`; says whether the input has ended.
fn fill(more: &mut More<'_>, buf: &mut Vec<u8>, window: usize) -> std::io::Result<bool> {
    let n = (&mut *more.0).take(window as u64).read_to_end(buf)?;
    Ok(n < window)
}

/// The firm a letter is written from, natively ([`super::letters::Firm`]); nothing in WebAssembly, which writes
/// no letters.
#[cfg(not(target_arch = "wasm32"))]
type Firm = super::letters::Firm;
#[cfg(target_arch = "wasm32")]
type Firm = ();

/// A letter written for a row, natively ([`super::letters::BulkLetter`]).
#[cfg(not(target_arch = "wasm32"))]
type Letter = super::letters::BulkLetter;
#[cfg(target_arch = "wasm32")]
type Letter = ();

/// Reads a CSV row into a case (when it is not one already), decides and triages it, and writes its letter if the
/// firm asked for letters.
fn decide(p: Pending, context: &Context<'_>) -> Done {
    let (ready, mut done) = match p {
        Pending::Case(ready) => {
            let done = Done {
                row: ready.row,
                ..Done::default()
            };
            (Some(*ready), done)
        }
        Pending::Csv { row, record } => match context.layout {
            Some(layout) => read_row(row, &record, layout, context),
            None => (None, Done::default()),
        },
    };
    if let Some(p) = ready {
        // The triage is read by someone else than the person (a paralegal, an adviser): it speaks of "the person".
        let the_person = crate::messages::text("voice.the_person");
        let decision =
            crate::messages::next_steps_only(|| crate::rules::evaluate_about(&p.case, the_person));
        let mut row = triage::triage(p.row, p.reference, &p.case, &decision);
        row.carried = p.carried;
        row.read_as = std::mem::take(&mut done.read_as);
        triage::mark_unreadable(&mut row, p.unreadable);
        #[cfg(not(target_arch = "wasm32"))]
        let letter = context
            .firm
            .and_then(|firm| super::letters::write(&p.case, &row, firm));
        #[cfg(target_arch = "wasm32")]
        let letter = context.firm.and(None);
        done.decided = Some((row, letter));
    }
    done
}

/// Reads a CSV row's cells into a case: the case ready to decide (if the row can be screened), and the row's
/// problems.
fn read_row(
    row: u32,
    record: &csv::ByteRecord,
    layout: &Layout,
    context: &Context<'_>,
) -> (Option<Ready>, Done) {
    let (cells, not_utf8) = decode_all(record);
    let mut done = Done {
        row,
        not_utf8,
        ..Done::default()
    };
    let record = Record { cells: &cells };
    let reference = read::reference(layout, &record);
    let (result, problems) = match read::case(layout, &record, context.as_at) {
        Ok((case, soft)) => (Some(case), soft),
        Err(errors) => (None, errors),
    };
    done.failed = result.is_none();
    let screened = result.is_some();
    let mut unreadable: Vec<String> = Vec::new();
    for e in problems {
        let column = e.column.map(|i| layout.headings[i].trim().to_owned());
        // How a cell was read (a council's name written out): the cell was used, and this is a warning, or the
        // row's record of a name used as something other than written.
        let noted = match e.kind {
            CellNote::Problem => None,
            CellNote::Warning => Some(&mut done.notes),
            CellNote::ReadAs => Some(&mut done.read_as),
        };
        if let Some(list) = noted {
            let column = column.as_deref().unwrap_or_default();
            let values = [("column", column), ("message", e.message.as_str())];
            list.push(messages::fill("screen.note", &values));
            continue;
        }
        if screened {
            let name = column
                .clone()
                .unwrap_or_else(|| messages::text("screen.unreadable.row").to_owned());
            if !unreadable.contains(&name) {
                unreadable.push(name);
            }
        }
        done.errors.push(RowError {
            row,
            column,
            cell: e.column.map(|i| cell_name(i, row)),
            reference: reference.clone(),
            message: e.message,
            source: Source::Csv,
            screened,
        });
    }
    done.unreadable = !unreadable.is_empty();
    let Some(case) = result else {
        return (None, done);
    };
    done.reference = reference
        .as_deref()
        .map(|r| (reference_key(r), r.to_owned()));
    let reference = reference
        .unwrap_or_else(|| messages::fill("screen.reference.row", &[("row", &row.to_string())]));
    let carried = context
        .carried
        .iter()
        .map(|(i, heading)| Carried {
            heading: heading.clone(),
            value: cells.get(*i).map(|c| c.to_string()).unwrap_or_default(),
        })
        .collect();
    let ready = Ready {
        row,
        reference,
        case,
        carried,
        unreadable,
    };
    (Some(ready), done)
}

/// A reference's key in [`Job::references`]: its SipHash with fixed keys (no randomness, the same on every run),
/// worked out on the thread that read the row rather than on the one that puts rows in order.
fn reference_key(reference: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    reference.hash(&mut hasher);
    hasher.finish()
}

/// The hasher of a map whose keys are already hashes ([`reference_key`]): it passes them through, so the map
/// neither hashes twice nor seeds a hasher from a source of randomness.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The cells of a record as text, and whether any was not UTF-8 (and so was read as Windows-1252).
fn decode_all(record: &csv::ByteRecord) -> (Vec<Cow<'_, str>>, bool) {
    // Nearly always the whole row is UTF-8: checked once, each cell is then a slice of it.
    if let Ok(whole) = std::str::from_utf8(record.as_slice()) {
        let mut cells = Vec::with_capacity(record.len());
        for i in 0..record.len() {
            match record.range(i).and_then(|r| whole.get(r)) {
                Some(cell) => cells.push(Cow::Borrowed(cell)),
                None => break,
            }
        }
        if cells.len() == record.len() {
            return (cells, false);
        }
    }
    let mut not_utf8 = false;
    let cells = record
        .iter()
        .map(|field| match std::str::from_utf8(field) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => {
                not_utf8 = true;
                Cow::Owned(windows_1252(field))
            }
        })
        .collect();
    (cells, not_utf8)
}

/// Is the cell blank (nothing but spaces, whatever its encoding)?
fn blank(field: &[u8]) -> bool {
    match std::str::from_utf8(field) {
        Ok(s) => s.trim().is_empty(),
        Err(_) => windows_1252(field).trim().is_empty(),
    }
}

/// How many threads `--threads N` means: `N`, or for 0 one per core (at most 8; one where the number of cores
/// cannot be known, as in WebAssembly).
pub fn thread_count(threads: usize) -> usize {
    match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
        n => n,
    }
}

/// Rows below which threads are not worth starting.
#[cfg(not(target_arch = "wasm32"))]
const PARALLEL_FROM: usize = 256;

/// Decides many rows, keeping their order. The rows are cut into small parts that the threads take one at a time,
/// so that a thread given slower rows (or sharing its core) does not keep the others waiting.
#[cfg(not(target_arch = "wasm32"))]
fn decide_all(pending: Vec<Pending>, threads: usize, context: &Context<'_>) -> Vec<Done> {
    let threads = thread_count(threads);
    if threads < 2 || pending.len() < PARALLEL_FROM {
        return pending.into_iter().map(|p| decide(p, context)).collect();
    }
    let total = pending.len();
    let parts = Parts::new(pending);
    let decided = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| parts.decide(context)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    in_order(decided, total)
}

/// The parts of a step one thread decided, each with its place.
#[cfg(not(target_arch = "wasm32"))]
type Decided = Vec<(usize, Vec<Done>)>;

/// Rows cut into parts of [`PART`], which threads take one at a time.
#[cfg(not(target_arch = "wasm32"))]
struct Parts {
    parts: Vec<std::sync::Mutex<Vec<Pending>>>,
    /// The next part to take.
    next: std::sync::atomic::AtomicUsize,
}

#[cfg(not(target_arch = "wasm32"))]
impl Parts {
    fn new(pending: Vec<Pending>) -> Parts {
        let mut parts = Vec::with_capacity(pending.len().div_ceil(PART));
        let mut rest = pending.into_iter();
        loop {
            let part: Vec<_> = rest.by_ref().take(PART).collect();
            if part.is_empty() {
                break;
            }
            parts.push(std::sync::Mutex::new(part));
        }
        Parts {
            parts,
            next: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Takes parts and decides them until none is left: the parts this thread decided, with their places.
    fn decide(&self, context: &Context<'_>) -> Decided {
        let mut mine = Vec::new();
        loop {
            let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(part) = self.parts.get(i) else {
                return mine;
            };
            let part = std::mem::take(&mut *part.lock().unwrap_or_else(|e| e.into_inner()));
            mine.push((i, part.into_iter().map(|p| decide(p, context)).collect()));
        }
    }
}

/// The parts decided by each thread, put back in input order.
#[cfg(not(target_arch = "wasm32"))]
fn in_order(mut decided: Decided, total: usize) -> Vec<Done> {
    decided.sort_unstable_by_key(|(i, _)| *i);
    let mut all = Vec::with_capacity(total);
    for (_, part) in decided {
        all.extend(part);
    }
    all
}

/// A step's rows being decided on threads of their own while the next step's rows are read (natively, CSV): the
/// thread reading the file does not wait for them, nor they for it. The next step adds them, in order.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug)]
struct InFlight {
    workers: Vec<std::thread::JoinHandle<Decided>>,
    rows: usize,
}

/// What the threads of an [`InFlight`] step share: its rows, and what every row is read with (owned, as the job
/// goes on reading).
#[cfg(not(target_arch = "wasm32"))]
struct Flight {
    parts: Parts,
    layout: Option<Layout>,
    as_at: Option<crate::date::Date>,
    carried: Vec<(usize, std::sync::Arc<str>)>,
    firm: Option<std::sync::Arc<super::letters::Firm>>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Flight {
    fn decide(&self) -> Decided {
        let context = Context {
            layout: self.layout.as_ref(),
            as_at: self.as_at,
            carried: &self.carried,
            firm: self.firm.as_deref(),
        };
        self.parts.decide(&context)
    }
}

/// How many rows a thread takes at a time.
#[cfg(not(target_arch = "wasm32"))]
const PART: usize = 128;

/// Decides many rows, keeping their order (one thread in WebAssembly).
#[cfg(target_arch = "wasm32")]
fn decide_all(pending: Vec<Pending>, _threads: usize, context: &Context<'_>) -> Vec<Done> {
    pending.into_iter().map(|p| decide(p, context)).collect()
}

/// The separator of a CSV file, from its first line with any text (the heading row): whichever of comma,
/// semicolon and tab it has most of outside quotes, and a comma when it has none.
pub(super) fn delimiter(input: &[u8]) -> u8 {
    let line = input
        .split(|&b| b == b'\n')
        .find(|line| line.iter().any(|b| !b.is_ascii_whitespace()))
        .unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
                c.1 += 1;
            }
        }
    }
    counts
        .iter()
        .fold((b',', 0), |best, &c| if c.1 > best.1 { c } else { best })
        .0
}

/// Counts line breaks (`\n`, `\r\n` or a lone `\r`) in `input[from..to]`.
fn breaks_in(input: &[u8], from: usize, to: usize) -> u32 {
    let mut n = 0;
    for i in from..to.min(input.len()) {
        match input[i] {
            b'\n' => n += 1,
            b'\r' if input.get(i + 1) != Some(&b'\n') => n += 1,
            _ => {}
        }
    }
    n
}

/// Decodes Windows-1252, the encoding of Excel's "CSV (Comma delimited)" on Windows.
pub(super) fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_decodes_pound_and_smart_quotes() {
        assert_eq!(windows_1252(b"\xA3100 \x93Zo\xEB\x94"), "£100 “Zoë”");
    }
}
