//! The letter's state and the order of its sections, built from the request and its [`Decision`].
//!
//! Every legal statement in the letter carries its source through [`Composer::cite`], which prints the
//! [`Citation`] label in brackets and records it in [`Letter::citations`]. Each section is written by its own
//! module: [`super::addressees`], [`super::opening`], [`super::chronology`], the requests ([`super::requests`],
//! [`super::bodies`] and [`super::doubts`], [`super::plan`], [`super::charges`], [`super::ending`], [`super::extras`]),
//! [`super::next_steps`] and [`super::notes`]. The person's words are [`super::voice::Voice`].

use super::bank_holidays::add_working_days;
use super::voice::Voice;
use super::{
    field, Addressee, Block, Letter, LetterRequest, Side, Tone, BEFORE_CLAIM_REPLY_DAYS,
    REPLY_WORKING_DAYS,
};
use crate::case::{Country, Detention};
use crate::date::Date;
use crate::decision::{BodyKind, Decision, Entitlement, FlagId};
use crate::messages;
use crate::sources::Citation;

/// What the letter is asking for, from the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Owed after-care now (including when an ending is in question).
    Entitled,
    /// Will be owed after-care on leaving hospital.
    OnLeaving,
    /// The duty was lawfully ended.
    Ended,
    /// Not known whether the person is owed after-care: ask the bodies to check.
    Unsure,
    /// Not owed on the facts given (or detained outside England and Wales): ask them to confirm the position.
    MayNotApply { out_of_scope: bool },
}

/// How the letter deals with an ending of after-care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ending {
    /// Nothing suggests it has ended.
    None,
    /// The person was told it ended, for a reason that cannot end it (or while on a CTO).
    Unlawful,
    /// The person was told it ended; whether by a joint decision is not known.
    InQuestion,
    /// Ended lawfully by a joint decision.
    Lawful,
}

/// Which sides the letter is addressed to.
#[derive(Debug, Clone, Copy)]
pub(super) struct Audience {
    pub(super) council: bool,
    pub(super) nhs: bool,
    /// This letter is one of two: a matching letter goes to the other side.
    pub(super) paired: bool,
}

/// Builds the letter.
pub(super) struct Composer<'a> {
    pub(super) request: &'a LetterRequest,
    pub(super) decision: &'a Decision,
    pub(super) voice: Voice,
    pub(super) tone: Tone,
    pub(super) mode: Mode,
    pub(super) ending: Ending,
    pub(super) audience: Audience,
    /// The detention the current duty comes from.
    pub(super) qualifying: Option<&'a Detention>,
    /// There was an earlier qualifying detention (the duty restarted under *Worcestershire*).
    pub(super) readmitted: bool,
    pub(super) addressees: Vec<Addressee>,
    /// Some addressee is a candidate that may hold the duty instead of the body named.
    pub(super) alternatives: bool,
    pub(super) cited: Vec<Citation>,
    pub(super) notes: Vec<String>,
}

pub(super) fn compose(request: &LetterRequest, decision: Decision, side: Side) -> Letter {
    let details = &request.details;
    let own = details.writer.is_none();
    let name = field(details.person.name.as_ref());
    let voice = Voice::new(name.as_deref(), own);
    let mode = match decision.entitlement {
        Entitlement::Entitled => Mode::Entitled,
        Entitlement::EntitledOnLeavingHospital => Mode::OnLeaving,
        Entitlement::Ended => Mode::Ended,
        Entitlement::Undetermined
            if decision.duty_arose.is_some() && decision.qualifying_detention.is_some() =>
        {
            Mode::Entitled
        }
        Entitlement::Undetermined => Mode::Unsure,
        Entitlement::NotEntitled => Mode::MayNotApply {
            out_of_scope: false,
        },
        Entitlement::OutOfScope => Mode::MayNotApply { out_of_scope: true },
    };
    let has = |id: FlagId| decision.flags.iter().any(|f| f.id == id);
    let ending = if mode == Mode::Ended {
        Ending::Lawful
    } else if has(FlagId::LikelyUnlawfulEnding) || has(FlagId::EndedWhileOnCto) {
        Ending::Unlawful
    } else if has(FlagId::AskForEndingDecision) {
        Ending::InQuestion
    } else {
        Ending::None
    };
    let (council, nhs, paired) = match side {
        Side::Both => (true, true, false),
        Side::Council => (true, false, false),
        Side::Nhs => (false, true, false),
        Side::PairedCouncil => (true, false, true),
        Side::PairedNhs => (false, true, true),
    };
    let audience = Audience {
        council,
        nhs,
        paired,
    };
    let qualifying = decision
        .qualifying_detention
        .and_then(|i| request.case.detentions.get(i));
    // There was an earlier qualifying detention. Not taken from `decision.periods`: an earlier stay left on a
    // date not given starts no period there, but the person was still detained again.
    let readmitted = decision
        .qualifying_detention
        .is_some_and(|i| decision.detentions.iter().take(i).any(|d| d.qualifying));
    // Body names can be text the user typed (a council the checker did not recognise), so they are cleaned
    // like every other field before they reach the letter.
    let mut view = decision.clone();
    for body in [view.council.as_mut(), view.nhs_body.as_mut()]
        .into_iter()
        .flatten()
    {
        body.name = super::clean(&body.name);
        for candidate in &mut body.candidates {
            candidate.name = super::clean(&candidate.name);
        }
    }
    let mut c = Composer {
        request,
        decision: &view,
        voice,
        tone: request.options.tone,
        mode,
        ending,
        audience,
        qualifying,
        readmitted,
        addressees: Vec::new(),
        alternatives: false,
        cited: Vec::new(),
        notes: Vec::new(),
    };
    c.addressees();
    let letter_date = request.date;
    let reply_by = match c.tone {
        Tone::LetterBeforeClaim => {
            Date::exact(letter_date.first_day() + chrono::Days::new(BEFORE_CLAIM_REPLY_DAYS))
        }
        Tone::FirstRequest | Tone::FormalComplaint => Date::exact(add_working_days(
            letter_date.first_day(),
            REPLY_WORKING_DAYS,
        )),
    };
    let (blocks, annex) = match c.tone {
        Tone::LetterBeforeClaim => {
            let grounds = c.grounds();
            (c.before_claim_body(reply_by, grounds), Vec::new())
        }
        Tone::FirstRequest | Tone::FormalComplaint => {
            let body = c.short_body(reply_by);
            // The grounds' sources count as cited only when the annex is printed.
            let cited = c.cited.clone();
            let grounds = c.grounds();
            if request.options.annex {
                let mut annex = vec![
                    Block::Heading {
                        text: messages::text("letter.annex.heading").into(),
                    },
                    Block::Paragraph {
                        text: messages::fill("letter.annex.intro", &c.voice.slots(&[])),
                    },
                ];
                annex.extend(grounds);
                (body, annex)
            } else {
                c.cited = cited;
                (body, Vec::new())
            }
        }
    };
    c.general_notes();
    let subject = c.subject();
    let sender = c.sender();
    let recommended_tone = c.recommended_tone();
    if recommended_tone == Tone::LetterBeforeClaim && c.tone != Tone::LetterBeforeClaim {
        c.notes
            .push(messages::text("letter.notes.before_claim_recommended").into());
    }
    let how_to_send = c.how_to_send();
    let tone = c.tone;
    let law_date = decision
        .law_date
        .parse::<Date>()
        .map(Date::long)
        .unwrap_or_else(|_| decision.law_date.to_owned());
    let footer = messages::fill(
        "letter.footer",
        &[("version", decision.rules_version), ("law_date", &law_date)],
    );
    let Composer {
        addressees,
        cited,
        notes,
        ..
    } = c;
    Letter {
        sender,
        addressees,
        date: letter_date.long(),
        reply_by,
        tone,
        recommended_tone,
        subject,
        blocks,
        annex,
        footer,
        notes,
        how_to_send,
        citations: cited,
        decision,
    }
}
impl Composer<'_> {
    /// The legal grounds in full: each stay in hospital and the periods of duty, then each point with its
    /// sources. The annex of a first request or a complaint, and the issue of a letter before claim.
    pub(super) fn grounds(&mut self) -> Vec<Block> {
        let mut out = self.chronology();
        out.push(Block::Heading {
            text: messages::text("letter.annex.points.heading").into(),
        });
        let items = self.requests();
        out.push(Block::List {
            ordered: true,
            items,
        });
        out.extend(self.ombudsman_time_limit());
        out
    }

    /// The Code of Practice for the bodies addressed: Wales has its own (2016); England's is the 2015 Code.
    pub(super) fn code_of_practice(&self) -> Citation {
        match self.nations() {
            (false, true) => crate::sources::COP_WALES_2016,
            _ => crate::sources::COP_2015_CH33,
        }
    }

    /// " (label; label)", recording each citation.
    pub(super) fn cite(&mut self, cites: &[Citation]) -> String {
        let labels: Vec<&str> = cites.iter().map(|c| c.label).collect();
        for c in cites {
            self.record(*c);
        }
        let labels = labels.join(messages::text("letter.cite.separator"));
        messages::fill("letter.cite", &[("labels", &labels)])
    }

    /// A source named in the running text (an ombudsman), recorded as cited.
    pub(super) fn name(&mut self, citation: Citation) -> &'static str {
        self.record(citation);
        citation.label
    }

    pub(super) fn record(&mut self, citation: Citation) {
        if !self.cited.iter().any(|c| c.id == citation.id) {
            self.cited.push(citation);
        }
    }

    pub(super) fn has(&self, id: FlagId) -> bool {
        self.decision.flags.iter().any(|f| f.id == id)
    }

    /// Whether the bodies addressed are in England, in Wales, or both, as (england, wales); (false, false) when
    /// neither is known.
    pub(super) fn nations(&self) -> (bool, bool) {
        let mut england = false;
        let mut wales = false;
        let sides = [
            (self.audience.council, self.decision.council.as_ref()),
            (self.audience.nhs, self.decision.nhs_body.as_ref()),
        ];
        for (addressed, body) in sides {
            if !addressed {
                continue;
            }
            match body.map(|b| b.kind) {
                Some(BodyKind::WelshCouncil | BodyKind::LocalHealthBoard) => wales = true,
                Some(
                    BodyKind::EnglishCouncil
                    | BodyKind::IntegratedCareBoard
                    | BodyKind::NhsEngland
                    | BodyKind::ClinicalCommissioningGroup,
                ) => england = true,
                Some(BodyKind::Council) | None => {}
            }
        }
        if self.has(FlagId::CrossBorderNhs) {
            england = true;
            wales = true;
        }
        if !england && !wales {
            match self.qualifying.map(|d| d.lived_before.country) {
                Some(Country::Wales) => wales = true,
                Some(Country::England) => england = true,
                _ => {}
            }
        }
        (england, wales)
    }
}
