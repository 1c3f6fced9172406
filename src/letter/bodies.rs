//! Point 2 of the requests: which council and NHS body hold the duty, on what basis, and why it may be
//! uncertain (the doubts are in [`super::doubts`]); and what to do if they say another body holds it.

use super::compose::{Audience, Composer, Mode};
use super::field;
use super::voice::sentences;
use crate::case::{Country, Recall};
use crate::decision::{Body, BodyKind, FlagId};
use crate::messages;
use crate::sources::{
    HCA_2022_SCH_4, MHA_1983_S117_3, MHA_1983_S117_4, SI_2022_635, SI_2022_635_REG_8, WHO_PAYS,
    WILTSHIRE_2014, WORCESTERSHIRE_2023,
};

impl Composer<'_> {
    /// Which council and NHS body hold the duty, on what basis, and why it may be uncertain.
    pub(super) fn responsibility_request(&mut self) -> String {
        let council = self.decision.council.clone();
        let nhs = self.decision.nhs_body.clone();
        let sure = |b: &Option<Body>| {
            b.as_ref()
                .is_some_and(|b| b.certain && b.candidates.is_empty())
        };
        let council_sure = sure(&council);
        let nhs_sure = sure(&nhs)
            || nhs
                .as_ref()
                .is_some_and(|b| b.kind == BodyKind::NhsEngland && b.certain);
        let (hold, holds) = self.hold();
        let Audience {
            council: to_council,
            nhs: to_nhs,
            paired,
        } = self.audience;
        let name = |b: &Option<Body>| b.as_ref().map(|b| b.name.clone());
        let ask = match (to_council, to_nhs) {
            (true, true) => match (name(&council), name(&nhs)) {
                (Some(c), Some(n)) if council_sure && nhs_sure => messages::fill(
                    "letter.bodies.ask.both_named",
                    &[("council", &c), ("nhs", &n), ("hold", hold)],
                ),
                _ => messages::fill("letter.bodies.ask.both", &[("hold", hold)]),
            },
            (true, false) => {
                // One of two letters, with the other side named for sure: ask to confirm it, not to name it.
                let shares = match name(&nhs) {
                    Some(n) if paired && nhs_sure => {
                        messages::fill("letter.bodies.shares.nhs_named", &[("nhs", &n)])
                    }
                    _ => messages::text("letter.bodies.shares.nhs").to_owned(),
                };
                match name(&council) {
                    Some(c) if council_sure => messages::fill(
                        "letter.bodies.ask.council_named",
                        &[("council", &c), ("holds", holds), ("shares", &shares)],
                    ),
                    _ => messages::fill(
                        "letter.bodies.ask.council",
                        &[("holds", holds), ("shares", &shares)],
                    ),
                }
            }
            (false, _) => {
                let shares = match name(&council) {
                    Some(c) if paired && council_sure => {
                        messages::fill("letter.bodies.shares.council_named", &[("council", &c)])
                    }
                    _ => messages::text("letter.bodies.shares.council").to_owned(),
                };
                match name(&nhs) {
                    Some(n) if nhs_sure => messages::fill(
                        "letter.bodies.ask.nhs_named",
                        &[("nhs", &n), ("holds", holds), ("shares", &shares)],
                    ),
                    _ => messages::fill(
                        "letter.bodies.ask.nhs",
                        &[("holds", holds), ("shares", &shares)],
                    ),
                }
            }
        };
        let mut parts = vec![self.please(&ask), self.council_basis()];
        parts.push(self.nhs_basis(nhs.as_ref()));

        let council_doubt = to_council && !council_sure && council.is_some();
        if !council_doubt {
            // The council is named with confidence, but who arranged where the person lived is still asked.
            parts.extend(self.placement_question());
        }
        let nhs_doubt = to_nhs && !nhs_sure && nhs.is_some();
        if council_doubt || nhs_doubt {
            parts.push(match (council_doubt, nhs_doubt) {
                (true, true) => {
                    messages::fill("letter.bodies.not_certain.both", &[("holds", holds)])
                }
                (true, false) => {
                    messages::fill("letter.bodies.not_certain.council", &[("holds", holds)])
                }
                _ => messages::fill("letter.bodies.not_certain.nhs", &[("holds", holds)]),
            });
            let mut reasons = Vec::new();
            if council_doubt {
                reasons.extend(self.council_doubts(council.as_ref()));
            }
            if nhs_doubt {
                reasons.extend(self.nhs_doubts());
            }
            if reasons.is_empty() {
                reasons.push(messages::text("letter.bodies.not_certain.no_reason").into());
            }
            parts.extend(reasons);
            if self.has_alternatives() {
                parts.push(messages::fill(
                    "letter.bodies.agree_between_you",
                    &[("holds", holds)],
                ));
            }
            if self.mode != Mode::Ended {
                parts.push(messages::text("letter.bodies.pass_it_on").into());
            }
        }
        sentences(&parts)
    }

    /// "hold"/"holds", "will hold", or "held", for the plural and singular.
    pub(super) fn hold(&self) -> (&'static str, &'static str) {
        match self.mode {
            Mode::OnLeaving => (
                messages::text("letter.bodies.hold.on_leaving"),
                messages::text("letter.bodies.hold.on_leaving"),
            ),
            Mode::Ended => (
                messages::text("letter.bodies.hold.ended"),
                messages::text("letter.bodies.hold.ended"),
            ),
            _ => (
                messages::text("letter.bodies.hold.plural"),
                messages::text("letter.bodies.hold.singular"),
            ),
        }
    }

    /// Our understanding of why the council is responsible.
    pub(super) fn council_basis(&mut self) -> String {
        let v = self.voice.clone();
        let s117_3 = self.cite(&[MHA_1983_S117_3]);
        match self.qualifying.map(|d| d.lived_before.country) {
            Some(Country::England | Country::Wales) | None => {
                if let Some((original, imposed)) = self.original_council_after_imposed_recall() {
                    // The decision names the council from before the original detention (*Wiltshire*), not the
                    // one for where the person lived before the recall, so the letter says why, rather than
                    // stating the general *Worcestershire* rule that would point the other way.
                    let worcestershire = self.cite(&[WORCESTERSHIRE_2023]);
                    let wiltshire = self.cite(&[WILTSHIRE_2014]);
                    let lived = match imposed {
                        Some(name) => messages::fill(
                            "letter.bodies.basis.lived_in_council",
                            &v.slots(&[("council", &name)]),
                        ),
                        None => messages::fill("letter.bodies.basis.lived_where", &v.slots(&[])),
                    };
                    return messages::fill(
                        "letter.bodies.basis.imposed_recall",
                        &v.slots(&[
                            ("s117_3", &s117_3),
                            ("worcestershire", &worcestershire),
                            ("wiltshire", &wiltshire),
                            ("lived", &lived),
                            ("original", &original),
                        ]),
                    );
                }
                let basis =
                    messages::fill("letter.bodies.basis.council", &v.slots(&[("law", &s117_3)]));
                if self.readmitted {
                    let law = self.cite(&[WORCESTERSHIRE_2023]);
                    let again = messages::fill(
                        "letter.bodies.basis.readmitted",
                        &v.slots(&[("law", &law)]),
                    );
                    sentences(&[basis, again])
                } else {
                    basis
                }
            }
            Some(_) => messages::fill(
                "letter.bodies.basis.no_settled_home",
                &v.slots(&[("law", &s117_3)]),
            ),
        }
    }

    /// When the decision names the council from before the original detention because the person's home before
    /// a recall from conditional discharge was imposed by a discharge condition (*Wiltshire*): that council's
    /// name, and the council for where the person lived before the recall, if given. `None` in every other case,
    /// including when the decision could not name the original council and named the imposed one instead.
    pub(super) fn original_council_after_imposed_recall(&self) -> Option<(String, Option<String>)> {
        let d = self.qualifying?;
        if !self.readmitted
            || !self.has(FlagId::ResidenceImposedByCondition)
            || d.recall != Some(Recall::ConditionalDischargeRecall)
        {
            return None;
        }
        let council = self.decision.council.as_ref()?;
        let imposed = field(d.lived_before.council.as_ref())
            .map(|t| self.council_lived_in(self.decision.qualifying_detention, t));
        if imposed.as_deref() == Some(council.name.as_str()) {
            return None;
        }
        Some((council.name.clone(), imposed))
    }

    /// Our understanding of why the NHS body is responsible; empty when there is nothing to say.
    pub(super) fn nhs_basis(&mut self, nhs: Option<&Body>) -> String {
        let welsh = self.nations() == (false, true);
        match nhs.map(|b| b.kind) {
            Some(BodyKind::IntegratedCareBoard) | None if !welsh => {
                self.record(SI_2022_635);
                let regulations = SI_2022_635.label;
                if self.readmitted {
                    let law = self.cite(&[WHO_PAYS]);
                    messages::fill(
                        "letter.bodies.basis.icb_readmitted",
                        &[("regulations", regulations), ("law", &law)],
                    )
                } else {
                    messages::fill("letter.bodies.basis.icb", &[("regulations", regulations)])
                }
            }
            Some(BodyKind::IntegratedCareBoard | BodyKind::LocalHealthBoard) | None => {
                let law = self.cite(&[MHA_1983_S117_3]);
                messages::fill("letter.bodies.basis.wales", &[("law", &law)])
            }
            Some(BodyKind::NhsEngland) => {
                let icb = nhs.and_then(|b| b.candidates.first()).map_or_else(
                    || messages::text("letter.bodies.the_icb").to_owned(),
                    |c| c.name.clone(),
                );
                let reg_8 = self.cite(&[SI_2022_635_REG_8]);
                let law = self.cite(&[SI_2022_635]);
                messages::fill(
                    "letter.bodies.basis.nhs_england",
                    &[("reg_8", &reg_8), ("icb", &icb), ("law", &law)],
                )
            }
            Some(BodyKind::ClinicalCommissioningGroup) => {
                let law = self.cite(&[HCA_2022_SCH_4]);
                messages::fill("letter.bodies.basis.ccg", &[("law", &law)])
            }
            Some(BodyKind::EnglishCouncil | BodyKind::WelshCouncil | BodyKind::Council) => {
                String::new()
            }
        }
    }

    /// What to do if they say another body holds the duty.
    pub(super) fn dispute_request(&mut self) -> String {
        let v = self.voice.clone();
        let (_, holds) = self.hold();
        let law = self.cite(&[MHA_1983_S117_4]);
        let values = [("holds", holds), ("law", law.as_str())];
        if self.mode == Mode::OnLeaving {
            messages::fill("letter.bodies.dispute.on_leaving", &v.slots(&values))
        } else {
            messages::fill("letter.bodies.dispute", &v.slots(&values))
        }
    }
}
