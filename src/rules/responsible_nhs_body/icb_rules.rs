//! England from 1 July 2022: which rule of SI 2022/635 fixes the ICB for the run of detentions the duty comes
//! from ([`england_run`]), and each rule in words ([`icb_rule`]): the ICB on 1 July 2022 (regs. 6 and 7(3)), a
//! Part 2 application (regs. 5 and 7(2)), a Part 3 detention in an ordinary bed (not settled), and NHS England
//! secure services (regs. 7(4) and 7(5)).

// The parent module's imports and items, and its other parts as it imports them.
use super::*;

/// What the rule looks at to find the ICB, and why.
pub(super) struct IcbRule {
    /// The typed ICB of the GP practice on the relevant date, if given.
    pub(super) gp: Option<String>,
    /// The council whose area ICB stands in when the GP's ICB is not known.
    pub(super) fallback: Option<&'static reference::Council>,
    /// The rule in words, as a clause that follows "If …," or "…, so".
    pub(super) why: String,
    /// The rule as a sentence of its own, for a rule that can stand after the sentence saying when the detention
    /// began.
    pub(super) sentence: Option<String>,
    /// Whether the rule itself is settled.
    pub(super) settled: bool,
}

/// Which rule of SI 2022/635 fixes the ICB for the first detention of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IcbPeriod {
    /// Began before 1 July 2022 (reg. 6), or after-care from a detention ended before then (reg. 7(3)).
    OnFirstJuly,
    /// In a secure service arranged by NHS England, begun before 1 July 2022 and ended on or after it (reg. 7(4)).
    SecureAtDischarge,
    /// In a secure service arranged by NHS England, begun on or after 1 July 2022 (reg. 7(5)).
    SecureFirstDay,
    /// A Part 3 detention in an ordinary bed, begun on or after 1 July 2022: not settled.
    Part3,
    /// A detention after a Part 2 application made on or after 1 July 2022 (regs. 5 and 7(2)).
    Application,
}

/// The facts the England rules read, for the run of detentions the duty comes from.
pub(super) struct Run<'a> {
    pub(super) what: String,
    pub(super) first: &'a Detention,
    pub(super) gp_then: Option<String>,
    pub(super) gp_on_1_july: Option<String>,
    pub(super) area_then: Option<&'static reference::Council>,
    pub(super) council: Option<&'static reference::Council>,
}

/// The rule for one period, and whether it is the rule for a detention that began before 1 July 2022.
pub(super) fn icb_rule(period: IcbPeriod, run: &Run) -> (IcbRule, bool) {
    let what = [("detention", run.what.as_str())];
    match period {
        IcbPeriod::OnFirstJuly => (
            IcbRule {
                gp: run.gp_on_1_july.clone().or_else(|| run.gp_then.clone()),
                fallback: run.council,
                why: messages::say("part.icb_rule.on_first_july").to_owned(),
                sentence: None,
                settled: run.gp_on_1_july.is_some(),
            },
            true,
        ),
        IcbPeriod::SecureAtDischarge => {
            let left = run
                .first
                .left_hospital
                .or(run.first.section_ended)
                .map_or_else(
                    || messages::say("part.day_you_leave").to_owned(),
                    |d| messages::fill("part.day_you_left", &[("date", &d.long())]),
                );
            let v = [("left", left.as_str())];
            let why = if run.gp_on_1_july.is_some() {
                messages::fill("part.icb_rule.secure_at_discharge.gp_on_first_july", &v)
            } else if run.gp_then.is_some() {
                messages::fill("part.icb_rule.secure_at_discharge.gp_then", &v)
            } else {
                messages::fill("part.icb_rule.secure_at_discharge", &v)
            };
            (
                IcbRule {
                    gp: run.gp_on_1_july.clone().or_else(|| run.gp_then.clone()),
                    fallback: run.area_then,
                    why,
                    sentence: None,
                    settled: false,
                },
                true,
            )
        }
        IcbPeriod::SecureFirstDay => {
            let sentence = messages::fill("part.icb_rule.secure_first_day.sentence", &what);
            (
                IcbRule {
                    gp: run.gp_then.clone(),
                    fallback: run.area_then,
                    why: messages::fill("part.icb_rule.secure_first_day", &what),
                    sentence: Some(sentence),
                    settled: true,
                },
                false,
            )
        }
        IcbPeriod::Part3 => (
            IcbRule {
                gp: run.gp_then.clone(),
                fallback: run.area_then,
                why: messages::fill("part.icb_rule.part_3", &what),
                sentence: Some(messages::fill("part.icb_rule.part_3.sentence", &what)),
                settled: false,
            },
            false,
        ),
        IcbPeriod::Application => (
            IcbRule {
                gp: run.gp_then.clone(),
                fallback: run.area_then,
                why: messages::fill("part.icb_rule.application", &what),
                sentence: Some(messages::fill("part.icb_rule.application.sentence", &what)),
                settled: true,
            },
            false,
        ),
    }
}

/// Is this stay a Part 3 (court or prison) detention? A stay of unknown section that ended in a conditional
/// discharge was one, since only restricted Part 3 patients are conditionally discharged.
pub(super) fn is_court_or_prison(d: &Detention) -> bool {
    is_part_3(d.section)
        || (d.section == Section::Unknown
            && d.leaving == Some(crate::case::Leaving::ConditionalDischarge))
}

/// The run of detentions an English ICB is fixed for, and the rules of SI 2022/635 that could fix it.
pub(crate) struct EnglandRun {
    /// Where the run began: possibly a section 2 that became a section 3 in the same stay.
    pub(crate) start_index: usize,
    /// The run's first qualifying detention.
    pub(crate) first_index: usize,
    /// When the run began.
    pub(crate) began: Option<Date>,
    /// Which side of 1 July 2022 it began (a detention cannot have begun after it ended).
    pub(crate) began_side: Option<Side>,
    /// When the first qualifying detention ended.
    pub(crate) ended: Option<Date>,
    /// Whether it was in a secure service arranged by NHS England.
    pub(crate) secure: bool,
    /// The rules for a run begun before 1 July 2022.
    pub(crate) before: Vec<IcbPeriod>,
    /// The rule for a run begun on or after it.
    pub(crate) after: IcbPeriod,
}

/// Works out [`EnglandRun`] for the duty from the detention at `latest`.
pub(crate) fn england_run(case: &Case, timeline: &Timeline, latest: usize) -> EnglandRun {
    let start_index = chain_start(case, timeline, latest);
    let first_index = england_and_wales(case)
        .find(|(i, d)| *i >= start_index && is_qualifying(d))
        .map_or(latest, |(i, _)| i);
    let start = &case.detentions[start_index];
    let first = &case.detentions[first_index];
    let began = start.admitted.or(first.admitted);
    let secure = first.nhs_england_secure_service == Some(true);
    let part_3 = is_court_or_prison(first);
    let ended = first.left_hospital.or(first.section_ended);
    let began_side = began.map(|b| match (b.side_of(ICBS_ESTABLISHED), ended) {
        (Side::EitherSide, Some(e)) if e.last_day() < ICBS_ESTABLISHED => Side::Before,
        (side, _) => side,
    });
    let before: Vec<IcbPeriod> = if secure {
        match ended.map(|e| e.side_of(ICBS_ESTABLISHED)) {
            Some(Side::Before) => vec![IcbPeriod::OnFirstJuly],
            Some(Side::OnOrAfter) | None => vec![IcbPeriod::SecureAtDischarge],
            Some(Side::EitherSide) => vec![IcbPeriod::OnFirstJuly, IcbPeriod::SecureAtDischarge],
        }
    } else {
        vec![IcbPeriod::OnFirstJuly]
    };
    let after = if secure {
        IcbPeriod::SecureFirstDay
    } else if part_3 {
        IcbPeriod::Part3
    } else {
        IcbPeriod::Application
    };
    EnglandRun {
        start_index,
        first_index,
        began,
        began_side,
        ended,
        secure,
        before,
        after,
    }
}
