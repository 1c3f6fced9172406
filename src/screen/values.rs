//! Cell values as people type them in a spreadsheet: dates, sections, yes/no, and the contract's codes.
//!
//! Each reader takes a trimmed, non-blank cell and returns the contract's value or a message saying what to type.
//! Codes are matched leniently (any case; spaces, hyphens and underscores alike), and a few everyday words are
//! understood ("NFA" for no settled home, "community treatment order" for `cto`), but nothing is guessed: anything
//! else is an error that names the values allowed.

use crate::case::{Country, EndingReason, Jurisdiction, Leaving, Per, Recall, Section};
use crate::date::Date;
use crate::messages;

/// Reads a date as firms' systems and people write them, keeping its precision:
///
/// - the contract's forms: `2021-06-03`, `2021-06`, `2021`;
/// - day, month and year in the UK order, with `/`, `.`, `-` or spaces: `03/06/2021`, `3.6.21`, `3-6-2021`, and
///   Excel's `03/06/2021 00:00`;
/// - month and year: `06/2021`, `June 2021`, `Sept 2021`, `Oct-21`, and `3 June 2021`, `3rd Jun 21`, `03-Jun-2021`;
/// - an Excel serial day number (`44350` is 3 June 2021), as a date cell arrives when a sheet loses its formatting.
///
/// A two-digit year is 19YY from 83 (the Mental Health Act 1983 came into force on 30 September 1983, so no earlier
/// date can matter) and 20YY below it. Anything else is an error that quotes the cell as written.
pub(crate) fn date(cell: &str) -> Result<Date, String> {
    if let Ok(d) = cell.parse::<Date>() {
        return Ok(d);
    }
    let iso = uk_date(cell.trim());
    match iso.and_then(|iso| iso.parse::<Date>().ok()) {
        Some(d) => Ok(d),
        // The core's own message: "… is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY …)".
        None => Err(cell
            .parse::<Date>()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()),
    }
}

/// The contract's form (`YYYY-MM-DD` or `YYYY-MM`) of a date in one of the UK forms [`date`] reads, unchecked.
fn uk_date(text: &str) -> Option<String> {
    // Excel's time of day after a date: "03/06/2021 00:00" or "03/06/2021 00:00:00".
    let text = match text.rsplit_once(' ') {
        Some((date, time))
            if time.contains(':') && time.bytes().all(|b| b.is_ascii_digit() || b == b':') =>
        {
            date.trim()
        }
        _ => text,
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if text.len() == 5 && digits(text) {
        return excel_serial(text.parse().ok()?);
    }
    let parts: Vec<&str> = text
        .split(['/', '.', '-', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let day = |t: &str| {
        let t = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| t.strip_suffix(s))
            .unwrap_or(t);
        (digits(t) && t.len() <= 2).then(|| format!("{t:0>2}"))
    };
    let month = |t: &str| {
        (digits(t) && t.len() <= 2)
            .then(|| format!("{t:0>2}"))
            .or_else(|| month_name(t))
    };
    let year = |t: &str| match t.len() {
        4 if digits(t) => Some(t.to_owned()),
        2 if digits(t) => {
            let yy: u32 = t.parse().ok()?;
            Some(format!("{}{t}", if yy >= 83 { "19" } else { "20" }))
        }
        _ => None,
    };
    match parts.as_slice() {
        [d, m, y] => {
            // "June 3 2021" as well as "3 June 2021", when the month is a word.
            let (d, m) = if month_name(d).is_some() {
                (m, d)
            } else {
                (d, m)
            };
            Some(format!("{}-{}-{}", year(y)?, month(m)?, day(d)?))
        }
        [m, y] => Some(format!("{}-{}", year(y)?, month(m)?)),
        _ => None,
    }
}

/// The month number (`06`) of an English month's name or its usual abbreviation (`Jun`, `Sept`), in any case.
fn month_name(word: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep" } else { w };
    MONTHS
        .iter()
        .position(|m| m.starts_with(w))
        .map(|i| format!("{:02}", i + 1))
}

/// The date of an Excel serial day number (days since 30 December 1899, as Excel counts them), for serials from
/// 1983 to 2099 only: a five-digit number outside that range is not taken for a date.
fn excel_serial(n: i64) -> Option<String> {
    if !(30_000..=73_000).contains(&n) {
        return None;
    }
    let day = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)? + chrono::Duration::days(n);
    Some(Date::exact(day).to_string())
}

/// A code as matched: lower case, with runs of anything but letters and digits as one underscore.
fn key(cell: &str) -> String {
    let mut k = String::with_capacity(cell.len());
    for c in cell.chars() {
        if c.is_alphanumeric() {
            k.extend(c.to_lowercase());
        } else if !k.ends_with('_') && !k.is_empty() {
            k.push('_');
        }
    }
    while k.ends_with('_') {
        k.pop();
    }
    k
}

/// Looks a cell up in a table of (accepted words, value); the first word of each entry is its code. `what` says
/// what the cell should be, when it is none of them.
fn lookup<T: Copy>(
    cell: &str,
    table: &[(&[&str], T)],
    what: impl Fn() -> &'static str,
) -> Result<T, String> {
    let k = key(cell);
    table
        .iter()
        .find(|(words, _)| words.contains(&k.as_str()))
        .map(|&(_, v)| v)
        .ok_or_else(|| {
            let codes: Vec<&str> = table.iter().map(|(words, _)| words[0]).collect();
            let codes = or_list(&codes);
            let values = [("cell", cell), ("what", what()), ("codes", codes.as_str())];
            messages::fill("screen.value.not_one_of", &values)
        })
}

/// "a, b or c".
pub(crate) fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => {
            let items = rest.join(", ");
            let values = [("items", items.as_str()), ("last", last)];
            messages::fill("screen.value.or_list", &values)
        }
        None => String::new(),
    }
}

/// Reads a section: `3`, `s3`, `s.3`, `Section 3`, `37/41`, `5(2)`, `45A`, `informal`, `unknown`.
pub(crate) fn section(cell: &str) -> Result<Section, String> {
    let compact: String = cell
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let mut rest = compact.as_str();
    for prefix in ["section", "sec.", "sec", "s."] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r;
            break;
        }
    }
    if let Some(r) = rest
        .strip_prefix('s')
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        rest = r;
    }
    let compact = rest.replace(['+', '\\'], "/");
    if let Some(s) = Section::ALL
        .iter()
        .find(|s| s.code().eq_ignore_ascii_case(&compact))
    {
        return Ok(*s);
    }
    match key(cell).as_str() {
        "voluntary" | "informal_patient" => Ok(Section::Informal),
        "not_known" | "dont_know" | "don_t_know" => Ok(Section::Unknown),
        "guardianship" => Ok(Section::S7),
        _ => {
            let codes: Vec<&str> = Section::ALL.iter().map(|s| s.code()).collect();
            let codes = or_list(&codes);
            let values = [("cell", cell), ("codes", codes.as_str())];
            Err(messages::fill("screen.value.section", &values))
        }
    }
}

/// A section cell read as the stays it describes, oldest first: each with its section and, if the cell says, how
/// the person left hospital.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stays {
    /// The stays, oldest first.
    pub(crate) stays: Vec<(Section, Option<Leaving>)>,
    /// Whether the cell was prose rather than one section (so the row says how it was read).
    pub(crate) prose: bool,
}

/// Reads a section cell that may describe more than one stay, as firms' notes write them: `3 then 37`, `s2 then
/// s3`, `S.2 → S.3`, `section 2, then 3`, `sectioned twice`, `3 (CTO)`, `37/41 conditionally discharged`, `CTO`.
/// A way of leaving in the cell (`CTO`, `conditionally discharged`, `CD`) is the leaving of the stay it follows;
/// `CTO` alone is a stay whose section is not given, left on a community treatment order (one only follows a
/// section 3 or 37, s.17A(1), which the rules infer). A plain section is read by [`section`].
///
/// # Errors
///
/// The message of [`section`] when a part is not a section.
pub(crate) fn stays(cell: &str) -> Result<Stays, String> {
    if let Ok(section) = section(cell) {
        return Ok(Stays {
            stays: vec![(section, None)],
            prose: false,
        });
    }
    let lower = cell.to_lowercase();
    let times = [
        ("twice", 2),
        ("two times", 2),
        ("three times", 3),
        ("thrice", 3),
        ("3 times", 3),
        ("2 times", 2),
    ]
    .iter()
    .find(|(w, _)| lower.contains(w))
    .map(|&(_, n)| n);
    if let Some(n) = times.filter(|_| lower.contains("section")) {
        return Ok(Stays {
            stays: vec![(Section::Unknown, None); n],
            prose: true,
        });
    }
    let mut text = lower;
    for arrow in [
        "\u{2192}",
        "->",
        "=>",
        ">",
        " followed by ",
        " converted to ",
        " became ",
        " changed to ",
        " and then ",
        " and ",
        ";",
        ",",
    ] {
        text = text.replace(arrow, " then ");
    }
    // A cell that lists stays says so when one of them cannot be read; a single word gets the sections' message.
    let listed = text.contains(" then ") || text.starts_with("then ");
    let unreadable = || {
        if listed {
            messages::fill("screen.value.stays", &[("cell", cell)])
        } else {
            section(cell).err().unwrap_or_default()
        }
    };
    let mut stays: Vec<(Section, Option<Leaving>)> = Vec::new();
    for part in text
        .split(" then ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let part = part.strip_prefix("then ").unwrap_or(part).trim();
        if part.is_empty() || part == "then" {
            continue;
        }
        let (rest, leaving) = leaving_in(part);
        let rest = rest.trim().trim_matches(['(', ')', ' ', '-', '\u{2013}']);
        let section = match (rest.is_empty(), leaving, stays.last_mut()) {
            // "3, CTO" or "3 then CTO": how the stay before ended.
            (true, Some(_), Some((_, ended))) if ended.is_none() => {
                *ended = leaving;
                continue;
            }
            (true, Some(_), _) => Section::Unknown,
            _ => section(rest).map_err(|_| unreadable())?,
        };
        stays.push((section, leaving));
    }
    if stays.is_empty() {
        return Err(unreadable());
    }
    Ok(Stays { stays, prose: true })
}

/// A way of leaving written in a part of a section cell ("3 (CTO)", "37/41 conditionally discharged"), and the part
/// without it.
fn leaving_in(part: &str) -> (String, Option<Leaving>) {
    const WORDS: &[(&str, Leaving)] = &[
        ("community treatment order", Leaving::Cto),
        ("on a cto", Leaving::Cto),
        ("on cto", Leaving::Cto),
        ("cto", Leaving::Cto),
        ("conditionally discharged", Leaving::ConditionalDischarge),
        ("conditional discharge", Leaving::ConditionalDischarge),
        ("cond. discharge", Leaving::ConditionalDischarge),
        ("(cd)", Leaving::ConditionalDischarge),
        (" cd", Leaving::ConditionalDischarge),
    ];
    for &(word, leaving) in WORDS {
        if let Some(at) = part.find(word) {
            let rest = format!("{}{}", &part[..at], &part[at + word.len()..]);
            return (rest, Some(leaving));
        }
    }
    (part.to_owned(), None)
}

/// Whether a detention under `before` runs on into one under `after` without the person leaving hospital, so that
/// the two are one stay (`s117-rules.md` §11.1): a section 2 that becomes a section 3; a holding power or place of
/// safety followed by section 2 or 3; a remand, interim order or transfer followed by a hospital order.
pub(crate) fn is_continuous(before: Section, after: Section) -> bool {
    use Section::*;
    match before {
        S2 => after == S3,
        S4 | S5_2 | S5_4 | S135 | S136 => matches!(after, S2 | S3),
        S35 | S36 | S38 | S48 => matches!(after, S37 | S37_41),
        S3 | S37 | S37_41 | S45A | S47 | S47_49 | S48_49 | S7 | Informal | Unknown => false,
    }
}

/// Reads where a hospital was.
pub(crate) fn jurisdiction(cell: &str) -> Result<Jurisdiction, String> {
    lookup(
        cell,
        &[
            (&["england", "eng"], Jurisdiction::England),
            (&["wales", "cymru"], Jurisdiction::Wales),
            (&["scotland"], Jurisdiction::Scotland),
            (
                &["northern_ireland", "ni", "n_ireland"],
                Jurisdiction::NorthernIreland,
            ),
        ],
        || messages::text("screen.value.jurisdiction"),
    )
}

/// Reads a country of residence.
pub(crate) fn country(cell: &str) -> Result<Country, String> {
    lookup(
        cell,
        &[
            (&["england", "eng"], Country::England),
            (&["wales", "cymru"], Country::Wales),
            (&["scotland"], Country::Scotland),
            (
                &["northern_ireland", "ni", "n_ireland"],
                Country::NorthernIreland,
            ),
            (&["outside_uk", "abroad", "overseas"], Country::OutsideUk),
            (
                &[
                    "no_settled_home",
                    "nfa",
                    "no_fixed_abode",
                    "homeless",
                    "none",
                ],
                Country::NoSettledHome,
            ),
        ],
        || messages::text("screen.value.country"),
    )
}

/// Reads how a stay ended.
pub(crate) fn leaving(cell: &str) -> Result<Leaving, String> {
    lookup(
        cell,
        &[
            (&["discharged"], Leaving::Discharged),
            (&["cto", "community_treatment_order"], Leaving::Cto),
            (
                &["conditional_discharge", "conditionally_discharged"],
                Leaving::ConditionalDischarge,
            ),
            (
                &["s17_leave", "section_17_leave", "s_17_leave"],
                Leaving::S17Leave,
            ),
            (
                &["escorted_leave_only", "escorted_leave"],
                Leaving::EscortedLeaveOnly,
            ),
            (
                &["stayed_informally", "stayed_as_informal_patient"],
                Leaving::StayedInformally,
            ),
            (
                &["returned_to_prison", "back_to_prison"],
                Leaving::ReturnedToPrison,
            ),
            (
                &["still_in_hospital", "still_detained", "in_hospital"],
                Leaving::StillInHospital,
            ),
        ],
        || messages::text("screen.value.leaving"),
    )
}

/// Reads a recall.
pub(crate) fn recall(cell: &str) -> Result<Recall, String> {
    lookup(
        cell,
        &[
            (&["cto_recall_not_revoked"], Recall::CtoRecallNotRevoked),
            (&["cto_revoked"], Recall::CtoRevoked),
            (
                &["conditional_discharge_recall"],
                Recall::ConditionalDischargeRecall,
            ),
        ],
        || messages::text("screen.value.recall"),
    )
}

/// Reads the reason given for ending after-care.
pub(crate) fn ending_reason(cell: &str) -> Result<EndingReason, String> {
    lookup(
        cell,
        &[
            (&["no_longer_needed"], EndingReason::NoLongerNeeded),
            (
                &[
                    "discharged_from_mental_health_services",
                    "discharged_from_cmht",
                ],
                EndingReason::DischargedFromMentalHealthServices,
            ),
            (&["time_passed"], EndingReason::TimePassed),
            (&["dols"], EndingReason::Dols),
            (
                &["readmitted_informally_or_s2"],
                EndingReason::ReadmittedInformallyOrS2,
            ),
            (&["cto_ended"], EndingReason::CtoEnded),
            (&["refused_services"], EndingReason::RefusedServices),
            (&["other", "none_given"], EndingReason::Other),
        ],
        || messages::text("screen.value.ending_reason"),
    )
}

/// Reads an amount of money in pounds: `200`, `200.00`, `£200`, `£1,250.50`, `GBP 200`.
pub(crate) fn amount(cell: &str) -> Result<f64, String> {
    let text: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = text.to_ascii_lowercase();
    let text = lower
        .strip_prefix('£')
        .or_else(|| lower.strip_prefix("gbp"))
        .unwrap_or(&lower);
    let text = text.strip_suffix("gbp").unwrap_or(text);
    // Thousands separators are commas between groups of three digits.
    let (whole, pence) = text.split_once('.').unwrap_or((text, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = format!(
        "{}.{}",
        groups.concat(),
        if pence.is_empty() { "0" } else { pence }
    );
    match plain.parse::<f64>() {
        Ok(v)
            if grouped
                && !groups.concat().is_empty()
                && digits(&groups.concat())
                && digits(pence)
                && pence.len() <= 2
                && v.is_finite() =>
        {
            Ok(v)
        }
        _ => Err(messages::fill("screen.value.amount", &[("cell", cell)])),
    }
}

/// Reads what an amount is for: each week, month or year, or the total.
pub(crate) fn per(cell: &str) -> Result<Per, String> {
    lookup(
        cell,
        &[
            (
                &["week", "weekly", "pw", "p_w", "a_week", "per_week", "wk"],
                Per::Week,
            ),
            (
                &[
                    "month",
                    "monthly",
                    "pcm",
                    "pm",
                    "p_m",
                    "a_month",
                    "per_month",
                    "calendar_month",
                ],
                Per::Month,
            ),
            (
                &[
                    "year",
                    "yearly",
                    "annual",
                    "annually",
                    "pa",
                    "p_a",
                    "a_year",
                    "per_year",
                    "per_annum",
                ],
                Per::Year,
            ),
            (&["total", "in_total", "overall", "all"], Per::Total),
        ],
        || messages::text("screen.value.per"),
    )
}

/// Reads yes or no; `None` for "not known".
pub(crate) fn yes_no(cell: &str) -> Result<Option<bool>, String> {
    match key(cell).as_str() {
        "yes" | "y" | "true" | "1" => Ok(Some(true)),
        "no" | "n" | "false" | "0" => Ok(Some(false)),
        "unknown" | "not_known" | "dont_know" | "don_t_know" => Ok(None),
        _ => Err(messages::fill("screen.value.yes_no", &[("cell", cell)])),
    }
}

/// A firm's "Aftercare stopped?" cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stopped {
    Yes,
    No,
    /// It stopped on this date (a date in the cell means yes).
    On(Date),
}

/// Reads yes, no, not known (`None`), or a date meaning "yes, on this date".
pub(crate) fn yes_no_or_date(cell: &str) -> Result<Option<Stopped>, String> {
    match yes_no(cell) {
        Ok(Some(true)) => Ok(Some(Stopped::Yes)),
        Ok(Some(false)) => Ok(Some(Stopped::No)),
        Ok(None) => Ok(None),
        Err(_) => date(cell)
            .map(|d| Some(Stopped::On(d)))
            .map_err(|_| messages::fill("screen.value.yes_no_or_date", &[("cell", cell)])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_iso_and_uk_excel_forms() {
        assert_eq!(date("2021-03-04").unwrap().to_string(), "2021-03-04");
        assert_eq!(date("4/3/2021").unwrap().to_string(), "2021-03-04");
        assert_eq!(date("04/03/2021 00:00").unwrap().to_string(), "2021-03-04");
        assert_eq!(date("03/2021").unwrap().to_string(), "2021-03");
        assert_eq!(date("2021").unwrap().to_string(), "2021");
        assert!(date("2023-13-40")
            .unwrap_err()
            .starts_with("2023-13-40 is not a date (use YYYY-MM-DD"));
        assert!(date("31/02/2021")
            .unwrap_err()
            .starts_with("31/02/2021 is not a date"));
        assert_eq!(date("04/03/21").unwrap().to_string(), "2021-03-04");
    }

    #[test]
    fn dates_as_firms_systems_write_them_keep_their_precision() {
        for (typed, read) in [
            ("3.6.21", "2021-06-03"),
            ("03.06.2021", "2021-06-03"),
            ("3-6-2021", "2021-06-03"),
            ("June 2021", "2021-06"),
            ("june 2021", "2021-06"),
            ("Sept 2021", "2021-09"),
            ("Sep. 2021", "2021-09"),
            ("Oct-21", "2021-10"),
            ("3 June 2021", "2021-06-03"),
            ("3rd Jun 21", "2021-06-03"),
            ("03-Jun-2021", "2021-06-03"),
            ("June 3, 2021", "2021-06-03"),
            ("2021", "2021"),
            ("44350", "2021-06-03"),
            ("01/01/99", "1999-01-01"),
            ("01/01/83", "1983-01-01"),
            ("01/01/82", "2082-01-01"),
        ] {
            assert_eq!(
                date(typed).map(|d| d.to_string()),
                Ok(read.to_owned()),
                "{typed}"
            );
        }
        for bad in [
            "Juno 2021",
            "12345",
            "3 Ma 2021",
            "2021-06-31",
            "31/06/2021",
            "soon",
            "1/2/3/4",
        ] {
            let e = date(bad).unwrap_err();
            assert!(e.starts_with(&format!("{bad} is not a date")), "{bad}: {e}");
        }
    }

    #[test]
    fn sections_as_people_write_them() {
        for (typed, code) in [
            ("3", "3"),
            ("s3", "3"),
            ("S.3", "3"),
            ("Section 37/41", "37/41"),
            ("37 / 41", "37/41"),
            ("s45a", "45A"),
            ("5(2)", "5(2)"),
            ("Informal", "informal"),
            ("voluntary", "informal"),
            ("not known", "unknown"),
        ] {
            assert_eq!(section(typed).unwrap().code(), code, "{typed}");
        }
        let err = section("39").unwrap_err();
        assert!(err.starts_with("39 is not a section this checker knows: use 2, 3, 4"));
        assert!(err.ends_with("informal or unknown"));
    }

    #[test]
    fn a_section_cell_in_prose_gives_its_stays() {
        use Section::*;
        let read = |cell: &str| stays(cell).map(|s| s.stays);
        assert_eq!(read("3"), Ok(vec![(S3, None)]));
        assert!(!stays("37/41").unwrap().prose);
        for (cell, want) in [
            ("3 then 37", vec![(S3, None), (S37, None)]),
            ("s2 then s3", vec![(S2, None), (S3, None)]),
            ("S.2 \u{2192} S.3", vec![(S2, None), (S3, None)]),
            ("S2 -> S3", vec![(S2, None), (S3, None)]),
            ("section 2, then 3", vec![(S2, None), (S3, None)]),
            ("s2 converted to s3", vec![(S2, None), (S3, None)]),
            ("sectioned twice", vec![(Unknown, None), (Unknown, None)]),
            ("3 (CTO)", vec![(S3, Some(Leaving::Cto))]),
            ("s3 - CTO", vec![(S3, Some(Leaving::Cto))]),
            ("CTO", vec![(Unknown, Some(Leaving::Cto))]),
            (
                "37/41 conditionally discharged",
                vec![(S37_41, Some(Leaving::ConditionalDischarge))],
            ),
            (
                "37/41 (CD)",
                vec![(S37_41, Some(Leaving::ConditionalDischarge))],
            ),
            ("s136 then s2", vec![(S136, None), (S2, None)]),
            ("3, CTO", vec![(S3, Some(Leaving::Cto))]),
            (
                "s2 then s3 then CTO",
                vec![(S2, None), (S3, Some(Leaving::Cto))],
            ),
        ] {
            assert_eq!(read(cell), Ok(want), "{cell}");
            assert!(stays(cell).unwrap().prose, "{cell}");
        }
        for bad in ["blue", "39"] {
            let e = stays(bad).unwrap_err();
            assert!(
                e.starts_with(&format!("{bad} is not a section this checker knows")),
                "{e}"
            );
        }
        assert_eq!(
            stays("3 then maybe 37").unwrap_err(),
            "3 then maybe 37 is not a section, or a list of stays, that the checker can read: write one section \
             (such as 3 or 37/41), or the stays in order, such as 3 then 37, s2 then s3 or 3 (CTO)"
        );
        // s117-rules.md §11.1: a section 2 that becomes a section 3 is one stay; a section 3 then a hospital order
        // is two.
        assert!(is_continuous(S2, S3));
        assert!(is_continuous(S136, S2));
        assert!(is_continuous(S38, S37_41));
        assert!(!is_continuous(S3, S37));
        assert!(!is_continuous(S3, S2));
    }

    #[test]
    fn codes_are_lenient_but_never_guessed() {
        assert_eq!(leaving("S17 leave").unwrap(), Leaving::S17Leave);
        assert_eq!(leaving("Community Treatment Order").unwrap(), Leaving::Cto);
        assert_eq!(country("NFA").unwrap(), Country::NoSettledHome);
        assert_eq!(
            jurisdiction("Northern Ireland").unwrap(),
            Jurisdiction::NorthernIreland
        );
        assert!(leaving("went home")
            .unwrap_err()
            .starts_with("went home is not a way of leaving hospital: use discharged, cto,"));
        assert_eq!(yes_no("Y").unwrap(), Some(true));
        assert_eq!(yes_no("don't know").unwrap(), None);
        assert!(yes_no("maybe").is_err());
    }

    #[test]
    fn amounts_and_what_they_are_for() {
        for (typed, pounds) in [
            ("200", 200.0),
            ("200.00", 200.0),
            ("£200", 200.0),
            ("£ 185.5", 185.5),
            ("£1,250.50", 1250.5),
            ("12,345", 12345.0),
            ("0", 0.0),
        ] {
            assert_eq!(amount(typed).unwrap(), pounds, "{typed}");
        }
        for bad in [
            "two hundred",
            "£",
            "-200",
            "1,25",
            "200.123",
            "1e3",
            "£20,0000",
        ] {
            assert_eq!(
                amount(bad).unwrap_err(),
                format!(
                    "{bad} is not an amount of money: use pounds, such as 200, 185.50 or £1,250"
                ),
                "{bad}"
            );
        }
        assert_eq!(per("Weekly").unwrap(), Per::Week);
        assert_eq!(per("pw").unwrap(), Per::Week);
        assert_eq!(per("PCM").unwrap(), Per::Month);
        assert_eq!(per("monthly").unwrap(), Per::Month);
        assert_eq!(per("annual").unwrap(), Per::Year);
        assert_eq!(per("Total").unwrap(), Per::Total);
        assert_eq!(
            per("fortnight").unwrap_err(),
            "fortnight is not what the amount is for: use week, month, year or total"
        );
    }
}
