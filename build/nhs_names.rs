//! The NHS names: every key unambiguous, every name finding its body.

use std::collections::BTreeMap;

use crate::aliases::T;
use crate::data::Data;
use crate::normalise::{add_key, find_nhs, nhs_key};

/// Checks the NHS names: 2026 bodies (code, ODS code, name, aliases), then
/// predecessors. A predecessor name equal to a 2026 body's (NHS Hampshire
/// and Isle of Wight kept its name and ODS code) finds the 2026 body.
/// Councils and NHS bodies are looked up separately, so they may share names.
pub(crate) fn check_nhs_names(data: &Data, nhs_aliases: &[(&str, T)]) {
    let mut nhs_names: Vec<(&str, T)> = Vec::new();
    for (i, b) in data.bodies.iter().enumerate() {
        for name in [&b.code, &b.ods, &b.name] {
            nhs_names.push((name, T::Body(i)));
        }
    }
    nhs_names.extend(nhs_aliases.iter().filter(|(_, t)| matches!(t, T::Body(_))));
    let mut nhs_keys: BTreeMap<String, T> = BTreeMap::new();
    for (name, t) in &nhs_names {
        add_key(&mut nhs_keys, nhs_key(name), *t, "NHS");
    }
    let preds = &data.preds;
    let same_pred = |a: usize, b: usize| {
        preds[a].name == preds[b].name && preds[a].successors == preds[b].successors
    };
    let mut pred_names: Vec<(&str, T)> = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        for name in [&p.code, &p.ods, &p.name] {
            pred_names.push((name, T::Former(i)));
        }
    }
    pred_names.extend(
        nhs_aliases
            .iter()
            .filter(|(_, t)| matches!(t, T::Former(_))),
    );
    for (name, t) in &pred_names {
        let key = nhs_key(name);
        match (nhs_keys.get(&key), t) {
            (Some(T::Body(_)), _) => {} // the 2026 body wins
            // Earlier and later ONS codes of one ICB (Surrey Heartlands
            // E54000052/E54000063, Sussex E54000053/E54000064) share a name
            // and an ODS code; the first wins.
            (Some(T::Former(j)), T::Former(i)) if same_pred(*i, *j) => {}
            _ => add_key(&mut nhs_keys, key, *t, "NHS"),
        }
    }
    for (name, t) in nhs_names.iter().chain(&pred_names) {
        let hit = find_nhs(&nhs_keys, name).copied();
        let ok = match (hit, t) {
            (Some(T::Former(j)), T::Former(i)) => same_pred(j, *i),
            // A predecessor name taken by a 2026 body (see above).
            (Some(T::Body(_)), T::Former(_)) => nhs_keys.get(&nhs_key(name)) == hit.as_ref(),
            (h, t) => h == Some(*t),
        };
        assert!(
            ok,
            "NHS name {name:?} does not find its body ({hit:?}, want {t:?})"
        );
    }
}
