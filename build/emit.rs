//! Writing the tables as Rust source, for `src/reference.rs` to include.

use std::fmt::Write as _;

use crate::aliases::{Aliases, T};
use crate::data::Data;
use crate::register::Register;

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn nation(wales: bool) -> &'static str {
    if wales {
        "Nation::Wales"
    } else {
        "Nation::England"
    }
}

/// `[(name, index), …]` as Rust source.
fn pairs<S: AsRef<str>>(v: &[(S, usize)]) -> String {
    v.iter()
        .map(|(s, i)| format!("({}, {i})", lit(s.as_ref())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The indexes of `codes` in code order.
fn by_code_order<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut by_code: Vec<(&str, usize)> = codes.enumerate().map(|(i, c)| (c, i)).collect();
    by_code.sort();
    by_code.iter().map(|x| x.1).collect()
}

/// `NHS_BODIES` and `NHS_BY_CODE`.
pub(crate) fn emit_bodies(o: &mut String, data: &Data) {
    for (i, b) in data.bodies.iter().enumerate() {
        writeln!(
            o,
            "const B{i}: NhsBody = NhsBody {{ code: {}, ods: {}, name: {}, nation: {} }};",
            lit(&b.code),
            lit(&b.ods),
            lit(&b.name),
            nation(b.wales)
        )
        .unwrap();
    }
    let list: Vec<String> = (0..data.bodies.len()).map(|i| format!("B{i}")).collect();
    writeln!(
        o,
        "static NHS_BODIES: [NhsBody; {}] = [{}];",
        list.len(),
        list.join(", ")
    )
    .unwrap();
    let by_code = by_code_order(data.bodies.iter().map(|b| b.code.as_str()));
    writeln!(
        o,
        "static NHS_BY_CODE: [u8; {}] = {by_code:?};\n",
        by_code.len()
    )
    .unwrap();
}

/// `COUNCILS`, `COUNCILS_BY_CODE`, `COUNCIL_ALIASES` and `OLD_COUNCIL_CODES`.
pub(crate) fn emit_councils(o: &mut String, data: &Data, aliases: &Aliases, reg: &Register) {
    writeln!(o, "static COUNCILS: [Council; {}] = [", data.councils.len()).unwrap();
    for c in &data.councils {
        let nhs: Vec<String> = c
            .nhs
            .iter()
            .map(|n| format!("B{}", data.body_idx[n.as_str()]))
            .collect();
        writeln!(
            o,
            "    Council {{ code: {}, name: {}, nation: {}, la_type: {}, nhs: &[{}] }},",
            lit(&c.code),
            lit(&c.name),
            nation(c.wales),
            lit(&c.la_type),
            nhs.join(", ")
        )
        .unwrap();
    }
    o.push_str("];\n");
    let by_code = by_code_order(data.councils.iter().map(|c| c.code.as_str()));
    writeln!(
        o,
        "static COUNCILS_BY_CODE: [u8; {}] = {by_code:?};",
        by_code.len()
    )
    .unwrap();
    let all_aliases: Vec<(&str, usize)> = aliases
        .council
        .iter()
        .copied()
        .chain(reg.council_aliases.iter().map(|(a, i)| (a.as_str(), *i)))
        .collect();
    writeln!(
        o,
        "static COUNCIL_ALIASES: [(&str, u8); {}] = [{}];",
        all_aliases.len(),
        pairs(&all_aliases)
    )
    .unwrap();
    writeln!(
        o,
        "static OLD_COUNCIL_CODES: [(&str, u8); {}] = [{}];\n",
        aliases.old_codes.len(),
        pairs(&aliases.old_codes)
    )
    .unwrap();
}

/// `DISTRICTS`, `DISTRICT_CODES`, `DISTRICT_COUNCIL` and `DISTRICT_ALIASES`.
pub(crate) fn emit_districts(o: &mut String, data: &Data, reg: &Register) {
    let districts = &data.districts;
    writeln!(
        o,
        "static DISTRICTS: [(&str, &str); {}] = [",
        districts.len()
    )
    .unwrap();
    for (name, _, upper) in districts {
        writeln!(o, "    ({}, {}),", lit(name), lit(upper)).unwrap();
    }
    o.push_str("];\n");
    let codes: String = districts.iter().map(|d| d.1.as_str()).collect();
    writeln!(
        o,
        "/// The E07 codes of `DISTRICTS`, 9 bytes each, in the same order."
    )
    .unwrap();
    writeln!(o, "static DISTRICT_CODES: &str = {};", lit(&codes)).unwrap();
    let upper: Vec<usize> = districts
        .iter()
        .map(|d| data.council_idx[d.2.as_str()])
        .collect();
    writeln!(
        o,
        "static DISTRICT_COUNCIL: [u8; {}] = {upper:?};",
        upper.len()
    )
    .unwrap();
    writeln!(
        o,
        "static DISTRICT_ALIASES: [(&str, u8); {}] = [{}];\n",
        reg.district_aliases.len(),
        pairs(&reg.district_aliases)
    )
    .unwrap();
}

/// `FORMER_COUNCILS` and `FORMER_NAMES`.
pub(crate) fn emit_formers(o: &mut String, reg: &Register) {
    writeln!(
        o,
        "static FORMER_COUNCILS: [FormerCouncil; {}] = [",
        reg.formers.len()
    )
    .unwrap();
    for f in &reg.formers {
        let parts: Vec<String> = f.parts.iter().map(|p| lit(p)).collect();
        writeln!(
            o,
            "    FormerCouncil {{ code: {}, name: {}, short_name: {}, was_district: {}, abolished: ymd({}, {}, {}), successors: &{:?}, parts: &[{}] }},",
            lit(&f.code),
            lit(&f.name),
            lit(&f.short),
            f.district,
            f.abolished.0,
            f.abolished.1,
            f.abolished.2,
            f.successors,
            parts.join(", ")
        )
        .unwrap();
    }
    o.push_str("];\n");
    writeln!(
        o,
        "static FORMER_NAMES: [(&str, u8); {}] = [{}];\n",
        reg.former_names.len(),
        pairs(&reg.former_names)
    )
    .unwrap();
}

/// `OTHER_UK` and `OTHER_UK_NAMES`.
pub(crate) fn emit_other_uk(o: &mut String, reg: &Register) {
    let others: Vec<String> = reg
        .others
        .iter()
        .map(|(name, scotland)| {
            let n = if *scotland {
                "OtherNation::Scotland"
            } else {
                "OtherNation::NorthernIreland"
            };
            format!("({}, {n})", lit(name))
        })
        .collect();
    writeln!(
        o,
        "static OTHER_UK: [(&str, OtherNation); {}] = [{}];",
        others.len(),
        others.join(", ")
    )
    .unwrap();
    writeln!(
        o,
        "static OTHER_UK_NAMES: [(&str, u8); {}] = [{}];\n",
        reg.other_names.len(),
        pairs(&reg.other_names)
    )
    .unwrap();
}

/// `FORMER_ICBS`, `PREDECESSORS` and `NHS_ALIASES`.
pub(crate) fn emit_predecessors(o: &mut String, data: &Data, nhs_aliases: &[(&str, T)]) {
    let preds = &data.preds;
    writeln!(
        o,
        "static FORMER_ICBS: [(&str, &str, &str); {}] = [",
        preds.len()
    )
    .unwrap();
    for p in preds {
        let first = lit(&p.successors[0]);
        writeln!(o, "    ({}, {}, {first}),", lit(&p.code), lit(&p.name)).unwrap();
    }
    o.push_str("];\n");
    writeln!(o, "static PREDECESSORS: [Predecessor; {}] = [", preds.len()).unwrap();
    for p in preds {
        let succ: Vec<String> = p
            .successors
            .iter()
            .map(|s| data.body_idx[s.as_str()].to_string())
            .collect();
        writeln!(
            o,
            "    Predecessor {{ ods: {}, successors: &[{}], from: NaiveDate::from_ymd_opt({}, {}, {}) }},",
            lit(&p.ods),
            succ.join(", "),
            p.from.0,
            p.from.1,
            p.from.2
        )
        .unwrap();
    }
    o.push_str("];\n");
    let targets: Vec<String> = nhs_aliases
        .iter()
        .map(|(alias, t)| match t {
            T::Body(i) => format!("({}, NhsTarget::Body({i}))", lit(alias)),
            T::Former(i) => format!("({}, NhsTarget::Former({i}))", lit(alias)),
        })
        .collect();
    writeln!(
        o,
        "static NHS_ALIASES: [(&str, NhsTarget); {}] = [{}];",
        targets.len(),
        targets.join(", ")
    )
    .unwrap();
}
