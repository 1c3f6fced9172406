//! A letter people would send (issue 10): one page by default, the legal grounds as an optional annex, the three
//! tones (first request, formal complaint, letter before claim), no blank or placeholder lines, a refund asked
//! first when there are charges, dates at the precision given and the same as the decision's, and how to send it.
#[path = "common/letters.rs"]
mod letters;

use letters::{all_letters, request_for, scenario, scenarios, words};
use s117::decision::DeadlineKind;
use s117::letter::{
    render, render_all, to_text, Block, Letter, Tone, BEFORE_CLAIM_REPLY_DAYS, FIND_LOCAL_COUNCIL,
};
use serde_json::json;

/// The words of the letter's body (from "Dear Sir or Madam," to the signature), as a reader counts them.
fn body_words(letter: &Letter) -> usize {
    letter
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text } | Block::Paragraph { text } => text.split_whitespace().count(),
            Block::List { items, .. } => items.iter().map(|i| i.split_whitespace().count()).sum(),
            Block::Signature { lines } => lines.iter().map(|l| l.split_whitespace().count()).sum(),
        })
        .sum()
}

/// The ordered lists of blocks: the asks, and in a letter before claim or an annex, the points in detail.
fn ordered(blocks: &[Block]) -> Vec<&Vec<String>> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::List {
                ordered: true,
                items,
            } => Some(items),
            _ => None,
        })
        .collect()
}

/// One page: the default letter's body is about 400 words at most, with no annex, for every scenario.
#[test]
fn the_default_letter_fits_on_one_page() {
    let mut longest = (0, "");
    for (name, req) in scenarios() {
        if req.options.annex || req.options.tone != Tone::FirstRequest {
            continue;
        }
        for letter in render_all(&req) {
            assert!(letter.annex.is_empty(), "{name}: an annex by default");
            let n = body_words(&letter);
            if n > longest.0 {
                longest = (n, name);
            }
            assert!(n <= 400, "{name}: {n} words in the body");
            assert!(
                !to_text(&letter).contains('\u{000C}'),
                "{name}: a page break in a one-page letter"
            );
        }
    }
    println!(
        "longest default letter body: {} words ({})",
        longest.0, longest.1
    );
}

#[test]
fn the_annex_holds_the_grounds_only_when_asked_for() {
    let plain = render(&scenario("charges-refund"));
    let annexed = render(&scenario("charges-refund-with-annex"));
    assert!(plain.annex.is_empty());
    assert!(!words(&plain).contains("The points in detail"));
    // The full citations of the grounds are cited only when printed.
    let ids = |l: &Letter| l.citations.iter().map(|c| c.id).collect::<Vec<_>>();
    assert!(!ids(&plain).contains(&"lgsco-refunds"), "{:?}", ids(&plain));
    assert!(ids(&annexed).contains(&"lgsco-refunds"));
    assert!(ids(&annexed).contains(&"mha1983-s117-3"));
    // The annex is a page of its own, after the signature, headed as an annex.
    assert!(
        matches!(&annexed.annex[0], Block::Heading { text } if text == "Annex: the legal grounds")
    );
    let text = to_text(&annexed);
    let (letter, annex) = text
        .split_once("\n\u{000C}\n")
        .expect("a form feed before the annex");
    assert!(letter.contains("Yours faithfully,"));
    assert!(letter.contains("set out in the annex"));
    assert!(annex.contains("Annex: the legal grounds"));
    assert!(annex.contains("The points in detail"));
    // The letter itself is the same, apart from saying that there is an annex.
    assert_eq!(ordered(&plain.blocks), ordered(&annexed.blocks));
}

#[test]
fn a_charge_is_the_first_ask_when_there_are_charges() {
    for name in ["charges-refund", "charges-refund-with-annex"] {
        let letter = render(&scenario(name));
        let first = &ordered(&letter.blocks)[0][0];
        assert!(
            first.starts_with(
                "Please stop charging for my after-care, and refund every charge with interest"
            ),
            "{name}: {first}"
        );
        assert!(first.contains("care home fees from September 2021 to March 2024"));
        assert!(first.contains("(R v Manchester City Council, ex p Stennett [2002] UKHL 34)"));
    }
    // Without charges, the first ask is to confirm the duty.
    let letter = render(&scenario("entitled-england"));
    assert!(ordered(&letter.blocks)[0][0]
        .starts_with("Please confirm in writing that I am owed after-care"));
}

#[test]
fn no_blank_lines_or_placeholders_and_the_subject_has_no_blanks() {
    for (name, letter) in all_letters() {
        let text = to_text(&letter);
        for blank in ["____", "[name of", "[council", "[NHS"] {
            assert!(!text.contains(blank), "{name}: {blank:?} in\n{text}");
        }
        assert!(
            !letter.subject.contains("  ") && !letter.subject.contains("__"),
            "{name}"
        );
        assert!(
            !letter.subject.contains("born ,") && !letter.subject.ends_with(' '),
            "{name}"
        );
        for line in letter
            .sender
            .iter()
            .chain(letter.addressees.iter().map(|a| &a.department))
        {
            assert!(!line.trim().is_empty(), "{name}: an empty line");
        }
    }
    // Known bodies are always named: never the department alone.
    for name in [
        "entitled-england",
        "charges-refund",
        "wales",
        "unlawful-ending",
    ] {
        let letter = render(&scenario(name));
        assert!(
            letter.addressees.iter().all(|a| !a.name.is_empty()),
            "{name}"
        );
        assert!(
            !letter
                .notes
                .iter()
                .any(|n| n.contains("addressed to the department alone")),
            "{name}"
        );
    }
}

#[test]
fn a_name_the_checker_did_not_recognise_is_never_printed() {
    let letter = render(&scenario("unrecognised-council"));
    let council = letter
        .addressees
        .iter()
        .find(|a| a.kind == s117::letter::AddresseeKind::Council)
        .unwrap();
    assert_eq!(council.name, "");
    assert_eq!(council.department, "Adult Social Care");
    let text = words(&letter);
    assert!(!text.contains("Borsetshire"), "{text}");
    assert!(
        text.contains("Please tell me which council and which NHS body are responsible for it.")
    );
    assert!(letter
        .notes
        .iter()
        .any(|n| n.contains("Add the name of the council")));
}

#[test]
fn dates_are_written_as_given_and_agree_with_the_decision() {
    let req = request_for(json!({"case": {"detentions": [{
        "section": "3", "detained_in": "england", "admitted": "2024-01", "left_hospital": "2024-05",
        "leaving": "discharged", "lived_before": {"country": "england", "council": "Leeds"}}]},
        "details": {"person": {"name": "Sam Jones", "date_of_birth": "1980-03"}}}));
    let letter = render(&req);
    let text = words(&letter);
    assert!(text.contains("detained under section 3 (admission for treatment) in January 2024, and left hospital in May 2024"), "{text}");
    assert!(
        !text.contains("1 January 2024") && !text.contains("1 May 2024"),
        "{text}"
    );
    assert!(letter.subject.contains("born March 1980"));
    // The date left hospital is the decision's.
    let arose = letter.decision.duty_arose.unwrap().long();
    assert!(text.contains(&format!("left hospital in {arose}")));
    // And exact dates are written as days.
    let text = words(&render(&scenario("entitled-england")));
    assert!(
        text.contains("on 12 February 2024, and left hospital on 3 June 2024"),
        "{text}"
    );
}

#[test]
fn a_formal_complaint_names_the_complaints_regulations_and_the_ombudsman() {
    let mut req = scenario("entitled-england");
    req.options.tone = Tone::FormalComplaint;
    let letter = render(&req);
    let text = words(&letter);
    assert!(letter.subject.starts_with("Formal complaint"));
    assert!(text.contains("This is a formal complaint, made under your complaints procedure (Local Authority Social Services and National Health Service Complaints (England) Regulations 2009 (SI 2009/309))."));
    assert!(text.contains("Please acknowledge this complaint, tell me who is dealing with it, and send me your response by 21 December 2026."));
    assert!(text.contains("Local Government and Social Care Ombudsman"));
    assert!(text.contains("Parliamentary and Health Service Ombudsman"));
    assert!(!text.contains("judicial review"));

    // Wales: the Welsh regulations for the council and the health board, and the Welsh ombudsman.
    let wales = render(&scenario("wales-formal-complaint-with-annex"));
    let text = words(&wales);
    assert!(text.contains("Social Services Complaints Procedure (Wales) Regulations 2014"));
    assert!(text.contains("SI 2011/704 (W.108)"));
    assert!(!text.contains("SI 2009/309"));
    assert!(text.contains("I will ask the Public Services Ombudsman for Wales to look into it"));
    assert!(!wales.annex.is_empty());
    // The Welsh Code of Practice, not England's.
    let ids: Vec<&str> = wales.citations.iter().map(|c| c.id).collect();
    assert!(
        ids.contains(&"cop-wales-2016") && !ids.contains(&"cop-2015-ch33"),
        "{ids:?}"
    );
}

#[test]
fn a_letter_before_claim_follows_the_protocol_with_a_14_day_reply() {
    let letter = render(&scenario("unlawful-ending-before-claim"));
    assert_eq!(letter.tone, Tone::LetterBeforeClaim);
    // 14 days after the letter's date (23 November 2026).
    assert_eq!(BEFORE_CLAIM_REPLY_DAYS, 14);
    assert_eq!(letter.reply_by.to_string(), "2026-12-07");
    let headings: Vec<&str> = letter
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let protocol = [
        "1. The proposed claimant",
        "2. The proposed defendants",
        "3. Reference details",
        "4. The matter being challenged",
        "5. The issue",
        "6. The action you are expected to take",
        "7. Alternative dispute resolution",
        "8. Information and documents sought",
        "9. Address for reply",
        "10. Proposed reply date",
    ];
    let found: Vec<&str> = headings
        .iter()
        .copied()
        .filter(|h| protocol.contains(h))
        .collect();
    assert_eq!(found, protocol);
    let text = words(&letter);
    assert!(letter.subject.starts_with("Letter before claim"));
    assert!(
        text.contains("This is a letter before claim (Pre-Action Protocol for Judicial Review).")
    );
    assert!(text.contains("The decision on 1 October 2026 to end my after-care"));
    assert!(text.contains(
        "Please reply by 7 December 2026, which is 14 days from the date of this letter."
    ));
    // The claim's own time limit is the decision's date, never one of the letter's.
    let jr = letter
        .decision
        .deadlines
        .iter()
        .find(|d| d.kind == DeadlineKind::JudicialReview)
        .and_then(|d| d.date)
        .unwrap();
    assert!(text.contains(&format!("that means by {} at the latest", jr.long())));
    // The grounds are in the body, with their sources; there is no separate annex.
    assert!(text.contains("The points in detail"));
    assert!(text.contains("(Mental Health Act 1983, s.117(2); Mental Health Act 1983: Code of Practice (2015), chapter 33)"));
    assert!(letter.annex.is_empty());
    // The user is told honestly that a solicitor usually sends it and legal aid may be available.
    assert!(letter
        .how_to_send
        .steps
        .iter()
        .any(|s| s.contains("usually sent by a solicitor") && s.contains("Legal aid")));
    assert!(letter
        .how_to_send
        .links
        .iter()
        .any(|l| l.url == "https://www.gov.uk/check-legal-aid"));
}

#[test]
fn a_letter_before_claim_is_recommended_only_for_an_ending_still_in_time() {
    assert_eq!(
        render(&scenario("unlawful-ending")).recommended_tone,
        Tone::LetterBeforeClaim
    );
    assert!(render(&scenario("unlawful-ending"))
        .notes
        .iter()
        .any(|n| n.contains("A letter before claim may be the right tone")));
    for name in [
        "entitled-england",
        "charges-refund",
        "ended-lawfully",
        "not-entitled",
        "ending-in-question-nhs-only",
    ] {
        assert_eq!(
            render(&scenario(name)).recommended_tone,
            Tone::FirstRequest,
            "{name}"
        );
    }
    // The same ending, a year later: the three months have passed.
    let mut late = scenario("unlawful-ending");
    late.date = "2027-11-23".parse().unwrap();
    late.case.as_at = late.date;
    assert_eq!(render(&late).recommended_tone, Tone::FirstRequest);
    // The first request never threatens judicial review.
    assert!(!words(&render(&scenario("unlawful-ending"))).contains("judicial review"));
}

#[test]
fn how_to_send_it_links_to_gov_uk_and_invents_no_address() {
    for (name, letter) in all_letters() {
        let how = &letter.how_to_send;
        assert_eq!(how.heading, "How to send it");
        assert!(
            how.steps.iter().any(|s| s.contains("recorded delivery")),
            "{name}"
        );
        assert!(
            how.steps.iter().any(|s| s.contains("Keep a copy")),
            "{name}"
        );
        for step in &how.steps {
            assert!(!step.contains('@'), "{name}: an email address in {step}");
        }
        let council = letter
            .addressees
            .iter()
            .any(|a| a.kind == s117::letter::AddresseeKind::Council);
        assert_eq!(
            how.links.iter().any(|l| l.url == FIND_LOCAL_COUNCIL),
            council,
            "{name}"
        );
        for link in &how.links {
            assert!(
                link.url.starts_with("https://www.gov.uk/"),
                "{name}: {}",
                link.url
            );
        }
    }
}
