//! A firm's export of 60 enquiries, screened as it comes (`tests/fixtures/firm-export-60.csv`: invented people, in
//! the shapes a case-management system writes): a byte-order mark, CRLF line ends, quoted line breaks in the notes,
//! free-text "Section" cells ("3 then 37", "s2 then s3", "sectioned twice", "3 (CTO)", "CTO"), dates in every UK
//! form (03/06/2021, 3.6.21, June 2021, Sept 2021, Oct-21, 2021, Excel serials), council names written short or
//! misspelt ("Lancs CC", "LB Sutton", "BANES", "RBKC", "Birmingam", "N Yorks"), abolished councils, councils in
//! Scotland and Northern Ireland, the firm's own columns, and a few cells that are simply wrong.
//!
//! Every row is accounted for; every problem names its row, column and the value as written; rows are decided as
//! the law says (each test names its source); and a profile suggested from the file, applied back, gives the same
//! triage byte for byte.
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::{screen_csv, suggest_profile, to_csv, Format, Job, Options, Profile, Screened};
use screening::{deadlines, errors, flags, row, run};
use std::collections::BTreeMap;

/// The date of the check for these tests.
const AS_AT: &str = "2026-12-01";

fn options() -> Options {
    Options {
        as_at: AS_AT.parse().ok(),
        ..Options::default()
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(screening::root().join("tests/fixtures").join(name)).unwrap()
}

fn export() -> Screened {
    screen_csv(fixture("firm-export-60.csv"), &options())
}

fn warnings(s: &Screened) -> Vec<String> {
    s.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn the_fixture_is_the_messy_export_the_issue_describes() {
    let bytes = fixture("firm-export-60.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark");
    let text = String::from_utf8(bytes).unwrap();
    // Windows line ends throughout, inside quoted notes too.
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
    assert!(
        text.contains("\"Called twice, \"\"very worried\"\"\r\nwants a call back before Friday\"")
    );
    // The note is carried to the triage as written, with the firm's other columns.
    let s = export();
    let carried: Vec<(&str, &str)> = row(&s, "M-1001")
        .carried
        .iter()
        .map(|c| (&*c.heading, c.value.as_str()))
        .collect();
    assert_eq!(
        carried,
        [
            ("Client Name", "Margaret Ashdown"),
            ("Fee Earner", "JS"),
            ("Date of Enquiry", "02/11/2026"),
            (
                "Notes",
                "Called twice, \"very worried\"\r\nwants a call back before Friday"
            ),
        ]
    );
    let latin = fixture("firm-export-60-semicolon-1252.csv");
    assert!(
        std::str::from_utf8(&latin).is_err(),
        "Windows-1252, not UTF-8"
    );
    assert!(latin.starts_with(b"Client Name;Matter No.;"));
}

#[test]
fn every_row_is_accounted_for_and_none_is_refused() {
    let s = export();
    assert_eq!(s.counts.rows, 60);
    assert_eq!(s.counts.screened + s.counts.with_errors, 60);
    assert_eq!(s.counts.with_errors, 0, "{:#?}", errors(&s));
    assert_eq!(s.rows.len(), 60);
    // The rows with a cell left blank are marked, and `--only uncertain` keeps them.
    let unreadable: Vec<(&str, &[String])> = s
        .rows
        .iter()
        .filter(|r| !r.unreadable.is_empty())
        .map(|r| (r.reference.as_str(), r.unreadable.as_slice()))
        .collect();
    assert_eq!(
        unreadable,
        [
            ("M-1015", &["Local Authority".to_owned()][..]),
            ("M-1033", &["Date Discharged".to_owned()][..]),
            ("M-1034", &["Section".to_owned()][..]),
            ("M-1035", &["Section".to_owned()][..]),
            ("M-1036", &["Weekly Fee (£)".to_owned()][..]),
            ("M-1038", &["Aftercare Stopped?".to_owned()][..]),
            ("M-1039", &["Aftercare Stopped?".to_owned()][..]),
            ("M-1056", &["Section".to_owned()][..]),
        ]
    );
}

/// How many rows are "uncertain", and why: printed with `--nocapture`, and bounded so a change is noticed.
#[test]
fn the_share_of_uncertain_rows_and_why() {
    let s = export();
    let mut why: BTreeMap<String, u32> = BTreeMap::new();
    let mut uncertain = 0;
    for r in &s.rows {
        let mut reasons = flags(&r.uncertain);
        if !r.unreadable.is_empty() {
            reasons.push("cell_left_blank".to_owned());
        }
        if r.entitlement.code() == "undetermined" {
            reasons.push("undetermined".to_owned());
        }
        uncertain += u32::from(!reasons.is_empty());
        for reason in reasons {
            *why.entry(reason).or_default() += 1;
        }
    }
    // Without the default ICB from the council area (a prompt to confirm, not a doubt about entitlement) and dates
    // given only as a month or year, far fewer rows are in doubt.
    let doubtful = s
        .rows
        .iter()
        .filter(|r| {
            !r.unreadable.is_empty()
                || r.entitlement.code() == "undetermined"
                || flags(&r.uncertain)
                    .iter()
                    .any(|f| f != "nhs_body_from_council_area" && f != "approximate_dates")
        })
        .count();
    eprintln!("uncertain: {uncertain} of 60; beyond the ICB default and month-only dates: {doubtful}; by reason: {why:?}");
    assert!(doubtful <= 15, "{doubtful}: {why:?}");
    assert_eq!(why.get("undetermined"), Some(&6), "{why:?}");
}

#[test]
fn each_problem_names_the_row_the_column_and_the_value_as_written() {
    let s = export();
    let e = errors(&s);
    for expected in [
        "row 16, column Local Authority: \u{201c}Springfield\u{201d} is not a council the checker knows: check the \
         spelling, or leave it blank if not known \u{2014} left blank: the row was screened without it",
        "row 34, column Date Discharged: 31/02/2023 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only \
         know the month or year) \u{2014} left blank: the row was screened without it",
        "row 36, column Section: 3 then maybe 37 is not a section, or a list of stays, that the checker can read: \
         write one section (such as 3 or 37/41), or the stays in order, such as 3 then 37, s2 then s3 or 3 (CTO) \
         \u{2014} left blank: the row was screened without it",
        "row 37, column Weekly Fee (£): about 900 is not an amount of money: use pounds, such as 200, 185.50 or \
         £1,250 \u{2014} left blank: the row was screened without it",
    ] {
        assert!(e.contains(&expected.to_owned()), "{expected}\n{e:#?}");
    }
    assert_eq!(e.len(), 8, "{e:#?}");
    // Each names its spreadsheet cell and the row's reference too (the --errors file).
    let springfield = &s.errors[0];
    assert_eq!(springfield.cell.as_deref(), Some("I16"));
    assert_eq!(springfield.reference.as_deref(), Some("M-1015"));
    assert!(springfield.screened);

    // What was read loosely is said, with the value as written and what it was read as.
    let w = warnings(&s);
    for expected in [
        "row 3: Local Authority: read \u{201c}Birmingam\u{201d} as Birmingham City Council: check this is right",
        "row 4: Local Authority: read \u{201c}LB Sutton\u{201d} as London Borough of Sutton: check this is right",
        "row 5: Local Authority: read \u{201c}Lancs CC\u{201d} as Lancashire County Council: check this is right",
        "row 6: Local Authority: read \u{201c}BANES\u{201d} as Bath and North East Somerset Council: check this is right",
        "row 7: Local Authority: read \u{201c}RBKC\u{201d} as Royal Borough of Kensington and Chelsea: check this is right",
        "row 10: Local Authority: read \u{201c}N Yorks\u{201d} as North Yorkshire Council: check this is right",
        "row 55: CCG/ICB: read \u{201c}NHS West Yorkshre ICB\u{201d} as NHS West Yorkshire Integrated Care Board: \
         check this is right",
        "row 18: Section: read \u{201c}3 then 37\u{201d} as section 3, then section 37. The dates on this row are \
         taken as the last stay's; the earlier stays' dates are not known, so give each stay its own columns (d1_, \
         d2_ \u{2026}) to be precise.",
        "row 19: Section: read \u{201c}s2 then s3\u{201d} as section 2, then section 3. A section that runs on into \
         the next without leaving hospital (section 2 then section 3, for example) is one stay, and after-care is \
         owed on leaving it.",
        "row 25: Section: read \u{201c}CTO\u{201d} as a stay whose section is not given, left on a community \
         treatment order.",
    ] {
        assert!(w.contains(&expected.to_owned()), "{expected}\n{w:#?}");
    }
    // Names the register knows as written are not reported ("Bristol CC", "Royal Borough of Kensington &
    // Chelsea", "Wirral MBC").
    for row in [9, 8, 20] {
        let prefix = format!("row {row}: Local Authority");
        assert!(
            !w.iter().any(|w| w.starts_with(&prefix)),
            "{prefix}: {w:#?}"
        );
    }
}

#[test]
fn councils_are_read_as_the_register_and_the_law_say() {
    let s = export();
    let council = |r: &str| row(&s, r).council.as_deref().map(str::to_owned);
    // Short forms and slips, read loosely.
    assert_eq!(
        council("M-1004").as_deref(),
        Some("Lancashire County Council")
    );
    assert_eq!(
        council("M-1005").as_deref(),
        Some("Bath and North East Somerset Council")
    );
    assert_eq!(
        council("M-1016").as_deref(),
        Some("Barnsley Metropolitan Borough Council")
    );
    // Abolished councils go to their successors (s117-rules.md §11.2): Harrogate to North Yorkshire Council;
    // Somerset County Council to Somerset Council; Cumbria, divided in 2023, is uncertain between its two.
    assert_eq!(
        council("M-1010").as_deref(),
        Some("North Yorkshire Council")
    );
    assert_eq!(council("M-1012").as_deref(), Some("Somerset Council"));
    assert_eq!(
        council("M-1011").as_deref(),
        Some("Cumberland Council or Westmorland and Furness Council")
    );
    assert_eq!(row(&s, "M-1011").council_certain, Some(false));
    // A council in Scotland cannot hold the s.117 duty (s.117(3) applies to England and Wales; §11.2): it is
    // recognised as such, and no English or Welsh council is named for it.
    assert_eq!(council("M-1013"), None);
    assert!(warnings(&s).iter().any(|w| w.starts_with(
        "row 14: Local Authority: \u{201c}Glasgow City Council\u{201d} is Glasgow City Council, a council in Scotland"
    )));
    // Wales: the local health board for the area (s.117(3); §11.5).
    assert_eq!(
        row(&s, "M-1046").nhs_body.as_deref(),
        Some("Cwm Taf Morgannwg University Health Board")
    );
}

#[test]
fn sections_written_as_prose_are_decided_as_the_law_says() {
    let s = export();
    let r = |reference: &str| row(&s, reference);
    // s.117(1): section 2 alone does not engage the duty; nor does s.136, nor an informal stay.
    for reference in ["M-1025", "M-1027", "M-1028"] {
        assert_eq!(
            r(reference).entitlement.code(),
            "not_entitled",
            "{reference}"
        );
    }
    // s.2(4), s117-rules.md §11.6: "section 2" for six months is very probably a section 3, and the row says so.
    assert_eq!(
        flags(&r("M-1026").warnings),
        ["stay_longer_than_section_allows"]
    );
    // §11.1: a section 2 that becomes a section 3 is one stay; the duty arises on leaving it (s.117(1)).
    let joan = r("M-1018");
    assert_eq!(joan.entitlement.code(), "entitled");
    assert_eq!(joan.periods, 1);
    assert_eq!(joan.duty_arose.unwrap().to_string(), "2024-06-30");
    // "3 then 37": the duty is owed on leaving the later hospital order (s.117(1); Worcestershire [2023] UKSC 31).
    let victor = r("M-1017");
    assert_eq!(victor.entitlement.code(), "entitled");
    assert_eq!(victor.duty_arose.unwrap().to_string(), "2021-12-20");
    // "CTO" with no section: a community treatment order follows only a section 3 or 37 (s.17A(1)), so leaving on
    // one engages s.117(1); "CTO? Yes" with no discharge date likewise.
    assert_eq!(r("M-1024").entitlement.code(), "entitled");
    assert_eq!(r("M-1037").entitlement.code(), "entitled");
    // "sectioned twice": two stays whose sections are not given, so whether the duty arose is undetermined.
    assert_eq!(r("M-1021").entitlement.code(), "undetermined");
    assert!(flags(&r("M-1021").uncertain).contains(&"unknown_section".to_owned()));
}

#[test]
fn diary_dates_come_from_the_rules() {
    let s = export();
    // CPR r.54.5(1): judicial review within three months of the decision ending after-care (15 September 2026).
    assert!(deadlines(row(&s, "M-1039")).contains(&"judicial_review 2026-12-15".to_owned()));
    // Ombudsman: 12 months from when the person first knew (LGA 1974 s.26B), 15 June 2026 here.
    assert!(deadlines(row(&s, "M-1057")).contains(&"ombudsman 2027-06-15".to_owned()));
    // Limitation Act 1980 s.5 by analogy (s117-rules.md §11.4): six years from the oldest payment still in time.
    assert_eq!(
        row(&s, "M-1001").limitation.unwrap().to_string(),
        "2030-09-01"
    );
}

#[test]
fn the_windows_1252_semicolon_copy_screens_the_same() {
    let utf8 = export();
    let latin = screen_csv(fixture("firm-export-60-semicolon-1252.csv"), &options());
    assert_eq!(latin.counts, utf8.counts, "{:#?}", errors(&latin));
    assert_eq!(to_csv(&latin.rows), to_csv(&utf8.rows));
    assert!(warnings(&latin)
        .iter()
        .any(|w| w.contains("the file is not UTF-8, so it was read as Windows-1252")));
}

#[test]
fn a_suggested_profile_applied_back_gives_the_same_triage_byte_for_byte() {
    for name in ["firm-export-60.csv", "firm-export-60-semicolon-1252.csv"] {
        let input = fixture(name);
        let text = suggest_profile(&input[..]).unwrap();
        let profile: Profile = text.parse().unwrap_or_else(|e| panic!("{e}\n{text}"));
        let with = screen_csv(
            &input,
            &Options {
                profile: Some(profile.into()),
                ..options()
            },
        );
        let without = screen_csv(&input, &options());
        assert_eq!(with.counts, without.counts, "{name}");
        assert_eq!(to_csv(&with.rows), to_csv(&without.rows), "{name}");
        assert_eq!(errors(&with), errors(&without), "{name}");
        // Each row says which names were used as something other than written, whether read loosely or as the
        // firm's profile says: the same words either way.
        let lancs = with.rows.iter().find(|r| r.reference == "M-1004").unwrap();
        assert_eq!(
            lancs.read_as,
            [
                "Local Authority: \u{201c}Lancs CC\u{201d} read as Lancashire County Council",
                "Lives Now: \u{201c}Lancs CC\u{201d} read as Lancashire County Council"
            ],
            "{name}"
        );
        assert_eq!(
            with.rows.iter().filter(|r| !r.read_as.is_empty()).count(),
            19,
            "{name}"
        );
    }
    let text = suggest_profile(&fixture("firm-export-60.csv")[..]).unwrap();
    for line in [
        "separator = comma\n",
        "encoding = utf-8\n",
        "dates = day-first\n",
        "Client Name = carried\n",
        "Matter No. = reference\n",
        "Section = d1_section\n",
        "Date Sectioned = d1_admitted\n",
        "CTO? = d1_cto\n",
        "Weekly Fee (£) = c1_weekly_amount\n",
        "Aftercare Stopped? = aftercare_stopped\n",
        "Lancs CC = Lancashire County Council\n",
        "# Springfield = ?   (not a council the checker knows: write its name after the = and remove the #)\n",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    assert!(
        suggest_profile(&fixture("firm-export-60-semicolon-1252.csv")[..])
            .unwrap()
            .contains("separator = semicolon\nencoding = windows-1252\n")
    );
}

#[test]
fn a_profile_is_applied_exactly() {
    let input = "Ref,Sect.,In,Out,Area,Fee Earner\nA,3,12/02/2024,03/06/2024,Lancs CC,JS\n";
    // Without a profile only "Ref" is a heading the screen knows; the rest are carried.
    let guessed = screen_csv(input, &options());
    assert_eq!(guessed.rows[0].entitlement.code(), "not_entitled");
    let profile: Profile = "[columns]\nRef = reference\nSect. = d1_section\nIn = d1_admitted\nOut = d1_left\n\
                            Area = d1_council\nFee Earner = ignored\n[councils]\nLancs CC = Lancashire County Council\n"
        .parse()
        .unwrap();
    let o = Options {
        profile: Some(profile.into()),
        ..options()
    };
    let s = screen_csv(input, &o);
    let a = &s.rows[0];
    assert_eq!(a.entitlement.code(), "entitled");
    assert_eq!(a.council.as_deref(), Some("Lancashire County Council"));
    // The firm's own council name is used without a note; an ignored column is left out.
    assert!(s.warnings.is_empty(), "{:#?}", warnings(&s));
    assert!(a.carried.is_empty());

    // A heading the profile reads that the file does not have stops the screen, naming it and the profile's line.
    let missing: Profile = "[columns]\nRef = reference\nDate Sectioned = d1_admitted\n"
        .parse()
        .unwrap();
    let s = screen_csv(
        input,
        &Options {
            profile: Some(missing.into()),
            ..options()
        },
    );
    assert_eq!(s.counts.screened, 0);
    assert_eq!(
        errors(&s),
        ["row 1: line 3 of the profile: the profile reads the heading \u{201c}Date Sectioned\u{201d} as d1_admitted, \
          but the file has no such heading: correct the heading in the profile (written exactly as in the file), or \
          remove its line"]
    );
}

/// The profile's own words: "A heading listed here that the file does not have stops the screen, which names it."
/// (issue #11). A job refuses such a profile before it screens a row: read, carried or ignored, any heading listed.
#[test]
fn a_profile_heading_the_file_lacks_is_refused_before_any_row_is_screened() {
    let input = fixture("firm-export-60.csv");
    let suggested = suggest_profile(&input[..]).unwrap();
    for (heading, renamed) in [
        ("Section = d1_section", "Sectoin = d1_section"),
        ("Fee Earner = carried", "Fee Earnr = carried"),
    ] {
        let text = suggested.replace(&format!("\n{heading}\n"), &format!("\n{renamed}\n"));
        let line = 1 + text.lines().position(|l| l == renamed).unwrap();
        let profile: Profile = text.parse().unwrap();
        let o = Options {
            profile: Some(profile.into()),
            ..options()
        };
        let mut job = Job::new(&input[..], Format::Csv, o);
        let message = job.check_profile().unwrap_err();
        let (name, field) = renamed.split_once(" = ").unwrap();
        assert_eq!(
            message,
            format!(
                "line {line} of the profile: the profile reads the heading \u{201c}{name}\u{201d} as {field}, but \
                 the file has no such heading: correct the heading in the profile (written exactly as in the file), \
                 or remove its line"
            )
        );
        let step = job.step(usize::MAX);
        assert!(step.done && step.rows.is_empty() && step.warnings.is_empty());
        assert_eq!(step.counts.rows, 0);
        assert_eq!(job.check_profile(), Err(message));
    }
    // A profile that fits: nothing refused, and the heading row's warnings still reach the first step.
    let profile: Profile = suggested.parse().unwrap();
    let o = Options {
        profile: Some(profile.into()),
        ..options()
    };
    let mut job = Job::new(&input[..], Format::Csv, o);
    assert_eq!(job.check_profile(), Ok(()));
    let step = job.step(usize::MAX);
    assert_eq!(step.rows.len(), 60);
    assert!(
        step.warnings[0]
            .message
            .starts_with("column A (Client Name) is not one the screen reads"),
        "{:?}",
        step.warnings
    );
}

/// The command line refuses such a profile at once: one message (the heading, the profile's line, what to do), exit
/// code 2, no row problem or warning printed and no triage written.
#[test]
fn the_command_line_refuses_a_profile_heading_the_file_lacks_at_once() {
    let dir = std::env::temp_dir().join(format!("s117-profile-missing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = screening::root().join("tests/fixtures/firm-export-60.csv");
    let file = file.to_str().unwrap();
    let text = suggest_profile(&fixture("firm-export-60.csv")[..])
        .unwrap()
        .replace("\nSection = d1_section\n", "\nSectoin = d1_section\n");
    let line = 1 + text
        .lines()
        .position(|l| l == "Sectoin = d1_section")
        .unwrap();
    let profile = dir.join("profile.txt");
    std::fs::write(&profile, text).unwrap();
    let profile = profile.to_str().unwrap();
    let triage = dir.join("triage.csv");
    let r = run(
        &[
            file,
            "--as-at",
            AS_AT,
            "--profile",
            profile,
            "-o",
            triage.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "s117 screen: could not use the profile {profile}: line {line} of the profile: the profile reads the \
             heading \u{201c}Sectoin\u{201d} as d1_section, but the file has no such heading: correct the heading \
             in the profile (written exactly as in the file), or remove its line\n"
        )
    );
    assert!(!triage.exists(), "no triage file is written");
    // To standard output: nothing, not even the heading row.
    let r = run(&[file, "--as-at", AS_AT, "--profile", profile], "");
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_line_suggests_a_profile_and_applies_it() {
    let dir = std::env::temp_dir().join(format!("s117-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = screening::root().join("tests/fixtures/firm-export-60.csv");
    let file = file.to_str().unwrap();
    let profile = dir.join("profile.txt");
    let profile = profile.to_str().unwrap();
    let r = run(&[file, "--suggest-profile", "-o", profile], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let with = run(&[file, "--as-at", AS_AT, "--profile", profile], "");
    let without = run(&[file, "--as-at", AS_AT], "");
    assert_eq!(with.code, 0, "{}", with.stderr);
    assert_eq!(with.stdout, without.stdout);
    // A profile that cannot be read is named, with its line.
    std::fs::write(dir.join("bad.txt"), "[columns]\nSection = d1_sectoin\n").unwrap();
    let bad = dir.join("bad.txt");
    let r = run(&[file, "--profile", bad.to_str().unwrap()], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("could not use the profile")
            && r.stderr.contains("line 2 of the profile"),
        "{}",
        r.stderr
    );
    let _ = std::fs::remove_dir_all(&dir);
}
