//! England from 1 July 2022: the ICB for the run of detentions the duty comes from, by each rule that could
//! apply when the dates fall either side of 1 July 2022, and what holds whichever applied (the ICB through later
//! detentions; the clinical commissioning group before July 2022).

// The parent module's imports and items, and its other parts as it imports them.
use super::*;

/// England, from 1 July 2022.
pub(super) fn decide_england(
    case: &Case,
    latest: usize,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let EnglandRun {
        start_index,
        first_index,
        began,
        began_side,
        ended,
        secure,
        before,
        after,
    } = england_run(case, &out.timeline, latest);
    let start = &case.detentions[start_index];
    let first = &case.detentions[first_index];
    let what = if start_index == first_index {
        describe_detention(first)
    } else {
        let (first, start) = (describe_detention(first), describe_detention(start));
        let v = [("detention", first.as_str()), ("start", start.as_str())];
        messages::fill("part.detention.followed_on_from", &v)
    };
    let detention = [("detention", what.as_str())];
    // The GP's ICB as typed; else, as likely, the ICB of the council area where the GP surgery was.
    let typed = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
    let (gp_on_1_july, place_on_1_july) = match typed(&case.gp_icb_on_1_july_2022) {
        Some(icb) => (Some(icb), None),
        None => icb_of_gp_place(case.gp_place_on_1_july_2022.as_deref()),
    };
    let (gp_then, place_then) = match typed(&start.gp_icb).or_else(|| typed(&first.gp_icb)) {
        Some(icb) => (Some(icb), None),
        None => match icb_of_gp_place(start.gp_place.as_deref()) {
            (None, _) => icb_of_gp_place(first.gp_place.as_deref()),
            found => found,
        },
    };
    let gp_place = place_on_1_july.or(place_then);
    let run = Run {
        what: what.clone(),
        first,
        gp_then,
        gp_on_1_july,
        area_then: council_before(start)
            .or_else(|| council_before(first))
            .or(council),
        council,
    };
    let (periods, lead) = match began_side {
        None => {
            let rule = IcbRule {
                gp: run.gp_then.clone(),
                fallback: run.area_then,
                why: messages::fill("body.responsible_nhs_body.began_unknown", &detention),
                sentence: None,
                settled: false,
            };
            let mut body = resolve_icb_at(&rule, case.as_at, lives_now_council(case), out)?;
            from_gp_place(&mut body, gp_place, out);
            return Some(finish_england(case, first_index, latest, body, out));
        }
        // The one rule for a detention that began before 1 July 2022 follows on from the sentence saying so.
        Some(Side::Before) if before.len() == 1 => (before, None),
        Some(Side::Before) => {
            let ended = ended.map_or_else(String::new, Date::long);
            let v = [detention[0], ("date", ended.as_str())];
            let lead = messages::fill("body.responsible_nhs_body.began_before.ended", &v);
            (before, Some(lead))
        }
        Some(Side::OnOrAfter) => {
            let lead = messages::fill("body.responsible_nhs_body.began_on_or_after", &detention);
            (vec![after], Some(lead))
        }
        Some(Side::EitherSide) => {
            let mut periods = before;
            periods.push(after);
            let began = began.map_or_else(String::new, Date::long);
            let v = [detention[0], ("date", began.as_str())];
            let lead = messages::fill("body.responsible_nhs_body.began_either_side", &v);
            (periods, Some(lead))
        }
    };
    if periods.contains(&IcbPeriod::Part3) {
        out.flag(
            FlagId::Part3NhsBodyUncertain,
            FlagKind::Uncertain,
            messages::say("flag.part3_nhs_body_uncertain"),
            None,
            &[SI_2022_635, MHA_1983_S117_3, WHO_PAYS],
        );
    }
    let either_side = periods.len() > 1;
    let mut bodies: Vec<(IcbPeriod, Body)> = Vec::new();
    for &period in &periods {
        let (mut rule, began_before) = icb_rule(period, &run);
        rule.why = if either_side {
            // For a secure service begun before 1 July 2022 the date that matters is when the detention ended.
            let which = if secure && began_side == Some(Side::Before) {
                match period {
                    IcbPeriod::SecureAtDischarge => messages::text("part.if.ended_on_or_after"),
                    IcbPeriod::OnFirstJuly
                    | IcbPeriod::SecureFirstDay
                    | IcbPeriod::Part3
                    | IcbPeriod::Application => messages::text("part.if.ended_before"),
                }
            } else if began_before {
                messages::text("part.if.began_before")
            } else {
                messages::text("part.if.began_on_or_after")
            };
            let v = [("condition", which), ("rule", rule.why.as_str())];
            messages::fill("body.responsible_nhs_body.if", &v)
        } else {
            match (&lead, &rule.sentence) {
                (Some(lead), Some(sentence)) => format!("{lead} {sentence}"),
                (Some(lead), None) => format!("{lead} {}", rule.why),
                (None, Some(_) | None) => {
                    let v = [detention[0], ("rule", rule.why.as_str())];
                    messages::fill("body.responsible_nhs_body.began_before", &v)
                }
            }
        };
        let Some(body) = resolve_icb_at(&rule, case.as_at, lives_now_council(case), out) else {
            continue;
        };
        bodies.push((period, body));
    }
    let mut bodies = bodies.into_iter();
    let (main_period, mut body) = bodies.next()?;
    if let Some(lead) = lead.filter(|_| either_side) {
        body.why = format!("{lead} {}", body.why);
        body.certain = false;
        for (_, other) in bodies {
            if other.name != body.name && !body.candidates.iter().any(|c| c.name == other.name) {
                body.candidates.push(Candidate {
                    name: other.name.clone(),
                    code: other.code.clone(),
                    why: other.why.clone(),
                });
            }
        }
    }
    if periods.contains(&IcbPeriod::Part3) {
        // The s.117(3) default: the ICB for the area where the person was ordinarily resident before the detention.
        body.certain = false;
        if main_period == IcbPeriod::Part3 {
            for icb in council_before(first)
                .or(council)
                .iter()
                .flat_map(|c| c.nhs.iter())
                .filter(|b| b.nation == Nation::England)
            {
                if icb.name != body.name && !body.candidates.iter().any(|c| c.name == icb.name) {
                    body.candidates.push(Candidate {
                        name: icb.name.to_owned(),
                        code: Some(icb.code.to_owned()),
                        why: messages::say("candidate.responsible_nhs_body.part_3").to_owned(),
                    });
                }
            }
        }
        if !body.cites.contains(&MHA_1983_S117_3) {
            body.cites.push(MHA_1983_S117_3);
        }
    }
    from_gp_place(&mut body, gp_place, out);
    // The England–Wales border: only when, for the run that decides, home and GP are on different sides.
    if body.kind == BodyKind::LocalHealthBoard && lived_in(start, first) != Some(Nation::Wales) {
        flag_cross_border(out);
    }
    Some(finish_england(case, first_index, latest, body, out))
}

/// The ICB of the council area a GP surgery was in (a town or council area, as typed): the one covering most of the
/// area, with the council; `(None, None)` when the place is not known or not recognised.
pub(super) fn icb_of_gp_place(
    place: Option<&str>,
) -> (Option<String>, Option<&'static reference::Council>) {
    match place
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .and_then(|t| recognise(t).council)
    {
        Some(c) => (c.nhs.first().map(|b| b.name.to_owned()), Some(c)),
        None => (None, None),
    }
}

/// The ICB was taken from where the GP surgery was, not from the ICB itself: likely, never certain (a surgery
/// belongs to one ICB, usually the one for its council area, but not always near a boundary; and an area split
/// between ICBs has several).
pub(super) fn from_gp_place(
    body: &mut Body,
    place: Option<&'static reference::Council>,
    out: &mut Outcome,
) {
    let Some(council) = place else {
        return;
    };
    body.certain = false;
    let v = [("council", council.name)];
    body.why.push(' ');
    body.why.push_str(&messages::fill(
        "body.responsible_nhs_body.from_gp_place",
        &v,
    ));
    for other in council.nhs.iter().filter(|b| b.name != body.name) {
        if !body.candidates.iter().any(|c| c.name == other.name) {
            body.candidates.push(Candidate {
                name: other.name.to_owned(),
                code: Some(other.code.to_owned()),
                why: messages::fill("candidate.responsible_nhs_body.split_area", &v),
            });
        }
    }
    out.flag(
        FlagId::NhsBodyFromGpPlace,
        FlagKind::Uncertain,
        messages::fill("flag.nhs_body_from_gp_place", &v),
        None,
        &[SI_2022_635],
    );
}

/// The nation the person lived in immediately before the run of detentions began, if known.
pub(super) fn lived_in(start: &Detention, first: &Detention) -> Option<Nation> {
    if let Some(c) = council_before(start).or_else(|| council_before(first)) {
        return Some(c.nation);
    }
    match start.lived_before.country {
        Country::England => Some(Nation::England),
        Country::Wales => Some(Nation::Wales),
        Country::Scotland
        | Country::NorthernIreland
        | Country::OutsideUk
        | Country::NoSettledHome
        | Country::NotSure => None,
    }
}

/// Adds what holds whichever rule applied: the ICB through later detentions, and the CCG before July 2022.
pub(super) fn finish_england(
    case: &Case,
    first_index: usize,
    latest: usize,
    mut body: Body,
    out: &mut Outcome,
) -> Body {
    if first_index != latest && is_qualifying_section(case.detentions[latest].section) {
        let kept = messages::say("body.responsible_nhs_body.kept_through_readmission");
        body.why.push(' ');
        body.why.push_str(&kept);
        if !body.cites.contains(&WHO_PAYS) {
            body.cites.push(WHO_PAYS);
        }
    }
    match out.duty_arose.map(|d| d.side_of(ICBS_ESTABLISHED)) {
        Some(Side::Before) => {
            body.why.push(' ');
            body.why
                .push_str(messages::text("body.responsible_nhs_body.ccg_before"));
            body.cites.push(HCA_2022_SCH_4);
        }
        Some(Side::EitherSide) => {
            let ccg = messages::say("body.responsible_nhs_body.ccg_before.either_side");
            body.why.push(' ');
            body.why.push_str(&ccg);
            body.cites.push(HCA_2022_SCH_4);
        }
        Some(Side::OnOrAfter) | None => {}
    }
    body
}

/// The council where the person lives now, when it is recognised.
pub(super) fn lives_now_council(case: &Case) -> Option<&'static reference::Council> {
    case.lives_now
        .as_ref()
        .and_then(|p| p.council.as_deref())
        .and_then(|t| recognise(t).council)
}
