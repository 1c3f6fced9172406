//! Letters in bulk: `s117 screen --letters DIR` writes one Word letter per screened row that needs one, named after
//! the enquiry's reference and carrying it as "Our reference", from the firm's letterhead, in the tone the checker
//! recommends (a letter before claim for an ending still inside the judicial review time limit, CPR r.54.5(1) and
//! the Pre-Action Protocol for Judicial Review); none for people not owed after-care, nor for rows not screened.
#![cfg(feature = "cli")]

#[path = "common/letters.rs"]
mod letters;
#[path = "common/screening.rs"]
mod screening;

use letters::{docx_text, part, parts};
use s117::screen::{Firm, Format, Job};
use screening::{options, run};
use std::path::PathBuf;

const HEAD: &str = "reference,as_at,Client Name,Date of birth,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,\
                    c1_what,c1_since,ended_date,ended_reason,Fee Earner";

/// Four enquiries: one owed after-care and charged; one whose after-care was ended on 1 September 2026 because
/// a DoLS authorisation was said to replace it (likely unlawful: inside the three months to 1 December 2026); one
/// under section 2 only (not owed after-care); and one with a date of the check that cannot be read (screened as at
/// the option's date, but no letter rests on a cell left blank).
fn enquiries() -> String {
    [
        HEAD,
        "SMI/2026/1,2026-11-23,Margaret Wood,1948-03-02,3,2024-02-12,2024-06-03,discharged,Bromsgrove,\
         care home fees,2024-09-01,,,JS",
        "ENQ-JR,2026-11-23,Robert Hall,,3,2023-06-01,2023-10-01,discharged,Croydon,,,2026-09-01,dols,AK",
        "ENQ-S2,2026-11-23,Ann Lee,,2,2025-01-10,2025-02-05,discharged,Leeds,,,,,JS",
        "ENQ-BAD,2026-13-45,Joe Bloggs,,3,2021-01-10,2021-04-01,discharged,Cardiff,,,,,AK",
    ]
    .join("\n")
        + "\n"
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("s117-screen-letters-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The text of a .docx, its parts checked well-formed on the way.
fn read_docx(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parts = parts(&bytes);
    docx_text(part(&parts, "word/document.xml"))
}

#[test]
fn one_readable_letter_per_row_that_needs_one_named_after_its_reference() {
    let dir = temp_dir("cli");
    let r = run(
        &[
            "-",
            "--as-at",
            "2026-11-23",
            "--no-bom",
            "--letters",
            dir.to_str().unwrap(),
            "--firm-name",
            "Smith & Co Solicitors",
            "--firm-address",
            "1 High Street, Leeds, LS1 1AA",
            "--firm-email",
            "s117@smith.example",
        ],
        &enquiries(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // The slash in SMI/2026/1 cannot reach the file system; no letter for section 2 only, nor for the row with a
    // cell that could not be read (and the summary says so).
    assert_eq!(names, ["ENQ-JR.docx", "SMI-2026-1.docx"]);
    assert!(
        r.stderr
            .contains(": 2 (letters before claim among them: 1)")
            && r.stderr
                .contains("have a cell that could not be read, so have none yet: 1"),
        "{}",
        r.stderr
    );

    let wood = read_docx(&dir.join("SMI-2026-1.docx"));
    for expected in [
        "Smith & Co Solicitors",
        "1 High Street",
        "Our reference: SMI/2026/1",
        "Margaret Wood",
        "23 November 2026",
        "What I am asking you to do",
        "I am Margaret Wood's solicitor",
    ] {
        assert!(wood.contains(expected), "{expected:?} in:\n{wood}");
    }

    let hall = read_docx(&dir.join("ENQ-JR.docx"));
    assert!(hall.contains("Our reference: ENQ-JR"), "{hall}");
    assert!(hall.contains("Robert Hall"), "{hall}");
    // A letter before claim (Pre-Action Protocol for Judicial Review), replying within 14 days.
    assert!(
        hall.to_lowercase().contains("letter before claim"),
        "{hall}"
    );
    assert!(!hall.contains("What I am asking you to do"), "{hall}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_job_writes_letters_in_the_recommended_tone_with_the_firms_prefix() {
    let firm = Firm {
        name: Some("Smith & Co".into()),
        reference_prefix: Some("SC-".into()),
        date: "2026-11-23".parse().ok(),
        ..Firm::default()
    };
    let input = enquiries();
    let mut job = Job::new(input.as_bytes(), Format::Csv, options()).letters(firm);
    while !job.step(2).done {}
    let letters = job.take_letters();
    let made: Vec<(u32, &str, &str, s117::letter::Tone)> = letters
        .iter()
        .map(|l| (l.row, l.reference.as_str(), l.file_name.as_str(), l.tone))
        .collect();
    assert_eq!(
        made,
        [
            (
                2,
                "SMI/2026/1",
                "SMI-2026-1.docx",
                s117::letter::Tone::FirstRequest
            ),
            (
                3,
                "ENQ-JR",
                "ENQ-JR.docx",
                s117::letter::Tone::LetterBeforeClaim
            ),
        ]
    );
    let parts = parts(&letters[1].docx);
    let text = docx_text(part(&parts, "word/document.xml"));
    assert!(text.contains("Our reference: SC-ENQ-JR"), "{text}");
    // The judicial review date the row carries is the one the letter is in time for: 1 September 2026 plus
    // three months (CPR r.54.5(1)).
    let screened = job.finish();
    let jr = screened
        .rows
        .iter()
        .find(|r| r.reference == "ENQ-JR")
        .unwrap();
    assert_eq!(
        jr.judicial_review_by.map(|d| d.to_string()).as_deref(),
        Some("2026-12-01")
    );
}

#[test]
fn a_firm_file_gives_the_letterhead_and_a_bad_one_is_named() {
    let dir = temp_dir("firm-file");
    std::fs::create_dir_all(&dir).unwrap();
    let firm = dir.join("firm.json");
    std::fs::write(
        &firm,
        r#"{"name": "Jones Law", "phone": "0113 000 0000", "reference_prefix": "JL/"}"#,
    )
    .unwrap();
    let out = dir.join("letters");
    let r = run(
        &[
            "-",
            "--as-at",
            "2026-11-23",
            "--letters",
            out.to_str().unwrap(),
            "--firm",
            firm.to_str().unwrap(),
        ],
        &enquiries(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = read_docx(&out.join("SMI-2026-1.docx"));
    assert!(text.contains("Jones Law"), "{text}");
    assert!(text.contains("0113 000 0000"), "{text}");
    assert!(text.contains("Our reference: JL/SMI/2026/1"), "{text}");

    std::fs::write(&firm, r#"{"nmae": "typo"}"#).unwrap();
    let r = run(
        &[
            "-",
            "--letters",
            out.to_str().unwrap(),
            "--firm",
            firm.to_str().unwrap(),
        ],
        &enquiries(),
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--firm ") && r.stderr.contains("unknown field `nmae`"),
        "{}",
        r.stderr
    );
    let _ = std::fs::remove_dir_all(&dir);
}
