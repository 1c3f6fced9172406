//! A firm's mapping profile: how its export is read, written down so that the firm can check it, edit it and keep
//! it. `s117 screen FILE --suggest-profile` writes the one the screen would use; `--profile FILE` applies one
//! exactly: the separator it names, each heading as the field it names, and the firm's own council names.
//!
//! The format is plain text a paralegal can edit in Notepad: `#` starts a comment, `[file]`, `[columns]` and
//! `[councils]` start the three parts, and every other line is `name = value`:
//!
//! ```text
//! [file]
//! separator = comma
//! [columns]
//! Matter No. = reference
//! Date Sectioned = d1_admitted
//! Fee Earner = carried
//! [councils]
//! Lancs CC = Lancashire County Council
//! ```
//!
//! With a profile nothing is guessed: a heading the profile does not list is carried through unchanged, and a
//! heading it lists that the file does not have stops the screen before any row is screened, with a message that
//! names the heading and the profile's line.

use super::columns::{CaseCol, Field, Layout, StayCol};
use super::job::{delimiter, windows_1252};
use crate::messages;
use crate::reference::{read_council, Reading};
use std::fmt::Write as _;

/// A firm's mapping profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The byte between cells: `,`, `;` or a tab.
    pub(crate) delimiter: u8,
    /// Each heading as the file writes it (trimmed), what the column is for, and the profile's line that says so
    /// (counted from 1).
    pub(crate) columns: Vec<(String, Field, usize)>,
    /// Council names as the firm writes them, and the register's name for each.
    pub(crate) councils: Vec<(String, String)>,
}

/// The separators a profile can name, with their names.
const SEPARATORS: [(&str, u8); 3] = [("comma", b','), ("semicolon", b';'), ("tab", b'\t')];

/// The only values of the rules the screen always applies, which a profile states so the firm can see them.
const FIXED: [(&str, &[&str]); 3] = [
    ("encoding", &["utf-8", "windows-1252"]),
    ("dates", &["day-first"]),
    ("two_digit_years", &["1983-2082"]),
];

impl Profile {
    /// What a heading (as the file writes it) is for; `None` when the profile does not list it (carried).
    pub(crate) fn field(&self, heading: &str) -> Option<Field> {
        let heading = heading.trim();
        self.columns
            .iter()
            .find(|(h, _, _)| h == heading)
            .map(|&(_, f, _)| f)
    }

    /// The first heading the profile lists (read, carried or ignored) that `headings` does not have, as the message
    /// that names it and the profile's line, and says what to do.
    pub(crate) fn missing_heading(&self, headings: &[String]) -> Option<String> {
        self.columns
            .iter()
            .find(|(h, _, _)| !headings.iter().any(|x| x.trim() == h))
            .map(|(heading, field, line)| {
                let field = field.name();
                let values = [("heading", heading.as_str()), ("field", field.as_str())];
                let message = messages::fill("screen.profile.missing_heading", &values);
                let line = line.to_string();
                let values = [("line", line.as_str()), ("message", message.as_str())];
                messages::fill("screen.profile.line", &values)
            })
    }
}

impl std::str::FromStr for Profile {
    type Err = String;

    /// Reads a profile.
    ///
    /// # Errors
    ///
    /// The first line that cannot be read, with its number and what to write instead.
    fn from_str(text: &str) -> Result<Profile, String> {
        let mut profile = Profile {
            delimiter: b',',
            columns: Vec::new(),
            councils: Vec::new(),
        };
        let mut part = "";
        for (n, line) in text.lines().enumerate() {
            let line = line.trim().trim_start_matches('\u{feff}');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = |message: String| {
                let number = (n + 1).to_string();
                let values = [("line", number.as_str()), ("message", message.as_str())];
                messages::fill("screen.profile.line", &values)
            };
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                part = match name.trim() {
                    "file" => "file",
                    "columns" => "columns",
                    "councils" => "councils",
                    other => {
                        let values = [("part", other)];
                        return Err(at(messages::fill("screen.profile.part", &values)));
                    }
                };
                continue;
            }
            let Some((name, value)) = line.rsplit_once('=') else {
                return Err(at(messages::text("screen.profile.no_equals").to_owned()));
            };
            let (name, value) = (name.trim(), value.trim());
            match part {
                "file" => profile.file_rule(name, value).map_err(at)?,
                "columns" => {
                    let Some(field) = Field::from_name(value) else {
                        let values = [("field", value)];
                        return Err(at(messages::fill("screen.profile.field", &values)));
                    };
                    match profile.field(name) {
                        Some(f) if f != field => {
                            let values = [("heading", name)];
                            let message = messages::fill("screen.profile.heading_twice", &values);
                            return Err(at(message));
                        }
                        Some(_) => {}
                        None => profile.columns.push((name.to_owned(), field, n + 1)),
                    }
                }
                "councils" => {
                    if !matches!(
                        read_council(value),
                        Reading::AsWritten | Reading::Elsewhere(_)
                    ) {
                        let values = [("name", value)];
                        return Err(at(messages::fill("screen.profile.council", &values)));
                    }
                    profile.councils.push((name.to_owned(), value.to_owned()));
                }
                _ => return Err(at(messages::text("screen.profile.no_part").to_owned())),
            }
        }
        Ok(profile)
    }
}

impl Profile {
    /// Reads one line of the `[file]` part.
    fn file_rule(&mut self, name: &str, value: &str) -> Result<(), String> {
        let value = value.to_ascii_lowercase();
        if name == "separator" {
            return match SEPARATORS.iter().find(|(n, _)| *n == value) {
                Some(&(_, byte)) => {
                    self.delimiter = byte;
                    Ok(())
                }
                None => {
                    let values = [("value", value.as_str())];
                    Err(messages::fill("screen.profile.separator", &values))
                }
            };
        }
        match FIXED.iter().find(|(n, _)| *n == name) {
            Some((_, allowed)) if allowed.contains(&value.as_str()) => Ok(()),
            Some((_, allowed)) => {
                let allowed = allowed.join(", ");
                let values = [("name", name), ("value", &value), ("allowed", &allowed)];
                Err(messages::fill("screen.profile.fixed", &values))
            }
            None => Err(messages::fill("screen.profile.rule", &[("name", name)])),
        }
    }
}

/// The profile the screen would use to read `input` (a CSV file as it comes, read once from start to end), as the
/// text of a profile file: the
/// separator and encoding it found, the rules it always applies, each heading with the field the screen reads it
/// as (or `carried`), and every council name in the file that it would read loosely, with what it would read it as
/// (names it would not read are listed as comments, with the nearest names).
///
/// # Errors
///
/// The file has no heading row the screen can read (the same message as screening it would give).
///
/// # Examples
///
/// ```
/// let text = s117::screen::suggest_profile(&b"Matter No.;Section;Local Authority\nA;3;Lancs CC\n"[..]).unwrap();
/// assert!(text.contains("separator = semicolon\n"));
/// assert!(text.contains("Matter No. = reference\n"));
/// assert!(text.contains("Section = d1_section\n"));
/// assert!(text.contains("Lancs CC = Lancashire County Council\n"));
/// let profile: s117::screen::Profile = text.parse().unwrap();
/// ```
pub fn suggest_profile(input: impl std::io::Read) -> Result<String, String> {
    use std::io::BufRead;
    let mut input = std::io::BufReader::with_capacity(1 << 16, input);
    // The byte-order mark and the separator, from the start of the file (the heading row).
    let head = input.fill_buf().map_err(|e| e.to_string())?;
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let separator = delimiter(head.get(if bom { 3 } else { 0 }..).unwrap_or_default());
    if bom {
        input.consume(3);
    }
    let utf8 = std::cell::Cell::new(true);
    let decode = |f: &[u8]| {
        std::str::from_utf8(f).map_or_else(
            |_| {
                utf8.set(false);
                windows_1252(f)
            },
            str::to_owned,
        )
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(separator)
        .flexible(true)
        .from_reader(input);
    let mut records = reader.byte_records();
    let headings: Vec<String> = loop {
        match records.next() {
            Some(Ok(r)) => {
                let cells: Vec<String> = r.iter().map(decode).collect();
                if cells.iter().any(|c| !c.trim().is_empty()) {
                    break cells;
                }
            }
            Some(Err(e)) => return Err(e.to_string()),
            None => return Err(messages::text("screen.csv.empty").to_owned()),
        }
    };
    let layout = Layout::read_with(headings.clone(), None).map_err(|e| e.message)?;

    // The council names in the file that would be read loosely, or not at all, in the order they first appear.
    let mut council_cols: Vec<usize> = layout
        .stays
        .values()
        .flat_map(|s| [s.get(StayCol::Council), s.get(StayCol::PlacedBy)])
        .flatten()
        .collect();
    council_cols.extend(layout.get(CaseCol::LivesNowCouncil));
    let mut names: Vec<(String, Reading)> = Vec::new();
    for record in records {
        let record = record.map_err(|e| e.to_string())?;
        for &i in &council_cols {
            let Some(cell) = record.get(i).map(decode) else {
                continue;
            };
            let cell = cell.trim();
            if cell.is_empty() || names.iter().any(|(n, _)| n == cell) {
                continue;
            }
            match read_council(cell) {
                Reading::AsWritten | Reading::Elsewhere(_) => {}
                reading => names.push((cell.to_owned(), reading)),
            }
        }
    }

    let mut out = String::new();
    out.push_str(messages::text("screen.profile.header"));
    out.push_str("\n\n[file]\n");
    let separator = SEPARATORS
        .iter()
        .find(|(_, b)| *b == separator)
        .map_or("comma", |(n, _)| n);
    let encoding = if utf8.get() { "utf-8" } else { "windows-1252" };
    let _ = writeln!(out, "separator = {separator}");
    let _ = writeln!(out, "encoding = {encoding}");
    let _ = writeln!(out, "dates = day-first");
    let _ = writeln!(out, "two_digit_years = 1983-2082");
    out.push_str("\n[columns]\n");
    let mut written: Vec<&str> = Vec::new();
    for (heading, field) in super::columns::fields(&headings)
        .iter()
        .filter_map(|(h, f)| Some((h, (*f)?)))
    {
        if written.contains(&heading.as_str()) {
            continue;
        }
        written.push(heading);
        let _ = writeln!(out, "{heading} = {}", field.name());
    }
    out.push_str("\n[councils]\n");
    for (cell, reading) in &names {
        match reading {
            Reading::ReadAs(name) => {
                let _ = writeln!(out, "{cell} = {name}");
            }
            Reading::Unknown(nearest) => {
                let nearest = nearest.join("; ");
                let values = [("cell", cell.as_str()), ("nearest", nearest.as_str())];
                let line = if nearest.is_empty() {
                    messages::fill("screen.profile.unknown_council", &values)
                } else {
                    messages::fill("screen.profile.unknown_council.nearest", &values)
                };
                let _ = writeln!(out, "{line}");
            }
            Reading::AsWritten | Reading::Elsewhere(_) => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_reads_back_what_it_says() {
        let p: Profile = "# comment\n[file]\nseparator = tab\ndates = day-first\n[columns]\nMatter No. = reference\n\
                          Date = Sectioned = d1_admitted\nFee Earner = carried\nOld = ignored\nCTO? = d1_cto\n\
                          Weekly Fee (£) = c1_weekly_amount\n[councils]\nLancs = Lancashire County Council\n"
            .parse()
            .unwrap();
        assert_eq!(p.delimiter, b'\t');
        assert_eq!(
            p.field("Date = Sectioned").map(Field::name).as_deref(),
            Some("d1_admitted")
        );
        assert_eq!(
            p.field(" CTO? ").map(Field::name).as_deref(),
            Some("d1_cto")
        );
        assert_eq!(
            p.field("Weekly Fee (£)").map(Field::name).as_deref(),
            Some("c1_weekly_amount")
        );
        assert_eq!(p.field("Old"), Some(Field::Ignored));
        assert_eq!(p.field("Notes"), None);
        assert_eq!(
            p.councils,
            [("Lancs".to_owned(), "Lancashire County Council".to_owned())]
        );
    }

    #[test]
    fn a_line_that_cannot_be_read_is_named() {
        let e = "[columns]\nSection = d1_sectoin\n"
            .parse::<Profile>()
            .unwrap_err();
        assert_eq!(
            e,
            "line 2 of the profile: \u{201c}d1_sectoin\u{201d} is not a field the screen reads: use one that \
             s117 screen --columns lists (such as reference, d1_section or c1_since, with the stay's or charge's \
             number), carried or ignored"
        );
        let e = "[file]\ndates = month-first\n"
            .parse::<Profile>()
            .unwrap_err();
        assert_eq!(
            e,
            "line 2 of the profile: dates = month-first is not a rule the screen can apply: use day-first"
        );
        let e = "Section = d1_section\n".parse::<Profile>().unwrap_err();
        assert!(
            e.starts_with(
                "line 1 of the profile: put each line under [file], [columns] or [councils]"
            ),
            "{e}"
        );
        let e = "[councils]\nLancs = Lancaster Shire\n"
            .parse::<Profile>()
            .unwrap_err();
        assert!(
            e.contains("\u{201c}Lancaster Shire\u{201d} is not a council the checker knows"),
            "{e}"
        );
    }
}
