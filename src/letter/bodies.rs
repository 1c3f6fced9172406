//! Point 2 of the requests: which council and NHS body hold the duty, on what basis, and why it may be
//! uncertain; and what to do if they say another body holds it.

use super::compose::{Audience, Composer, Mode};
use super::field;
use super::voice::cap;
use crate::case::{Country, Recall};
use crate::decision::{Body, BodyKind, Finding, FlagId, RuleId};
use crate::sources::{
    HCA_2022_SCH_4, MHA_1983_S117_3, MHA_1983_S117_4, SI_2022_635, SI_2022_635_REG_8,
    SUNDERLAND_2012, WHO_PAYS, WILTSHIRE_2014, WORCESTERSHIRE_2023,
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
                (Some(c), Some(n)) if council_sure && nhs_sure => format!(
                    "confirm that {c} and {n} are the council and the NHS body that {hold} this duty, and on what basis."
                ),
                _ => format!("confirm which council and which NHS body {hold} this duty, and on what basis."),
            },
            (true, false) => {
                // One of two letters, with the other side named for sure: ask to confirm it, not to name it.
                let shares = match name(&nhs) {
                    Some(n) if paired && nhs_sure => format!("confirm that {n} shares it"),
                    _ => "tell me which NHS body shares it".to_owned(),
                };
                match name(&council) {
                    Some(c) if council_sure => format!(
                        "confirm that {c} is the council that {holds} this duty, and on what basis, and {shares}."
                    ),
                    _ => format!(
                        "confirm which council {holds} this duty, and on what basis, and {shares}."
                    ),
                }
            }
            (false, _) => {
                let shares = match name(&council) {
                    Some(c) if paired && council_sure => format!("confirm that {c} shares it"),
                    _ => "tell me which council shares it".to_owned(),
                };
                match name(&nhs) {
                    Some(n) if nhs_sure => format!(
                        "confirm that {n} is the NHS body that {holds} this duty, and on what basis, and {shares}."
                    ),
                    _ => format!(
                        "confirm which NHS body {holds} this duty, and on what basis, and {shares}."
                    ),
                }
            }
        };
        let mut text = self.please(&ask);
        text.push_str(&self.council_basis());
        text.push_str(&self.nhs_basis(nhs.as_ref()));

        let council_doubt = to_council && !council_sure && council.is_some();
        if !council_doubt {
            // The council is named with confidence, but who arranged where the person lived is still asked.
            if let Some(question) = self.placement_question() {
                text.push(' ');
                text.push_str(&question);
            }
        }
        let nhs_doubt = to_nhs && !nhs_sure && nhs.is_some();
        if council_doubt || nhs_doubt {
            let which = match (council_doubt, nhs_doubt) {
                (true, true) => "council or which NHS body",
                (true, false) => "council",
                _ => "NHS body",
            };
            text.push_str(&format!(
                " I am not certain which {which} {holds} the duty."
            ));
            let mut reasons = Vec::new();
            if council_doubt {
                reasons.extend(self.council_doubts(council.as_ref()));
            }
            if nhs_doubt {
                reasons.extend(self.nhs_doubts());
            }
            if reasons.is_empty() {
                reasons.push("I cannot be sure from the information I have.".into());
            }
            for r in reasons {
                text.push(' ');
                text.push_str(&r);
            }
            if self.has_alternatives() {
                text.push_str(&format!(
                    " That is why this letter goes to each body that may hold the duty. Please agree between you which of you {holds} it, and confirm that to me in writing."
                ));
            }
            if self.mode != Mode::Ended {
                text.push_str(" If you do not hold the duty, please pass this letter to the body that does, and tell me you have done so.");
            }
        }
        text
    }

    /// "hold"/"holds", "will hold", or "held", for the plural and singular.
    pub(super) fn hold(&self) -> (&'static str, &'static str) {
        match self.mode {
            Mode::OnLeaving => ("will hold", "will hold"),
            Mode::Ended => ("held", "held"),
            _ => ("hold", "holds"),
        }
    }

    /// Our understanding of why the council is responsible.
    pub(super) fn council_basis(&mut self) -> String {
        let v = self.voice.clone();
        let (n, they, were) = (&v.n, v.they, v.was_they());
        let s117_3 = self.cite(&[MHA_1983_S117_3]);
        match self.qualifying.map(|d| d.lived_before.country) {
            Some(Country::England | Country::Wales) | None => {
                if let Some((original, imposed)) = self.original_council_after_imposed_recall() {
                    // The decision names the council from before the original detention (*Wiltshire*), not the
                    // one for where the person lived before the recall, so the letter says why, rather than
                    // stating the general *Worcestershire* rule that would point the other way.
                    let worcestershire = self.cite(&[WORCESTERSHIRE_2023]);
                    let wiltshire = self.cite(&[WILTSHIRE_2014]);
                    let (their, lower_they) = (v.their, v.they);
                    let lived = imposed.map_or_else(
                        || format!("{lower_they} lived where {lower_they} did"),
                        |name| format!("{lower_they} lived in the area of {name}"),
                    );
                    return format!(
                        " As I understand it, the council is the one for the area where {n} was ordinarily resident immediately before being detained{s117_3}. When a person is detained again, that usually means where they lived immediately before the latest detention{worcestershire}. But before the recall {lived} only because a condition of {their} conditional discharge required it, and a home imposed in that way is probably not ordinary residence{wiltshire}. So I believe that {original}, the council for where {lower_they} lived before {their} original detention, remains responsible."
                    );
                }
                let mut basis = format!(
                    " As I understand it, the council is the one for the area where {n} was ordinarily resident immediately before the detention described in point 1{s117_3}."
                );
                if self.readmitted {
                    basis.push_str(&format!(
                        " Because {they} {were} detained again, that means where {they} lived immediately before the latest detention, not the first{}.",
                        self.cite(&[WORCESTERSHIRE_2023])
                    ));
                }
                basis
            }
            Some(_) => format!(
                " As I understand it, because {n} had no settled home in England or Wales immediately before the detention, the council is the one for the area where {they} now live or to which {they} {were} sent on leaving hospital{s117_3}."
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

    /// Our understanding of why the NHS body is responsible.
    pub(super) fn nhs_basis(&mut self, nhs: Option<&Body>) -> String {
        let welsh = self.nations() == (false, true);
        match nhs.map(|b| b.kind) {
            Some(BodyKind::IntegratedCareBoard) | None if !welsh => {
                self.record(SI_2022_635);
                let mut basis = format!(
                    " The integrated care board is the one made responsible by the {}",
                    SI_2022_635.label
                );
                if self.readmitted {
                    basis.push_str(&format!(
                        ". It does not change when a person is detained again while receiving after-care, so it can be in a different area from the council{}.",
                        self.cite(&[WHO_PAYS])
                    ));
                } else {
                    basis.push('.');
                }
                basis
            }
            Some(BodyKind::IntegratedCareBoard | BodyKind::LocalHealthBoard) | None => format!(
                " In Wales the NHS body is the local health board for the same area{}.",
                self.cite(&[MHA_1983_S117_3])
            ),
            Some(BodyKind::NhsEngland) => {
                let icb = nhs
                    .and_then(|b| b.candidates.first())
                    .map_or_else(|| "the integrated care board".to_owned(), |c| c.name.clone());
                format!(
                    " NHS England holds the NHS duty for after-care that is a specialised service{}, and {icb} holds it for the rest{}.",
                    self.cite(&[SI_2022_635_REG_8]),
                    self.cite(&[SI_2022_635])
                )
            }
            Some(BodyKind::ClinicalCommissioningGroup) => format!(
                " The NHS duty lay with a clinical commissioning group, whose duties passed to integrated care boards on 1 July 2022{}.",
                self.cite(&[HCA_2022_SCH_4])
            ),
            Some(BodyKind::EnglishCouncil | BodyKind::WelshCouncil | BodyKind::Council) => String::new(),
        }
    }

    /// What to do if they say another body holds the duty.
    pub(super) fn dispute_request(&mut self) -> String {
        let v = self.voice.clone();
        let n_poss = &v.n_poss;
        let (_, holds) = self.hold();
        let meanwhile = if self.mode == Mode::OnLeaving {
            format!(
                "that planning for {n_poss} after-care will not be delayed while that is settled"
            )
        } else {
            format!(
                "that {n_poss} after-care will continue without interruption while that is settled"
            )
        };
        format!(
            "If you consider that a different council or NHS body {holds} the duty, please tell me which one and why, and confirm {meanwhile}. If the question is between councils, please also tell me whether it has been referred for a decision to the Secretary of State or the Welsh Ministers{}.",
            self.cite(&[MHA_1983_S117_4])
        )
    }

    /// Why the council is uncertain, in the letter's voice.
    pub(super) fn council_doubts(&mut self, council: Option<&Body>) -> Vec<String> {
        let mut out = Vec::new();
        let v = self.voice.clone();
        let (they, lower_they, them, their, were) =
            (cap(v.they), v.they, v.them, v.their, v.was_they());
        let lived = self.qualifying.map(|d| &d.lived_before);
        let here = council.map_or_else(|| "the council".to_owned(), |b| b.name.clone());
        if self.has(FlagId::PlacedOutOfArea) {
            let placer = lived.and_then(|l| field(l.placed_by.as_ref())).map_or_else(
                || "another council".to_owned(),
                |p| self.placed_by(self.decision.qualifying_detention, p),
            );
            let capacity = if lived.and_then(|l| l.lacked_capacity) == Some(true) {
                format!(", as {lower_they} lacked the capacity to decide where to live")
            } else {
                String::new()
            };
            out.push(format!(
                "Before the detention, {lower_they} lived in {here}'s area because {placer} placed {them} there{capacity}. Where someone placed in that way is ordinarily resident depends on the facts, and {placer} may still be responsible{}.",
                self.cite(&[WORCESTERSHIRE_2023])
            ));
        }
        let original = self.original_council_after_imposed_recall();
        if let Some((_, imposed)) = &original {
            // The basis already gives the reasons (*Wiltshire*); the doubt is the other way round.
            let instead = imposed.as_ref().map_or_else(
                || format!("the council for where {lower_they} lived before the recall"),
                Clone::clone,
            );
            out.push(format!(
                "Since the Worcestershire case, the courts have not decided whether a home imposed by a discharge condition counts as ordinary residence. If it does, {instead} holds the duty instead."
            ));
        } else if self.has(FlagId::ResidenceImposedByCondition) {
            let before = if self.qualifying.and_then(|d| d.recall)
                == Some(Recall::ConditionalDischargeRecall)
            {
                "the recall"
            } else {
                "the detention"
            };
            out.push(format!(
                "Before {before}, {lower_they} lived in {here}'s area because a condition of {their} conditional discharge required it. A home imposed in that way may not count as ordinary residence, so the council for where {lower_they} lived before the original detention may be responsible instead{}.",
                self.cite(&[WILTSHIRE_2014])
            ));
        }
        if self.has(FlagId::ResidentInHospital) {
            out.push(format!(
                "Before the detention {lower_they} {were} an informal patient in hospital and had lost {their} previous home, which can make the council for the hospital's area responsible{}.",
                self.cite(&[SUNDERLAND_2012])
            ));
        }
        if self.has(FlagId::CtoRevocationUncertain) {
            out.push(format!(
                "{} community treatment order was revoked. The courts have not settled whether responsibility then follows where {lower_they} lived just before the revocation or stays with the council from the original detention.",
                cap(their)
            ));
        }
        // With an imposed home the sentences above already say that the original council may hold the duty.
        if self.has(FlagId::ConditionalDischargeRecall)
            && !self.has(FlagId::ResidenceImposedByCondition)
        {
            out.push(format!(
                "{they} {were} recalled to hospital from a conditional discharge. If a condition of that discharge decided where {lower_they} lived before the recall, the council from the original detention may remain responsible{}.",
                self.cite(&[WILTSHIRE_2014])
            ));
        }
        if self.has(FlagId::S2ConvertedToS3) {
            out.push(format!(
                "While receiving after-care, {lower_they} {were} admitted under section 2, which then became section 3. It is not settled whether the council is decided by where {lower_they} lived before the section 2 or before the section 3."
            ));
        }
        if self.has(FlagId::UnknownSection) && self.later_unknown_section() {
            out.push(format!(
                "After that detention, {lower_they} {were} in hospital again under a section I do not know. If that stay was a new detention under section 3, 37, 45A, 47 or 48, the council for where {lower_they} lived immediately before it may hold the duty instead{}.",
                self.cite(&[WORCESTERSHIRE_2023])
            ));
        }
        out.extend(self.placement_question());
        if self.has(FlagId::UnrecognisedCouncil) {
            out.push("I have given the council's name as I know it.".into());
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
        let (n, lower_they, them, were) = (cap(&v.n), v.they, v.them, v.was_they());
        let here = self
            .decision
            .council
            .as_ref()
            .map_or_else(|| "the council".to_owned(), |b| b.name.clone());
        let worcestershire = self.cite(&[WORCESTERSHIRE_2023]);
        let s117_3 = self.cite(&[MHA_1983_S117_3]);
        Some(format!(
            "{n} lacked the capacity to decide where to live, so where {lower_they} {were} ordinarily resident depends on the decision made for {them} about where {lower_they} lived{worcestershire}. I do not know who arranged for {them} to live in {here}'s area. Please tell me whether any council arranged that before the detention, and if so which one, because that can affect which council holds the duty{s117_3}."
        ))
    }

    /// Why the NHS body is uncertain, in the letter's voice.
    pub(super) fn nhs_doubts(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        let v = self.voice.clone();
        let (they, their, were) = (cap(v.they), v.their, v.was_they());
        let body = self.decision.nhs_body.as_ref();
        let kind = body.map(|b| b.kind);
        if self.has(FlagId::NhsBodyFromCouncilArea) {
            out.push(if kind == Some(BodyKind::ClinicalCommissioningGroup) {
                "Before July 2022 the NHS duty lay with a clinical commissioning group, which I cannot name with certainty.".into()
            } else {
                format!("The integrated care board depends on which board {their} GP practice belonged to at the relevant time. I do not know which that was, so I have written to the board for the council's area.")
            });
        } else if kind == Some(BodyKind::IntegratedCareBoard) && self.began_before_icbs() {
            out.push(format!(
                "{} after-care comes from a detention that began before 1 July 2022, so the integrated care board is the one {their} GP practice belonged to on that date. I have named the board I believe that was.",
                cap(their)
            ));
        }
        if self.has(FlagId::SplitNhsArea) {
            out.push(
                "The council's area is covered by more than one integrated care board.".into(),
            );
        }
        if self.has(FlagId::Part3NhsBodyUncertain) {
            out.push(format!(
                "{they} {were} detained under a court or prison section, and the regulations do not clearly say which integrated care board is then responsible{}.",
                self.cite(&[WHO_PAYS])
            ));
        }
        if self.has(FlagId::CrossBorderNhs) {
            out.push(format!(
                "{} home and {their} GP practice were on different sides of the border between England and Wales, so either an integrated care board or a local health board may be responsible.",
                cap(their)
            ));
        }
        if self.has(FlagId::UnrecognisedNhsBody) {
            out.push("I have given the integrated care board's name as I know it.".into());
        }
        if self.has(FlagId::NhsBodyMerged) && body.is_some_and(|b| !b.candidates.is_empty()) {
            out.push(
                "The integrated care board has since merged, and its area was divided between boards.".into(),
            );
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
