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
use crate::messages;
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
                let (stay, ended, left) = (n.to_string(), ended.long(), left.long());
                let v = [
                    ("stay", stay.as_str()),
                    ("ended", ended.as_str()),
                    ("left", left.as_str()),
                ];
                let text = messages::fill("part.inconsistent.section_ended_after_left", &v);
                problems.push(text);
            }
        }
        if let Some(cto_ended) = d.cto_ended {
            let before = match (d.left_hospital, d.admitted) {
                (Some(left), _) if cto_ended.last_day() < left.first_day() => {
                    Some(("part.inconsistent.cto_ended_before_left", left))
                }
                (_, Some(admitted)) if cto_ended.last_day() < admitted.first_day() => {
                    Some(("part.inconsistent.cto_ended_before_stay", admitted))
                }
                (Some(_) | None, Some(_) | None) => None,
            };
            if let Some((text, date)) = before {
                let (stay, ended, date) = (n.to_string(), cto_ended.long(), date.long());
                let v = [
                    ("stay", stay.as_str()),
                    ("ended", ended.as_str()),
                    ("date", date.as_str()),
                ];
                problems.push(messages::fill(text, &v));
            }
        }
        if let (Some((m, left)), Some(admitted)) = (previous_left, d.admitted) {
            if admitted.last_day() < left.first_day() {
                let (stay, began) = (n.to_string(), admitted.long());
                let (previous, left) = (m.to_string(), left.long());
                let v = [
                    ("stay", stay.as_str()),
                    ("began", began.as_str()),
                    ("previous", previous.as_str()),
                    ("left", left.as_str()),
                ];
                problems.push(messages::fill("part.inconsistent.began_before_left", &v));
            }
        }
        if let Some(left) = d.left_hospital {
            previous_left = Some((n, left));
        }
    }
    if !problems.is_empty() {
        let problems = problems.join("; ");
        let text = messages::fill("flag.inconsistent_dates", &[("problems", &problems)]);
        out.flag(
            FlagId::InconsistentDates,
            FlagKind::Uncertain,
            text,
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
    let what = [("detention", what.as_str())];
    let when = [("when", when.as_str())];
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
                    messages::fill("reason.left_hospital.cto", &when),
                    &[MHA_1983_S117_1],
                ),
                Some(Leaving::ConditionalDischarge) => (
                    messages::fill("reason.left_hospital.conditional_discharge", &when),
                    &[MHA_1983_S117_1],
                ),
                Some(Leaving::S17Leave) => {
                    out.flag(
                        FlagId::OnLeave,
                        FlagKind::Info,
                        messages::say("flag.on_leave"),
                        None,
                        &[MHA_1983_S17, CXF_2018, code],
                    );
                    let text = match d.left_hospital {
                        Some(x) => {
                            let date = x.long();
                            let v = [("date", date.as_str())];
                            messages::fill("reason.left_hospital.s17_leave.since", &v)
                        }
                        None => messages::say("reason.left_hospital.s17_leave").to_owned(),
                    };
                    (text, &[MHA_1983_S117_1, MHA_1983_S17])
                }
                Some(Leaving::StayedInformally) => (
                    messages::fill("reason.left_hospital.stayed_informally", &when),
                    &[MHA_1983_S117_1],
                ),
                Some(Leaving::ReturnedToPrison) => {
                    out.flag(
                        FlagId::ReturnedToPrison,
                        FlagKind::Uncertain,
                        messages::say("flag.returned_to_prison"),
                        None,
                        &[MHA_1983_S117_1],
                    );
                    (
                        messages::fill("reason.left_hospital.returned_to_prison", &when),
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
                    messages::fill("reason.left_hospital.discharged", &when),
                    &[MHA_1983_S117_1],
                ),
            };
            out.reason(RuleId::LeftHospital, Finding::Met, text, cites);
            out.settle(Entitlement::Entitled);
        }
        Status::NotYet => {
            let (text, cites): (String, &[_]) = match d.leaving {
                Some(Leaving::EscortedLeaveOnly) => (
                    messages::say("reason.left_hospital.escorted_leave_only").to_owned(),
                    &[MHA_1983_S117_1, CXF_2018],
                ),
                Some(Leaving::StayedInformally) => (
                    messages::say("reason.left_hospital.still_informal").to_owned(),
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
                    messages::fill("reason.left_hospital.still_in_hospital", &what),
                    &[MHA_1983_S117_1],
                ),
            };
            out.reason(RuleId::LeftHospital, Finding::NotMet, text, cites);
            out.flag(
                FlagId::PlanBeforeDischarge,
                FlagKind::Info,
                messages::say("flag.plan_before_discharge"),
                None,
                &[MHA_1983_S117_1, code],
            );
            out.settle(Entitlement::EntitledOnLeavingHospital);
        }
        Status::Never => {
            let earlier = !out.timeline.periods.is_empty();
            let text = if d.leaving == Some(Leaving::Died) || died_in_hospital {
                messages::fill("reason.left_hospital.died", &what)
            } else {
                messages::fill("reason.left_hospital.transferred_out", &what)
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
                messages::fill("reason.left_hospital.unknown", &what),
                &[MHA_1983_S117_1],
            );
            out.settle(Entitlement::Undetermined);
        }
    }
}
