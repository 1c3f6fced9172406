//! Letters in bulk (`s117 screen --letters DIR`): one Word letter for each screened row that has one to write, from
//! the firm, carrying the enquiry's reference.
//!
//! The letter is the checker's own ([`crate::letter`]), written from the row's case in the tone the checker
//! recommends for it ([`Letter::recommended_tone`](crate::letter::Letter::recommended_tone)): a letter before claim
//! for an ending of after-care that is likely unlawful while judicial review is still in time, a first request
//! otherwise. Rows of people who are not owed after-care, or whose history is outside the law covered, get none;
//! nor do rows with a cell that could not be read (left blank), until it is corrected.
//!
//! The firm's name, address, telephone, email and reference prefix come from options; the person's name, date of
//! birth and address from the firm's own columns when they have a heading the screen knows ("Client name",
//! "Date of birth", "Client address" …). Natively only: the browser's screen does not write letters.

use super::Row;
use crate::case::Case;
use crate::date::Date;
use crate::decision::Entitlement;
use crate::letter::{self, Authority, Details, LetterRequest, Person, Recipients, Tone, Writer};
use crate::messages;
use serde::Deserialize;

/// The firm writing the letters: its letterhead, and the date the letters bear.
///
/// The command line reads it from `--firm FILE.json` (every field optional, names as below) and the `--firm-*`
/// flags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Firm {
    /// The firm's name, printed first at the top of each letter.
    pub name: Option<String>,
    /// Its address; lines separated by new lines or commas.
    pub address: Option<String>,
    /// Its telephone number.
    pub phone: Option<String>,
    /// Its email address.
    pub email: Option<String>,
    /// Put before the enquiry's reference in "Our reference" (`"SMI/"` gives `SMI/ENQ-1001`).
    pub reference_prefix: Option<String>,
    /// How the firm stands to each person, as it reads after "I am …'s": `solicitor` unless given.
    pub relationship: Option<String>,
    /// The firm's authority to act: `consent` (signed consent enclosed, the default), `lasting_power_of_attorney`,
    /// `deputy` or `other`.
    pub authority: Option<Authority>,
    /// The date the letters bear: the date of the check unless given.
    pub date: Option<Date>,
}

/// One letter written for one row.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkLetter {
    /// The row it was written for (as in the triage).
    pub row: u32,
    /// The enquiry's reference, as in the triage.
    pub reference: String,
    /// A file name for it: the reference with anything but letters, digits, `-`, `_` and `.` made a hyphen, then
    /// `.docx`.
    pub file_name: String,
    /// The tone it was written in.
    pub tone: Tone,
    /// The Word document.
    pub docx: Vec<u8>,
}

/// Headings (lower case, letters and digits only) of the firm's columns read into the letter.
const NAME_HEADINGS: [&str; 7] = [
    "clientname",
    "client",
    "name",
    "fullname",
    "patientname",
    "serviceusername",
    "personname",
];
const BORN_HEADINGS: [&str; 5] = ["dateofbirth", "dob", "clientdob", "birthdate", "born"];
const ADDRESS_HEADINGS: [&str; 4] = ["clientaddress", "address", "currentaddress", "homeaddress"];

/// Does the row need a letter? Every screened row except those of people not owed after-care and those outside
/// the law covered. (A row with a cell that could not be read still needs one, but gets none until the cell is
/// corrected: see [`is_letter_written`].)
pub fn is_letter_due(row: &Row) -> bool {
    match row.entitlement {
        Entitlement::Entitled
        | Entitlement::EntitledOnLeavingHospital
        | Entitlement::Ended
        | Entitlement::Undetermined => true,
        Entitlement::NotEntitled | Entitlement::OutOfScope => false,
    }
}

/// Is a letter written for the row? When it needs one and every cell of it could be read: a letter must not rest
/// on a fact left blank because its cell was unreadable.
pub fn is_letter_written(row: &Row) -> bool {
    is_letter_due(row) && row.unreadable.is_empty()
}

/// Writes the row's letter, if it gets one ([`is_letter_written`]).
pub(crate) fn write(case: &Case, row: &Row, firm: &Firm) -> Option<BulkLetter> {
    if !is_letter_written(row) {
        return None;
    }
    let carried = |names: &[&str]| {
        row.carried
            .iter()
            .find(|c| {
                let key: String = c
                    .heading
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                names.contains(&key.as_str())
            })
            .map(|c| c.value.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let mut request =
        LetterRequest {
            case: case.clone(),
            details: Details {
                person: Person {
                    name: carried(&NAME_HEADINGS),
                    date_of_birth: carried(&BORN_HEADINGS),
                    address: carried(&ADDRESS_HEADINGS),
                    ..Person::default()
                },
                writer: Some(Writer {
                    name: firm.name.clone(),
                    relationship: Some(firm.relationship.clone().unwrap_or_else(|| {
                        messages::text("screen.letters.relationship").to_owned()
                    })),
                    address: firm.address.clone(),
                    phone: firm.phone.clone(),
                    email: firm.email.clone(),
                    authority: Some(firm.authority.unwrap_or(Authority::Consent)),
                }),
            },
            to: Recipients::Both,
            date: firm.date.unwrap_or(row.as_at),
            options: letter::Options::default(),
        };
    let mut written = letter::render(&request);
    if written.recommended_tone != written.tone {
        request.options.tone = written.recommended_tone;
        written = letter::render(&request);
    }
    let ours = format!(
        "{}{}",
        firm.reference_prefix.as_deref().unwrap_or_default(),
        row.reference
    );
    let ours = letter::clean(&ours);
    let line = messages::fill("screen.letters.our_reference", &[("reference", &ours)]);
    written.sender.push(line);
    Some(BulkLetter {
        row: row.row,
        reference: row.reference.clone(),
        file_name: file_name(&row.reference, row.row),
        tone: written.tone,
        docx: letter::to_docx(&written),
    })
}

/// A file name from a reference: letters, digits, `-`, `_` and `.` kept, anything else a hyphen, at most 80
/// characters, never starting with a dot; `row-N` when nothing is left.
fn file_name(reference: &str, row: u32) -> String {
    let mut name: String = reference
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    while name.starts_with('.') {
        name.remove(0);
    }
    if name.trim_matches('-').is_empty() {
        name = format!("row-{row}");
    }
    format!("{name}.docx")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_the_reference_and_nothing_that_could_escape_the_folder() {
        assert_eq!(file_name("ENQ-1001", 2), "ENQ-1001.docx");
        assert_eq!(
            file_name("SMI/2026/7 (Jones)", 3),
            "SMI-2026-7--Jones-.docx"
        );
        assert_eq!(file_name("../../etc/passwd", 4), "-..-etc-passwd.docx");
        assert_eq!(file_name("..", 5), "row-5.docx");
        assert_eq!(file_name("  ", 6), "row-6.docx");
    }
}
