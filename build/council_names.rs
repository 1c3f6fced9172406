//! The council-side keys, as the runtime holds them: the names from the files
//! and the curated tables (which must work) and the register's names (kept
//! only if they add a key and still find what they name).

use std::collections::{BTreeMap, BTreeSet};

use crate::data::CouncilRow;
use crate::normalise::{add_key, council_forms, council_key, find_council_side, normalise};
use crate::register::Former;

/// What a council-side name points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Hit {
    Council(usize),
    District(usize),
    Former(usize),
}

/// The council-side keys, as the runtime holds them.
#[derive(Default)]
pub(crate) struct CouncilKeys {
    pub(crate) council: BTreeMap<String, usize>,
    pub(crate) district: BTreeMap<String, usize>,
    /// Formers by their stripped key (tried last).
    pub(crate) former: BTreeMap<String, usize>,
    /// Formers by their whole normalised name (tried right after an exact council key).
    pub(crate) former_full: BTreeMap<String, usize>,
}

impl CouncilKeys {
    /// Adds a name's keys. `Ok(true)` if it added a key; `Err` if a key is
    /// taken by something else (nothing is added then).
    pub(crate) fn add(&mut self, name: &str, hit: Hit) -> Result<bool, String> {
        let key = council_key(name);
        let full = normalise(name);
        if key.is_empty() {
            return Err(format!("{name:?}: empty key"));
        }
        let clash =
            |map: &BTreeMap<String, usize>, k: &str, i: usize| map.get(k).is_some_and(|&j| j != i);
        match hit {
            Hit::Council(i) => {
                if clash(&self.council, &key, i) {
                    return Err(format!("{name:?}: council key {key:?} taken"));
                }
                Ok(self.council.insert(key, i).is_none())
            }
            Hit::District(i) => {
                if clash(&self.district, &key, i) {
                    return Err(format!("{name:?}: district key {key:?} taken"));
                }
                Ok(self.district.insert(key, i).is_none())
            }
            Hit::Former(i) => {
                // A key that is a council's (or a district's) is never reached.
                let stripped =
                    !self.council.contains_key(&key) && !self.district.contains_key(&key);
                let whole = !self.council.contains_key(&full);
                if (stripped && clash(&self.former, &key, i))
                    || (whole && clash(&self.former_full, &full, i))
                {
                    return Err(format!("{name:?}: former key {key:?} taken"));
                }
                let mut added = false;
                if stripped {
                    added |= self.former.insert(key, i).is_none();
                }
                if whole {
                    added |= self.former_full.insert(full, i).is_none();
                }
                Ok(added)
            }
        }
    }

    /// Looks a name up as `find_council` does.
    pub(crate) fn lookup(&self, name: &str) -> Option<Hit> {
        let q = normalise(name);
        if q.is_empty() {
            return None;
        }
        if let Some(&i) = self.council.get(&q) {
            return Some(Hit::Council(i));
        }
        if let Some(&i) = self.former_full.get(&q) {
            return Some(Hit::Former(i));
        }
        let f = council_forms(&q);
        let first =
            |map: &BTreeMap<String, usize>| f.iter().flatten().find_map(|k| map.get(*k)).copied();
        first(&self.council)
            .map(Hit::Council)
            .or_else(|| first(&self.district).map(Hit::District))
            .or_else(|| first(&self.former).map(Hit::Former))
    }
}

/// The names from the files and the curated tables, which must work.
pub(crate) fn core_names(
    council_list: &[CouncilRow],
    council_aliases: &[(&str, usize)],
    districts: &[(String, String, String)],
    formers: &[Former],
) -> Vec<(String, Hit)> {
    let mut core: Vec<(String, Hit)> = council_list
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.clone(), Hit::Council(i)))
        .collect();
    core.extend(
        council_aliases
            .iter()
            .map(|(a, i)| (a.to_string(), Hit::Council(*i))),
    );
    core.extend(
        districts
            .iter()
            .enumerate()
            .map(|(i, d)| (d.0.clone(), Hit::District(i))),
    );
    core.extend(
        formers
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.clone(), Hit::Former(i))),
    );
    core
}

/// Drops the register names whose key means two things. (Keys of one table:
/// a former's stripped key and whole name are in tables of their own, so
/// they are not ambiguous with a council's key.)
pub(crate) fn drop_ambiguous(soft: &mut Vec<(String, Hit)>) {
    let table_keys = |name: &str, hit: Hit| -> Vec<(u8, String)> {
        match hit {
            Hit::Council(_) => vec![(0, council_key(name))],
            Hit::District(_) => vec![(1, council_key(name))],
            Hit::Former(_) => vec![(2, council_key(name)), (3, normalise(name))],
        }
    };
    let mut targets: BTreeMap<(u8, String), BTreeSet<Hit>> = BTreeMap::new();
    for (name, hit) in soft.iter() {
        for k in table_keys(name, *hit) {
            targets.entry(k).or_default().insert(*hit);
        }
    }
    soft.retain(|(name, hit)| {
        table_keys(name, *hit)
            .iter()
            .all(|k| targets.get(k).is_some_and(|t| t.len() == 1))
    });
}

/// Builds the council-side keys from the core names (each must find what it
/// names) and the register names that add a key and still find what they
/// name, repeating until no register name is dropped. Returns the keys and
/// the register names kept.
pub(crate) fn settle_keys(
    core: &[(String, Hit)],
    mut soft: Vec<(String, Hit)>,
) -> (CouncilKeys, Vec<(String, Hit)>) {
    loop {
        let mut keys = CouncilKeys::default();
        for (name, hit) in core {
            if let Err(e) = keys.add(name, *hit) {
                panic!("ambiguous council-side name: {e}");
            }
        }
        let mut kept: Vec<(String, Hit)> = Vec::new();
        for (name, hit) in &soft {
            if let Ok(true) = keys.add(name, *hit) {
                kept.push((name.clone(), *hit));
            }
        }
        check_core_names(&keys, core);
        let before = soft.len();
        soft.retain(|(name, hit)| keys.lookup(name) == Some(*hit));
        if soft.len() == before {
            return (keys, kept);
        }
    }
}

/// Every core name finds what it names, and no district is a council's name.
fn check_core_names(keys: &CouncilKeys, core: &[(String, Hit)]) {
    for (name, hit) in core {
        let got = keys.lookup(name);
        assert_eq!(
            got,
            Some(*hit),
            "council-side name {name:?} does not find what it names"
        );
    }
    for (name, hit) in core {
        if let Hit::District(_) = hit {
            let mut only = CouncilKeys {
                council: keys.council.clone(),
                ..CouncilKeys::default()
            };
            only.former_full.clear();
            assert!(
                only.lookup(name).is_none(),
                "district {name:?} is also a council name; decide which wins"
            );
        }
    }
}

/// The other names of councils elsewhere in the UK that are kept. They are
/// checked only after the English and Welsh names, so a name those find is
/// not theirs.
pub(crate) fn other_uk_names(
    keys: &CouncilKeys,
    others: &[(String, bool)],
    other_soft: Vec<(String, usize)>,
) -> Vec<(String, usize)> {
    let mut other_keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (name, _)) in others.iter().enumerate() {
        assert!(
            keys.lookup(name).is_none(),
            "{name:?} is also an English or Welsh name"
        );
        add_key(
            &mut other_keys,
            council_key(name),
            i,
            "council elsewhere in the UK",
        );
    }
    let mut other_targets: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (name, i) in &other_soft {
        other_targets
            .entry(council_key(name))
            .or_default()
            .insert(*i);
    }
    let mut out = Vec::new();
    for (name, i) in other_soft {
        let key = council_key(&name);
        let unique = other_targets[&key].len() == 1 && other_keys.get(&key).is_none_or(|j| *j == i);
        if !unique || keys.lookup(&name).is_some() || key.is_empty() {
            continue;
        }
        if other_keys.insert(key, i).is_none() {
            out.push((name, i));
        }
    }
    for (i, (name, _)) in others.iter().enumerate() {
        assert_eq!(find_council_side(&other_keys, name), Some(&i), "{name:?}");
    }
    out
}
