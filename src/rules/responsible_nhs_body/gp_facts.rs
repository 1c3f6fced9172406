//! The facts about the GP practice that the NHS body depends on ([`gp_facts`]), as the rules read them, for the
//! interview to ask in the same order; and whether the NHS side is Welsh ([`is_welsh_nhs`]).

// The parent module's imports and items, and its other parts as it imports them.
use super::*;

/// Is the NHS body for the duty from the detention at `latest` a Welsh local health board's, given the council
/// found for it (or none)? The same test [`decide`] makes.
pub fn is_welsh_nhs(case: &Case, latest: usize, council_code: Option<&str>) -> bool {
    match council_code.and_then(reference::council_by_code) {
        Some(c) => c.nation == Nation::Wales,
        None => case
            .detentions
            .get(latest)
            .is_some_and(|d| d.lived_before.country == Country::Wales),
    }
}

/// A fact the rules read to name the NHS body, as [`gp_facts`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GpFact {
    /// The ICB of the GP practice on 1 July 2022 (`gp_icb_on_1_july_2022`).
    OnFirstJuly,
    /// The ICB of the GP practice when the detention at this index began (`detentions[i].gp_icb`).
    WhenBegan(usize),
    /// Whether the detention at this index was in a secure service arranged by NHS England
    /// (`detentions[i].nhs_england_secure_service`).
    SecureService(usize),
}

/// The facts about the GP practice that the NHS body for the duty from the detention at `latest` depends on, as
/// the rules read them: each inner list is read in order, a later fact only when the earlier ones are blank.
///
/// In Wales, the GP's ICB when the detention began (only to see whether it was across the border). In England
/// from 1 July 2022, first whether the run's first qualifying detention was in an NHS England secure service,
/// then the GP on the date SI 2022/635 fixes: 1 July 2022 for a run begun before then (reg. 6, reg. 7(3) and
/// 7(4)), falling back on the GP when the run began; the GP when the run began otherwise (regs. 5, 7(2), 7(5)).
/// A run that began with a section 2 that became a section 3 in the same stay began with the section 2
/// ([`chain_start`]). Before 1 July 2022 no GP fact is read.
pub fn gp_facts(case: &Case, latest: usize, council_code: Option<&str>) -> Vec<Vec<GpFact>> {
    if latest >= case.detentions.len() {
        return Vec::new();
    }
    if is_welsh_nhs(case, latest, council_code) {
        return vec![vec![GpFact::WhenBegan(latest)]];
    }
    if case.as_at.side_of(ICBS_ESTABLISHED) == Side::Before {
        return Vec::new();
    }
    let run = england_run(case, &crate::rules::timeline::build(case), latest);
    let then: Vec<GpFact> = if run.start_index == run.first_index {
        vec![GpFact::WhenBegan(run.start_index)]
    } else {
        vec![
            GpFact::WhenBegan(run.start_index),
            GpFact::WhenBegan(run.first_index),
        ]
    };
    let periods = match run.began_side {
        None => Vec::new(),
        Some(Side::Before) => run.before,
        Some(Side::OnOrAfter) => vec![run.after],
        Some(Side::EitherSide) => {
            let mut p = run.before;
            p.push(run.after);
            p
        }
    };
    let mut facts = vec![vec![GpFact::SecureService(run.first_index)]];
    let on_first_july = periods
        .iter()
        .any(|p| matches!(p, IcbPeriod::OnFirstJuly | IcbPeriod::SecureAtDischarge));
    if on_first_july {
        let mut chain = vec![GpFact::OnFirstJuly];
        chain.extend(then.iter().copied());
        facts.push(chain);
    }
    if !on_first_july || periods.len() > 1 {
        facts.push(then);
    }
    facts
}
