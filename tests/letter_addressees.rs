//! The letter's addressees: the real bodies and every candidate, only the chosen side, one complete letter to each
//! side naming the other, and several letters as one text.
#[path = "common/letters.rs"]
mod letters;

use letters::{annexed, scenario, words};
use s117::letter::{self, render, render_all, to_text, to_text_all};

#[test]
fn addresses_the_real_bodies_and_every_candidate() {
    let get = |name: &str| render(&scenario(name));

    let england = get("entitled-england");
    let names: Vec<&str> = england.addressees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Worcestershire County Council",
            "NHS Herefordshire and Worcestershire Integrated Care Board"
        ]
    );
    assert!(england
        .addressees
        .iter()
        .all(|a| a.certain && a.why.is_none()));

    // Placed out of area: both councils, each with the reason.
    let placed = get("uncertain-council-placed-out-of-area");
    let councils: Vec<&letter::Addressee> = placed
        .addressees
        .iter()
        .filter(|a| a.kind == letter::AddresseeKind::Council)
        .collect();
    assert_eq!(councils.len(), 2, "{:?}", placed.addressees);
    assert!(councils.iter().all(|a| !a.certain && a.why.is_some()));
    assert!(
        words(&render(&annexed("uncertain-council-placed-out-of-area")))
            .contains("Worcestershire County Council placed me there")
    );

    // Readmission: the council follows the latest detention, the ICB the first.
    let moved = render(&annexed("readmission-council-and-icb-in-different-areas"));
    let text = words(&moved);
    assert!(text.contains("Swindon Borough Council"));
    assert!(text.contains("Herefordshire and Worcestershire"));
    assert!(text.contains("R (Worcestershire County Council) v Secretary of State for Health and Social Care [2023] UKSC 31"));

    // Wales: the local health board and the Welsh ombudsman, not the English ones.
    let wales = words(&get("wales"));
    assert!(wales.contains("Cardiff and Vale University Health Board"));
    assert!(wales.contains("Public Services Ombudsman for Wales"));
    assert!(!wales.contains("Local Government and Social Care Ombudsman"));

    // Minimal details: no line to fill in anywhere. The bodies it could not name are addressed by department
    // alone, and a note asks the user to add the names.
    let minimal = get("minimal-details");
    assert!(minimal
        .addressees
        .iter()
        .any(|a| a.name.is_empty() && a.department == "Adult Social Care"));
    let text = to_text(&minimal);
    for blank in ["____", "[name of", "Name:", "Date of birth:", "NHS number:"] {
        assert!(!text.contains(blank), "{blank}");
    }
    assert!(minimal
        .notes
        .iter()
        .any(|n| n.contains("addressed to the department alone")));
    assert!(minimal
        .notes
        .iter()
        .any(|n| n.contains("Add your name and address")));
}

#[test]
fn only_the_chosen_side_is_addressed() {
    let req = scenario("on-behalf-with-lpa");
    let letter = render(&req);
    assert!(letter
        .addressees
        .iter()
        .all(|a| a.kind == letter::AddresseeKind::Council));
    let mut nhs = req.clone();
    nhs.to = letter::Recipients::Nhs;
    let letter = render(&nhs);
    assert!(letter
        .addressees
        .iter()
        .all(|a| a.kind == letter::AddresseeKind::NhsBody));
    assert!(words(&letter).contains("Parliamentary and Health Service Ombudsman"));
    assert!(!words(&letter).contains("Local Government and Social Care Ombudsman"));
}

#[test]
fn each_side_gets_its_own_complete_letter_naming_the_other() {
    use letter::AddresseeKind::{Council, NhsBody};

    let req = scenario("each-england");
    let letters = render_all(&req);
    assert_eq!(letters.len(), 2);
    let (council, nhs) = (&letters[0], &letters[1]);
    assert!(council.addressees.iter().all(|a| a.kind == Council));
    assert!(nhs.addressees.iter().all(|a| a.kind == NhsBody));
    assert_eq!(council.addressees[0].name, "Worcestershire County Council");
    assert_eq!(
        nhs.addressees[0].name,
        "NHS Herefordshire and Worcestershire Integrated Care Board"
    );
    // `render` keeps giving one letter: for `each`, the council's.
    assert_eq!(&render(&req), council);
    // Each is a whole letter on its own, and says where its twin went and why (the shared duty).
    for (letter, other) in [
        (
            council,
            "NHS Herefordshire and Worcestershire Integrated Care Board",
        ),
        (nhs, "Worcestershire County Council"),
    ] {
        let text = words(letter);
        assert!(text.starts_with("Alex Morgan Flat 2"), "{text}");
        assert!(text.contains("Dear Sir or Madam,"));
        assert!(text.contains(&letter.subject));
        assert!(text.contains("What I am asking you to do"));
        assert!(text.contains("Please reply in writing by 21 December 2026"));
        assert!(text.contains("Yours faithfully,"));
        assert!(
            text.contains(&format!(
                "(Mental Health Act 1983, s.117(2)), so I am sending this letter to you, and at the same time a matching letter to {other}."
            )),
            "{text}"
        );
        assert!(!text.contains("both of you"), "{text}");
        assert!(letter
            .notes
            .iter()
            .any(|n| n.starts_with("There are two letters")));
    }
    // Each letter asks its own side for its own things, and names its own ombudsman.
    let (c, n) = (words(council), words(nhs));
    assert!(c.contains("direct payments") && !c.contains("personal health budget"));
    assert!(n.contains("personal health budget") && !n.contains("direct payments"));
    assert!(c.contains("Local Government and Social Care Ombudsman"));
    assert!(!c.contains("Parliamentary and Health Service Ombudsman"));
    assert!(n.contains("Parliamentary and Health Service Ombudsman"));
    assert!(!n.contains("Local Government and Social Care Ombudsman"));

    // The other choices still give one letter, unchanged.
    for to in [
        letter::Recipients::Both,
        letter::Recipients::Council,
        letter::Recipients::Nhs,
    ] {
        let mut one = req.clone();
        one.to = to;
        assert_eq!(render_all(&one), vec![render(&one)]);
        assert_eq!(to_text_all(&render_all(&one)), to_text(&render(&one)));
        assert!(!words(&render(&one)).contains("matching letter"));
    }

    // Uncertain council: the council letter goes to every candidate council, and the NHS letter names them all.
    let mut placed = scenario("uncertain-council-placed-out-of-area");
    placed.to = letter::Recipients::Each;
    let letters = render_all(&placed);
    let councils: Vec<&str> = letters[0]
        .addressees
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(councils.len(), 2, "{councils:?}");
    assert!(letters[0].addressees.iter().all(|a| a.kind == Council));
    assert!(letters[1].addressees.iter().all(|a| a.kind == NhsBody));
    assert!(
        words(&letters[1]).contains(&format!(
            "a matching letter to {} and {}.",
            councils[0], councils[1]
        )),
        "{}",
        words(&letters[1])
    );

    // A letter that says section 117 may not apply still says that a matching letter has gone to the other side.
    let mut negative = scenario("not-entitled");
    negative.to = letter::Recipients::Each;
    for letter in render_all(&negative) {
        assert!(words(&letter).contains("so I am sending a matching letter to"));
    }

    // Wales: the health board's letter and the council's, each with the Welsh ombudsman.
    let wales = render_all(&scenario("each-wales"));
    assert_eq!(wales[0].addressees[0].name, "Cardiff Council");
    assert_eq!(
        wales[1].addressees[0].name,
        "Cardiff and Vale University Health Board"
    );
    assert!(
        words(&wales[0]).contains("a matching letter to Cardiff and Vale University Health Board.")
    );
    assert!(words(&wales[1]).contains("a matching letter to Cardiff Council."));
    for letter in &wales {
        assert!(words(letter).contains("Public Services Ombudsman for Wales"));
    }
}

#[test]
fn several_letters_as_text_are_split_by_a_form_feed_and_a_rule() {
    let req = scenario("each-england");
    let letters = render_all(&req);
    let text = to_text_all(&letters);
    assert_eq!(text.matches('\u{000C}').count(), 1);
    let (first, second) = text.split_once(letter::text::SEPARATOR).unwrap();
    assert_eq!(first, to_text(&letters[0]));
    assert_eq!(second, to_text(&letters[1]));
    let lines: Vec<&str> = text.lines().collect();
    let ff = lines.iter().position(|l| *l == "\u{000C}").unwrap();
    assert_eq!(
        lines[ff - 1],
        "-".repeat(78),
        "a rule line before the form feed"
    );
    assert_eq!(
        lines[ff + 1],
        "Alex Morgan",
        "the next letter starts after it"
    );
}
