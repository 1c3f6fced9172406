//! The optional requests the user chose: direct payments and a personal health budget, an advocate, and a copy
//! of the records.

use super::compose::Composer;
use super::voice::{section_words, sentences};
use crate::case::{Country, Jurisdiction, Leaving};
use crate::decision::BodyKind;
use crate::messages;
use crate::sources::{
    Citation, CARE_ACT_2014_SCH_4, MHA_1983_S117_2C, MHA_1983_S130A, MHA_1983_S130E,
    NHSE_PHB_LEGAL_RIGHTS, SSWBWA_2014_SCH_A1, UK_GDPR_ART_15,
};

impl Composer<'_> {
    /// The optional requests the user chose, each with its legal basis. Budgets are left out when there is no
    /// after-care to pay for.
    pub(super) fn optional_requests(&mut self, budgets: bool) -> Vec<String> {
        let options = self.request.options;
        let mut items = Vec::new();
        if budgets {
            items.extend(self.budget_request());
        }
        if options.advocate {
            items.push(self.advocate_request());
        }
        if options.copy_of_records {
            let law = self.cite(&[UK_GDPR_ART_15]);
            // The one-month time limit is general data protection law, not checked for after-care records
            // (s117-rules.md §5.6 "Data", [U]), so the letter says only what is normally expected.
            items.push(messages::fill(
                "letter.extras.records",
                &self.voice.slots(&[("law", &law)]),
            ));
        }
        items
    }

    /// Direct payments from the council and a personal health budget from the NHS body, if asked for.
    ///
    /// Direct payments are after-care (s.117(2C)), made under the Care Act 2014 as applied by Sch. 4 in England
    /// and under Sch. A1 to the Social Services and Well-being (Wales) Act 2014 in Wales, chosen by the
    /// council's nation. The legal right to have a personal health budget is England's (NHS England guidance,
    /// s117-rules.md §5.4); in Wales the letter asks what is available rather than claiming it.
    pub(super) fn budget_request(&mut self) -> Option<String> {
        let options = self.request.options;
        let v = self.voice.clone();
        let (_, wales) = self.nations();
        let phb = options.personal_health_budget && self.audience.nhs;
        let dp = options.direct_payments && self.audience.council;
        let can = if dp {
            let scheme: &[Citation] = match self.council_nation() {
                Some(Country::England) => &[MHA_1983_S117_2C, CARE_ACT_2014_SCH_4],
                Some(Country::Wales) => &[MHA_1983_S117_2C, SSWBWA_2014_SCH_A1],
                _ => &[MHA_1983_S117_2C, CARE_ACT_2014_SCH_4, SSWBWA_2014_SCH_A1],
            };
            let law = self.cite(scheme);
            messages::fill("letter.extras.budgets.can_include", &[("law", &law)])
        } else {
            String::new()
        };
        let right = if phb {
            let law = self.cite(&[NHSE_PHB_LEGAL_RIGHTS]);
            messages::fill("letter.extras.budgets.phb_right", &[("law", &law)])
        } else {
            String::new()
        };
        let slots = v.slots(&[]);
        let parts = match (phb, dp) {
            (true, true) if !wales => vec![
                messages::fill("letter.extras.budgets.both", &slots),
                can,
                right,
            ],
            (true, true) => vec![
                messages::fill("letter.extras.budgets.direct_payments_from_council", &slots),
                can,
                right,
                messages::fill("letter.extras.budgets.wales_nhs_also", &slots),
            ],
            (true, false) if !wales => {
                vec![messages::fill("letter.extras.budgets.phb", &slots), right]
            }
            (true, false) => vec![
                right,
                messages::fill("letter.extras.budgets.wales_nhs", &slots),
            ],
            (false, true) => vec![
                messages::fill("letter.extras.budgets.direct_payments", &slots),
                can,
            ],
            (false, false) => return None,
        };
        Some(sentences(&parts))
    }

    /// The nation whose social care law applies to the council: from the council named, or else from where the
    /// person lived before the detention. `None` when neither says.
    pub(super) fn council_nation(&self) -> Option<Country> {
        match self.decision.council.as_ref().map(|b| b.kind) {
            Some(BodyKind::EnglishCouncil) => Some(Country::England),
            Some(BodyKind::WelshCouncil) => Some(Country::Wales),
            _ => self
                .qualifying
                .map(|d| d.lived_before.country)
                .filter(|c| matches!(c, Country::England | Country::Wales)),
        }
    }

    /// Help from an advocate. Independent mental health advocates are for qualifying patients (MHA 1983
    /// ss.130A-130D in England, ss.130E-130L in Wales): people liable to be detained (including on section 17
    /// leave, and conditionally discharged restricted patients, s.130D(2)(b)), under guardianship, or on a CTO.
    /// The letter says the person is entitled to one only when the case shows they are such a patient now;
    /// otherwise it asks for help to find an advocate and claims no right.
    pub(super) fn advocate_request(&mut self) -> String {
        let v = self.voice.clone();
        let law = self.cite(&[self.imha_law()]);
        match self.imha_status() {
            Some(status) => messages::fill(
                "letter.extras.advocate.qualifying",
                &v.slots(&[("status", &status), ("law", &law)]),
            ),
            None => messages::fill("letter.extras.advocate", &v.slots(&[("law", &law)])),
        }
    }

    /// How the person is, today, a qualifying patient for an independent mental health advocate, in words after
    /// "I am" / "Sam is"; `None` unless the case shows it. Only the latest stay can say so: a later stay of any
    /// kind may have changed the person's status.
    pub(super) fn imha_status(&self) -> Option<String> {
        let detentions = &self.request.case.detentions;
        let index = self.decision.qualifying_detention?;
        if index + 1 != detentions.len() {
            return None;
        }
        let d = self.qualifying?;
        match d.leaving? {
            Leaving::Cto if d.cto_ended.is_none() => {
                Some(messages::text("letter.extras.advocate.status.cto").into())
            }
            Leaving::S17Leave => {
                Some(messages::text("letter.extras.advocate.status.s17_leave").into())
            }
            Leaving::ConditionalDischarge => Some(
                messages::text("letter.extras.advocate.status.conditionally_discharged").into(),
            ),
            Leaving::StillInHospital | Leaving::EscortedLeaveOnly => Some(messages::fill(
                "letter.extras.advocate.status.detained",
                &[("section", section_words(d.section))],
            )),
            Leaving::Cto
            | Leaving::Discharged
            | Leaving::StayedInformally
            | Leaving::ReturnedToPrison
            | Leaving::Died
            | Leaving::TransferredOutOfEnglandAndWales => None,
        }
    }

    /// The advocacy provisions for where the person was detained: Wales's for a hospital in Wales, England's
    /// otherwise.
    pub(super) fn imha_law(&self) -> Citation {
        let detained_in = self
            .qualifying
            .or_else(|| self.request.case.detentions.last())
            .map(|d| d.detained_in);
        match detained_in {
            Some(Jurisdiction::Wales) => MHA_1983_S130E,
            Some(Jurisdiction::England) => MHA_1983_S130A,
            Some(Jurisdiction::Scotland | Jurisdiction::NorthernIreland) | None => {
                if self.nations() == (false, true) {
                    MHA_1983_S130E
                } else {
                    MHA_1983_S130A
                }
            }
        }
    }
}
