//! The safety of user text and odd input: payloads in every free-text field stay inert in the .docx and the text,
//! control and bidi characters are removed, huge input never breaks the letter, and no case shape makes it panic.
#[path = "common/letters.rs"]
mod letters;

use letters::{docx_text, part, parts, scenario, scenarios};
use s117::letter::{self, render, render_all, to_docx, to_text, to_text_all, LetterRequest};
use serde_json::Value;

/// Payloads typed into every free-text field.
const PAYLOADS: [&str; 6] = [
    "</w:t></w:r><w:fldSimple w:instr=\"HYPERLINK &quot;http://evil.example&quot;\"><w:r><w:t>click</w:t></w:r></w:fldSimple><w:r><w:t>",
    "{ INCLUDETEXT \"c:\\\\x\" }",
    "{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\" }",
    "<script>alert('x')</script> & \"quotes\" 'apostrophes'",
    "]]><!-- <![CDATA[ x ]]> -->",
    "Name\u{0}with\u{1}controls\u{7f}\u{202e}reversed\u{fffe}",
];

fn hostile_request(payload: &str) -> LetterRequest {
    let mut req = scenario("charges-refund");
    let p = Some(payload.to_owned());
    req.details.person = letter::Person {
        name: p.clone(),
        date_of_birth: p.clone(),
        address: p.clone(),
        nhs_number: p.clone(),
        phone: p.clone(),
        email: p.clone(),
    };
    req.details.writer = Some(letter::Writer {
        name: p.clone(),
        relationship: p.clone(),
        address: p.clone(),
        phone: p.clone(),
        email: p.clone(),
        authority: Some(letter::Authority::Other),
    });
    for d in &mut req.case.detentions {
        d.hospital = p.clone();
        d.lived_before.council = p.clone();
        d.gp_icb = p.clone();
    }
    for c in &mut req.case.charges {
        c.what = p.clone();
    }
    req
}

#[test]
fn user_text_stays_inert_in_the_docx() {
    for payload in PAYLOADS {
        let letter = render(&hostile_request(payload));
        let docx = to_docx(&letter);
        for (name, xml) in parts(&docx) {
            let doc = roxmltree::Document::parse(&xml).unwrap();
            for node in doc.descendants().filter(|n| n.is_element()) {
                let tag = node.tag_name().name();
                assert!(
                    !matches!(
                        tag,
                        "fldSimple"
                            | "fldChar"
                            | "instrText"
                            | "hyperlink"
                            | "script"
                            | "object"
                            | "altChunk"
                    ),
                    "{name}: payload {payload:?} became a <{tag}> element"
                );
            }
            // No element carries user text in an attribute.
            for node in doc.descendants().filter(|n| n.is_element()) {
                for attr in node.attributes() {
                    assert!(
                        !attr.value().contains("evil") && !attr.value().contains("INCLUDETEXT"),
                        "{name}"
                    );
                }
            }
        }
        // The payload is shown as literal text (cleaned of control characters).
        let visible = docx_text(part(&parts(&docx), "word/document.xml"));
        let cleaned = letter::clean(payload);
        assert!(
            visible.contains(&cleaned),
            "payload {payload:?} not shown literally"
        );
        // Long tokens are broken across lines in the text, so compare without white space.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert!(
            squeeze(&to_text(&letter)).contains(&squeeze(&cleaned)),
            "payload {payload:?} not in the text"
        );
    }
}

#[test]
fn control_and_bidi_characters_are_removed_everywhere() {
    let letter = render(&hostile_request(PAYLOADS[5]));
    let text = to_text(&letter);
    assert!(text.contains("Namewithcontrolsreversed"));
    for bad in ['\u{0}', '\u{1}', '\u{7f}', '\u{202e}', '\u{fffe}'] {
        assert!(!text.contains(bad), "{bad:?} in text");
        // The letter's own fields; `decision` is the rules' output, passed through as it is.
        let mut value = serde_json::to_value(&letter).unwrap();
        value.as_object_mut().unwrap().remove("decision");
        let json = value.to_string();
        assert!(!json.contains(bad), "{bad:?} in JSON");
    }
}

#[test]
fn odd_and_huge_input_never_breaks_the_letter() {
    let long = "Ω".repeat(10_000);
    for payload in [
        String::new(),
        "   ".to_owned(),
        "\n\n\n".to_owned(),
        long.clone(),
        "👩🏽‍⚕️ Zoë 🏳️‍🌈".to_owned(),
        "محمد عبد الله".to_owned(),
        "שרה כהן".to_owned(),
        ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,".to_owned(),
        format!("{}\n", "line\n".repeat(5000)),
    ] {
        let letter = render(&hostile_request(&payload));
        let text = to_text(&letter);
        assert!(text.contains("What I am asking you to do"));
        assert!(text.lines().all(|l| l.chars().count() <= 78));
        let docx = to_docx(&letter);
        parts(&docx);
        assert!(docx.len() < 2_000_000, "docx of {} bytes", docx.len());
    }
    // A 10,000-character name is cut to the field limit, not repeated in full everywhere.
    let letter = render(&hostile_request(&long));
    assert!(letter.subject.chars().count() < letter::MAX_FIELD * 2 + 200);
}

/// Every choice of recipients, read from the type's JSON Schema (`Recipients` lives in `src/letter/` and has no
/// `ALL`), so a new choice is walked without editing this test.
fn recipients() -> Vec<letter::Recipients> {
    fn values(schema: &Value, out: &mut Vec<Value>) {
        match schema {
            Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("const", Value::String(_)) => out.push(v.clone()),
                        ("enum", Value::Array(all)) => out.extend(all.iter().cloned()),
                        _ => values(v, out),
                    }
                }
            }
            Value::Array(all) => all.iter().for_each(|v| values(v, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    values(
        &serde_json::to_value(schemars::schema_for!(letter::Recipients)).unwrap(),
        &mut found,
    );
    let all: Vec<letter::Recipients> = found
        .into_iter()
        .map(|v| serde_json::from_value(v).unwrap())
        .collect();
    assert!(
        all.contains(&letter::Recipients::Each) && all.len() >= 4,
        "{all:?}"
    );
    all
}

#[test]
fn render_never_panics_on_any_case_shape() {
    // Every section, every way of leaving, every recall, with and without dates, with every recipient choice.
    use s117::case::*;
    let leavings = std::iter::once(None).chain(Leaving::ALL.map(Some));
    let base = scenarios().remove(0).1;
    let all_recipients = recipients();
    let mut count = 0;
    for section in Section::ALL {
        for leaving in leavings.clone() {
            for recall in std::iter::once(None).chain(Recall::ALL.map(Some)) {
                for &to in &all_recipients {
                    let mut req = base.clone();
                    req.to = to;
                    let d = &mut req.case.detentions[0];
                    d.section = section;
                    d.leaving = leaving;
                    d.recall = recall;
                    if leaving == Some(Leaving::StillInHospital) {
                        d.left_hospital = None;
                    }
                    let letters = render_all(&req);
                    let expected = if to == letter::Recipients::Each { 2 } else { 1 };
                    assert_eq!(letters.len(), expected);
                    let text = to_text_all(&letters);
                    assert_eq!(text.matches("Dear Sir or Madam,").count(), expected);
                    assert!(!text.contains("  ."), "{text}");
                    count += 1;
                }
            }
        }
    }
    assert!(count > 1000);
}
