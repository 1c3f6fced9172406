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
    let mut text = if is_inferred_from_leaving(d) {
        format!(
            "You do not know the section for {}, but you left on a {}. That is only possible after a detention under section 3, 37, 45A, 47 or 48, which all qualify for after-care.",
            describe_detention(d),
            if d.leaving == Some(Leaving::Cto) {
                "community treatment order"
            } else {
                "conditional discharge"
            }
        )
    } else {
        let mut t = describe_detention(d);
        capitalise(&mut t);
        t + " is one of the detentions that qualify for after-care."
    };
    if qualifying.len() > 1 {
        text.push_str(&format!(
            " You had {} qualifying detentions; the latest one decides who is responsible now.",
            qualifying.len()
        ));
    }
    let mut cites = vec![MHA_1983_S117_1];
    if is_inferred_from_leaving(d) {
        cites.push(MHA_1983_S17A);
    }
    if let Some(admitted) = d.admitted {
        let sentence = match admitted.side_of(MHA_1983_IN_FORCE) {
            Side::Before => Some(" You were admitted before the Mental Health Act 1983 came into force on 30 September 1983 and were still detained on that day, so from then you were treated as detained under the matching section of the 1983 Act (for example, admission for treatment under section 26 of the 1959 Act as section 3). Section 117 applies to you when you leave hospital."),
            Side::EitherSide => Some(" If you were admitted before the Mental Health Act 1983 came into force on 30 September 1983, you were still detained on that day, so from then you were treated as detained under the matching section of the 1983 Act. Either way section 117 applies to you when you leave hospital."),
            Side::OnOrAfter => None,
        };
        if let Some(sentence) = sentence {
            text.push_str(sentence);
            cites.push(MHA_1983_SCH_5);
        }
    }
    out.reason(RuleId::QualifyingDetention, Finding::Met, text, &cites);
}

/// The latest qualifying detention ended in a month or year that contains 30 September 1983, or began before
/// it and the facts do not say when it ended: it may have ended before the Act came into force.
fn decide_either_side_of_the_act(d: &Detention, out: &mut Outcome) {
    let what = describe_stay(d);
    let when = match liable_until(d) {
        Some(end) => format!("ended {}", Date::on(end)),
        None => "ended on a date you did not give".to_owned(),
    };
    out.reason(
        RuleId::QualifyingDetention,
        Finding::Unknown,
        format!(
            "{what} {when}. The Mental Health Act 1983 came into force on 30 September 1983, and we cannot tell which side of that day the detention ended. If you were still detained (or liable to be detained, for example on leave) on 30 September 1983, you were treated from then as detained under the matching section of the 1983 Act, and you are owed after-care under section 117 from when you left hospital. If your detention ended before that day, no duty under section 117 ever arose. Your hospital records will show the date: you can ask for them with a subject access request."
        ),
        &[MHA_1983_S117_1, MHA_1983_S149, MHA_1983_SCH_5],
    );
    out.settle(Entitlement::Undetermined);
}

/// No qualifying detention: not entitled, or undetermined if a section is unknown.
fn decide_none(case: &Case, out: &mut Outcome) {
    let stays: Vec<&Detention> = england_and_wales(case).map(|(_, d)| d).collect();
    if stays.iter().any(|d| d.section == Section::Unknown) {
        out.reason(
            RuleId::QualifyingDetention,
            Finding::Unknown,
            "You do not know which section at least one stay was under. Sections 3, 37, 45A, 47 and 48 qualify for after-care; sections 2, 4, 5, 35, 36, 38, 135 and 136 do not. The hospital's records, your discharge letter or the tribunal papers will say which it was.",
            &[MHA_1983_S117_1],
        );
        out.flag(
            FlagId::UnknownSection,
            FlagKind::Uncertain,
            "Find out which section you were detained under: it decides whether you are owed after-care. You can ask the hospital or your care coordinator, or make a subject access request for your records.",
            None,
            &[MHA_1983_S117_1],
        );
        out.settle(Entitlement::Undetermined);
        return;
    }
    let (before_act, others): (Vec<&Detention>, Vec<&Detention>) =
        stays.iter().partition(|d| is_qualifying_kind(d));
    for d in &before_act {
        let what = describe_stay(d);
        let when = liable_until(d).map_or_else(String::new, |e| format!(" {}", Date::on(e)));
        out.reason(
            RuleId::QualifyingDetention,
            Finding::NotMet,
            format!(
                "{what} ended{when} before the Mental Health Act 1983 came into force on 30 September 1983. Section 117 applies only to people detained under the 1983 Act, including those still liable to be detained under the 1959 Act on that day, so no after-care duty arose from this stay."
            ),
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
        let mut text = format!(
            "You were in hospital under {}. Only detention under section 3, 37, 45A, 47 or 48 leads to section 117 after-care, so {} not. If you are detained under one of those sections later, that will change.",
            join_and(&sections),
            if others.len() == 1 { "this stay does" } else { "these stays do" }
        );
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
        Section::S2 => Some((S2_MAX_HOURS, "28 days", &[MHA_1983_S2_4, MHA_1983_S20])),
        Section::S4 => Some((
            S4_S5_2_MAX_HOURS,
            "72 hours",
            &[MHA_1983_S4_4, MHA_1983_S20],
        )),
        Section::S5_2 => Some((
            S4_S5_2_MAX_HOURS,
            "72 hours",
            &[MHA_1983_S5_2_4, MHA_1983_S20],
        )),
        Section::S5_4 => Some((S5_4_MAX_HOURS, "6 hours", &[MHA_1983_S5_2_4, MHA_1983_S20])),
        Section::S135 | Section::S136 => match admitted.side_of(PLACE_OF_SAFETY_24_HOURS) {
            Side::OnOrAfter => Some((
                PLACE_OF_SAFETY_MAX_HOURS,
                "24 hours, or 36 if a doctor extends it",
                &[MHA_1983_S136_TIME_LIMITS, MHA_1983_S20],
            )),
            // Before 11 December 2017 the limit was 72 hours; for a date that could be either side, the longer.
            Side::Before | Side::EitherSide => Some((
                PLACE_OF_SAFETY_MAX_HOURS_BEFORE_2017,
                "72 hours",
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
    let end = match (d.section_ended, d.left_hospital, d.leaving) {
        (Some(ended), _, _) => ended,
        // After staying on informally, leaving hospital says nothing about when the section ended.
        (None, _, Some(Leaving::StayedInformally)) => return None,
        (None, Some(left), _) => left,
        (None, None, Some(Leaving::StillInHospital)) => as_at,
        (None, None, _) => return None,
    };
    let days = (end.first_day() - admitted.last_day()).num_days();
    if (days - 1) * 24 <= max_hours {
        return None;
    }
    let lasted = span_in_words(days);
    let section = d.section.describe();
    let reason = if days > 28 {
        format!(
            "But {section} can last at most {max_words}, and your stay that began {} lasted {lasted}. You were probably kept under another section, most likely section 3, which lasts up to six months at first and can be renewed. If your stay was under section 3 (likely, as it lasted {lasted}), then you are very probably owed after-care under section 117 from when you left hospital.",
            Date::on(admitted)
        )
    } else {
        format!(
            "But {section} can last at most {max_words}, and your stay that began {} lasted {lasted}. You were probably kept under another section afterwards, such as section 2 (which does not lead to after-care) or section 3 (which does). If your stay was under section 3, then you are very probably owed after-care under section 117 from when you left hospital.",
            Date::on(admitted)
        )
    };
    let flag = format!(
        "Your stay that began {} lasted {lasted}, longer than {section} allows (at most {max_words}), so it was probably under another section as well, possibly section 3. Ask the hospital or your care coordinator which section you were held under at the end of that stay, or make a subject access request for your records. If it was section 3, check again: you are very probably owed free after-care.",
        Date::on(admitted)
    );
    Some(Overlong {
        reason,
        flag,
        cites,
    })
}

/// "Your detention under section 3 (admission for treatment) that began in 1982", at the precision given.
fn describe_stay(d: &Detention) -> String {
    match d.admitted {
        Some(a) => format!(
            "Your detention under {} that began {}",
            d.section.describe(),
            Date::on(a)
        ),
        None => format!("Your detention under {}", d.section.describe()),
    }
}

/// A length of stay in days, in words: "20 days", "6 weeks", "5 months".
fn span_in_words(days: i64) -> String {
    if days < 14 {
        format!("{days} day{}", if days == 1 { "" } else { "s" })
    } else if days < 61 {
        format!("{} weeks", days / 7)
    } else {
        format!("{} months", days / 30)
    }
}

/// Upper-cases the first letter of a sentence.
pub fn capitalise(text: &mut String) {
    if let Some(first) = text.get(..1) {
        let upper = first.to_ascii_uppercase();
        text.replace_range(..1, &upper);
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}
