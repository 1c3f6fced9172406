//! The confirmation-request letter: to the council and the NHS body, from the same [`Decision`].
//!
//! There is no register of who is owed section 117 after-care, so a person (or someone acting for them) asks the
//! council and the NHS body to confirm it in writing. [`render`] evaluates the case with [`crate::evaluate`] and
//! writes that letter as structured [`Block`]s, so the web page can show headings and lists as real HTML (set
//! with `textContent`), the command line can print it ([`to_text`]) and anyone can download it as a Word file
//! ([`to_docx`]). The widget, the command line and the law-firm screen all get the same letter.
//!
//! The user chooses one joint letter, a letter to one side, or a separate letter to each side
//! ([`Recipients::Each`]); [`render_all`] gives every letter the choice makes, and [`to_text_all`] and
//! [`to_docx_all`] put several letters into one text (split by a form feed and a rule line) or one Word document
//! (a page break between letters), so one print gives them all.
//!
//! # What the letter does
//!
//! By default the letter fits on one A4 page (`short.rs`): who is writing (and, for someone else, their authority),
//! what happened in a sentence or two with its source, then what is asked, most important first: stop charging
//! and refund with interest when the decision finds charges, confirm in writing that section 117 after-care is
//! owed and which council and which NHS body hold the duty, the ending and the after-care plan, and the options
//! chosen. It asks for a reply within 20 working days ([`bank_holidays`]) and says what happens if there is none:
//! a formal complaint, then the ombudsman (the LGSCO and the PHSO in England, the PSOW in Wales).
//!
//! - **Tone** ([`Tone`]): a first request (the default); a formal complaint under the complaints regulations
//!   (SI 2009/309 in England; in Wales the social services regulations and "Putting Things Right"), asking for an
//!   acknowledgement and a response, with the ombudsman after; or a letter before claim laid out as the
//!   Pre-Action Protocol for Judicial Review asks, with a 14-day reply (`before_claim.rs`). The letter says which
//!   tone it recommends ([`Letter::recommended_tone`]): a letter before claim only for an ending the decision finds
//!   likely unlawful while the core's time for judicial review has not passed.
//! - **Annex** ([`Options::annex`]): the history and each point in full with its citation labels, on a page of
//!   its own after the signature ([`Letter::annex`]); a letter before claim always sets these out in its body.
//! - **Addressees**: the council's adult social care department and the NHS body the decision names, and every
//!   candidate body when the decision is not sure. A body the checker could not name, or a name it did not
//!   recognise, is never printed: the letter goes to the department, and a note asks the user to add the name.
//! - **No blanks**: optional details left blank are left out, never printed as lines, and the subject line names
//!   only what was given.
//! - **How to send it** ([`Letter::how_to_send`]): notes for the user, not part of the letter: email or recorded
//!   post, keep proof and a copy, and GOV.UK's "find your local council". The checker holds no postal or email
//!   address and never invents one.
//! - The footer names the rules version and the law date, and says the letter came from a screening tool.
//!
//! # Where its facts and words come from
//!
//! Every legal fact comes from the [`Decision`] (periods, bodies, flags, refunds, deadlines, and what the rules
//! made of each detention, [`Decision::detentions`]); the letter reads the case only for what the person said, and
//! never calls the rules (`tests/letter.rs` fails if a file here names them). Every word comes from the `letter.…`
//! section of the message catalogue ([`crate::messages`]), one whole template per sentence.
//!
//! # Honesty about the outcome
//!
//! The letter never claims more than the decision does:
//! - `entitled`: it states the entitlement and asks for confirmation.
//! - `undetermined`: it asks the bodies to check their records and confirm *whether* the person is entitled.
//! - `entitled_on_leaving_hospital`: it asks them to confirm the duty that will arise and to plan after-care now.
//! - `ended`: it asks for the joint written decision, the assessment and the reasons, and any refund due.
//! - `not_entitled` and `out_of_scope`: it is a short, polite request to confirm the position, which says in
//!   the letter itself that section 117 may not apply, and [`Letter::notes`] tells the user so plainly. A person
//!   told "not entitled" by a screening tool may still have a qualifying detention they did not know about, and
//!   the council's records are the way to find out, so refusing to write a letter would help no one.
//!
//! # Safety
//!
//! Everything the user typed (names, addresses, a council typed by hand, the hospital, charge descriptions) is
//! treated as inert text: control characters and bidirectional overrides are removed, runs of spaces collapse,
//! and each field is capped at [`MAX_FIELD`] characters. In the .docx every piece of text is XML-escaped, so
//! markup or Word field codes typed into a field appear as literal text. Rendering never panics.

mod addressees;
pub mod bank_holidays;
mod before_claim;
mod bodies;
mod charges;
mod chronology;
mod compose;
pub mod docx;
mod doubts;
mod ending;
mod extras;
mod next_steps;
mod notes;
mod opening;
mod plan;
mod requests;
mod send;
mod short;
pub mod text;
mod voice;
pub mod zip;

pub use docx::{to_docx, to_docx_all};
pub use text::{to_text, to_text_all};

use crate::case::Case;
use crate::date::Date;
use crate::decision::Decision;
use crate::sources::Citation;
use serde::{Deserialize, Serialize};

/// The longest any single field the user types may be, in characters; longer text is cut with "…".
pub const MAX_FIELD: usize = 1000;

/// A line to fill in by hand. The letter never prints one: blank details are left out (kept for callers that
/// check a text for it).
pub const BLANK: &str = "____________";

/// The number of working days the letter allows for a reply.
pub const REPLY_WORKING_DAYS: u32 = 20;

/// The number of days a letter before claim allows for a reply (Pre-Action Protocol for Judicial Review, para 21).
pub const BEFORE_CLAIM_REPLY_DAYS: u64 = 14;

/// GOV.UK's "find your local council" service, where every council in England and Wales has its contact details.
/// The checker holds no postal or email address of its own.
pub const FIND_LOCAL_COUNCIL: &str = "https://www.gov.uk/find-local-council";

/// GOV.UK's check of whether legal aid may be available.
pub const CHECK_LEGAL_AID: &str = "https://www.gov.uk/check-legal-aid";

/// Everything needed to write a letter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LetterRequest {
    /// The person's history, exactly as for a check. The letter evaluates it itself.
    pub case: Case,
    /// Names, addresses and who is writing. Every field is optional.
    #[serde(default)]
    pub details: Details,
    /// Whom the letter is addressed to.
    #[serde(default)]
    pub to: Recipients,
    /// The letter's date, supplied by the caller (the core never reads a clock). Normally today.
    pub date: Date,
    /// Optional extra requests.
    #[serde(default)]
    pub options: Options,
}

/// The person's details and, if someone else is writing, theirs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Details {
    /// The person the letter is about.
    #[serde(default)]
    pub person: Person,
    /// Someone writing on the person's behalf, if not the person themself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writer: Option<Writer>,
}

/// The person the letter is about. Blank fields are left out of the letter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Date of birth: `YYYY-MM-DD` is printed in words; anything else is printed as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Current address. Lines may be separated by new lines or commas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// NHS number (England and Wales), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nhs_number: Option<String>,
    /// Telephone number for replies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Email address for replies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Someone writing on the person's behalf.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Writer {
    /// The writer's full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How the writer is related to the person, as it should read after "I am their": "daughter", "advocate".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
    /// The writer's address, for replies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The writer's telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The writer's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The writer's authority to act, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
}

/// The writer's authority to act for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// The person has given signed consent, enclosed with the letter.
    Consent,
    /// The writer is the person's attorney under a lasting power of attorney.
    LastingPowerOfAttorney,
    /// The writer is the person's deputy, appointed by the Court of Protection.
    Deputy,
    /// Some other authority, with evidence enclosed.
    Other,
}

/// Whom the letter is addressed to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Recipients {
    /// One joint letter to the council and the NHS body.
    #[default]
    Both,
    /// The council only.
    Council,
    /// The NHS body only.
    Nhs,
    /// Two letters: one to the council (and any other council that may hold the duty), one to the NHS body (and
    /// any other NHS body that may). Each is complete on its own and says that a matching letter has gone to the
    /// other side, which shares the duty. `render_all` gives both letters; `render` only the council's.
    Each,
}

/// Optional extra requests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Ask for a personal health budget for the NHS part of the after-care (a legal right in England).
    pub personal_health_budget: bool,
    /// Ask for direct payments for the council's part of the after-care (England or Wales law, by the council).
    pub direct_payments: bool,
    /// Ask for help from an advocate: an independent mental health advocate as of right only where the case
    /// shows a qualifying patient (on a CTO, on section 17 leave, conditionally discharged, or still detained).
    pub advocate: bool,
    /// Ask for a copy of the records about the after-care (a subject access request).
    pub copy_of_records: bool,
    /// The letter's tone: a first request (the default), a formal complaint, or a letter before claim.
    pub tone: Tone,
    /// Add the legal grounds as an annex on a page of its own: the history, and each point with its sources.
    /// Off by default: the letter itself fits on one page. A letter before claim always sets out its grounds.
    pub annex: bool,
}

/// The letter's tone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// A first, polite request to confirm the after-care: what a person sends first.
    #[default]
    FirstRequest,
    /// A formal complaint under the councils' and the NHS complaints procedures, with the ombudsman after.
    FormalComplaint,
    /// A letter before claim, laid out as the Pre-Action Protocol for Judicial Review asks, with a 14-day reply:
    /// for an ending of after-care that can still be challenged in court.
    LetterBeforeClaim,
}

/// The finished letter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Letter {
    /// The sender's name and address lines, printed at the top.
    pub sender: Vec<String>,
    /// Whom the letter is addressed to, in order.
    pub addressees: Vec<Addressee>,
    /// The letter's date in words ("23 November 2026").
    pub date: String,
    /// The date by which a reply is asked for: 20 working days after the letter's date, or 14 days for a letter
    /// before claim.
    pub reply_by: Date,
    /// The tone the letter is written in.
    pub tone: Tone,
    /// The tone the checker recommends for this decision: a letter before claim only when after-care was ended
    /// in a way the decision finds likely unlawful and the time for judicial review has not passed; otherwise a
    /// first request.
    pub recommended_tone: Tone,
    /// The subject line.
    pub subject: String,
    /// The body of the letter, from "Dear Sir or Madam," to the signature.
    pub blocks: Vec<Block>,
    /// The annex of legal grounds, printed on a new page after the letter; empty unless asked for
    /// ([`Options::annex`]).
    pub annex: Vec<Block>,
    /// The footer: rules version, law date, and that a screening tool produced the letter.
    pub footer: String,
    /// Notes for the user, not part of the letter: things to fill in, check or consider before sending.
    pub notes: Vec<String>,
    /// How to send it: notes for the user, not part of the letter.
    pub how_to_send: HowToSend,
    /// Every source the letter cites, in order of first use. Each one's `label` appears in the text.
    pub citations: Vec<Citation>,
    /// The decision the letter was written from.
    pub decision: Decision,
}

/// How to send the letter: notes for the user, and where to find each body's contact details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HowToSend {
    /// The heading, "How to send it".
    pub heading: String,
    /// The steps, one sentence or two each.
    pub steps: Vec<String>,
    /// Links to follow for contact details: GOV.UK's "find your local council", and legal aid for a letter
    /// before claim.
    pub links: Vec<Link>,
}

/// A link for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The link's words.
    pub text: String,
    /// Where it goes.
    pub url: String,
}

/// One addressee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Addressee {
    /// The body's name; empty when the checker cannot name it (or did not recognise the name given), when the
    /// letter is addressed to the department alone and a note asks the user to add the name.
    pub name: String,
    /// The department or team to address it to.
    pub department: String,
    /// Whether this is the council or the NHS side.
    pub kind: AddresseeKind,
    /// Whether the checker is confident this body holds the duty.
    pub certain: bool,
    /// Why it is being written to, when that needs saying (the duty is uncertain or split).
    pub why: Option<String>,
}

/// Which side of the joint duty an addressee is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AddresseeKind {
    /// A council (local social services authority).
    Council,
    /// An NHS body: an integrated care board, a local health board, or NHS England.
    NhsBody,
}

/// A piece of the letter's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A section heading.
    Heading {
        /// The heading's text.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph's text.
        text: String,
    },
    /// A numbered or bulleted list.
    List {
        /// Numbered (true) or bulleted (false).
        ordered: bool,
        /// The items, one paragraph each.
        items: Vec<String>,
    },
    /// The sign-off, one line each (blank strings are blank lines).
    Signature {
        /// The lines.
        lines: Vec<String>,
    },
}

/// Writes the letter for a request. Evaluates the case itself with [`crate::evaluate`]; never panics.
///
/// # Examples
///
/// ```
/// use s117::letter::{render, to_text, LetterRequest};
/// let request: LetterRequest = serde_json::from_str(r#"{
///   "date": "2026-11-23",
///   "case": {"as_at": "2026-11-23", "detentions": [{"section": "3", "detained_in": "england",
///     "admitted": "2025-03-01", "left_hospital": "2025-06-01", "leaving": "discharged",
///     "lived_before": {"country": "england", "council": "Bromsgrove"}}]},
///   "details": {"person": {"name": "Sam Jones"}}
/// }"#).unwrap();
/// let letter = render(&request);
/// assert_eq!(letter.reply_by.to_string(), "2026-12-21");
/// assert!(to_text(&letter).contains("Worcestershire County Council"));
/// ```
///
/// For [`Recipients::Each`] this is the first of the two letters, the council's; use [`render_all`] for both.
pub fn render(request: &LetterRequest) -> Letter {
    let decision = decide(request);
    compose::compose(request, decision, Side::first(request.to))
}

/// Writes every letter a request asks for, in order: one for [`Recipients::Both`], [`Recipients::Council`] and
/// [`Recipients::Nhs`] (the same letter as [`render`]), two for [`Recipients::Each`] (the council's, then the NHS
/// body's). Never panics and never returns an empty list.
///
/// # Examples
///
/// ```
/// use s117::letter::{render_all, AddresseeKind, LetterRequest};
/// let request: LetterRequest = serde_json::from_str(r#"{
///   "date": "2026-11-23", "to": "each",
///   "case": {"as_at": "2026-11-23", "detentions": [{"section": "3", "detained_in": "england",
///     "admitted": "2025-03-01", "left_hospital": "2025-06-01", "leaving": "discharged",
///     "lived_before": {"country": "england", "council": "Bromsgrove"}}]}
/// }"#).unwrap();
/// let letters = render_all(&request);
/// assert_eq!(letters.len(), 2);
/// assert!(letters[0].addressees.iter().all(|a| a.kind == AddresseeKind::Council));
/// assert!(letters[1].addressees.iter().all(|a| a.kind == AddresseeKind::NhsBody));
/// ```
pub fn render_all(request: &LetterRequest) -> Vec<Letter> {
    let decision = decide(request);
    match request.to {
        Recipients::Each => vec![
            compose::compose(request, decision.clone(), Side::PairedCouncil),
            compose::compose(request, decision, Side::PairedNhs),
        ],
        to => vec![compose::compose(request, decision, Side::first(to))],
    }
}

/// The decision the letter is built from. Its facts are the same however it is worded; its words reach the letter
/// only as notes for the one sending it, so when someone else writes for the person and the case does not say how to
/// refer to them ([`Case::about`](crate::case::Case::about)), the notes speak of the person by their name (or as
/// "the person"), not to "you".
fn decide(request: &LetterRequest) -> Decision {
    let someone_else = request.details.writer.is_some();
    let said = request
        .case
        .about
        .as_deref()
        .is_some_and(|a| !a.trim().is_empty());
    if !someone_else || said {
        return crate::evaluate(&request.case);
    }
    let about = field(request.details.person.name.as_ref())
        .unwrap_or_else(|| crate::messages::text("voice.the_person").to_owned());
    crate::evaluate(&Case {
        about: Some(about),
        ..request.case.clone()
    })
}

/// Which side one letter is written to: what [`Recipients`] means for a single letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// One joint letter to both.
    Both,
    /// The council alone.
    Council,
    /// The NHS body alone.
    Nhs,
    /// The council, with a matching letter to the NHS body.
    PairedCouncil,
    /// The NHS body, with a matching letter to the council.
    PairedNhs,
}

impl Side {
    /// The side of the first (for all but [`Recipients::Each`], the only) letter.
    fn first(to: Recipients) -> Side {
        match to {
            Recipients::Both => Side::Both,
            Recipients::Council => Side::Council,
            Recipients::Nhs => Side::Nhs,
            Recipients::Each => Side::PairedCouncil,
        }
    }
}

/// Removes what must not reach a letter from text the user typed: control characters, bidirectional
/// overrides and isolates, and characters XML cannot carry; collapses runs of white space; trims; and caps the
/// length at [`MAX_FIELD`] characters.
///
/// # Examples
///
/// ```
/// use s117::letter::clean;
/// assert_eq!(clean("  Jane\u{0}\t Smith\u{202E}  "), "Jane Smith");
/// assert_eq!(clean("\n"), "");
/// ```
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_FIELD * 4));
    let mut count = 0;
    let mut space = false;
    for ch in text.chars() {
        if is_unsafe(ch) {
            continue;
        }
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            count += 1;
            space = false;
        }
        if count >= MAX_FIELD {
            out.push('…');
            break;
        }
        out.push(ch);
        count += 1;
    }
    out
}

/// Characters never passed through: C0 and C1 controls other than white space, bidirectional embeddings,
/// overrides and isolates (which can make text display in a misleading order), and the XML non-characters.
fn is_unsafe(ch: char) -> bool {
    (ch.is_control() && !ch.is_whitespace())
        || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A user's field, cleaned, or `None` if nothing is left.
fn field(text: Option<&String>) -> Option<String> {
    text.map(|t| clean(t)).filter(|t| !t.is_empty())
}

/// Address lines from what the user typed: split at new lines and commas, each cleaned.
fn address_lines(text: Option<&String>) -> Vec<String> {
    let Some(text) = text else { return Vec::new() };
    let mut lines: Vec<String> = text
        .split(['\n', '\r', ','])
        .map(clean)
        .filter(|l| !l.is_empty())
        .collect();
    // A pathological address of thousands of commas must not become thousands of lines.
    lines.truncate(12);
    lines
}

/// Checks that the facts in the request's case can all be true together ([`crate::validate`]), with `case.` in
/// front of each field, so a form can show each problem next to its question. An empty list means the request
/// can be rendered as it is; [`render`] works on any request, but a letter built on contradictory dates would
/// say contradictory things.
///
/// # Examples
///
/// ```
/// let request: s117::letter::LetterRequest = serde_json::from_str(r#"{"date": "2026-11-23",
///   "case": {"as_at": "2026-11-23", "detentions": [{"section": "3", "detained_in": "england",
///   "admitted": "2025-05-01", "left_hospital": "2025-04-01", "lived_before": {"country": "england"}}]}}"#).unwrap();
/// assert_eq!(s117::letter::validate(&request)[0].field, "case.detentions[0].left_hospital");
/// ```
pub fn validate(request: &LetterRequest) -> Vec<crate::InputError> {
    crate::validate(&request.case)
        .into_iter()
        .map(|e| crate::InputError {
            field: format!("case.{}", e.field),
            message: e.message,
        })
        .collect()
}

/// Reads a [`LetterRequest`] from JSON text and checks its case, for the command line.
///
/// # Errors
///
/// Returns an [`InputError`](crate::InputError) naming the field that could not be read (such as
/// `case.detentions[0].admitted` or `details.writer.authority`), or every problem [`crate::validate`] finds in
/// the case, with `case.` in front of its field.
///
/// # Examples
///
/// ```
/// let errors = s117::letter::parse_request(r#"{"date": "2026-11-23", "case": {"as_at": "2026-11-23"},
///   "to": "the council"}"#).unwrap_err();
/// assert_eq!(errors[0].field, "to");
/// ```
#[cfg(feature = "cli")]
pub fn parse_request(json: &str) -> Result<LetterRequest, Vec<crate::InputError>> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    let request: LetterRequest = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner();
        let mut message = inner.to_string();
        // serde_json appends " at line L column C"; keep it only for syntax errors, where there is no field.
        let located = format!(" at line {} column {}", inner.line(), inner.column());
        let field = if path == "." || path.is_empty() {
            "input".to_owned()
        } else {
            if let Some(stripped) = message.strip_suffix(&located) {
                message = stripped.to_owned();
            }
            path
        };
        vec![crate::InputError { field, message }]
    })?;
    let errors = validate(&request);
    if errors.is_empty() {
        Ok(request)
    } else {
        Err(errors)
    }
}
