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
//!   core responsibility on 1 July 2022.
//! - A detention in a secure service arranged by NHS England that began on or after 1 July 2022: the ICB with core
//!   responsibility on the first day of detention (reg. 7(5)).
//! - Specialised after-care that NHS England commissions: NHS England (reg. 8).
//!
//! **England, before 1 July 2022** clinical commissioning groups held the duty: by GP registration from April 2013
//! (SI 2012/2996 reg. 14), by the s.117(3) area from April 2016. Their duties passed to ICBs on 1 July 2022.
//!
//! Where the person does not know their GP's ICB, the checker names the ICB for the council's area and says so.
//!
//! # Open questions
//!
//! - Part 3 detentions (s.37, 45A, 47, 48) in ICB-commissioned beds are neither a "relevant application" under
//!   reg. 5 nor NHS England-arranged; the default s.117(3) area ICB probably applies. Flagged.
//! - England/Wales cross-border NHS responsibility (a Welsh resident with an English GP, or the reverse) is not
//!   settled. Flagged, with both bodies as candidates.

use super::qualifying_detention::is_qualifying_section;
use super::readmission::chain_start;
use super::responsible_council::recognise;
use super::{describe_detention, Outcome};
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
        decide_wales(d, council, out)
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
    if let Some(m) = d.gp_icb.as_deref().and_then(reference::find_nhs_body) {
        if m.body.nation == Nation::England {
            body.certain = false;
            body.candidates.push(Candidate {
                name: m.body.name.to_owned(),
                code: Some(m.body.code.to_owned()),
                why: "Your GP practice is in England, and an English ICB may be responsible."
                    .to_owned(),
            });
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
    let start_index = chain_start(case, latest);
    let start = &case.detentions[start_index];
    let began = start.admitted.map(Date::first_day);
    let rule = match began {
        Some(began) if began < ICBS_ESTABLISHED => IcbRule {
            gp: case.gp_icb_on_1_july_2022.clone().or_else(|| start.gp_icb.clone()),
            fallback: council,
            why: format!(
                "Your after-care comes from {}, which began before 1 July 2022, so the NHS body is the integrated care board that was responsible for you on 1 July 2022: the ICB of the GP practice you were registered with that day.",
                describe_detention(start)
            ),
            settled: case.gp_icb_on_1_july_2022.is_some(),
        },
        Some(_) if is_part_3(start.section) && start.nhs_england_secure_service == Some(true) => IcbRule {
            gp: start.gp_icb.clone(),
            fallback: council_before(start).or(council),
            why: format!(
                "You were detained in a secure service arranged by NHS England ({}), so the ICB is the one responsible for you on the first day of that detention: the ICB of your GP practice then.",
                describe_detention(start)
            ),
            settled: true,
        },
        Some(_) if is_part_3(start.section) => {
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
            gp: start.gp_icb.clone(),
            fallback: council_before(start).or(council),
            why: format!(
                "The NHS body is the integrated care board of the GP practice you were registered with when the application for {} was made (or of where you usually lived, if you had no GP).",
                describe_detention(start)
            ),
            settled: true,
        },
        None => IcbRule {
            gp: start.gp_icb.clone(),
            fallback: council_before(start).or(council),
            why: format!(
                "The NHS body depends on when {} began: for detentions from 1 July 2022 it is the ICB of your GP practice at the time; for earlier ones, the ICB of your GP practice on 1 July 2022. Tell us the date.",
                describe_detention(start)
            ),
            settled: false,
        },
    };
    let mut body = resolve_icb(&rule, out)?;
    if start_index != latest && is_qualifying_section(case.detentions[latest].section) {
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

/// Names the ICB from the GP's ICB, or from the council's area.
fn resolve_icb(rule: &IcbRule, out: &mut Outcome) -> Option<Body> {
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
            if found.partial {
                certain = false;
                for other in reference::nhs_successors(typed) {
                    if other.body.code != found.body.code {
                        candidates.push(Candidate {
                            name: other.body.name.to_owned(),
                            code: Some(other.body.code.to_owned()),
                            why: format!("It took over part of {was}'s area; which one depends on where your GP practice is."),
                        });
                    }
                }
            }
        }
        if found.body.nation == Nation::Wales {
            certain = false;
            flag_cross_border(out);
        }
        let mut body = nhs_body(found.body, certain, why, &cites);
        body.candidates = candidates;
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
    Some(body)
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
