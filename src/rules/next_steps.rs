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
use crate::messages;
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
        .map_or(messages::text("part.the_council"), |c| c.name.as_str());
    let nhs = out
        .nhs_body
        .as_ref()
        .map_or(messages::text("part.the_nhs_body"), |b| b.name.as_str());
    let bodies = [("council", council), ("nhs", nhs)];
    let both = messages::fill("part.both_bodies", &bodies);
    let all = [("council", council), ("nhs", nhs), ("both", both.as_str())];
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
                messages::text("next_step.get_advice.scotland.text").to_owned()
            } else {
                messages::text("next_step.get_advice.northern_ireland.text").to_owned()
            },
            if scotland {
                messages::text("next_step.get_advice.scotland.who")
            } else {
                messages::text("next_step.get_advice.northern_ireland.who")
            },
            messages::text("next_step.get_advice.elsewhere.how"),
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
            {
                let by = jr.date.map_or_else(String::new, |d| d.long());
                messages::fill("next_step.get_legal_advice_now.text", &[("date", &by)])
            },
            messages::text("next_step.get_legal_advice_now.who"),
            messages::text("next_step.get_legal_advice_now.how"),
            jr.date,
            &[CPR_54_5, PAP_JR],
        );
    }

    if entitlement == Entitlement::EntitledOnLeavingHospital {
        step(
            StepId::AskForPlanBeforeDischarge,
            if wales {
                messages::fill("next_step.ask_for_plan_before_discharge.text.wales", &all)
            } else {
                messages::fill("next_step.ask_for_plan_before_discharge.text", &all)
            },
            &messages::fill("next_step.ask_for_plan_before_discharge.who", &all),
            &messages::say("next_step.ask_for_plan_before_discharge.how"),
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
                messages::fill("next_step.ask_for_refund.text.time_barred", &all)
            } else {
                messages::fill("next_step.ask_for_refund.text", &all)
            },
            council,
            messages::text("next_step.ask_for_refund.how"),
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
            messages::fill("next_step.challenge_ending.text", &all),
            &both,
            messages::text("next_step.challenge_ending.how"),
            None,
            &[MHA_1983_S117_2, code],
        );
    }

    match entitlement {
        // Asking them to confirm that after-care continues (above) already asks them to confirm the duty.
        Entitlement::Entitled | Entitlement::Undetermined if ending_problem => {}
        Entitlement::Entitled
        | Entitlement::Undetermined
        | Entitlement::EntitledOnLeavingHospital => step(
            StepId::AskToConfirm,
            messages::fill("next_step.ask_to_confirm.text", &all),
            &both,
            &messages::say("next_step.ask_to_confirm.how"),
            None,
            &[MHA_1983_S117_2, MHA_1983_S117_3],
        ),
        Entitlement::Ended => step(
            StepId::AskForReassessment,
            if wales {
                messages::fill("next_step.ask_for_reassessment.text.wales", &all)
            } else {
                messages::fill("next_step.ask_for_reassessment.text", &all)
            },
            &both,
            messages::text("next_step.ask_for_reassessment.how"),
            None,
            if wales {
                &[MHA_1983_S117_2, MH_WALES_MEASURE_2010]
            } else {
                &[MHA_1983_S117_2]
            },
        ),
        Entitlement::NotEntitled | Entitlement::OutOfScope => {}
    }

    let where_lived = out.has_flag(FlagId::AskWhereLivedBefore);
    if out.has_flag(FlagId::UnknownSection)
        || entitlement == Entitlement::Undetermined
        || where_lived
    {
        step(
            StepId::FindOut,
            if where_lived && !out.has_flag(FlagId::UnknownSection) {
                messages::say("next_step.find_out.lived_before.text").to_owned()
            } else {
                messages::say("next_step.find_out.text").to_owned()
            },
            &messages::say("next_step.find_out.who"),
            messages::text("next_step.find_out.how"),
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
                messages::fill("next_step.complain.text.wales", &all)
            } else {
                messages::fill("next_step.complain.text", &all)
            },
            &both,
            messages::text("next_step.complain.how"),
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
        messages::say("next_step.get_advice.text").to_owned(),
        messages::text("next_step.get_advice.who"),
        messages::text("next_step.get_advice.how"),
        None,
        &[if wales {
            MHA_1983_S130E
        } else {
            MHA_1983_S130A
        }],
    );
    steps
}
