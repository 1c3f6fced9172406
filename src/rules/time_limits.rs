//! Time limits as dates, and notes on law that is enacted but not yet in force.
//!
//! # Interpretation
//!
//! - Judicial review of a decision (such as ending after-care): the claim must be filed promptly and in any event
//!   within three months after the grounds first arose (CPR r.54.5(1)).
//! - Ombudsmen: normally within 12 months of when the person knew of the problem, with discretion to accept
//!   later complaints (Local Government Act 1974, s.26B; the PHSO and PSOW have similar rules).
//! - The Mental Health Act 2025, s.46, will require joint written notice to end after-care and will add deeming
//!   rules to the ordinary residence test. It needs commencement regulations and was not in force at the law date.
//!
//! Dates count from the dates the person gave; where those were approximate, so are the deadlines, and the
//! checker says so.

use super::{Outcome, LAW_DATE};
use crate::case::Case;
use crate::date::Date;
use crate::decision::{Entitlement, FlagId, FlagKind};
use crate::sources::{
    CPR_54_5, LGA_1974_S26B, LGSCO, MHA_1983_S117_1, MHA_1983_S117_2C, MHA_2025_S46, PHSO, PSOW,
    PSOW_ACT_2019_S8,
};
use chrono::NaiveDate;

/// Months allowed to start judicial review (CPR r.54.5(1)).
pub const JUDICIAL_REVIEW_MONTHS: u32 = 3;

/// Months the ombudsmen normally allow from when the person knew of the problem (LGA 1974 s.26B).
pub const OMBUDSMAN_MONTHS: u32 = 12;

/// The day the Mental Health Act 1983 came into force; the checker covers nothing earlier.
pub const MHA_1983_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(1983, 9, 30) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// The day the Mental Health Act 2025 received Royal Assent; its after-care changes await commencement.
pub const MHA_2025_ROYAL_ASSENT: NaiveDate = match NaiveDate::from_ymd_opt(2025, 12, 18) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// Adds deadlines and notes.
pub fn decide(case: &Case, out: &mut Outcome) {
    deadlines_for_ending(case, out);
    if out.qualifying.is_some() && case.as_at.first_day() >= MHA_2025_ROYAL_ASSENT {
        out.flag(
            FlagId::Mha2025NotInForce,
            FlagKind::Info,
            format!("The Mental Health Act 2025 will change section 117: after-care will end only when both bodies jointly give you written notice, and new rules will decide where a person placed out of area is ordinarily resident. Those changes were not in force on {}, so this check applies the current law.", law_date_long()),
            None,
            &[MHA_2025_S46],
        );
    }
    if out.entitlement == Some(Entitlement::Entitled) {
        let wales = out
            .council
            .as_ref()
            .is_some_and(|c| c.kind == crate::decision::BodyKind::WelshCouncil);
        out.flag(
            FlagId::PersonalBudgets,
            FlagKind::Info,
            if wales {
                "You can ask for the social care part of your after-care as direct payments from the council."
            } else {
                "You can ask for your after-care as direct payments from the council, and in England you have a legal right to a personal health budget for the NHS part."
            },
            None,
            &[MHA_1983_S117_2C],
        );
    }
    if case.as_at.first_day() < MHA_1983_IN_FORCE {
        out.flag(
            FlagId::BeforeCoverage,
            FlagKind::Uncertain,
            "The date of the check is before the Mental Health Act 1983 came into force on 30 September 1983. This checker does not cover earlier law.",
            None,
            &[MHA_1983_S117_1],
        );
    }
    if let Some(law) = law_date() {
        if case.as_at.first_day() > law + chrono::Days::new(365) {
            out.flag(
                FlagId::LawMayHaveChanged,
                FlagKind::Uncertain,
                format!("These rules reflect the law on {}, more than a year before the date of this check. The law may have changed since; check for an updated version.", law_date_long()),
                None,
                &[MHA_2025_S46],
            );
        }
    }
    let approximate_deadline = out.flags.iter().any(|f| {
        matches!(f.kind, FlagKind::Deadline | FlagKind::Refund)
            && f.date.is_some_and(|d| !d.is_exact())
    });
    if approximate_deadline {
        out.flag(
            FlagId::ApproximateDates,
            FlagKind::Uncertain,
            "Some dates you gave are approximate (a month or a year), so the dates worked out from them are approximate too. Where a deadline matters, act well before it.",
            None,
            &[],
        );
    }
}

/// Judicial review and ombudsman deadlines from the date after-care was said to end.
fn deadlines_for_ending(case: &Case, out: &mut Outcome) {
    let Some(date) = case.aftercare_ended.as_ref().and_then(|e| e.date) else {
        return;
    };
    let challengeable = out.has_flag(FlagId::LikelyUnlawfulEnding)
        || out.has_flag(FlagId::EndedWhileOnCto)
        || out.has_flag(FlagId::AskForEndingDecision)
        || out.entitlement == Some(Entitlement::Ended);
    if !challengeable {
        return;
    }
    let wales = out
        .council
        .as_ref()
        .is_some_and(|c| c.kind == crate::decision::BodyKind::WelshCouncil);
    let as_at = case.as_at.first_day();
    if let Some(by) = date.plus_months(JUDICIAL_REVIEW_MONTHS) {
        let passed = by.last_day() < as_at;
        out.flag(
            FlagId::JudicialReviewDeadline,
            FlagKind::Deadline,
            if passed {
                format!("A court challenge (judicial review) to the decision to end your after-care had to be started promptly and by {}; that date has passed. A complaint and the ombudsman may still be open to you, and a new decision (for example after you ask for a reassessment) starts a new time limit.", by.long())
            } else {
                format!("If you want to challenge the decision to end your after-care in court (judicial review), you must act promptly and start the claim by {} at the latest. Get legal advice now: legal aid may be available.", by.long())
            },
            Some(by),
            &[CPR_54_5],
        );
    }
    if let Some(by) = date.plus_months(OMBUDSMAN_MONTHS) {
        let passed = by.last_day() < as_at;
        let ombudsman = if wales {
            "the Public Services Ombudsman for Wales"
        } else {
            "the Local Government and Social Care Ombudsman or the Parliamentary and Health Service Ombudsman"
        };
        out.flag(
            FlagId::OmbudsmanDeadline,
            FlagKind::Deadline,
            if passed {
                format!("Complaints to {ombudsman} are normally made within 12 months of when you knew of the problem, which from the ending date was {}. That has passed, but the ombudsman can accept a later complaint if there is a good reason.", by.long())
            } else {
                format!("Complain to the council and the NHS body first. If that does not put it right, complain to {ombudsman}, normally by {}.", by.long())
            },
            Some(by),
            if wales {
                &[PSOW_ACT_2019_S8, PSOW]
            } else {
                &[LGA_1974_S26B, LGSCO, PHSO]
            },
        );
    }
}

/// The law date as a date.
fn law_date() -> Option<NaiveDate> {
    LAW_DATE.parse::<Date>().ok().map(Date::first_day)
}

/// The law date in words.
pub fn law_date_long() -> String {
    LAW_DATE
        .parse::<Date>()
        .map(Date::long)
        .unwrap_or_else(|_| LAW_DATE.to_owned())
}
