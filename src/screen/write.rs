//! Writing triage rows and errors as CSV or JSON Lines.
//!
//! CSV cells that a spreadsheet would run as a formula (text starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return, as a reference typed into the input might) are written with a leading apostrophe, so opening the triage
//! file in Excel never runs anything.

use super::columns::{case_headings, CHARGE_NAMES, STAY_NAMES};
use super::triage::push_flag_code;
use super::{Deadline, Row, RowError};
use crate::date::Date;
use std::io::Write as _;

/// The headings of the triage CSV, in order.
pub const CSV_HEADINGS: [&str; 35] = [
    "row",
    "reference",
    "as_at",
    "entitlement",
    "duty_arose",
    "council",
    "council_code",
    "council_certain",
    "nhs_body",
    "nhs_body_code",
    "nhs_body_certain",
    "periods",
    "refund",
    "refund_since",
    "refund_ongoing",
    "refund_periods",
    "refund_ranges",
    "all_time_barred",
    "refund_estimate",
    "refund_estimate_in_time",
    "time_barred_before",
    "limitation",
    "judicial_review_by",
    "ombudsman_by",
    "next_deadline",
    "next_deadline_date",
    "deadlines",
    "next_step",
    "warnings",
    "uncertain",
    "unreadable",
    "read_as",
    "summary",
    "rules_version",
    "law_date",
];

/// Makes a cell safe to open in a spreadsheet.
fn safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_apostrophe(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Would a spreadsheet run this cell as a formula?
fn needs_apostrophe(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    w.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

/// The triage rows as CSV, with a heading row (no byte-order mark; the command line and the browser add one for
/// Excel).
///
/// Lists (`deadlines`, `warnings`, `uncertain`, `unreadable`, `read_as`) are separated by `; `. Each deadline is
/// `kind date`, followed by `approximate` when it was counted from a month or a year and `passed` when it has
/// passed; a deadline the rules can only describe is `kind undated` (the ombudsman's, without `first_knew`).
///
/// # Examples
///
/// ```
/// let out = s117::screen::screen_csv("reference,as_at\nA,2026-01-01\n", &Default::default());
/// let csv = s117::screen::to_csv(&out.rows);
/// assert!(csv.starts_with("row,reference,as_at,entitlement,"));
/// assert!(csv.contains("\r\n2,A,2026-01-01,not_entitled,"));
/// ```
pub fn to_csv(rows: &[Row]) -> String {
    rows_csv(rows.iter())
}

/// The rows given, in the order given, as CSV.
pub(crate) fn rows_csv<'a>(rows: impl Iterator<Item = &'a Row>) -> String {
    let mut w = CsvRows::new(Vec::new());
    let mut rows = rows.peekable();
    if rows.peek().is_none() {
        let _ = w.headings(&[] as &[&str]);
    }
    for r in rows {
        let _ = w.row(r);
    }
    w.finish()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// Writes triage rows as CSV a row at a time, so that rows can be written as they are screened (`s117 screen`
/// streams its output through one). The heading row comes first: the screen's headings, then the firm's own
/// columns (from [`CsvRows::headings`], or else from the first row's).
///
/// # Examples
///
/// ```
/// use s117::screen::{screen_csv, CsvRows};
/// let out = screen_csv("reference,as_at,Fee earner\nA,2026-01-01,JB\n", &Default::default());
/// let mut w = CsvRows::new(Vec::new());
/// for row in &out.rows {
///     w.row(row).unwrap();
/// }
/// let csv = String::from_utf8(w.finish().unwrap()).unwrap();
/// assert!(csv.starts_with("row,reference,"));
/// assert!(csv.lines().next().unwrap().ends_with(",law_date,Fee earner"));
/// ```
#[derive(Debug)]
pub struct CsvRows<W: std::io::Write> {
    w: std::io::BufWriter<W>,
    headed: bool,
    /// The line being written, kept from row to row.
    line: Vec<u8>,
    /// The cells of the row being written, kept from row to row so a row costs no allocations once warm.
    cells: Cells,
}

/// A row's cells written end to end into one buffer, with where each ends.
#[derive(Debug, Default)]
struct Cells {
    text: String,
    ends: Vec<usize>,
    /// Which cells need quotes ([`Cells::write_line`]).
    quoted: Vec<bool>,
}

impl Cells {
    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Ends the cell being written.
    fn end(&mut self) {
        self.ends.push(self.text.len());
    }

    fn text(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.end();
    }

    fn date(&mut self, d: Option<Date>) {
        if let Some(d) = d {
            d.push_iso(&mut self.text);
        }
        self.end();
    }

    fn number(&mut self, n: u32) {
        match i32::try_from(n) {
            Ok(n) => crate::date::push_number(&mut self.text, n),
            Err(_) => {
                use std::fmt::Write as _;
                let _ = write!(self.text, "{n}");
            }
        }
        self.end();
    }

    /// A sum of money in whole pounds, blank when there is none.
    fn pounds(&mut self, amount: Option<f64>) {
        if let Some(a) = amount {
            use std::fmt::Write as _;
            let _ = write!(self.text, "{a:.0}");
        }
        self.end();
    }

    /// A cell of the user's or the firm's text, made safe to open in a spreadsheet (see [`safe`]).
    fn safe(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        if needs_apostrophe(&self.text[start..]) {
            self.text.insert(start, '\'');
        }
        self.end();
    }

    /// Items separated by `; `.
    fn list<T>(&mut self, items: &[T], write: impl FnMut(&mut String, &T)) {
        join(&mut self.text, items, write);
        self.end();
    }

    /// Writes the cells as a CSV record, as the csv crate writes one by default, with `\r\n` line ends: a cell
    /// with a comma, a quote or a line break is quoted, its quotes doubled; a record of one empty cell is `""`.
    /// Written here rather than through the csv crate's writer, which handles each byte on its own: the row's
    /// text is searched once, a block of bytes at a time, for what needs quotes (a firm's triage is hundreds of
    /// megabytes).
    fn write_line(&mut self, line: &mut Vec<u8>) {
        let bytes = self.text.as_bytes();
        self.quoted.clear();
        self.quoted.resize(self.ends.len(), false);
        let special =
            memchr::memchr3_iter(b',', b'"', b'\n', bytes).chain(memchr::memchr_iter(b'\r', bytes));
        for at in special {
            // The cell holding byte `at` is the first to end after it.
            if let Some(q) = self
                .quoted
                .get_mut(self.ends.partition_point(|&end| end <= at))
            {
                *q = true;
            }
        }
        let mut start = 0;
        for (i, (&end, &quoted)) in self.ends.iter().zip(&self.quoted).enumerate() {
            if i > 0 {
                line.push(b',');
            }
            let cell = &bytes[start..end];
            start = end;
            if quoted {
                line.push(b'"');
                for part in cell.split_inclusive(|&b| b == b'"') {
                    line.extend_from_slice(part);
                    if part.ends_with(b"\"") {
                        line.push(b'"');
                    }
                }
                line.push(b'"');
            } else {
                line.extend_from_slice(cell);
            }
        }
        if self.ends.len() == 1 && bytes.is_empty() {
            line.extend_from_slice(b"\"\"");
        }
        line.extend_from_slice(b"\r\n");
    }
}

/// Writes items separated by `; `.
fn join<T>(out: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        write(out, item);
    }
}

impl<W: std::io::Write> CsvRows<W> {
    /// A writer of triage rows onto `out` (no byte-order mark: the caller writes one first if wanted).
    pub fn new(out: W) -> Self {
        CsvRows {
            w: std::io::BufWriter::new(out),
            headed: false,
            line: Vec::new(),
            cells: Cells::default(),
        }
    }

    /// A writer of triage rows that go after a heading row written elsewhere (a part of a file written on several
    /// threads).
    pub fn after_headings(out: W) -> Self {
        CsvRows {
            headed: true,
            ..CsvRows::new(out)
        }
    }

    /// Writes the heading row, with the firm's own columns after the screen's, unless it has been written.
    ///
    /// # Errors
    ///
    /// Returns the output's error.
    pub fn headings<S: AsRef<str>>(&mut self, carried: &[S]) -> std::io::Result<()> {
        if !self.headed {
            self.headed = true;
            self.cells.clear();
            let carried = carried.iter().map(AsRef::as_ref);
            for heading in CSV_HEADINGS.iter().copied().chain(carried) {
                self.cells.text(heading);
            }
            self.line.clear();
            self.cells.write_line(&mut self.line);
            self.w.write_all(&self.line)?;
        }
        Ok(())
    }

    /// Writes one row (after the heading row, from this row's carried columns if not yet written).
    ///
    /// # Errors
    ///
    /// Returns the output's error.
    pub fn row(&mut self, r: &Row) -> std::io::Result<()> {
        if !self.headed {
            let carried: Vec<&str> = r.carried.iter().map(|c| &*c.heading).collect();
            self.headings(&carried)?;
        }
        let c = &mut self.cells;
        c.clear();
        c.number(r.row);
        c.safe(|t| t.push_str(&r.reference));
        c.date(Some(r.as_at));
        c.text(r.entitlement.code());
        c.date(r.duty_arose);
        c.safe(|t| t.push_str(r.council.as_deref().unwrap_or_default()));
        c.text(r.council_code.as_deref().unwrap_or_default());
        c.text(yes_no(r.council_certain));
        c.safe(|t| t.push_str(r.nhs_body.as_deref().unwrap_or_default()));
        c.text(r.nhs_body_code.as_deref().unwrap_or_default());
        c.text(yes_no(r.nhs_body_certain));
        c.number(r.periods);
        c.text(yes_no(Some(r.refund)));
        c.date(r.refund_since);
        c.text(yes_no(r.refund.then_some(r.refund_ongoing)));
        c.number(r.refund_periods);
        c.list(&r.refund_ranges, range_cell);
        c.text(yes_no(r.refund.then_some(r.all_time_barred)));
        c.pounds(r.refund_estimate);
        c.pounds(r.refund_estimate_in_time);
        c.date(r.time_barred_before);
        c.date(r.limitation);
        c.date(r.judicial_review_by);
        c.date(r.ombudsman_by);
        c.text(r.next_deadline.map(|d| d.kind.code()).unwrap_or_default());
        c.date(r.next_deadline.and_then(|d| d.date));
        c.list(&r.deadlines, deadline_cell);
        c.safe(|t| t.push_str(r.next_step.as_deref().unwrap_or_default()));
        c.list(&r.warnings, |t, &id| push_flag_code(t, id));
        c.list(&r.uncertain, |t, &id| push_flag_code(t, id));
        c.safe(|t| join(t, &r.unreadable, |t, s| t.push_str(s)));
        c.safe(|t| join(t, &r.read_as, |t, s| t.push_str(s)));
        c.safe(|t| t.push_str(&r.summary));
        c.text(r.rules_version);
        c.text(r.law_date);
        for carried in &r.carried {
            c.safe(|t| t.push_str(&carried.value));
        }
        self.line.clear();
        self.cells.write_line(&mut self.line);
        self.w.write_all(&self.line)?;
        Ok(())
    }

    /// Flushes what is buffered and gives the output back.
    ///
    /// # Errors
    ///
    /// Returns the output's error.
    pub fn finish(self) -> std::io::Result<W> {
        self.w.into_inner().map_err(|e| e.into_error())
    }
}

/// One refund range: `2024-09-01 to 2026-11-23 ongoing`.
fn range_cell(out: &mut String, r: &super::RefundRange) {
    r.from.push_iso(out);
    out.push_str(" to ");
    r.to.push_iso(out);
    if r.ongoing {
        out.push_str(" ongoing");
    }
}

/// One deadline: `ombudsman 2027-11-23`, `limitation 2030-09 approximate`, `judicial_review 2024-04-01 passed`,
/// `ombudsman undated`.
fn deadline_cell(out: &mut String, d: &Deadline) {
    out.push_str(d.kind.code());
    match d.date {
        Some(date) => {
            out.push(' ');
            date.push_iso(out);
        }
        None => out.push_str(" undated"),
    }
    if d.approximate {
        out.push_str(" approximate");
    }
    if d.passed {
        out.push_str(" passed");
    }
}

/// The triage rows as JSON Lines: one [`Row`] object per line.
///
/// # Examples
///
/// ```
/// let out = s117::screen::screen_csv("reference,as_at\nA,2026-01-01\n", &Default::default());
/// let line: serde_json::Value = serde_json::from_str(s117::screen::to_jsonl(&out.rows).trim()).unwrap();
/// assert_eq!(line["entitlement"], "not_entitled");
/// ```
pub fn to_jsonl(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        if let Ok(line) = serde_json::to_string(r) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The errors as CSV: `row, cell, column, reference, screened, message`. `screened` is `yes` when the row was still
/// screened with this cell left blank, `no` when the row could not be screened.
pub fn errors_to_csv(errors: &[RowError]) -> String {
    let mut w = writer();
    let _ = w.write_record(["row", "cell", "column", "reference", "screened", "message"]);
    for e in errors {
        let _ = w.write_record([
            e.row.to_string().as_str(),
            e.cell.as_deref().unwrap_or_default(),
            &safe(e.column.as_deref().unwrap_or_default()),
            &safe(e.reference.as_deref().unwrap_or_default()),
            yes_no(Some(e.screened)),
            &safe(&e.message),
        ]);
    }
    finish(w)
}

/// A blank input file: the heading row with every column, for `stays` stays and `charges` charges.
///
/// `examples/enquiries-template.csv` is `template_csv(3, 2)`.
pub fn template_csv(stays: u32, charges: u32) -> String {
    // The order of a person's story: who and when, the stays, the charges, then where they live and any ending.
    let mut case = case_headings().map(str::to_owned);
    let mut headings: Vec<String> = case.by_ref().take(2).collect();
    for n in 1..=stays {
        headings.extend(
            STAY_NAMES
                .iter()
                .map(|(_, names)| format!("d{n}_{}", names[0])),
        );
    }
    for n in 1..=charges {
        headings.extend(
            CHARGE_NAMES
                .iter()
                .map(|(_, names)| format!("c{n}_{}", names[0])),
        );
    }
    headings.extend(case);
    let mut w = writer();
    let _ = w.write_record(&headings);
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The record as the csv crate's writer writes it, with `\r\n` line ends.
    fn by_the_csv_crate(cells: &[String]) -> Vec<u8> {
        let mut w = writer();
        w.write_record(cells).unwrap();
        w.into_inner().unwrap()
    }

    fn by_write_line(cells: &[String]) -> Vec<u8> {
        let mut all = Cells::default();
        for cell in cells {
            all.text(cell);
        }
        let mut line = Vec::new();
        all.write_line(&mut line);
        line
    }

    #[test]
    fn a_record_is_written_as_the_csv_crate_writes_it() {
        let cases: [&[&str]; 6] = [
            &[""],
            &["", ""],
            &["plain", "with, comma", "a \"quoted\" word", "line\r\nbreak"],
            &["\"", "\"\"", ",", "\n", "\r"],
            &[" leading space", "#hash", "'=formula", "é £ “curly”"],
            &["a", "", "b"],
        ];
        for cells in cases {
            let cells: Vec<String> = cells.iter().map(|c| (*c).to_owned()).collect();
            assert_eq!(
                String::from_utf8(by_write_line(&cells)).unwrap(),
                String::from_utf8(by_the_csv_crate(&cells)).unwrap(),
                "{cells:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_record_is_written_as_the_csv_crate_writes_it(
            cells in proptest::collection::vec("[a,\"\r\n #é ]{0,6}", 1..6)
        ) {
            prop_assert_eq!(by_write_line(&cells), by_the_csv_crate(&cells));
        }
    }
}
