//! No charges for after-care: *R v Manchester City Council, ex p Stennett* \[2002\] UKHL 34.
//!
//! # Interpretation
//!
//! Section 117 is a free-standing duty with no power to charge, so no charge may be made for after-care
//! services, including residential accommodation. The one exception is a top-up: where the person chooses
//! accommodation that costs more than the council would usually pay, the person or someone else may pay the extra,
//! under a written agreement (s.117A and, in England, SI 2014/2670 reg. 4). Charging for the council's usual-cost
//! placement, or a "top-up" without a genuine choice, is not lawful.
//!
//! The ombudsmen's usual remedy for wrongful charges is a refund from when charging began, with interest.
//! A court claim to recover money generally has a six-year limit, which may run from when the mistake was
//! discovered (Limitation Act 1980, ss.5 and 32: general law, not verified for s.117 in the research).
//!
//! Not every service a person receives is after-care: only services meeting a need arising from the mental
//! disorder and reducing the risk of deterioration (s.117(6)), normally those in the after-care plan. The checker
//! says so rather than deciding which services were after-care.
//!
//! # Open questions
//!
//! The Welsh choice-of-accommodation rules were not researched; the English regulation is cited with s.117A.

use super::left_hospital::{status, Status};
use super::qualifying_detention::is_qualifying;
use super::{england_and_wales, Outcome};
use crate::case::{Case, Charge};
use crate::date::Date;
use crate::decision::{Entitlement, Finding, FlagId, FlagKind, RuleId};
use crate::sources::{
    LGA_1974_S26B, LGSCO, LGSCO_REFUNDS, LIMITATION_ACT_1980, MHA_1983_S117A, MHA_1983_S117_6,
    PHSO, PSOW, PSOW_ACT_2019_S8, SI_2014_2670_REG_4, STENNETT_2002,
};
use chrono::NaiveDate;

/// The usual limit, in years, for a court claim to recover money paid (Limitation Act 1980, s.5).
pub const COURT_CLAIM_YEARS: u32 = 6;

/// A period during which an after-care duty ran: from leaving hospital until the next qualifying detention began,
/// or until the duty was lawfully ended; `None` means it is still running.
pub fn duty_periods(case: &Case, ended: Option<NaiveDate>) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let qualifying: Vec<usize> = england_and_wales(case)
        .filter(|(_, d)| is_qualifying(d))
        .map(|(i, _)| i)
        .collect();
    let mut periods = Vec::new();
    for (n, &i) in qualifying.iter().enumerate() {
        let d = &case.detentions[i];
        if status(d.leaving, d.left_hospital.is_some()) != Status::Left {
            continue;
        }
        let Some(start) = d.left_hospital.or(d.section_ended).map(Date::first_day) else {
            continue;
        };
        let next = qualifying
            .get(n + 1)
            .and_then(|&j| case.detentions[j].admitted)
            .map(Date::first_day);
        let end = match (next, ended) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        periods.push((start, end));
    }
    periods
}

/// The part of a charge that fell within a duty period, as (from, until); `None` for an open end.
fn overlap(
    charge: &Charge,
    periods: &[(NaiveDate, Option<NaiveDate>)],
) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let since = charge.since.map(Date::first_day);
    let until = charge.until.map(Date::last_day);
    periods.iter().find_map(|&(start, end)| {
        let from = since.map(|s| s.max(start));
        let to = match (until, end) {
            (Some(u), Some(e)) => Some(u.min(e)),
            (a, b) => a.or(b),
        };
        let empty = matches!((from.or(Some(start)), to), (Some(f), Some(t)) if f > t);
        (!empty).then_some((from.or(Some(start)), to))
    })
}

/// Decides what the charges mean.
pub fn decide(case: &Case, out: &mut Outcome) {
    if case.charges.is_empty() {
        return;
    }
    let owed = !matches!(
        out.entitlement,
        Some(Entitlement::NotEntitled | Entitlement::OutOfScope)
    );
    let ended = case
        .aftercare_ended
        .as_ref()
        .filter(|_| out.entitlement == Some(Entitlement::Ended))
        .and_then(|e| e.date.map(Date::first_day));
    let periods = if owed {
        duty_periods(case, ended)
    } else {
        Vec::new()
    };
    let wales = out
        .council
        .as_ref()
        .is_some_and(|c| c.kind == crate::decision::BodyKind::WelshCouncil);
    let mut unlawful = 0;
    let mut earliest: Option<NaiveDate> = None;
    for charge in &case.charges {
        let what = charge
            .what
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .unwrap_or("care");
        if charge.chosen_dearer_placement_with_written_agreement {
            out.flag(
                FlagId::LawfulTopUp,
                FlagKind::Info,
                format!("The charge for {what} is a top-up for a more expensive placement you chose, under a written agreement. That is lawful, but only for the extra cost above what the council would usually pay: the council must pay the rest, and you cannot be charged for it."),
                charge.since,
                &[MHA_1983_S117A, SI_2014_2670_REG_4],
            );
            continue;
        }
        match overlap(charge, &periods) {
            Some((from, to)) => {
                unlawful += 1;
                earliest = match (earliest, from) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                let from_text = from.map(|f| format!(" from {}", crate::date::long(f))).unwrap_or_default();
                let to_text = match to {
                    Some(t) => format!(" to {}", crate::date::long(t)),
                    None => " and you are still being charged".to_owned(),
                };
                let ombudsman = if wales {
                    "the Public Services Ombudsman for Wales"
                } else {
                    "the Local Government and Social Care Ombudsman (councils) or the Parliamentary and Health Service Ombudsman (NHS)"
                };
                out.flag(
                    FlagId::RefundDue,
                    FlagKind::Refund,
                    format!("You were charged for {what}{from_text}{to_text}, while you were owed section 117 after-care. Charging for after-care is unlawful, so if {what} was part of your after-care you can ask for all of it back, with interest. Complain to the council first; if that does not put it right, go to {ombudsman}, which usually orders a refund from when charging began, with interest. A court claim is another route."),
                    charge.since.filter(|s| Some(s.first_day()) == from).or(from.map(Date::exact)),
                    &[STENNETT_2002, LGSCO_REFUNDS, if wales { PSOW } else { LGSCO }, PHSO],
                );
            }
            None => out.flag(
                FlagId::ChargesOutsideDuty,
                FlagKind::Info,
                format!("The charge for {what} was not made while a section 117 duty was running on what you told us, so this checker cannot say it was unlawful. Charges for care that is not after-care follow the ordinary rules, after a proper financial assessment."),
                charge.since,
                &[STENNETT_2002],
            ),
        }
    }
    if unlawful > 0 {
        out.reason(
            RuleId::Charging,
            Finding::Met,
            "No one can be charged for section 117 after-care, including care home or supported accommodation costs that are part of it. You have been charged while owed after-care, so a refund is likely due.",
            &[STENNETT_2002],
        );
        out.flag(
            FlagId::ServicesMustMeetS117Needs,
            FlagKind::Info,
            "Only services that meet a need arising from your mental disorder and reduce the risk of it getting worse are after-care, and so free. They should be in your written after-care plan. If a charged service was for a different need, the charge may be lawful after a proper assessment.",
            None,
            &[MHA_1983_S117_6],
        );
        let six_years_ago = case
            .as_at
            .first_day()
            .checked_sub_months(chrono::Months::new(12 * COURT_CLAIM_YEARS));
        if let (Some(limit), Some(first)) = (six_years_ago, earliest) {
            if first < limit {
                out.flag(
                    FlagId::CourtClaimLimit,
                    FlagKind::Deadline,
                    format!("A court claim to recover money usually has to be made within {COURT_CLAIM_YEARS} years, so payments made before {} may be harder to recover in court, unless the time only started when you found out about the mistake. The ombudsmen are not bound by that limit and have ordered refunds going back further. Get advice.", crate::date::long(limit)),
                    Some(Date::exact(limit)),
                    &[LIMITATION_ACT_1980, LGSCO_REFUNDS],
                );
            }
        }
        if let Some(by) = case.as_at.plus_months(12) {
            out.flag(
                FlagId::OmbudsmanDeadline,
                FlagKind::Deadline,
                format!("Ombudsmen usually expect a complaint within 12 months of when you knew about the problem. If you have only just found out that these charges were wrong, complain to the council now and to the ombudsman by {} at the latest.", by.long()),
                Some(by),
                if wales {
                    &[PSOW_ACT_2019_S8, PSOW]
                } else {
                    &[LGA_1974_S26B, LGSCO]
                },
            );
        }
    } else if !owed {
        out.reason(
            RuleId::Charging,
            Finding::NotMet,
            "On what you told us you are not (yet) owed section 117 after-care, so the rule against charging does not apply to these charges.",
            &[STENNETT_2002],
        );
    } else {
        out.reason(
            RuleId::Charging,
            Finding::NotMet,
            "None of the charges you told us about fell while the section 117 duty was running, or they are lawful top-ups.",
            &[STENNETT_2002],
        );
    }
}
