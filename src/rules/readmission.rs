//! Readmissions: which detention the current duty comes from.
//!
//! # Interpretation
//!
//! *R (Worcestershire CC) v SSHSC* \[2023\] UKSC 31: the s.117(2) duty ends automatically when the person is
//! detained again under a qualifying section, and a new duty arises when they next leave hospital, owed by the
//! council where they were ordinarily resident immediately before the new detention. An informal admission, or
//! one under section 2 (or 4, 5 or 136), does not end the duty: the same bodies stay responsible.
//!
//! The NHS side does not reset the same way in England: under SI 2022/635 the ICB that was responsible when the
//! first detention's application was made keeps responsibility through later detentions until the person is
//! discharged from after-care (see [`super::responsible_nhs_body`]). [`chain_start`] finds that first detention;
//! where it was a section 3 made during a section 2 detention in the same stay, the detention began with the
//! section 2 (SI 2022/635 reg. 5: the exclusion period starts with the detention, so the section 3 application is
//! not a new relevant application; reg. 6: a detention under way on 1 July 2022 keeps the ICB of that day).
//!
//! A later stay whose section the person does not know may have been a new qualifying detention. The checker
//! does not guess: it says so, flags the unknown section, and the council for where the person lived before that
//! stay becomes a candidate (see [`super::responsible_council`]).
//!
//! # Open questions
//!
//! - A CTO revoked (s.17F) puts the person back under s.3: the duty arguably ends and restarts, but whether
//!   "immediately before being detained" then means before the original s.3 is disputed.
//! - A conditionally discharged patient recalled (s.42(3)): on the *Worcestershire* logic a new duty arises, but
//!   where residence was imposed by a discharge condition the original area probably remains (*Wiltshire*).
//! - Section 2 converted to section 3 while on after-care: which date is "immediately before" is not settled.

use super::jurisdiction::is_mha_1983;
use super::qualifying_detention::is_qualifying;
use super::timeline::Timeline;
use super::{describe_detention, england_and_wales, Outcome};
use crate::case::{Case, Detention, Leaving, Recall, Section};
use crate::decision::{Finding, FlagId, FlagKind, RuleId};
use crate::messages;
use crate::sources::{MHA_1983_S117_1, MHA_1983_S117_2, WILTSHIRE_2014, WORCESTERSHIRE_2023};

/// Decides what later stays mean for the duty from the detention at `latest`.
pub fn decide(case: &Case, latest: usize, out: &mut Outcome) {
    let current = &case.detentions[latest];
    let code = super::code_of_practice(case, latest);
    let earlier: Vec<usize> = england_and_wales(case)
        .filter(|(i, d)| *i < latest && is_qualifying(d))
        .map(|(i, _)| i)
        .collect();
    let stay = out.timeline.stay_of(latest);
    let ended_here = stay.and_then(|s| out.timeline.ended_by_stay(s));
    let earlier_period_ended_lawfully = stay.is_some_and(|s| {
        out.timeline
            .periods
            .iter()
            .enumerate()
            .any(|(n, p)| p.stay < s && out.timeline.lawfully_ended(n))
    });
    let section = [("section", current.section.describe())];
    if let Some(&previous) = earlier.last() {
        if ended_here.is_some() {
            out.reason(
                RuleId::Readmission,
                Finding::Met,
                if current.recall.is_some() {
                    messages::fill("reason.readmission.ended.recall", &section)
                } else {
                    messages::fill("reason.readmission.ended", &section)
                },
                &[WORCESTERSHIRE_2023, MHA_1983_S117_2],
            );
        } else if earlier_period_ended_lawfully {
            out.reason(
                RuleId::Readmission,
                Finding::Met,
                messages::fill("reason.readmission.after_lawful_ending", &section),
                &[MHA_1983_S117_1, MHA_1983_S117_2],
            );
        }
        match current.recall {
            Some(Recall::CtoRevoked) => out.flag(
                FlagId::CtoRevocationUncertain,
                FlagKind::Uncertain,
                messages::say("flag.cto_revocation_uncertain"),
                None,
                &[WORCESTERSHIRE_2023, MHA_1983_S117_2],
            ),
            Some(Recall::ConditionalDischargeRecall) => out.flag(
                FlagId::ConditionalDischargeRecall,
                FlagKind::Uncertain,
                messages::say("flag.conditional_discharge_recall"),
                None,
                &[WORCESTERSHIRE_2023, WILTSHIRE_2014],
            ),
            Some(Recall::CtoRecallNotRevoked) | None => {}
        }
        if ended_here.is_some() && is_s2_converted(case, previous, latest) {
            out.flag(
                FlagId::S2ConvertedToS3,
                FlagKind::Uncertain,
                messages::say("flag.s2_converted_to_s3"),
                None,
                &[WORCESTERSHIRE_2023],
            );
        }
    }
    let (unknown, later): (Vec<&Detention>, Vec<&Detention>) = england_and_wales(case)
        .filter(|(i, _)| *i > latest)
        .map(|(_, d)| d)
        .partition(|d| d.section == Section::Unknown);
    if !unknown.is_empty() {
        let kinds: Vec<String> = unknown
            .iter()
            .map(|d| {
                d.admitted.map_or_else(
                    || messages::text("part.later_stay").to_owned(),
                    |a| messages::fill("part.later_stay.began", &[("date", &a.on())]),
                )
            })
            .collect();
        let (stays, detention) = (kinds.join("; "), describe_detention(current));
        let v = [("stays", stays.as_str()), ("detention", detention.as_str())];
        out.reason(
            RuleId::Readmission,
            Finding::Unknown,
            messages::fill("reason.readmission.unknown_section", &v),
            &[WORCESTERSHIRE_2023, MHA_1983_S117_1],
        );
        out.flag(
            FlagId::UnknownSection,
            FlagKind::Uncertain,
            messages::say("flag.unknown_section.later"),
            None,
            &[MHA_1983_S117_1, WORCESTERSHIRE_2023],
        );
    }
    if !later.is_empty() {
        let kinds: Vec<String> = later.iter().map(|d| describe_detention(d)).collect();
        let stays = kinds.join("; ");
        let text = messages::fill("reason.readmission.later_stays", &[("stays", &stays)]);
        out.reason(
            RuleId::Readmission,
            Finding::NotMet,
            text,
            &[WORCESTERSHIRE_2023, code],
        );
    }
}

/// Was the stay just before `latest` a section 2 that became the section 3 at `latest`, during after-care
/// from the detention at `previous`?
fn is_s2_converted(case: &Case, previous: usize, latest: usize) -> bool {
    let current = &case.detentions[latest];
    if current.section != Section::S3 || latest == 0 || latest - 1 <= previous {
        return false;
    }
    let before = &case.detentions[latest - 1];
    before.section == Section::S2 && before.left_hospital.is_none()
}

/// Where the unbroken run of detentions that leads to the one at `latest` began.
///
/// That is the first qualifying detention in the run, or the section 2 it followed straight on from in the
/// same stay (see [`s2_leading_into`]): for SI 2022/635 the detention begins with the section 2.
/// The run is broken only by a lawful discharge from after-care (a joint decision that the needs have gone),
/// dated before a later detention began. Without such an ending the run starts at the first qualifying detention.
///
/// `timeline` is the case's own ([`super::timeline::build`]); the rules pass the one they built before running.
pub fn chain_start(case: &Case, timeline: &Timeline, latest: usize) -> usize {
    let first = first_in_chain(timeline, latest);
    s2_leading_into(case, first).unwrap_or(first)
}

/// The section 2 that the detention at `index` followed straight on from, in the same stay, if any.
///
/// The stay listed just before it must be a section 2 in England or Wales that the person did not leave hospital
/// from (no leaving date, and not discharged or kept on informally), and whose section did not end before the
/// later detention began. A section 3 made during a section 2 detention continues that detention.
pub fn s2_leading_into(case: &Case, index: usize) -> Option<usize> {
    let previous = index.checked_sub(1)?;
    let before = case.detentions.get(previous)?;
    let after = case.detentions.get(index)?;
    let same_stay = before.section == Section::S2
        && is_mha_1983(before.detained_in)
        && before.left_hospital.is_none()
        && matches!(before.leaving, None | Some(Leaving::StillInHospital))
        && !matches!(
            (before.section_ended, after.admitted),
            (Some(ended), Some(admitted)) if ended.last_day() < admitted.first_day()
        );
    same_stay.then_some(previous)
}

/// The first qualifying detention in the unbroken run that leads to the one at `latest`.
///
/// The run is broken by a period of after-care that was lawfully ended by a joint decision (see
/// [`super::timeline`]): the run then starts at the first qualifying detention after that period.
fn first_in_chain(timeline: &Timeline, latest: usize) -> usize {
    let broken_after = timeline
        .periods
        .iter()
        .enumerate()
        .filter(|(n, p)| p.detention < latest && timeline.lawfully_ended(*n))
        .map(|(_, p)| p.stay)
        .next_back();
    timeline
        .stays
        .iter()
        .enumerate()
        .filter(|(n, _)| broken_after.is_none_or(|b| *n > b))
        .find_map(|(_, s)| s.first_qualifying)
        .filter(|&i| i <= latest)
        .unwrap_or(latest)
}
