// Generates a realistic enquiries CSV of any size, in the layout of docs/screening.md, for the browser test
// (www/test/screen.run.mjs) and the benchmark (scripts/bench.sh). Deterministic: the same size gives the same file.
//
//   node bench/gen-enquiries.mjs 100000 > /tmp/enquiries-100k.csv
//
// One row in every hundred (rows whose index ends in 37) is deliberately bad, cycling through five kinds of
// problem, so a file of N rows has exactly floor((N + 62) / 100) bad rows (`badRows(N)`).

/** The headings, as in examples/enquiries.csv. */
export const HEADINGS = [
  'reference', 'as_at',
  'd1_section', 'd1_detained_in', 'd1_admitted', 'd1_left', 'd1_leaving', 'd1_cto_ended', 'd1_council', 'd1_gp_icb',
  'd2_section', 'd2_detained_in', 'd2_admitted', 'd2_left', 'd2_leaving', 'd2_council', 'd2_gp_icb',
  'lives_now_council', 'c1_what', 'c1_since', 'c1_until', 'c1_top_up', 'ended_date', 'ended_reason',
  'ended_joint_decision', 'notes',
];

/** The date of the check the rows carry. */
export const AS_AT = '2026-11-23';

const ENGLISH = [
  'Bromsgrove', 'Leeds', 'Birmingham', 'Kent', 'Medway', 'Sutton', 'Manchester', 'Hull', 'Derby', 'Swindon',
  'Harrogate', 'Cornwall', 'Bristol', 'Norfolk', 'Devon', 'Essex', 'Croydon', 'Lambeth', 'Camden', 'Liverpool',
  'Sheffield', 'Newcastle upon Tyne', 'Nottingham', 'Leicester', 'Coventry', 'Bradford', 'Wakefield', 'Stockport',
  'Surrey', 'Hampshire', 'Lancashire', 'Cumberland', 'Somerset', 'Wiltshire', 'Oxfordshire', 'Suffolk',
  'Brighton and Hove', 'Plymouth', 'Southampton', 'Portsmouth',
];
const WELSH = ['Cardiff', 'Swansea', 'Newport', 'Wrexham', 'Gwynedd'];
const CHARGES = ['care home fees', 'supported accommodation', 'home care', 'residential care', 'day centre'];
const ENDINGS = ['time passed', 'no longer needed', 'dols', 'discharged from mental health services', 'other'];

/** A small deterministic random generator (mulberry32). @param {number} seed */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const START = Date.UTC(2008, 0, 1);
const END = Date.UTC(2026, 5, 30);

/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Quotes a cell if it needs it. @param {string} v */
const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** How many bad rows a file of `n` rows has. @param {number} n */
export function badRows(n) {
  return Math.floor((n + 62) / 100);
}

/**
 * One data row as an array of cells.
 * @param {number} i the row's index (0-based)
 * @param {() => number} rnd
 */
function row(i, rnd) {
  const pick = (/** @type {string[]} */ list) => list[Math.floor(rnd() * list.length)];
  const r = Object.fromEntries(HEADINGS.map((h) => [h, '']));
  r.reference = `GEN-${String(i + 1).padStart(6, '0')}`;
  r.as_at = AS_AT;
  const admitted = START + Math.floor(rnd() * ((END - START) / DAY)) * DAY;
  const left = Math.min(admitted + (20 + Math.floor(rnd() * 380)) * DAY, Date.UTC(2026, 10, 20));
  const kind = rnd();
  r.d1_detained_in = 'England';
  r.d1_admitted = iso(admitted);
  r.d1_council = pick(ENGLISH);
  if (kind < 0.1) {
    r.d1_section = '2';
    r.d1_left = iso(admitted + 25 * DAY);
    r.d1_leaving = 'discharged';
  } else if (kind < 0.13) {
    r.d1_section = 'informal';
    r.d1_left = iso(left);
    r.d1_leaving = 'discharged';
  } else if (kind < 0.16) {
    r.d1_section = '3';
    r.d1_detained_in = 'Scotland';
    r.d1_council = 'Glasgow';
    r.d1_left = iso(left);
    r.d1_leaving = 'discharged';
  } else {
    r.d1_section = pick(['3', '3', '3', '3', '37', '37/41', '47', 's3', 'Section 3']);
    r.d1_left = left < Date.UTC(2026, 9, 1) ? iso(left) : '';
    r.d1_leaving = r.d1_left ? pick(['discharged', 'discharged', 'discharged', 'cto', 's17 leave']) : 'still in hospital';
    if (r.d1_section === '37/41' && r.d1_left) r.d1_leaving = 'conditional discharge';
    if (kind < 0.21) {
      r.d1_detained_in = 'Wales';
      r.d1_council = pick(WELSH);
    }
  }
  if (kind > 0.9 && r.d1_left) {
    const again = Date.parse(r.d1_left) + (200 + Math.floor(rnd() * 600)) * DAY;
    if (again < Date.UTC(2026, 10, 1)) {
      r.d2_section = '3';
      r.d2_detained_in = 'England';
      r.d2_admitted = iso(again);
      const out = again + (30 + Math.floor(rnd() * 200)) * DAY;
      if (out < Date.UTC(2026, 10, 20)) {
        r.d2_left = iso(out);
        r.d2_leaving = 'discharged';
      } else {
        r.d2_leaving = 'still in hospital';
      }
      r.d2_council = pick(ENGLISH);
    }
  }
  if (r.d1_left && rnd() < 0.5) {
    const since = Date.parse(r.d1_left) + Math.floor(rnd() * 200) * DAY;
    if (since < Date.UTC(2026, 10, 20)) {
      r.c1_what = pick(CHARGES);
      r.c1_since = iso(since);
      if (rnd() < 0.3) r.c1_until = iso(Math.min(since + (30 + Math.floor(rnd() * 900)) * DAY, Date.UTC(2026, 10, 22)));
      if (rnd() < 0.05) r.c1_top_up = 'yes';
    }
  }
  if (r.d1_left && !r.d2_section && rnd() < 0.08) {
    const ended = Date.parse(r.d1_left) + (100 + Math.floor(rnd() * 2000)) * DAY;
    if (ended < Date.UTC(2026, 10, 20)) {
      r.ended_date = iso(ended);
      r.ended_reason = pick(ENDINGS);
      r.ended_joint_decision = pick(['yes', 'no', '']);
    }
  }
  if (rnd() < 0.2) r.notes = pick(['Called back, left a message', 'Daughter, "power of attorney"', 'Referred by advocate,\nsee email']);
  if (i % 100 === 37) {
    switch ((i - 37) / 100 % 5) {
      case 0: r.d1_left = '2023-13-40'; break;
      case 1: r.d1_section = '39'; break;
      case 2: r.d1_admitted = '2025-05-01'; r.d1_left = '2025-04-01'; r.d1_leaving = 'discharged'; break;
      case 3: r.d1_leaving = 'went home'; break;
      default: r.c1_what = 'care home fees'; r.c1_since = '2022-01-01'; r.c1_until = '2021-12-01'; break;
    }
  }
  return HEADINGS.map((h) => cell(r[h]));
}

/**
 * A CSV file of `n` enquiries (with a heading row), as a string with Windows line ends.
 * @param {number} n
 * @param {number} [seed]
 */
export function generate(n, seed = 117) {
  const rnd = random(seed);
  const lines = [HEADINGS.join(',')];
  for (let i = 0; i < n; i++) lines.push(row(i, rnd).join(','));
  return lines.join('\r\n') + '\r\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] || 100000);
  process.stdout.write(generate(n));
}
