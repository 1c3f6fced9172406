//! The one-page letter: who is writing, what happened in a sentence or two, what is asked (a refund first when
//! there are charges, then confirmation of the duty and who holds it, then the plan), by when, and what happens
//! if there is no reply. Its citations are short; the full reasons are the annex (`Composer::grounds`).
//!
//! Used by the first request and the formal complaint ([`super::Tone`]); the letter before claim
//! ([`super::before_claim`]) takes its situation and its asks from here.

use super::compose::{Composer, Ending, Mode};
use super::voice::{join_and, on, section_words, sentences};
use super::{address_lines, field, Authority, Block, Tone};
use crate::date::Date;
use crate::decision::{Body, FlagId};
use crate::messages;
use crate::sources::{
    MHA_1983_S117_1, MHA_1983_S117_2, NHS_WALES_PTR_2011, SI_2009_309, SSCP_WALES_2014,
    STENNETT_2002, UK_GDPR_ART_15,
};

impl Composer<'_> {
    /// The one-page body, from "Dear Sir or Madam," to the signature.
    pub(super) fn short_body(&mut self, reply_by: Date) -> Vec<Block> {
        let mut out = vec![Block::Paragraph {
            text: messages::text("letter.opening.salutation").into(),
        }];
        if self.tone == Tone::FormalComplaint {
            let law = self.complaint_law();
            out.push(Block::Paragraph {
                text: messages::fill(
                    "letter.short.complaint",
                    &self.voice.slots(&[("law", &law)]),
                ),
            });
        }
        out.extend(self.writer_paragraph());
        let mut situation = vec![self.situation()];
        // A letter to one side says who else shares the duty, and that a matching letter went to them.
        let joint = self.audience.council && self.audience.nhs;
        if !joint && !matches!(self.mode, Mode::MayNotApply { .. }) {
            situation.push(self.audience_sentence());
        }
        out.push(Block::Paragraph {
            text: sentences(&situation),
        });
        out.extend(self.short_details(false));
        out.push(Block::Heading {
            text: messages::text("letter.requests.heading").into(),
        });
        let asks = self.short_asks();
        out.push(Block::List {
            ordered: true,
            items: asks,
        });
        let by = reply_by.long();
        let reply = if self.tone == Tone::FormalComplaint {
            messages::fill("letter.short.reply.complaint", &[("by", &by)])
        } else {
            messages::fill("letter.short.reply", &[("by", &by)])
        };
        out.push(Block::Paragraph { text: reply });
        // Named only where the letter says it will go to them (not in a letter asking whether section 117 applies).
        let ombudsmen: Vec<String> = if matches!(self.mode, Mode::MayNotApply { .. })
            && self.tone != Tone::FormalComplaint
        {
            Vec::new()
        } else {
            self.ombudsmen()
                .into_iter()
                .map(|c| {
                    messages::fill(
                        "letter.next_steps.the_ombudsman",
                        &[("ombudsman", self.name(c))],
                    )
                })
                .collect()
        };
        let ombudsmen = join_and(&ombudsmen);
        let next = match (self.tone, self.mode) {
            (Tone::FormalComplaint, _) => {
                messages::fill("letter.short.next.complaint", &[("ombudsmen", &ombudsmen)])
            }
            (_, Mode::MayNotApply { .. }) => {
                messages::fill("letter.short.next.may_not_apply", &[("by", &by)])
            }
            _ => messages::fill(
                "letter.short.next",
                &[("by", &by), ("ombudsmen", &ombudsmen)],
            ),
        };
        out.push(Block::Paragraph { text: next });
        if self.request.options.annex {
            out.push(Block::Paragraph {
                text: messages::text("letter.short.see_annex").into(),
            });
        }
        out.push(Block::Paragraph {
            text: messages::text("letter.short.thanks").into(),
        });
        out.push(self.signature());
        out
    }

    /// The complaints regulations for the bodies addressed: in England one set for councils and the NHS; in
    /// Wales the social services regulations for the council and "Putting Things Right" for the health board.
    pub(super) fn complaint_law(&mut self) -> String {
        let (england, wales) = self.nations();
        let mut laws = Vec::new();
        if england || !wales {
            laws.push(SI_2009_309);
        }
        if wales && self.audience.council {
            laws.push(SSCP_WALES_2014);
        }
        if wales && self.audience.nhs {
            laws.push(NHS_WALES_PTR_2011);
        }
        self.cite(&laws)
    }

    /// Who is writing for the person, and their authority to act; nothing when the person writes for themself.
    pub(super) fn writer_paragraph(&self) -> Option<Block> {
        let writer = self.request.details.writer.as_ref()?;
        let person = field(self.request.details.person.name.as_ref());
        let relationship = field(writer.relationship.as_ref());
        let who = match (&person, &relationship) {
            (Some(name), Some(rel)) => messages::fill(
                "letter.opening.writer.named_relationship",
                &[("name", name), ("relationship", rel)],
            ),
            (Some(name), None) => messages::fill("letter.opening.writer.named", &[("name", name)]),
            (None, Some(rel)) => messages::fill(
                "letter.opening.writer.relationship",
                &[("relationship", rel)],
            ),
            (None, None) => messages::text("letter.opening.writer.unnamed").to_owned(),
        };
        let authority = match writer.authority {
            Some(Authority::Consent) => messages::text("letter.opening.authority.consent"),
            Some(Authority::LastingPowerOfAttorney) => {
                messages::text("letter.opening.authority.lpa")
            }
            Some(Authority::Deputy) => messages::text("letter.opening.authority.deputy"),
            Some(Authority::Other) => messages::text("letter.opening.authority.other"),
            None => messages::text("letter.opening.authority.none"),
        };
        Some(Block::Paragraph {
            text: sentences(&[who, authority.to_owned()]),
        })
    }

    /// What happened, in a sentence or two, and what it means, with its source.
    pub(super) fn situation(&mut self) -> String {
        let v = self.voice.clone();
        match self.mode {
            Mode::MayNotApply { out_of_scope } => match self.may_not_apply_intro(out_of_scope) {
                Block::Paragraph { text } => text,
                _ => String::new(),
            },
            Mode::OnLeaving => self.on_leaving_intro(),
            Mode::Unsure => {
                let law = self.cite(&[MHA_1983_S117_1]);
                let mut parts = vec![messages::fill(
                    "letter.short.situation.unsure",
                    &v.slots(&[("law", &law)]),
                )];
                if let Some(d) = self.qualifying {
                    let from = d.admitted.map(on).unwrap_or_default();
                    parts.push(messages::fill(
                        "letter.short.situation.unsure.known",
                        &v.slots(&[("section", section_words(d.section)), ("from", &from)]),
                    ));
                }
                sentences(&parts)
            }
            Mode::Entitled | Mode::Ended => {
                let mut parts = Vec::new();
                if let Some(d) = self.qualifying {
                    let section = section_words(d.section);
                    let admitted = d
                        .admitted
                        .map(|a| messages::fill("letter.short.part.admitted", &[("date", &on(a))]))
                        .unwrap_or_default();
                    let left = self
                        .decision
                        .duty_arose
                        .map(|a| messages::fill("letter.short.part.left", &[("date", &on(a))]))
                        .unwrap_or_default();
                    let key = if self.readmitted {
                        "letter.short.situation.detained_again"
                    } else {
                        "letter.short.situation.detained"
                    };
                    parts.push(messages::fill(
                        key,
                        &v.slots(&[
                            ("section", section),
                            ("admitted", &admitted),
                            ("left", &left),
                        ]),
                    ));
                }
                let law = self.cite(&[MHA_1983_S117_1]);
                if self.mode == Mode::Ended {
                    parts.push(messages::fill(
                        "letter.short.situation.was_owed",
                        &v.slots(&[("law", &law)]),
                    ));
                    let when = self
                        .request
                        .case
                        .aftercare_ended
                        .as_ref()
                        .and_then(|e| e.date)
                        .map(|d| messages::fill("letter.part.when", &[("date", &on(d))]))
                        .unwrap_or_default();
                    parts.push(messages::fill(
                        "letter.short.situation.ended",
                        &v.slots(&[("when", &when)]),
                    ));
                } else {
                    parts.push(messages::fill(
                        "letter.short.situation.owed",
                        &v.slots(&[("law", &law)]),
                    ));
                    parts.extend(self.short_ending_situation());
                }
                sentences(&parts)
            }
        }
    }

    /// The sentence about an ending, when the person was told after-care ended.
    fn short_ending_situation(&mut self) -> Option<String> {
        let v = self.voice.clone();
        let when = self.ending_when();
        match self.ending {
            Ending::None | Ending::Lawful => None,
            Ending::InQuestion => Some(messages::fill(
                "letter.short.situation.told_ended",
                &v.slots(&[("when", &when)]),
            )),
            Ending::Unlawful => {
                let on_cto = self.has(FlagId::EndedWhileOnCto);
                let because = self.ending_because(on_cto);
                let law = self.cite(&[MHA_1983_S117_2]);
                let key = if on_cto {
                    "letter.short.situation.unlawful_ending.on_cto"
                } else {
                    "letter.short.situation.unlawful_ending"
                };
                Some(messages::fill(
                    key,
                    &v.slots(&[("when", &when), ("because", &because), ("law", &law)]),
                ))
            }
        }
    }

    /// The person's details that were given, as a short list; nothing for the ones left blank. The name and
    /// date of birth are in the subject line, so only `full` lists them again (a letter before claim's
    /// reference details).
    pub(super) fn short_details(&self, full: bool) -> Option<Block> {
        let p = &self.request.details.person;
        let mut items = Vec::new();
        if full {
            if let Some(name) = field(p.name.as_ref()) {
                items.push(messages::fill("letter.details.name", &[("value", &name)]));
            }
            if let Some(born) = super::opening::date_of_birth(p.date_of_birth.as_ref()) {
                items.push(messages::fill(
                    "letter.details.date_of_birth",
                    &[("value", &born)],
                ));
            }
        }
        if let Some(nhs) = field(p.nhs_number.as_ref()) {
            items.push(messages::fill(
                "letter.details.nhs_number",
                &[("value", &nhs)],
            ));
        }
        // Writing for themself, the person's address is at the top of the letter.
        let address = address_lines(p.address.as_ref());
        if !address.is_empty() && !self.voice.own {
            let address = address.join(messages::text("letter.details.address_separator"));
            items.push(messages::fill(
                "letter.details.address",
                &[("value", &address)],
            ));
        }
        (!items.is_empty()).then_some(Block::List {
            ordered: false,
            items,
        })
    }

    /// A body the letter may name: one the checker recognised (it has a code), never text it did not recognise.
    pub(super) fn known(body: Option<&Body>) -> Option<&Body> {
        body.filter(|b| b.code.is_some() || b.ods.is_some())
    }

    /// The requests, shortest first in importance: a refund when there are charges, then confirmation of the
    /// duty and who holds it, then the ending and the plan, then the options chosen.
    pub(super) fn short_asks(&mut self) -> Vec<String> {
        let v = self.voice.clone();
        let mut items = Vec::new();
        if let Mode::MayNotApply { .. } = self.mode {
            items.extend(self.may_not_apply_requests());
            items.extend(self.short_options(false));
            return items;
        }
        items.extend(self.short_refund());
        items.push(self.short_confirm());
        match (self.mode, self.ending) {
            (Mode::Ended, _) | (_, Ending::Lawful) => {
                items.push(messages::fill("letter.short.ask.ended", &v.slots(&[])));
            }
            (_, Ending::Unlawful) => {
                items.push(self.please(&messages::fill("letter.short.ask.restore", &v.slots(&[]))));
            }
            (_, Ending::InQuestion) => {
                items.push(self.please(&messages::fill(
                    "letter.short.ask.in_question",
                    &v.slots(&[]),
                )));
            }
            (_, Ending::None) => {}
        }
        match self.mode {
            Mode::OnLeaving => items.push(self.please(&messages::fill(
                "letter.short.ask.plan.on_leaving",
                &v.slots(&[]),
            ))),
            Mode::Entitled | Mode::Unsure => {
                items.push(self.please(&messages::fill("letter.short.ask.plan", &v.slots(&[]))))
            }
            Mode::Ended | Mode::MayNotApply { .. } => {}
        }
        items.extend(self.short_options(self.mode != Mode::Ended));
        items
    }

    /// Stop charging and refund, with interest: first of the asks when the decision finds charges to refund.
    fn short_refund(&mut self) -> Option<String> {
        if !self.has(FlagId::RefundDue) {
            return None;
        }
        let v = self.voice.clone();
        let periods = self.charged_periods();
        let ongoing = periods.iter().any(|(_, ongoing)| *ongoing);
        let charges = if periods.is_empty() {
            messages::text("letter.charges.refund.unknown_periods").to_owned()
        } else {
            join_and(&periods.into_iter().map(|(t, _)| t).collect::<Vec<_>>())
        };
        let law = self.cite(&[STENNETT_2002]);
        let key = if ongoing {
            "letter.short.ask.stop_and_refund"
        } else {
            "letter.short.ask.refund"
        };
        Some(self.please(&messages::fill(
            key,
            &v.slots(&[("charges", &charges), ("law", &law)]),
        )))
    }

    /// Confirm the duty, and which council and which NHS body hold it, naming each body the checker knows.
    fn short_confirm(&mut self) -> String {
        let v = self.voice.clone();
        let council = Self::known(self.decision.council.as_ref()).cloned();
        let nhs = Self::known(self.decision.nhs_body.as_ref()).cloned();
        // The bodies named: sure ones as fact to confirm; unsure ones as a belief to check.
        fn sure(b: &Option<Body>) -> Option<&Body> {
            b.as_ref().filter(|b| b.certain && b.candidates.is_empty())
        }
        let mut named = Vec::new();
        let mut unsure = Vec::new();
        let mut missing = Vec::new();
        for (body, what) in [
            (&council, messages::text("letter.short.which_council")),
            (&nhs, messages::text("letter.short.which_nhs_body")),
        ] {
            match (body, sure(body)) {
                (_, Some(b)) => named.push(b.name.clone()),
                (Some(b), None) => {
                    unsure.push(b.name.clone());
                    missing.push(what.to_owned());
                }
                (None, _) => missing.push(what.to_owned()),
            }
        }
        // Once ended, the duty was held: the past tense.
        let ended = self.mode == Mode::Ended;
        let responsible = match (named.len(), ended) {
            (0, _) => String::new(),
            (1, false) => {
                messages::fill("letter.short.ask.responsible.one", &[("bodies", &named[0])])
            }
            (1, true) => messages::fill(
                "letter.short.ask.responsible.ended.one",
                &[("bodies", &named[0])],
            ),
            (_, false) => messages::fill(
                "letter.short.ask.responsible",
                &[("bodies", &join_and(&named))],
            ),
            (_, true) => messages::fill(
                "letter.short.ask.responsible.ended",
                &[("bodies", &join_and(&named))],
            ),
        };
        let values = [("responsible", responsible.as_str())];
        let owed = match self.mode {
            Mode::OnLeaving => {
                messages::fill("letter.short.ask.owed.on_leaving", &v.slots(&values))
            }
            Mode::Ended => messages::fill("letter.short.ask.owed.ended", &v.slots(&values)),
            Mode::Unsure => messages::fill("letter.short.ask.owed.unsure", &v.slots(&values)),
            Mode::Entitled | Mode::MayNotApply { .. } => {
                messages::fill("letter.short.ask.owed", &v.slots(&values))
            }
        };
        let mut ask = owed;
        if !missing.is_empty() {
            let which = join_and(&missing);
            ask = sentences(&[
                ask,
                messages::fill(
                    match (named.is_empty(), ended) {
                        (true, false) => "letter.short.ask.which",
                        (false, false) => "letter.short.ask.which_also",
                        (true, true) => "letter.short.ask.which.ended",
                        (false, true) => "letter.short.ask.which_also.ended",
                    },
                    &[("which", &which)],
                ),
            ]);
        }
        if !unsure.is_empty() {
            let believe = messages::fill(
                "letter.short.ask.believe",
                &[("bodies", &join_and(&unsure))],
            );
            ask = sentences(&[ask, believe]);
        }
        // Whether the person is owed after-care is itself the question here, so not "If … entitled, please".
        messages::fill("letter.requests.please", &[("ask", &ask)])
    }

    /// The options the user chose, each as a short ask; the reasons and sources for each are in the annex.
    fn short_options(&mut self, budgets: bool) -> Vec<String> {
        let options = self.request.options;
        let v = self.voice.clone();
        let mut items = Vec::new();
        if budgets {
            let phb = options.personal_health_budget && self.audience.nhs;
            let dp = options.direct_payments && self.audience.council;
            let key = match (dp, phb) {
                (true, true) => Some("letter.short.ask.budgets.both"),
                (true, false) => Some("letter.short.ask.budgets.direct_payments"),
                (false, true) => Some("letter.short.ask.budgets.phb"),
                (false, false) => None,
            };
            if let Some(key) = key {
                items.push(self.please(&messages::fill(key, &v.slots(&[]))));
            }
        }
        if options.advocate {
            items.push(self.please(&messages::fill("letter.short.ask.advocate", &v.slots(&[]))));
        }
        if options.copy_of_records {
            let law = self.cite(&[UK_GDPR_ART_15]);
            items.push(messages::fill(
                "letter.short.ask.records",
                &v.slots(&[("law", &law)]),
            ));
        }
        items
    }
}
