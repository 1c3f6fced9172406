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
//! # Open questions
//!
//! Hospital orders after a finding of insanity or unfitness to plead (Criminal Procedure (Insanity) Act 1964)
//! are entered as s.37; that s.117 follows is reasoned, not confirmed.

use super::{describe_detention, england_and_wales, Outcome};
use crate::case::{Case, Detention, Leaving, Recall, Section};
use crate::decision::{Entitlement, Finding, FlagId, FlagKind, RuleId};
use crate::sources::{MHA_1983_S117_1, MHA_1983_S17A};

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
pub fn is_qualifying(d: &Detention) -> bool {
    if d.recall == Some(Recall::CtoRecallNotRevoked) {
        return false;
    }
    is_qualifying_section(d.section) || is_inferred_from_leaving(d)
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
    out.qualifying = Some(latest);
    let d = &case.detentions[latest];
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
    let cites: &[_] = if is_inferred_from_leaving(d) {
        &[MHA_1983_S117_1, MHA_1983_S17A]
    } else {
        &[MHA_1983_S117_1]
    };
    out.reason(RuleId::QualifyingDetention, Finding::Met, text, cites);
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
    let mut sections: Vec<&str> = Vec::new();
    for d in &stays {
        let s = d.section.describe();
        if !sections.contains(&s) {
            sections.push(s);
        }
    }
    out.reason(
        RuleId::QualifyingDetention,
        Finding::NotMet,
        format!(
            "You were in hospital under {}. Only detention under section 3, 37, 45A, 47 or 48 leads to section 117 after-care, so these stays do not. If you are detained under one of those sections later, that will change.",
            join_and(&sections)
        ),
        &[MHA_1983_S117_1],
    );
    out.settle(Entitlement::NotEntitled);
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
