//! One CSV row into a [`Case`]: every cell is read, and every problem is reported with its column.
//!
//! Blank means "not known", as in the contract. A stay is the group of `dN_` cells with the same number; a group
//! with nothing in it is skipped, and stays are read in the order of their numbers (so `d1` should be the oldest).
//! A charge is the group of `cN_` cells. After the cells are read, the case is checked with [`validate`], and its
//! field errors (`detentions[1].left_hospital`) are put back on the column they came from (`d2_left`).

use super::columns::{self, letter, CaseCol, ChargeCol, Layout, StayCol};
use super::values;
use super::values::Stopped;
use crate::case::{
    AftercareEnded, Case, Charge, Country, Detention, EndingReason, Jurisdiction, Leaving,
    LivedBefore, Place,
};
use crate::date::Date;
use crate::error::validate;
use crate::messages;
use crate::reference::{
    find_council, find_council_elsewhere, read_council, read_nhs_body, Nation, OtherNation, Reading,
};

/// A problem with one cell (or the whole row when `column` is `None`), before the row number is added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellError {
    /// The column's position.
    pub(crate) column: Option<usize>,
    /// What is wrong, or how the cell was read.
    pub(crate) message: String,
    /// A problem, or only a note of how the cell was read.
    pub(crate) kind: CellNote,
}

/// What a [`CellError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellNote {
    /// A problem: an error.
    Problem,
    /// Not a problem but a note of how the cell was read ("read 'Lancs CC' as Lancashire County Council"): the
    /// cell was used, and the note is a warning, not an error.
    Warning,
    /// Neither a problem nor a warning: a name used as something other than written ("“Lancs CC” as Lancashire
    /// County Council"), by the screen's loose reading or the firm's profile, for the row's `read_as`.
    ReadAs,
}

impl CellError {
    /// A problem with a cell (or the row).
    fn new(column: Option<usize>, message: String) -> CellError {
        CellError {
            column,
            message,
            kind: CellNote::Problem,
        }
    }
}

/// A row read from the file.
pub(crate) struct Record<'a> {
    /// The cells, decoded (borrowed from the file's bytes when they are UTF-8).
    pub(crate) cells: &'a [std::borrow::Cow<'a, str>],
}

impl Record<'_> {
    /// The trimmed cell at `i`, or `None` when it is blank or missing.
    fn cell(&self, i: Option<usize>) -> Option<&str> {
        let text = self.cells.get(i?)?.trim();
        (!text.is_empty()).then_some(text)
    }
}

/// Reads the cells with the given reader and collects the message if it fails.
struct Reader<'a, 'b> {
    record: &'a Record<'b>,
    errors: Vec<CellError>,
    /// Problems that only cost a refund estimate: reported, but the row is still screened.
    soft: Vec<CellError>,
}

impl Reader<'_, '_> {
    /// Reads a cell; one that cannot be read is reported and read as blank, so the row is still screened.
    fn read<T>(
        &mut self,
        i: Option<usize>,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let cell = self.record.cell(i)?;
        match parse(cell) {
            Ok(v) => Some(v),
            Err(message) => {
                self.soft.push(CellError::new(i, message));
                None
            }
        }
    }

    /// Like [`Reader::read`], but a problem is only noted: the value is treated as not given.
    fn read_soft<T>(
        &mut self,
        i: Option<usize>,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, ()> {
        let Some(cell) = self.record.cell(i) else {
            return Ok(None);
        };
        match parse(cell) {
            Ok(v) => Ok(Some(v)),
            Err(message) => {
                self.soft.push(CellError::new(i, message));
                Err(())
            }
        }
    }

    fn text(&self, i: Option<usize>) -> Option<String> {
        self.record.cell(i).map(str::to_owned)
    }

    /// A required cell left blank: reported; the row is still screened without it.
    fn blank(&mut self, i: Option<usize>, message: String) {
        self.soft.push(CellError::new(i, message));
    }

    /// Notes how a cell was read; the cell was used.
    fn note(&mut self, i: Option<usize>, message: String) {
        self.soft.push(CellError {
            column: i,
            message,
            kind: CellNote::Warning,
        });
    }

    /// A name used as something other than written, for the row's `read_as`.
    fn read_as(&mut self, i: Option<usize>, cell: &str, name: &str) {
        self.soft.push(CellError {
            column: i,
            message: messages::fill("screen.name.read_as.row", &[("cell", cell), ("name", name)]),
            kind: CellNote::ReadAs,
        });
    }

    /// A council's name, read loosely ([`read_council`]): as written when the register knows it; written out or
    /// put right, and noted, when it can be read as one name; otherwise left blank and reported with the nearest
    /// names. A name the firm's profile gives is used as the profile says.
    fn council(&mut self, i: Option<usize>, aliases: &[(String, String)]) -> Option<String> {
        let cell = self.record.cell(i)?;
        if let Some((_, name)) = aliases.iter().find(|(a, _)| a.eq_ignore_ascii_case(cell)) {
            if name != cell {
                self.read_as(i, cell, name);
            }
            return Some(name.clone());
        }
        let what = messages::text("screen.name.council");
        self.name(i, cell, read_council(cell), what)
    }

    /// An NHS body's name, read loosely as [`Reader::council`].
    fn nhs_body(&mut self, i: Option<usize>) -> Option<String> {
        let cell = self.record.cell(i)?;
        let what = messages::text("screen.name.nhs_body");
        self.name(i, cell, read_nhs_body(cell), what)
    }

    /// A name read as `reading` says (`what`: what it should be, in words).
    fn name(
        &mut self,
        i: Option<usize>,
        cell: &str,
        reading: Reading,
        what: &str,
    ) -> Option<String> {
        match reading {
            Reading::AsWritten => Some(cell.to_owned()),
            Reading::Elsewhere(other) => {
                let nation = match other.nation {
                    OtherNation::Scotland => messages::text("screen.name.scotland"),
                    OtherNation::NorthernIreland => messages::text("screen.name.northern_ireland"),
                };
                let values = [("cell", cell), ("name", other.name), ("nation", nation)];
                self.note(i, messages::fill("screen.name.elsewhere", &values));
                Some(cell.to_owned())
            }
            Reading::ReadAs(name) => {
                self.note(
                    i,
                    messages::fill("screen.name.read_as", &[("cell", cell), ("name", name)]),
                );
                self.read_as(i, cell, name);
                Some(name.to_owned())
            }
            Reading::Unknown(nearest) => {
                let message = match nearest.as_slice() {
                    [] => messages::fill("screen.name.unknown", &[("cell", cell), ("what", what)]),
                    names => {
                        let names: Vec<String> = names
                            .iter()
                            .map(|n| messages::fill("screen.name.quoted", &[("name", n)]))
                            .collect();
                        let names: Vec<&str> = names.iter().map(String::as_str).collect();
                        let names = super::values::or_list(&names);
                        let values = [("cell", cell), ("what", what), ("names", names.as_str())];
                        messages::fill("screen.name.unknown.nearest", &values)
                    }
                };
                self.soft.push(CellError::new(i, message));
                None
            }
        }
    }
}

/// The reference of a row (its cell, or `None` when blank).
pub(crate) fn reference(layout: &Layout, record: &Record<'_>) -> Option<String> {
    record
        .cell(layout.get(CaseCol::Reference))
        .map(str::to_owned)
}

/// Reads a row into a case; `as_at` is the default date of the check. With the case come the problems that did not
/// stop it being screened: a charge's amount or `per` that cannot be read is reported, and the charge is read
/// without an amount (so only the refund estimate is lost).
///
/// # Errors
///
/// Every cell that cannot be read, and every fact that [`validate`] rejects, each with its column.
pub(crate) fn case(
    layout: &Layout,
    record: &Record<'_>,
    default_as_at: Option<Date>,
) -> Result<(Case, Vec<CellError>), Vec<CellError>> {
    let mut r = Reader {
        record,
        errors: Vec::new(),
        soft: Vec::new(),
    };
    let as_at_col = layout.get(CaseCol::AsAt);
    // The date of the check is the one fact a row cannot be screened without: blank or unreadable, it takes the
    // default (--as-at), and without one the row stops here.
    let as_at = match r.read(as_at_col, values::date) {
        Some(d) => Some(d),
        None => {
            if default_as_at.is_none() {
                match r.record.cell(as_at_col) {
                    Some(_) => r.errors.extend(r.soft.pop()),
                    None => r.errors.push(CellError::new(
                        as_at_col,
                        messages::text("screen.cell.as_at_blank").to_owned(),
                    )),
                }
            }
            default_as_at
        }
    };

    let mut detentions = Vec::new();
    let mut stay_numbers = Vec::new();
    let aliases = &layout.council_aliases;
    for (&n, cols) in &layout.stays {
        if cols.positions().all(|i| r.record.cell(Some(i)).is_none()) {
            continue;
        }
        let col = |c: StayCol| cols.get(c);
        let number = n.to_string();
        let section_col = col(StayCol::Section);
        let stays = r.read(section_col, values::stays);
        if r.record.cell(section_col).is_none() {
            let message = messages::fill("screen.cell.section_blank", &[("n", &number)]);
            r.blank(section_col, message);
        }
        let detained_in = r
            .read(col(StayCol::DetainedIn), values::jurisdiction)
            .unwrap_or(Jurisdiction::England);
        let council = r.council(col(StayCol::Council), aliases);
        let country = r
            .read(col(StayCol::Country), values::country)
            .unwrap_or_else(|| country_of(council.as_deref()));
        let leaving = match (
            r.read(col(StayCol::Leaving), values::leaving),
            r.read(col(StayCol::Cto), values::yes_no).flatten(),
        ) {
            (Some(leaving), _) => Some(leaving),
            (None, Some(true)) => Some(Leaving::Cto),
            (None, _) => None,
        };
        let detention = Detention {
            gp_place: None,
            section: crate::case::Section::Unknown,
            detained_in,
            admitted: r.read(col(StayCol::Admitted), values::date),
            section_ended: r.read(col(StayCol::SectionEnded), values::date),
            left_hospital: r.read(col(StayCol::Left), values::date),
            leaving,
            recall: r.read(col(StayCol::Recall), values::recall),
            cto_ended: r.read(col(StayCol::CtoEnded), values::date),
            sent_on_discharge_to: None,
            lived_before: LivedBefore {
                in_prison: None,
                country,
                council,
                placed_by: r.council(col(StayCol::PlacedBy), aliases),
                lacked_capacity: r
                    .read(col(StayCol::LackedCapacity), values::yes_no)
                    .flatten(),
                required_by_discharge_condition: r
                    .read(col(StayCol::DischargeCondition), values::yes_no)
                    .flatten(),
                informal_in_hospital_after_losing_home: r
                    .read(col(StayCol::LostHome), values::yes_no)
                    .flatten(),
            },
            gp_icb: r.nhs_body(col(StayCol::GpIcb)),
            nhs_england_secure_service: r.read(col(StayCol::NhseSecure), values::yes_no).flatten(),
            hospital: r.text(col(StayCol::Hospital)),
        };
        let stays = stays.unwrap_or_else(|| values::Stays {
            stays: vec![(crate::case::Section::Unknown, None)],
            prose: false,
        });
        if stays.prose {
            if let Some(cell) = r.record.cell(section_col) {
                let note = stays_note(cell, &stays.stays);
                r.note(section_col, note);
            }
        }
        for d in split_stays(detention, &stays.stays) {
            detentions.push(d);
            stay_numbers.push(n);
        }
    }

    let mut charges = Vec::new();
    let mut charge_numbers = Vec::new();
    for (&n, cols) in &layout.charges {
        let col = |c: ChargeCol| cols.get(c);
        let number = n.to_string();
        let top_up = r.read(col(ChargeCol::TopUp), values::yes_no).flatten();
        // "Weekly fee": an amount whose heading gives its period, used when the file has no amount of its own.
        let (amount_col, per_of_heading) = match (col(ChargeCol::Amount), cols.amount_per()) {
            (Some(i), _) => (Some(i), None),
            (None, Some((per, i))) => (Some(i), Some(per)),
            (None, None) => (None, None),
        };
        let used = [
            col(ChargeCol::What),
            col(ChargeCol::Since),
            col(ChargeCol::Until),
            amount_col,
            col(ChargeCol::Per),
        ]
        .iter()
        .any(|&c| r.record.cell(c).is_some());
        if !used {
            if top_up == Some(true) {
                let message = messages::fill("screen.cell.top_up_alone", &[("n", &number)]);
                r.blank(col(ChargeCol::TopUp), message);
            }
            continue;
        }
        let amount = r.read_soft(amount_col, values::amount);
        let per = match r.read_soft(col(ChargeCol::Per), values::per) {
            Ok(None) if r.record.cell(amount_col).is_some() => Ok(per_of_heading),
            per => per,
        };
        let (amount, per) = match (amount, per) {
            (Ok(Some(_)), Ok(None)) => {
                r.soft.push(CellError::new(
                    col(ChargeCol::Per).or(amount_col),
                    messages::fill("screen.cell.per_blank", &[("n", &number)]),
                ));
                (None, None)
            }
            (Ok(amount), Ok(per)) => (amount, per),
            _ => (None, None),
        };
        charges.push(Charge {
            what: r.text(col(ChargeCol::What)),
            since: r.read(col(ChargeCol::Since), values::date),
            until: r.read(col(ChargeCol::Until), values::date),
            chosen_dearer_placement_with_written_agreement: top_up.unwrap_or(false),
            amount,
            per,
        });
        charge_numbers.push(n);
    }

    let lives_now_council = r.council(layout.get(CaseCol::LivesNowCouncil), aliases);
    let lives_now_country = r.read(layout.get(CaseCol::LivesNowCountry), values::country);
    let lives_now = (lives_now_council.is_some() || lives_now_country.is_some()).then(|| Place {
        country: lives_now_country.unwrap_or_else(|| country_of(lives_now_council.as_deref())),
        council: lives_now_council,
    });

    let ended_cols = [
        CaseCol::EndedDate,
        CaseCol::EndedReason,
        CaseCol::EndedJointDecision,
    ];
    // A firm's "Aftercare stopped?": yes, no, not known, or the date it stopped.
    let stopped_col = layout.get(CaseCol::Ended);
    let stopped = r.read(stopped_col, values::yes_no_or_date).flatten();
    let aftercare_ended = if stopped.is_some_and(|s| s != Stopped::No)
        || ended_cols
            .iter()
            .any(|&c| r.record.cell(layout.get(c)).is_some())
    {
        let date = r
            .read(layout.get(CaseCol::EndedDate), values::date)
            .or(match stopped {
                Some(Stopped::On(date)) => Some(date),
                _ => None,
            });
        let joint = r
            .read(layout.get(CaseCol::EndedJointDecision), values::yes_no)
            .flatten();
        let reason_col = layout.get(CaseCol::EndedReason);
        let reason = r.read(reason_col, values::ending_reason);
        match (r.record.cell(reason_col), stopped) {
            (Some(_), _) => {}
            // "Stopped? yes" with no reason column: screened as ended for a reason not given, and said so.
            (None, Some(Stopped::Yes | Stopped::On(_))) => r.soft.push(CellError::new(
                stopped_col,
                messages::text("screen.cell.ended_no_reason").to_owned(),
            )),
            (None, _) => {
                let message = messages::text("screen.cell.ended_reason_blank").to_owned();
                r.blank(reason_col, message);
            }
        }
        // A reason not given, or not readable, is "another reason": the ending is kept, and its lawfulness is
        // uncertain, rather than the ending being dropped.
        let reason = Some(reason.unwrap_or(EndingReason::Other));
        reason.map(|reason| AftercareEnded {
            date,
            reason,
            joint_written_decision: joint,
        })
    } else {
        None
    };

    let gp_icb_on_1_july_2022 = r.nhs_body(layout.get(CaseCol::GpIcb2022));
    let specialised_aftercare = r
        .read(layout.get(CaseCol::SpecialisedAftercare), values::yes_no)
        .flatten();
    let first_knew = r.read(layout.get(CaseCol::FirstKnew), values::date);
    let as_at = match as_at {
        Some(d) if r.errors.is_empty() => d,
        _ => return Err(all(r.errors, r.soft)),
    };
    let case = Case {
        as_at,
        detentions,
        lives_now,
        gp_icb_on_1_july_2022,
        gp_place_on_1_july_2022: None,
        specialised_aftercare,
        aftercare_ended,
        charges,
        first_knew,
        died: None,
        not_sure: Vec::new(),
        about: None,
    };
    // Facts that cannot all be true (a stay that ends before it begins): the field the check names is left blank
    // and reported, and the row is checked again, so it is still screened without it.
    let mut case = case;
    let mut soft = r.soft;
    for _ in 0..8 {
        let problems = validate(&case);
        if problems.is_empty() {
            return Ok((case, soft));
        }
        let mut hard = Vec::new();
        for e in problems {
            let problem = CellError::new(
                column_of_field(&e.field, layout, &stay_numbers, &charge_numbers),
                e.message,
            );
            if clear_field(&mut case, &e.field) {
                soft.push(problem);
            } else {
                hard.push(problem);
            }
        }
        if !hard.is_empty() {
            return Err(all(hard, soft));
        }
    }
    Err(soft)
}

/// Leaves one field of a case blank (`detentions[1].left_hospital`), as if its cell were empty. `false` for a field
/// that cannot be left blank (the date of the check) or is not known.
fn clear_field(case: &mut Case, field: &str) -> bool {
    if let Some((i, name)) = indexed(field, "detentions") {
        let Some(d) = case.detentions.get_mut(i) else {
            return false;
        };
        match name {
            "admitted" => d.admitted = None,
            "section_ended" => d.section_ended = None,
            "left_hospital" => d.left_hospital = None,
            "cto_ended" => d.cto_ended = None,
            "leaving" => d.leaving = None,
            _ => return false,
        }
        return true;
    }
    if let Some((i, name)) = indexed(field, "charges") {
        let Some(c) = case.charges.get_mut(i) else {
            return false;
        };
        match name {
            "since" => c.since = None,
            "until" => c.until = None,
            "amount" | "per" => (c.amount, c.per) = (None, None),
            _ => return false,
        }
        return true;
    }
    match field {
        "first_knew" => case.first_knew = None,
        "died" => case.died = None,
        "aftercare_ended.date" => match case.aftercare_ended.as_mut() {
            Some(e) => e.date = None,
            None => return false,
        },
        _ => return false,
    }
    true
}

/// The index and field name of a field of a list in the contract: `detentions[1].left_hospital` in `detentions` is
/// `(1, "left_hospital")`.
fn indexed<'a>(field: &'a str, list: &str) -> Option<(usize, &'a str)> {
    let rest = field.strip_prefix(list)?.strip_prefix('[')?;
    let (index, name) = rest.split_once("].")?;
    Some((index.parse().ok()?, name))
}

/// The detentions a section cell describes, from the one detention its row's cells give: the row's dates and how
/// the person left are the last stay's, and an admission date is the first of the detentions the last stay was
/// made of (a section 2 that became a section 3 began with the section 2). Earlier stays have only their section
/// (and how they ended, if the cell says). Every detention of the last stay keeps where the person lived before.
fn split_stays(
    detention: Detention,
    stays: &[(crate::case::Section, Option<Leaving>)],
) -> Vec<Detention> {
    let [.., (last_section, last_leaving)] = stays else {
        return vec![detention];
    };
    // The last stay: the detentions at the end of the list that run on one into the next.
    let mut first_of_last = stays.len() - 1;
    while first_of_last > 0
        && values::is_continuous(stays[first_of_last - 1].0, stays[first_of_last].0)
    {
        first_of_last -= 1;
    }
    let undated = |section, leaving| Detention {
        section,
        leaving,
        admitted: None,
        section_ended: None,
        left_hospital: None,
        recall: None,
        cto_ended: None,
        gp_icb: None,
        hospital: None,
        nhs_england_secure_service: None,
        lived_before: LivedBefore {
            council: None,
            placed_by: None,
            lacked_capacity: None,
            required_by_discharge_condition: None,
            informal_in_hospital_after_losing_home: None,
            ..detention.lived_before.clone()
        },
        ..detention.clone()
    };
    let mut out: Vec<Detention> = stays[..first_of_last]
        .iter()
        .map(|&(section, leaving)| undated(section, leaving))
        .collect();
    let chain = &stays[first_of_last..stays.len() - 1];
    for (k, &(section, _)) in chain.iter().enumerate() {
        out.push(Detention {
            section,
            admitted: if k == 0 { detention.admitted } else { None },
            section_ended: None,
            left_hospital: None,
            leaving: None,
            cto_ended: None,
            recall: None,
            ..detention.clone()
        });
    }
    out.push(Detention {
        section: *last_section,
        admitted: if chain.is_empty() {
            detention.admitted
        } else {
            None
        },
        leaving: detention.leaving.or(*last_leaving),
        ..detention
    });
    out
}

/// How a section cell written as prose was read: "read “3 then 37” as section 3, then section 37", and what
/// follows from it.
fn stays_note(cell: &str, stays: &[(crate::case::Section, Option<Leaving>)]) -> String {
    let parts: Vec<String> = stays
        .iter()
        .map(|&(section, leaving)| {
            let section = match section {
                crate::case::Section::Unknown => messages::text("screen.stays.unknown").to_owned(),
                crate::case::Section::Informal => {
                    messages::text("screen.stays.informal").to_owned()
                }
                s => messages::fill("screen.stays.section", &[("code", s.code())]),
            };
            match leaving {
                Some(Leaving::Cto) => messages::fill("screen.stays.cto", &[("stay", &section)]),
                Some(Leaving::ConditionalDischarge) => {
                    messages::fill("screen.stays.conditional_discharge", &[("stay", &section)])
                }
                _ => section,
            }
        })
        .collect();
    let then = messages::text("screen.stays.then");
    let read = parts.join(then);
    let mut note = messages::fill("screen.stays.read_as", &[("cell", cell), ("stays", &read)]);
    let continuous = stays
        .windows(2)
        .any(|w| values::is_continuous(w[0].0, w[1].0));
    let separate = stays
        .windows(2)
        .any(|w| !values::is_continuous(w[0].0, w[1].0));
    if continuous {
        note.push(' ');
        note.push_str(messages::text("screen.stays.continuous"));
    }
    if separate {
        note.push(' ');
        note.push_str(messages::text("screen.stays.earlier_undated"));
    }
    note
}

/// Every problem of a row: those that stop it, then those that would not have.
fn all(mut errors: Vec<CellError>, soft: Vec<CellError>) -> Vec<CellError> {
    errors.extend(soft);
    errors
}

/// The country of a council, when the council is recognised (in England, Wales, Scotland or Northern Ireland);
/// England otherwise.
fn country_of(council: Option<&str>) -> Country {
    let Some(council) = council else {
        return Country::England;
    };
    // A firm's rows name the same councils again and again.
    thread_local! {
        static COUNTRIES: crate::memo::Memory<Country> = const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
    }
    crate::memo::remembered(&COUNTRIES, council, country_of_uncached)
}

/// [`country_of`], worked out.
fn country_of_uncached(council: &str) -> Country {
    match find_council(council).map(|m| m.council.nation) {
        Some(Nation::Wales) => Country::Wales,
        Some(Nation::England) => Country::England,
        // A council in Scotland or Northern Ireland: the person lived there, not in England.
        None => match find_council_elsewhere(council).map(|o| o.nation) {
            Some(OtherNation::Scotland) => Country::Scotland,
            Some(OtherNation::NorthernIreland) => Country::NorthernIreland,
            None => Country::England,
        },
    }
}

/// The column a contract field came from: `detentions[1].left_hospital` is `d2_left` when the second stay read was
/// the `d2_` group. The field's fact (`detentions[].left_hospital`) is looked up in the columns' own list of facts;
/// a stay's fact with no column of its own falls on the stay's section, a charge's on what it was for (its amount
/// for `per`).
fn column_of_field(field: &str, layout: &Layout, stays: &[u32], charges: &[u32]) -> Option<usize> {
    if let Some((i, name)) = indexed(field, "detentions") {
        let cols = layout.stays.get(stays.get(i)?)?;
        return match columns::stay_col(&format!("detentions[].{name}")) {
            Some(col) => cols.get(col),
            None => cols.get(StayCol::Section),
        };
    }
    if let Some((i, name)) = indexed(field, "charges") {
        let cols = layout.charges.get(charges.get(i)?)?;
        return match columns::charge_col(&format!("charges[].{name}")) {
            Some(ChargeCol::Per) => cols.get(ChargeCol::Per).or(cols.get(ChargeCol::Amount)),
            Some(col) => cols.get(col),
            None => cols.get(ChargeCol::What),
        };
    }
    match field {
        "as_at" => layout.get(CaseCol::AsAt),
        _ => layout.get(columns::case_col(field)?),
    }
}

/// The spreadsheet cell name, such as `F7`.
pub(crate) fn cell_name(column: usize, row: u32) -> String {
    format!("{}{row}", letter(column))
}
