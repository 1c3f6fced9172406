//! What the letter says and asks: honest about uncertain and negative outcomes, refunds, optional requests and their
//! legal basis, complaint routes and dates, notes for the user, and how stays and periods of after-care read.
#[path = "common/letters.rs"]
mod letters;

use letters::{annexed, england_s3_bromsgrove, request_for, scenario, with_annex, words};
use s117::letter::{render, Letter};
use serde_json::json;

#[test]
fn honest_about_uncertain_and_negative_outcomes() {
    let get = |name: &str| render(&scenario(name));
    let unsure = words(&get("undetermined-unknown-section"));
    assert!(unsure.contains("confirm in writing whether I am owed after-care"));
    assert!(!unsure.contains("confirm in writing that I am owed after-care"));

    let not = get("not-entitled");
    assert!(words(&not).contains("section 117 may not apply to me"));
    assert!(not
        .notes
        .iter()
        .any(|n| n.contains("not owed section 117 after-care")));

    let scotland = get("out-of-scope-scotland");
    assert!(words(&scotland).contains("it may not apply to me"));
    assert!(words(&scotland).contains("Mental Health (Care and Treatment) (Scotland) Act 2003"));
}

#[test]
fn refund_names_the_periods_and_leaves_out_the_lawful_top_up() {
    let text = words(&render(&annexed("charges-refund")));
    assert!(text.contains("care home fees from September 2021 to March 2024"));
    assert!(text.contains("supported living rent from April 2024 (still being charged)"));
    assert!(text.contains("with interest"));
    assert!(text.contains(
        "A top-up is being paid under a written agreement for the extra cost of the room I chose"
    ));
    assert!(!text.contains("the following while owed section 117 after-care: the extra cost"));
}

#[test]
fn every_optional_request_cites_its_legal_basis() {
    let get = |name: &str| render(&annexed(name));
    let ids =
        |letter: &Letter| -> Vec<&'static str> { letter.citations.iter().map(|c| c.id).collect() };

    // England: direct payments under the Care Act as applied by Sch. 4, the NHS England legal right to a
    // personal health budget, and the subject access request.
    let england = get("placement-facts-needed");
    let cited = ids(&england);
    for id in [
        "mha1983-s117-2c",
        "care-act-2014-sch4",
        "nhse-phb-legal-rights",
        "uk-gdpr-art-15",
        "mha1983-s130a",
    ] {
        assert!(cited.contains(&id), "{id} not cited: {cited:?}");
    }
    assert!(!cited.contains(&"sswbwa-2014-scha1"));
    let text = words(&england);
    assert!(text.contains("people in England who are owed section 117 after-care have had a legal right to have a personal health budget"));
    assert!(text.contains("normally due within one month"));

    // Wales: the Welsh Act for direct payments, and the personal health budget asked about, not claimed.
    let wales = get("wales");
    let cited = ids(&wales);
    assert!(cited.contains(&"sswbwa-2014-scha1"), "{cited:?}");
    assert!(!cited.contains(&"care-act-2014-sch4"), "{cited:?}");
    assert!(words(&wales).contains("can be provided in Wales in the same way"));
}

#[test]
fn an_advocate_is_claimed_as_a_right_only_for_a_qualifying_patient() {
    let get = |name: &str| words(&render(&annexed(name)));
    let right = "entitled to help from an independent mental health advocate";
    // On a CTO, still detained, conditionally discharged: qualifying patients (MHA 1983 ss.130C, 130D(2)(b)).
    assert!(get("on-behalf-with-lpa").contains(&format!(
        "is on a community treatment order, so they are a qualifying patient, {right}"
    )));
    assert!(get("still-in-hospital").contains(right));
    assert!(get("recall-with-imposed-residence").contains(&format!(
        "I am conditionally discharged, so I am a qualifying patient, {right}"
    )));
    // Discharged: asked for help, with no right claimed.
    let discharged = get("placement-facts-needed");
    assert!(!discharged.contains(right));
    assert!(discharged.contains("help them to find an advocate"));
    assert!(discharged.contains("If you consider that they qualify for one, please tell me."));
}

#[test]
fn a_recall_with_an_imposed_home_explains_why_the_original_council_is_named() {
    let letter = render(&annexed("recall-with-imposed-residence"));
    let first: Vec<&str> = letter.addressees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(first[0], "Wiltshire Council");
    let text = words(&letter);
    assert!(text.contains("So I believe that Wiltshire Council, the council for where I lived before my original detention, remains responsible."));
    assert!(text.contains("If it does, Hertfordshire County Council holds the duty instead."));
    // Not the general rule that would point the other way, nor the original council "instead".
    assert!(!text.contains("not the first"));
    assert!(!text.contains("before the original detention may be responsible instead"));
}

#[test]
fn placement_facts_needed_asks_who_arranged_the_placement() {
    let letter = render(&annexed("placement-facts-needed"));
    assert!(letter
        .decision
        .flags
        .iter()
        .any(|f| f.id == s117::decision::FlagId::PlacementFactsNeeded));
    let text = words(&letter);
    assert!(text.contains("Please tell me whether any council arranged that before the detention, and if so which one"));
    let cited: Vec<&str> = letter.citations.iter().map(|c| c.id).collect();
    assert!(cited.contains(&"uksc-2023-31") && cited.contains(&"mha1983-s117-3"));
}

#[test]
fn the_welsh_complaint_route_ends_with_the_welsh_ombudsman() {
    let letter = render(&annexed("wales"));
    let text = words(&letter);
    assert!(text.contains("I will ask the Public Services Ombudsman for Wales to look into it"));
    assert!(text.contains("(Public Services Ombudsman (Wales) Act 2019, s.8)"));
    for english in [
        "Local Government and Social Care Ombudsman",
        "Parliamentary and Health Service Ombudsman",
        "Local Government Act 1974",
    ] {
        assert!(!text.contains(english), "{english}");
    }
}

#[test]
fn the_ombudsman_date_is_never_later_than_the_decisions_deadline() {
    // After-care said to end on 1 October 2026: twelve months from then, not from the reply date.
    assert!(words(&render(&annexed("unlawful-ending")))
        .contains("so I would complain to them by 1 October 2027 at the latest"));
}

#[test]
fn points_kept_out_of_the_letter_are_notes_for_the_user() {
    // Charges from 2016: the six-year court limit is told to the user, not conceded to the council.
    let req = request_for(json!({"case": {
        "detentions": [{"section": "3", "detained_in": "england", "admitted": "2015-05-01", "left_hospital": "2015-09-01",
            "leaving": "discharged", "lived_before": {"country": "england", "council": "Kent"}}],
        "charges": [{"what": "care home fees", "since": "2016-01"}]
    }}));
    let letter = render(&req);
    assert!(letter
        .notes
        .iter()
        .any(|n| n.contains("A court claim to recover money usually has to be made within")));
    assert!(!words(&letter).contains("six years"));
    assert!(!words(&letter).contains("6 years"));
}

#[test]
fn a_later_stay_under_an_unknown_section_is_a_doubt_only_under_the_mental_health_act_1983() {
    let later = |detained_in: &str| {
        let mut detentions = england_s3_bromsgrove()["detentions"].clone();
        detentions.as_array_mut().unwrap().push(json!({
            "section": "unknown", "detained_in": detained_in, "admitted": "2025-01-06",
            "left_hospital": "2025-02-03", "leaving": "discharged",
            "lived_before": {"country": "england", "council": "Birmingham"}
        }));
        words(&render(&with_annex(request_for(
            json!({"case": {"detentions": detentions}}),
        ))))
    };
    let doubt = "under a section I do not know";
    assert!(later("england").contains(doubt));
    assert!(!later("scotland").contains(doubt));
}

#[test]
fn an_earlier_detention_left_on_a_date_not_given_still_counts_as_detained_again() {
    let detentions = json!([
        {"section": "3", "detained_in": "england", "admitted": "2020-02-12", "leaving": "discharged",
         "lived_before": {"country": "england", "council": "Bromsgrove"}},
        {"section": "3", "detained_in": "england", "admitted": "2024-02-12", "left_hospital": "2024-06-03",
         "leaving": "discharged", "lived_before": {"country": "england", "council": "Birmingham"}}
    ]);
    let letter = words(&render(&with_annex(request_for(
        json!({"case": {"detentions": detentions}}),
    ))));
    assert!(letter.contains("because of my most recent detention under section 3"));
    assert!(letter.contains("Because I was detained again"));
}

#[test]
fn three_periods_of_after_care_read_as_one_sentence() {
    let stay = |admitted: &str, left: &str| {
        json!({"section": "3", "detained_in": "england", "admitted": admitted, "left_hospital": left,
            "leaving": "discharged", "lived_before": {"country": "england", "council": "Bromsgrove"}})
    };
    let detentions = json!([
        stay("2019-02-01", "2019-06-01"),
        stay("2021-03-03", "2021-09-20"),
        stay("2023-01-10", "2023-05-02")
    ]);
    let letter = words(&render(&with_annex(request_for(
        json!({"case": {"detentions": detentions}}),
    ))));
    assert!(
        letter.contains("my after-care duty ran from 1 June 2019 to 3 March 2021, ending when I was detained again, from 20 September 2021 to 10 January 2023, ending when I was detained again, and from 2 May 2023 to now"),
        "{letter}"
    );
}
