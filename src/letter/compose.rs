//! The letter's wording, built from the request and its [`Decision`].
//!
//! Every legal statement in the letter carries its source through [`Composer::cite`], which prints the
//! [`Citation`] label in brackets and records it in [`Letter::citations`].
//!
//! # How the person is referred to
//!
//! Writing for themself, the person is "I". When someone writes for them, "I" is the writer, and the person is
//! named at the first mention in each paragraph or request ("Margaret Wood", "Margaret Wood's") and is "they"
//! after that, so the name is not repeated in every clause. Without a name it is "the person named above".
//! [`Voice`] holds both sets of words with their verb forms ("Margaret Wood is", "they are", "I am").

use super::bank_holidays::add_working_days;
use super::{
    address_lines, field, Addressee, AddresseeKind, Authority, Block, Letter, LetterRequest, Side,
    BLANK, REPLY_WORKING_DAYS,
};
use crate::case::{Country, Detention, EndingReason, Jurisdiction, Leaving, Recall, Section};
use crate::date::{Date, Precision};
use crate::decision::{Body, BodyKind, DeadlineKind, Decision, Entitlement, FlagId, PeriodEnd};
use crate::rules::qualifying_detention::is_qualifying;
use crate::rules::responsible_council::recognise;
use crate::rules::{LAW_DATE, RULES_VERSION};
use crate::sources::{
    Citation, CARE_ACT_2014_SCH_4, COP_2015_CH33, CPR_54_5, CXF_2018, HCA_2022_SCH_4,
    LGA_1974_S26B, LGSCO, LGSCO_REFUNDS, MHA_1983_S117A, MHA_1983_S117_1, MHA_1983_S117_2,
    MHA_1983_S117_2C, MHA_1983_S117_3, MHA_1983_S117_4, MHA_1983_S117_6, MHA_1983_S130A,
    MHA_1983_S130E, MHA_1983_S17, MHCTSA_2003, MHNIO_1986, NHSE_PHB_LEGAL_RIGHTS, PHSO, PSOW,
    PSOW_ACT_2019_S8, SI_2014_2670_REG_4, SI_2022_635, SI_2022_635_REG_8, SSWBWA_2014_SCH_A1,
    STENNETT_2002, SUNDERLAND_2012, UK_GDPR_ART_15, WHO_PAYS, WILTSHIRE_2014, WORCESTERSHIRE_2023,
};

/// The words for the person, at first mention (`n…`) and after it (`they…`), with their verb forms.
#[derive(Debug, Clone)]
struct Voice {
    /// The person is writing for themself.
    own: bool,
    /// First mention as subject: "I", "Margaret Wood", "the person named above".
    n: String,
    /// First mention as possessive: "my", "Margaret Wood's", "their".
    n_poss: String,
    /// Later mentions: "I" or "they".
    they: &'static str,
    /// "me" or "them".
    them: &'static str,
    /// "my" or "their".
    their: &'static str,
}

impl Voice {
    fn new(name: Option<&str>, own: bool) -> Voice {
        let (n, n_poss) = match (own, name) {
            (true, _) => ("I".to_owned(), "my".to_owned()),
            (false, Some(name)) => (name.to_owned(), format!("{name}'s")),
            (false, None) => ("the person named above".to_owned(), "their".to_owned()),
        };
        Voice {
            own,
            n,
            n_poss,
            they: if own { "I" } else { "they" },
            them: if own { "me" } else { "them" },
            their: if own { "my" } else { "their" },
        }
    }
    /// `own` when the person is writing for themself, `other` when someone writes for them.
    fn pick(&self, own: &'static str, other: &'static str) -> &'static str {
        if self.own {
            own
        } else {
            other
        }
    }
    /// After the first mention: "am" or "is".
    fn be_n(&self) -> &'static str {
        self.pick("am", "is")
    }
    /// After the first mention: "have" or "has".
    fn have_n(&self) -> &'static str {
        self.pick("have", "has")
    }
    /// After "they": "am" or "are".
    fn be_they(&self) -> &'static str {
        self.pick("am", "are")
    }
    /// After "they": "was" or "were".
    fn was_they(&self) -> &'static str {
        self.pick("was", "were")
    }
}

/// Upper-cases the first character.
fn cap(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "on 1 March 2025", "in March 2025", "in 2025".
fn on(date: Date) -> String {
    match date.precision() {
        Precision::Day => format!("on {}", date.long()),
        Precision::Month | Precision::Year => format!("in {}", date.long()),
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// What the letter is asking for, from the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
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
enum Ending {
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
struct Audience {
    council: bool,
    nhs: bool,
    /// This letter is one of two: a matching letter goes to the other side.
    paired: bool,
}

/// Builds the letter.
struct Composer<'a> {
    request: &'a LetterRequest,
    decision: &'a Decision,
    voice: Voice,
    mode: Mode,
    ending: Ending,
    audience: Audience,
    /// The detention the current duty comes from.
    qualifying: Option<&'a Detention>,
    /// There was an earlier qualifying detention (the duty restarted under *Worcestershire*).
    readmitted: bool,
    addressees: Vec<Addressee>,
    cited: Vec<Citation>,
    notes: Vec<String>,
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
    let readmitted = decision.qualifying_detention.is_some_and(|i| {
        request
            .case
            .detentions
            .iter()
            .take(i)
            .any(|d| crate::rules::jurisdiction::is_mha_1983(d.detained_in) && is_qualifying(d))
    });
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
        mode,
        ending,
        audience,
        qualifying,
        readmitted,
        addressees: Vec::new(),
        cited: Vec::new(),
        notes: Vec::new(),
    };
    c.addressees();
    let letter_date = request.date;
    let reply_by = Date::exact(add_working_days(
        letter_date.first_day(),
        REPLY_WORKING_DAYS,
    ));
    let mut blocks = vec![Block::Paragraph {
        text: "Dear Sir or Madam,".into(),
    }];
    blocks.extend(c.introduction());
    blocks.extend(c.person_details());
    blocks.extend(c.chronology());
    blocks.push(Block::Heading {
        text: "What I am asking you to do".into(),
    });
    let requests = c.requests();
    blocks.push(Block::List {
        ordered: true,
        items: requests,
    });
    blocks.extend(c.reply_and_next_steps(reply_by));
    blocks.push(Block::Paragraph {
        text: "Thank you for your help with this. I look forward to hearing from you.".into(),
    });
    blocks.push(c.signature());
    c.general_notes();
    let subject = c.subject();
    let sender = c.sender();
    let footer = format!(
        "Prepared with the Section 117 after-care checker, rules version {RULES_VERSION}, reflecting the law as at {}. The checker is a screening tool, not legal advice.",
        LAW_DATE
            .parse::<Date>()
            .map(Date::long)
            .unwrap_or_else(|_| LAW_DATE.to_owned())
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
        subject,
        blocks,
        footer,
        notes,
        citations: cited,
        decision,
    }
}

impl Composer<'_> {
    /// " (label; label)", recording each citation.
    fn cite(&mut self, cites: &[Citation]) -> String {
        let labels: Vec<&str> = cites.iter().map(|c| c.label).collect();
        for c in cites {
            self.record(*c);
        }
        format!(" ({})", labels.join("; "))
    }

    /// A source named in the running text (an ombudsman), recorded as cited.
    fn name(&mut self, citation: Citation) -> &'static str {
        self.record(citation);
        citation.label
    }

    fn record(&mut self, citation: Citation) {
        if !self.cited.iter().any(|c| c.id == citation.id) {
            self.cited.push(citation);
        }
    }

    fn has(&self, id: FlagId) -> bool {
        self.decision.flags.iter().any(|f| f.id == id)
    }

    /// Whether the bodies addressed are in England, in Wales, or both, as (england, wales); (false, false) when
    /// neither is known.
    fn nations(&self) -> (bool, bool) {
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

    /// The addressees, with candidates and fill-in lines.
    fn addressees(&mut self) {
        let mut list = Vec::new();
        let point = "see point 2";
        let side = |kind: AddresseeKind,
                    name: &str,
                    department: &str,
                    certain: bool,
                    why: Option<String>| Addressee {
            name: name.to_owned(),
            department: department.to_owned(),
            kind,
            certain,
            why,
        };
        let unsure = |what: &str| {
            format!("Sent to you as the {what} that appears to hold the duty, though this is not certain: {point}.")
        };
        let instead = format!("Sent to you because you may hold the duty instead: {point}.");
        // The body named, then each candidate that may hold the duty instead.
        let named = |list: &mut Vec<Addressee>,
                     kind: AddresseeKind,
                     body: &Body,
                     department: &str,
                     what: &str| {
            let sure = body.certain && body.candidates.is_empty();
            let why = (!sure).then(|| unsure(what));
            list.push(side(kind, &body.name, department, sure, why));
            for candidate in &body.candidates {
                list.push(side(
                    kind,
                    &candidate.name,
                    department,
                    false,
                    Some(instead.clone()),
                ));
            }
        };
        if self.audience.council {
            let department = "Adult Social Care";
            match &self.decision.council {
                Some(body) => named(
                    &mut list,
                    AddresseeKind::Council,
                    body,
                    department,
                    "council",
                ),
                None => list.push(side(
                    AddresseeKind::Council,
                    "[name of council]",
                    department,
                    false,
                    None,
                )),
            }
        }
        if self.audience.nhs {
            let department = "Section 117 after-care";
            match &self.decision.nhs_body {
                Some(body) if body.kind == BodyKind::NhsEngland => {
                    let why = Some(format!(
                        "Sent to you for the specialised services in the after-care: {point}."
                    ));
                    list.push(side(
                        AddresseeKind::NhsBody,
                        &body.name,
                        "Specialised commissioning (section 117 after-care)",
                        body.certain,
                        why,
                    ));
                    for candidate in &body.candidates {
                        let why = Some(format!(
                            "Sent to you for the rest of the after-care: {point}."
                        ));
                        list.push(side(
                            AddresseeKind::NhsBody,
                            &candidate.name,
                            department,
                            body.certain,
                            why,
                        ));
                    }
                }
                Some(body) => named(
                    &mut list,
                    AddresseeKind::NhsBody,
                    body,
                    department,
                    "NHS body",
                ),
                None => {
                    let name = match self.nations() {
                        (false, true) => "[name of local health board]",
                        (true, false) => "[name of integrated care board]",
                        _ => "[name of NHS body]",
                    };
                    list.push(side(AddresseeKind::NhsBody, name, department, false, None));
                }
            }
        }
        if list.iter().any(|a| a.name.starts_with('[')) {
            self.notes.push("The checker could not name every body this letter should go to. Fill in the name in square brackets before you send it: your council's adult social care department, and your integrated care board (in Wales, your local health board). Your GP surgery can tell you which NHS body it belongs to.".into());
        }
        self.addressees = list;
    }

    /// Is any addressee a candidate that may hold the duty instead of the body named?
    fn has_alternatives(&self) -> bool {
        self.addressees
            .iter()
            .any(|a| a.why.as_deref().is_some_and(|w| w.contains("instead")))
    }

    /// The sender's lines: the writer's, or the person's.
    fn sender(&self) -> Vec<String> {
        let details = &self.request.details;
        let (name, address, phone, email) = match &details.writer {
            Some(w) => (
                field(w.name.as_ref()),
                address_lines(w.address.as_ref()),
                field(w.phone.as_ref()),
                field(w.email.as_ref()),
            ),
            None => {
                let p = &details.person;
                (
                    field(p.name.as_ref()),
                    address_lines(p.address.as_ref()),
                    field(p.phone.as_ref()),
                    field(p.email.as_ref()),
                )
            }
        };
        let mut lines = vec![name.unwrap_or_else(|| BLANK.into())];
        if address.is_empty() {
            lines.push(BLANK.into());
            lines.push(BLANK.into());
        } else {
            lines.extend(address);
        }
        if let Some(phone) = phone {
            lines.push(format!("Phone: {phone}"));
        }
        if let Some(email) = email {
            lines.push(format!("Email: {email}"));
        }
        lines
    }

    fn subject(&self) -> String {
        let person = &self.request.details.person;
        let name = field(person.name.as_ref()).unwrap_or_else(|| BLANK.into());
        let born = date_of_birth(person.date_of_birth.as_ref()).unwrap_or_else(|| BLANK.into());
        let what = match self.mode {
            Mode::Entitled | Mode::OnLeaving | Mode::Ended => "request for written confirmation",
            Mode::Unsure | Mode::MayNotApply { .. } => "request to confirm the position",
        };
        format!("Section 117 Mental Health Act 1983 after-care for {name}, born {born}: {what}")
    }

    /// The opening paragraphs: who is writing, what for, and to whom.
    fn introduction(&mut self) -> Vec<Block> {
        let mut out = Vec::new();
        let v = self.voice.clone();
        if let Some(writer) = &self.request.details.writer {
            let person = field(self.request.details.person.name.as_ref());
            let relationship = field(writer.relationship.as_ref());
            let mut text = match (&person, &relationship) {
                (Some(name), Some(rel)) => {
                    format!("I am {name}'s {rel}, and I am writing on their behalf.")
                }
                (Some(name), None) => format!("I am writing on behalf of {name}."),
                (None, Some(rel)) => {
                    format!("I am writing on behalf of the person named above, as their {rel}.")
                }
                (None, None) => "I am writing on behalf of the person named above.".into(),
            };
            text.push(' ');
            text.push_str(match writer.authority {
                Some(Authority::Consent) => "I enclose their signed consent to my writing to you.",
                Some(Authority::LastingPowerOfAttorney) => {
                    "I am their attorney under a lasting power of attorney, and I enclose a copy."
                }
                Some(Authority::Deputy) => {
                    "I am their deputy, appointed by the Court of Protection, and I enclose a copy of the court's order."
                }
                Some(Authority::Other) => "I enclose evidence of my authority to act for them.",
                None => "If you need their written consent before you can reply to me, please tell me straight away rather than delaying your reply.",
            });
            out.push(Block::Paragraph { text });
        }
        let (n, n_poss, they, their) = (&v.n, &v.n_poss, cap(v.they), v.their);
        let (is, were) = (v.be_n(), v.was_they());
        let s117 = "after-care under section 117 of the Mental Health Act 1983";
        let mut text = match (self.mode, self.ending) {
            (Mode::Entitled, Ending::Unlawful) => format!(
                "I am writing to ask you to confirm in writing that {n} {is} still entitled to {s117}. {they} {were} told that {their} after-care had ended, but I do not believe it was ended lawfully, for the reasons given below."
            ),
            (Mode::Entitled, Ending::InQuestion) => format!(
                "I am writing to ask you to confirm in writing whether {n_poss} {s117} has been lawfully ended. {they} {were} told that it had, and I am asking for the decision and the other points set out below."
            ),
            (Mode::Entitled, _) => format!(
                "I am writing to ask you to confirm in writing that {n} {is} entitled to {s117}, and to confirm the other points set out below."
            ),
            (Mode::OnLeaving, _) => self.on_leaving_intro(),
            (Mode::Ended, _) => {
                let when = self
                    .request
                    .case
                    .aftercare_ended
                    .as_ref()
                    .and_then(|e| e.date)
                    .map(|d| format!(" {}", on(d)))
                    .unwrap_or_default();
                format!(
                    "I understand that{when} the council and the NHS body decided together to end {n_poss} {s117}. I am writing to ask for that decision and the other points set out below."
                )
            }
            (Mode::Unsure, _) => format!(
                "I am writing to ask you to confirm in writing whether {n} {is} entitled to {s117}, and the other points set out below. I believe {} may be, but I do not have all the details, so I am asking you to check your records.",
                v.they
            ),
            (Mode::MayNotApply { out_of_scope }, _) => {
                out.push(self.may_not_apply_intro(out_of_scope));
                return out;
            }
        };
        text.push(' ');
        text.push_str(&self.audience_sentence());
        out.push(Block::Paragraph { text });
        out
    }

    /// Why the letter goes to the bodies it goes to.
    fn audience_sentence(&mut self) -> String {
        let shared = self.cite(&[MHA_1983_S117_2]);
        let this_letter = match self.addressees.len() {
            0 | 1 => "this letter to you",
            2 if self.audience.council && self.audience.nhs => "this letter to both of you",
            _ => "this letter to each body listed above",
        };
        let other = |body: Option<&Body>, fallback: &str| {
            body.map_or_else(|| fallback.to_owned(), |b| b.name.clone())
        };
        if let Some(others) = self.twin() {
            let (us, them) = if self.audience.council {
                ("council", "NHS body")
            } else {
                ("NHS body", "council")
            };
            return format!(
                "The {us} shares the duty to provide after-care with the {them}{shared}, so I am sending {this_letter}, and at the same time a matching letter to {others}. You may reply jointly or separately."
            );
        }
        match (self.audience.council, self.audience.nhs) {
            (true, true) => format!(
                "The council and the NHS body share the duty to provide after-care{shared}, so I am sending {this_letter}. You may reply jointly or separately."
            ),
            (true, false) => format!(
                "The council shares the duty to provide after-care with the NHS body{shared}. I am sending {this_letter}, and a similar letter to {}.",
                other(self.decision.nhs_body.as_ref(), "the NHS body")
            ),
            (false, _) => format!(
                "The NHS body shares the duty to provide after-care with the council{shared}. I am sending {this_letter}, and a similar letter to {}.",
                other(self.decision.council.as_ref(), "the council")
            ),
        }
    }

    /// For one of two letters ([`Side::PairedCouncil`], [`Side::PairedNhs`]), every body the other letter is
    /// addressed to, so that this one, read alone, says where its twin went; `None` for a letter on its own.
    fn twin(&self) -> Option<String> {
        if !self.audience.paired {
            return None;
        }
        let (body, them) = if self.audience.council {
            (self.decision.nhs_body.as_ref(), "the NHS body")
        } else {
            (self.decision.council.as_ref(), "the council")
        };
        Some(match body {
            Some(body) => join_and(
                &std::iter::once(body.name.clone())
                    .chain(body.candidates.iter().map(|c| c.name.clone()))
                    .collect::<Vec<_>>(),
            ),
            None => them.to_owned(),
        })
    }

    fn on_leaving_intro(&mut self) -> String {
        let v = self.voice.clone();
        let (n, they, their) = (cap(&v.n), v.they, v.their);
        let d = self.qualifying;
        let section = d.map_or("the Mental Health Act 1983", |d| d.section.describe());
        let since = d
            .and_then(|d| d.admitted)
            .map(|a| format!(" since {}", a.long()))
            .unwrap_or_default();
        let where_now = match d.and_then(|d| d.leaving) {
            Some(Leaving::StayedInformally) => format!(
                "{n} was detained under {section}, and {they} {} still in hospital as an informal patient.",
                v.be_they()
            ),
            _ => format!("{n} {} been detained in hospital under {section}{since}.", v.have_n()),
        };
        let escorted = if d.and_then(|d| d.leaving) == Some(Leaving::EscortedLeaveOnly) {
            format!(
                " So far {they} have had only short, escorted leave, which does not count as leaving hospital{}.",
                self.cite(&[CXF_2018])
            )
        } else {
            String::new()
        };
        let basis = self.cite(&[MHA_1983_S117_1]);
        format!(
            "{where_now}{escorted} When {they} leave hospital, {they} will be entitled to after-care under section 117{basis}. I am writing now so that {their} after-care can be planned before {they} leave, and to ask you to confirm the points set out below."
        )
    }

    fn may_not_apply_intro(&mut self, out_of_scope: bool) -> Block {
        let v = self.voice.clone();
        let (n, is, them, their) = (&v.n, v.be_n(), v.them, v.their);
        let mut text = format!(
            "I am writing to ask you to confirm in writing whether {n} {is} entitled to after-care under section 117 of the Mental Health Act 1983."
        );
        let basis = self.cite(&[MHA_1983_S117_1]);
        if out_of_scope {
            let (scotland, ni) =
                self.request
                    .case
                    .detentions
                    .iter()
                    .fold((false, false), |(s, n), d| {
                        (
                            s || d.detained_in == Jurisdiction::Scotland,
                            n || d.detained_in == Jurisdiction::NorthernIreland,
                        )
                    });
            let mut laws = Vec::new();
            if scotland {
                laws.push(format!("the {}", self.name(MHCTSA_2003)));
            }
            if ni {
                laws.push(format!("the {}", self.name(MHNIO_1986)));
            }
            let instead = if laws.is_empty() {
                String::new()
            } else {
                let is = if laws.len() > 1 {
                    "laws that apply there are"
                } else {
                    "law that applies there is"
                };
                format!(" The {is} {}.", join_and(&laws))
            };
            text.push_str(&format!(
                " {} stays in hospital, set out below, were outside England and Wales. I understand that section 117 applies only to detention under that Act in England and Wales{basis}, so it may not apply to {them}.{instead} I would be grateful if you would check your records and confirm the position.",
                cap(their)
            ));
        } else {
            text.push_str(&format!(
                " I understand that this after-care is owed to people who have been detained under section 3, 37, 45A, 47 or 48 of that Act and have then left hospital{basis}. From what I know of {their} history, set out below, section 117 may not apply to {them}, but I would be grateful if you would check your records and confirm the position."
            ));
        }
        if let Some(others) = self.twin() {
            let shared = self.cite(&[MHA_1983_S117_2]);
            let (us, them) = if self.audience.council {
                ("council", "NHS body")
            } else {
                ("NHS body", "council")
            };
            text.push_str(&format!(
                " The {us} shares any such duty with the {them}{shared}, so I am sending a matching letter to {others} at the same time."
            ));
        }
        self.notes.push(if out_of_scope {
            "The checker found that section 117 does not apply, because the stays you described were under the law of Scotland or Northern Ireland. This letter only asks the council and the NHS body to confirm the position; it does not claim after-care. For advice in Scotland, contact the Mental Welfare Commission for Scotland; in Northern Ireland, the Regulation and Quality Improvement Authority.".into()
        } else {
            "The checker found that, on what you told it, you are not owed section 117 after-care. This letter only asks the council and the NHS body to check their records and confirm the position; it does not claim after-care. Read it before you send it, and get advice if you are unsure.".into()
        });
        Block::Paragraph { text }
    }

    /// The person's details, with blanks to fill in.
    fn person_details(&self) -> Vec<Block> {
        let p = &self.request.details.person;
        let blank = || BLANK.to_owned();
        let address = address_lines(p.address.as_ref());
        let items = vec![
            format!("Name: {}", field(p.name.as_ref()).unwrap_or_else(blank)),
            format!(
                "Date of birth: {}",
                date_of_birth(p.date_of_birth.as_ref()).unwrap_or_else(blank)
            ),
            format!(
                "Address: {}",
                if address.is_empty() {
                    blank()
                } else {
                    address.join(", ")
                }
            ),
            format!(
                "NHS number: {}",
                field(p.nhs_number.as_ref()).unwrap_or_else(blank)
            ),
        ];
        let heading = if self.voice.own {
            "My details"
        } else {
            "The person this letter is about"
        };
        vec![
            Block::Heading {
                text: heading.into(),
            },
            Block::List {
                ordered: false,
                items,
            },
        ]
    }

    /// Each stay in hospital, oldest first.
    fn chronology(&mut self) -> Vec<Block> {
        let detentions = &self.request.case.detentions;
        let mut items: Vec<String> = detentions
            .iter()
            .enumerate()
            .map(|(i, d)| self.stay(d, i > 0))
            .collect();
        if items.is_empty() {
            items.push(format!(
                "Section: {BLANK}. In hospital from {BLANK} to {BLANK}. Lived immediately before in the area of: {BLANK}."
            ));
        }
        let heading = if self.voice.own {
            "My time in hospital under the Mental Health Act"
        } else {
            "Time in hospital under the Mental Health Act"
        };
        let mut blocks = vec![
            Block::Heading {
                text: heading.into(),
            },
            Block::List {
                ordered: true,
                items,
            },
        ];
        if let Some(text) = self.periods_sentence() {
            blocks.push(Block::Paragraph { text });
        }
        blocks
    }

    /// The periods of after-care the history gives, from the Decision, when there was more than one or one ended:
    /// "On these facts, my after-care duty ran from 1 June 2019 to 3 March 2021, when I was detained again, and
    /// again from 20 September 2021."
    fn periods_sentence(&mut self) -> Option<String> {
        let periods = self.decision.periods.clone();
        let ended = periods.iter().any(|p| p.ended_by.is_some());
        if periods.len() < 2 && !ended {
            return None;
        }
        let v = self.voice.clone();
        let spans: Vec<String> = periods
            .iter()
            .map(|p| {
                let why = match p.ended_by {
                    Some(PeriodEnd::Readmission) => {
                        format!(", ending when {} {} detained again,", v.they, v.was_they())
                    }
                    Some(PeriodEnd::JointDecision) => ", ending with a joint decision,".to_owned(),
                    Some(PeriodEnd::Death) => String::new(),
                    None => " to now".to_owned(),
                };
                match p.to {
                    Some(to) => format!("from {} to {}{why}", p.from.long(), to.long()),
                    None => format!("from {}{why}", p.from.long()),
                }
            })
            .collect();
        let law = self.cite(&[MHA_1983_S117_1, MHA_1983_S117_2]);
        let text = join_and(&spans);
        let text = text.trim_end_matches(',');
        Some(format!(
            "On these facts, {} after-care duty ran {text}{law}.",
            v.n_poss
        ))
    }

    /// One stay, in a few sentences.
    fn stay(&self, d: &Detention, later: bool) -> String {
        let v = &self.voice;
        let (n, they, their) = (cap(&v.n), cap(v.they), v.their);
        let (are, were, lower_they) = (v.be_they(), v.was_they(), v.they);
        // A missing start date is a line to fill in, like the person's details.
        let from = format!(
            " from {}",
            d.admitted.map_or_else(|| BLANK.to_owned(), Date::long)
        );
        let at = field(d.hospital.as_ref())
            .map(|h| format!(", at {h}"))
            .unwrap_or_default();
        let again = if later { " again" } else { "" };
        let outside = match d.detained_in {
            Jurisdiction::England | Jurisdiction::Wales => None,
            Jurisdiction::Scotland => Some("Scotland"),
            Jurisdiction::NorthernIreland => Some("Northern Ireland"),
        };
        let mut text = if let Some(country) = outside {
            format!("{n} was detained{again} in hospital in {country}{from}{at}.")
        } else {
            match (d.recall, d.section) {
                (Some(Recall::CtoRevoked), _) => format!(
                    "{n} was recalled to hospital{from}{at}, and {their} community treatment order was revoked, so {lower_they} {were} detained again under section 3 (admission for treatment)."
                ),
                (Some(Recall::CtoRecallNotRevoked), _) => format!(
                    "{n} was recalled to hospital{from}{at} under {their} community treatment order. The order was not revoked."
                ),
                (Some(Recall::ConditionalDischargeRecall), section) => format!(
                    "{n} was recalled to hospital{from}{at} from {their} conditional discharge, and detained again under {}.",
                    section.describe()
                ),
                (None, Section::Informal) => {
                    format!("{n} was admitted{again} to hospital{from}{at} as an informal (voluntary) patient.")
                }
                (None, Section::Unknown) => format!(
                    "{n} was detained{again} in hospital{from}{at} under the Mental Health Act 1983. I do not know which section."
                ),
                (None, section) => format!("{n} was detained{again} under {}{from}{at}.", section.describe()),
            }
        };
        text.push(' ');
        text.push_str(&self.lived_before(d));
        let ended = d.section_ended;
        let left = d.left_hospital;
        let when = |date: Option<Date>| date.map(|x| format!(" {}", on(x))).unwrap_or_default();
        let leaving = match d.leaving {
            Some(Leaving::Discharged) => match (ended, left) {
                (Some(e), Some(l)) if e != l => format!(
                    "The section ended {}, and {lower_they} left hospital {}.",
                    on(e),
                    on(l)
                ),
                (_, Some(l)) => format!("{they} {were} discharged and left hospital {}.", on(l)),
                (Some(e), None) => format!("{they} {were} discharged {}.", on(e)),
                (None, None) => format!("{they} {were} later discharged and left hospital."),
            },
            Some(Leaving::Cto) => match d.cto_ended {
                Some(c) => format!(
                    "{they} left hospital{} on a community treatment order, which ended {}.",
                    when(left),
                    on(c)
                ),
                None => format!(
                    "{they} left hospital{} on a community treatment order, which is still in place.",
                    when(left)
                ),
            },
            Some(Leaving::ConditionalDischarge) => format!(
                "{they} {were} conditionally discharged and left hospital{}.",
                when(left.or(ended))
            ),
            Some(Leaving::S17Leave) => format!(
                "{they} left hospital{} on leave under section 17, living in the community.",
                when(left)
            ),
            Some(Leaving::EscortedLeaveOnly) => format!(
                "{they} have had only short, escorted leave under section 17, and {are} still living in hospital."
            ),
            Some(Leaving::StayedInformally) => match left {
                Some(l) => format!(
                    "The section ended{}, and {lower_they} stayed in hospital as an informal patient until {}.",
                    when(ended),
                    l.long()
                ),
                None => format!(
                    "The section ended{}, and {lower_they} {are} still in hospital as an informal patient.",
                    when(ended)
                ),
            },
            Some(Leaving::ReturnedToPrison) => {
                format!("{they} {were} returned to prison{}.", when(left.or(ended)))
            }
            Some(Leaving::StillInHospital) => format!("{they} {are} still in hospital under this section."),
            Some(Leaving::Died) => format!("{they} died in hospital{}.", when(left.or(ended))),
            Some(Leaving::TransferredOutOfEnglandAndWales) => format!(
                "{they} {were} transferred to a hospital outside England and Wales{}.",
                when(left.or(ended))
            ),
            None => match (ended, left) {
                (_, Some(l)) => format!("{they} left hospital {}.", on(l)),
                (Some(e), None) => format!("The section ended {}.", on(e)),
                (None, None) => String::new(),
            },
        };
        if !leaving.is_empty() {
            text.push(' ');
            text.push_str(&leaving);
        }
        text
    }

    /// "Immediately before that, I lived in …", with how the person came to live there.
    fn lived_before(&self, d: &Detention) -> String {
        let v = &self.voice;
        let (they, lower_they, them, their, were) =
            (cap(v.they), v.they, v.them, v.their, v.was_they());
        let lived = &d.lived_before;
        let place = match lived.country {
            Country::England | Country::Wales => {
                let country = if lived.country == Country::England {
                    "England"
                } else {
                    "Wales"
                };
                match field(lived.council.as_ref()) {
                    Some(typed) => {
                        let named = recognise(&typed);
                        // A district or former district is named as typed, then its council ("in Bromsgrove, in
                        // the area of Worcestershire County Council").
                        if named.note.is_some() && !is_code(&typed) {
                            format!("lived in {typed}, in the area of {}", named.name)
                        } else {
                            format!("lived in the area of {}", named.name)
                        }
                    }
                    None => format!("lived in {country}, in the area of {BLANK}"),
                }
            }
            Country::Scotland => "lived in Scotland".into(),
            Country::NorthernIreland => "lived in Northern Ireland".into(),
            Country::OutsideUk => "lived outside the United Kingdom".into(),
            Country::NoSettledHome => "had no settled home".into(),
        };
        let mut text = format!("Immediately before that, {lower_they} {place}.");
        if let Some(placer) = field(lived.placed_by.as_ref()) {
            let placer = recognise(&placer).name;
            text.push_str(&format!(
                " {they} lived there because {placer} placed {them} there."
            ));
        }
        if lived.lacked_capacity == Some(true) {
            text.push_str(&format!(
                " {they} lacked the capacity to decide where to live."
            ));
        }
        if lived.required_by_discharge_condition == Some(true) {
            text.push_str(&format!(
                " {they} lived there because a condition of {their} conditional discharge required it."
            ));
        }
        if lived.informal_in_hospital_after_losing_home == Some(true) {
            text.push_str(&format!(
                " {they} {were} then an informal patient in hospital, having lost {their} previous home."
            ));
        }
        text
    }

    /// The numbered requests. Point 2 is always who holds the duty (the addressees refer to it).
    fn requests(&mut self) -> Vec<String> {
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

    /// "If I am entitled, please …" for an undetermined case; the text unchanged otherwise.
    fn hedge(&self, text: String) -> String {
        if self.mode != Mode::Unsure {
            return text;
        }
        match text.strip_prefix("Please ") {
            Some(rest) => format!(
                "If {} {} entitled, please {rest}",
                self.voice.n,
                self.voice.be_n()
            ),
            None => text,
        }
    }

    fn entitlement_request(&mut self) -> String {
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

    /// Which council and NHS body hold the duty, on what basis, and why it may be uncertain.
    fn responsibility_request(&mut self) -> String {
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
        let mut text = match (to_council, to_nhs) {
            (true, true) => match (name(&council), name(&nhs)) {
                (Some(c), Some(n)) if council_sure && nhs_sure => format!(
                    "Please confirm that {c} and {n} are the council and the NHS body that {hold} this duty, and on what basis."
                ),
                _ => format!("Please confirm which council and which NHS body {hold} this duty, and on what basis."),
            },
            (true, false) => {
                // One of two letters, with the other side named for sure: ask to confirm it, not to name it.
                let shares = match name(&nhs) {
                    Some(n) if paired && nhs_sure => format!("confirm that {n} shares it"),
                    _ => "tell me which NHS body shares it".to_owned(),
                };
                match name(&council) {
                    Some(c) if council_sure => format!(
                        "Please confirm that {c} is the council that {holds} this duty, and on what basis, and {shares}."
                    ),
                    _ => format!(
                        "Please confirm which council {holds} this duty, and on what basis, and {shares}."
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
                        "Please confirm that {n} is the NHS body that {holds} this duty, and on what basis, and {shares}."
                    ),
                    _ => format!(
                        "Please confirm which NHS body {holds} this duty, and on what basis, and {shares}."
                    ),
                }
            }
        };
        text = self.hedge(text);
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
    fn hold(&self) -> (&'static str, &'static str) {
        match self.mode {
            Mode::OnLeaving => ("will hold", "will hold"),
            Mode::Ended => ("held", "held"),
            _ => ("hold", "holds"),
        }
    }

    /// Our understanding of why the council is responsible.
    fn council_basis(&mut self) -> String {
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
    fn original_council_after_imposed_recall(&self) -> Option<(String, Option<String>)> {
        let d = self.qualifying?;
        if !self.readmitted
            || !self.has(FlagId::ResidenceImposedByCondition)
            || d.recall != Some(Recall::ConditionalDischargeRecall)
        {
            return None;
        }
        let council = self.decision.council.as_ref()?;
        let imposed = field(d.lived_before.council.as_ref()).map(|t| recognise(&t).name);
        if imposed.as_deref() == Some(council.name.as_str()) {
            return None;
        }
        Some((council.name.clone(), imposed))
    }

    /// Our understanding of why the NHS body is responsible.
    fn nhs_basis(&mut self, nhs: Option<&Body>) -> String {
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
    fn dispute_request(&mut self) -> String {
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
    fn council_doubts(&mut self, council: Option<&Body>) -> Vec<String> {
        let mut out = Vec::new();
        let v = self.voice.clone();
        let (they, lower_they, them, their, were) =
            (cap(v.they), v.they, v.them, v.their, v.was_they());
        let lived = self.qualifying.map(|d| &d.lived_before);
        let here = council.map_or_else(|| "the council".to_owned(), |b| b.name.clone());
        if self.has(FlagId::PlacedOutOfArea) {
            let placer = lived
                .and_then(|l| field(l.placed_by.as_ref()))
                .map_or_else(|| "another council".to_owned(), |p| recognise(&p).name);
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
    /// comes from?
    fn later_unknown_section(&self) -> bool {
        self.decision.qualifying_detention.is_some_and(|i| {
            self.request.case.detentions.iter().skip(i + 1).any(|d| {
                d.section == Section::Unknown
                    && crate::rules::jurisdiction::is_mha_1983(d.detained_in)
            })
        })
    }

    /// `placement_facts_needed`: the person lacked capacity to decide where to live, and who arranged where
    /// they lived is not known. Asks the council whether any council arranged it, citing what the flag cites.
    fn placement_question(&mut self) -> Option<String> {
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
    fn nhs_doubts(&mut self) -> Vec<String> {
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

    /// Did the run of detentions behind the current duty begin before ICBs took over, with the ICB on
    /// 1 July 2022 not given?
    fn began_before_icbs(&self) -> bool {
        let case = &self.request.case;
        let Some(index) = self.decision.qualifying_detention else {
            return false;
        };
        if index >= case.detentions.len() || case.gp_icb_on_1_july_2022.is_some() {
            return false;
        }
        let start = crate::rules::readmission::chain_start(case, index);
        case.detentions
            .get(start)
            .and_then(|d| d.admitted)
            .is_some_and(|a| a.first_day() < crate::rules::responsible_nhs_body::ICBS_ESTABLISHED)
    }

    fn plan_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n_poss, they, their) = (&v.n_poss, v.they, v.their);
        let cop = self.cite(&[COP_2015_CH33]);
        let definition = format!(
            " After-care services are those that meet a need arising from or related to {their} mental disorder and reduce the risk of {their} condition getting worse{}.",
            self.cite(&[MHA_1983_S117_6])
        );
        let text = if self.mode == Mode::OnLeaving {
            format!(
                "Please tell me how {n_poss} after-care is being planned before {they} leave hospital and who is involved, and send me a copy of the after-care plan when it is drawn up. For each service in it, please say whether it will be provided as section 117 after-care and who will pay for it: the council, the NHS body, or both{cop}.{definition}"
            )
        } else {
            format!(
                "Please send me a copy of {n_poss} current after-care plan. For each service in it, please say whether it is provided as section 117 after-care and who pays for it: the council, the NHS body, or both{cop}.{definition} If there is no written after-care plan, please tell me when one will be drawn up."
            )
        };
        let mut text = text;
        if self.has(FlagId::ReturnedToPrison) && self.mode != Mode::OnLeaving {
            // No court has said how after-care reaches a person in prison (s117-rules.md §4, [U]), so the letter
            // asks rather than asserts.
            text.push_str(&format!(
                " Because {they} {} returned to prison, please also tell me how {their} after-care is being provided there, and how it will be planned for {their} release.",
                v.was_they()
            ));
        }
        self.hedge(text)
    }

    fn charges_request(&mut self) -> String {
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
        let mut text = format!(
            "Please confirm that {n} will not be charged for any of {their} after-care, including accommodation, rent and service charges where the accommodation {will} part of that after-care. There is no power to charge for section 117 after-care{stennett}. A top-up can be asked for only if {they} choose accommodation that costs more than the council would usually pay for that kind of placement, and only under a written agreement; the council must pay the rest{top_up_law}."
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
            text.push_str(&format!(
                " A top-up is being paid under a written agreement for {}. Please confirm the amount the council pays, and that the top-up covers only the extra cost of the placement {they} chose and nothing else charged to {them}.",
                join_and(&top_ups)
            ));
        }
        self.hedge(text)
    }

    /// A refund of unlawful charges, when the decision found any.
    fn refund_request(&mut self) -> Option<String> {
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
    fn charged_periods(&self) -> Vec<(String, bool)> {
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

    fn ending_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n, n_poss, they, their, are) = (cap(&v.n), &v.n_poss, v.they, v.their, v.be_they());
        let ended = self.request.case.aftercare_ended.clone();
        let when = ended
            .as_ref()
            .and_then(|e| e.date)
            .map(|d| format!(" {}", on(d)))
            .unwrap_or_default();
        let ask = format!(
            "the joint written decision of both the council and the NHS body, with its date, the assessment of {their} needs that it relied on, and the reasons for it"
        );
        match self.ending {
            Ending::None => {
                let on_cto = self
                    .qualifying
                    .is_some_and(|d| d.leaving == Some(Leaving::Cto) && d.cto_ended.is_none());
                let cto = if on_cto {
                    format!(", and it cannot end while {they} {are} on a community treatment order")
                } else {
                    String::new()
                };
                let law = self.cite(&[MHA_1983_S117_2]);
                self.hedge(format!(
                    "Please confirm that {n_poss} after-care has not been ended. It can end only when both the council and the NHS body are satisfied, after reviewing {their} needs, that {they} no longer need after-care services{cto}{law}."
                ))
            }
            Ending::Unlawful => {
                let on_cto = self.has(FlagId::EndedWhileOnCto);
                let because = match ended.as_ref().map(|e| e.reason) {
                    Some(reason) if !on_cto => ending_reason(reason, &v)
                        .map(|r| format!(" because {r}"))
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                let why_not = if on_cto {
                    format!(
                        "{they} {} still on a community treatment order, and after-care cannot end while a person remains on one{}",
                        v.was_they(),
                        self.cite(&[MHA_1983_S117_2])
                    )
                } else {
                    format!(
                        "after-care continues until both the council and the NHS body are satisfied, after reviewing {their} needs together, that {they} no longer need after-care services{}",
                        self.cite(&[MHA_1983_S117_2, COP_2015_CH33])
                    )
                };
                format!(
                    "{n} was told{when} that {their} after-care had ended{because}. That is not a lawful way to end it: {why_not}. Please confirm in writing that {their} after-care continues, and restore any service that was withdrawn. If you say that it has ended, please send me {ask}."
                )
            }
            Ending::InQuestion => {
                let law = self.cite(&[MHA_1983_S117_2]);
                format!(
                    "{n} was told{when} that {they} no longer needed after-care. Please send me {ask}. After-care ends only when both bodies are satisfied that it is no longer needed{law}. If there was no such joint decision, please confirm that {their} after-care continues."
                )
            }
            Ending::Lawful => {
                let law = self.cite(&[MHA_1983_S117_2]);
                format!(
                    "Please send me a copy of the joint written decision to end {n_poss} after-care, the assessment of {their} needs that it relied on, the reasons for it{law}, and the last after-care plan before it was made. If {they} still have needs arising from {their} mental disorder, please explain how the assessment showed that after-care services were no longer needed."
                )
            }
        }
    }

    fn review_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n_poss, their) = (&v.n_poss, v.their);
        let text = if self.mode == Mode::OnLeaving {
            format!("Please give me the name and contact details of the person responsible for planning {n_poss} after-care.")
        } else {
            format!(
                "Please tell me the date of {n_poss} last after-care review and when the next one is due, and give me the name and contact details of {their} care coordinator, or of another named person I can contact about {their} after-care{}.",
                self.cite(&[COP_2015_CH33])
            )
        };
        self.hedge(text)
    }

    /// The optional requests the user chose, each with its legal basis. Budgets are left out when there is no
    /// after-care to pay for.
    fn optional_requests(&mut self, budgets: bool) -> Vec<String> {
        let options = self.request.options;
        let mut items = Vec::new();
        if budgets {
            items.extend(self.budget_request());
        }
        if options.advocate {
            items.push(self.advocate_request());
        }
        if options.copy_of_records {
            let n_poss = self.voice.n_poss.clone();
            let law = self.cite(&[UK_GDPR_ART_15]);
            // The one-month time limit is general data protection law, not checked for after-care records
            // (s117-rules.md §5.6 "Data", [U]), so the letter says only what is normally expected.
            items.push(format!(
                "Please send me a copy of the records you hold about {n_poss} after-care, including assessments, care plans, reviews and funding decisions. Please treat this as a subject access request{law}. I understand that a reply to a subject access request is normally due within one month."
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
    fn budget_request(&mut self) -> Option<String> {
        let options = self.request.options;
        let v = self.voice.clone();
        let (n, n_poss, their) = (cap(&v.n), &v.n_poss, v.their);
        let (_, wales) = self.nations();
        let phb = options.personal_health_budget && self.audience.nhs;
        let dp = options.direct_payments && self.audience.council;
        let dp_law = if dp {
            let scheme: &[Citation] = match self.council_nation() {
                Some(Country::England) => &[MHA_1983_S117_2C, CARE_ACT_2014_SCH_4],
                Some(Country::Wales) => &[MHA_1983_S117_2C, SSWBWA_2014_SCH_A1],
                _ => &[MHA_1983_S117_2C, CARE_ACT_2014_SCH_4, SSWBWA_2014_SCH_A1],
            };
            self.cite(scheme)
        } else {
            String::new()
        };
        let can = format!(
            "After-care can include services paid for by direct payments from the council{dp_law}."
        );
        let right = if phb {
            format!(
                "Since 2 December 2019, people in England who are owed section 117 after-care have had a legal right to have a personal health budget{}.",
                self.cite(&[NHSE_PHB_LEGAL_RIGHTS])
            )
        } else {
            String::new()
        };
        let text = match (phb, dp) {
            (true, true) if !wales => format!(
                "{n} would like to receive {their} after-care, or part of it, through direct payments from the council and a personal health budget from the NHS body. Please tell me how to arrange this. {can} {right}"
            ),
            (true, true) => format!(
                "{n} would like to receive {their} after-care, or part of it, through direct payments from the council. Please tell me how to arrange this. {can} {right} Please also tell me whether the NHS part of {their} after-care can be provided in Wales in the same way, through a personal health budget or NHS direct payments."
            ),
            (true, false) if !wales => format!(
                "{n} would like the NHS part of {their} after-care to be provided through a personal health budget. Please tell me how to arrange this. {right}"
            ),
            (true, false) => format!(
                "{right} Please tell me whether the NHS part of {n_poss} after-care can be provided in Wales in the same way, through a personal health budget or NHS direct payments."
            ),
            (false, true) => format!(
                "{n} would like to receive {their} after-care, or part of it, through direct payments. Please tell me how to arrange this. {can}"
            ),
            (false, false) => return None,
        };
        Some(self.hedge(text))
    }

    /// The nation whose social care law applies to the council: from the council named, or else from where the
    /// person lived before the detention. `None` when neither says.
    fn council_nation(&self) -> Option<Country> {
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
    fn advocate_request(&mut self) -> String {
        let v = self.voice.clone();
        let (n, they, them, their, are) = (cap(&v.n), v.they, v.them, v.their, v.be_they());
        let law = self.cite(&[self.imha_law()]);
        match self.imha_status() {
            Some(status) => format!(
                "{n} {} {status}, so {they} {are} a qualifying patient, entitled to help from an independent mental health advocate{law}. Please put {them} in touch with the independent mental health advocacy service, or tell me how to contact it.",
                v.be_n()
            ),
            None => format!(
                "{n} would like help from an independent advocate with {their} after-care. Please tell me what advocacy is available and help {them} to find an advocate. Independent mental health advocates are for people who are still subject to the Mental Health Act, for example on a community treatment order, on leave under section 17 or conditionally discharged{law}. If you consider that {they} qualify for one, please tell me."
            ),
        }
    }

    /// How the person is, today, a qualifying patient for an independent mental health advocate, in words after
    /// "I am" / "Sam is"; `None` unless the case shows it. Only the latest stay can say so: a later stay of any
    /// kind may have changed the person's status.
    fn imha_status(&self) -> Option<String> {
        let detentions = &self.request.case.detentions;
        let index = self.decision.qualifying_detention?;
        if index + 1 != detentions.len() {
            return None;
        }
        let d = self.qualifying?;
        match d.leaving? {
            Leaving::Cto if d.cto_ended.is_none() => Some("on a community treatment order".into()),
            Leaving::S17Leave => Some("on leave from hospital under section 17".into()),
            Leaving::ConditionalDischarge => Some("conditionally discharged".into()),
            Leaving::StillInHospital | Leaving::EscortedLeaveOnly => Some(format!(
                "still detained in hospital under {}",
                d.section.describe()
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
    fn imha_law(&self) -> Citation {
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

    fn may_not_apply_requests(&mut self) -> Vec<String> {
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

    /// The reply-by date and what happens if there is no reply.
    fn reply_and_next_steps(&mut self, reply_by: Date) -> Vec<Block> {
        let you = if self.addressees.len() > 1 {
            "each of you"
        } else {
            "you"
        };
        let by = reply_by.long();
        let mut out = vec![
            Block::Heading {
                text: "When to reply".to_owned(),
            },
            Block::Paragraph {
                text: format!(
                    "Please reply in writing by {by}, which is {REPLY_WORKING_DAYS} working days from the date of this letter. If you cannot answer every point by then, please answer the ones you can and tell me when I will have the rest."
                ),
            },
            Block::Heading {
                text: "If I do not receive a reply".into(),
            },
        ];
        if let Mode::MayNotApply { .. } = self.mode {
            out.push(Block::Paragraph {
                text: format!("If I have not received a reply by {by}, I will make a formal complaint to {you}."),
            });
            return out;
        }
        let ombudsmen = self.ombudsmen();
        // The ombudsman's date is the core's, counted from when the person first knew; without that date the
        // letter states the rule, never a date of its own.
        let deadline = |kind: DeadlineKind| {
            self.decision
                .deadlines
                .iter()
                .find(|d| d.kind == kind)
                .and_then(|d| d.date)
                .filter(|d| d.last_day() >= self.request.date.first_day())
        };
        let ombudsman_by = deadline(DeadlineKind::Ombudsman)
            .map(|d| format!(", so I would do that by {} at the latest", d.long()))
            .unwrap_or_default();
        // The time limits in statute: LGA 1974 s.26B for the LGSCO, and in Wales the PSOW Act 2019 s.8.
        let mut limits = Vec::new();
        if ombudsmen.iter().any(|c| c.id == LGSCO.id) {
            limits.push(LGA_1974_S26B);
        }
        if ombudsmen.iter().any(|c| c.id == PSOW.id) {
            limits.push(PSOW_ACT_2019_S8);
        }
        let lga = if limits.is_empty() {
            String::new()
        } else {
            self.cite(&limits)
        };
        let names: Vec<String> = ombudsmen
            .iter()
            .map(|c| format!("the {}", self.name(*c)))
            .collect();
        out.push(Block::Paragraph {
            text: format!(
                "If I have not received a full reply by {by}, I will make a formal complaint to {you}. If the complaint does not resolve matters, I will ask {} to investigate. Ombudsmen normally expect a complaint within 12 months of when the problem first came to light{ombudsman_by}{lga}.",
                join_and(&names)
            ),
        });
        let cpr = self.cite(&[CPR_54_5]);
        let mut jr = format!(
            "A refusal or failure to meet these duties can also be challenged in the High Court by judicial review. A claim must be brought promptly and in any event within three months of the grounds arising{cpr}."
        );
        let made = self
            .request
            .case
            .aftercare_ended
            .as_ref()
            .and_then(|e| e.date)
            .map(|d| format!(", made {}", on(d)))
            .unwrap_or_default();
        if let Some(end_by) = deadline(DeadlineKind::JudicialReview) {
            let approximate = self
                .decision
                .deadlines
                .iter()
                .any(|d| d.kind == DeadlineKind::JudicialReview && d.approximate);
            let approximate = if approximate {
                " (counted from the earliest day of an approximate date, so it may be earlier still)"
            } else {
                ""
            };
            jr.push_str(&format!(
                " For the decision to end {} after-care{made}, that means by {} at the latest{approximate}.",
                self.voice.n_poss,
                end_by.long()
            ));
        }
        jr.push_str(" I would much rather settle this with you directly.");
        out.push(Block::Paragraph { text: jr });
        out
    }

    /// The ombudsmen for the bodies addressed: in England the LGSCO (councils) and the PHSO (NHS), in Wales the
    /// PSOW (both). When the nation is not known, all of them.
    fn ombudsmen(&self) -> Vec<Citation> {
        let (mut england, mut wales) = self.nations();
        if !england && !wales {
            england = true;
            wales = true;
        }
        let mut list = Vec::new();
        if england && self.audience.council {
            list.push(LGSCO);
        }
        if england && self.audience.nhs {
            list.push(PHSO);
        }
        if wales {
            list.push(PSOW);
        }
        list
    }

    fn signature(&self) -> Block {
        let details = &self.request.details;
        let mut lines = vec![
            "Yours faithfully,".to_owned(),
            String::new(),
            String::new(),
            BLANK.to_owned(),
        ];
        match &details.writer {
            Some(w) => {
                lines.push(field(w.name.as_ref()).unwrap_or_else(|| BLANK.into()));
                let person = field(details.person.name.as_ref())
                    .unwrap_or_else(|| "the person named above".into());
                lines.push(format!("On behalf of {person}"));
                let enclosed = match w.authority {
                    Some(Authority::Consent) => Some("Enclosed: signed consent"),
                    Some(Authority::LastingPowerOfAttorney) => {
                        Some("Enclosed: copy of the lasting power of attorney")
                    }
                    Some(Authority::Deputy) => {
                        Some("Enclosed: copy of the Court of Protection order")
                    }
                    Some(Authority::Other) => Some("Enclosed: evidence of my authority to act"),
                    None => None,
                };
                if let Some(e) = enclosed {
                    lines.push(String::new());
                    lines.push(e.to_owned());
                }
            }
            None => lines.push(field(details.person.name.as_ref()).unwrap_or_else(|| BLANK.into())),
        }
        Block::Signature { lines }
    }

    /// Notes for the user about flags the letter itself deliberately leaves out.
    ///
    /// Every flag the decision can raise is listed here, with where the letter deals with it. The match has no
    /// wildcard arm, so a new flag cannot be added without deciding whether the letter needs a sentence, a note,
    /// or neither. Refunds, deadlines and uncertain points all matter to the reader.
    fn flag_notes(&mut self) {
        let flags = self.decision.flags.clone();
        for flag in &flags {
            let note = match flag.id {
                // Refund: its own request, with the periods charged and interest (`refund_request`).
                FlagId::RefundDue => None,
                // Deadlines in "If I do not receive a reply": the judicial review date for an ending, and the
                // ombudsman date, which is the earlier of this flag's date and twelve months from the reply date.
                FlagId::JudicialReviewDeadline | FlagId::OmbudsmanDeadline => None,
                // Deadline kept out of the letter: the letter asks for every charge back, and telling the council
                // of a limit on court claims would only invite it to refund less. The user is told.
                FlagId::CourtClaimLimit | FlagId::RefundMayBeTimeBarred => Some(flag.text.clone()),
                // An ending that ended nothing, or whose date cannot be placed: the ending request asks the bodies
                // to confirm after-care continues; the user is told why.
                FlagId::EndingOutsideDuty | FlagId::EndingDateUncertain => Some(flag.text.clone()),
                // Uncertain points with a sentence in point 2 (`council_doubts`, `nhs_doubts`,
                // `placement_question`), which also address every candidate body.
                FlagId::PlacedOutOfArea
                | FlagId::PlacementFactsNeeded
                | FlagId::ResidenceImposedByCondition
                | FlagId::ResidentInHospital
                | FlagId::CtoRevocationUncertain
                | FlagId::ConditionalDischargeRecall
                | FlagId::S2ConvertedToS3
                | FlagId::UnrecognisedCouncil
                | FlagId::UnrecognisedNhsBody
                | FlagId::SplitNhsArea
                | FlagId::NhsBodyFromCouncilArea
                | FlagId::Part3NhsBodyUncertain
                | FlagId::CrossBorderNhs => None,
                // Uncertain section: for the detention the duty comes from, the letter asks the bodies to check
                // their records (`Mode::Unsure`); for a later stay, point 2 says it may move the duty.
                FlagId::UnknownSection => None,
                // Uncertain ending: the ending request asks for the joint decision (`Ending::InQuestion`).
                FlagId::AskForEndingDecision => None,
                // Uncertain: the plan request asks how after-care reaches the person in prison.
                FlagId::ReturnedToPrison => None,
                // Uncertain, not in the letter: approximate dates are printed as months or years, and the judicial
                // review sentence says when its date is counted from an approximate one.
                FlagId::ApproximateDates => None,
                // Uncertain, and about the facts or the checker rather than anything the bodies can answer: the
                // user should check before sending, so each is a note.
                FlagId::InconsistentDates
                | FlagId::OtherJurisdictionStays
                | FlagId::LawMayHaveChanged
                | FlagId::BeforeCoverage
                | FlagId::StayLongerThanSectionAllows => Some(flag.text.clone()),
                // Warnings about an ending: the ending request says why it was not lawful (`Ending::Unlawful`).
                FlagId::LikelyUnlawfulEnding | FlagId::EndedWhileOnCto => None,
                // Information. A lawful top-up is in the charges request; the rest are explained on screen and
                // need no request: charges outside the duty, the 2025 Act, planning before discharge, moving
                // home, a merged ICB (point 2 mentions it when it matters), what services are free, budgets
                // (asked for as an option), section 17 leave (in point 1), and disputes between councils
                // (the dispute request).
                FlagId::LawfulTopUp
                | FlagId::ChargesOutsideDuty
                | FlagId::Mha2025NotInForce
                | FlagId::PlanBeforeDischarge
                | FlagId::MovedSince
                | FlagId::NhsBodyMerged
                | FlagId::ServicesMustMeetS117Needs
                | FlagId::PersonalBudgets
                | FlagId::OnLeave
                | FlagId::CouncilDispute => None,
            };
            if let Some(note) = note {
                if !self.notes.contains(&note) {
                    self.notes.push(note);
                }
            }
        }
    }

    /// Notes for every letter.
    fn general_notes(&mut self) {
        self.flag_notes();
        let details = &self.request.details;
        let person = &details.person;
        let blanks = field(person.name.as_ref()).is_none()
            || date_of_birth(person.date_of_birth.as_ref()).is_none()
            || address_lines(person.address.as_ref()).is_empty()
            || field(person.nhs_number.as_ref()).is_none()
            || details
                .writer
                .as_ref()
                .is_some_and(|w| field(w.name.as_ref()).is_none());
        if blanks {
            self.notes.push(format!(
                "Fill in the lines marked {BLANK} by hand before you send the letter, or delete the ones you do not want to give."
            ));
        }
        if let Some(w) = &details.writer {
            if w.authority.is_none() {
                self.notes.push("You are writing for someone else. The council and the NHS body may not reply to you without the person's signed consent or proof of your authority (a lasting power of attorney or a deputyship order), so enclose it if you can.".into());
            }
        }
        if self.audience.paired {
            self.notes.push("There are two letters, one to the council and one to the NHS body, and each says that the other has been sent. Send both, at the same time, each to the body it is addressed to.".into());
        }
        if self.has_alternatives() {
            self.notes.push("It is not certain which body holds the duty, so the letter is addressed to each that may. Send a copy to each of them.".into());
        }
        self.notes.push(format!(
            "The reply date is {REPLY_WORKING_DAYS} working days after the letter's date. It is a fair time to ask for, not a legal deadline."
        ));
        self.notes.push("Keep a copy of the letter and a note of when and how you sent it. If you have a care coordinator or an NHS mental health trust involved in your care, you can send them a copy too.".into());
    }
}

/// The reason given for ending after-care, as a clause after "because", in the letter's voice.
fn ending_reason(reason: EndingReason, v: &Voice) -> Option<String> {
    let (they, their) = (v.they, v.their);
    match reason {
        EndingReason::NoLongerNeeded => Some(format!("{they} no longer needed it")),
        EndingReason::DischargedFromMentalHealthServices => Some(format!(
            "{they} had been discharged from the community mental health team or other specialist services"
        )),
        EndingReason::TimePassed => Some("a period of time had passed".into()),
        EndingReason::Dols => Some(format!(
            "{they} {} deprived of liberty under the Mental Capacity Act",
            v.be_they()
        )),
        EndingReason::ReadmittedInformallyOrS2 => Some(format!(
            "{they} had been readmitted to hospital informally or under section 2"
        )),
        EndingReason::CtoEnded => Some(format!("{their} community treatment order had ended")),
        EndingReason::RefusedServices => Some(format!("{they} had refused services")),
        EndingReason::Other => None,
    }
}

/// A date of birth in words if it is a date, or as typed.
fn date_of_birth(text: Option<&String>) -> Option<String> {
    let typed = field(text)?;
    Some(typed.parse::<Date>().map(Date::long).unwrap_or(typed))
}

/// Does this look like an ONS area code (E06000051, W06000015) rather than a name?
fn is_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 9
        && matches!(bytes[0], b'E' | b'W' | b'e' | b'w')
        && bytes[1..].iter().all(u8::is_ascii_digit)
}
