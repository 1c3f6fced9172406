//! Reading the CSV files: header-addressed records, and the dates and codes
//! in their fields.

/// A CSV file as header-addressed records.
pub(crate) struct Table {
    pub(crate) file: String,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn load(path: &str) -> Table {
        println!("cargo:rerun-if-changed={path}");
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let header: Vec<String> = reader
            .headers()
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| {
                r.unwrap_or_else(|e| panic!("{path}: {e}"))
                    .iter()
                    .map(str::to_string)
                    .collect::<Vec<String>>()
            })
            .filter(|r| !(r.len() == 1 && r[0].trim().is_empty()))
            .collect();
        assert!(!header.is_empty(), "{path}: empty");
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(
                r.len(),
                header.len(),
                "{path}: record {} has {} fields, header has {}",
                i + 2,
                r.len(),
                header.len()
            );
        }
        Table {
            file: path.to_string(),
            header,
            rows,
        }
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{}: no column {name:?}", self.file))
    }

    /// The values of the named columns, trimmed, for every record.
    pub(crate) fn records<const N: usize>(&self, names: [&str; N]) -> Vec<[String; N]> {
        let idx = names.map(|n| self.col(n));
        self.rows
            .iter()
            .map(|r| idx.map(|i| r[i].trim().to_string()))
            .collect()
    }
}

pub(crate) fn parse_date(s: &str, ctx: &str) -> (i32, u32, u32) {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let year = s.get(0..4).and_then(|x| x.parse::<i32>().ok());
    let month = s.get(5..7).and_then(|x| x.parse::<u32>().ok());
    let day = s.get(8..10).and_then(|x| x.parse::<u32>().ok());
    match (shape_ok, year, month, day) {
        (true, Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) => (y, m, d),
        _ => panic!("{ctx}: bad date {s:?} (want YYYY-MM-DD)"),
    }
}

pub(crate) fn is_code(s: &str, prefixes: &[&str]) -> bool {
    s.len() == 9
        && prefixes.iter().any(|p| s.starts_with(p))
        && s[3..].bytes().all(|b| b.is_ascii_digit())
}
