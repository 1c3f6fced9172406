//! Why point 2 may be uncertain: the reasons the council or the NHS body named may not hold the duty, in the
//! letter's voice, each citing what the Decision's flag cites; and the question about who arranged where the
//! person lived.

use super::compose::Composer;
use super::field;
use crate::case::Recall;
use crate::decision::{Body, BodyKind, Finding, FlagId, RuleId};
use crate::messages;
use crate::sources::{
    MHA_1983_S117_3, SUNDERLAND_2012, WHO_PAYS, WILTSHIRE_2014, WORCESTERSHIRE_2023,
};

impl Composer<'_> {
    /// Why the council is uncertain, in the letter's voice.
    pub(super) fn council_doubts(&mut self, council: Option<&Body>) -> Vec<String> {
        let mut out = Vec::new();
        let v = self.voice.clone();
        let lived = self.qualifying.map(|d| &d.lived_before);
        let here = council.map_or_else(
            || messages::text("letter.opening.the_council").to_owned(),
            |b| b.name.clone(),
        );
        if self.has(FlagId::PlacedOutOfArea) {
            let placer = lived.and_then(|l| field(l.placed_by.as_ref())).map_or_else(
                || messages::text("letter.doubts.another_council").to_owned(),
                |p| self.placed_by(self.decision.qualifying_detention, p),
            );
            let law = self.cite(&[WORCESTERSHIRE_2023]);
            let values = [
                ("here", here.as_str()),
                ("placer", placer.as_str()),
                ("law", law.as_str()),
            ];
            out.push(if lived.and_then(|l| l.lacked_capacity) == Some(true) {
                messages::fill("letter.doubts.placed_lacking_capacity", &v.slots(&values))
            } else {
                messages::fill("letter.doubts.placed", &v.slots(&values))
            });
        }
        let original = self.original_council_after_imposed_recall();
        if let Some((_, imposed)) = &original {
            // The basis already gives the reasons (*Wiltshire*); the doubt is the other way round.
            let instead = imposed.as_ref().map_or_else(
                || messages::fill("letter.doubts.council_before_recall", &v.slots(&[])),
                Clone::clone,
            );
            out.push(messages::fill(
                "letter.doubts.imposed_home_unsettled",
                &[("instead", &instead)],
            ));
        } else if self.has(FlagId::ResidenceImposedByCondition) {
            let law = self.cite(&[WILTSHIRE_2014]);
            let values = [("here", here.as_str()), ("law", law.as_str())];
            let recall =
                self.qualifying.and_then(|d| d.recall) == Some(Recall::ConditionalDischargeRecall);
            out.push(if recall {
                messages::fill("letter.doubts.imposed_before_recall", &v.slots(&values))
            } else {
                messages::fill("letter.doubts.imposed_before_detention", &v.slots(&values))
            });
        }
        if self.has(FlagId::ResidentInHospital) {
            let law = self.cite(&[SUNDERLAND_2012]);
            out.push(messages::fill(
                "letter.doubts.resident_in_hospital",
                &v.slots(&[("law", &law)]),
            ));
        }
        if self.has(FlagId::CtoRevocationUncertain) {
            out.push(messages::fill("letter.doubts.cto_revoked", &v.slots(&[])));
        }
        // With an imposed home the sentences above already say that the original council may hold the duty.
        if self.has(FlagId::ConditionalDischargeRecall)
            && !self.has(FlagId::ResidenceImposedByCondition)
        {
            let law = self.cite(&[WILTSHIRE_2014]);
            out.push(messages::fill(
                "letter.doubts.conditional_discharge_recall",
                &v.slots(&[("law", &law)]),
            ));
        }
        if self.has(FlagId::S2ConvertedToS3) {
            out.push(messages::fill("letter.doubts.s2_became_s3", &v.slots(&[])));
        }
        if self.has(FlagId::UnknownSection) && self.later_unknown_section() {
            let law = self.cite(&[WORCESTERSHIRE_2023]);
            out.push(messages::fill(
                "letter.doubts.later_unknown_section",
                &v.slots(&[("law", &law)]),
            ));
        }
        out.extend(self.placement_question());
        if self.has(FlagId::UnrecognisedCouncil) {
            out.push(messages::text("letter.doubts.unrecognised_council").into());
        }
        out
    }

    /// Is there a stay under the Mental Health Act 1983, section not known, after the detention the duty
    /// comes from? The Decision says so with an `unknown` finding on readmission.
    pub(super) fn later_unknown_section(&self) -> bool {
        self.decision
            .reasons
            .iter()
            .any(|r| r.rule == RuleId::Readmission && r.finding == Finding::Unknown)
    }

    /// `placement_facts_needed`: the person lacked capacity to decide where to live, and who arranged where
    /// they lived is not known. Asks the council whether any council arranged it, citing what the flag cites.
    pub(super) fn placement_question(&mut self) -> Option<String> {
        if !self.has(FlagId::PlacementFactsNeeded) || !self.audience.council {
            return None;
        }
        let v = self.voice.clone();
        // The person is named again: the sentence can follow one about a body, where "they" would be unclear.
        let here = self.decision.council.as_ref().map_or_else(
            || messages::text("letter.opening.the_council").to_owned(),
            |b| b.name.clone(),
        );
        let worcestershire = self.cite(&[WORCESTERSHIRE_2023]);
        let s117_3 = self.cite(&[MHA_1983_S117_3]);
        Some(messages::fill(
            "letter.doubts.placement_question",
            &v.slots(&[
                ("here", &here),
                ("worcestershire", &worcestershire),
                ("s117_3", &s117_3),
            ]),
        ))
    }

    /// Why the NHS body is uncertain, in the letter's voice.
    pub(super) fn nhs_doubts(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        let v = self.voice.clone();
        let body = self.decision.nhs_body.as_ref();
        let kind = body.map(|b| b.kind);
        if self.has(FlagId::NhsBodyFromCouncilArea) {
            out.push(if kind == Some(BodyKind::ClinicalCommissioningGroup) {
                messages::text("letter.doubts.ccg_not_named").to_owned()
            } else {
                messages::fill("letter.doubts.icb_from_council_area", &v.slots(&[]))
            });
        } else if kind == Some(BodyKind::IntegratedCareBoard) && self.began_before_icbs() {
            let date = self
                .decision
                .gp_practice_date
                .map(|d| d.long())
                .unwrap_or_default();
            out.push(messages::fill(
                "letter.doubts.icb_on_gp_date",
                &v.slots(&[("date", &date)]),
            ));
        }
        if self.has(FlagId::SplitNhsArea) {
            out.push(messages::text("letter.doubts.split_nhs_area").into());
        }
        if self.has(FlagId::Part3NhsBodyUncertain) {
            let law = self.cite(&[WHO_PAYS]);
            out.push(messages::fill(
                "letter.doubts.court_or_prison_section",
                &v.slots(&[("law", &law)]),
            ));
        }
        if self.has(FlagId::CrossBorderNhs) {
            out.push(messages::fill("letter.doubts.cross_border", &v.slots(&[])));
        }
        if self.has(FlagId::UnrecognisedNhsBody) {
            out.push(messages::text("letter.doubts.unrecognised_nhs_body").into());
        }
        if self.has(FlagId::NhsBodyMerged) && body.is_some_and(|b| !b.candidates.is_empty()) {
            out.push(messages::text("letter.doubts.icb_merged").into());
        }
        out
    }

    /// Did the run of detentions behind the current duty begin before ICBs took over (the Decision's
    /// `gp_practice_date`), with the ICB on that day not given?
    pub(super) fn began_before_icbs(&self) -> bool {
        self.decision.gp_practice_date.is_some()
            && self.request.case.gp_icb_on_1_july_2022.is_none()
    }
}
