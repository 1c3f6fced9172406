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
pub fn describe_reason(reason: EndingReason) -> &'static str {
    match reason {
        EndingReason::NoLongerNeeded => {
            "both bodies decided you no longer need after-care services"
        }
        EndingReason::DischargedFromMentalHealthServices => {
            "you were discharged from the mental health team or specialist services"
        }
        EndingReason::TimePassed => "a period of time had passed",
        EndingReason::Dols => "you are deprived of your liberty under the Mental Capacity Act",
        EndingReason::ReadmittedInformallyOrS2 => {
            "you were readmitted informally or under section 2"
        }
        EndingReason::CtoEnded => "your community treatment order ended",
        EndingReason::RefusedServices => "you refused services",
        EndingReason::Other => "of another reason, or no reason was given",
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
            format!(
                "The after-care duty ended when the person died{}. Charges made while it ran can still be recovered by their estate.",
                period.to.map(|d| format!(" {}", d.on())).unwrap_or_default()
            ),
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
                "Nothing you told us ends your after-care. It continues until the council and the NHS body decide together that you no longer need it.",
                &[MHA_1983_S117_2],
            );
        }
        return;
    };
    let when = ended
        .date
        .map(|d| format!(" {}", d.on()))
        .unwrap_or_default();
    let current = out.timeline.current();
    match out.timeline.ending {
        EndingPlace::None => {}
        EndingPlace::Outside => {
            out.reason(
                RuleId::DutyEnd,
                Finding::Met,
                format!("You were told your after-care ended{when}, but on the dates you gave no after-care duty was running then: you were in hospital, or had not yet left after a qualifying detention. A decision made then ended nothing. The duty arises when you leave hospital and lasts until both bodies lawfully end it."),
                &[MHA_1983_S117_2, WORCESTERSHIRE_2023],
            );
            out.flag(
                FlagId::EndingOutsideDuty,
                FlagKind::Warning,
                format!("The decision you were told about{when} could not end your after-care, because no after-care duty was running on that date. Ask both bodies to confirm in writing that your after-care continues."),
                ended.date,
                &[MHA_1983_S117_1, MHA_1983_S117_2],
            );
        }
        EndingPlace::Straddles => {
            out.reason(
                RuleId::DutyEnd,
                Finding::Unknown,
                format!("You were told your after-care ended{when}. That date could fall before or after you went back into hospital or left it, so we cannot tell which period of after-care it was about, and we have not treated it as ending your after-care now."),
                &[MHA_1983_S117_2],
            );
            out.flag(
                FlagId::EndingDateUncertain,
                FlagKind::Uncertain,
                "Find the exact date of the decision that ended your after-care (it should be in the letter that told you). On the dates you gave, it may have been made while you were in hospital, when it could end nothing.",
                ended.date,
                &[MHA_1983_S117_2],
            );
        }
        EndingPlace::In(p) if Some(p) != current => {
            let lawful = out.timeline.lawfully_ended(p);
            out.reason(
                RuleId::DutyEnd,
                Finding::Met,
                format!(
                    "The decision{when} to end your after-care was about the after-care from {}{}. Your later detention started a new duty when you left hospital, and nothing you told us has ended that one.",
                    super::describe_detention(&case.detentions[out.timeline.periods[p].detention]),
                    if lawful {
                        ""
                    } else {
                        " and was not a lawful ending: that after-care went on until you were detained again"
                    }
                ),
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
    let when = ended
        .date
        .map(|d| format!(" {}", d.on()))
        .unwrap_or_default();
    if on_cto {
        out.reason(
            RuleId::DutyEnd,
            Finding::NotMet,
            format!("You were told your after-care ended{when}, but you were still on a community treatment order. The law says after-care cannot end while you remain on one, so you are still entitled."),
            &[MHA_1983_S117_2],
        );
        out.flag(
            FlagId::EndedWhileOnCto,
            FlagKind::Warning,
            "After-care cannot be ended while you are on a community treatment order. Ask both bodies to confirm in writing that your after-care continues.",
            ended.date,
            &[MHA_1983_S117_2],
        );
        out.revise(Entitlement::Entitled);
        return;
    }
    if !is_valid_ending_reason(ended.reason) {
        out.reason(
            RuleId::DutyEnd,
            Finding::NotMet,
            format!(
                "You were told your after-care ended{when} because {}. That is not a lawful reason on its own: after-care ends only when the council and the NHS body jointly decide, after reviewing your needs, that you no longer need it. So you are still entitled.",
                describe_reason(ended.reason)
            ),
            &[MHA_1983_S117_2, code],
        );
        out.flag(
            FlagId::LikelyUnlawfulEnding,
            FlagKind::Warning,
            "Your after-care appears to have been ended unlawfully. Ask both bodies to confirm it continues, or to send the joint written decision, the assessment it relied on and their reasons.",
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
                format!("The council and the NHS body jointly decided{when}, in writing, that you no longer need after-care services. That can end the duty. If your needs were not properly reviewed, or have come back, you can ask for a new assessment or challenge the decision."),
                &[MHA_1983_S117_2],
            );
            out.revise(Entitlement::Ended);
        }
        Some(false) => {
            out.reason(
                RuleId::DutyEnd,
                Finding::NotMet,
                format!("You were told{when} that you no longer need after-care, but not by a joint written decision of both the council and the NHS body. One body alone cannot end it, so you are still entitled."),
                &[MHA_1983_S117_2, code],
            );
            out.flag(
                FlagId::LikelyUnlawfulEnding,
                FlagKind::Warning,
                "After-care can only end by a joint decision of both bodies. Ask both to confirm it continues, or to send their joint written decision and reasons.",
                ended.date,
                &[MHA_1983_S117_2],
            );
            out.revise(Entitlement::Entitled);
        }
        None => {
            out.reason(
                RuleId::DutyEnd,
                Finding::Unknown,
                format!("You were told{when} that you no longer need after-care. That ends it only if both the council and the NHS body decided it together after reviewing your needs. We cannot tell whether that happened."),
                &[MHA_1983_S117_2],
            );
            out.flag(
                FlagId::AskForEndingDecision,
                FlagKind::Uncertain,
                "Ask both bodies for the joint written decision that ended your after-care, the assessment it relied on and their reasons. Without one, your after-care has not lawfully ended.",
                ended.date,
                &[MHA_1983_S117_2],
            );
            out.revise(Entitlement::Undetermined);
        }
    }
}
