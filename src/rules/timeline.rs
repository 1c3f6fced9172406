//! After-care as a timeline: the stays in hospital, and the periods of after-care duty between them.
//!
//! > Section 117 applies to persons who are detained under section 3 … and then cease to be detained and
//! > (whether or not immediately after so ceasing) leave hospital. (s.117(1))
//!
//! # Interpretation
//!
//! A history is a series of **duty periods**, not one state (`s117-rules.md` §11.1):
//!
//! - A duty **arises** when a person detained under a qualifying section leaves hospital (s.117(1)).
//! - It **ends** when the person is detained again under a qualifying section (*Worcestershire* \[2023\] UKSC 31
//!   §54: the duty "automatically ceases if and when the person concerned is detained"), by a joint decision of
//!   both bodies that after-care is no longer needed (s.117(2)), or on death.
//! - **Continuous detentions are one stay**: a section 2 that becomes a section 3, a holding power or place of
//!   safety followed by section 2 or 3, a remand or interim order followed by a hospital order, a transfer
//!   between hospitals. No duty arises inside a stay, so none ends there.
//!
//! Everything dated is judged against the period it falls in. An ending decision dated while no duty was running
//! (during a later stay, before the duty arose) ends nothing; one whose approximate date could fall either side
//! of a period's boundary cannot be assigned to a period, and the checker says so instead of guessing.
//!
//! A stay is taken to run on into the next one listed when the person did not leave hospital from it: no date of
//! leaving, and how it ended is not given or is "still in hospital". A stay whose ending is unknown is therefore
//! never taken to have started a duty that a later detention then "ended".
//!
//! # Open questions
//!
//! Continuity is reasoned from s.117(1), not decided by a court (§11.1, marked unverified).

use super::duty_end::is_valid_ending_reason;
use super::jurisdiction::is_mha_1983;
use super::left_hospital::{status, Status};
use super::qualifying_detention::is_qualifying;
use crate::case::{Case, Leaving};
use crate::date::Date;
use chrono::NaiveDate;

/// A stay in hospital: one detention, or several in a row without leaving hospital in between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stay {
    /// The detentions (indices in `Case::detentions`) that make up the stay, in order.
    pub detentions: Vec<usize>,
    /// The first qualifying detention in the stay: its start ends any duty that was running.
    pub first_qualifying: Option<usize>,
    /// The last qualifying detention in the stay: the one the duty on leaving comes from.
    pub qualifying: Option<usize>,
    /// Whether and how the stay ended.
    pub end: StayEnd,
}

/// How a stay ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StayEnd {
    /// The person left hospital (in England or Wales), on this day if known.
    Left(Option<Date>),
    /// Still in hospital, or only escorted leave.
    NotYet,
    /// Not known.
    Unknown,
    /// The person died in hospital, on this day if known.
    Died(Option<Date>),
    /// Transferred to a hospital outside England and Wales.
    TransferredOut,
}

/// One period of after-care duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The stay (index in [`Timeline::stays`]) it arose from.
    pub stay: usize,
    /// The qualifying detention it came from.
    pub detention: usize,
    /// The day the duty arose: the day the person left hospital.
    pub from: Date,
    /// The day it ended, if it has.
    pub to: Option<Date>,
    /// What ended it.
    pub ended_by: Option<End>,
}

/// What ended a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// A new qualifying detention (the stay, by index in [`Timeline::stays`]).
    Readmission(usize),
    /// The joint decision the person told us about.
    JointDecision,
    /// Death.
    Death,
}

/// Where the ending decision the person told us about falls on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndingPlace {
    /// No ending was given.
    None,
    /// It has no date: taken to be about the latest period, if there is one.
    Undated,
    /// Inside this period (index in [`Timeline::periods`]).
    In(usize),
    /// While no duty was running: it ended nothing.
    Outside,
    /// Its date is approximate and could fall either side of a period's boundary.
    Straddles,
}

/// The stays and duty periods of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Every stay under the law of England and Wales, oldest first.
    pub stays: Vec<Stay>,
    /// Every period of after-care duty, oldest first.
    pub periods: Vec<Period>,
    /// Where the ending the person told us about falls.
    pub ending: EndingPlace,
}

impl Timeline {
    /// The period that arose from the latest qualifying stay, if the person has left hospital from it.
    pub fn current(&self) -> Option<usize> {
        let latest = self.stays.iter().rposition(|s| s.qualifying.is_some())?;
        self.periods.iter().rposition(|p| p.stay == latest)
    }

    /// The stay that contains the detention at `index`.
    pub fn stay_of(&self, index: usize) -> Option<usize> {
        self.stays
            .iter()
            .position(|s| s.detentions.contains(&index))
    }

    /// The period that was running when the stay at `stay` began, and that its detention ended.
    pub fn ended_by_stay(&self, stay: usize) -> Option<usize> {
        self.periods
            .iter()
            .position(|p| p.ended_by == Some(End::Readmission(stay)))
    }

    /// Was the ending the person told us about lawful and about the period at `period`?
    pub fn lawfully_ended(&self, period: usize) -> bool {
        self.periods
            .get(period)
            .is_some_and(|p| p.ended_by == Some(End::JointDecision))
    }
}

/// Is this stay's ending a day inside the period `[from, to)`, for certain?
fn certainly_inside(date: Date, from: Date, to: Option<Date>) -> bool {
    date.first_day() >= from.last_day() && to.is_none_or(|t| date.last_day() < t.first_day())
}

/// Is this date, for certain, outside the period `[from, to)`?
fn certainly_outside(date: Date, from: Date, to: Option<Date>) -> bool {
    date.last_day() < from.first_day() || to.is_some_and(|t| date.first_day() >= t.last_day())
}

/// Builds the timeline of a case.
pub fn build(case: &Case) -> Timeline {
    let stays = stays(case);
    let mut periods = raw_periods(case, &stays);
    let ended = case.aftercare_ended.as_ref();
    // Only a joint written decision, for a lawful reason, can end a duty (s.117(2)).
    let ending_is_joint_decision = ended.is_some_and(|e| {
        is_valid_ending_reason(e.reason) && e.joint_written_decision == Some(true)
    });
    let ending = match ended {
        None => EndingPlace::None,
        Some(e) => match e.date {
            None => EndingPlace::Undated,
            Some(date) => place(date, &periods),
        },
    };
    let target = match ending {
        EndingPlace::In(p) => Some(p),
        EndingPlace::Undated => periods.len().checked_sub(1).filter(|&p| {
            // An undated ending is taken to be about the latest period only while that period is still running.
            periods[p].to.is_none()
        }),
        EndingPlace::None | EndingPlace::Outside | EndingPlace::Straddles => None,
    };
    if let (Some(p), true) = (target, ending_is_joint_decision) {
        let on_cto = on_cto_at(case, periods[p].detention, ended.and_then(|e| e.date));
        if !on_cto {
            let period = &mut periods[p];
            period.to = ended.and_then(|e| e.date);
            period.ended_by = Some(End::JointDecision);
        }
    }
    Timeline {
        stays,
        periods,
        ending,
    }
}

/// Was the person still on a community treatment order from the detention at `index` on `date`?
pub fn on_cto_at(case: &Case, index: usize, date: Option<Date>) -> bool {
    let d = &case.detentions[index];
    d.leaving == Some(Leaving::Cto)
        && match (d.cto_ended, date) {
            (None, _) => true,
            (Some(cto_end), Some(date)) => date.first_day() < cto_end.first_day(),
            (Some(_), None) => false,
        }
}

/// Where a dated ending falls among the periods.
fn place(date: Date, periods: &[Period]) -> EndingPlace {
    if let Some(p) = periods
        .iter()
        .position(|p| certainly_inside(date, p.from, p.to))
    {
        return EndingPlace::In(p);
    }
    if periods
        .iter()
        .all(|p| certainly_outside(date, p.from, p.to))
    {
        return EndingPlace::Outside;
    }
    EndingPlace::Straddles
}

/// Groups the detentions under the law of England and Wales into stays.
fn stays(case: &Case) -> Vec<Stay> {
    let mut stays: Vec<Stay> = Vec::new();
    let mut open: Option<Stay> = None;
    let indices: Vec<usize> = case
        .detentions
        .iter()
        .enumerate()
        .filter(|(_, d)| is_mha_1983(d.detained_in))
        .map(|(i, _)| i)
        .collect();
    for (n, &i) in indices.iter().enumerate() {
        let d = &case.detentions[i];
        let stay = open.get_or_insert_with(|| Stay {
            detentions: Vec::new(),
            first_qualifying: None,
            qualifying: None,
            end: StayEnd::Unknown,
        });
        stay.detentions.push(i);
        if is_qualifying(d) {
            stay.first_qualifying.get_or_insert(i);
            stay.qualifying = Some(i);
        }
        let end = match d.leaving {
            Some(Leaving::Died) => StayEnd::Died(d.left_hospital.or(d.section_ended).or(case.died)),
            Some(Leaving::TransferredOutOfEnglandAndWales) => StayEnd::TransferredOut,
            Some(_) | None => match status(d.leaving, d.left_hospital.is_some()) {
                Status::Left => StayEnd::Left(d.left_hospital.or(d.section_ended)),
                Status::NotYet => StayEnd::NotYet,
                Status::Unknown => StayEnd::Unknown,
                Status::Never => StayEnd::TransferredOut,
            },
        };
        stay.end = end;
        let runs_on = n + 1 < indices.len()
            && d.left_hospital.is_none()
            && matches!(d.leaving, None | Some(Leaving::StillInHospital));
        if !runs_on {
            stays.extend(open.take());
        }
    }
    stays.extend(open);
    stays
}

/// The periods before any ending decision is applied: each qualifying stay the person left starts one, which runs
/// until the next qualifying stay begins, or death.
fn raw_periods(case: &Case, stays: &[Stay]) -> Vec<Period> {
    let died = case.died.or_else(|| {
        stays.iter().find_map(|s| match s.end {
            StayEnd::Died(date) => date,
            StayEnd::Left(_) | StayEnd::NotYet | StayEnd::Unknown | StayEnd::TransferredOut => None,
        })
    });
    let mut periods = Vec::new();
    for (n, stay) in stays.iter().enumerate() {
        let (Some(detention), StayEnd::Left(Some(from))) = (stay.qualifying, stay.end) else {
            continue;
        };
        let next = stays
            .iter()
            .enumerate()
            .skip(n + 1)
            .find_map(|(m, s)| s.first_qualifying.map(|q| (m, q)))
            .map(|(m, q)| {
                (
                    m,
                    case.detentions[q]
                        .admitted
                        .or_else(|| first_known_date(case, &stays[m])),
                )
            });
        let (to, ended_by) = match (next, died) {
            (Some((m, admitted)), _) => (admitted, Some(End::Readmission(m))),
            (None, Some(death)) => (Some(death), Some(End::Death)),
            (None, None) => (None, None),
        };
        periods.push(Period {
            stay: n,
            detention,
            from,
            to: to.filter(|t| t.last_day() >= from.first_day()),
            ended_by,
        });
    }
    periods
}

/// The first date known in a stay, standing in for a readmission whose date was not given.
fn first_known_date(case: &Case, stay: &Stay) -> Option<Date> {
    stay.detentions.iter().find_map(|&i| {
        let d = &case.detentions[i];
        d.admitted.or(d.section_ended).or(d.left_hospital)
    })
}

/// The days of a period, as the earliest and latest day the duty certainly or possibly ran, clipped to `as_at`:
/// `[from.first_day(), end)` where `end` is the first day it no longer ran (exclusive), or the day after `as_at`.
pub fn days(period: &Period, as_at: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = period.from.first_day();
    let after_check = as_at.succ_opt().unwrap_or(as_at);
    let end = match (period.to, period.ended_by) {
        // The duty ran up to and including the day of death.
        (Some(to), Some(End::Death)) => to.first_day().succ_opt().unwrap_or(after_check),
        (Some(to), _) => to.first_day(),
        (None, Some(End::Readmission(_) | End::JointDecision | End::Death)) | (None, None) => {
            after_check
        }
    };
    (start, end.min(after_check).max(start))
}
