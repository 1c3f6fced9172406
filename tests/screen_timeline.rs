//! Batch screening of the timeline: the ombudsman's date only from first knew, amounts giving a refund estimate,
//! payments over six years old, bad amounts, and the same facts read from JSON Lines.
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::{screen_csv, screen_jsonl, to_csv, Only, SortKey};
use screening::{deadlines, errors, flags, options, refs, row, screen};

const TIMELINE_HEAD: &str = "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,\
                             c1_what,c1_since,c1_until,c1_amount,c1_per,first_knew";

#[test]
fn the_ombudsman_is_dated_only_from_first_knew() {
    let lines = [
        TIMELINE_HEAD,
        "KNEW,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,,,2026-03-10",
        "UNKNOWN,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,,,",
    ];
    let s = screen(&lines);
    assert!(s.errors.is_empty(), "{:?}", errors(&s));
    let knew = row(&s, "KNEW");
    assert_eq!(
        deadlines(knew),
        ["ombudsman 2027-03-10", "limitation 2030-09-01"],
        "12 months from first knowing (10 March 2026); six years from the oldest payment (1 September 2024)"
    );
    assert_eq!(
        knew.next_deadline
            .and_then(|d| d.date)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-03-10")
    );
    assert!(
        knew.summary
            .contains("Next deadline: ombudsman complaint by 10 March 2027.")
            && !knew.summary.contains("Ombudsman: 12 months"),
        "{}",
        knew.summary
    );
    let unknown = row(&s, "UNKNOWN");
    assert_eq!(
        deadlines(unknown),
        ["ombudsman undated", "limitation 2030-09-01"]
    );
    assert!(unknown
        .summary
        .contains("Ombudsman: 12 months from when they first knew (not given)."));
    // --only deadline and --sort deadline use the dated deadlines.
    let mut o = options();
    o.sort = SortKey::Deadline;
    o.deadline_within = Some(120);
    let sorted = screen_csv(lines.join("\n"), &o);
    assert_eq!(
        refs(&sorted),
        ["KNEW"],
        "10 March 2027 is 107 days after the check"
    );
    o.deadline_within = None;
    o.only = vec![vec![Only::Deadline]];
    let sorted = screen_csv(lines.join("\n"), &o);
    assert_eq!(
        refs(&sorted),
        ["KNEW", "UNKNOWN"],
        "2027-03-10, then 2030-09-01"
    );
}

#[test]
fn amounts_give_a_refund_estimate() {
    let s = screen(&[
        TIMELINE_HEAD,
        // 1 January to 31 December 2025 is 365 days at £70 a week (£10 a day): £3,650.
        "WEEKLY,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2025-01-01,2025-12-31,£70.00,pw,",
        // A total is the total: £5,000 for a charge wholly inside the duty.
        "TOTAL,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2025-01-01,2025-12-31,\"£5,000\",Total,",
        // £1,200 a month for 1 January to 31 December 2025: twelve whole months paid = £14,400.
        "MONTHLY,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2025-01-01,2025-12-31,1200,monthly,",
    ]);
    assert!(s.errors.is_empty(), "{:?}", errors(&s));
    let weekly = row(&s, "WEEKLY");
    assert_eq!(weekly.refund_estimate, Some(3650.0));
    assert!(!weekly.refund_ongoing && weekly.refund && !weekly.all_time_barred);
    assert_eq!(weekly.refund_periods, 1);
    assert!(
        weekly
            .summary
            .contains("Refund likely: charged since 1 January 2025, about £3,650."),
        "{}",
        weekly.summary
    );
    assert_eq!(row(&s, "TOTAL").refund_estimate, Some(5000.0));
    assert_eq!(row(&s, "MONTHLY").refund_estimate, Some(14400.0));
    let csv = to_csv(&s.rows);
    assert!(
        csv.contains(
            ",2025-01-01,no,1,2025-01-01 to 2025-12-31,no,3650,3650,2020-11-23,2031-01-01,,,limitation,2031-01-01,"
        ),
        "{csv}"
    );
}

#[test]
fn payments_all_over_six_years_old_are_not_called_a_likely_refund() {
    let s = screen(&[
        TIMELINE_HEAD,
        "OLD,2026-11-23,3,2012-01-10,2012-05-01,discharged,Bromsgrove,care home fees,2013-01-01,2019-06-30,£150,week,",
    ]);
    assert!(s.errors.is_empty(), "{:?}", errors(&s));
    let old = row(&s, "OLD");
    assert!(old.refund && old.all_time_barred && !old.refund_ongoing);
    assert_eq!(
        old.refund_since.map(|d| d.to_string()).as_deref(),
        Some("2013-01-01")
    );
    assert_eq!(
        deadlines(old),
        ["ombudsman undated", "limitation 2025-06-30 passed"],
        "the newest payment (30 June 2019) passed six years on 30 June 2025"
    );
    assert_eq!(
        old.limitation.map(|d| d.to_string()).as_deref(),
        Some("2025-06-30")
    );
    assert!(old.next_deadline.is_none());
    assert!(!old.summary.contains("Refund likely"), "{}", old.summary);
    assert!(old.summary.contains(
        "Charged while owed after-care, but every payment is over six years old, about £"
    ));
    assert!(flags(&old.warnings).contains(&"refund_may_be_time_barred".to_owned()));
    let csv = to_csv(&s.rows);
    assert!(
        csv.contains(
            ",yes,2013-01-01,no,1,2013-01-01 to 2019-06-30,yes,50829,0,2020-11-23,2025-06-30,,,,,"
        ),
        "{csv}"
    );
}

#[test]
fn a_bad_amount_is_reported_but_the_row_is_still_screened() {
    let s = screen(&[
        TIMELINE_HEAD,
        "A,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,two hundred,week,",
        "B,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,200,fortnight,",
        "C,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,200,,",
        "D,2026-11-23,3,2024-02-12,2024-06-03,discharged,Bromsgrove,care home fees,2024-09-01,,,,2026-13-01",
    ]);
    assert_eq!(
        errors(&s),
        [
            "row 2, column c1_amount: two hundred is not an amount of money: use pounds, such as 200, 185.50 or £1,250 \u{2014} left blank: the row was screened without it",
            "row 3, column c1_per: fortnight is not what the amount is for: use week, month, year or total \u{2014} left blank: the row was screened without it",
            "row 4, column c1_per: blank, but c1_amount is given: say what the amount is for (week, month, year or total); the amount was left out \u{2014} left blank: the row was screened without it",
            "row 5, column first_knew: 2026-13-01 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY if you only know the month or year) \u{2014} left blank: the row was screened without it",
        ]
    );
    assert_eq!(s.errors[0].cell.as_deref(), Some("K2"));
    assert_eq!(
        refs(&s),
        ["A", "B", "C", "D"],
        "a bad amount only loses the estimate; a bad first_knew only its date"
    );
    assert!(s
        .rows
        .iter()
        .all(|r| r.refund && r.refund_estimate.is_none()));
    assert_eq!((s.counts.screened, s.counts.with_errors), (4, 0));
    assert_eq!(row(&s, "D").unreadable, ["first_knew"]);
}

#[test]
fn jsonl_reads_first_knew_and_amounts_from_the_case() {
    let s = screen_jsonl(
        r#"{"reference": "J", "as_at": "2026-11-23", "first_knew": "2026-03-10", "detentions": [{"section": "3", "detained_in": "england", "admitted": "2024-02-12", "left_hospital": "2024-06-03", "leaving": "discharged", "lived_before": {"country": "england", "council": "Bromsgrove"}}], "charges": [{"since": "2025-01-01", "until": "2025-12-31", "amount": 70, "per": "week"}]}"#,
        &options(),
    );
    assert!(s.errors.is_empty(), "{:?}", errors(&s));
    let j = row(&s, "J");
    assert_eq!(j.refund_estimate, Some(3650.0));
    assert_eq!(deadlines(j)[0], "ombudsman 2027-03-10");
}

// ---------------------------------------------------------------------------------------------------------------
// Diary-grade dates: each deadline in its own column, counted as the rules count it (s117-rules.md §11.4).
// ---------------------------------------------------------------------------------------------------------------

const DIARY_HEAD: &str = "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,\
                          d2_section,d2_admitted,d2_left,d2_leaving,d2_council,\
                          c1_what,c1_since,c1_until,c1_amount,c1_per,first_knew,ended_date,ended_reason";

fn diary() -> s117::screen::Screened {
    screen(&[
        DIARY_HEAD,
        // After-care said to end in "September 2025" because of a DoLS authorisation, checked on 15 October 2025.
        "ENDED-SEPT,2025-10-15,3,2023-06-01,2023-10-01,discharged,Croydon,,,,,,,,,,,,2025-09,dols",
        // Charged since 1 March 2019 and still charged; first knew on 1 June 2026.
        "LONG,2026-11-23,3,2018-06-01,2018-12-01,discharged,Bromsgrove,,,,,,\
         care home fees,2019-03-01,,£700,week,2026-06-01,,",
        // Charged across a readmission: from 1 July 2019 to 1 January 2022, with a second section 3 stay from
        // 1 January to 1 March 2021.
        "READMITTED,2026-11-23,3,2019-01-01,2019-06-01,discharged,Bromsgrove,3,2021-01-01,2021-03-01,discharged,\
         Bromsgrove,care home fees,2019-07-01,2022-01-01,,,,,",
        "S2,2026-11-23,2,2025-01-10,2025-02-05,discharged,Leeds,,,,,,,,,,,,,",
    ])
}

fn day(d: Option<s117::date::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

#[test]
fn judicial_review_is_counted_from_the_earliest_day_of_an_approximate_ending() {
    // CPR r.54.5(1): three months; "September 2025" counts from 1 September 2025 (s117-rules.md §11.4).
    let s = diary();
    let ended = row(&s, "ENDED-SEPT");
    assert_eq!(day(ended.judicial_review_by).as_deref(), Some("2025-12-01"));
    let jr = ended
        .deadlines
        .iter()
        .find(|d| d.kind.code() == "judicial_review")
        .unwrap();
    assert!(jr.approximate && !jr.passed);
    // Told of the ending in September 2025, so the ombudsman's 12 months run from its earliest day too
    // (Local Government Act 1974, s.26B).
    assert_eq!(day(ended.ombudsman_by).as_deref(), Some("2026-09-01"));
}

#[test]
fn the_ombudsman_date_runs_from_first_knew_and_limitation_from_each_payment() {
    let s = diary();
    let long = row(&s, "LONG");
    // Local Government Act 1974, s.26B: 12 months from first knowing (1 June 2026).
    assert_eq!(day(long.ombudsman_by).as_deref(), Some("2027-06-01"));
    // Limitation Act 1980, s.5 by analogy (s117-rules.md §11.4): six years from each payment. Payments before
    // 23 November 2020 may be time-barred already; the oldest still in time (23 November 2020) becomes time-barred
    // on 23 November 2026, the date of the check.
    assert_eq!(day(long.time_barred_before).as_deref(), Some("2020-11-23"));
    assert_eq!(day(long.limitation).as_deref(), Some("2026-11-23"));
    assert_eq!(long.judicial_review_by, None, "no ending or refusal given");
    assert_eq!(long.refund_ranges.len(), 1);
    let range = long.refund_ranges[0];
    assert_eq!(
        (range.from.to_string(), range.to.to_string(), range.ongoing),
        ("2019-03-01".to_owned(), "2026-11-23".to_owned(), true)
    );
    // £700 a week from 1 March 2019 to 23 November 2026, and the part paid in the last six years (the core's
    // estimate: whole weeks, rounded to the pound).
    assert_eq!(long.refund_estimate, Some(282_500.0));
    assert_eq!(long.refund_estimate_in_time, Some(219_200.0));
    let csv = to_csv(&s.rows);
    assert!(
        csv.contains(",2019-03-01 to 2026-11-23 ongoing,no,"),
        "{csv}"
    );
}

#[test]
fn charges_across_a_readmission_give_one_refund_range_per_duty_period() {
    // Worcestershire [2023] UKSC 31 §54: the second section 3 detention ends the first duty; a new one arises when
    // the person leaves hospital again (s117-rules.md §11.1). Charges fall in both periods, not in the stay.
    let s = diary();
    let r = row(&s, "READMITTED");
    let ranges: Vec<(String, String, bool)> = r
        .refund_ranges
        .iter()
        .map(|x| (x.from.to_string(), x.to.to_string(), x.ongoing))
        .collect();
    assert_eq!(
        ranges,
        [
            ("2019-07-01".to_owned(), "2020-12-31".to_owned(), false),
            ("2021-03-01".to_owned(), "2022-01-01".to_owned(), false),
        ]
    );
    assert_eq!(r.refund_periods, 2);
}

#[test]
fn every_row_carries_the_rules_version_and_the_law_date() {
    let s = diary();
    assert_eq!(s.rows.len(), 4);
    for r in &s.rows {
        assert_eq!(
            r.rules_version,
            s117::rules::RULES_VERSION,
            "{}",
            r.reference
        );
        assert_eq!(r.law_date, s117::rules::LAW_DATE, "{}", r.reference);
    }
    let csv = to_csv(&s.rows);
    let s2 = csv.lines().find(|l| l.contains(",S2,")).unwrap();
    assert!(
        s2.ends_with(&format!(
            ",{},{}",
            s117::rules::RULES_VERSION,
            s117::rules::LAW_DATE
        )),
        "{s2}"
    );
}

#[test]
fn the_diary_file_has_an_event_for_each_diary_date_ahead() {
    let s = diary();
    let ics = s117::screen::to_ics(&s.rows, "2026-11-23".parse().unwrap());
    let starts = |reference: &str| -> Vec<String> {
        ics.split("BEGIN:VEVENT")
            .filter(|e| e.contains(&format!("SUMMARY:{reference}: ")))
            .filter_map(|e| {
                e.lines()
                    .find_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:"))
                    .map(str::to_owned)
            })
            .collect()
    };
    // Earliest first: the limitation date (23 November 2026, the date of the check, so not yet passed), then the
    // ombudsman (1 June 2027).
    assert_eq!(starts("LONG"), ["20261123", "20270601"]);
    // Checked as at 15 October 2025: the judicial review (1 December 2025) and ombudsman (1 September 2026) dates
    // are both ahead.
    assert_eq!(starts("ENDED-SEPT"), ["20251201", "20260901"]);
    assert!(starts("S2").is_empty());
}
