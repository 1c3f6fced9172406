//! The letter before claim, laid out as the Pre-Action Protocol for Judicial Review asks (its Annex A): the
//! proposed claim, the claimant, the defendants, reference details, the matter challenged with its date, the
//! issue (the facts and the grounds, with their sources), the action expected, alternative dispute resolution,
//! the information and documents sought, the address for reply, and the proposed reply date, 14 days on.
//!
//! The time limit for the claim itself is the core's ([`crate::decision::DeadlineKind::JudicialReview`]); the
//! letter never counts one of its own.

use super::compose::{Composer, Ending, Mode};
use super::voice::{join_and, on};
use super::{address_lines, field, Block};
use crate::date::Date;
use crate::decision::DeadlineKind;
use crate::messages;
use crate::sources::{CPR_54_5, PAP_JR};

impl Composer<'_> {
    /// The body of a letter before claim, from "Dear Sir or Madam," to the signature. `grounds` are the annex's
    /// blocks (the history and each point with its sources), which here are part of the letter.
    pub(super) fn before_claim_body(&mut self, reply_by: Date, grounds: Vec<Block>) -> Vec<Block> {
        let v = self.voice.clone();
        let pap = self.cite(&[PAP_JR]);
        let mut out = vec![
            Block::Paragraph {
                text: messages::text("letter.opening.salutation").into(),
            },
            Block::Paragraph {
                text: messages::fill("letter.claim.intro", &[("law", &pap)]),
            },
        ];
        let section = |out: &mut Vec<Block>, id: &str| {
            out.push(Block::Heading {
                text: messages::text(id).into(),
            });
        };
        // 1. The proposed claimant, and who writes for them.
        section(&mut out, "letter.claim.claimant.heading");
        let person = field(self.request.details.person.name.as_ref())
            .unwrap_or_else(|| messages::text("letter.voice.person_named_above").into());
        let claimant = if self.voice.own {
            messages::fill("letter.claim.claimant.own", &[("name", &person)])
        } else {
            messages::fill("letter.claim.claimant", &[("name", &person)])
        };
        out.push(Block::Paragraph { text: claimant });
        out.extend(self.writer_paragraph());
        // 2. The proposed defendants: the bodies addressed.
        section(&mut out, "letter.claim.defendants.heading");
        let names: Vec<String> = self
            .addressees
            .iter()
            .map(|a| {
                if a.name.is_empty() {
                    a.department.clone()
                } else {
                    a.name.clone()
                }
            })
            .collect();
        out.push(Block::List {
            ordered: false,
            items: names,
        });
        // 3. Reference details.
        section(&mut out, "letter.claim.reference.heading");
        match self.short_details(true) {
            Some(list) => out.push(list),
            None => out.push(Block::Paragraph {
                text: messages::text("letter.claim.reference.none").into(),
            }),
        }
        // 4. The matter challenged, with its date.
        section(&mut out, "letter.claim.matter.heading");
        let ended = self.request.case.aftercare_ended.as_ref();
        let when = ended
            .and_then(|e| e.date)
            .map(|d| messages::fill("letter.part.when", &[("date", &on(d))]))
            .unwrap_or_default();
        let matter = match (self.ending, self.mode) {
            (Ending::Unlawful | Ending::InQuestion, _) => {
                messages::fill("letter.claim.matter.ending", &v.slots(&[("when", &when)]))
            }
            (_, Mode::Ended) => {
                messages::fill("letter.claim.matter.ended", &v.slots(&[("when", &when)]))
            }
            _ if self.has(crate::decision::FlagId::RefundDue) => {
                messages::fill("letter.claim.matter.charges", &v.slots(&[]))
            }
            _ => messages::fill("letter.claim.matter.confirm", &v.slots(&[])),
        };
        out.push(Block::Paragraph { text: matter });
        // 5. The issue: what happened and why it is unlawful, then the grounds in full.
        section(&mut out, "letter.claim.issue.heading");
        out.push(Block::Paragraph {
            text: self.situation(),
        });
        out.extend(grounds);
        // 6. The action expected.
        section(&mut out, "letter.claim.action.heading");
        let asks = self.short_asks();
        out.push(Block::List {
            ordered: true,
            items: asks,
        });
        // 7. Alternative dispute resolution.
        section(&mut out, "letter.claim.adr.heading");
        out.push(Block::Paragraph {
            text: messages::text("letter.claim.adr").into(),
        });
        // 8. Information and documents sought.
        section(&mut out, "letter.claim.information.heading");
        let mut sought = Vec::new();
        if ended.is_some() || self.mode == Mode::Ended {
            sought.push(messages::fill("letter.ending.documents", &v.slots(&[])));
        }
        sought.push(messages::fill(
            "letter.claim.information.plan",
            &v.slots(&[]),
        ));
        sought.push(messages::fill(
            "letter.claim.information.records",
            &v.slots(&[]),
        ));
        out.push(Block::List {
            ordered: false,
            items: sought,
        });
        // 9. Address for reply.
        section(&mut out, "letter.claim.address.heading");
        out.push(Block::Paragraph {
            text: self.reply_address(),
        });
        // 10. Proposed reply date, and the time limit for the claim.
        section(&mut out, "letter.claim.reply.heading");
        let days = super::BEFORE_CLAIM_REPLY_DAYS.to_string();
        let mut reply = vec![messages::fill(
            "letter.claim.reply",
            &[("by", &reply_by.long()), ("days", &days)],
        )];
        let cpr = self.cite(&[CPR_54_5]);
        reply.push(messages::fill("letter.claim.time_limit", &[("law", &cpr)]));
        let deadline = self
            .decision
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::JudicialReview && !d.passed);
        if let Some(date) = deadline.and_then(|d| d.date) {
            reply.push(messages::fill(
                "letter.claim.time_limit.by",
                &[("date", &date.long())],
            ));
        }
        out.push(Block::Paragraph {
            text: super::voice::sentences(&reply),
        });
        out.push(self.signature());
        out
    }

    /// Where to reply: the sender's address and email as given, or the address at the top of the letter.
    fn reply_address(&self) -> String {
        let details = &self.request.details;
        let (address, email) = match &details.writer {
            Some(w) => (address_lines(w.address.as_ref()), field(w.email.as_ref())),
            None => (
                address_lines(details.person.address.as_ref()),
                field(details.person.email.as_ref()),
            ),
        };
        let mut parts = Vec::new();
        if !address.is_empty() {
            parts.push(address.join(messages::text("letter.details.address_separator")));
        }
        if let Some(email) = email {
            parts.push(email);
        }
        if parts.is_empty() {
            messages::text("letter.claim.address.top").into()
        } else {
            messages::fill("letter.claim.address", &[("address", &join_and(&parts))])
        }
    }
}
