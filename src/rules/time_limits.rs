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
use crate::messages;
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
            messages::fill("flag.mha_2025_not_in_force", &[("date", &law_date_long())]),
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
                messages::say("flag.personal_budgets.wales")
            } else {
                messages::say("flag.personal_budgets")
            },
            None,
            &[MHA_1983_S117_2C],
        );
    }
    if case.as_at.first_day() < MHA_1983_IN_FORCE {
        out.flag(
            FlagId::BeforeCoverage,
            FlagKind::Uncertain,
            messages::text("flag.before_coverage"),
            None,
            &[MHA_1983_S117_1],
        );
    }
    if let Some(law) = law_date() {
        if case.as_at.first_day() > law + chrono::Days::new(365) {
            out.flag(
                FlagId::LawMayHaveChanged,
                FlagKind::Uncertain,
                messages::fill("flag.law_may_have_changed", &[("date", &law_date_long())]),
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
            messages::say("flag.approximate_dates"),
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

/// " (counted from 1 September 2025, the earliest day of September 2025: it may be earlier still)"
fn earliest_note(trigger: Date) -> String {
    if trigger.is_exact() {
        String::new()
    } else {
        let (day, given) = (crate::date::long(trigger.first_day()), trigger.long());
        let v = [("day", day.as_str()), ("given", given.as_str())];
        format!(" {}", messages::fill("deadline.counted_from_earliest", &v))
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
    let (months, decided, note) = (
        JUDICIAL_REVIEW_MONTHS.to_string(),
        date.long(),
        earliest_note(date),
    );
    let v = [
        ("months", months.as_str()),
        ("date", decided.as_str()),
        ("note", note.as_str()),
    ];
    let basis = messages::fill("deadline.judicial_review", &v);
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
        {
            let by = by.long();
            let v = [("date", by.as_str())];
            if d.passed {
                messages::fill("flag.judicial_review_deadline.passed", &v)
            } else if d.approximate {
                messages::fill("flag.judicial_review_deadline.approximate", &v)
            } else {
                messages::fill("flag.judicial_review_deadline", &v)
            }
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
    let (name, capitalised) = if wales {
        (
            messages::text("part.ombudsman.wales"),
            messages::text("part.ombudsman.wales.capitalised"),
        )
    } else {
        (
            messages::text("part.ombudsman.england"),
            messages::text("part.ombudsman.england.capitalised"),
        )
    };
    let months = OMBUDSMAN_MONTHS.to_string();
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
        let v = [("ombudsman", capitalised), ("months", months.as_str())];
        let basis = messages::fill("deadline.ombudsman.undated", &v);
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
    let (knew, note) = (trigger.long(), earliest_note(trigger));
    let v = [
        ("ombudsman", capitalised),
        ("months", months.as_str()),
        ("date", knew.as_str()),
        ("note", note.as_str()),
    ];
    let basis = messages::fill("deadline.ombudsman", &v);
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
        {
            let by = by.long();
            let v = [
                ("ombudsman", name),
                ("months", months.as_str()),
                ("date", by.as_str()),
            ];
            if d.passed {
                messages::fill("flag.ombudsman_deadline.passed", &v)
            } else {
                messages::fill("flag.ombudsman_deadline", &v)
            }
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
    let years = COURT_CLAIM_YEARS.to_string();
    if some_barred {
        out.flag(
            FlagId::CourtClaimLimit,
            FlagKind::Deadline,
            {
                let limit = crate::date::long(limit);
                let v = [("years", years.as_str()), ("date", limit.as_str())];
                messages::fill("flag.court_claim_limit", &v)
            },
            Some(Date::exact(limit)),
            &cites,
        );
    }
    if refund.all_time_barred {
        out.flag(
            FlagId::RefundMayBeTimeBarred,
            FlagKind::Warning,
            messages::fill("flag.refund_may_be_time_barred", &[("years", &years)]),
            None,
            &cites,
        );
    }
    let (trigger, basis) = match oldest_in_time {
        Some(oldest) => (oldest, {
            let (date, note) = (oldest.long(), earliest_note(oldest));
            let v = [
                ("years", years.as_str()),
                ("date", date.as_str()),
                ("note", note.as_str()),
            ];
            messages::fill("deadline.limitation", &v)
        }),
        None => {
            let newest = refund
                .ranges
                .iter()
                .map(|r| r.to)
                .max()
                .unwrap_or(case.as_at);
            (newest, {
                let date = newest.long();
                let v = [("years", years.as_str()), ("date", date.as_str())];
                messages::fill("deadline.limitation.all_time_barred", &v)
            })
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
