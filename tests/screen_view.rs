//! Batch screening's view of the triage: sorting and filtering as the command line and the browser ask, and the
//! output (triage CSV and JSON Lines, formulas defused).
#![cfg(feature = "cli")]

#[path = "common/screening.rs"]
mod screening;

use s117::screen::{
    errors_to_csv, screen_csv, to_csv, to_jsonl, Format, Job, Only, Options, SortKey, View,
};
use screening::{example, options, refs, sample, screen, with};

// ---------------------------------------------------------------------------------------------------------------
// Sorting and filtering
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn only_refund_and_only_entitled() {
    let s = sample(with(|o| o.only = vec![vec![Only::Refund]]));
    assert_eq!(
        refs(&s),
        [
            "ENQ-1001", "ENQ-1003", "ENQ-1007", "ENQ-1009", "ENQ-1013", "ENQ-1014", "ENQ-1015",
            "ENQ-1021"
        ]
    );
    assert_eq!(s.counts.shown, 8);
    assert_eq!(s.counts.screened, 22, "counts cover every screened row");

    let s = sample(with(|o| {
        o.only = vec!["entitled".parse::<Only>().into_iter().collect()]
    }));
    assert_eq!(s.rows.len(), 15);
    let s = sample(with(|o| {
        o.only = vec![vec![
            "entitled".parse().unwrap(),
            "entitled_on_leaving_hospital".parse().unwrap(),
        ]]
    }));
    assert_eq!(s.rows.len(), 16, "a comma list means any of them");
    let s = sample(with(|o| {
        o.only = vec![vec!["entitled".parse().unwrap()], vec![Only::Warning]]
    }));
    assert_eq!(
        refs(&s),
        ["ENQ-1005", "ENQ-1022"],
        "repeated --only means all of them"
    );
    let s = sample(with(|o| {
        o.only = vec![vec![Only::Uncertain], vec![Only::Refund]]
    }));
    // A row screened with a cell left blank counts as uncertain.
    assert!(s
        .rows
        .iter()
        .all(|r| r.refund && !(r.uncertain.is_empty() && r.unreadable.is_empty())));
    assert!(refs(&s).contains(&"ENQ-1021"));
}

#[test]
fn deadline_within_counts_days_from_the_date_of_the_check() {
    // Three rows' oldest in-time payments reach six years on the date of the check itself.
    let today = ["ENQ-1007", "ENQ-1013", "ENQ-1014"];
    let s = sample(with(|o| o.deadline_within = Some(30)));
    assert_eq!(
        refs(&s),
        [&today[..], &["ENQ-1022"]].concat(),
        "judicial review by 1 December 2026"
    );
    let s = sample(with(|o| o.deadline_within = Some(60)));
    assert_eq!(
        refs(&s),
        ["ENQ-1005", "ENQ-1007", "ENQ-1013", "ENQ-1014", "ENQ-1022"]
    );
    let s = sample(with(|o| o.deadline_within = Some(0)));
    assert_eq!(refs(&s), today);
    let s = sample(with(|o| {
        o.deadline_within = Some(365);
        o.only = vec![vec![Only::Refund]];
        o.sort = SortKey::Deadline;
    }));
    assert_eq!(
        refs(&s),
        [&today[..], &["ENQ-1015"]].concat(),
        "ENQ-1015 gives first_knew (ombudsman by 1 June 2027); the other refund rows' ombudsman deadlines are \
         undated without it, and their six years end after 2027"
    );
}

#[test]
fn sort_orders() {
    let s = sample(with(|o| o.sort = SortKey::Deadline));
    let next: Vec<Option<String>> = s
        .rows
        .iter()
        .map(|r| r.next_deadline.and_then(|d| d.date).map(|d| d.to_string()))
        .collect();
    assert_eq!(next[0].as_deref(), Some("2026-11-23"));
    assert_eq!(next[2].as_deref(), Some("2026-11-23"));
    assert_eq!(next[3].as_deref(), Some("2026-12-01"));
    assert_eq!(next[4].as_deref(), Some("2027-01-15"));
    assert_eq!(next[5].as_deref(), Some("2027-06-01"));
    // ENQ-1021: charged from January 2022 (its end, before its start, left blank): six years on.
    assert_eq!(next[6].as_deref(), Some("2028-01-01"));
    assert_eq!(next[7].as_deref(), Some("2029-01-01"));
    let first_none = next.iter().position(Option::is_none).unwrap();
    assert!(
        next[first_none..].iter().all(Option::is_none),
        "no deadline sorts last"
    );

    let s = sample(with(|o| o.sort = SortKey::RefundSince));
    assert_eq!(
        &refs(&s)[..8],
        [
            "ENQ-1013", "ENQ-1007", "ENQ-1014", "ENQ-1021", "ENQ-1003", "ENQ-1015", "ENQ-1009",
            "ENQ-1001"
        ]
    );

    let s = sample(with(|o| o.sort = SortKey::Entitlement));
    let codes: Vec<&str> = s.rows.iter().map(|r| r.entitlement.code()).collect();
    assert_eq!(codes[0], "entitled");
    assert_eq!(
        &codes[15..],
        [
            "entitled_on_leaving_hospital",
            "undetermined",
            "undetermined",
            "ended",
            "not_entitled",
            "not_entitled",
            "out_of_scope"
        ]
    );
    assert_eq!(
        s.rows[0].reference, "ENQ-1007",
        "entitled, then soonest deadline (the six-year limit for the oldest payment in time, today)"
    );

    let s = screen(&[
        "reference,as_at",
        "ENQ-10,2026-11-23",
        "enq-9,2026-11-23",
        "ENQ-100,2026-11-23",
        "A,2026-11-23",
    ]);
    let mut o = options();
    o.sort = SortKey::Reference;
    let sorted = screen_csv(
        "reference,as_at\nENQ-10,2026-11-23\nenq-9,2026-11-23\nENQ-100,2026-11-23\nA,2026-11-23\n",
        &o,
    );
    assert_eq!(
        refs(&s),
        ["ENQ-10", "enq-9", "ENQ-100", "A"],
        "input order by default"
    );
    assert_eq!(refs(&sorted), ["A", "enq-9", "ENQ-10", "ENQ-100"]);
}

/// The browser's table asks the job for pages of a view (its sort key, direction and filter); the order is the
/// command line's, and a descending order keeps rows without the value last and ties in input order.
#[test]
fn views_order_filter_and_page_as_the_browser_asks() {
    let input = example("enquiries.csv");
    let mut job = Job::new(input.as_slice(), Format::Csv, options());
    while !job.step(5).done {}
    let refs_of = |job: &mut Job<'_>, view: &View| -> Vec<String> {
        let (rows, total) = job.page(view, 0, usize::MAX);
        assert_eq!(rows.len(), total);
        rows.iter().map(|r| r.reference.clone()).collect()
    };
    let view = |sort: SortKey, descending: bool| View {
        sort,
        descending,
        ..View::default()
    };
    // The same order as `s117 screen --sort deadline`.
    let whole = sample(with(|o| o.sort = SortKey::Deadline));
    assert_eq!(
        refs_of(&mut job, &view(SortKey::Deadline, false)),
        refs(&whole)
    );
    let desc = refs_of(&mut job, &view(SortKey::Deadline, true));
    assert_eq!(desc[0], "ENQ-1001", "latest deadline first");
    assert_eq!(desc.iter().position(|r| r == "ENQ-1022"), Some(6));
    assert_eq!(
        desc.iter().position(|r| r == "ENQ-1002"),
        Some(10),
        "rows with no deadline stay last, in input order"
    );
    let reference = refs_of(&mut job, &view(SortKey::Reference, true));
    assert_eq!(reference[0], "ENQ-1022");
    let refund = refs_of(&mut job, &view(SortKey::RefundSince, false));
    assert_eq!(&refund[..3], ["ENQ-1013", "ENQ-1007", "ENQ-1014"]);
    let refund_desc = refs_of(&mut job, &view(SortKey::RefundSince, true));
    assert_eq!(
        &refund_desc[..8],
        [
            "ENQ-1001", "ENQ-1009", "ENQ-1015", "ENQ-1003", "ENQ-1021", "ENQ-1014", "ENQ-1007",
            "ENQ-1013"
        ]
    );
    assert_eq!(
        refund_desc[8..],
        refund[8..],
        "rows with no refund stay last, in input order"
    );
    // Every key the table offers sorts, and keeps every row.
    for key in [
        "row",
        "reference",
        "entitlement",
        "council",
        "nhs-body",
        "refund-since",
        "limitation",
        "deadline",
        "uncertain",
    ] {
        let key: SortKey = key.parse().unwrap();
        for descending in [false, true] {
            assert_eq!(refs_of(&mut job, &view(key, descending)).len(), 22, "{key}");
        }
    }
    let uncertain = job.page(&view(SortKey::Uncertain, true), 0, 1).0[0]
        .uncertain
        .len();
    assert!(job
        .screened()
        .rows
        .iter()
        .all(|r| r.uncertain.len() <= uncertain));
    // A filter: the page's "refund likely", and its "a deadline within 30 days", as `--only` and `--deadline-within`.
    let refunds: View =
        serde_json::from_str(r#"{"sort": "refund-since", "only": [["refund"]]}"#).unwrap();
    assert_eq!(refs_of(&mut job, &refunds), refund[..8]);
    let soon: View = serde_json::from_str(r#"{"deadline_within": 30}"#).unwrap();
    assert_eq!(
        refs_of(&mut job, &soon),
        refs(&sample(with(|o| o.deadline_within = Some(30))))
    );
    // Pages.
    let (page, total) = job.page(&view(SortKey::Reference, false), 15, 50);
    assert_eq!(total, 22);
    assert_eq!(page.len(), 7);
    assert_eq!(page[6].reference, "ENQ-1022");
    assert!(job.page(&View::default(), 100, 50).0.is_empty());
    assert!(serde_json::from_str::<View>(r#"{"sort": "size"}"#).is_err());
}

#[test]
fn options_are_read_from_javascript_style_objects() {
    let o: Options = serde_json::from_str(
        r#"{"as_at": "2026-11-23", "only": [["refund"], ["entitled", "ended"]], "deadline_within": 30, "sort": "refund-since"}"#,
    )
    .unwrap();
    assert_eq!(o.sort, SortKey::RefundSince);
    assert_eq!(o.only[1].len(), 2);
    assert!(serde_json::from_str::<Options>(r#"{"sort": "size"}"#).is_err());
    assert_eq!(
        serde_json::from_str::<Options>("{}").unwrap(),
        Options::default()
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn triage_csv_and_jsonl() {
    let s = sample(options());
    let csv = to_csv(&s.rows);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "row,reference,as_at,entitlement,duty_arose,council,council_code,council_certain,nhs_body,nhs_body_code,\
         nhs_body_certain,periods,refund,refund_since,refund_ongoing,refund_periods,refund_ranges,all_time_barred,\
         refund_estimate,refund_estimate_in_time,time_barred_before,limitation,judicial_review_by,ombudsman_by,\
         next_deadline,next_deadline_date,deadlines,next_step,warnings,uncertain,unreadable,read_as,summary,\
         rules_version,law_date,notes"
    );
    assert!(lines.next().unwrap().starts_with(
        "2,ENQ-1001,2026-11-23,entitled,2024-06-03,Worcestershire County Council,E10000034,yes,\
         NHS Herefordshire and Worcestershire Integrated Care Board,E54000019,yes,1,yes,2024-09-01,yes,1,\
         2024-09-01 to 2026-11-23 ongoing,no,,,2020-11-23,2030-09-01,,,limitation,2030-09-01,\
         ombudsman undated; limitation 2030-09-01,\
         \"Ask Worcestershire County Council to stop charging the person"
    ));
    assert!(csv.contains(
        ",1,no,,,0,,,,,,,2027-01-15,2027-10-15,judicial_review,2027-01-15,judicial_review 2027-01-15; ombudsman 2027-10-15,\"Get legal advice now"
    ));
    assert!(csv.contains(",judicial_review 2023-08-01 passed; ombudsman 2024-05-01 passed,"));
    // The triage CSV reads back with the same number of records.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), 22);

    let jsonl = to_jsonl(&s.rows);
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["reference"], "ENQ-1001");
    assert_eq!(first["next_deadline"]["kind"], "limitation");
    assert_eq!(first["next_deadline"]["date"], "2030-09-01");
    assert_eq!(first["limitation"], "2030-09-01");
    assert_eq!(first["refund_since"], "2024-09-01");
    assert_eq!(first["refund_ongoing"], true);
    assert_eq!(first["refund_estimate"], serde_json::Value::Null);
    assert_eq!(first["deadlines"][0]["kind"], "ombudsman");
    assert_eq!(first["deadlines"][0]["date"], serde_json::Value::Null);
    assert_eq!(jsonl.lines().count(), 22);

    let errors = errors_to_csv(&s.errors);
    assert!(errors.starts_with(
        "row,cell,column,reference,screened,message\r\n18,F18,d1_left,ENQ-1016,yes,\"2023-13-40 is not a date"
    ));
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_defused() {
    let s = screen(&[
        // A council the register does not know is left blank (and reported), so the formula is in a carried column.
        "reference,as_at,d1_section,d1_admitted,d1_left,d1_leaving,d1_council,notes",
        "=HYPERLINK(\"http://x\"),2026-11-23,3,2024-02-12,2024-06-03,discharged,Leeds,@SUM(A1)",
    ]);
    let csv = to_csv(&s.rows);
    assert!(
        csv.contains("\r\n2,\"'=HYPERLINK(\"\"http://x\"\")\",2026-11-23,"),
        "{csv}"
    );
    assert!(csv.contains(",'@SUM(A1)\r\n"), "{csv}");
}
