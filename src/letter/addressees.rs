//! Who the letter is from and to: the addressees (with every candidate body), the sender, the subject line
//! and the signature.

use super::compose::{Composer, Mode};
use super::opening::date_of_birth;
use super::{address_lines, field, Addressee, AddresseeKind, Authority, Block, Tone};
use crate::decision::{Body, BodyKind};
use crate::messages;

impl Composer<'_> {
    /// The addressees, with candidates and fill-in lines.
    pub(super) fn addressees(&mut self) {
        let mut list = Vec::new();
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
        let instead = messages::text("letter.addressees.why.instead");
        let mut alternatives = false;
        // The body named, then each candidate that may hold the duty instead. A name the checker did not
        // recognise is never printed: the letter goes to the department, and a note asks the user to add the name.
        let mut named = |list: &mut Vec<Addressee>,
                         kind: AddresseeKind,
                         body: &Body,
                         department: &str,
                         unsure: &str| {
            let sure = body.certain && body.candidates.is_empty();
            let why = (!sure).then(|| unsure.to_owned());
            let name = Composer::known(Some(body)).map_or("", |b| b.name.as_str());
            // A letter to the department alone says nothing about a body it does not name.
            let why = if name.is_empty() { None } else { why };
            list.push(side(kind, name, department, sure, why));
            for candidate in &body.candidates {
                if candidate.code.is_none() {
                    continue;
                }
                alternatives = true;
                list.push(side(
                    kind,
                    &candidate.name,
                    department,
                    false,
                    Some(instead.to_owned()),
                ));
            }
        };
        if self.audience.council {
            let department = messages::text("letter.addressees.department.council");
            match &self.decision.council {
                Some(body) => named(
                    &mut list,
                    AddresseeKind::Council,
                    body,
                    department,
                    messages::text("letter.addressees.why.council_not_certain"),
                ),
                None => list.push(side(AddresseeKind::Council, "", department, false, None)),
            }
        }
        if self.audience.nhs {
            let department = messages::text("letter.addressees.department.nhs");
            match &self.decision.nhs_body {
                Some(body) if body.kind == BodyKind::NhsEngland => {
                    let why = messages::text("letter.addressees.why.specialised");
                    list.push(side(
                        AddresseeKind::NhsBody,
                        &body.name,
                        messages::text("letter.addressees.department.specialised"),
                        body.certain,
                        Some(why.to_owned()),
                    ));
                    for candidate in &body.candidates {
                        let why = messages::text("letter.addressees.why.rest");
                        list.push(side(
                            AddresseeKind::NhsBody,
                            &candidate.name,
                            department,
                            body.certain,
                            Some(why.to_owned()),
                        ));
                    }
                }
                Some(body) => named(
                    &mut list,
                    AddresseeKind::NhsBody,
                    body,
                    department,
                    messages::text("letter.addressees.why.nhs_not_certain"),
                ),
                None => list.push(side(AddresseeKind::NhsBody, "", department, false, None)),
            }
        }
        if list.iter().any(|a| a.name.is_empty()) {
            self.notes
                .push(messages::text("letter.notes.fill_in_names").into());
        }
        self.alternatives = alternatives;
        self.addressees = list;
    }

    /// Is any addressee a candidate that may hold the duty instead of the body named?
    pub(super) fn has_alternatives(&self) -> bool {
        self.alternatives
    }

    /// The sender's lines: the writer's, or the person's.
    pub(super) fn sender(&self) -> Vec<String> {
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
        // Blank fields are left out; a note asks the user to add their name and address.
        let mut lines: Vec<String> = name.into_iter().collect();
        lines.extend(address);
        if let Some(phone) = phone {
            lines.push(messages::fill("letter.sender.phone", &[("phone", &phone)]));
        }
        if let Some(email) = email {
            lines.push(messages::fill("letter.sender.email", &[("email", &email)]));
        }
        lines
    }

    /// The subject line: the person's name and date of birth where given, never a blank.
    pub(super) fn subject(&self) -> String {
        let person = &self.request.details.person;
        let name = field(person.name.as_ref());
        let born = date_of_birth(person.date_of_birth.as_ref());
        let about = match (&name, &born) {
            (Some(name), Some(born)) => messages::fill(
                "letter.subject.about.name_born",
                &[("name", name), ("born", born)],
            ),
            (Some(name), None) => messages::fill("letter.subject.about.name", &[("name", name)]),
            (None, Some(born)) => messages::fill("letter.subject.about.born", &[("born", born)]),
            (None, None) => String::new(),
        };
        let key = match (self.tone, self.mode) {
            (Tone::LetterBeforeClaim, _) => "letter.subject.before_claim",
            (Tone::FormalComplaint, _) => "letter.subject.complaint",
            (_, Mode::Entitled | Mode::OnLeaving | Mode::Ended) => "letter.subject.confirmation",
            (_, Mode::Unsure | Mode::MayNotApply { .. }) => "letter.subject.position",
        };
        messages::fill(key, &[("about", &about)])
    }

    pub(super) fn signature(&self) -> Block {
        let details = &self.request.details;
        let mut lines = vec![
            messages::text("letter.signature.yours").to_owned(),
            String::new(),
            String::new(),
        ];
        match &details.writer {
            Some(w) => {
                lines.extend(field(w.name.as_ref()));
                let person = field(details.person.name.as_ref())
                    .unwrap_or_else(|| messages::text("letter.voice.person_named_above").into());
                lines.push(messages::fill(
                    "letter.signature.on_behalf_of",
                    &[("person", &person)],
                ));
                let enclosed = match w.authority {
                    Some(Authority::Consent) => {
                        Some(messages::text("letter.signature.enclosed.consent"))
                    }
                    Some(Authority::LastingPowerOfAttorney) => {
                        Some(messages::text("letter.signature.enclosed.lpa"))
                    }
                    Some(Authority::Deputy) => {
                        Some(messages::text("letter.signature.enclosed.deputy"))
                    }
                    Some(Authority::Other) => {
                        Some(messages::text("letter.signature.enclosed.other"))
                    }
                    None => None,
                };
                if let Some(e) = enclosed {
                    lines.push(String::new());
                    lines.push(e.to_owned());
                }
            }
            None => lines.extend(field(details.person.name.as_ref())),
        }
        Block::Signature { lines }
    }
}
