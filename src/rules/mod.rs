//! The statutory pipeline: each rule in the order of section 117 of the Mental Health Act 1983.
//!
//! 1. [`jurisdiction`]: was anyone detained under the law of England and Wales?
//! 2. [`qualifying_detention`]: s.117(1), a detention under a section that engages the duty.
//! 3. [`readmission`]: later stays, and which detention the current duty comes from (*Worcestershire*).
//! 4. [`left_hospital`]: s.117(1), "cease to be detained and … leave hospital".
//! 5. [`duty_end`]: s.117(2), the duty lasts until both bodies are satisfied it is no longer needed.
//! 6. [`responsible_council`]: s.117(3), the council.
//! 7. [`responsible_nhs_body`]: s.117(3) and SI 2022/635, the ICB, local health board or NHS England.
//! 8. [`charging`]: *Stennett*, no charges for after-care.
//! 9. [`not_sure`]: questions answered "not sure", how each was read and what to ask for.
//! 10. [`time_limits`]: deadlines as dates, and notes on law not yet in force.
//!
//! Before the rules run, [`left_hospital::flag_inconsistent_dates`] flags dates that contradict each other in ways
//! the input checks do not reject.
//!
//! Each rule reads the [`Case`] and what earlier rules found, and adds [`Reason`]s and [`Flag`]s to one
//! [`Outcome`] builder. No rule returns an error: a fact that is missing makes a finding `unknown`.

// No wildcard arm in a match on an enum, here and in every rule: a new section, way of leaving or other legal value
// must fail clippy until each rule has decided what it means. `scripts/test.sh` runs clippy with `-D warnings`.
#![deny(clippy::wildcard_enum_match_arm)]

pub mod charging;
pub mod duty_end;
pub mod jurisdiction;
pub mod left_hospital;
pub mod next_steps;
pub mod not_sure;
pub mod qualifying_detention;
pub mod readmission;
pub mod responsible_council;
pub mod responsible_nhs_body;
pub mod time_limits;
pub mod timeline;

use crate::case::{Case, Detention};
use crate::date::Date;
use crate::decision::{
    Body, Deadline, Decision, DetentionFinding, DutyPeriod, Entitlement, Finding, Flag, FlagId,
    FlagKind, PeriodEnd, Reason, Refund, RuleId,
};
use crate::messages;
use crate::sources::Citation;

/// The version of the rules, shown on every decision and letter.
pub const RULES_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The date of the law the rules reflect: the day the rules were last checked against the specification.
pub const LAW_DATE: &str = "2026-12-01";

/// What the rules have found so far, built up rule by rule.
#[derive(Debug)]
pub struct Outcome {
    /// The entitlement, once a rule has settled it.
    pub entitlement: Option<Entitlement>,
    /// Index of the detention the current duty comes from.
    pub qualifying: Option<usize>,
    /// When the current duty arose.
    pub duty_arose: Option<Date>,
    /// The council, once found.
    pub council: Option<Body>,
    /// The NHS body, once found.
    pub nhs_body: Option<Body>,
    /// The reasons so far.
    pub reasons: Vec<Reason>,
    /// The flags so far.
    pub flags: Vec<Flag>,
    /// The stays and duty periods, built before the rules run.
    pub timeline: timeline::Timeline,
    /// Charges that fell inside a duty period.
    pub refund: Option<Refund>,
    /// Time limits found so far.
    pub deadlines: Vec<Deadline>,
    /// A stay of unknown section likely under section 3 from its length: the stay and its length, in words.
    pub likely_s3: Option<(String, String)>,
    /// On that footing, the charges that would have fallen inside a duty period.
    pub likely_refund: Option<Refund>,
}

impl Outcome {
    fn new(case: &Case) -> Self {
        Outcome::over(timeline::build(case))
    }

    /// A blank outcome over the same timeline, for working something out without recording its reasons.
    pub fn scratch(&self) -> Self {
        Outcome::over(self.timeline.clone())
    }

    /// Nothing found yet, over this timeline.
    fn over(timeline: timeline::Timeline) -> Self {
        Outcome {
            entitlement: None,
            qualifying: None,
            duty_arose: None,
            council: None,
            nhs_body: None,
            reasons: Vec::new(),
            flags: Vec::new(),
            timeline,
            refund: None,
            deadlines: Vec::new(),
            likely_s3: None,
            likely_refund: None,
        }
    }

    /// Is the council (when known) Welsh, so that Welsh guidance and remedies apply?
    pub fn in_wales(&self) -> bool {
        self.council
            .as_ref()
            .is_some_and(|c| c.kind == crate::decision::BodyKind::WelshCouncil)
    }

    /// Records one step of the reasoning.
    pub fn reason(
        &mut self,
        rule: RuleId,
        finding: Finding,
        text: impl Into<String>,
        cites: &[Citation],
    ) {
        self.reasons.push(Reason {
            rule,
            finding,
            text: text.into(),
            cites: cites.to_vec(),
        });
    }

    /// Raises a flag, once per id and date.
    pub fn flag(
        &mut self,
        id: FlagId,
        kind: FlagKind,
        text: impl Into<String>,
        date: Option<Date>,
        cites: &[Citation],
    ) {
        if self.flags.iter().any(|f| f.id == id && f.date == date) {
            return;
        }
        self.flags.push(Flag {
            id,
            kind,
            text: text.into(),
            date,
            cites: cites.to_vec(),
        });
    }

    /// Has a flag with this id been raised?
    pub fn has_flag(&self, id: FlagId) -> bool {
        self.flags.iter().any(|f| f.id == id)
    }

    /// Settles the entitlement unless an earlier rule already did.
    pub fn settle(&mut self, entitlement: Entitlement) {
        self.entitlement.get_or_insert(entitlement);
    }

    /// Replaces the entitlement: a later rule (such as the ending of the duty) overrides an earlier one.
    pub fn revise(&mut self, entitlement: Entitlement) {
        self.entitlement = Some(entitlement);
    }

    /// Should the responsible bodies be named?
    ///
    /// They are named whenever a qualifying detention exists and the case is not outside s.117: the council
    /// depends on where the person lived immediately before the latest qualifying detention, not on whether they
    /// have left hospital or whether the duty was lawfully ended, so an `undetermined` outcome still names the
    /// bodies to ask. Only `not_entitled` and `out_of_scope` name none.
    pub fn has_duty(&self) -> bool {
        match self.entitlement {
            Some(
                Entitlement::Entitled
                | Entitlement::EntitledOnLeavingHospital
                | Entitlement::Ended
                | Entitlement::Undetermined,
            )
            | None => true,
            Some(Entitlement::NotEntitled | Entitlement::OutOfScope) => false,
        }
    }
}

/// The detentions under the law of England and Wales, with their positions in the case.
pub fn england_and_wales(case: &Case) -> impl Iterator<Item = (usize, &Detention)> {
    case.detentions
        .iter()
        .enumerate()
        .filter(|(_, d)| jurisdiction::is_mha_1983(d.detained_in))
}

/// Does Welsh law and guidance govern the duty from the detention at `index`?
///
/// Yes when the person was ordinarily resident in Wales immediately before it (s.117(3)(b)), or, with no home in
/// England or Wales, was detained in Wales.
pub fn welsh(case: &Case, index: usize) -> bool {
    use crate::case::{Country, Jurisdiction};
    case.detentions
        .get(index)
        .is_some_and(|d| match d.lived_before.country {
            Country::Wales => true,
            Country::England => false,
            Country::Scotland
            | Country::NorthernIreland
            | Country::OutsideUk
            | Country::NoSettledHome
            | Country::NotSure => d.detained_in == Jurisdiction::Wales,
        })
}

/// The Code of Practice for the duty from the detention at `index`: the Code for Wales (2016) in Welsh cases,
/// the English Code (2015, chapter 33) otherwise.
pub fn code_of_practice(case: &Case, index: usize) -> Citation {
    if welsh(case, index) {
        crate::sources::COP_WALES_2016
    } else {
        crate::sources::COP_2015_CH33
    }
}

/// "the detention under section 3 (admission for treatment) that began on 4 March 2021"
pub fn describe_detention(d: &Detention) -> String {
    if !messages::wanted("part.detention") {
        return String::new();
    }
    match d.admitted {
        Some(date) => {
            let date = date.on();
            let v = [("section", d.section.describe()), ("date", date.as_str())];
            messages::fill("part.detention.began", &v)
        }
        None => messages::fill("part.detention", &[("section", d.section.describe())]),
    }
}

/// The case on the footing that the latest stay whose section is not known, but which lasted longer than any short
/// section allows, was under section 3 (s.2(4), s.20): that stay's index and the case with its section set to 3.
/// `None` when some stay is known to qualify, or no stay of unknown section is likely a section 3.
pub fn likely_footing(case: &Case) -> Option<(usize, Case)> {
    if england_and_wales(case).any(|(_, d)| qualifying_detention::is_qualifying(d)) {
        return None;
    }
    let (index, _) = england_and_wales(case)
        .filter(|(_, d)| qualifying_detention::is_likely_qualifying(d, case.as_at))
        .last()?;
    let mut likely = case.clone();
    likely.detentions[index].section = crate::case::Section::S3;
    Some((index, likely))
}

/// A stay of unknown section likely under section 3, from its length: say what follows if it was (§ "Sections
/// people misremember" in [`qualifying_detention`]), and name the bodies that would be responsible on that footing,
/// marked uncertain. The entitlement stays undetermined.
fn reason_on_likely_footing(case: &Case, out: &mut Outcome) {
    if out.entitlement != Some(Entitlement::Undetermined) || out.qualifying.is_some() {
        return;
    }
    let Some((index, likely)) = likely_footing(case) else {
        return;
    };
    let d = &case.detentions[index];
    let Some(qualifying_detention::Likely::Section3(days)) =
        qualifying_detention::likely_section(d, case.as_at)
    else {
        return;
    };
    let footing = evaluate(&likely);
    let stay = qualifying_detention::your_stay(d);
    let lasted = qualifying_detention::span_in_words(days);
    let v = [("stay", stay.as_str()), ("lasted", lasted.as_str())];
    let on_footing = messages::fill("body.on_likely_footing", &v);
    let mark = |body: Option<Body>| {
        body.map(|mut b| {
            b.certain = false;
            b.why.push(' ');
            b.why.push_str(&on_footing);
            b
        })
    };
    out.council = mark(footing.council);
    out.nhs_body = mark(footing.nhs_body);
    let names: Vec<&str> = out
        .council
        .iter()
        .chain(out.nhs_body.iter())
        .map(|b| b.name.as_str())
        .collect();
    let since = footing.duty_arose.map_or_else(String::new, |a| {
        messages::fill("part.likely.since", &[("date", &a.long())])
    });
    let text = match names.as_slice() {
        [] => messages::fill(
            "reason.qualifying_detention.likely_s3",
            &[v[0], v[1], ("since", &since)],
        ),
        _ => {
            let bodies = qualifying_detention::join_and(&names);
            messages::fill(
                "reason.qualifying_detention.likely_s3.bodies",
                &[v[0], v[1], ("since", &since), ("bodies", &bodies)],
            )
        }
    };
    out.reason(
        RuleId::QualifyingDetention,
        Finding::Unknown,
        text,
        &[
            crate::sources::MHA_1983_S117_1,
            crate::sources::MHA_1983_S2_4,
            crate::sources::MHA_1983_S20,
        ],
    );
    out.likely_s3 = Some((stay, lasted));
    out.likely_refund = footing.refund;
}

/// Runs every rule in order and assembles the [`Decision`], its words speaking of the person as the case's
/// [`about`](Case::about) says ("you", or "my father").
pub fn evaluate(case: &Case) -> Decision {
    messages::in_voice(case.about.as_deref(), || decide(case))
}

/// The same, speaking of the person as `about` when the case does not say how to refer to them: a firm's screen
/// speaks of "the person", not to "you".
#[cfg(feature = "screen")]
pub(crate) fn evaluate_about(case: &Case, about: &str) -> Decision {
    messages::in_voice(Some(case.about.as_deref().unwrap_or(about)), || {
        decide(case)
    })
}

/// Runs every rule in order and assembles the [`Decision`], in the voice already set.
fn decide(case: &Case) -> Decision {
    let mut out = Outcome::new(case);
    jurisdiction::decide(case, &mut out);
    if out.entitlement != Some(Entitlement::OutOfScope) {
        left_hospital::flag_inconsistent_dates(case, &mut out);
    }
    if out.entitlement.is_none() {
        qualifying_detention::decide(case, &mut out);
    }
    if let Some(index) = out.qualifying {
        readmission::decide(case, index, &mut out);
        left_hospital::decide(case, index, &mut out);
        duty_end::decide(case, index, &mut out);
        if out.has_duty() {
            responsible_council::decide(case, index, &mut out);
            responsible_nhs_body::decide(case, index, &mut out);
        }
    }
    reason_on_likely_footing(case, &mut out);
    charging::decide(case, &mut out);
    not_sure::decide(case, &mut out);
    time_limits::decide(case, &mut out);

    let entitlement = out.entitlement.unwrap_or(Entitlement::Undetermined);
    let periods = periods(case, &out);
    let next_steps = next_steps::decide(case, entitlement, &out);
    let summary = summary(entitlement, &out);
    let gp_practice_date = gp_practice_date(case, &out);
    let mut deadlines = out.deadlines;
    deadlines.sort_by_key(|d| d.date.map(Date::first_day));
    Decision {
        entitlement,
        summary,
        qualifying_detention: out.qualifying,
        duty_arose: out.duty_arose,
        council: out.council,
        nhs_body: out.nhs_body,
        reasons: out.reasons,
        flags: out.flags,
        periods,
        refund: out.refund,
        deadlines,
        detentions: detention_findings(case),
        gp_practice_date,
        next_steps,
        rules_version: RULES_VERSION,
        law_date: LAW_DATE,
    }
}

/// Every duty period with the bodies that held it.
///
/// The latest period's bodies are the ones the rules found for the decision. An earlier period's bodies are
/// found by the same rules, run for the detention that period came from, with their reasons and flags set aside:
/// they describe the past, and the decision's reasons describe the present.
fn periods(case: &Case, out: &Outcome) -> Vec<DutyPeriod> {
    let timeline = &out.timeline;
    let current = timeline.current();
    timeline
        .periods
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let (council, nhs_body) = if Some(n) == current {
                (out.council.clone(), out.nhs_body.clone())
            } else {
                let mut past = out.scratch();
                responsible_council::decide(case, p.detention, &mut past);
                responsible_nhs_body::decide(case, p.detention, &mut past);
                (past.council, past.nhs_body)
            };
            DutyPeriod {
                from: p.from,
                to: p.to,
                ended_by: p.ended_by.map(|e| match e {
                    timeline::End::Readmission(_) => PeriodEnd::Readmission,
                    timeline::End::JointDecision => PeriodEnd::JointDecision,
                    timeline::End::Death => PeriodEnd::Death,
                }),
                detention: p.detention,
                council,
                nhs_body,
            }
        })
        .collect()
}

/// Did the latest duty end on the person's death?
fn died(out: &Outcome) -> bool {
    out.timeline.periods.last().and_then(|p| p.ended_by) == Some(timeline::End::Death)
}

/// The one sentence shown first.
fn summary(entitlement: Entitlement, out: &Outcome) -> String {
    match entitlement {
        Entitlement::Entitled => match out.duty_arose {
            Some(d) => messages::fill("summary.entitled.since", &[("date", &d.long())]),
            None => messages::say("summary.entitled").to_owned(),
        },
        Entitlement::EntitledOnLeavingHospital => {
            messages::say("summary.entitled_on_leaving_hospital").to_owned()
        }
        Entitlement::NotEntitled => messages::say("summary.not_entitled").to_owned(),
        Entitlement::Ended if died(out) => messages::text("summary.ended.died").to_owned(),
        Entitlement::Ended
            if out.timeline.periods.last().and_then(|p| p.ended_by)
                != Some(timeline::End::JointDecision) =>
        {
            messages::say("summary.ended.not_running").to_owned()
        }
        Entitlement::Ended => messages::say("summary.ended").to_owned(),
        Entitlement::Undetermined => match &out.likely_s3 {
            Some((stay, lasted)) => messages::fill(
                "summary.undetermined.likely_s3",
                &[("stay", stay), ("lasted", lasted)],
            ),
            None => messages::say("summary.undetermined").to_owned(),
        },
        Entitlement::OutOfScope => messages::say("summary.out_of_scope").to_owned(),
    }
}

/// What the rules make of each detention: whether it qualifies, and the councils in its facts as recognised.
fn detention_findings(case: &Case) -> Vec<DetentionFinding> {
    let named = |typed: Option<&String>| {
        typed
            .filter(|t| !t.trim().is_empty())
            .map(|t| responsible_council::recognise(t))
    };
    case.detentions
        .iter()
        .map(|d| {
            let lived = named(d.lived_before.council.as_ref());
            DetentionFinding {
                qualifying: jurisdiction::is_mha_1983(d.detained_in)
                    && qualifying_detention::is_qualifying(d),
                council_lived_in_via: lived.as_ref().and_then(|n| n.note.clone()),
                council_lived_in: lived.map(|n| n.name),
                placed_by_council: named(d.lived_before.placed_by.as_ref()).map(|n| n.name),
            }
        })
        .collect()
}

/// 1 July 2022, when the run of detentions behind the current duty ([`readmission::chain_start`]) began before
/// it: the day whose GP practice decides the integrated care board (SI 2022/635).
fn gp_practice_date(case: &Case, out: &Outcome) -> Option<Date> {
    let index = out.qualifying.filter(|&i| i < case.detentions.len())?;
    let start = readmission::chain_start(case, &out.timeline, index);
    case.detentions
        .get(start)
        .and_then(|d| d.admitted)
        .filter(|a| a.first_day() < responsible_nhs_body::ICBS_ESTABLISHED)
        .map(|_| Date::exact(responsible_nhs_body::ICBS_ESTABLISHED))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every citation id anywhere in a decision: reasons, flags, bodies, deadlines, next steps.
    fn cited(decision: &Decision) -> Vec<&'static str> {
        let mut ids = Vec::new();
        let bodies = decision.council.iter().chain(decision.nhs_body.iter());
        ids.extend(bodies.flat_map(|b| b.cites.iter().map(|c| c.id)));
        ids.extend(
            decision
                .reasons
                .iter()
                .flat_map(|r| r.cites.iter().map(|c| c.id)),
        );
        ids.extend(
            decision
                .flags
                .iter()
                .flat_map(|f| f.cites.iter().map(|c| c.id)),
        );
        ids.extend(
            decision
                .deadlines
                .iter()
                .flat_map(|d| d.cites.iter().map(|c| c.id)),
        );
        ids.extend(
            decision
                .next_steps
                .iter()
                .flat_map(|s| s.cites.iter().map(|c| c.id)),
        );
        ids
    }

    fn unlawful_ending_with_top_up_and_charges(country: &str, council: &str) -> Case {
        serde_json::from_str(&format!(
            r#"{{"as_at": "2026-11-23",
              "detentions": [{{"section": "3", "detained_in": "{country}", "admitted": "2024-01-08",
                "left_hospital": "2024-05-10", "leaving": "discharged",
                "lived_before": {{"country": "{country}", "council": "{council}"}}}}],
              "aftercare_ended": {{"date": "2026-10-01", "reason": "time_passed"}},
              "charges": [{{"what": "care home", "since": "2024-06-01"}},
                          {{"what": "room", "since": "2024-06-01", "chosen_dearer_placement_with_written_agreement": true}}]}}"#
        ))
        .unwrap()
    }

    /// s117-rules.md §11.5: Welsh cases cite the Welsh Code, the Welsh choice-of-accommodation regulations and the
    /// Public Services Ombudsman for Wales, never the English Code, SI 2014/2670, the LGSCO or the PHSO.
    #[test]
    fn wales_speaks_welsh_law() {
        let wales = cited(&evaluate(&unlawful_ending_with_top_up_and_charges(
            "wales", "Cardiff",
        )));
        for id in [
            "cop-wales-2016",
            "choice-of-accommodation-wales-2015",
            "psow",
        ] {
            assert!(
                wales.contains(&id),
                "Welsh case should cite {id}: {wales:?}"
            );
        }
        for id in ["cop-2015-ch33", "si-2014-2670-reg-4", "lgsco", "phso"] {
            assert!(!wales.contains(&id), "Welsh case cites {id}: {wales:?}");
        }
        let england = cited(&evaluate(&unlawful_ending_with_top_up_and_charges(
            "england", "Leeds",
        )));
        for id in ["cop-2015-ch33", "si-2014-2670-reg-4", "lgsco", "phso"] {
            assert!(
                england.contains(&id),
                "English case should cite {id}: {england:?}"
            );
        }
        for id in [
            "cop-wales-2016",
            "choice-of-accommodation-wales-2015",
            "psow",
        ] {
            assert!(
                !england.contains(&id),
                "English case cites {id}: {england:?}"
            );
        }
    }
}
