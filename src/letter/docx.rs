//! The letter as a Word document (.docx, Office Open XML), with no dependencies.
//!
//! The package holds the smallest set of parts Word and LibreOffice expect: `[Content_Types].xml`,
//! `_rels/.rels`, `word/document.xml`, `word/styles.xml` (Normal, Heading 1, Title-like subject, List Paragraph,
//! Footer), `word/numbering.xml` (numbered and bulleted lists), `word/footer1.xml` (the rules version, law date
//! and disclaimer on every page), `word/_rels/document.xml.rels`, `docProps/core.xml` and `docProps/app.xml`.
//! The page is A4 (11906 × 16838 twentieths of a point) with 2 cm margins, in 10.5 pt Arial with single line spacing,
//! so the one-page letter fits on one page; the annex of legal grounds starts on a new page. Parts are stored uncompressed in a
//! ZIP written by [`super::zip`].
//!
//! Every piece of text goes through [`escape`], which escapes `& < > " '` and drops characters XML cannot carry,
//! and is written only inside `<w:t>` elements. Nothing the user typed can become an element, an attribute or a
//! field: a payload such as `</w:t><w:fldSimple w:instr="HYPERLINK …">` or `{ INCLUDETEXT "c:\\x" }` shows as
//! the literal characters. Word recognises fields only from `w:fldSimple` and `w:fldChar`/`w:instrText`
//! elements, which this writer never emits.

use super::{Block, Letter};
use crate::messages;

/// Escapes text for XML content or attribute values, removing characters XML 1.0 cannot carry (C0 controls
/// other than tab, line feed and carriage return, C1 controls, U+FFFE and U+FFFF).
///
/// # Examples
///
/// ```
/// use s117::letter::docx::escape;
/// assert_eq!(escape("<a href=\"x\">Tom & Jerry's</a>\u{1}"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The numbering definition used for ordered lists (each list gets its own instance, restarting at 1).
const ORDERED_ABSTRACT: u32 = 0;
/// The numbering definition used for bulleted lists.
const BULLET_ABSTRACT: u32 = 1;
/// The numbering instance for every bulleted list.
const BULLET_NUM: u32 = 1;

/// A paragraph with an optional style and paragraph properties, holding one run of escaped text.
fn paragraph(style: Option<&str>, extra_ppr: &str, text: &str, bold: bool) -> String {
    paragraph_after("", style, extra_ppr, text, bold)
}

/// A paragraph as [`paragraph`], with `lead` (runs this module writes, never user text) before its text.
fn paragraph_after(
    lead: &str,
    style: Option<&str>,
    extra_ppr: &str,
    text: &str,
    bold: bool,
) -> String {
    let mut p = String::from("<w:p>");
    if style.is_some() || !extra_ppr.is_empty() {
        p.push_str("<w:pPr>");
        if let Some(style) = style {
            p.push_str(&format!("<w:pStyle w:val=\"{style}\"/>"));
        }
        p.push_str(extra_ppr);
        p.push_str("</w:pPr>");
    }
    p.push_str(lead);
    if !text.is_empty() {
        p.push_str("<w:r>");
        if bold {
            p.push_str("<w:rPr><w:b/></w:rPr>");
        }
        p.push_str("<w:t xml:space=\"preserve\">");
        p.push_str(&escape(text));
        p.push_str("</w:t></w:r>");
    }
    p.push_str("</w:p>");
    p
}

/// A page break, as the first run of the first paragraph of every letter after the first, so each letter starts
/// on a new page. It shares that paragraph with the letter's first line rather than standing in an empty paragraph
/// of its own, which Word would show as a blank line at the top of the new page. Word and LibreOffice both read
/// `<w:br w:type="page"/>` inside a run.
const PAGE_BREAK: &str = "<w:r><w:br w:type=\"page\"/></w:r>";

/// Builds the body of `word/document.xml` for one letter, numbering its ordered lists after `ordered_lists`;
/// `lead` goes at the start of its first paragraph.
fn letter_body(letter: &Letter, ordered_lists: &mut u32, lead: &str) -> String {
    let mut body = String::new();
    let tight = "<w:spacing w:after=\"0\"/>";
    let mut lead = lead;
    for line in &letter.sender {
        body.push_str(&paragraph_after(lead, None, tight, line, false));
        lead = "";
    }
    body.push_str(&paragraph_after(lead, None, "", "", false));
    body.push_str(&paragraph(None, "", &letter.date, false));
    for a in &letter.addressees {
        // The department, then the body's name when the checker knows it; never a line to fill in.
        let last = if a.why.is_some() { tight } else { "" };
        if a.name.is_empty() {
            body.push_str(&paragraph(None, last, &a.department, false));
        } else {
            body.push_str(&paragraph(None, tight, &a.department, false));
            body.push_str(&paragraph(None, last, &a.name, false));
        }
        if let Some(why) = &a.why {
            body.push_str(&paragraph(
                Some("Note"),
                "",
                &messages::fill("letter.addressees.why_in_brackets", &[("why", why)]),
                false,
            ));
        }
    }
    body.push_str(&paragraph(Some("Subject"), "", &letter.subject, false));
    body.push_str(&blocks(&letter.blocks, ordered_lists, ""));
    // The annex of legal grounds starts on a new page.
    body.push_str(&blocks(&letter.annex, ordered_lists, PAGE_BREAK));
    body
}

/// The XML of some of a letter's blocks, numbering its ordered lists after `ordered_lists`; `lead` goes at the
/// start of the first paragraph.
fn blocks(blocks: &[Block], ordered_lists: &mut u32, lead: &str) -> String {
    let mut body = String::new();
    let tight = "<w:spacing w:after=\"0\"/>";
    let mut lead = lead;
    for block in blocks {
        match block {
            Block::Heading { text } => {
                body.push_str(&paragraph_after(lead, Some("Heading1"), "", text, false))
            }
            Block::Paragraph { text } => {
                body.push_str(&paragraph_after(lead, None, "", text, false))
            }
            Block::List { ordered, items } => {
                let num = if *ordered {
                    *ordered_lists += 1;
                    BULLET_NUM + *ordered_lists
                } else {
                    BULLET_NUM
                };
                let numbering =
                    format!("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num}\"/></w:numPr>");
                for item in items {
                    body.push_str(&paragraph_after(
                        lead,
                        Some("ListParagraph"),
                        &numbering,
                        item,
                        false,
                    ));
                    lead = "";
                }
            }
            Block::Signature { lines } => {
                body.push_str(&paragraph_after(
                    lead,
                    None,
                    "<w:keepNext/><w:keepLines/>",
                    "",
                    false,
                ));
                for (n, line) in lines.iter().enumerate() {
                    // The last line is not kept with the next paragraph, which may be the next letter.
                    let keep = if n + 1 < lines.len() {
                        "<w:keepNext/>"
                    } else {
                        ""
                    };
                    body.push_str(&paragraph(None, &format!("{keep}{tight}"), line, false));
                }
            }
        }
        lead = "";
    }
    body
}

/// Builds `word/document.xml` for one or more letters, each after the first on a new page, and the number of
/// ordered lists it uses.
fn document(letters: &[Letter]) -> (String, u32) {
    let mut body = String::new();
    let mut ordered_lists = 0;
    for (i, letter) in letters.iter().enumerate() {
        let lead = if i > 0 { PAGE_BREAK } else { "" };
        body.push_str(&letter_body(letter, &mut ordered_lists, lead));
    }
    let document = format!(
        "{XML_DECLARATION}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{body}<w:sectPr>\
<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
<w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"454\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    );
    (document, ordered_lists)
}

fn styles() -> String {
    let language = escape(messages::text("letter.docx.language"));
    format!(
        "{XML_DECLARATION}<w:styles xmlns:w=\"{W_NS}\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{language}\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"160\" w:after=\"60\"/>\
<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Subject\"><w:name w:val=\"Subject\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"160\" w:after=\"160\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/>\
<w:rPr><w:i/><w:iCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/>\
<w:qFormat/><w:pPr><w:spacing w:after=\"120\"/><w:ind w:left=\"567\" w:hanging=\"567\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
</w:styles>"
    )
}

fn numbering(ordered_lists: u32) -> String {
    let level = |format: &str, text: &str| {
        format!(
            "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/>\
<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"567\"/></w:pPr></w:lvl>"
        )
    };
    let mut xml = format!(
        "{XML_DECLARATION}<w:numbering xmlns:w=\"{W_NS}\">\
<w:abstractNum w:abstractNumId=\"{ORDERED_ABSTRACT}\"><w:multiLevelType w:val=\"singleLevel\"/>{}</w:abstractNum>\
<w:abstractNum w:abstractNumId=\"{BULLET_ABSTRACT}\"><w:multiLevelType w:val=\"singleLevel\"/>{}</w:abstractNum>\
<w:num w:numId=\"{BULLET_NUM}\"><w:abstractNumId w:val=\"{BULLET_ABSTRACT}\"/></w:num>",
        level("decimal", "%1."),
        level("bullet", "\u{2022}")
    );
    for n in 1..=ordered_lists {
        xml.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{ORDERED_ABSTRACT}\"/>\
<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
            BULLET_NUM + n
        ));
    }
    xml.push_str("</w:numbering>");
    xml
}

fn footer(text: &str) -> String {
    format!(
        "{XML_DECLARATION}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{}</w:ftr>",
        paragraph(Some("Footer"), "", text, false)
    )
}

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
</Relationships>";

/// Document properties. The title is generic on purpose: file metadata is easily overlooked, so it carries no
/// personal details. There is no creation time: the core never reads a clock, and the same letter gives the
/// same bytes.
fn core_properties() -> String {
    let title = escape(messages::text("letter.docx.title"));
    let creator = escape(messages::text("letter.docx.creator"));
    let language = escape(messages::text("letter.docx.language"));
    format!(
        "{XML_DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
<dc:title>{title}</dc:title>\
<dc:creator>{creator}</dc:creator>\
<dc:language>{language}</dc:language>\
</cp:coreProperties>"
    )
}

/// The application properties: the program that wrote the file, with the rules version of the letters' Decision.
fn app_properties(rules_version: &str) -> String {
    format!(
        "{XML_DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>{}</Application></Properties>",
        escape(&messages::fill(
            "letter.docx.application",
            &[("version", rules_version)]
        ))
    )
}

/// The letter as the bytes of a .docx file. The same as [`to_docx_all`] with one letter.
///
/// # Examples
///
/// ```
/// # let request: s117::letter::LetterRequest = serde_json::from_str(r#"{"date": "2026-11-23",
/// #   "case": {"as_at": "2026-11-23"}}"#).unwrap();
/// let letter = s117::letter::render(&request);
/// let bytes = s117::letter::to_docx(&letter);
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn to_docx(letter: &Letter) -> Vec<u8> {
    to_docx_all(std::slice::from_ref(letter))
}

/// Several letters as one .docx file, in order, each starting on a new page (a `<w:br w:type="page"/>`), so one
/// print gives them all. The footer is the first letter's (every letter's footer is the same: the rules version
/// and law date). No letters gives an empty document.
///
/// # Examples
///
/// ```
/// # let request: s117::letter::LetterRequest = serde_json::from_str(r#"{"date": "2026-11-23",
/// #   "case": {"as_at": "2026-11-23"}, "to": "each"}"#).unwrap();
/// let letters = s117::letter::render_all(&request);
/// let bytes = s117::letter::to_docx_all(&letters);
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn to_docx_all(letters: &[Letter]) -> Vec<u8> {
    let (document, ordered_lists) = document(letters);
    let content_types = format!("{XML_DECLARATION}{CONTENT_TYPES}");
    let package_rels = format!("{XML_DECLARATION}{PACKAGE_RELS}");
    let document_rels = format!("{XML_DECLARATION}{DOCUMENT_RELS}");
    let styles = styles();
    let numbering = numbering(ordered_lists);
    let footer = footer(letters.first().map_or("", |l| l.footer.as_str()));
    let core = core_properties();
    let app = app_properties(
        letters
            .first()
            .map_or(env!("CARGO_PKG_VERSION"), |l| l.decision.rules_version),
    );
    let parts: [(&str, &[u8]); 9] = [
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", package_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", document_rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("docProps/app.xml", app.as_bytes()),
    ];
    // A letter is at most a few megabytes even with every field at its limit, far below the ZIP limits; if that
    // ever failed, an empty file is better than a panic.
    super::zip::stored(&parts).unwrap_or_default()
}
