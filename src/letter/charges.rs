//! The requests about money: no charges for after-care, and a refund of charges made while it was owed.

use super::compose::{Composer, Mode};
use super::field;
use super::voice::{join_and, sentences};
use crate::decision::FlagId;
use crate::messages;
use crate::sources::{LGSCO_REFUNDS, MHA_1983_S117A, SI_2014_2670_REG_4, STENNETT_2002};

impl Composer<'_> {
    pub(super) fn charges_request(&mut self) -> String {
        let v = self.voice.clone();
        let (england, wales) = self.nations();
        let stennett = self.cite(&[STENNETT_2002]);
        // The choice-of-accommodation regulations cited are England's; in Wales only the Act is cited.
        let top_up_law = if england || !wales {
            self.cite(&[MHA_1983_S117A, SI_2014_2670_REG_4])
        } else {
            self.cite(&[MHA_1983_S117A])
        };
        let values = [
            ("stennett", stennett.as_str()),
            ("top_up_law", top_up_law.as_str()),
        ];
        let mut parts = vec![if self.mode == Mode::OnLeaving {
            messages::fill("letter.charges.no_charge.on_leaving", &v.slots(&values))
        } else {
            messages::fill("letter.charges.no_charge", &v.slots(&values))
        }];
        let top_ups: Vec<String> = self
            .request
            .case
            .charges
            .iter()
            .filter(|c| c.chosen_dearer_placement_with_written_agreement)
            .map(|c| {
                field(c.what.as_ref())
                    .unwrap_or_else(|| messages::text("letter.charges.what.accommodation").into())
            })
            .collect();
        if !top_ups.is_empty() {
            parts.push(messages::fill(
                "letter.charges.top_up",
                &v.slots(&[("top_ups", &join_and(&top_ups))]),
            ));
        }
        self.please(&sentences(&parts))
    }

    /// A refund of unlawful charges, when the decision found any.
    pub(super) fn refund_request(&mut self) -> Option<String> {
        if !self.has(FlagId::RefundDue) {
            return None;
        }
        let v = self.voice.clone();
        let periods = self.charged_periods();
        let (england, _) = self.nations();
        let list = if periods.is_empty() {
            messages::text("letter.charges.refund.unknown_periods").to_owned()
        } else {
            periods
                .iter()
                .map(|(text, _)| text.clone())
                .collect::<Vec<_>>()
                .join(messages::text("letter.charges.refund.separator"))
        };
        let ongoing = periods.iter().any(|(_, ongoing)| *ongoing);
        let authority = if england {
            self.cite(&[STENNETT_2002, LGSCO_REFUNDS])
        } else {
            self.cite(&[STENNETT_2002])
        };
        let mut parts = vec![messages::fill(
            "letter.charges.refund",
            &v.slots(&[("charges", &list), ("law", &authority)]),
        )];
        if ongoing {
            parts.push(messages::fill("letter.charges.refund.stop", &v.slots(&[])));
        }
        Some(sentences(&parts))
    }

    /// The charges that fell while a duty was running, in words, and whether each is still being made: the
    /// decision's refund ranges, one entry per charge.
    pub(super) fn charged_periods(&self) -> Vec<(String, bool)> {
        let case = &self.request.case;
        let Some(refund) = &self.decision.refund else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (index, charge) in case.charges.iter().enumerate() {
            let ranges: Vec<_> = refund.ranges.iter().filter(|r| r.charge == index).collect();
            if ranges.is_empty() {
                continue;
            }
            let what = field(charge.what.as_ref())
                .unwrap_or_else(|| messages::text("letter.charges.what.care").into());
            let ongoing = ranges.iter().any(|r| r.ongoing);
            let spans = ranges
                .iter()
                .map(|r| {
                    let from = r.from.long();
                    if r.ongoing {
                        messages::fill("letter.charges.span.ongoing", &[("from", &from)])
                    } else {
                        messages::fill(
                            "letter.charges.span",
                            &[("from", &from), ("to", &r.to.long())],
                        )
                    }
                })
                .reduce(|list, next| {
                    messages::fill(
                        "letter.charges.span.and",
                        &[("list", &list), ("next", &next)],
                    )
                })
                .unwrap_or_default();
            out.push((
                messages::fill(
                    "letter.charges.charge",
                    &[("what", &what), ("spans", &spans)],
                ),
                ongoing,
            ));
        }
        out
    }
}
