//! England before 1 July 2022: primary care trusts (before April 2013) and clinical commissioning groups (by GP
//! registration from April 2013, SI 2012/2996 reg. 14; by the s.117(3) area from April 2016), described by the
//! rule that applied, since the reference data cannot name them.

// The parent module's imports and items, and its other parts as it imports them.
use super::*;

/// Which rule named the NHS body before 1 July 2022.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CcgRule {
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
pub(super) fn ccg_rule(as_at: NaiveDate, arose: Option<NaiveDate>) -> CcgRule {
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
pub(super) fn decide_before_icbs(
    case: &Case,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let area = council.map_or_else(
        || messages::say("part.the_council_you_lived_in"),
        |c| c.name.to_owned(),
    );
    let area = [("council", area.as_str())];
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
                messages::say("body.responsible_nhs_body.primary_care_trust").to_owned(),
                &[MHA_1983_S117_3],
            ),
            CcgRule::GpPractice => (
                messages::say("part.nhs_body.ccg_of_gp").to_owned(),
                messages::say("body.responsible_nhs_body.ccg_of_gp").to_owned(),
                &[SI_2012_2996_REG_14],
            ),
            CcgRule::GpPracticeKept => (
                messages::say("part.nhs_body.ccg_of_gp_kept").to_owned(),
                messages::say("body.responsible_nhs_body.ccg_of_gp_kept").to_owned(),
                &[SI_2012_2996_REG_14, MHA_1983_S117_3],
            ),
            CcgRule::Area => (
                messages::fill("part.nhs_body.ccg_of_area", &area),
                messages::say("body.responsible_nhs_body.ccg_of_area").to_owned(),
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
        why = messages::say("body.responsible_nhs_body.ccg_of_gp_kept.alone").to_owned();
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
        let dates = crate::rules::qualifying_detention::join_and(&dates);
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
