//! The CSV layout: which heading means which fact, in any order and any case.
//!
//! A heading is normalised before it is matched: surrounding spaces are dropped, letters are lower-cased, and
//! spaces, hyphens and dots become underscores, so `D1 Left`, `d1-left` and `d1_left` are the same column.
//! Stays are numbered column groups (`d1_…`, `d2_…`, any number of them) and so are charges (`c1_…`, `c2_…`).
//! The layout is documented, with examples, in `docs/screening.md`.
//!
//! Every column but `reference` and `as_at` is a fact the interview asks ([`crate::interview::facts`]): each says
//! which ([`StayCol::fact`]), so a field error from [`crate::error::validate`] finds its column by the same list,
//! and [`columns`] describes each column in the interview's own words (its label and hint), not in a second set.

use crate::messages;
use serde::Serialize;
use std::collections::BTreeMap;

/// A fact about the whole case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseCol {
    Reference,
    AsAt,
    LivesNowCountry,
    LivesNowCouncil,
    GpIcb2022,
    SpecialisedAftercare,
    EndedDate,
    EndedReason,
    EndedJointDecision,
    FirstKnew,
    /// A firm's "Aftercare stopped?" column: yes, no, not known, or the date it stopped (headings in
    /// [`FIRM_NAMES`](super::firm_names::FIRM_NAMES) only).
    Ended,
}

/// A fact about one stay (`dN_…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StayCol {
    Section,
    DetainedIn,
    Admitted,
    SectionEnded,
    Left,
    Leaving,
    Recall,
    CtoEnded,
    Country,
    Council,
    PlacedBy,
    LackedCapacity,
    DischargeCondition,
    LostHome,
    GpIcb,
    NhseSecure,
    Hospital,
    /// A firm's "CTO?" column: yes means the person left hospital on a community treatment order (headings in
    /// [`FIRM_NAMES`](super::firm_names::FIRM_NAMES) only).
    Cto,
}

/// A fact about one charge (`cN_…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChargeCol {
    What,
    Since,
    Until,
    TopUp,
    Amount,
    Per,
    /// An amount whose heading says what it is for ("Weekly fee", "Monthly charge"; [`FIRM_NAMES`](super::firm_names::FIRM_NAMES) only).
    AmountPer(crate::case::Per),
}

impl CaseCol {
    /// The interview's fact this column gives (`lives_now.council`), or `None` for the firm's reference and the
    /// date of the check, which the interview does not ask.
    pub(crate) fn fact(self) -> Option<&'static str> {
        Some(match self {
            CaseCol::Reference | CaseCol::AsAt => return None,
            CaseCol::LivesNowCountry => "lives_now.country",
            CaseCol::LivesNowCouncil => "lives_now.council",
            CaseCol::GpIcb2022 => "gp_icb_on_1_july_2022",
            CaseCol::SpecialisedAftercare => "specialised_aftercare",
            CaseCol::EndedDate => "aftercare_ended.date",
            CaseCol::EndedReason => "aftercare_ended.reason",
            CaseCol::EndedJointDecision => "aftercare_ended.joint_written_decision",
            CaseCol::FirstKnew => "first_knew",
            CaseCol::Ended => "aftercare_ended",
        })
    }
}

impl StayCol {
    /// The interview's fact this column gives: `detentions[].left_hospital`.
    pub(crate) fn fact(self) -> &'static str {
        match self {
            StayCol::Section => "detentions[].section",
            StayCol::DetainedIn => "detentions[].detained_in",
            StayCol::Admitted => "detentions[].admitted",
            StayCol::SectionEnded => "detentions[].section_ended",
            StayCol::Left => "detentions[].left_hospital",
            StayCol::Leaving => "detentions[].leaving",
            StayCol::Recall => "detentions[].recall",
            StayCol::CtoEnded => "detentions[].cto_ended",
            StayCol::Country => "detentions[].lived_before.country",
            StayCol::Council => "detentions[].lived_before.council",
            StayCol::PlacedBy => "detentions[].lived_before.placed_by",
            StayCol::LackedCapacity => "detentions[].lived_before.lacked_capacity",
            StayCol::DischargeCondition => {
                "detentions[].lived_before.required_by_discharge_condition"
            }
            StayCol::LostHome => "detentions[].lived_before.informal_in_hospital_after_losing_home",
            StayCol::GpIcb => "detentions[].gp_icb",
            StayCol::NhseSecure => "detentions[].nhs_england_secure_service",
            StayCol::Hospital => "detentions[].hospital",
            StayCol::Cto => "detentions[].leaving",
        }
    }
}

impl ChargeCol {
    /// The interview's fact this column gives: `charges[].since`.
    pub(crate) fn fact(self) -> &'static str {
        match self {
            ChargeCol::What => "charges[].what",
            ChargeCol::Since => "charges[].since",
            ChargeCol::Until => "charges[].until",
            ChargeCol::TopUp => "charges[].chosen_dearer_placement_with_written_agreement",
            ChargeCol::Amount | ChargeCol::AmountPer(_) => "charges[].amount",
            ChargeCol::Per => "charges[].per",
        }
    }
}

/// Case-level headings: the canonical name first, then accepted other spellings.
const CASE_NAMES: &[(CaseCol, &[&str])] = &[
    (
        CaseCol::Reference,
        &["reference", "ref", "client_reference", "case_reference"],
    ),
    (CaseCol::AsAt, &["as_at", "as_at_date", "date_of_check"]),
    (CaseCol::LivesNowCountry, &["lives_now_country"]),
    (CaseCol::LivesNowCouncil, &["lives_now_council"]),
    (
        CaseCol::GpIcb2022,
        &["gp_icb_2022", "gp_icb_on_1_july_2022"],
    ),
    (CaseCol::SpecialisedAftercare, &["specialised_aftercare"]),
    (CaseCol::EndedDate, &["ended_date", "aftercare_ended_date"]),
    (
        CaseCol::EndedReason,
        &["ended_reason", "aftercare_ended_reason"],
    ),
    (
        CaseCol::EndedJointDecision,
        &["ended_joint_decision", "ended_joint_written_decision"],
    ),
    (CaseCol::FirstKnew, &["first_knew", "first_knew_date"]),
];

/// Stay headings after the `dN_` prefix: the canonical name first.
pub(crate) const STAY_NAMES: &[(StayCol, &[&str])] = &[
    (StayCol::Section, &["section"]),
    (StayCol::DetainedIn, &["detained_in", "in"]),
    (StayCol::Admitted, &["admitted"]),
    (StayCol::SectionEnded, &["section_ended"]),
    (StayCol::Left, &["left", "left_hospital"]),
    (StayCol::Leaving, &["leaving", "how_left"]),
    (StayCol::Recall, &["recall"]),
    (StayCol::CtoEnded, &["cto_ended"]),
    (StayCol::Country, &["country", "lived_country"]),
    (StayCol::Council, &["council", "lived_council"]),
    (StayCol::PlacedBy, &["placed_by"]),
    (StayCol::LackedCapacity, &["lacked_capacity"]),
    (
        StayCol::DischargeCondition,
        &["discharge_condition", "required_by_discharge_condition"],
    ),
    (
        StayCol::LostHome,
        &["lost_home", "informal_in_hospital_after_losing_home"],
    ),
    (StayCol::GpIcb, &["gp_icb"]),
    (
        StayCol::NhseSecure,
        &["nhse_secure", "nhs_england_secure_service"],
    ),
    (StayCol::Hospital, &["hospital"]),
];

/// Charge headings after the `cN_` prefix: the canonical name first.
pub(crate) const CHARGE_NAMES: &[(ChargeCol, &[&str])] = &[
    (ChargeCol::What, &["what"]),
    (ChargeCol::Since, &["since", "from"]),
    (ChargeCol::Until, &["until", "to"]),
    (
        ChargeCol::TopUp,
        &["top_up", "chosen_dearer_placement_with_written_agreement"],
    ),
    (ChargeCol::Amount, &["amount", "charge_amount"]),
    (ChargeCol::Per, &["per", "amount_per"]),
];

/// The canonical case-level headings, in template order.
pub(crate) fn case_headings() -> impl Iterator<Item = &'static str> {
    CASE_NAMES.iter().map(|(_, names)| names[0])
}

/// One column of the enquiries CSV, and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The canonical heading, with `N` for the number of the stay or charge: `dN_left`.
    pub heading: String,
    /// The interview's fact the column gives (`detentions[].left_hospital`), if it is one.
    pub fact: Option<&'static str>,
    /// What it is, in a few words: the interview's short label for its fact.
    pub label: &'static str,
    /// More about it, if there is more: the interview's hint.
    pub hint: Option<&'static str>,
}

/// Every column the screen reads, in the template's order (the enquiry, each stay, each charge, then the rest),
/// described in the interview's words where the column is one of its facts.
///
/// # Examples
///
/// ```
/// let columns = s117::screen::columns();
/// let left = columns.iter().find(|c| c.heading == "dN_left").unwrap();
/// assert_eq!(left.fact, Some("detentions[].left_hospital"));
/// assert_eq!(left.label, "Left hospital");
/// ```
pub fn columns() -> Vec<Column> {
    let questions = crate::interview::questions();
    let asked = |heading: String, fact: &'static str| {
        let question = questions.iter().find(|q| q.id == fact);
        Column {
            heading,
            fact: Some(fact),
            label: question.map_or(fact, |q| q.label),
            hint: question.and_then(|q| q.hint),
        }
    };
    let case = |col: CaseCol| {
        let heading = CASE_NAMES
            .iter()
            .find(|(c, _)| *c == col)
            .map_or("", |(_, names)| names[0])
            .to_owned();
        match (col, col.fact()) {
            (_, Some(fact)) => asked(heading, fact),
            (CaseCol::AsAt, None) => Column {
                heading,
                fact: None,
                label: messages::text("screen.column.as_at.label"),
                hint: Some(messages::text("screen.column.as_at.hint")),
            },
            (_, None) => Column {
                heading,
                fact: None,
                label: messages::text("screen.column.reference.label"),
                hint: Some(messages::text("screen.column.reference.hint")),
            },
        }
    };
    let (first, rest) = CASE_NAMES.split_at(2);
    let mut out: Vec<Column> = first.iter().map(|&(col, _)| case(col)).collect();
    out.extend(
        STAY_NAMES
            .iter()
            .map(|&(col, names)| asked(format!("dN_{}", names[0]), col.fact())),
    );
    out.extend(
        CHARGE_NAMES
            .iter()
            .map(|&(col, names)| asked(format!("cN_{}", names[0]), col.fact())),
    );
    out.extend(rest.iter().map(|&(col, _)| case(col)));
    out
}

/// The stay column that gives a fact (`detentions[].left_hospital`), if one does.
pub(crate) fn stay_col(fact: &str) -> Option<StayCol> {
    STAY_NAMES
        .iter()
        .map(|&(col, _)| col)
        .find(|col| col.fact() == fact)
}

/// The charge column that gives a fact (`charges[].since`), if one does.
pub(crate) fn charge_col(fact: &str) -> Option<ChargeCol> {
    CHARGE_NAMES
        .iter()
        .map(|&(col, _)| col)
        .find(|col| col.fact() == fact)
}

/// The case-level column that gives a fact (`first_knew`), if one does.
pub(crate) fn case_col(fact: &str) -> Option<CaseCol> {
    CASE_NAMES
        .iter()
        .map(|&(col, _)| col)
        .find(|col| col.fact() == Some(fact))
}

/// What one heading means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning {
    Case(CaseCol),
    Stay(u32, StayCol),
    Charge(u32, ChargeCol),
}

/// The column positions of one stay's facts.
#[derive(Debug, Clone, Default)]
pub(crate) struct StayCols {
    cols: Vec<(StayCol, usize)>,
}

impl StayCols {
    /// The position of a fact's column, if the file has one.
    pub(crate) fn get(&self, col: StayCol) -> Option<usize> {
        self.cols.iter().find(|(c, _)| *c == col).map(|&(_, i)| i)
    }

    /// Every column position of this stay.
    pub(crate) fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.cols.iter().map(|&(_, i)| i)
    }
}

/// The column positions of one charge's facts.
#[derive(Debug, Clone, Default)]
pub(crate) struct ChargeCols {
    cols: Vec<(ChargeCol, usize)>,
}

impl ChargeCols {
    /// The position of a fact's column, if the file has one.
    pub(crate) fn get(&self, col: ChargeCol) -> Option<usize> {
        self.cols.iter().find(|(c, _)| *c == col).map(|&(_, i)| i)
    }

    /// An amount column whose heading says what it is for ("Weekly fee"), with that period.
    pub(crate) fn amount_per(&self) -> Option<(crate::case::Per, usize)> {
        self.cols.iter().find_map(|&(c, i)| match c {
            ChargeCol::AmountPer(per) => Some((per, i)),
            _ => None,
        })
    }
}

/// The layout read from the heading row.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    /// The headings as the file spells them (for messages).
    pub(crate) headings: Vec<String>,
    case: Vec<(CaseCol, usize)>,
    /// Stays by their number in the headings (`d1` is 1), in order.
    pub(crate) stays: BTreeMap<u32, StayCols>,
    /// Charges by their number in the headings, in order.
    pub(crate) charges: BTreeMap<u32, ChargeCols>,
    /// Headings the screen does not read (ignored, with a warning).
    pub(crate) unknown: Vec<usize>,
    /// Columns with a blank heading (ignored; a warning if a row has something in one).
    pub(crate) unnamed: Vec<usize>,
    /// Council names as the firm writes them and the register's name for each, from the firm's profile.
    pub(crate) council_aliases: Vec<(String, String)>,
}

/// A problem with the heading row that stops the file being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LayoutError {
    /// The position of the column concerned, if one.
    pub(crate) column: Option<usize>,
    /// What is wrong.
    pub(crate) message: String,
}

impl Layout {
    /// The position of a case-level column, if the file has one.
    pub(crate) fn get(&self, col: CaseCol) -> Option<usize> {
        self.case.iter().find(|(c, _)| *c == col).map(|&(_, i)| i)
    }

    /// Reads the heading row, by the screen's own names for headings, or exactly as a firm's profile says.
    ///
    /// # Errors
    ///
    /// A heading given twice, or a row that has neither a `reference` nor any `dN_section` column (most likely
    /// not a heading row at all). (A heading a profile lists that the file does not have is refused before this,
    /// by the job, with `Profile::missing_heading`.)
    pub(crate) fn read_with(
        headings: Vec<String>,
        profile: Option<&super::profile::Profile>,
    ) -> Result<Layout, LayoutError> {
        let mut layout = Layout {
            headings,
            council_aliases: profile.map(|p| p.councils.clone()).unwrap_or_default(),
            ..Layout::default()
        };
        let mut seen: Vec<(Meaning, usize)> = Vec::new();
        for (i, heading) in layout.headings.iter().enumerate() {
            let key = normalise(heading);
            if key.is_empty() {
                layout.unnamed.push(i);
                continue;
            }
            let field = match profile {
                Some(p) => p.field(heading),
                None => meaning(&key).map(Field::Reads),
            };
            let meaning = match field {
                Some(Field::Reads(meaning)) => meaning,
                Some(Field::Ignored) => continue,
                Some(Field::Carried) | None => {
                    layout.unknown.push(i);
                    continue;
                }
            };
            if let Some(&(_, first)) = seen.iter().find(|(m, _)| *m == meaning) {
                let letter = letter(first);
                let values = [
                    ("heading", heading.as_str()),
                    ("first", layout.headings[first].as_str()),
                    ("letter", letter.as_str()),
                ];
                return Err(LayoutError {
                    column: Some(i),
                    message: messages::fill("screen.headings.twice", &values),
                });
            }
            seen.push((meaning, i));
            match meaning {
                Meaning::Case(c) => layout.case.push((c, i)),
                Meaning::Stay(n, c) => layout.stays.entry(n).or_default().cols.push((c, i)),
                Meaning::Charge(n, c) => layout.charges.entry(n).or_default().cols.push((c, i)),
            }
        }
        let has_section = layout
            .stays
            .values()
            .any(|s| s.get(StayCol::Section).is_some());
        if layout.get(CaseCol::Reference).is_none() && !has_section {
            return Err(LayoutError {
                column: None,
                message: messages::text("screen.headings.missing").to_owned(),
            });
        }
        Ok(layout)
    }
}

/// What a column is for: a fact the screen reads, or the firm's own column, carried through or left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// A fact the screen reads.
    Reads(Meaning),
    /// The firm's own column, copied to the triage unchanged.
    Carried,
    /// Left out of the triage.
    Ignored,
}

impl Field {
    /// The field's name in a profile: `d1_section`, `c1_weekly_amount`, `aftercare_stopped`, `carried`, `ignored`.
    pub(crate) fn name(self) -> String {
        let stay = |col: StayCol| match col {
            StayCol::Cto => "cto",
            col => STAY_NAMES
                .iter()
                .find(|(c, _)| *c == col)
                .map_or("", |(_, names)| names[0]),
        };
        let charge = |col: ChargeCol| match col {
            ChargeCol::AmountPer(crate::case::Per::Week) => "weekly_amount",
            ChargeCol::AmountPer(crate::case::Per::Month) => "monthly_amount",
            ChargeCol::AmountPer(crate::case::Per::Year) => "yearly_amount",
            ChargeCol::AmountPer(crate::case::Per::Total) => "total_amount",
            col => CHARGE_NAMES
                .iter()
                .find(|(c, _)| *c == col)
                .map_or("", |(_, names)| names[0]),
        };
        match self {
            Field::Reads(Meaning::Case(CaseCol::Ended)) => "aftercare_stopped".to_owned(),
            Field::Reads(Meaning::Case(col)) => CASE_NAMES
                .iter()
                .find(|(c, _)| *c == col)
                .map_or("", |(_, names)| names[0])
                .to_owned(),
            Field::Reads(Meaning::Stay(n, col)) => format!("d{n}_{}", stay(col)),
            Field::Reads(Meaning::Charge(n, col)) => format!("c{n}_{}", charge(col)),
            Field::Carried => "carried".to_owned(),
            Field::Ignored => "ignored".to_owned(),
        }
    }

    /// The field a profile names (any case): the inverse of [`Field::name`], and any heading the screen reads.
    pub(crate) fn from_name(name: &str) -> Option<Field> {
        let key = normalise(name);
        match key.as_str() {
            "carried" => return Some(Field::Carried),
            "ignored" => return Some(Field::Ignored),
            "aftercare_stopped" => return Some(Field::Reads(Meaning::Case(CaseCol::Ended))),
            _ => {}
        }
        let numbered = |prefix: char, suffix: &str| -> Option<u32> {
            let digits = key
                .strip_prefix(prefix)?
                .strip_suffix(suffix)?
                .strip_suffix('_')?;
            digits.parse().ok().filter(|&n| n > 0 && n < 1000)
        };
        let per = [
            ("weekly_amount", crate::case::Per::Week),
            ("monthly_amount", crate::case::Per::Month),
            ("yearly_amount", crate::case::Per::Year),
            ("total_amount", crate::case::Per::Total),
        ];
        if let Some(n) = numbered('d', "cto") {
            return Some(Field::Reads(Meaning::Stay(n, StayCol::Cto)));
        }
        for (suffix, p) in per {
            if let Some(n) = numbered('c', suffix) {
                return Some(Field::Reads(Meaning::Charge(n, ChargeCol::AmountPer(p))));
            }
        }
        meaning(&key).map(Field::Reads)
    }
}

/// Normalises a heading: trimmed, lower-case, with every run of anything but letters and digits (spaces, hyphens,
/// dots, "?", "(£)", "/") as one underscore: `D1 Left`, `d1-left` and `d1_left` are the same column, and so are
/// `CTO?` and `cto`.
fn normalise(heading: &str) -> String {
    let mut key = String::with_capacity(heading.len());
    for c in heading.trim().chars() {
        let c = if c.is_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        };
        if c == '_' && (key.is_empty() || key.ends_with('_')) {
            continue;
        }
        key.push(c);
    }
    while key.ends_with('_') {
        key.pop();
    }
    key
}

/// The fields of a file's headings as the screen reads them without a profile: each heading (as written) with its
/// field, or `None` for a blank heading.
pub(crate) fn fields(headings: &[String]) -> Vec<(String, Option<Field>)> {
    headings
        .iter()
        .map(|h| {
            let key = normalise(h);
            let field =
                (!key.is_empty()).then(|| meaning(&key).map_or(Field::Carried, Field::Reads));
            (h.trim().to_owned(), field)
        })
        .collect()
}

/// What a normalised heading means, if anything.
fn meaning(key: &str) -> Option<Meaning> {
    if let Some(&(col, _)) = CASE_NAMES.iter().find(|(_, names)| names.contains(&key)) {
        return Some(Meaning::Case(col));
    }
    if let Some(&(_, meaning)) = super::firm_names::FIRM_NAMES
        .iter()
        .find(|(names, _)| names.contains(&key))
    {
        return Some(meaning);
    }
    if !key.is_char_boundary(1) {
        return None;
    }
    let (prefix, rest) = key.split_at(1);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let number: u32 = rest[..digits].parse().ok().filter(|&n| n > 0)?;
    let name = rest[digits..].strip_prefix('_')?;
    match prefix {
        "d" => STAY_NAMES
            .iter()
            .find(|(_, names)| names.contains(&name))
            .map(|&(col, _)| Meaning::Stay(number, col)),
        "c" => CHARGE_NAMES
            .iter()
            .find(|(_, names)| names.contains(&name))
            .map(|&(col, _)| Meaning::Charge(number, col)),
        _ => None,
    }
}

/// The spreadsheet letter of a column position: 0 is `A`, 26 is `AA`.
pub(crate) fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_in_any_case_and_spelling() {
        assert_eq!(normalise(" D1 Left "), "d1_left");
        assert_eq!(normalise("d1--left."), "d1_left");
        assert_eq!(
            meaning("d12_left_hospital"),
            Some(Meaning::Stay(12, StayCol::Left))
        );
        assert_eq!(
            meaning("c2_from"),
            Some(Meaning::Charge(2, ChargeCol::Since))
        );
        assert_eq!(meaning("ref"), Some(Meaning::Case(CaseCol::Reference)));
        assert_eq!(
            meaning("c3_amount"),
            Some(Meaning::Charge(3, ChargeCol::Amount))
        );
        assert_eq!(meaning("c1_per"), Some(Meaning::Charge(1, ChargeCol::Per)));
        assert_eq!(
            meaning("first_knew"),
            Some(Meaning::Case(CaseCol::FirstKnew))
        );
        assert_eq!(meaning("d0_left"), None);
        assert_eq!(meaning("notes"), None);
        assert_eq!(meaning("dx_left"), None);
    }

    #[test]
    fn column_letters() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(701), "ZZ");
        assert_eq!(letter(702), "AAA");
    }
}
