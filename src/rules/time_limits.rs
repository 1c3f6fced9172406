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

use super::charging::COURT_CLAIM_YEARS;
use super::timeline::EndingPlace;
use super::{Outcome, LAW_DATE};
use crate::case::Case;
use crate::date::Date;
use crate::decision::{Deadline, DeadlineKind, Entitlement, FlagId, FlagKind};
use crate::sources::{
    Citation, CPR_54_5, FII_2020, HSCA_1993_S9, LGA_1974_S26B, LGSCO, LGSCO_REFUNDS,
    LIMITATION_ACT_1980, MHA_1983_S117_1, MHA_1983_S117_2C, MHA_2025_S46, PAP_JR, PHSO, PSOW,
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
    judicial_review(case, out);
    ombudsman(case, out);
    limitation(case, out);
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
        let wales = out.in_wales();
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
    let approximate_deadline = out.deadlines.iter().any(|d| d.approximate)
        || out.flags.iter().any(|f| {
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

/// A deadline `months` after the earliest day `trigger` could be.
fn deadline(
    kind: DeadlineKind,
    trigger: Date,
    months: u32,
    as_at: NaiveDate,
    basis: String,
    cites: &[Citation],
) -> Deadline {
    let date = Date::exact(trigger.first_day())
        .plus_months(months)
        .unwrap_or(Date::exact(NaiveDate::MAX));
    Deadline {
        kind,
        date: Some(date),
        counted_from: Some(trigger),
        approximate: !trigger.is_exact(),
        passed: date.last_day() < as_at,
        basis,
        cites: cites.to_vec(),
    }
}

/// "The Local Government …" from "the Local Government …".
fn capitalised(text: &str) -> String {
    let mut out = text.to_owned();
    super::qualifying_detention::capitalise(&mut out);
    out
}

/// " (counted from 1 September 2025, the earliest day of September 2025: it may be earlier still)"
fn earliest_note(trigger: Date) -> String {
    if trigger.is_exact() {
        String::new()
    } else {
        format!(
            " Counted from {}, the earliest day of {}, because the exact date was not given.",
            crate::date::long(trigger.first_day()),
            trigger.long()
        )
    }
}

/// Is the ending the person told us about one they may want to challenge now?
fn ending_to_challenge(out: &Outcome) -> bool {
    let about_current = match out.timeline.ending {
        EndingPlace::In(p) => Some(p) == out.timeline.current(),
        EndingPlace::Undated => true,
        EndingPlace::None | EndingPlace::Outside | EndingPlace::Straddles => false,
    };
    about_current
        && (out.has_flag(FlagId::LikelyUnlawfulEnding)
            || out.has_flag(FlagId::EndedWhileOnCto)
            || out.has_flag(FlagId::AskForEndingDecision)
            || out.entitlement == Some(Entitlement::Ended))
}

/// Judicial review from the date after-care was said to end (CPR r.54.5), counted from its earliest day.
fn judicial_review(case: &Case, out: &mut Outcome) {
    let Some(date) = case.aftercare_ended.as_ref().and_then(|e| e.date) else {
        return;
    };
    if !ending_to_challenge(out) {
        return;
    }
    let as_at = case.as_at.first_day();
    let basis = format!(
        "A claim for judicial review must be started promptly, and in any event within {JUDICIAL_REVIEW_MONTHS} months of the decision to end your after-care ({}).{} Asking again, or a late reply, does not restart the time for that decision; a fresh decision (for example after a reassessment) would have its own.",
        date.long(),
        earliest_note(date)
    );
    let d = deadline(
        DeadlineKind::JudicialReview,
        date,
        JUDICIAL_REVIEW_MONTHS,
        as_at,
        basis,
        &[CPR_54_5, PAP_JR],
    );
    let by = d.date.unwrap_or(date);
    out.flag(
        FlagId::JudicialReviewDeadline,
        FlagKind::Deadline,
        if d.passed {
            format!("A court challenge (judicial review) to the decision to end your after-care had to be started promptly and by {} at the latest; that date has passed. A complaint and the ombudsman may still be open to you, and a new decision (for example after you ask for a reassessment) would have its own time limit.", by.long())
        } else {
            format!("If you want to challenge the decision to end your after-care in court (judicial review), act promptly: the claim must be started by {} at the latest{}. Before a claim, a letter before claim gives the bodies 14 days to reply. Get legal advice now: legal aid may be available.", by.long(), if d.approximate { ", and may need to be earlier, because the date of the decision was approximate" } else { "" })
        },
        Some(by),
        &[CPR_54_5, PAP_JR],
    );
    out.deadlines.push(d);
}

/// The ombudsman's 12 months, from when the person first knew of the problem.
fn ombudsman(case: &Case, out: &mut Outcome) {
    let about_ending = ending_to_challenge(out) || out.has_flag(FlagId::EndingOutsideDuty);
    let about_charges = out.refund.is_some();
    if !about_ending && !about_charges {
        return;
    }
    let wales = out.in_wales();
    let name = if wales {
        "the Public Services Ombudsman for Wales"
    } else {
        "the Local Government and Social Care Ombudsman (councils) or the Parliamentary and Health Service Ombudsman (NHS)"
    };
    let cites: &[Citation] = if wales {
        &[PSOW_ACT_2019_S8, PSOW]
    } else {
        &[LGA_1974_S26B, HSCA_1993_S9, LGSCO, PHSO]
    };
    // When they were told their after-care ended, they knew of that ending.
    let told = about_ending
        .then(|| case.aftercare_ended.as_ref().and_then(|e| e.date))
        .flatten();
    let trigger = case.first_knew.or(told);
    let as_at = case.as_at.first_day();
    let Some(trigger) = trigger else {
        let basis = format!("Complain to the council and the NHS body first. {} normally expects a complaint within {OMBUDSMAN_MONTHS} months of when you first knew of the problem, and can accept a later one for a good reason. Tell us when you first knew to see the date.", capitalised(name));
        out.flag(
            FlagId::OmbudsmanDeadline,
            FlagKind::Deadline,
            basis.clone(),
            None,
            cites,
        );
        out.deadlines.push(Deadline {
            kind: DeadlineKind::Ombudsman,
            date: None,
            counted_from: None,
            approximate: false,
            passed: false,
            basis,
            cites: cites.to_vec(),
        });
        return;
    };
    let basis = format!(
        "{} normally expects a complaint within {OMBUDSMAN_MONTHS} months of when you first knew of the problem ({}), after the council or NHS body has had the chance to answer; it can accept a later complaint for a good reason.{}",
        capitalised(name),
        trigger.long(),
        earliest_note(trigger)
    );
    let d = deadline(
        DeadlineKind::Ombudsman,
        trigger,
        OMBUDSMAN_MONTHS,
        as_at,
        basis,
        cites,
    );
    let by = d.date.unwrap_or(trigger);
    out.flag(
        FlagId::OmbudsmanDeadline,
        FlagKind::Deadline,
        if d.passed {
            format!("Complaints to {name} are normally made within {OMBUDSMAN_MONTHS} months of when you first knew of the problem, which was {}. That has passed, but the ombudsman can accept a later complaint if there is a good reason.", by.long())
        } else {
            format!("Complain to the council and the NHS body first. If that does not put it right, complain to {name}, normally by {}.", by.long())
        },
        Some(by),
        cites,
    );
    out.deadlines.push(d);
}

/// The six-year court limit for recovering payments, counted from each payment (Limitation Act 1980).
fn limitation(case: &Case, out: &mut Outcome) {
    let Some(refund) = out.refund.clone() else {
        return;
    };
    let as_at = case.as_at.first_day();
    let limit = refund.time_barred_before.first_day();
    // The oldest payment a court claim can still reach becomes time-barred six years after it was made.
    let oldest_in_time = refund
        .ranges
        .iter()
        .filter(|r| r.to.last_day() >= limit)
        .map(|r| {
            if r.from.first_day() >= limit {
                r.from
            } else {
                Date::exact(limit)
            }
        })
        .min();
    let some_barred = refund.ranges.iter().any(|r| r.from.first_day() < limit);
    let cites = [LIMITATION_ACT_1980, FII_2020, LGSCO_REFUNDS];
    if some_barred {
        out.flag(
            FlagId::CourtClaimLimit,
            FlagKind::Deadline,
            format!("A court claim to recover money usually has to be made within {COURT_CLAIM_YEARS} years of each payment, so payments made before {} may be too old to recover in court, unless time only started when you found out, or could have found out, about the mistake. The ombudsmen are not bound by that limit and have ordered refunds going back further. Get advice.", crate::date::long(limit)),
            Some(Date::exact(limit)),
            &cites,
        );
    }
    if refund.all_time_barred {
        out.flag(
            FlagId::RefundMayBeTimeBarred,
            FlagKind::Warning,
            format!("Every payment we found was made more than {COURT_CLAIM_YEARS} years ago, so a court claim may be too late. It may not be if you could not have known the charges were wrong until recently. A complaint to the ombudsman is not bound by this limit. Get advice before you give up on a refund."),
            None,
            &cites,
        );
    }
    let (trigger, basis) = match oldest_in_time {
        Some(oldest) => (
            oldest,
            format!("A court claim for money paid by mistake must normally be made within {COURT_CLAIM_YEARS} years of each payment; the oldest payment still in time ({}) stops being recoverable in court on this date, and each later month of delay bars another month of payments. Time may start later if you could not have discovered the mistake earlier.{}", oldest.long(), earliest_note(oldest)),
        ),
        None => {
            let newest = refund.ranges.iter().map(|r| r.to).max().unwrap_or(case.as_at);
            (
                newest,
                format!("Every payment is more than {COURT_CLAIM_YEARS} years old: the newest ({}) passed the usual court limit on this date. Time may start later if you could not have discovered the mistake earlier; the ombudsmen are not bound by the limit.", newest.long()),
            )
        }
    };
    out.deadlines.push(deadline(
        DeadlineKind::Limitation,
        trigger,
        12 * COURT_CLAIM_YEARS,
        as_at,
        basis,
        &cites,
    ));
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
