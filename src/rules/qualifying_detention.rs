//! Qualifying detention: Mental Health Act 1983, s.117(1).
//!
//! > (1) This section applies to persons who are detained under section 3 above, or admitted to a hospital in
//! > pursuance of a hospital order made under section 37 above, or transferred to a hospital in pursuance of a
//! > hospital direction made under section 45A above or a transfer direction made under section 47 or 48 above,
//! > and then cease to be detained and (whether or not immediately after so ceasing) leave hospital.
//!
//! (Text as summarised in the project's rules specification, §1.1; check against legislation.gov.uk before quoting.)
//!
//! # Interpretation
//!
//! Sections 3, 37 (with or without a s.41 restriction order), 45A, 47 and 48 (with or without a s.49 restriction
//! direction) qualify. Sections 2, 4, 5(2), 5(4), 35, 36, 38, 135 and 136 are not listed and never qualify on
//! their own; a section 2 that becomes a section 3, or a section 38 followed by a section 37 order, qualifies
//! through the later section, entered as a stay of its own. Guardianship (s.7, or a guardianship order under
//! s.37) is not detention in hospital. Informal stays never qualify.
//!
//! A community treatment order or a conditional discharge is not a trigger of its own, but each shows that a
//! qualifying section came first: a CTO is only available after s.3 or an unrestricted Part 3 order, and
//! conditional discharge only for a restricted s.37/41, 45A, 47/49 or 48/49 patient. So a stay whose section
//! the person does not know, but which ended in a CTO or conditional discharge, is treated as qualifying.
//!
//! A recall from a CTO that did not revoke it is not a new detention.
//!
//! **Before the Act.** The 1983 Act came into force on 30 September 1983 (s.149(2)). A person whose detention
//! ended (or who left hospital) before that day, and who was not liable to be detained on it, was never detained
//! under the 1983 Act, so no s.117 duty arose. A person still liable to be detained under the 1959 Act on that day
//! was treated as detained under the corresponding 1983 provision (Sch. 5) and is owed after-care on leaving. A
//! month or a year that contains 30 September 1983 could fall either side: the outcome is then undetermined.
//!
//! **Sections people misremember.** Section 2 lasts at most 28 days and cannot be renewed (s.2(4)); section 4 72
//! hours (s.4(4)); the holding powers 72 hours (s.5(2)) and 6 hours (s.5(4)); a place of safety 24 hours,
//! extendable by 12 (ss.135-136B, from 11 December 2017; 72 hours before). A stay under one of those sections that
//! certainly lasted longer (counted from the last day the admission could be to the first day the end could be)
//! was probably continued under another section, often section 3. The outcome stays `not_entitled` on the facts
//! given, with a warning that says what follows if it was section 3 and how to find out.
//!
//! # Open questions
//!
//! Hospital orders after a finding of insanity or unfitness to plead (Criminal Procedure (Insanity) Act 1964)
//! are entered as s.37; that s.117 follows is reasoned, not confirmed.

use super::time_limits::MHA_1983_IN_FORCE;
use super::{describe_detention, england_and_wales, Outcome};
use crate::case::{Case, Detention, Leaving, Recall, Section};
use crate::date::{Date, Side};
use crate::decision::{Entitlement, Finding, FlagId, FlagKind, RuleId};
use crate::messages;
use crate::sources::{
    Citation, MHA_1983_S117_1, MHA_1983_S136_TIME_LIMITS, MHA_1983_S149, MHA_1983_S17A,
    MHA_1983_S20, MHA_1983_S2_4, MHA_1983_S4_4, MHA_1983_S5_2_4, MHA_1983_SCH_5, UK_GDPR_ART_15,
};
use chrono::NaiveDate;

/// The day the places-of-safety limit fell from 72 hours to 24 (extendable by 12): Policing and Crime Act 2017,
/// s.82, in force from 11 December 2017.
pub const PLACE_OF_SAFETY_24_HOURS: NaiveDate = match NaiveDate::from_ymd_opt(2017, 12, 11) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// Hours in 28 days: the longest a section 2 can last (s.2(4)).
pub const S2_MAX_HOURS: i64 = 28 * 24;

/// The longest a section 4 can last (s.4(4)), and the doctor's holding power (s.5(2)).
pub const S4_S5_2_MAX_HOURS: i64 = 72;

/// The nurse's holding power (s.5(4)).
pub const S5_4_MAX_HOURS: i64 = 6;

/// A place of safety from 11 December 2017: 24 hours, extendable by 12 (ss.135(3ZA), 136(2A), 136B).
pub const PLACE_OF_SAFETY_MAX_HOURS: i64 = 24 + 12;

/// A place of safety before 11 December 2017: 72 hours.
pub const PLACE_OF_SAFETY_MAX_HOURS_BEFORE_2017: i64 = 72;

/// Does detention under `section` engage the s.117 duty on discharge?
///
/// # Examples
///
/// ```
/// use s117::{case::Section, rules::qualifying_detention::is_qualifying_section};
/// assert!(is_qualifying_section(Section::S3));
/// assert!(!is_qualifying_section(Section::S2));
/// ```
pub fn is_qualifying_section(section: Section) -> bool {
    // No wildcard arm: a new section must force a legal decision here.
    match section {
        Section::S3
        | Section::S37
        | Section::S37_41
        | Section::S45A
        | Section::S47
        | Section::S47_49
        | Section::S48
        | Section::S48_49 => true,
        Section::S2
        | Section::S4
        | Section::S5_2
        | Section::S5_4
        | Section::S35
        | Section::S36
        | Section::S38
        | Section::S135
        | Section::S136
        | Section::S7
        | Section::Informal
        | Section::Unknown => false,
    }
}

/// Is this stay a qualifying detention that starts a new duty?
///
/// It is, if its section qualifies, or its section is unknown but it ended in a CTO or conditional discharge;
/// and it was not merely a recall from a CTO that left the CTO in place.
/// A stay that ended before the Mental Health Act 1983 came into force never qualifies.
pub fn is_qualifying(d: &Detention) -> bool {
    is_qualifying_kind(d) && side_of_the_act(d) != Side::Before
}

/// Is the stay of a kind that qualifies, whatever its dates?
fn is_qualifying_kind(d: &Detention) -> bool {
    if d.recall == Some(Recall::CtoRecallNotRevoked) {
        return false;
    }
    is_qualifying_section(d.section) || is_inferred_from_leaving(d)
}

/// The last day the person could have been liable to be detained: when the section ended, or else when they
/// left hospital (unless they left on section 17 leave, when they were still liable to be detained).
fn liable_until(d: &Detention) -> Option<Date> {
    let on_leave = matches!(
        d.leaving,
        Some(Leaving::S17Leave | Leaving::EscortedLeaveOnly)
    );
    d.section_ended
        .or(if on_leave { None } else { d.left_hospital })
}

/// Was the person liable to be detained on 30 September 1983, when the 1983 Act came into force, or later?
///
/// `Before`: the detention certainly ended before that day. `EitherSide`: it ended in a month or year containing
/// that day, or it began before that day and the facts do not say when it ended.
fn side_of_the_act(d: &Detention) -> Side {
    match liable_until(d) {
        Some(end) => end.side_of(MHA_1983_IN_FORCE),
        None if d.leaving == Some(Leaving::StillInHospital) => Side::OnOrAfter,
        None => match d.admitted.map(|a| a.side_of(MHA_1983_IN_FORCE)) {
            Some(Side::Before | Side::EitherSide) => Side::EitherSide,
            Some(Side::OnOrAfter) | None => Side::OnOrAfter,
        },
    }
}

/// A stay of unknown section that ended in a CTO or conditional discharge, which only follow qualifying sections.
fn is_inferred_from_leaving(d: &Detention) -> bool {
    d.section == Section::Unknown
        && matches!(
            d.leaving,
            Some(Leaving::Cto | Leaving::ConditionalDischarge)
        )
}

/// Finds the latest qualifying detention, or settles that there is none.
pub fn decide(case: &Case, out: &mut Outcome) {
    let qualifying: Vec<usize> = england_and_wales(case)
        .filter(|(_, d)| is_qualifying(d))
        .map(|(i, _)| i)
        .collect();
    let Some(&latest) = qualifying.last() else {
        return decide_none(case, out);
    };
    let d = &case.detentions[latest];
    if side_of_the_act(d) == Side::EitherSide {
        return decide_either_side_of_the_act(d, out);
    }
    out.qualifying = Some(latest);
    let section = d.section.describe();
    let mut text = if is_inferred_from_leaving(d) {
        let detention = describe_detention(d);
        let v = [("detention", detention.as_str())];
        if d.leaving == Some(Leaving::Cto) {
            messages::fill("reason.qualifying_detention.inferred.cto", &v)
        } else {
            messages::fill("reason.qualifying_detention.inferred.discharge", &v)
        }
    } else {
        match d.admitted {
            Some(a) => {
                let date = a.on();
                let v = [("section", section), ("date", date.as_str())];
                messages::fill("reason.qualifying_detention.met.began", &v)
            }
            None => messages::fill("reason.qualifying_detention.met", &[("section", section)]),
        }
    };
    if qualifying.len() > 1 {
        let count = qualifying.len().to_string();
        text.push(' ');
        let v = [("count", count.as_str())];
        text.push_str(&messages::fill("reason.qualifying_detention.several", &v));
    }
    let mut cites = vec![MHA_1983_S117_1];
    if is_inferred_from_leaving(d) {
        cites.push(MHA_1983_S17A);
    }
    if let Some(admitted) = d.admitted {
        let sentence = match admitted.side_of(MHA_1983_IN_FORCE) {
            Side::Before => {
                let text = messages::say("reason.qualifying_detention.admitted_before_act");
                Some(text)
            }
            Side::EitherSide => {
                let text = messages::say("reason.qualifying_detention.admitted_either_side");
                Some(text)
            }
            Side::OnOrAfter => None,
        };
        if let Some(sentence) = sentence {
            text.push(' ');
            text.push_str(&sentence);
            cites.push(MHA_1983_SCH_5);
        }
    }
    out.reason(RuleId::QualifyingDetention, Finding::Met, text, &cites);
}

/// The latest qualifying detention ended in a month or year that contains 30 September 1983, or began before
/// it and the facts do not say when it ended: it may have ended before the Act came into force.
fn decide_either_side_of_the_act(d: &Detention, out: &mut Outcome) {
    let stay = describe_stay(d);
    let text = match liable_until(d) {
        Some(end) => {
            let date = Date::on(end);
            let v = [("stay", stay.as_str()), ("date", date.as_str())];
            messages::fill("reason.qualifying_detention.either_side_of_act", &v)
        }
        None => {
            let v = [("stay", stay.as_str())];
            messages::fill("reason.qualifying_detention.either_side_of_act.undated", &v)
        }
    };
    out.reason(
        RuleId::QualifyingDetention,
        Finding::Unknown,
        text,
        &[MHA_1983_S117_1, MHA_1983_S149, MHA_1983_SCH_5],
    );
    out.settle(Entitlement::Undetermined);
}

/// No qualifying detention: not entitled, or undetermined if a section is unknown.
fn decide_none(case: &Case, out: &mut Outcome) {
    let stays: Vec<&Detention> = england_and_wales(case).map(|(_, d)| d).collect();
    if stays.iter().any(|d| d.section == Section::Unknown) {
        let mut text = messages::say("reason.qualifying_detention.unknown_section").to_owned();
        let mut cites = vec![MHA_1983_S117_1];
        // What each stay's length makes likely (a stay likely under section 3 is reasoned on in `rules::evaluate`,
        // where the bodies on that footing are found).
        for d in stays.iter().filter(|d| d.section == Section::Unknown) {
            if let Some(Likely::ShortSection(days)) = likely_section(d, case.as_at) {
                let stay = your_stay(d);
                let lasted = span_in_words(days);
                let v = [("stay", stay.as_str()), ("lasted", lasted.as_str())];
                text.push(' ');
                text.push_str(&messages::fill(
                    "reason.qualifying_detention.likely_short",
                    &v,
                ));
                for c in [MHA_1983_S2_4, MHA_1983_S4_4, MHA_1983_S136_TIME_LIMITS] {
                    if !cites.contains(&c) {
                        cites.push(c);
                    }
                }
            }
        }
        out.reason(RuleId::QualifyingDetention, Finding::Unknown, text, &cites);
        out.flag(
            FlagId::UnknownSection,
            FlagKind::Uncertain,
            messages::say("flag.unknown_section"),
            None,
            &[MHA_1983_S117_1],
        );
        out.settle(Entitlement::Undetermined);
        return;
    }
    let (before_act, others): (Vec<&Detention>, Vec<&Detention>) =
        stays.iter().partition(|d| is_qualifying_kind(d));
    for d in &before_act {
        let stay = describe_stay(d);
        let when = liable_until(d).map_or_else(String::new, |e| format!(" {}", Date::on(e)));
        let v = [("stay", stay.as_str()), ("when", when.as_str())];
        out.reason(
            RuleId::QualifyingDetention,
            Finding::NotMet,
            messages::fill("reason.qualifying_detention.before_act", &v),
            &[MHA_1983_S117_1, MHA_1983_S149, MHA_1983_SCH_5],
        );
    }
    if !others.is_empty() {
        let mut sections: Vec<&str> = Vec::new();
        for d in &others {
            let s = d.section.describe();
            if !sections.contains(&s) {
                sections.push(s);
            }
        }
        let sections = join_and(&sections);
        let v = [("sections", sections.as_str())];
        let mut text = if others.len() == 1 {
            messages::fill("reason.qualifying_detention.not_met.one", &v)
        } else {
            messages::fill("reason.qualifying_detention.not_met.many", &v)
        };
        let mut cites = vec![MHA_1983_S117_1];
        for d in &others {
            if let Some(over) = overlong(d, case.as_at) {
                text.push(' ');
                text.push_str(&over.reason);
                for c in over.cites {
                    if !cites.contains(c) {
                        cites.push(*c);
                    }
                }
                out.flag(
                    FlagId::StayLongerThanSectionAllows,
                    FlagKind::Warning,
                    over.flag,
                    d.admitted,
                    &[over.cites, &[UK_GDPR_ART_15]].concat(),
                );
            }
        }
        out.reason(RuleId::QualifyingDetention, Finding::NotMet, text, &cites);
    }
    out.settle(Entitlement::NotEntitled);
}

/// A stay that certainly lasted longer than its section allows, in words.
struct Overlong {
    /// The sentences added to the reason.
    reason: String,
    /// The warning, with what to do.
    flag: String,
    /// The provisions that set the limit.
    cites: &'static [Citation],
}

/// The legal maximum of a short section in hours, with its source, on the day the stay began; `None` for a
/// section with no fixed maximum here (section 3 and the court sections are renewable or run to other limits).
fn maximum_hours(
    section: Section,
    admitted: Date,
) -> Option<(i64, &'static str, &'static [Citation])> {
    match section {
        Section::S2 => Some((
            S2_MAX_HOURS,
            messages::text("part.maximum.s2"),
            &[MHA_1983_S2_4, MHA_1983_S20],
        )),
        Section::S4 => Some((
            S4_S5_2_MAX_HOURS,
            messages::text("part.maximum.72_hours"),
            &[MHA_1983_S4_4, MHA_1983_S20],
        )),
        Section::S5_2 => Some((
            S4_S5_2_MAX_HOURS,
            messages::text("part.maximum.72_hours"),
            &[MHA_1983_S5_2_4, MHA_1983_S20],
        )),
        Section::S5_4 => Some((
            S5_4_MAX_HOURS,
            messages::text("part.maximum.s5_4"),
            &[MHA_1983_S5_2_4, MHA_1983_S20],
        )),
        Section::S135 | Section::S136 => match admitted.side_of(PLACE_OF_SAFETY_24_HOURS) {
            Side::OnOrAfter => Some((
                PLACE_OF_SAFETY_MAX_HOURS,
                messages::text("part.maximum.place_of_safety"),
                &[MHA_1983_S136_TIME_LIMITS, MHA_1983_S20],
            )),
            // Before 11 December 2017 the limit was 72 hours; for a date that could be either side, the longer.
            Side::Before | Side::EitherSide => Some((
                PLACE_OF_SAFETY_MAX_HOURS_BEFORE_2017,
                messages::text("part.maximum.72_hours"),
                &[MHA_1983_S136_TIME_LIMITS, MHA_1983_S20],
            )),
        },
        Section::S3
        | Section::S35
        | Section::S36
        | Section::S37
        | Section::S37_41
        | Section::S38
        | Section::S45A
        | Section::S47
        | Section::S47_49
        | Section::S48
        | Section::S48_49
        | Section::S7
        | Section::Informal
        | Section::Unknown => None,
    }
}

/// The stay under a short section lasted longer than the section allows, for certain: from the last day the
/// admission could be to the first day the end could be (the section's end, or leaving hospital, or for someone
/// still in hospital the date of the check), less a day for the hours unknown on each side.
fn overlong(d: &Detention, as_at: Date) -> Option<Overlong> {
    let admitted = d.admitted?;
    let (max_hours, max_words, cites) = maximum_hours(d.section, admitted)?;
    let (days, _) = span(d, as_at)?;
    if (days - 1) * 24 <= max_hours {
        return None;
    }
    let lasted = span_in_words(days);
    let began = Date::on(admitted);
    let v = [
        ("section", d.section.describe()),
        ("maximum", max_words),
        ("date", began.as_str()),
        ("lasted", lasted.as_str()),
    ];
    let reason = if days > 28 {
        messages::fill("reason.qualifying_detention.overlong.weeks", &v)
    } else {
        messages::fill("reason.qualifying_detention.overlong.days", &v)
    };
    let flag = messages::fill("flag.stay_longer_than_section_allows", &v);
    Some(Overlong {
        reason,
        flag,
        cites,
    })
}

/// "Your detention under section 3 (admission for treatment) that began in 1982", at the precision given.
fn describe_stay(d: &Detention) -> String {
    match d.admitted {
        Some(a) => {
            let date = Date::on(a);
            let v = [("section", d.section.describe()), ("date", date.as_str())];
            messages::fill("part.stay.began", &v)
        }
        None => messages::fill("part.stay", &[("section", d.section.describe())]),
    }
}

/// A length of stay in days, in words: "20 days", "6 weeks", "5 months".
pub(crate) fn span_in_words(days: i64) -> String {
    if days == 1 {
        messages::text("span.day").to_owned()
    } else if days < 14 {
        messages::fill("span.days", &[("count", &days.to_string())])
    } else if days < 61 {
        messages::fill("span.weeks", &[("count", &(days / 7).to_string())])
    } else {
        messages::fill("span.months", &[("count", &(days / 30).to_string())])
    }
}

/// What the length of a stay whose section is not known makes likely (s.2(4): section 2 lasts at most 28 days and
/// cannot be renewed; s.20: section 3 lasts up to six months at first and can be renewed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Likely {
    /// It certainly lasted longer than 28 days, longer than any short section allows: likely section 3. The number
    /// is the fewest days it can have lasted on the dates given.
    Section3(i64),
    /// It certainly lasted no more than 28 days: likely section 2, 4, 5, 135 or 136, none of which qualifies. The
    /// number is the most days it can have lasted.
    ShortSection(i64),
}

/// The fewest and most days a stay can have lasted on the dates given: from its admission to the end of its section
/// (or leaving hospital, or for someone still in hospital the date of the check).
fn span(d: &Detention, as_at: Date) -> Option<(i64, i64)> {
    let admitted = d.admitted?;
    let end = match (d.section_ended, d.left_hospital, d.leaving) {
        (Some(ended), _, _) => ended,
        // After staying on informally, leaving hospital says nothing about when the section ended.
        (None, _, Some(Leaving::StayedInformally)) => return None,
        (None, Some(left), _) => left,
        (None, None, Some(Leaving::StillInHospital)) => as_at,
        (None, None, _) => return None,
    };
    let fewest = (end.first_day() - admitted.last_day()).num_days();
    let most = (end.last_day() - admitted.first_day()).num_days();
    Some((fewest, most))
}

/// What a stay's length makes likely, for a stay in England or Wales whose section the person does not know (and
/// that no ending shows to have qualified); `None` when the dates cannot tell.
pub fn likely_section(d: &Detention, as_at: Date) -> Option<Likely> {
    if d.section != Section::Unknown
        || is_inferred_from_leaving(d)
        || d.recall == Some(Recall::CtoRecallNotRevoked)
    {
        return None;
    }
    let (fewest, most) = span(d, as_at)?;
    if fewest > S2_MAX_HOURS / 24 {
        Some(Likely::Section3(fewest))
    } else if most <= S2_MAX_HOURS / 24 {
        Some(Likely::ShortSection(most.max(1)))
    } else {
        None
    }
}

/// Is this a stay of unknown section that was likely a section 3, from its length? The journey asks about it as
/// about a qualifying detention, so that the bodies on that footing can be named.
pub fn is_likely_qualifying(d: &Detention, as_at: Date) -> bool {
    matches!(likely_section(d, as_at), Some(Likely::Section3(_)))
        && side_of_the_act(d) != Side::Before
}

/// "your stay that began in January 2024", at the precision given.
pub(crate) fn your_stay(d: &Detention) -> String {
    match d.admitted {
        Some(a) => messages::fill("part.your_stay.began", &[("date", &Date::on(a))]),
        None => messages::say("part.your_stay").to_owned(),
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => {
            let init = init.join(", ");
            messages::fill("list.and", &[("init", &init), ("last", last)])
        }
    }
}
