//! Who the letter is from and to: the addressees (with every candidate body), the sender, the subject line
//! and the signature.

use super::compose::{Composer, Mode};
use super::opening::date_of_birth;
use super::{address_lines, field, Addressee, AddresseeKind, Authority, Block, BLANK};
use crate::decision::{Body, BodyKind};

impl Composer<'_> {
    /// The addressees, with candidates and fill-in lines.
    pub(super) fn addressees(&mut self) {
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
    pub(super) fn has_alternatives(&self) -> bool {
        self.addressees
            .iter()
            .any(|a| a.why.as_deref().is_some_and(|w| w.contains("instead")))
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

    pub(super) fn subject(&self) -> String {
        let person = &self.request.details.person;
        let name = field(person.name.as_ref()).unwrap_or_else(|| BLANK.into());
        let born = date_of_birth(person.date_of_birth.as_ref()).unwrap_or_else(|| BLANK.into());
        let what = match self.mode {
            Mode::Entitled | Mode::OnLeaving | Mode::Ended => "request for written confirmation",
            Mode::Unsure | Mode::MayNotApply { .. } => "request to confirm the position",
        };
        format!("Section 117 Mental Health Act 1983 after-care for {name}, born {born}: {what}")
    }

    pub(super) fn signature(&self) -> Block {
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
}
