//! `data/authorities.csv`, `data/icb-predecessors.csv` and
//! `data/lower-tier.csv`: the NHS bodies, councils, predecessor ICBs and
//! districts, read and checked (counts, codes, names, dates).

use std::collections::{BTreeMap, BTreeSet};

use crate::curated::Curated;
use crate::table::{is_code, parse_date, Table};

const EXPECTED_COUNCILS: usize = 175;
const EXPECTED_ICBS: usize = 36;
const EXPECTED_LHBS: usize = 7;
const EXPECTED_DISTRICTS: usize = 164;

pub(crate) struct Body {
    pub(crate) code: String,
    pub(crate) ods: String,
    pub(crate) name: String,
    pub(crate) wales: bool,
}

pub(crate) struct CouncilRow {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) wales: bool,
    pub(crate) la_type: String,
    /// ONS codes of NHS bodies, in file order (largest part first).
    pub(crate) nhs: Vec<String>,
}

pub(crate) struct Pred {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) ods: String,
    /// ONS codes of the successors, largest part first.
    pub(crate) successors: Vec<String>,
    pub(crate) from: (i32, u32, u32),
}

/// The bodies, councils, predecessors and districts, each list sorted by
/// name, with indexes by code.
pub(crate) struct Data {
    pub(crate) bodies: Vec<Body>,
    pub(crate) body_idx: BTreeMap<String, usize>,
    pub(crate) councils: Vec<CouncilRow>,
    pub(crate) council_idx: BTreeMap<String, usize>,
    pub(crate) preds: Vec<Pred>,
    pub(crate) pred_idx: BTreeMap<String, usize>,
    /// (name, code, upper-tier code), sorted.
    pub(crate) districts: Vec<(String, String, String)>,
}

/// Reads and checks the three CSV files and the curated ICB tables.
pub(crate) fn load_data(curated: &Curated) -> Data {
    let (bodies, councils) = load_authorities();
    let preds = load_predecessors(&bodies, curated);
    let districts = load_districts(&councils);
    // Indexes are emitted as u8.
    assert!(councils.len() <= 256 && districts.len() <= 256 && bodies.len() <= 256);
    let (bodies, body_idx) = by_name(bodies, |b| (&b.name, &b.code));
    let (councils, council_idx) = by_name(councils, |c| (&c.name, &c.code));
    let (preds, pred_idx) = by_name(preds, |p| (&p.name, &p.code));
    Data {
        bodies,
        body_idx,
        councils,
        council_idx,
        preds,
        pred_idx,
        districts,
    }
}

/// A map's values sorted by (name, code), with an index by code.
fn by_name<V>(
    map: BTreeMap<String, V>,
    name_code: impl Fn(&V) -> (&String, &String),
) -> (Vec<V>, BTreeMap<String, usize>) {
    let mut list: Vec<V> = map.into_values().collect();
    list.sort_by(|a, b| name_code(a).cmp(&name_code(b)));
    let idx = list
        .iter()
        .enumerate()
        .map(|(i, v)| (name_code(v).1.clone(), i))
        .collect();
    (list, idx)
}

/// NHS bodies and councils from `data/authorities.csv`, by code.
fn load_authorities() -> (BTreeMap<String, Body>, BTreeMap<String, CouncilRow>) {
    let authorities = Table::load("data/authorities.csv");
    let mut bodies: BTreeMap<String, Body> = BTreeMap::new();
    let mut councils: BTreeMap<String, CouncilRow> = BTreeMap::new();
    for [nation, code, name, la_type, nhs_code, nhs_ods, nhs_name] in authorities.records([
        "nation",
        "la_code",
        "la_name",
        "la_type",
        "nhs_body_code",
        "nhs_body_ods",
        "nhs_body_name",
    ]) {
        let ctx = format!("data/authorities.csv {code}");
        let wales = check_authority_row(&ctx, &nation, &code, &la_type, &nhs_code);
        assert!(
            !name.is_empty() && !nhs_ods.is_empty() && !nhs_name.is_empty(),
            "{ctx}: empty field"
        );
        match bodies.get(&nhs_code) {
            Some(b) => assert!(
                b.ods == nhs_ods && b.name == nhs_name,
                "{ctx}: {nhs_code} has two ODS codes or names"
            ),
            None => {
                let body = Body {
                    code: nhs_code.clone(),
                    ods: nhs_ods,
                    name: nhs_name,
                    wales,
                };
                bodies.insert(nhs_code.clone(), body);
            }
        }
        match councils.get_mut(&code) {
            Some(c) => {
                assert!(
                    c.name == name && c.la_type == la_type && c.wales == wales,
                    "{ctx}: split rows disagree"
                );
                assert!(!c.nhs.contains(&nhs_code), "{ctx}: {nhs_code} listed twice");
                c.nhs.push(nhs_code);
            }
            None => {
                let row = CouncilRow {
                    code: code.clone(),
                    name,
                    wales,
                    la_type,
                    nhs: vec![nhs_code],
                };
                councils.insert(code, row);
            }
        }
    }
    assert_eq!(councils.len(), EXPECTED_COUNCILS, "council count");
    let n_icb = bodies.values().filter(|b| !b.wales).count();
    let n_lhb = bodies.values().filter(|b| b.wales).count();
    assert_eq!(n_icb, EXPECTED_ICBS, "ICB count");
    assert_eq!(n_lhb, EXPECTED_LHBS, "LHB count");
    (bodies, councils)
}

/// Checks one row's nation, codes and council type; true for Wales.
fn check_authority_row(ctx: &str, nation: &str, code: &str, la_type: &str, nhs_code: &str) -> bool {
    let wales = match nation {
        "England" => false,
        "Wales" => true,
        other => panic!("{ctx}: unknown nation {other:?}"),
    };
    let (council_prefixes, body_prefix): (&[&str], &str) = if wales {
        (&["W06"], "W11")
    } else {
        (&["E06", "E08", "E09", "E10"], "E54")
    };
    assert!(
        is_code(code, council_prefixes),
        "{ctx}: bad council code for {nation}"
    );
    assert!(
        is_code(nhs_code, &[body_prefix]),
        "{ctx}: bad NHS body code {nhs_code:?}"
    );
    assert!(
        matches!(
            la_type,
            "county_council"
                | "unitary_authority"
                | "metropolitan_borough"
                | "london_borough"
                | "city_of_london"
                | "isles_of_scilly"
                | "welsh_principal_council"
        ),
        "{ctx}: unknown la_type {la_type:?}"
    );
    wales
}

/// Predecessor ICBs from `data/icb-predecessors.csv`, by code, with their
/// ODS codes and their successors in the order of the size of their parts.
fn load_predecessors(bodies: &BTreeMap<String, Body>, curated: &Curated) -> BTreeMap<String, Pred> {
    let predecessors = Table::load("data/icb-predecessors.csv");
    let mut preds: BTreeMap<String, Pred> = BTreeMap::new();
    let mut icbs_seen: BTreeSet<String> = BTreeSet::new();
    for [icb_code, icb_name, pred_code, pred_name, from] in predecessors.records([
        "icb_code",
        "icb_name",
        "predecessor_code",
        "predecessor_name",
        "from_date",
    ]) {
        let ctx = format!("data/icb-predecessors.csv {icb_code}/{pred_code}");
        let body = bodies
            .get(&icb_code)
            .unwrap_or_else(|| panic!("{ctx}: {icb_code} is not an NHS body in authorities.csv"));
        assert_eq!(
            body.name, icb_name,
            "{ctx}: ICB name differs from authorities.csv"
        );
        assert!(is_code(&pred_code, &["E54"]), "{ctx}: bad predecessor code");
        assert!(!pred_name.is_empty(), "{ctx}: empty predecessor name");
        let date = parse_date(&from, &ctx);
        icbs_seen.insert(icb_code.clone());
        if pred_code == icb_code {
            assert_eq!(
                pred_name, icb_name,
                "{ctx}: identity row with a different name"
            );
            continue;
        }
        assert!(
            !bodies.contains_key(&pred_code),
            "{ctx}: predecessor is a 2026 body"
        );
        let ods = curated.predecessor_ods.get(&pred_code).unwrap_or_else(|| {
            panic!("{ctx}: no ODS code for {pred_code} in data/icb-predecessor-ods.csv")
        });
        let p = preds.entry(pred_code.clone()).or_insert_with(|| Pred {
            code: pred_code.clone(),
            name: pred_name.clone(),
            ods: ods.clone(),
            successors: Vec::new(),
            from: date,
        });
        assert_eq!(p.name, pred_name, "{ctx}: predecessor has two names");
        assert_eq!(p.from, date, "{ctx}: predecessor has two dates");
        p.successors.push(icb_code);
    }
    let icb_codes: BTreeSet<String> = bodies
        .values()
        .filter(|b| !b.wales)
        .map(|b| b.code.clone())
        .collect();
    assert_eq!(
        icbs_seen, icb_codes,
        "icb-predecessors.csv must list every 2026 ICB"
    );
    order_partial_successors(&mut preds, &curated.partial_predecessors);
    preds
}

/// Orders the successors of each predecessor split between several 2026
/// ICBs as `data/icb-partial-predecessors.csv` does, largest part first.
fn order_partial_successors(preds: &mut BTreeMap<String, Pred>, partial: &[(String, Vec<String>)]) {
    const FILE: &str = "data/icb-partial-predecessors.csv";
    for p in preds.values_mut() {
        if p.successors.len() > 1 {
            let (_, order) = partial
                .iter()
                .find(|(c, _)| *c == p.code)
                .unwrap_or_else(|| panic!("{} has several successors; add it to {FILE}", p.code));
            let want: BTreeSet<&str> = order.iter().map(String::as_str).collect();
            let got: BTreeSet<&str> = p.successors.iter().map(String::as_str).collect();
            assert_eq!(
                want, got,
                "{}: {FILE} disagrees with icb-predecessors.csv",
                p.code
            );
            p.successors.clone_from(order);
        }
    }
    for (c, _) in partial {
        assert!(
            preds.get(c).is_some_and(|p| p.successors.len() > 1),
            "{c} in {FILE} is not a split predecessor in icb-predecessors.csv"
        );
    }
}

/// Districts from `data/lower-tier.csv`: (name, code, upper-tier code), sorted.
fn load_districts(councils: &BTreeMap<String, CouncilRow>) -> Vec<(String, String, String)> {
    let lower = Table::load("data/lower-tier.csv");
    let mut districts: Vec<(String, String, String)> = Vec::new();
    for [code, name, upper_code, upper_name] in lower.records([
        "district_code",
        "district_name",
        "upper_tier_code",
        "upper_tier_name",
    ]) {
        let ctx = format!("data/lower-tier.csv {code}");
        assert!(is_code(&code, &["E07"]), "{ctx}: bad district code");
        let c = councils
            .get(&upper_code)
            .unwrap_or_else(|| panic!("{ctx}: unknown upper tier {upper_code}"));
        assert_eq!(
            c.name, upper_name,
            "{ctx}: upper-tier name differs from authorities.csv"
        );
        assert_eq!(
            c.la_type, "county_council",
            "{ctx}: upper tier is not a county council"
        );
        districts.push((name, code, upper_code));
    }
    assert_eq!(districts.len(), EXPECTED_DISTRICTS, "district count");
    districts.sort();
    districts
}
