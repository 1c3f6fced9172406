//! The responsible NHS body: Mental Health Act 1983, s.117(2) and (3), and in England the National Health
//! Service (Integrated Care Boards: Responsibilities) Regulations 2022 (SI 2022/635).
//!
//! # Interpretation
//!
//! **Wales.** The local health board for the area in Wales where the person was ordinarily resident immediately
//! before the detention (s.117(3)(b)); SI 2022/635 applies in England only.
//!
//! **England, from 1 July 2022** (SI 2022/635, regs. 5-7):
//! - A detention that followed a Part 2 application (s.2, 3 or 4) made on or after 1 July 2022: the ICB that had
//!   core responsibility for the person when the application was made, which is the ICB of their GP practice, or
//!   of where they usually lived if they had no GP (regs. 5 and 7(2)). The application date is taken as the
//!   admission date.
//! - The ICB does **not** change on re-detention: reg. 5's "exclusion period" runs from the detention until the
//!   person's next discharge from after-care, so a later detention while on after-care is not a new relevant
//!   application (NHS England, *Who Pays?*, on the effect of *Worcestershire*). The council can change while the
//!   ICB does not, so the two can be in different areas.
//! - After-care from a detention that began (reg. 6) or ended (reg. 7(3)) before 1 July 2022: the ICB that had
//!   core responsibility on 1 July 2022. A section 3 made during a section 2 detention in the same stay continues
//!   that detention, so a section 2 under way on 1 July 2022 brings the section 3 after it under reg. 6.
//! - A detention in a secure service arranged by NHS England that began before 1 July 2022 and ended on or after
//!   it: the ICB with core responsibility on the date of discharge (reg. 7(4)). The facts do not include the GP
//!   practice on that date, so the ICB named is a best guess and not certain.
//! - A detention in a secure service arranged by NHS England that began on or after 1 July 2022: the ICB with core
//!   responsibility on the first day of detention (reg. 7(5)).
//! - Specialised after-care that NHS England commissions: NHS England (reg. 8).
//!
//! **England, before 1 July 2022** clinical commissioning groups held the duty: by GP registration from April 2013
//! (SI 2012/2996 reg. 14), by the s.117(3) area from April 2016. A CCG already responsible under the GP rule in
//! April 2016 stayed responsible until after-care ended or the person was detained again, so the rule follows
//! when the duty arose as well as the date of the check. Their duties passed to ICBs on 1 July 2022.
//!
//! Where the person does not know their GP's ICB, the checker names the ICB for the council's area and says so.
//!
//! **ICBs change.** The reference data names the ICBs as from 1 April 2026 and the ones they were formed from.
//! For a check dated before an ICB merged, the ICB that then existed is named; where the data cannot say which
//! earlier ICB covered a place, the earlier ICBs are the candidates.
//!
//! # Open questions
//!
//! - Part 3 detentions (s.37, 45A, 47, 48) in ICB-commissioned beds are neither a "relevant application" under
//!   reg. 5 nor NHS England-arranged; the default s.117(3) area ICB probably applies. Flagged.
//! - England/Wales cross-border NHS responsibility (a Welsh resident with an English GP, or the reverse) is not
//!   settled. Flagged, with both bodies named: the other one as a candidate.

use super::qualifying_detention::{is_qualifying, is_qualifying_section};
use super::readmission::chain_start;
use super::responsible_council::recognise;
use super::{describe_detention, england_and_wales, Outcome};
use crate::case::{Case, Country, Detention, Section};
use crate::date::Date;
use crate::decision::{Body, BodyKind, Candidate, Finding, FlagId, FlagKind, RuleId};
use crate::reference::{self, Nation, NhsBody};
use crate::sources::{
    Citation, HCA_2022_SCH_4, MHA_1983_S117_2, MHA_1983_S117_3, SI_2012_2996_REG_14, SI_2022_635,
    SI_2022_635_REG_8, WHO_PAYS,
};
use chrono::NaiveDate;

/// The day integrated care boards took over from clinical commissioning groups (Health and Care Act 2022).
pub const ICBS_ESTABLISHED: NaiveDate = match NaiveDate::from_ymd_opt(2022, 7, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// The day clinical commissioning groups took responsibility, by GP registration (SI 2012/2996 reg. 14).
pub const CCGS_ESTABLISHED: NaiveDate = match NaiveDate::from_ymd_opt(2013, 4, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// The day the GP-registration rule for CCGs was revoked (SI 2016/293), leaving the s.117(3) area.
pub const CCG_GP_RULE_REVOKED: NaiveDate = match NaiveDate::from_ymd_opt(2016, 4, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// Is this a Part 3 (court or prison) section rather than a Part 2 application?
pub fn is_part_3(section: Section) -> bool {
    match section {
        Section::S37
        | Section::S37_41
        | Section::S45A
        | Section::S47
        | Section::S47_49
        | Section::S48
        | Section::S48_49
        | Section::S35
        | Section::S36
        | Section::S38 => true,
        Section::S2
        | Section::S3
        | Section::S4
        | Section::S5_2
        | Section::S5_4
        | Section::S135
        | Section::S136
        | Section::S7
        | Section::Informal
        | Section::Unknown => false,
    }
}

/// An NHS body as a [`Body`].
fn nhs_body(b: &NhsBody, certain: bool, why: String, cites: &[Citation]) -> Body {
    Body {
        name: b.name.to_owned(),
        code: Some(b.code.to_owned()),
        ods: Some(b.ods.to_owned()),
        kind: match b.nation {
            Nation::England => BodyKind::IntegratedCareBoard,
            Nation::Wales => BodyKind::LocalHealthBoard,
        },
        certain,
        why,
        cites: cites.to_vec(),
        candidates: Vec::new(),
    }
}

/// The council recognised for a detention's "lived before", if any.
fn council_before(d: &Detention) -> Option<&'static reference::Council> {
    d.lived_before
        .council
        .as_deref()
        .and_then(|t| recognise(t).council)
}

/// Decides the NHS body for the duty from the detention at `latest`.
pub fn decide(case: &Case, latest: usize, out: &mut Outcome) {
    let d = &case.detentions[latest];
    let council = out
        .council
        .as_ref()
        .and_then(|c| c.code.as_deref())
        .and_then(reference::council_by_code);
    let in_wales = match council {
        Some(c) => c.nation == Nation::Wales,
        None => d.lived_before.country == Country::Wales,
    };
    let body = if in_wales {
        decide_wales(d, case.as_at, council, out)
    } else if case.as_at.first_day() < ICBS_ESTABLISHED {
        decide_before_icbs(case, council, out)
    } else {
        decide_england(case, latest, council, out)
    };
    let Some(mut body) = body else { return };
    if case.specialised_aftercare == Some(true) && !in_wales {
        let icb = body;
        body = Body {
            name: "NHS England".to_owned(),
            code: None,
            ods: None,
            kind: BodyKind::NhsEngland,
            certain: true,
            why: format!("Your after-care includes a specialised service that NHS England commissions, so NHS England holds the NHS duty for that part. {} holds it for the rest.", icb.name),
            cites: vec![SI_2022_635_REG_8],
            candidates: vec![Candidate { name: icb.name.clone(), code: icb.code.clone(), why: "Responsible for after-care that is not a specialised service.".to_owned() }],
        };
    }
    out.reason(
        RuleId::ResponsibleNhsBody,
        if body.certain {
            Finding::Met
        } else {
            Finding::Unknown
        },
        body.why.clone(),
        &body.cites,
    );
    out.nhs_body = Some(body);
}

/// Wales: the local health board for the council's area.
fn decide_wales(
    d: &Detention,
    as_at: Date,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let Some(council) = council else {
        out.reason(
            RuleId::ResponsibleNhsBody,
            Finding::Unknown,
            "In Wales the NHS body is the local health board for the area where you lived immediately before the detention. Tell us the council area and we can name it.",
            &[MHA_1983_S117_3],
        );
        return None;
    };
    let lhb = council.nhs.first()?;
    let mut body = nhs_body(
        lhb,
        out.council.as_ref().is_some_and(|c| c.certain),
        format!("In Wales the NHS body is the local health board for the area where you lived immediately before {}: {} covers {}.", describe_detention(d), lhb.name, council.name),
        &[MHA_1983_S117_2, MHA_1983_S117_3],
    );
    let typed = d.gp_icb.as_deref().unwrap_or_default();
    if let Some(m) = reference::find_nhs_body(typed) {
        if m.body.nation == Nation::England {
            body.certain = false;
            // An ICB that had not yet merged on the date of the check is named as it then was.
            let (name, code) = match (m.typed_as, m.merged_on) {
                (Some(was), Some(on)) if as_at.last_day() < on => {
                    (was, former_icb_code(typed, was, as_at))
                }
                (Some(_) | None, Some(_) | None) => (m.body.name, Some(m.body.code)),
            };
            let divided = m.partial && as_at.last_day() >= m.merged_on.unwrap_or(NaiveDate::MIN);
            if divided {
                // An ICB divided in April 2026: any of its successors, never simply the largest.
                for s in reference::nhs_successors(typed) {
                    body.candidates.push(Candidate {
                        name: s.body.name.to_owned(),
                        code: Some(s.body.code.to_owned()),
                        why: format!("Your GP practice is in England, in the former area of {}, and the English ICB that took over your practice's part of it may be responsible.", m.typed_as.unwrap_or(name)),
                    });
                }
            } else {
                body.candidates.push(Candidate {
                    name: name.to_owned(),
                    code: code.map(str::to_owned),
                    why: "Your GP practice is in England, and an English ICB may be responsible."
                        .to_owned(),
                });
            }
            flag_cross_border(out);
        }
    }
    Some(body)
}

/// Before 1 July 2022: clinical commissioning groups (or primary care trusts), named by rule, not by name.
fn decide_before_icbs(
    case: &Case,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let as_at = case.as_at.first_day();
    let area = council
        .map(|c| c.name)
        .unwrap_or("the council you lived in");
    // The transitional rule of April 2016: a CCG already responsible under the GP rule stayed responsible until
    // after-care ended or the person was detained again. The latest duty arose in the GP-rule years, so neither
    // had happened since.
    let began_under_gp_rule = out
        .duty_arose
        .is_some_and(|d| d.first_day() >= CCGS_ESTABLISHED && d.last_day() < CCG_GP_RULE_REVOKED);
    let (name, why, cites): (String, String, &[Citation]) = if as_at < CCGS_ESTABLISHED {
        (
            format!("The primary care trust for the area of {area}"),
            "Before April 2013 the NHS duty lay with the primary care trust for the area where you lived.".to_owned(),
            &[MHA_1983_S117_3],
        )
    } else if as_at < CCG_GP_RULE_REVOKED {
        (
            "The clinical commissioning group your GP practice belonged to".to_owned(),
            "From April 2013 to March 2016 the NHS duty lay with the clinical commissioning group of your GP practice (or of where you usually lived, if you had no GP).".to_owned(),
            &[SI_2012_2996_REG_14],
        )
    } else if began_under_gp_rule {
        (
            "The clinical commissioning group your GP practice belonged to when your after-care began".to_owned(),
            "Your after-care began between April 2013 and March 2016, when the NHS duty lay with the clinical commissioning group of your GP practice (or of where you usually lived, if you had no GP). When that rule was replaced in April 2016, a clinical commissioning group already responsible stayed responsible until after-care ended or the person was detained again.".to_owned(),
            &[SI_2012_2996_REG_14, MHA_1983_S117_3],
        )
    } else {
        (
            format!("The clinical commissioning group for the area of {area}"),
            "From April 2016 to June 2022 the NHS duty lay with the clinical commissioning group for the area where you lived immediately before detention; from September 2020 the CCG of your GP practice paid for later detentions and after-care until you were discharged from after-care.".to_owned(),
            &[MHA_1983_S117_3, WHO_PAYS],
        )
    };
    out.flag(
        FlagId::NhsBodyFromCouncilArea,
        FlagKind::Uncertain,
        "For dates before July 2022 we can describe the NHS body by the rule that applied but cannot name it: clinical commissioning groups were abolished on 1 July 2022 and their duties passed to integrated care boards.",
        None,
        &[HCA_2022_SCH_4],
    );
    Some(Body {
        name,
        code: None,
        ods: None,
        kind: BodyKind::ClinicalCommissioningGroup,
        certain: false,
        why,
        cites: cites.to_vec(),
        candidates: Vec::new(),
    })
}

/// What the rule looks at to find the ICB, and why.
struct IcbRule {
    /// The typed ICB of the GP practice on the relevant date, if given.
    gp: Option<String>,
    /// The council whose area ICB stands in when the GP's ICB is not known.
    fallback: Option<&'static reference::Council>,
    /// The rule in words.
    why: String,
    /// Whether the rule itself is settled.
    settled: bool,
}

/// England, from 1 July 2022.
fn decide_england(
    case: &Case,
    latest: usize,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    // Where the run of detentions began (possibly a section 2 that became a section 3 in the same stay), and its
    // first qualifying detention.
    let start_index = chain_start(case, latest);
    let first_index = england_and_wales(case)
        .find(|(i, d)| *i >= start_index && is_qualifying(d))
        .map_or(latest, |(i, _)| i);
    let start = &case.detentions[start_index];
    let first = &case.detentions[first_index];
    let began = start.admitted.or(first.admitted).map(Date::first_day);
    let what = if start_index == first_index {
        describe_detention(first)
    } else {
        format!(
            "{}, which followed straight on from {} in the same stay",
            describe_detention(first),
            describe_detention(start)
        )
    };
    let gp_then = start.gp_icb.clone().or_else(|| first.gp_icb.clone());
    let area_then = council_before(start)
        .or_else(|| council_before(first))
        .or(council);
    let secure = first.nhs_england_secure_service == Some(true);
    let ended = first
        .left_hospital
        .or(first.section_ended)
        .map(Date::last_day);
    let rule = match began {
        Some(began)
            if began < ICBS_ESTABLISHED
                && secure
                && ended.is_none_or(|e| e >= ICBS_ESTABLISHED) =>
        {
            let left = first.left_hospital.or(first.section_ended).map_or_else(
                || "the day you leave".to_owned(),
                |d| format!("the day you left, {}", d.long()),
            );
            let named = if case.gp_icb_on_1_july_2022.is_some() {
                " so we have named the ICB of your GP practice on 1 July 2022, when you were still detained. Check which ICB your GP practice belonged to when you left."
            } else if gp_then.is_some() {
                " so we have named the ICB of your GP practice when the detention began. Check which ICB your GP practice belonged to when you left."
            } else {
                ""
            };
            IcbRule {
                gp: case.gp_icb_on_1_july_2022.clone().or_else(|| gp_then.clone()),
                fallback: area_then,
                why: format!(
                    "You were detained in a secure service arranged by NHS England ({what}), which began before 1 July 2022 and had not ended by then. The ICB is then the one responsible for you on the date of your discharge: the ICB of the GP practice you were registered with on {left}. We were not told that{}",
                    if named.is_empty() { "." } else { "," }
                ) + named,
                settled: false,
            }
        }
        Some(began) if began < ICBS_ESTABLISHED => IcbRule {
            gp: case.gp_icb_on_1_july_2022.clone().or_else(|| gp_then.clone()),
            fallback: council,
            why: format!(
                "Your after-care comes from {what}. That detention began before 1 July 2022, so the NHS body is the integrated care board that was responsible for you on 1 July 2022: the ICB of the GP practice you were registered with that day."
            ),
            settled: case.gp_icb_on_1_july_2022.is_some(),
        },
        Some(_) if secure => IcbRule {
            gp: gp_then,
            fallback: area_then,
            why: format!(
                "You were detained in a secure service arranged by NHS England ({what}), so the ICB is the one responsible for you on the first day of that detention: the ICB of your GP practice then."
            ),
            settled: true,
        },
        Some(_) if is_part_3(first.section) => {
            out.flag(
                FlagId::Part3NhsBodyUncertain,
                FlagKind::Uncertain,
                "You were detained under a court or prison section. The regulations that fix the ICB do not clearly cover that in an ordinary (not NHS England secure) bed, so the ICB for the area where you lived before the detention probably applies. NHS England's Who Pays? guidance (section 18) covers this; ask both bodies to confirm.",
                None,
                &[SI_2022_635, WHO_PAYS],
            );
            IcbRule {
                gp: None,
                fallback: council,
                why: "For a detention under a court or prison section in an ordinary bed, the NHS body is probably the ICB for the area where you lived immediately before the detention.".to_owned(),
                settled: false,
            }
        }
        Some(_) => IcbRule {
            gp: gp_then,
            fallback: area_then,
            why: format!(
                "The NHS body is the integrated care board of the GP practice you were registered with when the application for {what} was made (or of where you usually lived, if you had no GP)."
            ),
            settled: true,
        },
        None => IcbRule {
            gp: gp_then,
            fallback: area_then,
            why: format!(
                "The NHS body depends on when {what} began: for detentions from 1 July 2022 it is the ICB of your GP practice at the time; for earlier ones, the ICB of your GP practice on 1 July 2022. Tell us the date."
            ),
            settled: false,
        },
    };
    let now = case
        .lives_now
        .as_ref()
        .and_then(|p| p.council.as_deref())
        .and_then(|t| recognise(t).council);
    let mut body = resolve_icb(&rule, case.as_at, now, out)?;
    if first_index != latest && is_qualifying_section(case.detentions[latest].section) {
        body.why.push_str(" It did not change when you were detained again: the ICB stays responsible through later detentions until you are discharged from after-care, even though the council can change.");
        if !body.cites.contains(&WHO_PAYS) {
            body.cites.push(WHO_PAYS);
        }
    }
    if out
        .duty_arose
        .is_some_and(|d| d.first_day() < ICBS_ESTABLISHED)
    {
        body.why.push_str(" Before 1 July 2022 a clinical commissioning group held this duty; the ICB took it over.");
        body.cites.push(HCA_2022_SCH_4);
    }
    Some(body)
}

/// Names the ICB from the GP's ICB, or from the council's area, as it was on the date of the check `as_at`. `now`
/// is the council where the person lives now, the place of last resort for an ICB divided in April 2026.
fn resolve_icb(
    rule: &IcbRule,
    as_at: Date,
    now: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let cites = [MHA_1983_S117_2, SI_2022_635];
    if let Some(typed) = rule.gp.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let Some(found) = reference::find_nhs_body(typed) else {
            out.flag(
                FlagId::UnrecognisedNhsBody,
                FlagKind::Uncertain,
                format!("We did not recognise \"{typed}\" as an integrated care board, so we have kept it as you typed it. Your GP practice can tell you which ICB it belongs to."),
                None,
                &[SI_2022_635],
            );
            return Some(Body {
                name: typed.to_owned(),
                code: None,
                ods: None,
                kind: BodyKind::IntegratedCareBoard,
                certain: false,
                why: rule.why.clone(),
                cites: cites.to_vec(),
                candidates: Vec::new(),
            });
        };
        let mut why = rule.why.clone();
        let mut certain = rule.settled;
        let mut candidates = Vec::new();
        if let (Some(was), Some(on)) = (found.typed_as, found.merged_on) {
            if as_at.last_day() < on {
                // The check is dated before the merger: the ICB named still existed and held the duty.
                let successors: Vec<&str> = reference::nhs_successors(typed)
                    .iter()
                    .map(|m| m.body.name)
                    .collect();
                why.push_str(&format!(
                    " On the date of this check {was} still existed. On {} its area passed to {}.",
                    crate::date::long(on),
                    super::qualifying_detention::join_and(&successors)
                ));
                return Some(Body {
                    name: was.to_owned(),
                    code: former_icb_code(typed, was, as_at).map(str::to_owned),
                    ods: None,
                    kind: BodyKind::IntegratedCareBoard,
                    certain,
                    why,
                    cites: cites.to_vec(),
                    candidates: Vec::new(),
                });
            }
            if found.partial {
                return Some(split_successor(
                    typed,
                    was,
                    on,
                    &rule.why,
                    rule.fallback.or(now),
                    out,
                ));
            }
            why.push_str(&format!(
                " {was} merged into {} on {}, which now holds its duties.",
                found.body.name,
                crate::date::long(on)
            ));
            out.flag(
                FlagId::NhsBodyMerged,
                FlagKind::Info,
                format!(
                    "{was} no longer exists: from {} its area is covered by {}.",
                    crate::date::long(on),
                    found.body.name
                ),
                Some(Date::exact(on)),
                &[SI_2022_635],
            );
        }
        if found.body.nation == Nation::Wales {
            certain = false;
            why.push_str(&format!(" Your GP practice is in Wales, so we have named its local health board, {}. Your council area is in England, though, and the ICB for that area may be responsible instead.", found.body.name));
            // The ICB for the English area where the person lived may hold core responsibility instead, for
            // someone not registered with a GP practice in England.
            for icb in rule
                .fallback
                .iter()
                .flat_map(|c| c.nhs.iter())
                .filter(|b| b.nation == Nation::England)
            {
                candidates.push(Candidate {
                    name: icb.name.to_owned(),
                    code: Some(icb.code.to_owned()),
                    why: "Your council area is in England and your GP practice is in Wales. The ICB for the area where you usually live may be responsible instead of the local health board.".to_owned(),
                });
            }
            flag_cross_border(out);
        }
        let mut body = nhs_body(found.body, certain, why, &cites);
        body.candidates = candidates;
        fit_to_date(&mut body, as_at, false);
        return Some(body);
    }
    let Some(council) = rule.fallback else {
        out.reason(
            RuleId::ResponsibleNhsBody,
            Finding::Unknown,
            format!(
                "{} Tell us the ICB of your GP practice, or the council area, and we can name it.",
                rule.why
            ),
            &cites,
        );
        return None;
    };
    let first = council.nhs.first()?;
    let mut why = format!(
        "{} You did not tell us your GP practice's ICB, so we have named the ICB for {}'s area.",
        rule.why, council.name
    );
    let mut candidates = Vec::new();
    if council.nhs.len() > 1 {
        why.push_str(" That area is split between more than one ICB.");
        for other in &council.nhs[1..] {
            candidates.push(Candidate {
                name: other.name.to_owned(),
                code: Some(other.code.to_owned()),
                why: format!("It covers part of {}'s area.", council.name),
            });
        }
        out.flag(
            FlagId::SplitNhsArea,
            FlagKind::Uncertain,
            format!("{}'s area is split between integrated care boards. Which one is responsible depends on your GP practice (or your address if you had no GP).", council.name),
            None,
            &[SI_2022_635],
        );
    }
    out.flag(
        FlagId::NhsBodyFromCouncilArea,
        FlagKind::Uncertain,
        "We named the ICB from the council's area because we do not know your GP practice's ICB. The rule goes by your GP practice, so check with your GP surgery which ICB it belongs to.",
        None,
        &[SI_2022_635],
    );
    let mut body = nhs_body(first, false, why, &cites);
    body.candidates = candidates;
    fit_to_date(&mut body, as_at, true);
    Some(body)
}

/// A pre-April-2026 ICB divided between several ICBs (Frimley; Hertfordshire and West Essex; Suffolk and North
/// East Essex), on or after the division: the successor covering the person's `place` (the 2026 ICB of their
/// council's area, from `data/authorities.csv`), with the others as candidates because the GP practice's address
/// decides; if the place is unknown or in none of them, no one successor but every one as a candidate. Never
/// simply the successor that took the largest part.
fn split_successor(
    typed: &str,
    was: &str,
    on: NaiveDate,
    rule_why: &str,
    place: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Body {
    let cites = [MHA_1983_S117_2, SI_2022_635];
    let successors = reference::nhs_successors(typed);
    let names: Vec<&str> = successors.iter().map(|m| m.body.name).collect();
    let divided = format!(
        " On {} {was} was divided between {}.",
        crate::date::long(on),
        super::qualifying_detention::join_and(&names)
    );
    out.flag(
        FlagId::NhsBodyMerged,
        FlagKind::Info,
        format!(
            "{was} no longer exists: on {} its area was divided between {}. Which of them took over depends on where your GP practice is.",
            crate::date::long(on),
            super::qualifying_detention::join_and(&names)
        ),
        Some(Date::exact(on)),
        &[SI_2022_635],
    );
    let covering: Vec<&reference::NhsMatch> = successors
        .iter()
        .filter(|m| place.is_some_and(|c| c.nhs.iter().any(|b| b.code == m.body.code)))
        .collect();
    let candidate = |m: &reference::NhsMatch| {
        Candidate {
        name: m.body.name.to_owned(),
        code: Some(m.body.code.to_owned()),
        why: format!("It took over part of {was}'s area; it is responsible if your GP practice is in that part."),
    }
    };
    if let (Some(council), [one]) = (place, covering.as_slice()) {
        let why = format!(
            "{rule_why}{divided} {}'s area is in {}, so we have named it; but the rule goes by your GP practice, so if your practice is in another part of {was}'s former area, the ICB that took that part is responsible.",
            council.name, one.body.name
        );
        let mut body = nhs_body(one.body, false, why, &cites);
        body.candidates = successors
            .iter()
            .filter(|m| m.body.code != one.body.code)
            .map(candidate)
            .collect();
        return body;
    }
    let mut unknown = match place {
        Some(council) => format!("{}'s area is in none of them", council.name),
        None => "we do not know where you lived".to_owned(),
    };
    super::qualifying_detention::capitalise(&mut unknown);
    Body {
        name: super::responsible_council::join_or(&names),
        code: None,
        ods: None,
        kind: BodyKind::IntegratedCareBoard,
        certain: false,
        why: format!(
            "{rule_why}{divided} {}, so any of them may be responsible: the address of your GP practice decides. Tell us the council area you lived in, or ask your GP practice which ICB it now belongs to.",
            unknown
        ),
        cites: cites.to_vec(),
        candidates: successors.iter().map(candidate).collect(),
    }
}

/// The day the ONS codes of NHS Surrey Heartlands and NHS Sussex ICBs changed (E54000052 and E54000053 became
/// E54000063 and E54000064): `data/SOURCES.md`, D6. They are the only pre-2026 ICBs with two codes.
const ICB_CODES_CHANGED: NaiveDate = match NaiveDate::from_ymd_opt(2023, 4, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// The ONS code a pre-April-2026 ICB had on the date of the check: the code the person typed, if they typed one
/// of its codes; otherwise, for an ICB with two codes, the earlier code before April 2023 and the later one after.
fn former_icb_code(typed: &str, name: &str, as_at: Date) -> Option<&'static str> {
    let mut codes: Vec<&'static str> = reference::former_icbs()
        .iter()
        .filter(|f| f.1 == name)
        .map(|f| f.0)
        .collect();
    codes.sort_unstable();
    if let Some(code) = codes.iter().find(|c| c.eq_ignore_ascii_case(typed.trim())) {
        return Some(code);
    }
    if as_at.last_day() < ICB_CODES_CHANGED {
        codes.first().copied()
    } else {
        codes.last().copied()
    }
}

/// The reference data names the ICBs as from April 2026. For a check dated before an ICB was formed or changed
/// then, says so: the ICB that existed on that date is named where the data shows it (the same board under an
/// earlier code), and otherwise the boards it was formed from are the candidates and the body is not certain.
/// `from_area` says the ICB was inferred from the council's area, which for those dates cannot pick between them.
fn fit_to_date(body: &mut Body, as_at: Date, from_area: bool) {
    if body.kind != BodyKind::IntegratedCareBoard {
        return;
    }
    let Some(code) = body.code.clone() else {
        return;
    };
    let mut formed_on: Option<NaiveDate> = None;
    // The earlier ICBs the body was formed from, once per name.
    let mut before: Vec<&'static str> = Vec::new();
    for &(former_code, former_name, _) in reference::former_icbs() {
        for m in reference::nhs_successors(former_code) {
            if m.body.code != code {
                continue;
            }
            if let Some(on) = m.merged_on {
                formed_on = Some(formed_on.map_or(on, |f| f.min(on)));
            }
            if !before.contains(&former_name) {
                before.push(former_name);
            }
        }
    }
    let Some(on) = formed_on.filter(|on| as_at.last_day() < *on) else {
        return;
    };
    let same = before.iter().any(|n| *n == body.name);
    if same {
        // The same board (same name and ODS code) under its earlier ONS code.
        body.code = former_icb_code(&code, &body.name, as_at).map(str::to_owned);
    }
    if !same || from_area {
        body.certain = false;
        body.why.push_str(&format!(
            " {} took its present area on {} from {}. On the date of this check one of those boards held the duty, depending on your GP practice then.",
            body.name,
            crate::date::long(on),
            super::qualifying_detention::join_and(&before)
        ));
        for name in before {
            if name == body.name || body.candidates.iter().any(|c| c.name == name) {
                continue;
            }
            body.candidates.push(Candidate {
                name: name.to_owned(),
                code: former_icb_code("", name, as_at).map(str::to_owned),
                why: format!(
                    "It covered part of the area of {} before {}.",
                    body.name,
                    crate::date::long(on)
                ),
            });
        }
    }
}

/// England–Wales cross-border NHS responsibility is not settled.
fn flag_cross_border(out: &mut Outcome) {
    out.flag(
        FlagId::CrossBorderNhs,
        FlagKind::Uncertain,
        "Your home and your GP practice are on different sides of the England–Wales border. Which NHS body is responsible may be disputed: write to both the ICB and the local health board.",
        None,
        &[MHA_1983_S117_3, SI_2022_635],
    );
}
