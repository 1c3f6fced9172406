//! How long the duty lasts: Mental Health Act 1983, s.117(2).
//!
//! > It shall be the duty of the integrated care board or Local Health Board and of the local social services
//! > authority to provide … after-care services for any person to whom this section applies until such time as
//! > the integrated care board or Local Health Board and the local social services authority are satisfied that
//! > the person concerned is no longer in need of such services; but they shall not be so satisfied in the case
//! > of a community patient while he remains such a patient.
//!
//! (Text as summarised in the project's rules specification, §1.1; check against legislation.gov.uk before quoting.)
//!
//! # Interpretation
//!
//! After-care ends only when **both** bodies, after a proper joint review, are satisfied the person no longer
//! needs after-care services, and never while the person is on a CTO. The Code of Practice (chapter 33) says
//! after-care must not be withdrawn just because the person was discharged from specialist mental health
//! services, time has passed, they are deprived of liberty under the Mental Capacity Act, they may be readmitted
//! informally or under section 2, they are no longer on a CTO or section 17 leave, or they refuse services.
//! An ending for one of those reasons leaves the person entitled, and the checker flags it as likely unlawful.
//! An ending that both bodies decided jointly and in writing, on the ground that the needs have gone, is
//! treated as lawful (it can still be challenged, and the deadlines are given).
//!
//! # Open questions
//!
//! The Code of Practice paragraph numbers (33.22-33.23) are from memory in the research; the chapter is cited.
//! The Mental Health Act 2025 s.46 will require the bodies to give joint written notice; not yet in force.

use super::timeline::{on_cto_at, End, EndingPlace};
use super::Outcome;
use crate::case::{AftercareEnded, Case, EndingReason};
use crate::decision::{Entitlement, Finding, FlagId, FlagKind, RuleId};
use crate::messages;
use crate::sources::{
    Citation, MHA_1983_S117_1, MHA_1983_S117_2, STENNETT_2002, WORCESTERSHIRE_2023,
};

/// Can an ending for this reason, on its own, lawfully end after-care?
pub fn is_valid_ending_reason(reason: EndingReason) -> bool {
    match reason {
        EndingReason::NoLongerNeeded => true,
        EndingReason::DischargedFromMentalHealthServices
        | EndingReason::TimePassed
        | EndingReason::Dols
        | EndingReason::ReadmittedInformallyOrS2
        | EndingReason::CtoEnded
        | EndingReason::RefusedServices
        | EndingReason::Other => false,
    }
}

/// The reason in words, for sentences such as "you were told it ended because …".
pub fn describe_reason(reason: EndingReason) -> String {
    match reason {
        EndingReason::NoLongerNeeded => messages::say("part.ending_reason.no_longer_needed"),
        EndingReason::DischargedFromMentalHealthServices => {
            messages::say("part.ending_reason.discharged_from_services")
        }
        EndingReason::TimePassed => messages::say("part.ending_reason.time_passed"),
        EndingReason::Dols => messages::say("part.ending_reason.dols"),
        EndingReason::ReadmittedInformallyOrS2 => {
            messages::say("part.ending_reason.readmitted_informally_or_s2")
        }
        EndingReason::CtoEnded => messages::say("part.ending_reason.cto_ended"),
        EndingReason::RefusedServices => messages::say("part.ending_reason.refused_services"),
        EndingReason::Other => messages::say("part.ending_reason.other_reason"),
    }
}

/// Decides whether the duty from the detention at `latest` has been lawfully ended.
///
/// The ending the person told us about is judged against the period it falls in (see [`super::timeline`]): one
/// dated while no duty was running ends nothing; one whose approximate date could fall either side of a period's
/// boundary is not taken to end the current duty; one inside an earlier period does not touch the current one.
pub fn decide(case: &Case, latest: usize, out: &mut Outcome) {
    let died = out
        .timeline
        .current()
        .map(|p| out.timeline.periods[p])
        .filter(|p| p.ended_by == Some(End::Death));
    if let (Some(period), Some(Entitlement::Entitled)) = (died, out.entitlement) {
        out.reason(
            RuleId::DutyEnd,
            Finding::NotMet,
            messages::fill("reason.duty_end.died", &[("when", &when(period.to))]),
            &[MHA_1983_S117_2, STENNETT_2002],
        );
        out.revise(Entitlement::Ended);
        return;
    }
    let Some(ended) = &case.aftercare_ended else {
        if out.entitlement == Some(Entitlement::Entitled) {
            out.reason(
                RuleId::DutyEnd,
                Finding::Met,
                messages::say("reason.duty_end.nothing_ends_it"),
                &[MHA_1983_S117_2],
            );
        }
        return;
    };
    let when = when(ended.date);
    let when = [("when", when.as_str())];
    let current = out.timeline.current();
    match out.timeline.ending {
        EndingPlace::None => {}
        EndingPlace::Outside => {
            out.reason(
                RuleId::DutyEnd,
                Finding::Met,
                messages::fill("reason.duty_end.outside_duty", &when),
                &[MHA_1983_S117_2, WORCESTERSHIRE_2023],
            );
            out.flag(
                FlagId::EndingOutsideDuty,
                FlagKind::Warning,
                messages::fill("flag.ending_outside_duty", &when),
                ended.date,
                &[MHA_1983_S117_1, MHA_1983_S117_2],
            );
        }
        EndingPlace::Straddles => {
            out.reason(
                RuleId::DutyEnd,
                Finding::Unknown,
                messages::fill("reason.duty_end.straddles", &when),
                &[MHA_1983_S117_2],
            );
            out.flag(
                FlagId::EndingDateUncertain,
                FlagKind::Uncertain,
                messages::say("flag.ending_date_uncertain"),
                ended.date,
                &[MHA_1983_S117_2],
            );
        }
        EndingPlace::In(p) if Some(p) != current => {
            let detention =
                super::describe_detention(&case.detentions[out.timeline.periods[p].detention]);
            let v = [when[0], ("detention", detention.as_str())];
            out.reason(
                RuleId::DutyEnd,
                Finding::Met,
                if out.timeline.lawfully_ended(p) {
                    messages::fill("reason.duty_end.earlier_period", &v)
                } else {
                    messages::fill("reason.duty_end.earlier_period.unlawful", &v)
                },
                &[MHA_1983_S117_2, WORCESTERSHIRE_2023],
            );
        }
        EndingPlace::In(_) | EndingPlace::Undated => {
            if out.entitlement != Some(Entitlement::Entitled) {
                return;
            }
            // "The CTO ended" as the reason means the person was no longer on it; it is then an invalid reason.
            let on_cto =
                on_cto_at(case, latest, ended.date) && ended.reason != EndingReason::CtoEnded;
            decide_ending(on_cto, ended, super::code_of_practice(case, latest), out);
        }
    }
}

/// Applies s.117(2) to the ending the person was told about.
fn decide_ending(on_cto: bool, ended: &AftercareEnded, code: Citation, out: &mut Outcome) {
    let when = when(ended.date);
    let when = [("when", when.as_str())];
    if on_cto {
        out.reason(
            RuleId::DutyEnd,
            Finding::NotMet,
            messages::fill("reason.duty_end.on_cto", &when),
            &[MHA_1983_S117_2],
        );
        out.flag(
            FlagId::EndedWhileOnCto,
            FlagKind::Warning,
            messages::say("flag.ended_while_on_cto"),
            ended.date,
            &[MHA_1983_S117_2],
        );
        out.revise(Entitlement::Entitled);
        return;
    }
    if !is_valid_ending_reason(ended.reason) {
        let reason = describe_reason(ended.reason);
        let v = [when[0], ("reason", reason.as_str())];
        let text = messages::fill("reason.duty_end.invalid_reason", &v);
        out.reason(
            RuleId::DutyEnd,
            Finding::NotMet,
            text,
            &[MHA_1983_S117_2, code],
        );
        out.flag(
            FlagId::LikelyUnlawfulEnding,
            FlagKind::Warning,
            messages::say("flag.likely_unlawful_ending"),
            ended.date,
            &[MHA_1983_S117_2, code],
        );
        out.revise(Entitlement::Entitled);
        return;
    }
    match ended.joint_written_decision {
        Some(true) => {
            out.reason(
                RuleId::DutyEnd,
                Finding::NotMet,
                messages::fill("reason.duty_end.joint_written_decision", &when),
                &[MHA_1983_S117_2],
            );
            out.revise(Entitlement::Ended);
        }
        Some(false) => {
            out.reason(
                RuleId::DutyEnd,
                Finding::NotMet,
                messages::fill("reason.duty_end.not_joint", &when),
                &[MHA_1983_S117_2, code],
            );
            out.flag(
                FlagId::LikelyUnlawfulEnding,
                FlagKind::Warning,
                messages::text("flag.likely_unlawful_ending.not_joint"),
                ended.date,
                &[MHA_1983_S117_2],
            );
            out.revise(Entitlement::Entitled);
        }
        None => {
            out.reason(
                RuleId::DutyEnd,
                Finding::Unknown,
                messages::fill("reason.duty_end.joint_unknown", &when),
                &[MHA_1983_S117_2],
            );
            out.flag(
                FlagId::AskForEndingDecision,
                FlagKind::Uncertain,
                messages::say("flag.ask_for_ending_decision"),
                ended.date,
                &[MHA_1983_S117_2],
            );
            out.revise(Entitlement::Undetermined);
        }
    }
}

/// The `{when}` slot: empty, or a space and the date after its preposition (" on 14 May 2023").
fn when(date: Option<crate::date::Date>) -> String {
    date.map(|d| format!(" {}", d.on())).unwrap_or_default()
}
