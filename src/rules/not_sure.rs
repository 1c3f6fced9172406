//! Questions the person answered "not sure" ([`NotSure`]): each is read as its default (no further stay, a new
//! detention rather than a recall, after-care still running, no further charge, not a lawful top-up), and the
//! decision says what to ask for to settle it.
//!
//! # Interpretation
//!
//! - After-care continues until the council and the NHS body are both satisfied that the person no longer needs it
//!   (s.117(2)); not knowing of such a decision, the duty is treated as running, and the person asks whether a joint
//!   written decision was made.
//! - A later detention under a qualifying section ends the duty and starts a new one, owed by the council for where
//!   the person lived immediately before it (*Worcestershire* \[2023\] UKSC 31; s.117(3)); not knowing whether there
//!   was one, the person asks for their records (UK GDPR art. 15).
//! - A recall from a community treatment order that was not revoked is not a new detention (s.17A and the rules in
//!   [`super::qualifying_detention`]); not knowing, the stay is read as a new detention, and the person asks which it
//!   was.
//! - No charge may be made for after-care (*Stennett* \[2002\] UKHL 34); not knowing whether they paid, the person
//!   asks for the council's financial assessment and statement of charges.
//! - A top-up for a dearer placement the person chose is lawful only under a written agreement (s.117A and, in
//!   England, SI 2014/2670 reg. 4); not knowing, the charge is read as not a top-up.
//!
//! # Open questions
//!
//! None recorded.

use super::Outcome;
use crate::case::{Case, NotSure};
use crate::decision::{FlagId, FlagKind};
use crate::messages;
use crate::sources::{
    MHA_1983_S117A, MHA_1983_S117_1, MHA_1983_S117_2, MHA_1983_S117_3, MHA_1983_S17A,
    SI_2014_2670_REG_4, STENNETT_2002, UK_GDPR_ART_15, WORCESTERSHIRE_2023,
};

/// Says, for each question answered "not sure", how it was read and what to ask for.
pub fn decide(case: &Case, out: &mut Outcome) {
    for not_sure in &case.not_sure {
        match *not_sure {
            NotSure::AnotherStay => out.flag(
                FlagId::AskWhetherReadmitted,
                FlagKind::Uncertain,
                messages::say("flag.not_sure.another_stay"),
                None,
                &[MHA_1983_S117_3, WORCESTERSHIRE_2023, UK_GDPR_ART_15],
            ),
            NotSure::Recall(index) => {
                let Some(d) = case.detentions.get(index) else {
                    continue;
                };
                let stay = super::qualifying_detention::your_stay(d);
                out.flag(
                    FlagId::AskWhetherRecalled,
                    FlagKind::Uncertain,
                    messages::fill("flag.not_sure.recall", &[("stay", &stay)]),
                    d.admitted,
                    &[MHA_1983_S117_1, MHA_1983_S17A],
                );
            }
            NotSure::AftercareEnded => out.flag(
                FlagId::AskForEndingDecision,
                FlagKind::Uncertain,
                messages::say("flag.not_sure.aftercare_ended"),
                None,
                &[MHA_1983_S117_2],
            ),
            NotSure::Charged => out.flag(
                FlagId::AskForFinancialRecords,
                FlagKind::Uncertain,
                messages::say("flag.not_sure.charged"),
                None,
                &[STENNETT_2002, UK_GDPR_ART_15],
            ),
            NotSure::TopUp(index) => {
                let Some(charge) = case.charges.get(index) else {
                    continue;
                };
                let what = charge
                    .what
                    .as_deref()
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .unwrap_or_else(|| messages::text("refund.what.unknown"));
                out.flag(
                    FlagId::AskForTopUpAgreement,
                    FlagKind::Uncertain,
                    messages::fill("flag.not_sure.top_up", &[("what", what)]),
                    charge.since,
                    &[MHA_1983_S117A, SI_2014_2670_REG_4],
                );
            }
        }
    }
}
