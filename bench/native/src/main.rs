//! The native figures for scripts/bench.sh, printed as one JSON object.
//!
//!   s117-bench --case bench/case-5-detentions.json --screen enquiries-100k.csv [--runs 3]
//!   s117-bench --copy enquiries-100k.csv OUT.csv
//!
//! `copy`: the baseline `s117 screen` is compared with: a plain CSV read-and-write of the same file with the csv
//! crate (each record read as bytes and written out again, through the same buffered reader and writer), with its
//! wall time and this process's peak resident memory (`VmHWM` from /proc/self/status).
//!
//! `eval`: one `validate` + `evaluate` of the case (what the browser's `check()` does, without the JavaScript
//! conversion), timed in batches so that the clock's resolution does not matter; median and 95th percentile per
//! call. `eval_json`: the same through the JSON façade (`api::check_json` + `serde_json::to_string`), the native
//! equivalent of crossing a boundary. `screen`: `screen_csv` on the file, rows per second, median of the runs.

use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

/// Times `f` in `samples` batches of `batch` calls; per-call microseconds, sorted.
fn time(samples: usize, batch: usize, mut f: impl FnMut()) -> Vec<f64> {
    for _ in 0..batch * 10 {
        f();
    }
    let mut out = Vec::with_capacity(samples);
    for _ in 0..samples {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        out.push(t.elapsed().as_secs_f64() * 1e6 / batch as f64);
    }
    out.sort_by(f64::total_cmp);
    out
}

/// Peak resident memory of this process so far, in KiB (Linux: `VmHWM` in /proc/self/status), if known.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Reads `from` as CSV and writes every record to `to`: the plain read-and-write a streamed screen is measured
/// against.
fn copy(from: &str, to: &str) {
    let t = Instant::now();
    let input = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(from).expect("read"));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let output = std::fs::File::create(to).expect("write");
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(std::io::BufWriter::with_capacity(1 << 16, output));
    let mut record = csv::ByteRecord::new();
    let mut rows = 0u64;
    while reader.read_byte_record(&mut record).expect("a CSV record") {
        writer.write_byte_record(&record).expect("written");
        rows += 1;
    }
    writer.flush().expect("flushed");
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({ "copy": { "rows": rows, "secs": secs, "peak_rss_kib": peak_rss_kib() } })
    );
}

fn main() {
    let first: Vec<String> = std::env::args().skip(1).take(3).collect();
    if first.first().map(String::as_str) == Some("--copy") && first.len() == 3 {
        copy(&first[1], &first[2]);
        return;
    }
    let mut args = std::env::args().skip(1);
    let (mut case_path, mut screen_path, mut runs) = (None, None, 3usize);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--case" => case_path = args.next(),
            "--screen" => screen_path = args.next(),
            "--runs" => runs = args.next().and_then(|r| r.parse().ok()).unwrap_or(3),
            _ => {
                eprintln!("usage: s117-bench --case FILE.json --screen FILE.csv [--runs N]");
                std::process::exit(2);
            }
        }
    }
    let mut out = serde_json::Map::new();
    if let Some(path) = case_path {
        let json = std::fs::read_to_string(&path).expect("read the case");
        let case: s117::Case = serde_json::from_str(&json).expect("a valid case");
        assert_eq!(
            case.detentions.len(),
            5,
            "the benchmark case has 5 detentions"
        );
        let eval = time(200, 10, || {
            let errors = s117::validate(std::hint::black_box(&case));
            assert!(errors.is_empty());
            std::hint::black_box(s117::evaluate(&case));
        });
        let via_json = time(200, 10, || {
            let decision = s117::api::check_json(std::hint::black_box(&json)).expect("valid");
            std::hint::black_box(serde_json::to_string(&decision).expect("serialises"));
        });
        out.insert(
            "eval".into(),
            serde_json::json!({ "median_us": percentile(&eval, 0.5), "p95_us": percentile(&eval, 0.95), "samples": eval.len(), "batch": 10 }),
        );
        out.insert(
            "eval_json".into(),
            serde_json::json!({ "median_us": percentile(&via_json, 0.5), "p95_us": percentile(&via_json, 0.95) }),
        );
    }
    if let Some(path) = screen_path {
        let input = std::fs::read(&path).expect("read the enquiries");
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        // All cores (what `s117 screen` does), and one thread (what one Web Worker can do).
        for (name, n) in [("screen", 0), ("screen_1_thread", 1)] {
            let mut per_second = Vec::new();
            let mut rows = 0;
            for _ in 0..runs.max(1) {
                let t = Instant::now();
                let job = s117::screen::Job::new(
                    input.as_slice(),
                    s117::screen::Format::Csv,
                    Default::default(),
                );
                let screened = job.threads(n).run();
                let secs = t.elapsed().as_secs_f64();
                rows = screened.counts.rows;
                per_second.push(f64::from(rows) / secs);
            }
            per_second.sort_by(f64::total_cmp);
            out.insert(
                name.into(),
                serde_json::json!({ "rows": rows, "rows_per_s": percentile(&per_second, 0.5), "runs": per_second, "threads": if n == 0 { threads } else { n } }),
            );
        }
    }
    println!("{}", serde_json::Value::Object(out));
}
