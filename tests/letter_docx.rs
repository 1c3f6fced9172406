//! The letter as a Word document: the .docx unzipped and read back (well-formed parts, the whole letter in it,
//! numbered lists, one letter per page).
#[path = "common/letters.rs"]
mod letters;

use letters::{all_letters, docx_text, part, parts, scenario, scenarios};
use s117::letter::{render, render_all, to_docx, to_docx_all, Block};

#[test]
fn docx_unzips_to_well_formed_parts_with_the_letter_in_it() {
    for (name, letter) in all_letters() {
        let docx = to_docx(&letter);
        let parts = parts(&docx);
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        for required in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/numbering.xml",
            "word/footer1.xml",
            "docProps/core.xml",
        ] {
            assert!(names.contains(&required), "{name}: missing {required}");
        }
        let document = part(&parts, "word/document.xml");
        assert!(
            document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
            "{name}: A4"
        );
        let text = docx_text(document);
        assert!(text.contains(&letter.subject), "{name}: subject");
        assert!(text.contains("Dear Sir or Madam,"), "{name}");
        if letter.tone != s117::letter::Tone::LetterBeforeClaim {
            assert!(text.contains("What I am asking you to do"), "{name}");
        }
        for block in letter.blocks.iter().chain(&letter.annex) {
            match block {
                Block::Heading { text: t } | Block::Paragraph { text: t } => {
                    assert!(text.contains(t.as_str()), "{name}: {t}")
                }
                Block::List { items, .. } => {
                    for item in items {
                        assert!(text.contains(item.as_str()), "{name}: {item}");
                    }
                }
                Block::Signature { .. } => {}
            }
        }
        let footer = part(&parts, "word/footer1.xml");
        assert!(docx_text(footer).contains(&letter.footer), "{name}: footer");
    }
}

#[test]
fn docx_numbered_lists_restart_for_each_list() {
    let letter = render(&scenarios().remove(0).1);
    let docx = to_docx(&letter);
    let parts = parts(&docx);
    let numbering = part(&parts, "word/numbering.xml");
    let ordered = letter
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::List { ordered: true, .. }))
        .count();
    assert_eq!(
        numbering.matches("<w:startOverride w:val=\"1\"/>").count(),
        ordered
    );
}

#[test]
fn each_letter_in_one_docx_starts_on_a_new_page() {
    let req = scenario("each-england");
    let letters = render_all(&req);
    let docx = to_docx_all(&letters);
    let parts = parts(&docx);
    let document = part(&parts, "word/document.xml");
    // One page break, in a run (where Word and LibreOffice look for it), sharing its paragraph with the first line
    // of the second letter, so the new page does not start with a blank line.
    assert_eq!(document.matches("<w:br w:type=\"page\"/>").count(), 1);
    let doc = roxmltree::Document::parse(document).unwrap();
    let br = doc
        .descendants()
        .find(|n| n.has_tag_name("br"))
        .expect("a w:br");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    assert_eq!(br.attribute((w, "type")), Some("page"));
    let run = br.parent().unwrap();
    assert!(run.has_tag_name("r"));
    let paragraph = run.parent().unwrap();
    assert!(paragraph.has_tag_name("p"));
    assert_eq!(paragraph.parent().unwrap().tag_name().name(), "body");
    let first_line: String = paragraph
        .descendants()
        .filter(|n| n.has_tag_name("t"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(first_line, letters[1].sender[0]);
    // Before the break, the council's letter; after it, the NHS body's: each addressee on its own line in its
    // own letter, and both letters whole.
    let (before, after) = document.split_once("<w:br w:type=\"page\"/>").unwrap();
    let line = |name: &str| format!("<w:t xml:space=\"preserve\">{name}</w:t>");
    let council = "Worcestershire County Council";
    let icb = "NHS Herefordshire and Worcestershire Integrated Care Board";
    assert!(before.contains(&line(council)) && !before.contains(&line(icb)));
    assert!(after.contains(&line(icb)) && !after.contains(&line(council)));
    let text = docx_text(document);
    assert_eq!(text.matches("Dear Sir or Madam,").count(), 2);
    assert_eq!(text.matches(letters[0].subject.as_str()).count(), 2);
    assert_eq!(text.matches("Yours faithfully,").count(), 2);
    assert!(text.contains(&format!("a matching letter to {icb}.")));
    assert!(text.contains(&format!("a matching letter to {council}.")));
    // Each letter's numbered list has its own numbering, restarting at 1.
    let numbering = part(&parts, "word/numbering.xml");
    let ordered = letters
        .iter()
        .flat_map(|l| &l.blocks)
        .filter(|b| matches!(b, Block::List { ordered: true, .. }))
        .count();
    assert!(ordered >= 2, "the requests in each letter");
    assert_eq!(
        numbering.matches("<w:startOverride w:val=\"1\"/>").count(),
        ordered
    );
    // One letter in to_docx_all is the same file as to_docx.
    assert_eq!(to_docx_all(&letters[..1]), to_docx(&letters[0]));
}

#[test]
fn the_annex_starts_on_a_new_page_and_is_left_out_by_default() {
    let plain = render(&scenario("charges-refund"));
    assert!(plain.annex.is_empty());
    let document = part(&parts(&to_docx(&plain)), "word/document.xml").to_owned();
    assert_eq!(document.matches("<w:br w:type=\"page\"/>").count(), 0);
    assert!(!docx_text(&document).contains("Annex"));

    let annexed = render(&scenario("charges-refund-with-annex"));
    let document = part(&parts(&to_docx(&annexed)), "word/document.xml").to_owned();
    assert_eq!(document.matches("<w:br w:type=\"page\"/>").count(), 1);
    let text = docx_text(&document);
    let signed = text.find("Yours faithfully,").unwrap();
    let annex = text.find("Annex: the legal grounds").expect("the annex");
    assert!(signed < annex);
    assert!(text[..annex].find("The points in detail").is_none());
    let annex = &text[annex..];
    // The page break is in the annex heading's paragraph.
    let (_, after) = document.split_once("<w:br w:type=\"page\"/>").unwrap();
    assert!(after.find("Annex: the legal grounds").unwrap() < 300);
    assert!(annex.contains("The points in detail"));
}
