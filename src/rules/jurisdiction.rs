//! Jurisdiction: section 117 is part of the Mental Health Act 1983, which applies in England and Wales.
//!
//! # Interpretation
//!
//! Detention in Scotland is under the Mental Health (Care and Treatment) (Scotland) Act 2003, whose
//! after-care duties (ss.25-27) are different and have no equivalent of the free after-care rule in *Stennett*.
//! Detention in Northern Ireland is under the Mental Health (Northern Ireland) Order 1986, which has no
//! equivalent of s.117 that the research found. If every stay was under those laws, the checker says so and
//! points to advice there. Stays there are otherwise left out of the reckoning, with a flag.
//!
//! # Open questions
//!
//! Patients transferred into England or Wales under Part VI (ss.80-85A) are treated "as if" detained under
//! the corresponding English provision; that s.117 then applies is reasoned, not confirmed. A transfer is
//! entered as the English section it became, and the flag asks the person to check.

use super::Outcome;
use crate::case::{Case, Jurisdiction};
use crate::decision::{Entitlement, Finding, FlagId, FlagKind, RuleId};
use crate::messages;
use crate::sources::{MHA_1983_S117_1, MHCTSA_2003, MHNIO_1986, MWC_SCOTLAND, RQIA_NI};

/// Does the Mental Health Act 1983 apply to a hospital in this jurisdiction?
pub fn is_mha_1983(place: Jurisdiction) -> bool {
    match place {
        Jurisdiction::England | Jurisdiction::Wales => true,
        Jurisdiction::Scotland | Jurisdiction::NorthernIreland => false,
    }
}

/// Decides whether the case is within s.117 at all.
pub fn decide(case: &Case, out: &mut Outcome) {
    if case.detentions.is_empty() {
        out.reason(
            RuleId::Jurisdiction,
            Finding::NotMet,
            messages::text("reason.jurisdiction.no_detentions"),
            &[MHA_1983_S117_1],
        );
        out.settle(Entitlement::NotEntitled);
        return;
    }
    let elsewhere: Vec<Jurisdiction> = case
        .detentions
        .iter()
        .map(|d| d.detained_in)
        .filter(|j| !is_mha_1983(*j))
        .collect();
    let scotland = elsewhere.contains(&Jurisdiction::Scotland);
    let northern_ireland = elsewhere.contains(&Jurisdiction::NorthernIreland);
    let mut cites = vec![MHA_1983_S117_1];
    let mut advice = Vec::new();
    if scotland {
        cites.extend([MHCTSA_2003, MWC_SCOTLAND]);
        advice.push(messages::text("part.jurisdiction.advice.scotland"));
    }
    if northern_ireland {
        cites.extend([MHNIO_1986, RQIA_NI]);
        advice.push(messages::text("part.jurisdiction.advice.northern_ireland"));
    }
    let advice = advice.join("; ");
    let advice = [("advice", advice.as_str())];
    if elsewhere.len() == case.detentions.len() {
        out.reason(
            RuleId::Jurisdiction,
            Finding::NotMet,
            messages::fill("reason.jurisdiction.all_elsewhere", &advice),
            &cites,
        );
        out.settle(Entitlement::OutOfScope);
        return;
    }
    out.reason(
        RuleId::Jurisdiction,
        Finding::Met,
        messages::text("reason.jurisdiction.met"),
        &[MHA_1983_S117_1],
    );
    if !elsewhere.is_empty() {
        out.flag(
            FlagId::OtherJurisdictionStays,
            FlagKind::Uncertain,
            messages::fill("flag.other_jurisdiction_stays", &advice),
            None,
            &cites,
        );
    }
}
