//! The fuzz target's body (`fuzz/src/lib.rs`) run over a deterministic corpus with plain `cargo test`, so every
//! test run exercises what `cargo +nightly fuzz run case_json` exercises, without nightly or libFuzzer.
//!
//! The corpus is every scenario's case as JSON, plus byte-level mutations of each: truncations, flipped bytes,
//! deleted and duplicated spans (which duplicate fields), swapped values and a few hand-written oddities. A fixed
//! seed keeps it the same on every run; a failure names the input so it can be added to `fuzz/corpus/`.

#[path = "../fuzz/src/lib.rs"]
mod target;

mod common;
use common::toml_files;
use std::path::Path;

/// A small deterministic generator (64-bit LCG, Knuth's constants): no dependency, same inputs every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn to_json(v: &toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => serde_json::Value::String(s.clone()),
        toml::Value::Integer(i) => serde_json::Value::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        toml::Value::Boolean(b) => serde_json::Value::Bool(*b),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(a) => serde_json::Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            serde_json::Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

/// Every scenario's `[case]` as JSON text, pretty and compact.
fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("scenarios");
    let mut out = Vec::new();
    for file in toml_files(&dir) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(table) = text.parse::<toml::Table>() else {
            continue;
        };
        if let Some(case) = table.get("case") {
            let json = to_json(case);
            out.push(json.to_string());
            out.push(serde_json::to_string_pretty(&json).unwrap_or_default());
        }
    }
    // Hand-written oddities: deep nesting, huge numbers, wrong types, duplicate keys, odd dates, long names.
    out.extend(
        [
            "",
            "null",
            "[]",
            "{}",
            r#"{"as_at": "2026-11-23"}"#,
            r#"{"as_at": "2026-11-23", "as_at": "2026-11-24"}"#,
            r#"{"as_at": "2026-11-23", "detentions": [{}]}"#,
            r#"{"as_at": "0000-01-01"}"#,
            r#"{"as_at": "9999-12-31", "detentions": [{"section": "3", "detained_in": "england", "admitted": "9999-12", "lived_before": {"country": "england", "council": "E09000029"}}]}"#,
            r#"{"as_at": "2026-02-29"}"#,
            r#"{"as_at": 20261123}"#,
            r#"{"as_at": "2026-11-23", "charges": [{"since": "1983-09-30", "until": "9999"}]}"#,
            r#"{"as_at": "2026-11-23", "aftercare_ended": {"reason": "no_longer_needed", "date": "1984"}}"#,
        ]
        .map(str::to_owned),
    );
    out.push(format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)));
    out.push(format!(
        r#"{{"as_at": "2026-11-23", "detentions": [{{"section": "3", "detained_in": "england", "left_hospital": "2026-01-01", "leaving": "discharged", "lived_before": {{"country": "england", "council": "{}"}}, "gp_icb": "{}"}}]}}"#,
        "Sutton ".repeat(500),
        "NHS ".repeat(500)
    ));
    out
}

/// Byte-level mutations of one seed.
fn mutations(seed: &str, rng: &mut Lcg, n: usize) -> Vec<Vec<u8>> {
    let bytes = seed.as_bytes();
    let len = bytes.len();
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let mut b = bytes.to_vec();
        match k % 7 {
            // Truncation.
            0 => b.truncate(rng.below(len + 1)),
            // Flipped bits in a few bytes.
            1 => {
                for _ in 0..=rng.below(3) {
                    if !b.is_empty() {
                        let i = rng.below(b.len());
                        b[i] ^= 1 << rng.below(8);
                    }
                }
            }
            // A byte replaced by a structural character.
            2 => {
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] = *b"{}[]\":,-0 9\\".get(rng.below(12)).unwrap_or(&b'x');
                }
            }
            // A span deleted.
            3 => {
                let i = rng.below(len + 1);
                let j = (i + rng.below(40)).min(len);
                b.drain(i..j);
            }
            // A span duplicated right after itself (duplicate fields and array elements).
            4 => {
                let i = rng.below(len + 1);
                let j = (i + 1 + rng.below(120)).min(len);
                let span = b[i..j].to_vec();
                b.splice(j..j, span);
            }
            // Two spans swapped.
            5 => {
                let i = rng.below(len + 1);
                let j = (i + rng.below(30)).min(len);
                let span: Vec<u8> = b.drain(i..j).collect();
                let at = rng.below(b.len() + 1);
                b.splice(at..at, span);
            }
            // Non-UTF-8 and control bytes inserted.
            _ => {
                let at = rng.below(len + 1);
                let junk = [0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7f, 0xe2, 0x82];
                let n = 1 + rng.below(junk.len());
                b.splice(at..at, junk[..n].iter().copied());
            }
        }
        out.push(b);
    }
    out
}

#[test]
fn the_fuzz_target_survives_the_scenario_corpus_and_its_mutations() {
    let seeds = seeds();
    assert!(
        seeds.len() > 100,
        "the scenario corpus is missing ({} seeds)",
        seeds.len()
    );
    let mut rng = Lcg(0x5117_2023_0031_0001);
    let mut count = 0usize;
    for seed in &seeds {
        let inputs = std::iter::once(seed.as_bytes().to_vec()).chain(mutations(seed, &mut rng, 24));
        for input in inputs {
            count += 1;
            let shown = String::from_utf8_lossy(&input)
                .chars()
                .take(300)
                .collect::<String>();
            let outcome = std::panic::catch_unwind(|| target::check_bytes(&input));
            assert!(
                outcome.is_ok(),
                "the fuzz target panicked on input {count}: {shown:?}"
            );
        }
    }
    assert!(count >= 3000, "only {count} inputs were tried");
}

/// Writes the seeds to `fuzz/corpus/case_json/` for `cargo fuzz run` to start from. Run on demand:
/// `cargo test --test fuzz_smoke -- --ignored write_fuzz_corpus`.
#[test]
#[ignore = "writes files; run on demand to seed the fuzzer"]
fn write_fuzz_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join("corpus")
        .join("case_json");
    std::fs::create_dir_all(&dir).expect("create the corpus directory");
    for (i, seed) in seeds().iter().enumerate() {
        std::fs::write(dir.join(format!("scenario-{i:04}.json")), seed).expect("write a seed");
    }
}
