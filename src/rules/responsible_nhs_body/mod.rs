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
//! # Parts
//!
//! This module holds the entry point ([`decide`]), the dates the rules turn on and the check dated either side of
//! 1 July 2022. The rest is split by concept: `wales` (local health boards and the England–Wales border),
//! `before_icbs` (primary care trusts and clinical commissioning groups), `icb_rules` (which rule of SI 2022/635
//! applies to the run of detentions, NHS England secure services among them: `england_run`), `england` (the ICB
//! named by those rules), `boundary_changes` (ICBs by name through mergers and divisions) and `gp_facts` (the GP
//! facts the rules read, [`gp_facts`], for the interview).
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

mod before_icbs;
mod boundary_changes;
mod england;
mod gp_facts;
mod icb_rules;
mod wales;

use before_icbs::decide_before_icbs;
use boundary_changes::{former_icb_code, resolve_icb_at};
use england::decide_england;
pub use gp_facts::{gp_facts, is_welsh_nhs, GpFact};
pub(crate) use icb_rules::{england_run, EnglandRun, IcbPeriod};
use icb_rules::{icb_rule, IcbRule, Run};
use wales::{decide_wales, flag_cross_border};

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
