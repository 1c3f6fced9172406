//! The numbered requests, in order, and the first of them: whether the person is owed after-care. Point 2 (who
//! holds the duty) is in [`super::bodies`]; the others are in their own modules.

use super::compose::{Composer, Mode};
use super::field;
use super::voice::{join_and, on, section_words, sentences};
use crate::case::Leaving;
use crate::messages;
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
    /// owed after-care. `ask` is a whole request from the catalogue, without its "Please".
    pub(super) fn please(&self, ask: &str) -> String {
        if self.mode == Mode::Unsure {
            messages::fill(
                "letter.requests.please_if_entitled",
                &self.voice.slots(&[("ask", ask)]),
            )
        } else {
            messages::fill("letter.requests.please", &[("ask", ask)])
        }
    }

    pub(super) fn entitlement_request(&mut self) -> String {
        let v = self.voice.clone();
        let basis = self.cite(&[MHA_1983_S117_1]);
        let detention = self.qualifying.map(|d| {
            let from = d
                .admitted
                .map(|a| messages::fill("letter.part.from", &[("date", &a.long())]))
                .unwrap_or_default();
            let since = d
                .admitted
                .map(|a| messages::fill("letter.part.since", &[("date", &a.long())]))
                .unwrap_or_default();
            (section_words(d.section), from, since)
        });
        let (section, from, since) = detention.clone().unwrap_or((
            messages::text("letter.part.the_act"),
            String::new(),
            String::new(),
        ));
        let values = [
            ("law", basis.as_str()),
            ("section", section),
            ("from", from.as_str()),
            ("since", since.as_str()),
        ];
        match self.mode {
            Mode::Unsure => {
                let mut parts = vec![messages::fill(
                    "letter.requests.entitlement.unsure",
                    &v.slots(&values),
                )];
                if let Some((section, from, _)) = detention {
                    parts.push(messages::fill(
                        "letter.requests.entitlement.unsure.known",
                        &v.slots(&[("section", section), ("from", &from)]),
                    ));
                }
                sentences(&parts)
            }
            Mode::OnLeaving => {
                messages::fill("letter.requests.entitlement.on_leaving", &v.slots(&values))
            }
            Mode::Ended => {
                let mut parts = vec![messages::fill(
                    "letter.requests.entitlement.ended",
                    &v.slots(&values),
                )];
                if let Some(d) = self.decision.duty_arose {
                    parts.push(messages::fill(
                        "letter.requests.entitlement.ended.arose",
                        &v.slots(&[("date", &on(d))]),
                    ));
                }
                sentences(&parts)
            }
            Mode::Entitled | Mode::MayNotApply { .. } => {
                let detention = if self.readmitted {
                    messages::text("letter.requests.entitlement.most_recent_detention")
                } else {
                    messages::text("letter.requests.entitlement.detention")
                };
                let leave = self.qualifying.and_then(|d| d.leaving) == Some(Leaving::S17Leave);
                let arose = match self.decision.duty_arose {
                    Some(d) if leave => {
                        let s17 = self.cite(&[MHA_1983_S17]);
                        messages::fill(
                            "letter.requests.entitlement.arose_on_leave",
                            &v.slots(&[("date", &on(d)), ("law", &s17)]),
                        )
                    }
                    Some(d) => messages::fill(
                        "letter.requests.entitlement.arose",
                        &v.slots(&[("date", &on(d))]),
                    ),
                    None => messages::text("letter.requests.entitlement.arose_unknown").to_owned(),
                };
                let mut values = values.to_vec();
                values.extend([("detention", detention), ("arose", arose.as_str())]);
                messages::fill("letter.requests.entitlement", &v.slots(&values))
            }
        }
    }

    pub(super) fn may_not_apply_requests(&mut self) -> Vec<String> {
        let v = self.voice.clone();
        let mut items = vec![
            messages::fill("letter.requests.may_not_apply.records", &v.slots(&[])),
            messages::fill("letter.requests.may_not_apply.if_entitled", &v.slots(&[])),
            messages::fill("letter.requests.may_not_apply.if_not", &v.slots(&[])),
        ];
        let charged: Vec<String> = self
            .request
            .case
            .charges
            .iter()
            .filter(|c| !c.chosen_dearer_placement_with_written_agreement)
            .map(|c| {
                field(c.what.as_ref())
                    .unwrap_or_else(|| messages::text("letter.charges.what.care").into())
            })
            .collect();
        if !charged.is_empty() {
            items.push(messages::fill(
                "letter.requests.may_not_apply.charged",
                &v.slots(&[("charges", &join_and(&charged))]),
            ));
        }
        items
    }
}
