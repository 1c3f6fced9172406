//! Wales: the local health board for the area where the person lived immediately before the detention
//! (s.117(3)(b)), and the England–Wales border, where a GP practice across it makes the body uncertain.

// The parent module's imports and items, and its other parts as it imports them.
use super::*;

/// Wales: the local health board for the council's area.
pub(super) fn decide_wales(
    d: &Detention,
    as_at: Date,
    council: Option<&'static reference::Council>,
    out: &mut Outcome,
) -> Option<Body> {
    let Some(council) = council else {
        out.reason(
            RuleId::ResponsibleNhsBody,
            Finding::Unknown,
            messages::say("reason.responsible_nhs_body.wales.unknown"),
            &[MHA_1983_S117_3],
        );
        return None;
    };
    let lhb = council.nhs.first()?;
    let detention = describe_detention(d);
    let v = [
        ("detention", detention.as_str()),
        ("board", lhb.name),
        ("council", council.name),
    ];
    let mut body = nhs_body(
        lhb,
        out.council.as_ref().is_some_and(|c| c.certain),
        messages::fill("body.responsible_nhs_body.wales", &v),
        &[MHA_1983_S117_2, MHA_1983_S117_3],
    );
    let from_place = super::england::icb_of_gp_place(d.gp_place.as_deref()).0;
    let typed = d
        .gp_icb
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .or(from_place.as_deref())
        .unwrap_or_default();
    if let Some(m) = reference::find_nhs_body(typed) {
        if m.body.nation == Nation::England {
            body.certain = false;
            // An ICB that had not yet merged on the date of the check is named as it then was.
            let (name, code) = match (m.typed_as, m.merged_on) {
                (Some(was), Some(on)) if as_at.last_day() < on => {
                    (was, former_icb_code(typed, was, as_at))
                }
                (Some(_) | None, Some(_) | None) => (m.body.name, Some(m.body.code)),
            };
            let divided = m.partial && as_at.last_day() >= m.merged_on.unwrap_or(NaiveDate::MIN);
            if divided {
                // An ICB divided in April 2026: any of its successors, never simply the largest.
                let v = [("former", m.typed_as.unwrap_or(name))];
                let why = messages::fill("candidate.responsible_nhs_body.wales.gp_in_divided", &v);
                for s in reference::nhs_successors(typed) {
                    body.candidates.push(Candidate {
                        name: s.body.name.to_owned(),
                        code: Some(s.body.code.to_owned()),
                        why: why.clone(),
                    });
                }
            } else {
                body.candidates.push(Candidate {
                    name: name.to_owned(),
                    code: code.map(str::to_owned),
                    why: messages::say("candidate.responsible_nhs_body.wales.gp_in_england")
                        .to_owned(),
                });
            }
            flag_cross_border(out);
        }
    }
    Some(body)
}

/// England–Wales cross-border NHS responsibility is not settled.
pub(super) fn flag_cross_border(out: &mut Outcome) {
    out.flag(
        FlagId::CrossBorderNhs,
        FlagKind::Uncertain,
        messages::say("flag.cross_border_nhs"),
        None,
        &[MHA_1983_S117_3, SI_2022_635],
    );
}
