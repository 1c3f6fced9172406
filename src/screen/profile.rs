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

use super::columns::{CaseCol, Field, Layout, Meaning, StayCol};
use super::job::{delimiter, windows_1252};
use crate::messages;
use crate::reference::{read_council, Reading};
use serde::{Deserialize, Serialize};
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
                on_line(
                    *line,
                    &messages::fill("screen.profile.missing_heading", &values),
                )
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
        parse(text).map(|p| p.profile).map_err(|e| e.message)
    }
}

/// A profile as it was read, with what the page shows besides: the encoding it names, and every council line in
/// order, including the names the screen could not read (written as comments).
struct Parsed {
    profile: Profile,
    encoding: Option<String>,
    councils: Vec<MappedCouncil>,
}

/// A message about a line of the profile: `line 2 of the profile: …`.
fn on_line(line: usize, message: &str) -> String {
    let line = line.to_string();
    let values = [("line", line.as_str()), ("message", message)];
    messages::fill("screen.profile.line", &values)
}

/// Reads a profile's text; an error names the line.
fn parse(text: &str) -> Result<Parsed, ProfileError> {
    let mut parsed = Parsed {
        profile: Profile {
            delimiter: b',',
            columns: Vec::new(),
            councils: Vec::new(),
        },
        encoding: None,
        councils: Vec::new(),
    };
    let profile = &mut parsed.profile;
    let mut part = "";
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        let at = |message: String| ProfileError {
            line: n + 1,
            message: on_line(n + 1, &message),
            column: None,
            council: None,
        };
        if part == "councils" {
            // A name the screen could not read, as `suggest_profile` writes it: `# Springfield = ?   (…)`.
            if let Some((name, _)) = line.strip_prefix('#').and_then(|l| l.split_once(" = ?")) {
                parsed.councils.push(MappedCouncil {
                    name: name.trim().to_owned(),
                    council: String::new(),
                });
                continue;
            }
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
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
            "file" => {
                profile.file_rule(name, value).map_err(at)?;
                if name == "encoding" {
                    parsed.encoding = Some(value.to_ascii_lowercase());
                }
            }
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
                parsed.councils.push(MappedCouncil {
                    name: name.to_owned(),
                    council: value.to_owned(),
                });
            }
            _ => return Err(at(messages::text("screen.profile.no_part").to_owned())),
        }
    }
    Ok(parsed)
}

/// A profile that cannot be read: the line, and the message that names it and says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileError {
    /// The line's number in the profile's text, from 1.
    pub line: usize,
    /// `line 2 of the profile: …`.
    pub message: String,
    /// When the text was written from a [`Mapping`] ([`write_mapping`]): the position of the heading in
    /// `columns` the line is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The same for a council in `councils`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub council: Option<usize>,
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A profile as the screen's page shows it, one control for each line: the separator, each heading of the file
/// with its field, and each council name as the firm writes it. [`read_mapping`] reads a profile's text into one,
/// and [`write_mapping`] writes one back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// `comma`, `semicolon` or `tab`.
    pub separator: String,
    /// The encoding the profile names (`utf-8` or `windows-1252`), if it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Each heading, as the file writes it, and its field, in the profile's order.
    pub columns: Vec<MappedColumn>,
    /// Each council name, as the firm writes it, and the register's name for it, in the profile's order.
    #[serde(default)]
    pub councils: Vec<MappedCouncil>,
    /// The highest stay number a field names (`d2_left`: 2), so the page can offer that many stays.
    #[serde(default)]
    pub stays: u32,
    /// The highest charge number a field names.
    #[serde(default)]
    pub charges: u32,
}

/// A heading of the firm's file and what it is read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappedColumn {
    /// The heading, exactly as the file writes it.
    pub heading: String,
    /// A field's id ([`profile_fields`]), `carried` or `ignored`.
    pub field: String,
}

/// A council name as the firm writes it and the council the screen reads it as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappedCouncil {
    /// The name, as the firm's file writes it.
    pub name: String,
    /// The register's name for it; empty when not known yet (written as a comment, which the screen ignores).
    pub council: String,
}

/// Reads a profile's text into its [`Mapping`].
///
/// # Errors
///
/// The first line that cannot be read, as `Profile`'s `from_str` gives it, with its number.
///
/// # Examples
///
/// ```
/// let m = s117::screen::read_mapping("[file]\nseparator = tab\n[columns]\nMatter No. = reference\n").unwrap();
/// assert_eq!(m.separator, "tab");
/// assert_eq!((m.columns[0].heading.as_str(), m.columns[0].field.as_str()), ("Matter No.", "reference"));
/// let e = s117::screen::read_mapping("[columns]\nSection = d1_sectoin\n").unwrap_err();
/// assert_eq!(e.line, 2);
/// ```
pub fn read_mapping(text: &str) -> Result<Mapping, ProfileError> {
    let parsed = parse(text)?;
    let profile = parsed.profile;
    let highest = |stay: bool| {
        profile
            .columns
            .iter()
            .filter_map(|(_, f, _)| match f {
                Field::Reads(Meaning::Stay(n, _)) if stay => Some(*n),
                Field::Reads(Meaning::Charge(n, _)) if !stay => Some(*n),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    };
    Ok(Mapping {
        separator: separator_name(profile.delimiter).to_owned(),
        encoding: parsed.encoding,
        stays: highest(true),
        charges: highest(false),
        columns: profile
            .columns
            .iter()
            .map(|(heading, field, _)| MappedColumn {
                heading: heading.clone(),
                field: field.name(),
            })
            .collect(),
        councils: parsed.councils,
    })
}

/// Writes a [`Mapping`] as a profile's text (what [`suggest_profile`] writes: the explanation, then the three
/// parts), and reads it back to check it. A council with no name yet is written as a comment, as
/// [`suggest_profile`] writes a name it could not read.
///
/// # Errors
///
/// A line of the text that cannot be read, naming it, with the position of the heading or council it is for.
///
/// # Examples
///
/// ```
/// let mut m = s117::screen::read_mapping("[columns]\nLocal Authority = d1_council\n").unwrap();
/// m.columns[0].field = "ignored".to_owned();
/// let text = s117::screen::write_mapping(&m).unwrap();
/// assert!(text.contains("\n[columns]\nLocal Authority = ignored\n"));
/// m.columns[0].field = "d1_sectoin".to_owned();
/// assert_eq!(s117::screen::write_mapping(&m).unwrap_err().column, Some(0));
/// ```
pub fn write_mapping(mapping: &Mapping) -> Result<String, ProfileError> {
    let mut out = String::new();
    out.push_str(messages::text("screen.profile.header"));
    out.push_str("\n\n[file]\n");
    let _ = writeln!(out, "separator = {}", mapping.separator.trim());
    if let Some(encoding) = &mapping.encoding {
        let _ = writeln!(out, "encoding = {}", encoding.trim());
    }
    let _ = writeln!(out, "dates = day-first");
    let _ = writeln!(out, "two_digit_years = 1983-2082");
    out.push_str("\n[columns]\n");
    // The line each heading and council is written on, to name it when the text cannot be read.
    let line = |out: &str| out.lines().count() + 1;
    let mut columns = Vec::new();
    for (i, c) in mapping.columns.iter().enumerate() {
        columns.push((line(&out), i));
        let _ = writeln!(out, "{} = {}", c.heading.trim(), c.field.trim());
    }
    out.push_str("\n[councils]\n");
    let mut councils = Vec::new();
    for (i, c) in mapping.councils.iter().enumerate() {
        councils.push((line(&out), i));
        let (name, council) = (c.name.trim(), c.council.trim());
        if council.is_empty() {
            let _ = writeln!(out, "{}", unknown_council(name, &read_council(name)));
        } else {
            let _ = writeln!(out, "{name} = {council}");
        }
    }
    match parse(&out) {
        Ok(_) => Ok(out),
        Err(mut e) => {
            let line = e.line;
            let at =
                |lines: &[(usize, usize)]| lines.iter().find(|(l, _)| *l == line).map(|&(_, i)| i);
            e.column = at(&columns);
            e.council = at(&councils);
            Err(e)
        }
    }
}

/// A separator's name in a profile.
fn separator_name(delimiter: u8) -> &'static str {
    SEPARATORS
        .iter()
        .find(|(_, b)| *b == delimiter)
        .map_or("comma", |(n, _)| n)
}

/// The comment line for a council name the screen could not read, with the nearest names if it has them.
fn unknown_council(cell: &str, reading: &Reading) -> String {
    let nearest = match reading {
        Reading::Unknown(nearest) => nearest.join("; "),
        _ => String::new(),
    };
    let values = [("cell", cell), ("nearest", nearest.as_str())];
    if nearest.is_empty() {
        messages::fill("screen.profile.unknown_council", &values)
    } else {
        messages::fill("screen.profile.unknown_council.nearest", &values)
    }
}

/// A field a heading can be read as, for the screen page's choice of field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChoice {
    /// Its name in a profile: `reference`, `d1_left`, `c2_weekly_amount`.
    pub id: String,
    /// What it is, in a few words (the interview's label, as `s117 screen --columns` gives it).
    pub label: String,
    /// `case` (the enquiry), `stay` or `charge`.
    pub part: &'static str,
    /// The stay's or charge's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
}

/// Every field a profile can name, for `stays` stays and `charges` charges: the enquiry's (every case column of
/// [`super::columns`], then `aftercare_stopped`), then each stay's (its columns, then `dN_cto`), then each charge's
/// (its columns, then the amounts per week, month, year and in total). `carried` and `ignored` are not in it.
///
/// # Examples
///
/// ```
/// let fields = s117::screen::profile_fields(2, 1);
/// assert_eq!(fields[0].id, "reference");
/// let left = fields.iter().find(|f| f.id == "d2_left").unwrap();
/// assert_eq!((left.label.as_str(), left.part, left.number), ("Left hospital", "stay", Some(2)));
/// assert!(fields.iter().any(|f| f.id == "c1_weekly_amount"));
/// assert!(!fields.iter().any(|f| f.id.starts_with("c2_")));
/// ```
pub fn profile_fields(stays: u32, charges: u32) -> Vec<FieldChoice> {
    let columns = super::columns::columns();
    let choice = |id: String, label: &str, part, number| FieldChoice {
        id,
        label: label.to_owned(),
        part,
        number,
    };
    let mut out: Vec<FieldChoice> = columns
        .iter()
        .filter(|c| !c.heading.starts_with("dN_") && !c.heading.starts_with("cN_"))
        .map(|c| choice(c.heading.clone(), c.label, "case", None))
        .collect();
    let stopped = messages::text("screen.field.aftercare_stopped");
    out.push(choice(
        "aftercare_stopped".to_owned(),
        stopped,
        "case",
        None,
    ));
    for n in 1..=stays {
        for c in columns.iter().filter(|c| c.heading.starts_with("dN_")) {
            let id = format!("d{n}_{}", &c.heading[3..]);
            out.push(choice(id, c.label, "stay", Some(n)));
        }
        let cto = messages::text("screen.field.cto");
        out.push(choice(format!("d{n}_cto"), cto, "stay", Some(n)));
    }
    for n in 1..=charges {
        for c in columns.iter().filter(|c| c.heading.starts_with("cN_")) {
            let id = format!("c{n}_{}", &c.heading[3..]);
            out.push(choice(id, c.label, "charge", Some(n)));
        }
        for (per, label) in [
            (
                "weekly_amount",
                messages::text("screen.field.weekly_amount"),
            ),
            (
                "monthly_amount",
                messages::text("screen.field.monthly_amount"),
            ),
            (
                "yearly_amount",
                messages::text("screen.field.yearly_amount"),
            ),
            ("total_amount", messages::text("screen.field.total_amount")),
        ] {
            out.push(choice(format!("c{n}_{per}"), label, "charge", Some(n)));
        }
    }
    out
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
    let separator = separator_name(separator);
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
            Reading::Unknown(_) => {
                let _ = writeln!(out, "{}", unknown_council(cell, reading));
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

    #[test]
    fn a_mapping_reads_and_writes_back_the_same() {
        let file = include_bytes!("../../tests/fixtures/firm-export-60.csv");
        let text = suggest_profile(&file[..]).unwrap();
        let m = read_mapping(&text).unwrap();
        assert_eq!(
            (m.separator.as_str(), m.encoding.as_deref()),
            ("comma", Some("utf-8"))
        );
        assert_eq!((m.stays, m.charges), (1, 1));
        let cto = m.columns.iter().find(|c| c.heading == "CTO?").unwrap();
        assert_eq!(cto.field, "d1_cto");
        // A name the screen could not read is a council with no name yet, in its place among the others.
        let springfield = m
            .councils
            .iter()
            .position(|c| c.name == "Springfield")
            .unwrap();
        assert_eq!(m.councils[springfield].council, "");
        assert_eq!(m.councils[springfield - 1].name, "N Yorks");
        // Written back, the text is the suggestion itself, and it reads back the same.
        let written = write_mapping(&m).unwrap();
        assert_eq!(written, text);
        assert_eq!(read_mapping(&written).unwrap(), m);
        // A change of field is written in place.
        let mut changed = m.clone();
        let i = changed
            .columns
            .iter()
            .position(|c| c.heading == "Local Authority")
            .unwrap();
        changed.columns[i].field = "ignored".to_owned();
        changed.councils[springfield].council = "Lancashire County Council".to_owned();
        changed.separator = "semicolon".to_owned();
        let written = write_mapping(&changed).unwrap();
        assert!(
            written.contains("\nLocal Authority = ignored\n"),
            "{written}"
        );
        assert!(
            written.contains("\nSpringfield = Lancashire County Council\n"),
            "{written}"
        );
        let profile: Profile = written.parse().unwrap();
        assert_eq!(profile.delimiter, b';');
        assert_eq!(profile.field("Local Authority"), Some(Field::Ignored));
    }

    #[test]
    fn a_mapping_that_cannot_be_written_names_its_line_and_control() {
        let mut m = read_mapping("[columns]\nSection = d1_section\nLocal Authority = d1_council\n[councils]\nLancs = Lancashire County Council\n").unwrap();
        m.columns[1].field = "d1_counsil".to_owned();
        let e = write_mapping(&m).unwrap_err();
        assert_eq!((e.column, e.council), (Some(1), None));
        assert!(
            e.message.starts_with(&format!(
                "line {} of the profile: \u{201c}d1_counsil\u{201d}",
                e.line
            )),
            "{e}"
        );
        m.columns[1].field = "d1_council".to_owned();
        m.councils[0].council = "Lancaster Shire".to_owned();
        let e = write_mapping(&m).unwrap_err();
        assert_eq!((e.column, e.council), (None, Some(0)));
        m.councils[0].council = "Lancashire County Council".to_owned();
        m.separator = "pipe".to_owned();
        let e = write_mapping(&m).unwrap_err();
        assert_eq!((e.column, e.council), (None, None));
        assert!(
            e.message.contains("separator = pipe is not a separator"),
            "{e}"
        );
        let e = read_mapping("[columns]\nSection\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, None));
    }

    #[test]
    fn every_field_offered_is_one_a_profile_reads() {
        let fields = profile_fields(3, 2);
        for f in &fields {
            let field = Field::from_name(&f.id).unwrap_or_else(|| panic!("{} is not read", f.id));
            assert_eq!(field.name(), f.id);
            assert!(matches!(field, Field::Reads(_)), "{}", f.id);
            assert!(!f.label.is_empty());
        }
        let ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
        for id in [
            "reference",
            "first_knew",
            "aftercare_stopped",
            "d1_section",
            "d3_cto",
            "c2_total_amount",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
        assert!(!ids.contains(&"d4_section") && !ids.contains(&"c3_what"));
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
    }
}
