//! Fuzz target: arbitrary bytes as a JSON case, through `s117::api::check_json` and `s117::evaluate`.
//!
//! Run with `cargo +nightly fuzz run case_json` from `fuzz/` (see fuzz/Cargo.toml for the stable-toolchain
//! variant and for seeding the corpus from the scenarios).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    s117_fuzz::check_bytes(data);
});
