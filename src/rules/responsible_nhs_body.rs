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
use super::timeline::Timeline;
use super::{describe_detention, england_and_wales, Outcome};
use crate::case::{Case, Country, Detention, Section};
use crate::date::{Date, Side};
use crate::decision::{Body, BodyKind, Candidate, Finding, FlagId, FlagKind, RuleId};
use crate::messages;
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
    let in_wales = is_welsh_nhs(case, latest, council.map(|c| c.code));
    let body = if in_wales {
        decide_wales(d, case.as_at, council, out)
    } else {
        match case.as_at.side_of(ICBS_ESTABLISHED) {
            Side::Before => decide_before_icbs(case, council, out),
            Side::OnOrAfter => decide_england(case, latest, council, out),
            Side::EitherSide => decide_either_side_of_icbs(case, latest, council, out),
        }
    };
    let Some(mut body) = body else { return };
    if case.specialised_aftercare == Some(true) && !in_wales {
        let icb = body;
        let v = [("icb", icb.name.as_str())];
        let why = messages::fill("body.responsible_nhs_body.specialised", &v);
        body = Body {
            name: messages::text("part.nhs_england").to_owned(),
            code: None,
            ods: None,
            kind: BodyKind::NhsEngland,
            certain: true,
            why,
            cites: vec![SI_2022_635_REG_8],
            candidates: vec![Candidate {
                name: icb.name.clone(),
                code: icb.code.clone(),
                why: messages::text("candidate.responsible_nhs_body.specialised").to_owned(),
            }],
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

/// A check dated by a month or year that contains 1 July 2022: the ICB for the part on or after that day, with the
/// clinical commissioning group that held the duty before it as a candidate.
fn decide_either_side_of_icbs(
    case: &Case,
    latest: usize,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let mut before_case = case.clone();
    before_case.as_at = Date::exact(case.as_at.first_day());
    let mut after_case = case.clone();
    after_case.as_at = Date::exact(case.as_at.last_day());
    let before = decide_before_icbs(&before_case, council, out);
    let mut body = decide_england(&after_case, latest, council, out)?;
    body.certain = false;
    let date = case.as_at.long();
    let v = [("date", date.as_str()), ("why", body.why.as_str())];
    body.why = messages::fill("body.responsible_nhs_body.either_side_of_icbs", &v);
    if let Some(ccg) = before {
        let v = [("why", ccg.why.as_str())];
        body.candidates.push(Candidate {
            name: ccg.name,
            code: None,
            why: messages::fill("candidate.responsible_nhs_body.before_icbs", &v),
        });
    }
    Some(body)
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
            messages::text("reason.responsible_nhs_body.wales.unknown"),
            &[MHA_1983_S117_3],
        );
        return None;
    };
    let lhb = council.nhs.first()?;
    let detention = describe_detention(d);
    let v = [
        ("detention", detention.as_str()),
        ("board", lhb.name),
        ("council", council.name),
    ];
    let mut body = nhs_body(
        lhb,
        out.council.as_ref().is_some_and(|c| c.certain),
        messages::fill("body.responsible_nhs_body.wales", &v),
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
                let v = [("former", m.typed_as.unwrap_or(name))];
                let why = messages::fill("candidate.responsible_nhs_body.wales.gp_in_divided", &v);
                for s in reference::nhs_successors(typed) {
                    body.candidates.push(Candidate {
                        name: s.body.name.to_owned(),
                        code: Some(s.body.code.to_owned()),
                        why: why.clone(),
                    });
                }
            } else {
                body.candidates.push(Candidate {
                    name: name.to_owned(),
                    code: code.map(str::to_owned),
                    why: messages::text("candidate.responsible_nhs_body.wales.gp_in_england")
                        .to_owned(),
                });
            }
            flag_cross_border(out);
        }
    }
    Some(body)
}

/// Which rule named the NHS body before 1 July 2022.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CcgRule {
    /// Before April 2013: the primary care trust for the area.
    PrimaryCareTrust,
    /// April 2013 to March 2016: the CCG of the GP practice.
    GpPractice,
    /// From April 2016, for after-care that began under the GP rule: that CCG stayed responsible.
    GpPracticeKept,
    /// From April 2016: the CCG for the area.
    Area,
}

/// The rule on the day `as_at` for after-care that arose on the day `arose`.
fn ccg_rule(as_at: NaiveDate, arose: Option<NaiveDate>) -> CcgRule {
    if as_at < CCGS_ESTABLISHED {
        CcgRule::PrimaryCareTrust
    } else if as_at < CCG_GP_RULE_REVOKED {
        CcgRule::GpPractice
    } else if arose.is_some_and(|d| (CCGS_ESTABLISHED..CCG_GP_RULE_REVOKED).contains(&d)) {
        // The transitional rule of April 2016: a CCG already responsible under the GP rule stayed responsible
        // until after-care ended or the person was detained again. The latest duty arose in the GP-rule years, so
        // neither had happened since.
        CcgRule::GpPracticeKept
    } else {
        CcgRule::Area
    }
}

/// Before 1 July 2022: clinical commissioning groups (or primary care trusts), named by rule, not by name.
///
/// A date of the check or of the start of after-care given as a month or a year may contain 1 April 2013 or
/// 1 April 2016: then each rule it could fall under is named, the first as the body and the others as candidates.
fn decide_before_icbs(
    case: &Case,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let area = council
        .map(|c| c.name)
        .unwrap_or_else(|| messages::text("part.the_council_you_lived_in"));
    let area = [("council", area)];
    let arose = out.duty_arose;
    let mut rules: Vec<CcgRule> = Vec::new();
    for day in [case.as_at.first_day(), case.as_at.last_day()] {
        for arose_day in [arose.map(Date::first_day), arose.map(Date::last_day)] {
            let rule = ccg_rule(
                day.min(ICBS_ESTABLISHED.pred_opt().unwrap_or(day)),
                arose_day,
            );
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
    }
    let describe = |rule: CcgRule| -> (String, String, &'static [Citation]) {
        match rule {
            CcgRule::PrimaryCareTrust => (
                messages::fill("part.nhs_body.primary_care_trust", &area),
                messages::text("body.responsible_nhs_body.primary_care_trust").to_owned(),
                &[MHA_1983_S117_3],
            ),
            CcgRule::GpPractice => (
                messages::text("part.nhs_body.ccg_of_gp").to_owned(),
                messages::text("body.responsible_nhs_body.ccg_of_gp").to_owned(),
                &[SI_2012_2996_REG_14],
            ),
            CcgRule::GpPracticeKept => (
                messages::text("part.nhs_body.ccg_of_gp_kept").to_owned(),
                messages::text("body.responsible_nhs_body.ccg_of_gp_kept").to_owned(),
                &[SI_2012_2996_REG_14, MHA_1983_S117_3],
            ),
            CcgRule::Area => (
                messages::fill("part.nhs_body.ccg_of_area", &area),
                messages::text("body.responsible_nhs_body.ccg_of_area").to_owned(),
                &[MHA_1983_S117_3, WHO_PAYS],
            ),
        }
    };
    out.flag(
        FlagId::NhsBodyFromCouncilArea,
        FlagKind::Uncertain,
        messages::text("flag.nhs_body_from_council_area.before_icbs"),
        None,
        &[HCA_2022_SCH_4],
    );
    let (name, mut why, cites) = describe(*rules.first()?);
    let mut candidates = Vec::new();
    if rules.len() == 1 && rules[0] == CcgRule::GpPracticeKept {
        why = messages::text("body.responsible_nhs_body.ccg_of_gp_kept.alone").to_owned();
    }
    if rules.len() > 1 {
        let straddles = |d: Date| {
            [CCGS_ESTABLISHED, CCG_GP_RULE_REVOKED]
                .iter()
                .any(|b| d.side_of(*b) == Side::EitherSide)
        };
        let mut dates = Vec::new();
        if straddles(case.as_at) {
            let date = case.as_at.long();
            dates.push(messages::fill("part.date_of_check", &[("date", &date)]));
        }
        if let Some(arose) = arose.filter(|a| straddles(*a)) {
            let date = arose.long();
            let v = [("date", date.as_str())];
            dates.push(messages::fill("part.when_aftercare_began", &v));
        }
        let dates: Vec<&str> = dates.iter().map(String::as_str).collect();
        let dates = super::qualifying_detention::join_and(&dates);
        let v = [("dates", dates.as_str()), ("why", why.as_str())];
        why = messages::fill("body.responsible_nhs_body.ccg_rules_changed", &v);
        for &rule in &rules[1..] {
            let (name, other_why, _) = describe(rule);
            let v = [("why", other_why.as_str())];
            candidates.push(Candidate {
                name,
                code: None,
                why: messages::fill("candidate.responsible_nhs_body.other_side", &v),
            });
        }
    }
    Some(Body {
        name,
        code: None,
        ods: None,
        kind: BodyKind::ClinicalCommissioningGroup,
        certain: false,
        why,
        cites: cites.to_vec(),
        candidates,
    })
}

/// What the rule looks at to find the ICB, and why.
struct IcbRule {
    /// The typed ICB of the GP practice on the relevant date, if given.
    gp: Option<String>,
    /// The council whose area ICB stands in when the GP's ICB is not known.
    fallback: Option<&'static reference::Council>,
    /// The rule in words, as a clause that follows "If …," or "…, so".
    why: String,
    /// The rule as a sentence of its own, for a rule that can stand after the sentence saying when the detention
    /// began.
    sentence: Option<String>,
    /// Whether the rule itself is settled.
    settled: bool,
}

/// Which rule of SI 2022/635 fixes the ICB for the first detention of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IcbPeriod {
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
struct Run<'a> {
    what: String,
    first: &'a Detention,
    gp_then: Option<String>,
    gp_on_1_july: Option<String>,
    area_then: Option<&'static reference::Council>,
    council: Option<&'static reference::Council>,
}

/// The rule for one period, and whether it is the rule for a detention that began before 1 July 2022.
fn icb_rule(period: IcbPeriod, run: &Run) -> (IcbRule, bool) {
    let what = [("detention", run.what.as_str())];
    match period {
        IcbPeriod::OnFirstJuly => (
            IcbRule {
                gp: run.gp_on_1_july.clone().or_else(|| run.gp_then.clone()),
                fallback: run.council,
                why: messages::text("part.icb_rule.on_first_july").to_owned(),
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
                    || messages::text("part.day_you_leave").to_owned(),
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
fn is_court_or_prison(d: &Detention) -> bool {
    is_part_3(d.section)
        || (d.section == Section::Unknown
            && d.leaving == Some(crate::case::Leaving::ConditionalDischarge))
}

/// The run of detentions an English ICB is fixed for, and the rules of SI 2022/635 that could fix it.
struct EnglandRun {
    /// Where the run began: possibly a section 2 that became a section 3 in the same stay.
    start_index: usize,
    /// The run's first qualifying detention.
    first_index: usize,
    /// When the run began.
    began: Option<Date>,
    /// Which side of 1 July 2022 it began (a detention cannot have begun after it ended).
    began_side: Option<Side>,
    /// When the first qualifying detention ended.
    ended: Option<Date>,
    /// Whether it was in a secure service arranged by NHS England.
    secure: bool,
    /// The rules for a run begun before 1 July 2022.
    before: Vec<IcbPeriod>,
    /// The rule for a run begun on or after it.
    after: IcbPeriod,
}

/// Works out [`EnglandRun`] for the duty from the detention at `latest`.
fn england_run(case: &Case, timeline: &Timeline, latest: usize) -> EnglandRun {
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
    let run = england_run(case, &super::timeline::build(case), latest);
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

/// England, from 1 July 2022.
fn decide_england(
    case: &Case,
    latest: usize,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let EnglandRun {
        start_index,
        first_index,
        began,
        began_side,
        ended,
        secure,
        before,
        after,
    } = england_run(case, &out.timeline, latest);
    let start = &case.detentions[start_index];
    let first = &case.detentions[first_index];
    let what = if start_index == first_index {
        describe_detention(first)
    } else {
        let (first, start) = (describe_detention(first), describe_detention(start));
        let v = [("detention", first.as_str()), ("start", start.as_str())];
        messages::fill("part.detention.followed_on_from", &v)
    };
    let detention = [("detention", what.as_str())];
    let run = Run {
        what: what.clone(),
        first,
        gp_then: start.gp_icb.clone().or_else(|| first.gp_icb.clone()),
        gp_on_1_july: case.gp_icb_on_1_july_2022.clone(),
        area_then: council_before(start)
            .or_else(|| council_before(first))
            .or(council),
        council,
    };
    let (periods, lead) = match began_side {
        None => {
            let rule = IcbRule {
                gp: run.gp_then.clone(),
                fallback: run.area_then,
                why: messages::fill("body.responsible_nhs_body.began_unknown", &detention),
                sentence: None,
                settled: false,
            };
            let body = resolve_icb_at(&rule, case.as_at, lives_now_council(case), out)?;
            return Some(finish_england(case, first_index, latest, body, out));
        }
        // The one rule for a detention that began before 1 July 2022 follows on from the sentence saying so.
        Some(Side::Before) if before.len() == 1 => (before, None),
        Some(Side::Before) => {
            let ended = ended.map_or_else(String::new, Date::long);
            let v = [detention[0], ("date", ended.as_str())];
            let lead = messages::fill("body.responsible_nhs_body.began_before.ended", &v);
            (before, Some(lead))
        }
        Some(Side::OnOrAfter) => {
            let lead = messages::fill("body.responsible_nhs_body.began_on_or_after", &detention);
            (vec![after], Some(lead))
        }
        Some(Side::EitherSide) => {
            let mut periods = before;
            periods.push(after);
            let began = began.map_or_else(String::new, Date::long);
            let v = [detention[0], ("date", began.as_str())];
            let lead = messages::fill("body.responsible_nhs_body.began_either_side", &v);
            (periods, Some(lead))
        }
    };
    if periods.contains(&IcbPeriod::Part3) {
        out.flag(
            FlagId::Part3NhsBodyUncertain,
            FlagKind::Uncertain,
            messages::text("flag.part3_nhs_body_uncertain"),
            None,
            &[SI_2022_635, MHA_1983_S117_3, WHO_PAYS],
        );
    }
    let either_side = periods.len() > 1;
    let mut bodies: Vec<(IcbPeriod, Body)> = Vec::new();
    for &period in &periods {
        let (mut rule, began_before) = icb_rule(period, &run);
        rule.why = if either_side {
            // For a secure service begun before 1 July 2022 the date that matters is when the detention ended.
            let which = if secure && began_side == Some(Side::Before) {
                match period {
                    IcbPeriod::SecureAtDischarge => messages::text("part.if.ended_on_or_after"),
                    IcbPeriod::OnFirstJuly
                    | IcbPeriod::SecureFirstDay
                    | IcbPeriod::Part3
                    | IcbPeriod::Application => messages::text("part.if.ended_before"),
                }
            } else if began_before {
                messages::text("part.if.began_before")
            } else {
                messages::text("part.if.began_on_or_after")
            };
            let v = [("condition", which), ("rule", rule.why.as_str())];
            messages::fill("body.responsible_nhs_body.if", &v)
        } else {
            match (&lead, &rule.sentence) {
                (Some(lead), Some(sentence)) => format!("{lead} {sentence}"),
                (Some(lead), None) => format!("{lead} {}", rule.why),
                (None, Some(_) | None) => {
                    let v = [detention[0], ("rule", rule.why.as_str())];
                    messages::fill("body.responsible_nhs_body.began_before", &v)
                }
            }
        };
        let Some(body) = resolve_icb_at(&rule, case.as_at, lives_now_council(case), out) else {
            continue;
        };
        bodies.push((period, body));
    }
    let mut bodies = bodies.into_iter();
    let (main_period, mut body) = bodies.next()?;
    if let Some(lead) = lead.filter(|_| either_side) {
        body.why = format!("{lead} {}", body.why);
        body.certain = false;
        for (_, other) in bodies {
            if other.name != body.name && !body.candidates.iter().any(|c| c.name == other.name) {
                body.candidates.push(Candidate {
                    name: other.name.clone(),
                    code: other.code.clone(),
                    why: other.why.clone(),
                });
            }
        }
    }
    if periods.contains(&IcbPeriod::Part3) {
        // The s.117(3) default: the ICB for the area where the person was ordinarily resident before the detention.
        body.certain = false;
        if main_period == IcbPeriod::Part3 {
            for icb in council_before(first)
                .or(council)
                .iter()
                .flat_map(|c| c.nhs.iter())
                .filter(|b| b.nation == Nation::England)
            {
                if icb.name != body.name && !body.candidates.iter().any(|c| c.name == icb.name) {
                    body.candidates.push(Candidate {
                        name: icb.name.to_owned(),
                        code: Some(icb.code.to_owned()),
                        why: messages::text("candidate.responsible_nhs_body.part_3").to_owned(),
                    });
                }
            }
        }
        if !body.cites.contains(&MHA_1983_S117_3) {
            body.cites.push(MHA_1983_S117_3);
        }
    }
    // The England–Wales border: only when, for the run that decides, home and GP are on different sides.
    if body.kind == BodyKind::LocalHealthBoard && lived_in(start, first) != Some(Nation::Wales) {
        flag_cross_border(out);
    }
    Some(finish_england(case, first_index, latest, body, out))
}

/// The nation the person lived in immediately before the run of detentions began, if known.
fn lived_in(start: &Detention, first: &Detention) -> Option<Nation> {
    if let Some(c) = council_before(start).or_else(|| council_before(first)) {
        return Some(c.nation);
    }
    match start.lived_before.country {
        Country::England => Some(Nation::England),
        Country::Wales => Some(Nation::Wales),
        Country::Scotland
        | Country::NorthernIreland
        | Country::OutsideUk
        | Country::NoSettledHome => None,
    }
}

/// Adds what holds whichever rule applied: the ICB through later detentions, and the CCG before July 2022.
fn finish_england(
    case: &Case,
    first_index: usize,
    latest: usize,
    mut body: Body,
    out: &mut Outcome,
) -> Body {
    if first_index != latest && is_qualifying_section(case.detentions[latest].section) {
        let kept = messages::text("body.responsible_nhs_body.kept_through_readmission");
        body.why.push(' ');
        body.why.push_str(kept);
        if !body.cites.contains(&WHO_PAYS) {
            body.cites.push(WHO_PAYS);
        }
    }
    match out.duty_arose.map(|d| d.side_of(ICBS_ESTABLISHED)) {
        Some(Side::Before) => {
            body.why.push(' ');
            body.why
                .push_str(messages::text("body.responsible_nhs_body.ccg_before"));
            body.cites.push(HCA_2022_SCH_4);
        }
        Some(Side::EitherSide) => {
            let ccg = messages::text("body.responsible_nhs_body.ccg_before.either_side");
            body.why.push(' ');
            body.why.push_str(ccg);
            body.cites.push(HCA_2022_SCH_4);
        }
        Some(Side::OnOrAfter) | None => {}
    }
    body
}

/// The council where the person lives now, when it is recognised.
fn lives_now_council(case: &Case) -> Option<&'static reference::Council> {
    case.lives_now
        .as_ref()
        .and_then(|p| p.council.as_deref())
        .and_then(|t| recognise(t).council)
}

/// [`resolve_icb`] for a check date that may be a month or a year: when the ICB named at the start of that period
/// differs from the one at its end (an ICB formed or merged in between), the body is uncertain and the other is a
/// candidate.
fn resolve_icb_at(
    rule: &IcbRule,
    as_at: Date,
    now: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let mut body = resolve_icb(rule, as_at, now, out)?;
    if as_at.is_exact() {
        return Some(body);
    }
    let mut scratch = out.scratch();
    let Some(earlier) = resolve_icb(rule, Date::exact(as_at.first_day()), now, &mut scratch) else {
        return Some(body);
    };
    if earlier.name != body.name && !body.candidates.iter().any(|c| c.name == earlier.name) {
        body.certain = false;
        let date = as_at.long();
        let v = [
            ("date", date.as_str()),
            ("earlier", earlier.name.as_str()),
            ("later", body.name.as_str()),
        ];
        let text = messages::fill("body.responsible_nhs_body.icbs_changed_in_month", &v);
        let why = messages::fill("candidate.responsible_nhs_body.icbs_changed", &v[..1]);
        body.why.push(' ');
        body.why.push_str(&text);
        body.candidates.push(Candidate {
            name: earlier.name,
            code: earlier.code,
            why,
        });
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
                messages::fill("flag.unrecognised_nhs_body", &[("typed", typed)]),
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
                let (date, successors) = (
                    crate::date::long(on),
                    super::qualifying_detention::join_and(&successors),
                );
                let v = [
                    ("was", was),
                    ("date", date.as_str()),
                    ("successors", successors.as_str()),
                ];
                let existed = messages::fill("body.responsible_nhs_body.still_existed", &v);
                why.push(' ');
                why.push_str(&existed);
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
            let date = crate::date::long(on);
            let v = [
                ("was", was),
                ("icb", found.body.name),
                ("date", date.as_str()),
            ];
            why.push(' ');
            why.push_str(&messages::fill("body.responsible_nhs_body.merged", &v));
            out.flag(
                FlagId::NhsBodyMerged,
                FlagKind::Info,
                messages::fill("flag.nhs_body_merged", &v),
                Some(Date::exact(on)),
                &[SI_2022_635],
            );
        }
        if found.body.nation == Nation::Wales {
            certain = false;
            let v = [("board", found.body.name)];
            why.push(' ');
            why.push_str(&messages::fill("body.responsible_nhs_body.gp_in_wales", &v));
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
                    why: messages::text("candidate.responsible_nhs_body.gp_in_wales").to_owned(),
                });
            }
        }
        let mut body = nhs_body(found.body, certain, why, &cites);
        body.candidates = candidates;
        fit_to_date(&mut body, as_at, false);
        return Some(body);
    }
    let Some(council) = rule.fallback else {
        let v = [("rule", rule.why.as_str())];
        let text = messages::fill("reason.responsible_nhs_body.unknown", &v);
        out.reason(RuleId::ResponsibleNhsBody, Finding::Unknown, text, &cites);
        return None;
    };
    let first = council.nhs.first()?;
    let v = [("rule", rule.why.as_str()), ("council", council.name)];
    let mut why = messages::fill("body.responsible_nhs_body.from_council_area", &v);
    let mut candidates = Vec::new();
    if council.nhs.len() > 1 {
        why.push(' ');
        why.push_str(messages::text("body.responsible_nhs_body.split_area"));
        let v = [("council", council.name)];
        for other in &council.nhs[1..] {
            candidates.push(Candidate {
                name: other.name.to_owned(),
                code: Some(other.code.to_owned()),
                why: messages::fill("candidate.responsible_nhs_body.split_area", &v),
            });
        }
        out.flag(
            FlagId::SplitNhsArea,
            FlagKind::Uncertain,
            messages::fill("flag.split_nhs_area", &v),
            None,
            &[SI_2022_635],
        );
    }
    out.flag(
        FlagId::NhsBodyFromCouncilArea,
        FlagKind::Uncertain,
        messages::text("flag.nhs_body_from_council_area"),
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
    let (date, joined) = (
        crate::date::long(on),
        super::qualifying_detention::join_and(&names),
    );
    let divided = [
        ("rule", rule_why),
        ("was", was),
        ("date", date.as_str()),
        ("successors", joined.as_str()),
    ];
    out.flag(
        FlagId::NhsBodyMerged,
        FlagKind::Info,
        messages::fill("flag.nhs_body_merged.divided", &divided),
        Some(Date::exact(on)),
        &[SI_2022_635],
    );
    let covering: Vec<&reference::NhsMatch> = successors
        .iter()
        .filter(|m| place.is_some_and(|c| c.nhs.iter().any(|b| b.code == m.body.code)))
        .collect();
    let candidate = |m: &reference::NhsMatch| Candidate {
        name: m.body.name.to_owned(),
        code: Some(m.body.code.to_owned()),
        why: messages::fill("candidate.responsible_nhs_body.split_successor", &divided),
    };
    if let (Some(council), [one]) = (place, covering.as_slice()) {
        let mut v = divided.to_vec();
        v.extend([("council", council.name), ("icb", one.body.name)]);
        let why = messages::fill("body.responsible_nhs_body.split.covering", &v);
        let mut body = nhs_body(one.body, false, why, &cites);
        body.candidates = successors
            .iter()
            .filter(|m| m.body.code != one.body.code)
            .map(candidate)
            .collect();
        return body;
    }
    let why = match place {
        Some(council) => {
            let mut v = divided.to_vec();
            v.push(("council", council.name));
            messages::fill("body.responsible_nhs_body.split.none_covering", &v)
        }
        None => messages::fill("body.responsible_nhs_body.split.place_unknown", &divided),
    };
    Body {
        name: super::responsible_council::join_or(&names),
        code: None,
        ods: None,
        kind: BodyKind::IntegratedCareBoard,
        certain: false,
        why,
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

/// The day an ICB was formed from earlier ones, and their names.
type Formation = (NaiveDate, Vec<&'static str>);

/// When the ICB with this ONS code was formed from earlier ICBs, and their names (once each): worked out once from
/// the reference data, since every check that names an ICB asks.
fn formation(code: &str) -> Option<&'static Formation> {
    static FORMATIONS: std::sync::OnceLock<Vec<(&'static str, Formation)>> =
        std::sync::OnceLock::new();
    let all = FORMATIONS.get_or_init(|| {
        let mut all: Vec<(&'static str, Formation)> = Vec::new();
        for &(former_code, former_name, _) in reference::former_icbs() {
            for m in reference::nhs_successors(former_code) {
                let Some(on) = m.merged_on else { continue };
                let successor = m.body.code;
                match all.iter_mut().find(|(c, _)| *c == successor) {
                    Some((_, (formed, names))) => {
                        *formed = (*formed).min(on);
                        if !names.contains(&former_name) {
                            names.push(former_name);
                        }
                    }
                    None => all.push((successor, (on, vec![former_name]))),
                }
            }
        }
        all
    });
    all.iter().find(|(c, _)| *c == code).map(|(_, f)| f)
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
    let Some((on, before)) = formation(&code).filter(|(on, _)| as_at.last_day() < *on) else {
        return;
    };
    let (on, before) = (*on, before.clone());
    let same = before.iter().any(|n| *n == body.name);
    if same {
        // The same board (same name and ODS code) under its earlier ONS code.
        body.code = former_icb_code(&code, &body.name, as_at).map(str::to_owned);
    }
    if !same || from_area {
        body.certain = false;
        let (date, boards) = (
            crate::date::long(on),
            super::qualifying_detention::join_and(&before),
        );
        let v = [
            ("icb", body.name.as_str()),
            ("date", date.as_str()),
            ("boards", boards.as_str()),
        ];
        let text = messages::fill("body.responsible_nhs_body.formed_since", &v);
        let why = messages::fill("candidate.responsible_nhs_body.formed_since", &v);
        body.why.push(' ');
        body.why.push_str(&text);
        for name in before {
            if name == body.name || body.candidates.iter().any(|c| c.name == name) {
                continue;
            }
            body.candidates.push(Candidate {
                name: name.to_owned(),
                code: former_icb_code("", name, as_at).map(str::to_owned),
                why: why.clone(),
            });
        }
    }
}

/// England–Wales cross-border NHS responsibility is not settled.
fn flag_cross_border(out: &mut Outcome) {
    out.flag(
        FlagId::CrossBorderNhs,
        FlagKind::Uncertain,
        messages::text("flag.cross_border_nhs"),
        None,
        &[MHA_1983_S117_3, SI_2022_635],
    );
}
