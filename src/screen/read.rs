//! One CSV row into a [`Case`]: every cell is read, and every problem is reported with its column.
//!
//! Blank means "not known", as in the contract. A stay is the group of `dN_` cells with the same number; a group
//! with nothing in it is skipped, and stays are read in the order of their numbers (so `d1` should be the oldest).
//! A charge is the group of `cN_` cells. After the cells are read, the case is checked with [`validate`], and its
//! field errors (`detentions[1].left_hospital`) are put back on the column they came from (`d2_left`).

use super::columns::{self, letter, CaseCol, ChargeCol, Layout, StayCol};
use super::values;
use crate::case::{
    AftercareEnded, Case, Charge, Country, Detention, Jurisdiction, LivedBefore, Place,
};
use crate::date::Date;
use crate::error::validate;
use crate::messages;
use crate::reference::{find_council, Nation};

/// A problem with one cell (or the whole row when `column` is `None`), before the row number is added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellError {
    /// The column's position.
    pub(crate) column: Option<usize>,
    /// What is wrong.
    pub(crate) message: String,
}

/// A row read from the file.
pub(crate) struct Record<'a> {
    /// The cells, decoded.
    pub(crate) cells: &'a [String],
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
    fn read<T>(
        &mut self,
        i: Option<usize>,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let cell = self.record.cell(i)?;
        match parse(cell) {
            Ok(v) => Some(v),
            Err(message) => {
                self.errors.push(CellError { column: i, message });
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
                self.soft.push(CellError { column: i, message });
                Err(())
            }
        }
    }

    fn text(&self, i: Option<usize>) -> Option<String> {
        self.record.cell(i).map(str::to_owned)
    }

    fn blank(&mut self, i: Option<usize>, message: String) {
        self.errors.push(CellError { column: i, message });
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
    let as_at = match r.read(as_at_col, values::date) {
        Some(d) => Some(d),
        None if r.record.cell(as_at_col).is_some() => None,
        None => {
            if default_as_at.is_none() {
                let message = messages::text("screen.cell.as_at_blank").to_owned();
                r.blank(as_at_col, message);
            }
            default_as_at
        }
    };

    let mut detentions = Vec::new();
    let mut stay_numbers = Vec::new();
    for (&n, cols) in &layout.stays {
        if cols.positions().all(|i| r.record.cell(Some(i)).is_none()) {
            continue;
        }
        let col = |c: StayCol| cols.get(c);
        let number = n.to_string();
        let section = r.read(col(StayCol::Section), values::section);
        if r.record.cell(col(StayCol::Section)).is_none() {
            let message = messages::fill("screen.cell.section_blank", &[("n", &number)]);
            r.blank(col(StayCol::Section), message);
        }
        let detained_in = r
            .read(col(StayCol::DetainedIn), values::jurisdiction)
            .unwrap_or(Jurisdiction::England);
        let council = r.text(col(StayCol::Council));
        let country = r
            .read(col(StayCol::Country), values::country)
            .unwrap_or_else(|| country_of(council.as_deref()));
        let detention = Detention {
            gp_place: None,
            section: section.unwrap_or(crate::case::Section::Unknown),
            detained_in,
            admitted: r.read(col(StayCol::Admitted), values::date),
            section_ended: r.read(col(StayCol::SectionEnded), values::date),
            left_hospital: r.read(col(StayCol::Left), values::date),
            leaving: r.read(col(StayCol::Leaving), values::leaving),
            recall: r.read(col(StayCol::Recall), values::recall),
            cto_ended: r.read(col(StayCol::CtoEnded), values::date),
            sent_on_discharge_to: None,
            lived_before: LivedBefore {
                in_prison: None,
                country,
                council,
                placed_by: r.text(col(StayCol::PlacedBy)),
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
            gp_icb: r.text(col(StayCol::GpIcb)),
            nhs_england_secure_service: r.read(col(StayCol::NhseSecure), values::yes_no).flatten(),
            hospital: r.text(col(StayCol::Hospital)),
        };
        detentions.push(detention);
        stay_numbers.push(n);
    }

    let mut charges = Vec::new();
    let mut charge_numbers = Vec::new();
    for (&n, cols) in &layout.charges {
        let col = |c: ChargeCol| cols.get(c);
        let number = n.to_string();
        let top_up = r.read(col(ChargeCol::TopUp), values::yes_no).flatten();
        let used = [
            ChargeCol::What,
            ChargeCol::Since,
            ChargeCol::Until,
            ChargeCol::Amount,
            ChargeCol::Per,
        ]
        .iter()
        .any(|&c| r.record.cell(col(c)).is_some());
        if !used {
            if top_up == Some(true) {
                let message = messages::fill("screen.cell.top_up_alone", &[("n", &number)]);
                r.blank(col(ChargeCol::TopUp), message);
            }
            continue;
        }
        let amount = r.read_soft(col(ChargeCol::Amount), values::amount);
        let per = r.read_soft(col(ChargeCol::Per), values::per);
        let (amount, per) = match (amount, per) {
            (Ok(Some(_)), Ok(None)) => {
                r.soft.push(CellError {
                    column: col(ChargeCol::Per).or(col(ChargeCol::Amount)),
                    message: messages::fill("screen.cell.per_blank", &[("n", &number)]),
                });
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

    let lives_now_council = r.text(layout.get(CaseCol::LivesNowCouncil));
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
    let aftercare_ended = if ended_cols
        .iter()
        .any(|&c| r.record.cell(layout.get(c)).is_some())
    {
        let date = r.read(layout.get(CaseCol::EndedDate), values::date);
        let joint = r
            .read(layout.get(CaseCol::EndedJointDecision), values::yes_no)
            .flatten();
        let reason_col = layout.get(CaseCol::EndedReason);
        let reason = r.read(reason_col, values::ending_reason);
        if r.record.cell(reason_col).is_none() {
            let message = messages::text("screen.cell.ended_reason_blank").to_owned();
            r.blank(reason_col, message);
        }
        reason.map(|reason| AftercareEnded {
            date,
            reason,
            joint_written_decision: joint,
        })
    } else {
        None
    };

    let gp_icb_on_1_july_2022 = r.text(layout.get(CaseCol::GpIcb2022));
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
    };
    let soft = r.soft;
    let errors: Vec<CellError> = validate(&case)
        .into_iter()
        .map(|e| CellError {
            column: column_of_field(&e.field, layout, &stay_numbers, &charge_numbers),
            message: e.message,
        })
        .collect();
    if errors.is_empty() {
        Ok((case, soft))
    } else {
        Err(all(errors, soft))
    }
}

/// Every problem of a row: those that stop it, then those that would not have.
fn all(mut errors: Vec<CellError>, soft: Vec<CellError>) -> Vec<CellError> {
    errors.extend(soft);
    errors
}

/// The country of a council, when the council is recognised; England otherwise.
fn country_of(council: Option<&str>) -> Country {
    match council.and_then(find_council).map(|m| m.council.nation) {
        Some(Nation::Wales) => Country::Wales,
        Some(Nation::England) | None => Country::England,
    }
}

/// The column a contract field came from: `detentions[1].left_hospital` is `d2_left` when the second stay read was
/// the `d2_` group. The field's fact (`detentions[].left_hospital`) is looked up in the columns' own list of facts;
/// a stay's fact with no column of its own falls on the stay's section, a charge's on what it was for (its amount
/// for `per`).
fn column_of_field(field: &str, layout: &Layout, stays: &[u32], charges: &[u32]) -> Option<usize> {
    let indexed = |list: &str| -> Option<(usize, String)> {
        let rest = field.strip_prefix(list)?.strip_prefix('[')?;
        let (index, name) = rest.split_once("].")?;
        Some((index.parse().ok()?, format!("{list}[].{name}")))
    };
    if let Some((i, fact)) = indexed("detentions") {
        let cols = layout.stays.get(stays.get(i)?)?;
        return match columns::stay_col(&fact) {
            Some(col) => cols.get(col),
            None => cols.get(StayCol::Section),
        };
    }
    if let Some((i, fact)) = indexed("charges") {
        let cols = layout.charges.get(charges.get(i)?)?;
        return match columns::charge_col(&fact) {
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
