//! What to do now: the decision's findings as steps, in order, each with who, how and by when.
//!
//! # Interpretation
//!
//! The steps add no law of their own: each follows from a finding or flag the rules made, and cites the same
//! sources. They are ordered by urgency: a court time limit that is running comes first, then the requests that
//! put things right (stop charging and refund, reinstate after-care, confirm the duty in writing), then complaints
//! and advice. Interfaces show them as they are, so no interface writes legal advice of its own.

use super::timeline::EndingPlace;
use super::Outcome;
use crate::case::{Case, Jurisdiction};
use crate::decision::{DeadlineKind, Entitlement, FlagId, NextStep, StepId};
use crate::sources::{
    Citation, COP_2015_CH33, COP_WALES_2016, CPR_54_5, LGA_1974_S26B, LGSCO, MHA_1983_S117_1,
    MHA_1983_S117_2, MHA_1983_S117_3, MHA_1983_S130A, MHA_1983_S130E, MH_WALES_MEASURE_2010,
    MWC_SCOTLAND, NHS_WALES_PTR_2011, PAP_JR, PHSO, PSOW, PSOW_ACT_2019_S8, RQIA_NI, STENNETT_2002,
    UK_GDPR_ART_15,
};

/// The steps for a decision, most urgent first.
pub fn decide(case: &Case, entitlement: Entitlement, out: &Outcome) -> Vec<NextStep> {
    let wales = out.in_wales();
    let council = out
        .council
        .as_ref()
        .map_or("the council", |c| c.name.as_str());
    let nhs = out
        .nhs_body
        .as_ref()
        .map_or("the NHS body", |b| b.name.as_str());
    let both = format!("{council} and {nhs}");
    let code: Citation = if wales { COP_WALES_2016 } else { COP_2015_CH33 };
    let mut steps = Vec::new();
    let mut step = |id: StepId, text: String, who: &str, how: &str, by, cites: &[Citation]| {
        steps.push(NextStep {
            id,
            text,
            who: who.to_owned(),
            how: how.to_owned(),
            by,
            cites: cites.to_vec(),
        });
    };

    if entitlement == Entitlement::OutOfScope {
        let scotland = case
            .detentions
            .iter()
            .any(|d| d.detained_in == Jurisdiction::Scotland);
        step(
            StepId::GetAdvice,
            if scotland {
                "Ask the Mental Welfare Commission for Scotland about after-care under Scottish law.".to_owned()
            } else {
                "Ask the Regulation and Quality Improvement Authority about after-care under Northern Irish law.".to_owned()
            },
            if scotland {
                "Mental Welfare Commission for Scotland"
            } else {
                "Regulation and Quality Improvement Authority"
            },
            "by phone or through its website",
            None,
            &[if scotland { MWC_SCOTLAND } else { RQIA_NI }],
        );
        return steps;
    }

    let judicial_review = out
        .deadlines
        .iter()
        .find(|d| d.kind == DeadlineKind::JudicialReview && !d.passed);
    if let Some(jr) = judicial_review {
        step(
            StepId::GetLegalAdviceNow,
            format!(
                "Get legal advice now about challenging the decision to end your after-care: a court claim must be started promptly, and by {} at the latest.",
                jr.date.map_or_else(String::new, |d| d.long())
            ),
            "a solicitor who does community care or mental health law (legal aid may be available)",
            "a letter before claim, then a claim for judicial review",
            jr.date,
            &[CPR_54_5, PAP_JR],
        );
    }

    if entitlement == Entitlement::EntitledOnLeavingHospital {
        step(
            StepId::AskForPlanBeforeDischarge,
            if wales {
                format!("Ask for your after-care to be planned now, before you leave hospital, by {both}, in a care and treatment plan saying what you will get and who pays for each part.")
            } else {
                format!("Ask for your after-care to be planned now, before you leave hospital, by {both}, with a written plan saying what you will get and who pays for each part.")
            },
            &format!("your care coordinator or ward team, {both}"),
            "ask at your next ward review or care planning meeting, and in writing",
            None,
            if wales {
                &[MHA_1983_S117_1, MH_WALES_MEASURE_2010, COP_WALES_2016]
            } else {
                &[MHA_1983_S117_1, COP_2015_CH33]
            },
        );
    }

    if let Some(refund) = &out.refund {
        // The court limit is a "by" date only when it is near (within a year): the request itself is for now,
        // and a date years away would read as a deadline for asking.
        let within_a_year = case.as_at.plus_months(12);
        let limitation = out
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::Limitation && !d.passed)
            .and_then(|d| d.date)
            .filter(|d| within_a_year.is_some_and(|y| d.first_day() <= y.first_day()));
        step(
            StepId::AskForRefund,
            if refund.all_time_barred {
                format!("Ask {council} to confirm the charges were for after-care and to refund them, with interest; the payments are more than six years old, so get advice about the time limit first.")
            } else {
                format!("Ask {council} to stop charging you for after-care and to refund what you paid while you were owed it, with interest.")
            },
            council,
            "the letter this checker writes, sent by email or recorded post",
            limitation,
            &[STENNETT_2002],
        );
    }

    let ending_problem = out.has_flag(FlagId::LikelyUnlawfulEnding)
        || out.has_flag(FlagId::EndedWhileOnCto)
        || out.has_flag(FlagId::EndingOutsideDuty)
        || out.has_flag(FlagId::AskForEndingDecision)
        || out.timeline.ending == EndingPlace::Straddles;
    if ending_problem {
        step(
            StepId::ChallengeEnding,
            format!("Ask {both} to confirm in writing that your after-care continues, or to send the joint written decision that ended it, the assessment it relied on and their reasons."),
            &both,
            "the letter this checker writes",
            None,
            &[MHA_1983_S117_2, code],
        );
    }

    match entitlement {
        // Asking them to confirm that after-care continues (above) already asks them to confirm the duty.
        Entitlement::Entitled | Entitlement::Undetermined if ending_problem => {}
        Entitlement::Entitled | Entitlement::Undetermined | Entitlement::EntitledOnLeavingHospital => step(
            StepId::AskToConfirm,
            format!("Ask {both} to confirm in writing that you are owed section 117 after-care, which of them is responsible, and what is in your after-care plan."),
            &both,
            "the letter this checker writes, sent by email or recorded post; keep proof you sent it",
            None,
            &[MHA_1983_S117_2, MHA_1983_S117_3],
        ),
        Entitlement::Ended => step(
            StepId::AskForReassessment,
            if wales {
                format!("If you need help again, ask {council} and {nhs} for a new assessment; as a former user of mental health services in Wales you can also ask for a reassessment yourself.")
            } else {
                format!("If you need help again, ask {council} and {nhs} for a new assessment of your needs.")
            },
            &both,
            "in writing",
            None,
            if wales { &[MHA_1983_S117_2, MH_WALES_MEASURE_2010] } else { &[MHA_1983_S117_2] },
        ),
        Entitlement::NotEntitled | Entitlement::OutOfScope => {}
    }

    if out.has_flag(FlagId::UnknownSection) || entitlement == Entitlement::Undetermined {
        step(
            StepId::FindOut,
            "Find out the facts the answer depends on, such as which section you were held under and the dates: ask the hospital or your care coordinator, or ask for a copy of your records.".to_owned(),
            "the hospital's records team or your care coordinator",
            "a subject access request (free; normally answered within a month)",
            None,
            &[MHA_1983_S117_1, UK_GDPR_ART_15],
        );
    }

    if out.refund.is_some() || ending_problem {
        let ombudsman = out
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::Ombudsman && !d.passed)
            .and_then(|d| d.date);
        step(
            StepId::Complain,
            if wales {
                format!("If they do not put it right, complain to {council} and {nhs} (NHS Wales \"Putting Things Right\"), then to the Public Services Ombudsman for Wales.")
            } else {
                format!("If they do not put it right, complain to {council} and {nhs}, then to the Local Government and Social Care Ombudsman (council) or the Parliamentary and Health Service Ombudsman (NHS).")
            },
            &both,
            "their complaints procedures, then the ombudsman",
            ombudsman,
            if wales {
                &[NHS_WALES_PTR_2011, PSOW_ACT_2019_S8, PSOW]
            } else {
                &[LGA_1974_S26B, LGSCO, PHSO]
            },
        );
    }

    step(
        StepId::GetAdvice,
        "Get free help from an independent mental health advocate (if you are detained, on a CTO or conditionally discharged) or a local advocacy service, or a solicitor: legal aid may be available.".to_owned(),
        "an advocacy service or a solicitor",
        "by phone or email",
        None,
        &[if wales { MHA_1983_S130E } else { MHA_1983_S130A }],
    );
    steps
}
