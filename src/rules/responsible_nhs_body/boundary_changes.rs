//! ICBs by name as they were on the date of the check: from the GP practice's ICB or the council's area, through
//! the April 2026 mergers and divisions and the boards formed from earlier ones (`data/icb-predecessors.csv`).

// The parent module's imports and items, and its other parts as it imports them.
use super::*;

/// [`resolve_icb`] for a check date that may be a month or a year: when the ICB named at the start of that period
/// differs from the one at its end (an ICB formed or merged in between), the body is uncertain and the other is a
/// candidate.
pub(super) fn resolve_icb_at(
    rule: &IcbRule,
    as_at: Date,
    now: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let mut body = resolve_icb(rule, as_at, now, out)?;
    if as_at.is_exact() {
        return Some(body);
    }
    let mut scratch = out.scratch();
    let Some(earlier) = resolve_icb(rule, Date::exact(as_at.first_day()), now, &mut scratch) else {
        return Some(body);
    };
    if earlier.name != body.name && !body.candidates.iter().any(|c| c.name == earlier.name) {
        body.certain = false;
        let date = as_at.long();
        let v = [
            ("date", date.as_str()),
            ("earlier", earlier.name.as_str()),
            ("later", body.name.as_str()),
        ];
        let text = messages::fill("body.responsible_nhs_body.icbs_changed_in_month", &v);
        let why = messages::fill("candidate.responsible_nhs_body.icbs_changed", &v[..1]);
        body.why.push(' ');
        body.why.push_str(&text);
        body.candidates.push(Candidate {
            name: earlier.name,
            code: earlier.code,
            why,
        });
    }
    Some(body)
}

/// Names the ICB from the GP's ICB, or from the council's area, as it was on the date of the check `as_at`. `now`
/// is the council where the person lives now, the place of last resort for an ICB divided in April 2026.
pub(super) fn resolve_icb(
    rule: &IcbRule,
    as_at: Date,
    now: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let cites = [MHA_1983_S117_2, SI_2022_635];
    if let Some(typed) = rule.gp.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let Some(found) = reference::find_nhs_body(typed) else {
            out.flag(
                FlagId::UnrecognisedNhsBody,
                FlagKind::Uncertain,
                messages::fill("flag.unrecognised_nhs_body", &[("typed", typed)]),
                None,
                &[SI_2022_635],
            );
            return Some(Body {
                name: typed.to_owned(),
                code: None,
                ods: None,
                kind: BodyKind::IntegratedCareBoard,
                certain: false,
                why: rule.why.clone(),
                cites: cites.to_vec(),
                candidates: Vec::new(),
            });
        };
        let mut why = rule.why.clone();
        let mut certain = rule.settled;
        let mut candidates = Vec::new();
        if let (Some(was), Some(on)) = (found.typed_as, found.merged_on) {
            if as_at.last_day() < on {
                // The check is dated before the merger: the ICB named still existed and held the duty.
                let successors: Vec<&str> = reference::nhs_successors(typed)
                    .iter()
                    .map(|m| m.body.name)
                    .collect();
                let (date, successors) = (
                    crate::date::long(on),
                    crate::rules::qualifying_detention::join_and(&successors),
                );
                let v = [
                    ("was", was),
                    ("date", date.as_str()),
                    ("successors", successors.as_str()),
                ];
                let existed = messages::fill("body.responsible_nhs_body.still_existed", &v);
                why.push(' ');
                why.push_str(&existed);
                return Some(Body {
                    name: was.to_owned(),
                    code: former_icb_code(typed, was, as_at).map(str::to_owned),
                    ods: None,
                    kind: BodyKind::IntegratedCareBoard,
                    certain,
                    why,
                    cites: cites.to_vec(),
                    candidates: Vec::new(),
                });
            }
            if found.partial {
                return Some(split_successor(
                    typed,
                    was,
                    on,
                    &rule.why,
                    rule.fallback.or(now),
                    out,
                ));
            }
            let date = crate::date::long(on);
            let v = [
                ("was", was),
                ("icb", found.body.name),
                ("date", date.as_str()),
            ];
            why.push(' ');
            why.push_str(&messages::fill("body.responsible_nhs_body.merged", &v));
            out.flag(
                FlagId::NhsBodyMerged,
                FlagKind::Info,
                messages::fill("flag.nhs_body_merged", &v),
                Some(Date::exact(on)),
                &[SI_2022_635],
            );
        }
        if found.body.nation == Nation::Wales {
            certain = false;
            let v = [("board", found.body.name)];
            why.push(' ');
            why.push_str(&messages::fill("body.responsible_nhs_body.gp_in_wales", &v));
            // The ICB for the English area where the person lived may hold core responsibility instead, for
            // someone not registered with a GP practice in England.
            for icb in rule
                .fallback
                .iter()
                .flat_map(|c| c.nhs.iter())
                .filter(|b| b.nation == Nation::England)
            {
                candidates.push(Candidate {
                    name: icb.name.to_owned(),
                    code: Some(icb.code.to_owned()),
                    why: messages::say("candidate.responsible_nhs_body.gp_in_wales").to_owned(),
                });
            }
        }
        let mut body = nhs_body(found.body, certain, why, &cites);
        body.candidates = candidates;
        fit_to_date(&mut body, as_at, false);
        return Some(body);
    }
    let Some(council) = rule.fallback else {
        let v = [("rule", rule.why.as_str())];
        let text = messages::fill("reason.responsible_nhs_body.unknown", &v);
        out.reason(RuleId::ResponsibleNhsBody, Finding::Unknown, text, &cites);
        return None;
    };
    let first = council.nhs.first()?;
    let v = [("rule", rule.why.as_str()), ("council", council.name)];
    let mut why = messages::fill("body.responsible_nhs_body.from_council_area", &v);
    let mut candidates = Vec::new();
    if council.nhs.len() > 1 {
        why.push(' ');
        why.push_str(messages::text("body.responsible_nhs_body.split_area"));
        let v = [("council", council.name)];
        for other in &council.nhs[1..] {
            candidates.push(Candidate {
                name: other.name.to_owned(),
                code: Some(other.code.to_owned()),
                why: messages::fill("candidate.responsible_nhs_body.split_area", &v),
            });
        }
        out.flag(
            FlagId::SplitNhsArea,
            FlagKind::Uncertain,
            messages::fill("flag.split_nhs_area", &v),
            None,
            &[SI_2022_635],
        );
    }
    out.flag(
        FlagId::NhsBodyFromCouncilArea,
        FlagKind::Uncertain,
        messages::say("flag.nhs_body_from_council_area"),
        None,
        &[SI_2022_635],
    );
    let mut body = nhs_body(first, false, why, &cites);
    body.candidates = candidates;
    fit_to_date(&mut body, as_at, true);
    Some(body)
}

/// A pre-April-2026 ICB divided between several ICBs (Frimley; Hertfordshire and West Essex; Suffolk and North
/// East Essex), on or after the division: the successor covering the person's `place` (the 2026 ICB of their
/// council's area, from `data/authorities.csv`), with the others as candidates because the GP practice's address
/// decides; if the place is unknown or in none of them, no one successor but every one as a candidate. Never
/// simply the successor that took the largest part.
pub(super) fn split_successor(
    typed: &str,
    was: &str,
    on: NaiveDate,
    rule_why: &str,
    place: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Body {
    let cites = [MHA_1983_S117_2, SI_2022_635];
    let successors = reference::nhs_successors(typed);
    let names: Vec<&str> = successors.iter().map(|m| m.body.name).collect();
    let (date, joined) = (
        crate::date::long(on),
        crate::rules::qualifying_detention::join_and(&names),
    );
    let divided = [
        ("rule", rule_why),
        ("was", was),
        ("date", date.as_str()),
        ("successors", joined.as_str()),
    ];
    out.flag(
        FlagId::NhsBodyMerged,
        FlagKind::Info,
        messages::fill("flag.nhs_body_merged.divided", &divided),
        Some(Date::exact(on)),
        &[SI_2022_635],
    );
    let covering: Vec<&reference::NhsMatch> = successors
        .iter()
        .filter(|m| place.is_some_and(|c| c.nhs.iter().any(|b| b.code == m.body.code)))
        .collect();
    let candidate = |m: &reference::NhsMatch| Candidate {
        name: m.body.name.to_owned(),
        code: Some(m.body.code.to_owned()),
        why: messages::fill("candidate.responsible_nhs_body.split_successor", &divided),
    };
    if let (Some(council), [one]) = (place, covering.as_slice()) {
        let mut v = divided.to_vec();
        v.extend([("council", council.name), ("icb", one.body.name)]);
        let why = messages::fill("body.responsible_nhs_body.split.covering", &v);
        let mut body = nhs_body(one.body, false, why, &cites);
        body.candidates = successors
            .iter()
            .filter(|m| m.body.code != one.body.code)
            .map(candidate)
            .collect();
        return body;
    }
    let why = match place {
        Some(council) => {
            let mut v = divided.to_vec();
            v.push(("council", council.name));
            messages::fill("body.responsible_nhs_body.split.none_covering", &v)
        }
        None => messages::fill("body.responsible_nhs_body.split.place_unknown", &divided),
    };
    Body {
        name: crate::rules::responsible_council::join_or(&names),
        code: None,
        ods: None,
        kind: BodyKind::IntegratedCareBoard,
        certain: false,
        why,
        cites: cites.to_vec(),
        candidates: successors.iter().map(candidate).collect(),
    }
}

/// The day the ONS codes of NHS Surrey Heartlands and NHS Sussex ICBs changed (E54000052 and E54000053 became
/// E54000063 and E54000064): `data/SOURCES.md`, D6. They are the only pre-2026 ICBs with two codes.
pub(super) const ICB_CODES_CHANGED: NaiveDate = match NaiveDate::from_ymd_opt(2023, 4, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// The ONS code a pre-April-2026 ICB had on the date of the check: the code the person typed, if they typed one
/// of its codes; otherwise, for an ICB with two codes, the earlier code before April 2023 and the later one after.
pub(super) fn former_icb_code(typed: &str, name: &str, as_at: Date) -> Option<&'static str> {
    let mut codes: Vec<&'static str> = reference::former_icbs()
        .iter()
        .filter(|f| f.1 == name)
        .map(|f| f.0)
        .collect();
    codes.sort_unstable();
    if let Some(code) = codes.iter().find(|c| c.eq_ignore_ascii_case(typed.trim())) {
        return Some(code);
    }
    if as_at.last_day() < ICB_CODES_CHANGED {
        codes.first().copied()
    } else {
        codes.last().copied()
    }
}

/// The day an ICB was formed from earlier ones, and their names.
pub(super) type Formation = (NaiveDate, Vec<&'static str>);

/// When the ICB with this ONS code was formed from earlier ICBs, and their names (once each): worked out once from
/// the reference data, since every check that names an ICB asks.
pub(super) fn formation(code: &str) -> Option<&'static Formation> {
    static FORMATIONS: std::sync::OnceLock<Vec<(&'static str, Formation)>> =
        std::sync::OnceLock::new();
    let all = FORMATIONS.get_or_init(|| {
        let mut all: Vec<(&'static str, Formation)> = Vec::new();
        for &(former_code, former_name, _) in reference::former_icbs() {
            for m in reference::nhs_successors(former_code) {
                let Some(on) = m.merged_on else { continue };
                let successor = m.body.code;
                match all.iter_mut().find(|(c, _)| *c == successor) {
                    Some((_, (formed, names))) => {
                        *formed = (*formed).min(on);
                        if !names.contains(&former_name) {
                            names.push(former_name);
                        }
                    }
                    None => all.push((successor, (on, vec![former_name]))),
                }
            }
        }
        all
    });
    all.iter().find(|(c, _)| *c == code).map(|(_, f)| f)
}

/// The reference data names the ICBs as from April 2026. For a check dated before an ICB was formed or changed
/// then, says so: the ICB that existed on that date is named where the data shows it (the same board under an
/// earlier code), and otherwise the boards it was formed from are the candidates and the body is not certain.
/// `from_area` says the ICB was inferred from the council's area, which for those dates cannot pick between them.
pub(super) fn fit_to_date(body: &mut Body, as_at: Date, from_area: bool) {
    if body.kind != BodyKind::IntegratedCareBoard {
        return;
    }
    let Some(code) = body.code.clone() else {
        return;
    };
    let Some((on, before)) = formation(&code).filter(|(on, _)| as_at.last_day() < *on) else {
        return;
    };
    let (on, before) = (*on, before.clone());
    let same = before.iter().any(|n| *n == body.name);
    if same {
        // The same board (same name and ODS code) under its earlier ONS code.
        body.code = former_icb_code(&code, &body.name, as_at).map(str::to_owned);
    }
    if !same || from_area {
        body.certain = false;
        let (date, boards) = (
            crate::date::long(on),
            crate::rules::qualifying_detention::join_and(&before),
        );
        let v = [
            ("icb", body.name.as_str()),
            ("date", date.as_str()),
            ("boards", boards.as_str()),
        ];
        let text = messages::fill("body.responsible_nhs_body.formed_since", &v);
        let why = messages::fill("candidate.responsible_nhs_body.formed_since", &v);
        body.why.push(' ');
        body.why.push_str(&text);
        for name in before {
            if name == body.name || body.candidates.iter().any(|c| c.name == name) {
                continue;
            }
            body.candidates.push(Candidate {
                name: name.to_owned(),
                code: former_icb_code("", name, as_at).map(str::to_owned),
                why: why.clone(),
            });
        }
    }
}
