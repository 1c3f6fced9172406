//! The numbered requests, in order, and the first of them: whether the person is owed after-care. Point 2 (who
//! holds the duty) is in [`super::bodies`]; the others are in their own modules.

use super::compose::{Composer, Mode};
use super::field;
use super::voice::{join_and, on};
use crate::case::Leaving;
use crate::sources::{MHA_1983_S117_1, MHA_1983_S17};

impl Composer<'_> {
    /// The numbered requests. Point 2 is always who holds the duty (the addressees refer to it).
    pub(super) fn requests(&mut self) -> Vec<String> {
        let mut items = Vec::new();
        if let Mode::MayNotApply { .. } = self.mode {
            items.extend(self.may_not_apply_requests());
            items.extend(self.optional_requests(false));
            return items;
        }
        items.push(self.entitlement_request());
        items.push(self.responsibility_request());
        match self.mode {
            Mode::Ended => {
                items.push(self.ending_request());
                items.extend(self.refund_request());
            }
            _ => {
                items.push(self.dispute_request());
                items.push(self.plan_request());
                items.push(self.charges_request());
                items.extend(self.refund_request());
                if self.mode != Mode::OnLeaving {
                    items.push(self.ending_request());
                }
                items.push(self.review_request());
            }
        }
        items.extend(self.optional_requests(self.mode != Mode::Ended));
        items
    }

    /// A request: "Please {ask}", or "If I am entitled, please {ask}" when it is not known whether the person is
    /// owed after-care.
    pub(super) fn please(&self, ask: &str) -> String {
        if self.mode == Mode::Unsure {
            format!(
                "If {} {} entitled, please {ask}",
                self.voice.n,
                self.voice.be_n()
            )
        } else {
            format!("Please {ask}")
        }
    }

    pub(super) fn entitlement_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n, is, they, their) = (&v.n, v.be_n(), v.they, v.their);
        let basis = self.cite(&[MHA_1983_S117_1]);
        let detention = self.qualifying.map(|d| {
            let from = d
                .admitted
                .map(|a| format!(" from {}", a.long()))
                .unwrap_or_default();
            let since = d
                .admitted
                .map(|a| format!(" since {}", a.long()))
                .unwrap_or_default();
            (d.section.describe(), from, since)
        });
        let (section, from, since) = detention.clone().unwrap_or((
            "the Mental Health Act 1983",
            String::new(),
            String::new(),
        ));
        match self.mode {
            Mode::Unsure => {
                let known = detention
                    .map(|(section, from, _)| {
                        format!(" As far as I know, it would come from {their} detention under {section}{from}.")
                    })
                    .unwrap_or_default();
                format!(
                    "Please confirm whether {n} {is} entitled to after-care under section 117. If {they} {}, please tell me which detention the duty comes from, under which section, and the date on which it arose{basis}.{known}",
                    v.be_they()
                )
            }
            Mode::OnLeaving => format!(
                "Please confirm that {n} will be entitled to after-care under section 117 when {they} leave hospital, because {they} have been detained under {section}{since}{basis}."
            ),
            Mode::Ended => {
                let arose = self
                    .decision
                    .duty_arose
                    .map(|d| format!(" The duty arose {}, when {they} left hospital.", on(d)))
                    .unwrap_or_default();
                format!(
                    "Please confirm that {n} was entitled to after-care under section 117 after being detained under {section}{from}{basis}.{arose}"
                )
            }
            Mode::Entitled | Mode::MayNotApply { .. } => {
                let most_recent = if self.readmitted { "most recent detention" } else { "detention" };
                let leave = self.qualifying.and_then(|d| d.leaving) == Some(Leaving::S17Leave);
                let arose = match self.decision.duty_arose {
                    Some(d) if leave => format!(
                        ", and that the duty arose {}, when {they} left hospital on leave under section 17 to live in the community{}",
                        on(d),
                        self.cite(&[MHA_1983_S17])
                    ),
                    Some(d) => format!(", and that the duty arose {}, when {they} left hospital", on(d)),
                    None => ", and tell me the date from which you accept that the duty arose".into(),
                };
                format!(
                    "Please confirm that {n} {is} entitled to after-care under section 117 because of {their} {most_recent} under {section}{from}{arose}{basis}."
                )
            }
        }
    }

    pub(super) fn may_not_apply_requests(&mut self) -> Vec<String> {
        let v = self.voice.clone();
        let (n, is, has, they, their, are) =
            (&v.n, v.be_n(), v.have_n(), v.they, v.their, v.be_they());
        let mut items = vec![
            format!(
                "Please confirm whether your records show that {n} {has} been detained under section 3, 37, 45A, 47 or 48 of the Mental Health Act 1983 and then left hospital. If so, please confirm that {they} {are} entitled to after-care under section 117, under which section, and the date on which the duty arose."
            ),
            format!(
                "If {n} {is} entitled, please tell me which council and which NHS body hold the duty, and send me a copy of {their} after-care plan."
            ),
            format!(
                "If you consider that {n} {is} not entitled, please say so in writing, with your reasons, so that I can take advice."
            ),
        ];
        let charged: Vec<String> = self
            .request
            .case
            .charges
            .iter()
            .filter(|c| !c.chosen_dearer_placement_with_written_agreement)
            .map(|c| field(c.what.as_ref()).unwrap_or_else(|| "care".into()))
            .collect();
        if !charged.is_empty() {
            items.push(format!(
                "Please also explain the basis on which {n} {has} been charged for {}, and send me a copy of the financial assessment.",
                join_and(&charged)
            ));
        }
        items
    }
}
