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

use super::timeline::{self, End};
use super::Outcome;
use crate::case::{Case, Charge, Per};
use crate::date::Date;
use crate::decision::{
    Entitlement, Finding, FlagId, FlagKind, Refund, RefundEstimate, RefundRange, RuleId,
};
use crate::messages;
use crate::sources::{
    LGSCO, LGSCO_REFUNDS, MHA_1983_S117A, MHA_1983_S117_6, PHSO, PSOW, SI_2014_2670_REG_4,
    STENNETT_2002,
};
use chrono::NaiveDate;

/// The usual limit, in years, for a court claim to recover money paid (Limitation Act 1980, s.5).
pub const COURT_CLAIM_YEARS: u32 = 6;

/// The first day a court claim for a payment made on the date of the check could not reach: payments before it
/// are more than six years old.
pub fn time_barred_before(as_at: Date) -> NaiveDate {
    as_at
        .first_day()
        .checked_sub_months(chrono::Months::new(12 * COURT_CLAIM_YEARS))
        .unwrap_or(NaiveDate::MIN)
}

/// The days a charge covers, `[first, last]`, with the date of the check standing in for a charge still running.
/// A charge with no start date is taken to have started when the duty did (`None` here).
fn charge_days(charge: &Charge, as_at: NaiveDate) -> (Option<NaiveDate>, NaiveDate) {
    let last = charge.until.map_or(as_at, |u| u.last_day().min(as_at));
    (charge.since.map(Date::first_day), last)
}

/// The parts of a charge that fell inside duty periods, one range per period it touches.
fn ranges(case: &Case, index: usize, timeline: &timeline::Timeline) -> Vec<RefundRange> {
    let charge = &case.charges[index];
    let as_at = case.as_at.first_day();
    let (since, last) = charge_days(charge, as_at);
    let mut out = Vec::new();
    // Approximate dates can make a period seem to start before the one before it ended: a day is counted once,
    // in the earlier period.
    let mut floor = NaiveDate::MIN;
    for (n, period) in timeline.periods.iter().enumerate() {
        let (period_start, end) = timeline::days(period, as_at);
        let start = period_start.max(floor);
        if end > period_start {
            floor = floor.max(end);
        }
        let Some(period_last) = end.pred_opt().filter(|l| *l >= start) else {
            continue;
        };
        let first = since.map_or(start, |s| s.max(start));
        let to_day = last.min(period_last);
        if first > to_day {
            continue;
        }
        let from = match charge.since {
            Some(s) if s.first_day() == first => s,
            Some(_) | None if first == period_start => period.from,
            Some(_) | None => Date::exact(first),
        };
        let ongoing = charge.until.is_none() && period.to.is_none() && to_day == as_at;
        let to = match (charge.until, period.to) {
            (Some(u), _) if u.last_day() == to_day => u,
            (Some(_) | None, Some(t))
                if !t.is_exact() && period.ended_by != Some(End::Death) && to_day < as_at =>
            {
                t
            }
            (Some(_) | None, Some(_) | None) => Date::exact(to_day),
        };
        out.push(RefundRange {
            from,
            to,
            ongoing,
            charge: index,
            period: n,
        });
    }
    out
}

/// The pounds charged per day, and how that was worked out.
fn daily_rate(charge: &Charge, as_at: NaiveDate) -> Option<(f64, &'static str)> {
    let amount = charge.amount.filter(|a| a.is_finite() && *a >= 0.0)?;
    Some(match charge.per? {
        Per::Week => (amount / 7.0, messages::text("refund.per.week")),
        Per::Month => (amount * 12.0 / 365.25, messages::text("refund.per.month")),
        Per::Year => (amount / 365.25, messages::text("refund.per.year")),
        Per::Total => {
            let (since, last) = charge_days(charge, as_at);
            let days = (last - since?).num_days() + 1;
            if days <= 0 {
                return None;
            }
            (amount / days as f64, messages::text("refund.per.total"))
        }
    })
}

/// Days in `[from, to]`, counting only those on or after `floor`.
fn days_between(from: NaiveDate, to: NaiveDate, floor: NaiveDate) -> f64 {
    let from = from.max(floor);
    if to < from {
        0.0
    } else {
        ((to - from).num_days() + 1) as f64
    }
}

/// Pounds charged over `[from, to]` (only days on or after `floor`): a monthly or yearly amount counts once for
/// each whole calendar month or year in the span (twelve payments of £1,000 are £12,000), and pro rata by the day
/// for what is left; other amounts by the day.
fn charged(rate: f64, charge: &Charge, from: NaiveDate, to: NaiveDate, floor: NaiveDate) -> f64 {
    let from = from.max(floor);
    let step = match charge.per {
        Some(Per::Month) => 1,
        Some(Per::Year) => 12,
        Some(Per::Week | Per::Total) | None => return rate * days_between(from, to, from),
    };
    let (Some(amount), Some(end)) = (charge.amount, to.succ_opt()) else {
        return rate * days_between(from, to, from);
    };
    let mut whole = 0;
    while from
        .checked_add_months(chrono::Months::new((whole + 1) * step))
        .is_some_and(|next| next <= end)
    {
        whole += 1;
    }
    let rest = from
        .checked_add_months(chrono::Months::new(whole * step))
        .unwrap_or(end);
    amount * f64::from(whole) + rate * (end - rest).num_days().max(0) as f64
}

/// An estimate of the refundable principal, when every refundable charge has an amount.
fn estimate(case: &Case, ranges: &[RefundRange], limit: NaiveDate) -> Option<RefundEstimate> {
    let as_at = case.as_at.first_day();
    let mut total = 0.0;
    let mut recent = 0.0;
    let mut per = Vec::new();
    for range in ranges {
        let charge = &case.charges[range.charge];
        let (rate, basis) = daily_rate(charge, as_at)?;
        let (from, to) = (range.from.first_day(), range.to.last_day().min(as_at));
        total += charged(rate, charge, from, to, NaiveDate::MIN);
        recent += charged(rate, charge, from, to, limit);
        if !per.contains(&basis) {
            per.push(basis);
        }
    }
    Some(RefundEstimate {
        total: total.round(),
        within_six_years: recent.round(),
        basis: messages::fill("refund.estimate.basis", &[("per", &per.join(", "))]),
    })
}

/// "from 3 May 2021 to 2 June 2022 and from 1 March 2024 (still charged)"
fn describe_ranges(ranges: &[&RefundRange]) -> String {
    let parts: Vec<String> = ranges
        .iter()
        .map(|r| {
            let (from, to) = (r.from.long(), r.to.long());
            if r.ongoing {
                messages::fill("part.refund_range.ongoing", &[("from", &from)])
            } else {
                let v = [("from", from.as_str()), ("to", to.as_str())];
                messages::fill("part.refund_range", &v)
            }
        })
        .collect();
    super::qualifying_detention::join_and(&parts.iter().map(String::as_str).collect::<Vec<_>>())
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
    let wales = out.in_wales();
    let mut all = Vec::new();
    let mut outside = 0;
    let mut undated = 0;
    let mut if_likely = 0;
    for (index, charge) in case.charges.iter().enumerate() {
        let what = charge
            .what
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| messages::text("refund.what.unknown"));
        let what = [("what", what)];
        if charge.chosen_dearer_placement_with_written_agreement {
            out.flag(
                FlagId::LawfulTopUp,
                FlagKind::Info,
                messages::fill("flag.lawful_top_up", &what),
                charge.since,
                &[
                    MHA_1983_S117A,
                    if wales {
                        crate::sources::CHOICE_OF_ACCOMMODATION_WALES_2015
                    } else {
                        SI_2014_2670_REG_4
                    },
                ],
            );
            continue;
        }
        let found = if owed {
            ranges(case, index, &out.timeline)
        } else {
            Vec::new()
        };
        // A stay of unknown section likely under section 3: the charge may be refundable on that footing.
        let on_footing: Vec<&RefundRange> = out
            .likely_refund
            .iter()
            .flat_map(|r| r.ranges.iter())
            .filter(|r| r.charge == index)
            .collect();
        if let (true, Some((stay, lasted))) = (found.is_empty() && owed, &out.likely_s3) {
            if !on_footing.is_empty() {
                if_likely += 1;
                let ranges = describe_ranges(&on_footing);
                let v = [
                    what[0],
                    ("stay", stay.as_str()),
                    ("lasted", lasted.as_str()),
                    ("ranges", ranges.as_str()),
                ];
                out.flag(
                    FlagId::RefundDue,
                    FlagKind::Refund,
                    messages::fill("flag.refund_due.if_likely_s3", &v),
                    charge.since,
                    &[STENNETT_2002],
                );
                continue;
            }
        }
        if found.is_empty() && charge.since.is_none() && owed && out.timeline.periods.is_empty() {
            // A charge declared without dates, and no dated duty to set it against: never dropped, never
            // called lawful. It may be refundable; the dates decide.
            undated += 1;
            out.flag(
                FlagId::RefundDue,
                FlagKind::Refund,
                messages::fill("flag.refund_due.undated.no_period", &what),
                None,
                &[STENNETT_2002],
            );
            continue;
        }
        if found.is_empty() {
            outside += 1;
            out.flag(
                FlagId::ChargesOutsideDuty,
                FlagKind::Info,
                messages::fill("flag.charges_outside_duty", &what),
                charge.since,
                &[STENNETT_2002],
            );
            continue;
        }
        let ombudsman = if wales {
            messages::text("part.ombudsman.wales")
        } else {
            messages::text("part.ombudsman.england")
        };
        let parts: Vec<&RefundRange> = found.iter().collect();
        let ranges = describe_ranges(&parts);
        let v = [
            what[0],
            ("ranges", ranges.as_str()),
            ("ombudsman", ombudsman),
        ];
        let mut text = if charge.since.is_none() {
            // The charge was declared but its dates were not given: the ranges are the duty periods it could
            // fall in, not dates the person gave.
            undated += 1;
            messages::fill("flag.refund_due.undated", &v)
        } else {
            messages::fill("flag.refund_due", &v)
        };
        if charge.since.is_some() && !covers_whole_charge(case, index, &found) {
            text.push(' ');
            text.push_str(messages::text("flag.refund_due.gaps"));
        }
        out.flag(
            FlagId::RefundDue,
            FlagKind::Refund,
            text,
            Some(found[0].from),
            if wales {
                &[STENNETT_2002, PSOW]
            } else {
                &[STENNETT_2002, LGSCO_REFUNDS, LGSCO, PHSO]
            },
        );
        all.extend(found);
    }
    if all.is_empty() && if_likely > 0 {
        out.reason(
            RuleId::Charging,
            Finding::Unknown,
            messages::say("reason.charging.if_likely_s3"),
            &[STENNETT_2002],
        );
        return;
    }
    if all.is_empty() && undated > 0 {
        out.reason(
            RuleId::Charging,
            Finding::Unknown,
            messages::say("reason.charging.undated"),
            &[STENNETT_2002],
        );
        return;
    }
    if all.is_empty() {
        out.reason(
            RuleId::Charging,
            Finding::NotMet,
            if owed {
                messages::say("reason.charging.none_during_duty")
            } else {
                messages::say("reason.charging.not_owed")
            },
            &[STENNETT_2002],
        );
        return;
    }
    all.sort_by_key(|r| (r.from.first_day(), r.charge));
    let limit = time_barred_before(case.as_at);
    let all_time_barred = all.iter().all(|r| r.to.last_day() < limit);
    out.reason(
        RuleId::Charging,
        Finding::Met,
        if all_time_barred {
            messages::say("reason.charging.all_time_barred")
        } else if undated > 0 {
            messages::say("reason.charging.undated")
        } else if outside > 0 {
            messages::say("reason.charging.some")
        } else {
            messages::say("reason.charging.met")
        },
        &[STENNETT_2002],
    );
    out.flag(
        FlagId::ServicesMustMeetS117Needs,
        FlagKind::Info,
        messages::say("flag.services_must_meet_s117_needs"),
        None,
        &[MHA_1983_S117_6],
    );
    let estimate = estimate(case, &all, limit);
    out.refund = Some(Refund {
        ranges: all,
        time_barred_before: Date::exact(limit),
        all_time_barred,
        estimate,
    });
}

/// Does the refundable part cover every day of the charge?
fn covers_whole_charge(case: &Case, index: usize, found: &[RefundRange]) -> bool {
    let charge = &case.charges[index];
    let (since, last) = charge_days(charge, case.as_at.first_day());
    let Some(since) = since else { return true };
    let mut day = since;
    for r in found {
        if r.from.first_day() > day {
            return false;
        }
        day = day.max(r.to.last_day().succ_opt().unwrap_or(day));
    }
    day > last
}
