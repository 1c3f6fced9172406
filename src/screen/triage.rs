//! From a [`Decision`] to a triage [`Row`], and the filters and orders a firm sorts its enquiries by.

use super::{Deadline, Row};
use crate::case::Case;
use crate::date::Date;
use crate::decision::{Body, DeadlineKind, Decision, Entitlement, FlagId, FlagKind};
use crate::messages;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Every entitlement, in the order a firm acts on them (used by `--sort entitlement`).
pub(crate) const ENTITLEMENTS: [Entitlement; 6] = [
    Entitlement::Entitled,
    Entitlement::EntitledOnLeavingHospital,
    Entitlement::Undetermined,
    Entitlement::Ended,
    Entitlement::NotEntitled,
    Entitlement::OutOfScope,
];

/// Triages one decided case.
pub fn triage(row: u32, reference: String, case: &Case, decision: &Decision) -> Row {
    let deadlines: Vec<Deadline> = decision
        .deadlines
        .iter()
        .map(|d| Deadline {
            kind: d.kind,
            date: d.date,
            approximate: d.approximate,
            passed: d.passed,
        })
        .collect();
    let next_deadline = deadlines
        .iter()
        .filter(|d| d.date.is_some() && !d.passed)
        .min_by_key(|d| d.date.map(|date| (date.first_day(), date.last_day())))
        .copied();
    let dated = |kind: DeadlineKind| {
        decision
            .deadlines
            .iter()
            .find(|d| d.kind == kind)
            .and_then(|d| d.date)
    };
    let limitation = dated(DeadlineKind::Limitation);
    let refund = decision.refund.as_ref();
    let mut refund_periods: Vec<usize> = refund
        .map(|r| r.ranges.iter().map(|range| range.period).collect())
        .unwrap_or_default();
    refund_periods.sort_unstable();
    refund_periods.dedup();
    let ids = |kind: FlagKind| -> Vec<FlagId> {
        let mut ids: Vec<FlagId> = Vec::new();
        for f in decision.flags.iter().filter(|f| f.kind == kind) {
            if !ids.contains(&f.id) {
                ids.push(f.id);
            }
        }
        ids
    };
    let warnings = ids(FlagKind::Warning);
    let uncertain = ids(FlagKind::Uncertain);
    let body = |b: &Option<Body>| {
        (
            b.as_ref().map(|b| b.name.clone()),
            b.as_ref().and_then(|b| b.code.clone()),
            b.as_ref().map(|b| b.certain),
        )
    };
    let (council, council_code, council_certain) = body(&decision.council);
    let (nhs_body, nhs_body_code, nhs_body_certain) = body(&decision.nhs_body);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut row = Row {
        row,
        reference,
        as_at: case.as_at,
        entitlement: decision.entitlement,
        duty_arose: decision.duty_arose,
        council,
        council_code,
        council_certain,
        nhs_body,
        nhs_body_code,
        nhs_body_certain,
        periods: count(decision.periods.len()),
        refund: refund.is_some(),
        refund_since: refund.and_then(|r| r.ranges.first()).map(|r| r.from),
        refund_ongoing: refund.is_some_and(|r| r.ranges.iter().any(|range| range.ongoing)),
        refund_periods: count(refund_periods.len()),
        all_time_barred: refund.is_some_and(|r| r.all_time_barred),
        refund_estimate: refund.and_then(|r| r.estimate.as_ref()).map(|e| e.total),
        limitation,
        refund_ranges: refund
            .map(|r| {
                r.ranges
                    .iter()
                    .map(|range| super::RefundRange {
                        from: range.from,
                        to: range.to,
                        ongoing: range.ongoing,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        time_barred_before: refund.map(|r| r.time_barred_before),
        refund_estimate_in_time: refund
            .and_then(|r| r.estimate.as_ref())
            .map(|e| e.within_six_years),
        judicial_review_by: dated(DeadlineKind::JudicialReview),
        ombudsman_by: dated(DeadlineKind::Ombudsman),
        rules_version: decision.rules_version,
        law_date: decision.law_date,
        next_deadline,
        deadlines,
        next_step: decision.next_steps.first().map(|s| s.text.clone()),
        warnings,
        uncertain,
        summary: String::new(),
        unreadable: Vec::new(),
        read_as: Vec::new(),
        carried: Vec::new(),
    };
    row.summary = summary(&row);
    row
}

/// Pounds with thousands separators: `£12,345`.
pub(crate) fn pounds(amount: f64) -> String {
    let out = grouped(&format!("{:.0}", amount.abs()));
    messages::fill("screen.pounds", &[("amount", &out)])
}

/// A whole number's digits with thousands separators: `48211` is `48,211`.
pub(crate) fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The one line a caseworker reads first, such as
/// "Entitled since 3 June 2024: Worcestershire County Council and NHS Herefordshire and Worcestershire Integrated
/// Care Board. Refund likely: charged since 1 September 2024, still charged. Next deadline: court claim for the
/// oldest payment still in time by 1 September 2030."
/// Marks a row screened with cells that could not be read (left blank): it lists their headings, and its summary
/// ends by saying so, since its result rests on less than the file gave.
pub(crate) fn mark_unreadable(row: &mut Row, unreadable: Vec<String>) {
    if unreadable.is_empty() {
        return;
    }
    let cells = unreadable.join(", ");
    let count = unreadable.len().to_string();
    let values = [("count", count.as_str()), ("cells", cells.as_str())];
    let sentence = if unreadable.len() == 1 {
        messages::fill("screen.summary.unreadable.one", &values)
    } else {
        messages::fill("screen.summary.unreadable.many", &values)
    };
    row.summary.push(' ');
    row.summary.push_str(&sentence);
    row.unreadable = unreadable;
}

fn summary(row: &Row) -> String {
    let outcome = match row.entitlement {
        Entitlement::Entitled => match row.duty_arose {
            Some(d) => messages::fill("screen.summary.entitled_since", &[("date", &d.long())]),
            None => messages::text("screen.summary.entitled").to_owned(),
        },
        Entitlement::EntitledOnLeavingHospital => {
            messages::text("screen.summary.entitled_on_leaving_hospital").to_owned()
        }
        Entitlement::NotEntitled => messages::text("screen.summary.not_entitled").to_owned(),
        Entitlement::Ended => messages::text("screen.summary.ended").to_owned(),
        Entitlement::Undetermined => messages::text("screen.summary.undetermined").to_owned(),
        Entitlement::OutOfScope => messages::text("screen.summary.out_of_scope").to_owned(),
    };
    let name = |n: &Option<String>, certain: Option<bool>| {
        n.as_ref().map(|n| {
            if certain == Some(false) {
                messages::fill("screen.summary.to_confirm", &[("name", n)])
            } else {
                n.clone()
            }
        })
    };
    let council = name(&row.council, row.council_certain);
    let nhs_body = name(&row.nhs_body, row.nhs_body_certain);
    let mut s = match (council, nhs_body) {
        (Some(c), Some(n)) => {
            let values = [
                ("outcome", outcome.as_str()),
                ("council", &c),
                ("nhs_body", &n),
            ];
            messages::fill("screen.summary.bodies", &values)
        }
        (Some(body), None) | (None, Some(body)) => {
            let values = [("outcome", outcome.as_str()), ("body", &body)];
            messages::fill("screen.summary.body", &values)
        }
        (None, None) => messages::fill("screen.summary.no_body", &[("outcome", &outcome)]),
    };
    let mut sentence = |text: &str| {
        s.push(' ');
        s.push_str(text);
    };
    if row.refund {
        let estimate = row
            .refund_estimate
            .map(|e| messages::fill("screen.summary.about", &[("amount", &pounds(e))]))
            .unwrap_or_default();
        if row.all_time_barred {
            let values = [("estimate", estimate.as_str())];
            sentence(&messages::fill("screen.summary.time_barred", &values));
        } else {
            let since = match row.refund_since {
                Some(d) => messages::fill("screen.summary.charged_since", &[("date", &d.long())]),
                None => messages::text("screen.summary.charged_while_entitled").to_owned(),
            };
            let still = if row.refund_ongoing {
                messages::text("screen.summary.still_charged")
            } else {
                ""
            };
            let values = [
                ("since", since.as_str()),
                ("still", still),
                ("estimate", &estimate),
            ];
            sentence(&messages::fill("screen.summary.refund", &values));
        }
    }
    for w in &row.warnings {
        let text = match w {
            FlagId::LikelyUnlawfulEnding => messages::text("screen.summary.likely_unlawful_ending"),
            FlagId::EndedWhileOnCto => messages::text("screen.summary.ended_while_on_cto"),
            FlagId::AskForEndingDecision => {
                messages::text("screen.summary.ask_for_ending_decision")
            }
            _ => continue,
        };
        sentence(text);
    }
    if let Some(d) = row.next_deadline {
        if let Some(date) = d.date {
            let approximate = if d.approximate {
                messages::text("screen.summary.approximate")
            } else {
                ""
            };
            let date = date.long();
            let values = [
                ("deadline", deadline_label(d.kind)),
                ("date", date.as_str()),
                ("approximate", approximate),
            ];
            sentence(&messages::fill("screen.summary.next_deadline", &values));
        }
    }
    if row
        .deadlines
        .iter()
        .any(|d| d.kind == DeadlineKind::Ombudsman && d.date.is_none())
    {
        sentence(messages::text("screen.summary.ombudsman_undated"));
    }
    match row.uncertain.len() {
        0 => {}
        1 => sentence(messages::text("screen.summary.one_point")),
        n => {
            let count = n.to_string();
            let values = [("count", count.as_str())];
            sentence(&messages::fill("screen.summary.points", &values));
        }
    }
    s
}

/// A deadline in words.
pub(crate) fn deadline_label(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::JudicialReview => messages::text("screen.deadline.judicial_review"),
        DeadlineKind::Ombudsman => messages::text("screen.deadline.ombudsman"),
        DeadlineKind::Limitation => messages::text("screen.deadline.limitation"),
        DeadlineKind::Reply => messages::text("screen.deadline.reply"),
    }
}

/// Writes the contract's name for a flag (`refund_due`) onto `out`. Each name is made once per thread, from the
/// contract's own serde name, and then copied: a firm's screen writes several on every row.
pub(crate) fn push_flag_code(out: &mut String, id: FlagId) {
    thread_local! {
        static CODES: std::cell::RefCell<Vec<Option<Box<str>>>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    CODES.with_borrow_mut(|codes| {
        let i = id as usize;
        if codes.len() <= i {
            codes.resize(i + 1, None);
        }
        out.push_str(codes[i].get_or_insert_with(|| flag_code(id).into()));
    });
}

/// The contract's name for a flag (`refund_due`).
fn flag_code(id: FlagId) -> String {
    match serde_json::to_value(id) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{id:?}"),
    }
}

/// A condition for `--only`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    /// A refund is likely (`refund`).
    Refund,
    /// There is a dated deadline that has not passed (`deadline`).
    Deadline,
    /// There is at least one uncertain point (`uncertain`).
    Uncertain,
    /// There is at least one warning to act on (`warning`).
    Warning,
    /// The entitlement is this one (`entitled`, `not_entitled`, …).
    Entitlement(Entitlement),
}

impl FromStr for Only {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = s.trim().to_ascii_lowercase().replace('-', "_");
        match k.as_str() {
            "refund" | "refunds" => Ok(Only::Refund),
            "deadline" | "deadlines" => Ok(Only::Deadline),
            "uncertain" => Ok(Only::Uncertain),
            "warning" | "warnings" => Ok(Only::Warning),
            _ => ENTITLEMENTS
                .iter()
                .find(|e| e.code() == k)
                .map(|&e| Only::Entitlement(e))
                .ok_or_else(|| {
                    let codes = ENTITLEMENTS.map(Entitlement::code).join(", ");
                    let value = format!("{s:?}");
                    let values = [("codes", codes.as_str()), ("value", value.as_str())];
                    messages::fill("screen.option.only", &values)
                }),
        }
    }
}

impl fmt::Display for Only {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Only::Refund => "refund",
            Only::Deadline => "deadline",
            Only::Uncertain => "uncertain",
            Only::Warning => "warning",
            Only::Entitlement(e) => e.code(),
        })
    }
}

impl Serialize for Only {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Only {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Only {
    /// Does the row meet this condition?
    pub fn matches(self, row: &Row) -> bool {
        match self {
            Only::Refund => row.refund,
            Only::Deadline => row.next_deadline.is_some(),
            Only::Uncertain => !row.uncertain.is_empty() || !row.unreadable.is_empty(),
            Only::Warning => !row.warnings.is_empty(),
            Only::Entitlement(e) => row.entitlement == e,
        }
    }
}

/// The order of the rows: a column, ascending unless [`View::descending`]. Rows without the value (no deadline
/// ahead, no refund, no council found) are last in either direction, and ties keep input order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// As in the input (`row`).
    #[default]
    Row,
    /// By reference, numbers in references compared as numbers (`reference`).
    Reference,
    /// Entitled first, then on leaving hospital, undetermined, ended, not entitled, out of scope; then by the next
    /// deadline (`entitlement`).
    Entitlement,
    /// The soonest deadline first; rows with no deadline ahead last (`deadline`).
    Deadline,
    /// The longest-charged first: the earliest refund date first, rows with no refund last (`refund-since`).
    RefundSince,
    /// By the council's name (`council`).
    Council,
    /// By the NHS body's name (`nhs-body`).
    NhsBody,
    /// The soonest limitation date first (`limitation`).
    Limitation,
    /// The fewest points to check first (`uncertain`).
    Uncertain,
}

impl FromStr for SortKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "row" | "input" => Ok(SortKey::Row),
            "reference" | "ref" => Ok(SortKey::Reference),
            "entitlement" => Ok(SortKey::Entitlement),
            "deadline" | "next-deadline" => Ok(SortKey::Deadline),
            "refund-since" | "refund" => Ok(SortKey::RefundSince),
            "council" => Ok(SortKey::Council),
            "nhs-body" | "nhs" => Ok(SortKey::NhsBody),
            "limitation" => Ok(SortKey::Limitation),
            "uncertain" => Ok(SortKey::Uncertain),
            _ => {
                let value = format!("{s:?}");
                Err(messages::fill("screen.option.sort", &[("value", &value)]))
            }
        }
    }
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SortKey::Row => "row",
            SortKey::Reference => "reference",
            SortKey::Entitlement => "entitlement",
            SortKey::Deadline => "deadline",
            SortKey::RefundSince => "refund-since",
            SortKey::Council => "council",
            SortKey::NhsBody => "nhs-body",
            SortKey::Limitation => "limitation",
            SortKey::Uncertain => "uncertain",
        })
    }
}

impl Serialize for SortKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SortKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Which rows to show, and in what order: the filters and order of [`Options`](super::Options), and a direction.
/// The command line applies one to the whole file; the browser's table asks for one page of it at a time
/// ([`Job::order`](super::Job::order)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct View {
    /// Keep only rows matching every group; a group matches when any of its conditions does.
    pub only: Vec<Vec<Only>>,
    /// Keep only rows with a dated deadline from the date of the check to this many days after it.
    pub deadline_within: Option<u32>,
    /// The column the rows are ordered by.
    pub sort: SortKey,
    /// Largest first (rows without the value stay last; ties keep input order).
    pub descending: bool,
}

impl View {
    /// Is the row kept by the filters?
    pub fn keeps(&self, row: &Row) -> bool {
        let only = self
            .only
            .iter()
            .all(|group| group.is_empty() || group.iter().any(|o| o.matches(row)));
        let within = match self.deadline_within {
            None => true,
            Some(days) => {
                let from = row.as_at.first_day();
                let to = from + chrono::Days::new(u64::from(days));
                row.deadlines.iter().filter_map(|d| d.date).any(|date| {
                    let (first, last) = (date.first_day(), date.last_day());
                    last >= from && first <= to
                })
            }
        };
        only && within
    }

    /// How two rows compare in this order.
    pub fn compare(&self, a: &Row, b: &Row) -> Ordering {
        let value = compare_values(self.sort, a, b);
        let value = match value {
            Some(o) if self.descending => o.reverse(),
            Some(o) => o,
            // One or both lack the value: those go last, whatever the direction.
            None => present(self.sort, b).cmp(&present(self.sort, a)),
        };
        value.then_with(|| tie_break(self.sort, a, b))
    }

    /// The indexes of the rows this view keeps, in its order.
    pub fn order(&self, rows: &[Row]) -> Vec<u32> {
        let mut order: Vec<u32> = (0..rows.len())
            .filter(|&i| self.keeps(&rows[i]))
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        order.sort_by(|&a, &b| self.compare(&rows[a as usize], &rows[b as usize]));
        order
    }
}

/// The next dated deadline that has not passed.
fn next_date(r: &Row) -> Option<Date> {
    r.next_deadline.and_then(|d| d.date)
}

/// The refund date a row sorts by: `None` without a refund; `Some(None)` for a refund with no start date (after
/// those with one).
fn refund_key(r: &Row) -> Option<Option<Date>> {
    r.refund.then_some(r.refund_since)
}

/// Whether the row has the value the key sorts by.
fn present(key: SortKey, r: &Row) -> bool {
    match key {
        SortKey::Row | SortKey::Reference | SortKey::Entitlement | SortKey::Uncertain => true,
        SortKey::Deadline => next_date(r).is_some(),
        SortKey::RefundSince => r.refund,
        SortKey::Council => r.council.is_some(),
        SortKey::NhsBody => r.nhs_body.is_some(),
        SortKey::Limitation => r.limitation.is_some(),
    }
}

/// Compares the rows' values for the key, or `None` when one or both lack it.
fn compare_values(key: SortKey, a: &Row, b: &Row) -> Option<Ordering> {
    let rank = |e: Entitlement| ENTITLEMENTS.iter().position(|&x| x == e);
    match key {
        SortKey::Row => Some(a.row.cmp(&b.row)),
        SortKey::Reference => Some(natural(&a.reference, &b.reference)),
        SortKey::Entitlement => Some(rank(a.entitlement).cmp(&rank(b.entitlement))),
        SortKey::Uncertain => Some(a.uncertain.len().cmp(&b.uncertain.len())),
        SortKey::Deadline => next_date(a).zip(next_date(b)).map(|(x, y)| x.cmp(&y)),
        SortKey::RefundSince => refund_key(a)
            .zip(refund_key(b))
            .map(|(x, y)| date_last(x, y)),
        SortKey::Council => a
            .council
            .as_deref()
            .zip(b.council.as_deref())
            .map(|(x, y)| natural(x, y)),
        SortKey::NhsBody => a
            .nhs_body
            .as_deref()
            .zip(b.nhs_body.as_deref())
            .map(|(x, y)| natural(x, y)),
        SortKey::Limitation => a.limitation.zip(b.limitation).map(|(x, y)| x.cmp(&y)),
    }
}

/// Equal values: entitlement falls back on the next deadline (soonest first, none last); every key then keeps
/// input order.
fn tie_break(key: SortKey, a: &Row, b: &Row) -> Ordering {
    let deadline = match key {
        SortKey::Entitlement => date_last(next_date(a), next_date(b)),
        _ => Ordering::Equal,
    };
    deadline.then(a.row.cmp(&b.row))
}

/// `None` sorts after every date.
fn date_last(a: Option<Date>, b: Option<Date>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares text with runs of digits compared as numbers: `ENQ-2` before `ENQ-10`.
pub(crate) fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (&a[..da], &b[..db]);
                let trim = |n: &'_ [u8]| -> usize { n.iter().take_while(|&&c| c == b'0').count() };
                let (ta, tb) = (&na[trim(na)..], &nb[trim(nb)..]);
                let ord = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                if ord != Ordering::Equal {
                    return ord;
                }
                a = &a[da..];
                b = &b[db..];
            }
            (Some(x), Some(y)) => {
                let ord = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if ord != Ordering::Equal {
                    return ord;
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_compares_numbers_as_numbers() {
        let mut refs = vec!["ENQ-10", "enq-2", "ENQ-1", "ENQ-02", "B"];
        refs.sort_by(|a, b| natural(a, b));
        assert_eq!(refs, ["B", "ENQ-1", "enq-2", "ENQ-02", "ENQ-10"]);
    }

    #[test]
    fn options_parse_as_typed() {
        assert_eq!("refund".parse::<Only>().unwrap(), Only::Refund);
        assert_eq!(
            "entitled-on-leaving-hospital".parse::<Only>().unwrap(),
            Only::Entitlement(Entitlement::EntitledOnLeavingHospital)
        );
        assert!("rich"
            .parse::<Only>()
            .unwrap_err()
            .contains("refund, deadline"));
        assert_eq!(
            "refund_since".parse::<SortKey>().unwrap(),
            SortKey::RefundSince
        );
        assert!("size".parse::<SortKey>().is_err());
    }
}
