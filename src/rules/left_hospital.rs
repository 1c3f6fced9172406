//! Ceasing to be detained and leaving hospital: Mental Health Act 1983, s.117(1).
//!
//! > … and then cease to be detained and (whether or not immediately after so ceasing) leave hospital.
//!
//! # Interpretation
//!
//! The duty arises when the person actually leaves hospital. Before then the bodies have a power, not a duty,
//! to plan; in practice planning should start on admission.
//!
//! - Discharged, on a CTO, or conditionally discharged: the person has left, so the duty has arisen.
//! - Section 17 leave living in the community (overnight or longer): treated as leaving. *R v Richmond LBC ex p
//!   Watson* (trial leave in a care home) is contrasted in *CXF*; the Code of Practice treats leave as covered.
//! - Escorted short leave only: not yet. *R (CXF) v Central Bedfordshire* \[2018\] EWCA Civ 2852.
//! - Stayed on informally after the section ended: the words "whether or not immediately after so ceasing"
//!   mean the duty arises when they do leave.
//! - A transferred prisoner (s.47 or s.48) returned to prison has ceased to be detained in hospital and left it.
//!
//! # Open questions
//!
//! How after-care reaches someone back in prison is not settled by any authority the research found.

use super::{describe_detention, Outcome};
use crate::case::{Case, Leaving};
use crate::date::Date;
use crate::decision::{Entitlement, Finding, FlagId, FlagKind, RuleId};
use crate::sources::{CXF_2018, MHA_1983_S117_1, MHA_1983_S17};

/// Has the person, for the purposes of s.117(1), left hospital?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Yes: the duty has arisen.
    Left,
    /// Not yet: the duty arises on leaving.
    NotYet,
    /// The facts do not say.
    Unknown,
    /// Never: the person died in hospital, or was transferred out of England and Wales.
    Never,
}

/// Classifies how a stay ended.
pub fn status(leaving: Option<Leaving>, left_hospital_given: bool) -> Status {
    match leaving {
        Some(
            Leaving::Discharged | Leaving::Cto | Leaving::ConditionalDischarge | Leaving::S17Leave,
        ) => Status::Left,
        Some(Leaving::ReturnedToPrison) => Status::Left,
        Some(Leaving::StayedInformally) if left_hospital_given => Status::Left,
        Some(Leaving::StayedInformally | Leaving::EscortedLeaveOnly | Leaving::StillInHospital) => {
            Status::NotYet
        }
        Some(Leaving::Died | Leaving::TransferredOutOfEnglandAndWales) => Status::Never,
        None if left_hospital_given => Status::Left,
        None => Status::Unknown,
    }
}

/// Flags dates that contradict each other in ways the input checks ([`crate::validate`]) do not reject.
///
/// Those checks already reject a date after the check, a section ending or a leaving date before its stay began,
/// stays listed out of order, and a leaving date for someone still in hospital; those are not repeated here.
/// What is left: a section that ended after the person left hospital when they were discharged from it (or stayed
/// on informally after it), a CTO that ended before the stay began or before the person left on it, and a stay
/// that began before the person left hospital from the stay listed above it. Only dates that contradict each
/// other whatever day of an approximate month or year they fall on are flagged. The rules still use the dates as
/// given, since they cannot tell which is wrong.
pub fn flag_inconsistent_dates(case: &Case, out: &mut Outcome) {
    let mut problems = Vec::new();
    let mut previous_left: Option<(usize, Date)> = None;
    for (i, d) in case.detentions.iter().enumerate() {
        let n = i + 1;
        if let (Some(ended), Some(left)) = (d.section_ended, d.left_hospital) {
            let left_after_section = matches!(
                d.leaving,
                Some(Leaving::Discharged | Leaving::StayedInformally)
            );
            if left_after_section && ended.first_day() > left.last_day() {
                problems.push(format!(
                    "stay {n}: the section ended on {}, after you left hospital on {}, but you said you left once the section had ended",
                    ended.long(),
                    left.long()
                ));
            }
        }
        if let Some(cto_ended) = d.cto_ended {
            let before = match (d.left_hospital, d.admitted) {
                (Some(left), _) if cto_ended.last_day() < left.first_day() => {
                    Some(("you left hospital on", left))
                }
                (_, Some(admitted)) if cto_ended.last_day() < admitted.first_day() => {
                    Some(("the stay began on", admitted))
                }
                (Some(_) | None, Some(_) | None) => None,
            };
            if let Some((what, date)) = before {
                problems.push(format!(
                    "stay {n}: the community treatment order ended on {}, before {what} {}",
                    cto_ended.long(),
                    date.long()
                ));
            }
        }
        if let (Some((m, left)), Some(admitted)) = (previous_left, d.admitted) {
            if admitted.last_day() < left.first_day() {
                problems.push(format!(
                    "stay {n} began on {}, before you left hospital from stay {m} on {}",
                    admitted.long(),
                    left.long()
                ));
            }
        }
        if let Some(left) = d.left_hospital {
            previous_left = Some((n, left));
        }
    }
    if !problems.is_empty() {
        out.flag(
            FlagId::InconsistentDates,
            FlagKind::Uncertain,
            format!(
                "Some dates you gave cannot all be right: {}. We have used them as given, but they decide when after-care began and which detention counts, so check them against your discharge letters or records.",
                problems.join("; ")
            ),
            None,
            &[MHA_1983_S117_1],
        );
    }
}

/// Decides whether the duty from the detention at `latest` has arisen.
pub fn decide(case: &Case, latest: usize, out: &mut Outcome) {
    let d = &case.detentions[latest];
    let when = d
        .left_hospital
        .map(|date| format!(" {}", date.on()))
        .unwrap_or_default();
    let what = describe_detention(d);
    let code = super::code_of_practice(case, latest);
    // A person who died while still in hospital will never leave it: no duty arises (s.117(1); §11.1).
    let died_in_hospital =
        case.died.is_some() && status(d.leaving, d.left_hospital.is_some()) == Status::NotYet;
    let leaving_status = if died_in_hospital {
        Status::Never
    } else {
        status(d.leaving, d.left_hospital.is_some())
    };
    match leaving_status {
        Status::Left => {
            out.duty_arose = d.left_hospital.or(d.section_ended);
            let (text, cites): (String, &[_]) = match d.leaving {
                Some(Leaving::Cto) => (
                    format!("You left hospital{when} on a community treatment order. The duty began when you left, and it cannot end while you remain on the order."),
                    &[MHA_1983_S117_1],
                ),
                Some(Leaving::ConditionalDischarge) => (
                    format!("You were conditionally discharged and left hospital{when}, so the duty has begun."),
                    &[MHA_1983_S117_1],
                ),
                Some(Leaving::S17Leave) => {
                    out.flag(
                        FlagId::OnLeave,
                        FlagKind::Info,
                        "You are on section 17 leave living in the community. We treat that as having left hospital, so after-care is owed now. Only escorted short trips would not count.",
                        None,
                        &[MHA_1983_S17, CXF_2018, code],
                    );
                    (
                        format!("You are on section 17 leave from hospital, living in the community{}. That counts as leaving hospital for after-care.", d.left_hospital.map(|x| format!(" since {}", x.long())).unwrap_or_default()),
                        &[MHA_1983_S117_1, MHA_1983_S17],
                    )
                }
                Some(Leaving::StayedInformally) => (
                    format!("After the section ended you stayed in hospital informally, then left{when}. The duty began when you left."),
                    &[MHA_1983_S117_1],
                ),
                Some(Leaving::ReturnedToPrison) => {
                    out.flag(
                        FlagId::ReturnedToPrison,
                        FlagKind::Uncertain,
                        "You went back to prison from hospital. You have left hospital, so the duty has arisen, but no court has said how the council and NHS body must provide after-care while you are in prison; in practice it comes through prison healthcare until release. Ask both bodies to confirm your entitlement and to plan for your release.",
                        None,
                        &[MHA_1983_S117_1],
                    );
                    (
                        format!("You were returned to prison from hospital{when}. You ceased to be detained in hospital and left it, so the duty has arisen."),
                        &[MHA_1983_S117_1],
                    )
                }
                // Escorted leave and "still in hospital" are never classed as left; they read as discharged here only
                // to keep the match exhaustive without a wildcard.
                Some(
                    Leaving::Discharged
                    | Leaving::EscortedLeaveOnly
                    | Leaving::StillInHospital
                    | Leaving::Died
                    | Leaving::TransferredOutOfEnglandAndWales,
                )
                | None => (
                    format!("You were discharged and left hospital{when}, so the duty has begun."),
                    &[MHA_1983_S117_1],
                ),
            };
            out.reason(RuleId::LeftHospital, Finding::Met, text, cites);
            out.settle(Entitlement::Entitled);
        }
        Status::NotYet => {
            let (text, cites): (String, &[_]) = match d.leaving {
                Some(Leaving::EscortedLeaveOnly) => (
                    "You have only had escorted short trips out of hospital. The courts have held that this is neither ceasing to be detained nor leaving hospital, so the duty starts when you leave.".to_owned(),
                    &[MHA_1983_S117_1, CXF_2018],
                ),
                Some(Leaving::StayedInformally) => (
                    "The section has ended but you are still in hospital as an informal patient. The duty starts when you leave.".to_owned(),
                    &[MHA_1983_S117_1],
                ),
                // Only escorted leave, an informal stay without a leaving date, and "still in hospital" are not yet
                // left (see [`status`]); the other values read as still in hospital here.
                Some(
                    Leaving::Died
                    | Leaving::TransferredOutOfEnglandAndWales
                    | Leaving::StillInHospital
                    | Leaving::Discharged
                    | Leaving::Cto
                    | Leaving::ConditionalDischarge
                    | Leaving::S17Leave
                    | Leaving::ReturnedToPrison,
                )
                | None => (
                    format!("You are still in hospital under {what}. The duty starts when you leave."),
                    &[MHA_1983_S117_1],
                ),
            };
            out.reason(RuleId::LeftHospital, Finding::NotMet, text, cites);
            out.flag(
                FlagId::PlanBeforeDischarge,
                FlagKind::Info,
                "Ask for your after-care to be planned now, before you leave: the council and the NHS body should agree a written after-care plan saying what you will get and who pays for each part.",
                None,
                &[MHA_1983_S117_1, code],
            );
            out.settle(Entitlement::EntitledOnLeavingHospital);
        }
        Status::Never => {
            let earlier = !out.timeline.periods.is_empty();
            let text = if d.leaving == Some(Leaving::Died) || died_in_hospital {
                format!("You told us the person died in hospital during {what}, so no after-care duty arose from it.")
            } else {
                format!("You were transferred from hospital during {what} to a hospital outside England and Wales, so you did not leave hospital here and no after-care duty arose from it. Law outside England and Wales decides after-care there.")
            };
            out.reason(
                RuleId::LeftHospital,
                Finding::NotMet,
                text,
                &[MHA_1983_S117_1],
            );
            out.settle(if earlier {
                Entitlement::Ended
            } else {
                Entitlement::NotEntitled
            });
        }
        Status::Unknown => {
            out.reason(
                RuleId::LeftHospital,
                Finding::Unknown,
                format!("We do not know whether you have left hospital after {what}. The duty starts when you leave: tell us how that stay ended."),
                &[MHA_1983_S117_1],
            );
            out.settle(Entitlement::Undetermined);
        }
    }
}
