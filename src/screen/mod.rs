//! Batch screening of many enquiries: a CSV file (or JSON Lines of [`Case`](crate::Case)s) in, one triage row per enquiry out.
//!
//! A law firm receives many enquiries from people who may be owed section 117 after-care, often people charged
//! care-home fees for years. The screen decides each one with the same rules as the checker ([`crate::evaluate`])
//! and writes what a caseworker needs to sort them: the entitlement, the council and NHS body, whether charges
//! were paid while entitled (since when, whether still, an estimate, the court's six-year limit), the deadlines
//! soonest first, the first next step, the points that are uncertain, and a one-line summary.
//!
//! Bad rows never stop the run, and a bad cell does not stop its row: a cell that cannot be read (or a fact that
//! cannot be true with the others) is left blank, reported with its row number as a spreadsheet shows it (the
//! heading row is row 1), the column, and what is wrong, in the same words as the checker's own field errors; the
//! row is screened without it and marked `unreadable`. Only a row with no usable date of the check is not screened. The CSV layout is in `docs/screening.md`.
//!
//! The module is pure (bytes in, values out) and is shared by the command line (`s117 screen`, in
//! `src/bin/s117/screen.rs`) and the browser, where a Web Worker drives a [`Job`] in chunks so that it can show
//! progress.
//!
//! ```
//! use s117::screen::{screen_csv, Options};
//!
//! let csv = "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,c1_what,c1_since\n\
//!            ENQ-1,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01\n\
//!            ENQ-2,2026-11-23,3,2024-02-12,2023-13-40,discharged,Bromsgrove,,\n";
//! let screened = screen_csv(csv, &Options::default());
//! assert_eq!(screened.rows.len(), 2);
//! assert_eq!(screened.rows[0].entitlement.code(), "entitled");
//! assert_eq!(screened.rows[0].refund_since.unwrap().to_string(), "2024-09-01");
//! assert_eq!(screened.rows[0].periods, 1);
//! // A cell that cannot be read is left blank and reported; the row is still screened, and marked.
//! assert_eq!(screened.rows[1].unreadable, ["d1_left"]);
//! assert_eq!(
//!     screened.errors[0].to_string(),
//!     "row 3, column d1_left: 2023-13-40 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only know the month or year) \u{2014} left blank: the row was screened without it"
//! );
//! ```
#![cfg(feature = "screen")]

mod columns;
mod firm_names;
mod ics;
mod job;
mod jsonl;
#[cfg(not(target_arch = "wasm32"))]
mod letters;
mod profile;
mod read;
mod triage;
mod values;
mod write;

pub use columns::{columns, Column};
pub use ics::{to_ics, Calendar};
pub use job::{thread_count, Format, Job, Step};
#[cfg(not(target_arch = "wasm32"))]
pub use letters::{is_letter_due, is_letter_written, BulkLetter, Firm};
pub use profile::{
    profile_fields, read_mapping, suggest_profile, write_mapping, FieldChoice, MappedColumn,
    MappedCouncil, Mapping, Profile, ProfileError,
};
pub use triage::{triage, Only, SortKey, View};
pub use write::{errors_to_csv, template_csv, to_csv, to_jsonl, CsvRows, CSV_HEADINGS};

/// Reads a date as the screen reads a date cell (`2023-03-01`, or the UK forms Excel writes, such as `01/03/2023`),
/// with the message the screen gives when it cannot (used for `s117 screen --as-at`).
///
/// # Errors
///
/// Returns the message saying what a date should look like.
pub fn parse_date(text: &str) -> Result<Date, String> {
    values::date(text)
}

use crate::date::Date;
use crate::decision::{DeadlineKind, Entitlement, FlagId};
use crate::messages;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What to screen and how to present it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The date of the check for rows that do not give one (`--as-at`).
    pub as_at: Option<Date>,
    /// Keep only rows matching every group; a group matches when any of its conditions does
    /// (`--only refund --only entitled,entitled_on_leaving_hospital`).
    pub only: Vec<Vec<Only>>,
    /// Keep only rows with a deadline from the date of the check to this many days after it (`--deadline-within`).
    pub deadline_within: Option<u32>,
    /// The order of the rows (`--sort`); input order by default.
    pub sort: SortKey,
    /// Largest first (`--descending`); rows without the value stay last.
    pub descending: bool,
    /// The firm's mapping profile (`--profile`): how its headings, separator and council names are read, applied
    /// exactly instead of the screen's own reading of the headings.
    #[serde(skip)]
    pub profile: Option<std::sync::Arc<Profile>>,
}

impl Options {
    /// The filters and the order, as a [`View`].
    pub fn view(&self) -> View {
        View {
            only: self.only.clone(),
            deadline_within: self.deadline_within,
            sort: self.sort,
            descending: self.descending,
        }
    }
}

/// One enquiry, triaged: a line of `s117 screen --format jsonl` (schema/triage-row.schema.json).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "cli",
    derive(schemars::JsonSchema),
    schemars(rename = "TriageRow")
)]
pub struct Row {
    /// Where the enquiry was in the input: its spreadsheet row (CSV, heading = row 1) or line (JSON Lines).
    pub row: u32,
    /// The firm's reference, as given (or `row N` when the cell was blank).
    pub reference: String,
    /// The date of the check.
    pub as_at: Date,
    /// Whether the person is owed s.117 after-care.
    pub entitlement: Entitlement,
    /// When the current duty arose, if known.
    pub duty_arose: Option<Date>,
    /// The council that must provide after-care.
    pub council: Option<String>,
    /// Its ONS code.
    pub council_code: Option<String>,
    /// Whether the checker is confident about the council.
    pub council_certain: Option<bool>,
    /// The NHS body that must arrange after-care.
    pub nhs_body: Option<String>,
    /// Its ONS code.
    pub nhs_body_code: Option<String>,
    /// Whether the checker is confident about the NHS body.
    pub nhs_body_certain: Option<bool>,
    /// How many periods of after-care duty the history holds (each readmission, joint decision or death ends one).
    pub periods: u32,
    /// Charges fell while a duty was running: a refund is likely due (unless every payment is time-barred).
    pub refund: bool,
    /// The first day charged while owed after-care (the oldest refund range's start).
    pub refund_since: Option<Date>,
    /// Whether a charge is still being made while owed after-care.
    pub refund_ongoing: bool,
    /// How many duty periods the charges fell in.
    pub refund_periods: u32,
    /// Whether every refundable payment is more than six years old (a court claim may be time-barred).
    pub all_time_barred: bool,
    /// An estimate of the refund in pounds (without interest), when the charges' amounts were given.
    pub refund_estimate: Option<f64>,
    /// Limitation: the day the oldest payment still in time becomes time-barred in court (six years from it).
    pub limitation: Option<Date>,
    /// The date ranges charged while a duty was running, oldest first (each a refund range).
    pub refund_ranges: Vec<RefundRange>,
    /// Payments made before this day may already be time-barred in court (six years before the date of the
    /// check), unless time only began when the mistake was discovered.
    pub time_barred_before: Option<Date>,
    /// The part of the estimate paid in the last six years, in pounds: what a court claim can certainly still reach.
    pub refund_estimate_in_time: Option<f64>,
    /// The last day to start judicial review of the ending or refusal given (three months from its earliest
    /// possible day), when one can be challenged.
    pub judicial_review_by: Option<Date>,
    /// The last day the ombudsman normally accepts a complaint (12 months from when the person first knew), when
    /// `first_knew` (or the date they were told of an ending) was given.
    pub ombudsman_by: Option<Date>,
    /// The version of the rules that screened the row.
    pub rules_version: &'static str,
    /// The date of the law the rules reflect.
    pub law_date: &'static str,
    /// The soonest dated deadline that has not passed at the date of the check.
    pub next_deadline: Option<Deadline>,
    /// Every deadline, in the decision's order (earliest first), including undated ones and any that have passed.
    pub deadlines: Vec<Deadline>,
    /// The first thing to do now, in one short sentence.
    pub next_step: Option<String>,
    /// Things the person should challenge (flags of kind `warning`).
    pub warnings: Vec<FlagId>,
    /// Points the law or the facts leave uncertain (flags of kind `uncertain`).
    pub uncertain: Vec<FlagId>,
    /// One line a caseworker can read.
    pub summary: String,
    /// The cells of this row that could not be read and were left blank (their headings): the row was screened
    /// without them, so its result is less certain. Each has its problem in the errors.
    pub unreadable: Vec<String>,
    /// The names in this row used as something other than written: a council's or NHS body's name read loosely,
    /// or as the firm's mapping profile says ("Local Authority: “Lancs CC” read as Lancashire County Council").
    /// Kept with the row, because a large file's warnings list only the first rows one by one.
    pub read_as: Vec<String>,
    /// The firm's own columns (client name, fee earner, notes …): every column of the input the screen does not
    /// read, with its heading as written and the row's cell unchanged, in the input's order. CSV output puts them
    /// after the screen's columns; JSON Lines as an object of heading to value.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "carried_map")]
    #[cfg_attr(
        feature = "cli",
        schemars(with = "std::collections::BTreeMap<String, String>")
    )]
    pub carried: Vec<Carried>,
}

/// One of the firm's own cells, carried through to the triage unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    /// The column's heading, as the file spells it (shared by every row).
    pub heading: std::sync::Arc<str>,
    /// The cell, as written.
    pub value: String,
}

/// The carried cells as a JSON object, in the input's order.
fn carried_map<S: serde::Serializer>(carried: &[Carried], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(carried.len()))?;
    for c in carried {
        map.serialize_entry(&*c.heading, &c.value)?;
    }
    map.end()
}

/// Days charged while a duty was running: one refund range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct RefundRange {
    /// The first day charged inside the duty period.
    pub from: Date,
    /// The last day charged inside it: the date of the check when the charge is still running.
    pub to: Date,
    /// Whether the charge is still running at the date of the check.
    pub ongoing: bool,
}

/// A time limit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Deadline {
    /// What it is for: `judicial_review`, `ombudsman`, `limitation` or `reply`.
    pub kind: DeadlineKind,
    /// The last day; `None` when the rule can only be described (the ombudsman without `first_knew`).
    pub date: Option<Date>,
    /// Whether it was counted from a date given only as a month or a year, so the real limit may be earlier.
    pub approximate: bool,
    /// Whether it has passed at the date of the check.
    pub passed: bool,
}

/// Where a problem was found: a CSV file (rows and columns) or JSON Lines (lines and fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A CSV file.
    Csv,
    /// JSON Lines.
    Jsonl,
}

/// A row that could not be screened, and why. One row can have several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// The spreadsheet row (CSV, heading = row 1) or line (JSON Lines).
    pub row: u32,
    /// The column heading as the file spells it (CSV), or the field's path (JSON Lines); `None` for the whole row.
    pub column: Option<String>,
    /// The spreadsheet cell, such as `F7` (CSV only).
    pub cell: Option<String>,
    /// The row's reference, if it has one.
    pub reference: Option<String>,
    /// What is wrong and what to do.
    pub message: String,
    /// The kind of input.
    pub source: Source,
    /// The row was still screened, with this cell left blank (so its triage row is marked `unreadable`).
    pub screened: bool,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = self.row.to_string();
        let message = if self.screened {
            messages::fill("screen.problem.left_blank", &[("message", &self.message)])
        } else {
            self.message.clone()
        };
        let values = [
            ("row", row.as_str()),
            ("column", self.column.as_deref().unwrap_or_default()),
            ("message", message.as_str()),
        ];
        f.write_str(&match (self.source, &self.column) {
            (Source::Csv, Some(_)) => messages::fill("screen.problem.row_column", &values),
            (Source::Csv, None) => messages::fill("screen.problem.row", &values),
            (Source::Jsonl, Some(_)) => messages::fill("screen.problem.line_field", &values),
            (Source::Jsonl, None) => messages::fill("screen.problem.line", &values),
        })
    }
}

/// Something worth knowing that did not stop a row being screened (an ignored column, a repeated reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The row (or line) concerned, if one.
    pub row: Option<u32>,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            Some(r) => {
                let row = r.to_string();
                let values = [("row", row.as_str()), ("message", self.message.as_str())];
                f.write_str(&messages::fill("screen.warning.row", &values))
            }
            None => f.write_str(&self.message),
        }
    }
}

/// How many rows had each outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Rows read (blank rows are not counted).
    pub rows: u32,
    /// Rows screened.
    pub screened: u32,
    /// Rows not screened because of an error.
    pub with_errors: u32,
    /// Rows screened with one or more cells that could not be read, left blank.
    pub with_unreadable: u32,
    /// Screened rows by entitlement.
    pub entitled: u32,
    /// Screened rows: entitled on leaving hospital.
    pub entitled_on_leaving_hospital: u32,
    /// Screened rows: not entitled.
    pub not_entitled: u32,
    /// Screened rows: entitlement lawfully ended.
    pub ended: u32,
    /// Screened rows: undetermined.
    pub undetermined: u32,
    /// Screened rows: out of scope.
    pub out_of_scope: u32,
    /// Screened rows with a likely refund.
    pub refund: u32,
    /// Screened rows with a dated deadline that has not passed.
    pub with_deadline: u32,
    /// Rows kept after the filters (`only`, `deadline_within`).
    pub shown: u32,
}

impl Counts {
    /// Adds one screened row.
    fn add(&mut self, row: &Row) {
        self.screened += 1;
        // Until filters are applied at the end, every screened row is shown.
        self.shown += 1;
        let n = match row.entitlement {
            Entitlement::Entitled => &mut self.entitled,
            Entitlement::EntitledOnLeavingHospital => &mut self.entitled_on_leaving_hospital,
            Entitlement::NotEntitled => &mut self.not_entitled,
            Entitlement::Ended => &mut self.ended,
            Entitlement::Undetermined => &mut self.undetermined,
            Entitlement::OutOfScope => &mut self.out_of_scope,
        };
        *n += 1;
        self.refund += u32::from(row.refund);
        self.with_deadline += u32::from(row.next_deadline.is_some());
    }

    /// The counts by outcome as `(code, count)`, in the order a firm acts on them (as `--sort entitlement`).
    pub fn by_entitlement(&self) -> [(&'static str, u32); 6] {
        [
            ("entitled", self.entitled),
            (
                "entitled_on_leaving_hospital",
                self.entitled_on_leaving_hospital,
            ),
            ("undetermined", self.undetermined),
            ("ended", self.ended),
            ("not_entitled", self.not_entitled),
            ("out_of_scope", self.out_of_scope),
        ]
    }
}

impl fmt::Display for Counts {
    /// `20 rows: 15 screened (9 entitled, …), 5 with errors; 6 refund candidates; 4 with a deadline`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let outcomes: Vec<String> = self
            .by_entitlement()
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(code, n)| {
                let count = n.to_string();
                let values = [("count", count.as_str()), ("outcome", code)];
                messages::fill("screen.counts.outcome", &values)
            })
            .collect();
        let outcomes = if outcomes.is_empty() {
            messages::text("screen.counts.none").to_owned()
        } else {
            outcomes.join(", ")
        };
        let numbers = [
            self.rows,
            self.screened,
            self.with_errors,
            self.refund,
            self.with_deadline,
            self.with_unreadable,
        ]
        .map(|n| n.to_string());
        let values = [
            ("rows", numbers[0].as_str()),
            ("screened", numbers[1].as_str()),
            ("outcomes", outcomes.as_str()),
            ("with_errors", numbers[2].as_str()),
            ("refund", numbers[3].as_str()),
            ("with_deadline", numbers[4].as_str()),
            ("with_unreadable", numbers[5].as_str()),
        ];
        f.write_str(&messages::fill("screen.counts", &values))
    }
}

/// The result of screening a file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Screened {
    /// The triage rows that pass the filters, in the order asked for.
    pub rows: Vec<Row>,
    /// Every problem, in file order.
    pub errors: Vec<RowError>,
    /// Things that did not stop any row. Warnings about single rows (a name or a section read loosely, a repeated
    /// reference) are listed one by one for the first [`LISTED_WARNINGS`] or so; after them each is only counted,
    /// with the others that say the same (the same column, value as written and reading), in a warning without a
    /// row at the end: "48,211 more rows: Local Authority: read “Lancs CC” as Lancashire County Council: check
    /// this is right". So memory does not grow with a file whose every row has one.
    pub warnings: Vec<Warning>,
    /// How many warnings about single rows were not listed one by one, only counted (0 when all were listed).
    pub unlisted_warnings: u32,
    /// Counts by outcome (of every screened row, before filtering).
    pub counts: Counts,
}

/// How many warnings about single rows are listed one by one, row by row (a row's warnings are listed together, so
/// the last row listed may take it a little over), before the rest are only counted.
pub const LISTED_WARNINGS: usize = 200;

/// Screens a CSV file (UTF-8, with or without a byte-order mark; Windows-1252 is read too).
///
/// Never fails: problems with rows, and with the heading row, are in [`Screened::errors`].
///
/// # Examples
///
/// ```
/// let out = s117::screen::screen_csv("reference,as_at\nA,2026-01-01\n", &Default::default());
/// assert_eq!(out.rows[0].entitlement.code(), "not_entitled");
/// ```
pub fn screen_csv(input: impl AsRef<[u8]>, options: &Options) -> Screened {
    Job::new(input.as_ref(), Format::Csv, options.clone()).run()
}

/// Screens JSON Lines: one [`Case`](crate::Case) per line, optionally with a `reference` field beside its fields,
/// or wrapped as `{"reference": …, "case": {…}}`.
///
/// # Examples
///
/// ```
/// let out = s117::screen::screen_jsonl(r#"{"reference": "A", "as_at": "2026-01-01"}"#, &Default::default());
/// assert_eq!(out.rows[0].reference, "A");
/// ```
pub fn screen_jsonl(input: impl AsRef<[u8]>, options: &Options) -> Screened {
    Job::new(input.as_ref(), Format::Jsonl, options.clone()).run()
}
