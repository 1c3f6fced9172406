//! The requests about money: no charges for after-care, and a refund of charges made while it was owed.

use super::compose::{Composer, Mode};
use super::field;
use super::voice::{cap, join_and};
use crate::decision::FlagId;
use crate::sources::{LGSCO_REFUNDS, MHA_1983_S117A, SI_2014_2670_REG_4, STENNETT_2002};

impl Composer<'_> {
    pub(super) fn charges_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n, they, them, their) = (&v.n, v.they, v.them, v.their);
        let (england, wales) = self.nations();
        let will = if self.mode == Mode::OnLeaving {
            "will be"
        } else {
            "is"
        };
        let stennett = self.cite(&[STENNETT_2002]);
        // The choice-of-accommodation regulations cited are England's; in Wales only the Act is cited.
        let top_up_law = if england || !wales {
            self.cite(&[MHA_1983_S117A, SI_2014_2670_REG_4])
        } else {
            self.cite(&[MHA_1983_S117A])
        };
        let mut ask = format!(
            "confirm that {n} will not be charged for any of {their} after-care, including accommodation, rent and service charges where the accommodation {will} part of that after-care. There is no power to charge for section 117 after-care{stennett}. A top-up can be asked for only if {they} choose accommodation that costs more than the council would usually pay for that kind of placement, and only under a written agreement; the council must pay the rest{top_up_law}."
        );
        let top_ups: Vec<String> = self
            .request
            .case
            .charges
            .iter()
            .filter(|c| c.chosen_dearer_placement_with_written_agreement)
            .map(|c| field(c.what.as_ref()).unwrap_or_else(|| "accommodation".into()))
            .collect();
        if !top_ups.is_empty() {
            ask.push_str(&format!(
                " A top-up is being paid under a written agreement for {}. Please confirm the amount the council pays, and that the top-up covers only the extra cost of the placement {they} chose and nothing else charged to {them}.",
                join_and(&top_ups)
            ));
        }
        self.please(&ask)
    }

    /// A refund of unlawful charges, when the decision found any.
    pub(super) fn refund_request(&mut self) -> Option<String> {
        if !self.has(FlagId::RefundDue) {
            return None;
        }
        let v = self.voice.clone();
        let (n, has, them) = (cap(&v.n), v.have_n(), v.them);
        let periods = self.charged_periods();
        let (england, _) = self.nations();
        let list = if periods.is_empty() {
            "care that formed part of after-care".to_owned()
        } else {
            periods
                .iter()
                .map(|(text, _)| text.clone())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let ongoing = periods.iter().any(|(_, ongoing)| *ongoing);
        let authority = if england {
            self.cite(&[STENNETT_2002, LGSCO_REFUNDS])
        } else {
            self.cite(&[STENNETT_2002])
        };
        let mut text = format!(
            "{n} {has} been charged for the following while owed section 117 after-care: {list}. Please refund every charge made for after-care services, from the date charging began, with interest, and send me a breakdown showing each payment, the period it covered and how the interest was calculated{authority}."
        );
        if ongoing {
            text.push_str(&format!(
                " Please also stop charging {them} for after-care straight away."
            ));
        }
        Some(text)
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
            let what = field(charge.what.as_ref()).unwrap_or_else(|| "care".into());
            let ongoing = ranges.iter().any(|r| r.ongoing);
            let spans: Vec<String> = ranges
                .iter()
                .map(|r| {
                    if r.ongoing {
                        format!("from {} (still being charged)", r.from.long())
                    } else {
                        format!("from {} to {}", r.from.long(), r.to.long())
                    }
                })
                .collect();
            out.push((format!("{what} {}", spans.join(" and ")), ongoing));
        }
        out
    }
}
