// <s117-checker>, its answer: "Check your answers", the result page and the Decision shown (also beside the adviser
// form). Imported by s117-checker.js when first needed, and fetched in the background once the rules have loaded, so
// the first question never waits for it. The letter is another part (s117-letter.js), loaded with the result.
// Every word comes from the catalogue through `t()` (src/messages/en_gb/result.rs, `result.…`); the Decision's own
// words (summary, reasons, flags, next steps) come from the core.
//
// Not a module to import yourself: `install()` adds these methods to the element's class; the helpers it shares
// with s117-checker.js come from s117-controls.js. The house rules of s117-checker.js hold here too (user text only as textContent).

import { PART_TEXTS, append, coreSlot, firstDay, h, longDate, mixin, t, vh } from './s117-controls.js';

/**
 * Adds this part's methods to the element's class.
 * @param {typeof HTMLElement} Checker the class to add them to
 */
export function install(Checker) {
  mixin(Checker, AnswerPart);
}

// The tables below hold message ids (literal, so the meta test sees each one used); `t()` reads their words when a
// page is drawn.

const FINDING_LABELS = {
  met: { symbol: '✓', text: 'result.finding.met' },
  not_met: { symbol: '✗', text: 'result.finding.not_met' },
  unknown: { symbol: '?', text: 'result.finding.unknown' },
};

const ENTITLEMENT_TAGS = {
  entitled: { text: 'result.tag.entitled', mod: 'yes' },
  entitled_on_leaving_hospital: { text: 'result.tag.entitled_on_leaving_hospital', mod: 'yes' },
  not_entitled: { text: 'result.tag.not_entitled', mod: 'no' },
  ended: { text: 'result.tag.ended', mod: 'no' },
  undetermined: { text: 'result.tag.undetermined', mod: 'maybe' },
  out_of_scope: { text: 'result.tag.out_of_scope', mod: 'no' },
};

/** Each group of flags, its heading, and how the date of a flag in it is written (exactly, and "around" a date). */
const FLAG_GROUPS = [
  { kind: 'refund', title: 'result.flags.refund', date: 'result.flag_date.refund', around: 'result.flag_date.refund_around' },
  { kind: 'deadline', title: 'result.flags.deadline', date: 'result.flag_date.deadline', around: 'result.flag_date.deadline_around' },
  { kind: 'warning', title: 'result.flags.warning', date: 'result.flag_date.other', around: 'result.flag_date.other_around' },
  { kind: 'uncertain', title: 'result.flags.uncertain', date: 'result.flag_date.other', around: 'result.flag_date.other_around' },
  { kind: 'info', title: 'result.flags.info', date: 'result.flag_date.other', around: 'result.flag_date.other_around' },
];

const BODY_KINDS = {
  english_council: 'result.body_kind.english_council',
  welsh_council: 'result.body_kind.welsh_council',
  council: 'result.body_kind.council',
  integrated_care_board: 'result.body_kind.integrated_care_board',
  local_health_board: 'result.body_kind.local_health_board',
  nhs_england: 'result.body_kind.nhs_england',
  clinical_commissioning_group: 'result.body_kind.clinical_commissioning_group',
};

const RULE_LABELS = {
  jurisdiction: 'result.rule.jurisdiction',
  qualifying_detention: 'result.rule.qualifying_detention',
  left_hospital: 'result.rule.left_hospital',
  readmission: 'result.rule.readmission',
  duty_end: 'result.rule.duty_end',
  responsible_council: 'result.rule.responsible_council',
  responsible_nhs_body: 'result.rule.responsible_nhs_body',
  charging: 'result.rule.charging',
};

const DEADLINE_KINDS = {
  judicial_review: 'result.deadline_kind.judicial_review',
  ombudsman: 'result.deadline_kind.ombudsman',
  limitation: 'result.deadline_kind.limitation',
  reply: 'result.deadline_kind.reply',
};

const PERIOD_ENDS = {
  readmission: 'result.period_end.readmission',
  joint_decision: 'result.period_end.joint_decision',
  death: 'result.period_end.death',
};

/** The words of a code from one of the tables above (the code itself if the table has no such code). */
function wordsOf(table, code) {
  return Object.prototype.hasOwnProperty.call(table, code) ? t(table[code]) : code;
}

/** A sentence from the core with its first letter made a capital ("the Local Government …" starts some). @param {string} s */
function sentence(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : '';
}

/** "£1,234" from a number of pounds. @param {number} n */
function pounds(n) {
  return t('result.check.money', { amount: Math.round(Number(n) || 0).toLocaleString('en-GB') });
}

/**
 * An answer as check your answers shows it: a choice's words, a date written out, pounds with their sign, and
 * "Not known" for a blank.
 * @param {any} q a question of the interview's form, with its `answer`
 */
function shown(q) {
  if (q.answer === '') return q.blank || t('result.check.not_known');
  const option = (q.options || []).find((o) => o.value === q.answer);
  if (option) return option.label;
  if (q.kind === 'date') return longDate(q.answer);
  if (q.kind === 'money') return t('result.check.money', { amount: q.answer });
  return q.answer;
}

/** The results that offer a letter asking the council and the NHS body to confirm them. */
const LETTER_FOR = new Set(['entitled', 'entitled_on_leaving_hospital', 'ended', 'undetermined']);

/** The methods this part adds to S117Checker. */
class AnswerPart {
  _renderCheck() {
    const iv = this._interview();
    if (!iv) {
      append(this.$page, [h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: t('result.check.heading') })]);
      this._needCore(() => this._renderStep(false));
      return;
    }
    // The facts the interview asked, grouped by stay, by charge, and the rest; `what` is what a "Change" link
    // changes, for a screen reader ("Change" and then, hidden, the question and which stay or charge).
    const groups = [];
    const groupOf = (path) => {
      const stay = /^detentions\[(\d+)\]\./.exec(path);
      if (stay) {
        const number = Number(stay[1]) + 1;
        return { key: `stay-${stay[1]}`, title: this._caption(path), what: (question) => t('result.check.change_what_stay', { question, number }) };
      }
      const charge = /^charges\[(\d+)\]\./.exec(path);
      if (charge) {
        const number = Number(charge[1]) + 1;
        return { key: `charge-${charge[1]}`, title: t('result.check.charge_title', { number }), what: (question) => t('result.check.change_what_charge', { question, number }) };
      }
      return { key: 'since', title: t('result.check.since_title'), what: (question) => question };
    };
    const unanswered = iv.form.filter((q) => q.answer === undefined || q.answer === null).length;
    for (const q of iv.form) {
      if (q.answer === undefined || q.answer === null) continue;
      const g = groupOf(q.path);
      let group = groups.find((x) => x.key === g.key);
      if (!group) groups.push((group = { ...g, rows: [] }));
      group.rows.push({ key: q.label, value: shown(q), page: q.page });
    }
    const summary = this._errorSummary();
    const $form = h('form', { class: 's117-form', novalidate: true });
    $form.addEventListener('submit', (e) => {
      e.preventDefault();
      this._needCore(() => this._getResult(summary));
    });
    append($form, [
      unanswered
        ? h('div', { class: 's117-inset-text' }, h('p', { class: 's117-body', text: unanswered === 1 ? t('result.check.unanswered_one') : t('result.check.unanswered_many', { count: unanswered }) }))
        : null,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button', type: 'submit', text: t('result.check.get_result') })),
    ]);
    append(this.$page, [
      this._backLink('check') || '',
      summary.el,
      h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: t('result.check.heading') }),
      h('p', { class: 's117-body', text: t('result.check.lede') }),
      groups.map((g) => [
        h('h3', { class: 's117-heading-m', text: g.title }),
        this._stayActions ? this._stayActions(g.key) : null,
        h(
          'dl',
          { class: 's117-summary-list' },
          g.rows.map((r) =>
            h(
              'div',
              { class: 's117-summary-list__row' },
              h('dt', { class: 's117-summary-list__key', text: r.key }),
              h('dd', { class: 's117-summary-list__value', text: r.value }),
              h(
                'dd',
                { class: 's117-summary-list__actions' },
                h('button', {
                  class: 's117-link-button',
                  type: 'button',
                  onclick: () => {
                    this._returnTo = 'check';
                    this._go(r.page);
                  },
                }, t('result.check.change'), vh(` ${g.what(r.key.toLowerCase())}`)),
              ),
            ),
          ),
        ),
      ]),
      $form,
    ]);
    if (this._checkErrors && this._checkErrors.length) summary.show(this._checkErrors.map((err) => ({ field: err.field, id: this._id(err.field), message: err.message })));
  }

  /** "Get my result": evaluates the answers and shows the result, or the core's errors on "check your answers". */
  _getResult(summary) {
    const result = this._evaluate();
    if (!result.ok) {
      this._checkErrors = result.errors;
      summary.show(result.errors.map((err) => ({ field: err.field, id: this._id(err.field), message: err.message })));
      return;
    }
    this._checkErrors = null;
    this._returnTo = null;
    this._go('result');
    this._announce(t('result.announce.result', { summary: result.decision.summary }));
  }

  _renderResultPage() {
    if (!this._decision && !this._core) {
      // The result was the page shown last (the page was reloaded), and the rules are still loading.
      append(this.$page, [
        this._backLink('result') || '',
        h('h2', { class: 's117-heading-l js-s117-focus', tabindex: '-1', text: t('result.result.heading') }),
      ]);
      this._needCore(() => this._renderStep(false));
      return;
    }
    if (!this._decision) {
      const result = this._evaluate();
      if (!result.ok) {
        this._step = 'check';
        this._checkErrors = result.errors;
        this._renderCheck();
        return;
      }
    }
    const decision = this._decision;
    append(this.$page, [
      this._backLink('result') || '',
      this._decisionView(decision, false),
      this._letterSlot(decision),
      h('div', { class: 's117-button-group s117-result-actions' },
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: t('result.result.change_answers'), onclick: () => this._go('check') }),
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: t('result.result.start_again'), onclick: () => { this.clear(); this._announce(t('result.announce.cleared')); } }),
      ),
    ]);
  }

  /**
   * Where the letter goes under a result, if the result offers one: the letter's section at once if its part
   * (s117-letter.js) has loaded; otherwise "Loading the letter…", replaced by the section when the part arrives (or
   * an error with "Try again" if it cannot load).
   */
  _letterSlot(decision) {
    if (!LETTER_FOR.has(decision.entitlement)) return null;
    if (this._hasPart('letter')) return this._letterSection(decision);
    const slot = coreSlot(PART_TEXTS.letter);
    const $host = h('div', { class: 's117-letter-slot' }, slot.el);
    const load = () => {
      slot.loading();
      this._loadPart('letter').then(
        () => {
          if ($host.isConnected) $host.replaceWith(this._letterSection(decision));
        },
        () => {
          if ($host.isConnected) slot.error(load, false);
        },
      );
    };
    load();
    return $host;
  }

  /** An entitlement in words, as its tag shows it. @param {string} entitlement */
  _entitlementText(entitlement) {
    return ENTITLEMENT_TAGS[entitlement] ? t(ENTITLEMENT_TAGS[entitlement].text) : entitlement;
  }

  /** Citation links. @param {{ id: string, label: string, url: string }[]} cites */
  _cites(cites) {
    const seen = new Set();
    const list = (cites || []).filter((c) => c && !seen.has(c.id) && seen.add(c.id));
    if (!list.length) return null;
    const $p = h('p', { class: 's117-cites' }, h('span', { class: 's117-cites__label', text: `${list.length === 1 ? t('result.cites.one') : t('result.cites.many')} ` }));
    list.forEach((cite, n) => {
      if (n) $p.append('; ');
      const safe = /^https?:\/\//i.test(cite.url || '');
      $p.append(safe ? h('a', { class: 's117-link', href: cite.url, rel: 'noopener', text: cite.label }) : h('span', { text: cite.label }));
    });
    return $p;
  }

  /** One responsible body. @param {'council'|'nhs'} role */
  _bodyCard(role, body) {
    const title = role === 'council' ? t('result.body.council_title') : t('result.body.nhs_title');
    if (!body) {
      return h('div', { class: 's117-body-card s117-body-card--missing' },
        h('h4', { class: 's117-body-card__role', text: title }),
        h('p', { class: 's117-body', text: role === 'council' ? t('result.body.council_missing') : t('result.body.nhs_missing') }));
    }
    return h(
      'div',
      { class: `s117-body-card${body.certain ? '' : ' s117-body-card--uncertain'}` },
      h('h4', { class: 's117-body-card__role', text: title }),
      h('p', { class: 's117-body-card__name', text: body.name }),
      h('p', { class: 's117-body-card__kind', text: BODY_KINDS[body.kind] ? t(BODY_KINDS[body.kind]) : '' }),
      body.certain ? null : h('p', { class: 's117-body-card__uncertain' }, h('strong', { class: 's117-tag s117-tag--maybe', text: t('result.body.not_certain') }), ` ${t('result.body.uncertain')}`),
      h('p', { class: 's117-body', text: body.why }),
      this._cites(body.cites),
      body.candidates && body.candidates.length
        ? [
            h('p', { class: 's117-body s117-body-card__candidates-title', text: t('result.body.candidates') }),
            h('ul', { class: 's117-list s117-list--bullet' }, body.candidates.map((cand) => h('li', null, h('strong', { text: cand.name }), `: ${cand.why}`))),
          ]
        : null,
    );
  }

  /**
   * "What to do now": the core's first three next steps, most urgent first, each with who, how, by when and (folded
   * away) its sources. Every word comes from the Decision.
   */
  _nextStepsView(decision, H3) {
    const all = decision.next_steps || [];
    const steps = all.slice(0, 3);
    const more = all.slice(3);
    if (!steps.length) return null;
    return h('section', { class: 's117-now', 'aria-labelledby': this._id('s117-now-heading') },
      h(H3, { class: 's117-heading-m', id: this._id('s117-now-heading'), text: t('result.now.heading') }),
      h('ol', { class: 's117-steps' },
        steps.map((step) => {
          const cites = this._cites(step.cites);
          return h('li', { class: `s117-step s117-step--${step.id}` },
            h('p', { class: 's117-step__text', text: step.text }),
            step.by ? h('p', { class: 's117-step__by' }, h('strong', { text: t('result.now.by', { date: longDate(step.by) }) })) : null,
            step.who || step.how
              ? h('p', { class: 's117-step__meta' },
                  step.who ? [h('span', { class: 's117-step__label', text: `${t('result.now.who')} ` }), step.who] : null,
                  step.who && step.how ? h('br') : null,
                  step.how ? [h('span', { class: 's117-step__label', text: `${t('result.now.how')} ` }), step.how] : null)
              : null,
            cites
              ? h('details', { class: 's117-details s117-step__sources' },
                  h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: t('result.now.sources') })),
                  h('div', { class: 's117-details__text' }, cites))
              : null,
          );
        })),
      more.length
        ? h('details', { class: 's117-details s117-now__more' },
            h('summary', { class: 's117-details__summary' }, h('span', { class: 's117-details__summary-text', text: more.length === 1 ? t('result.now.more_one') : t('result.now.more_many', { count: more.length }) })),
            h('div', { class: 's117-details__text' },
              h('ul', { class: 's117-list s117-list--bullet' }, more.map((step) => h('li', { class: `s117-step--${step.id}` },
                h('p', { class: 's117-body', text: step.text }),
                this._cites(step.cites))))))
        : null,
    );
  }

  /**
   * "Help from a person", on every result: the host's own contact first (the `help-name`, `help-phone`,
   * `help-hours` and `help-url` attributes), then crisis lines, advocacy and legal aid. Not in the adviser's view.
   */
  _helpView(H3) {
    const host = {
      name: (this.getAttribute('help-name') || '').trim(),
      phone: (this.getAttribute('help-phone') || '').trim(),
      hours: (this.getAttribute('help-hours') || '').trim(),
      url: (this.getAttribute('help-url') || '').trim(),
    };
    let hostUrl = null;
    try {
      const u = host.url ? new URL(host.url, document.baseURI) : null;
      if (u && (u.protocol === 'https:' || u.protocol === 'http:')) hostUrl = u.href;
    } catch {
      hostUrl = null;
    }
    const hostLine = host.name && (host.phone || hostUrl)
      ? h('li', { class: 's117-help__host' },
          h('strong', { text: host.name }),
          host.phone ? ` ${host.hours ? t('result.help.host_phone_hours', { phone: host.phone, hours: host.hours }) : t('result.help.host_phone', { phone: host.phone })}` : '',
          hostUrl ? [' ', h('a', { class: 's117-link', href: hostUrl, rel: 'noopener noreferrer', target: '_blank', text: t('result.help.host_link') })] : '')
      : null;
    return h('section', { class: 's117-help', 'aria-labelledby': this._id('s117-help-heading') },
      h(H3, { class: 's117-heading-m', id: this._id('s117-help-heading'), text: t('result.help.heading') }),
      h('ul', { class: 's117-list s117-list--bullet' },
        hostLine,
        h('li', { text: t('result.help.samaritans') }),
        h('li', { text: t('result.help.nhs_111') }),
        h('li', { text: t('result.help.emergency') }),
        h('li', { text: t('result.help.advocacy') }),
        h('li', null, t('result.help.legal_aid'), ' ',
          h('a', { class: 's117-link', href: 'https://www.gov.uk/check-legal-aid', rel: 'noopener noreferrer', target: '_blank', text: t('result.help.legal_aid_link') }))));
  }

  /** "Time limits": each deadline the core found, its date in words (as precise as it is known) and its basis. */
  _deadlinesView(decision, H3) {
    const deadlines = decision.deadlines || [];
    if (!deadlines.length) return null;
    return [
      h(H3, { class: 's117-heading-m', text: t('result.deadlines.heading') }),
      h('ul', { class: 's117-deadlines' },
        deadlines.map((d) => h('li', { class: `s117-deadline s117-deadline--${d.kind}${d.passed ? ' s117-deadline--passed' : ''}` },
          h('p', { class: 's117-deadline__title' },
            h('strong', { text: d.date ? t('result.deadlines.dated', { kind: wordsOf(DEADLINE_KINDS, d.kind), date: longDate(d.date) }) : wordsOf(DEADLINE_KINDS, d.kind) }),
            d.date && d.approximate ? ` ${t('result.deadlines.approximate')}` : '',
            d.date && d.passed ? [' ', h('strong', { class: 's117-tag s117-tag--no', text: t('result.deadlines.passed') })] : null),
          h('p', { class: 's117-body', text: sentence(d.basis) }),
          this._cites(d.cites)))),
    ];
  }

  /** Charges that fell while after-care was owed: the ranges, the estimate, and how old the payments are. */
  _refundView(decision, H3) {
    const refund = decision.refund;
    if (!refund || !(refund.ranges || []).length) return null;
    const charges = (this.answers && this.answers.charges) || [];
    const several = (decision.periods || []).length > 1;
    const est = refund.estimate;
    return h('div', { class: 's117-refund' },
      h(H3, { class: 's117-heading-m', text: t('result.refund.heading') }),
      h('p', { class: 's117-body', text: refund.ranges.length === 1 ? t('result.refund.ranges_one') : t('result.refund.ranges_many') }),
      h('ul', { class: 's117-list s117-list--bullet s117-refund__ranges' },
        refund.ranges.map((r) => {
          const what = charges[r.charge] && charges[r.charge].what;
          const when = r.ongoing ? t('result.refund.from_until_now', { from: longDate(r.from) }) : t('result.refund.from_to', { from: longDate(r.from), to: longDate(r.to) });
          const range = several ? t('result.refund.range_in_period', { range: when, period: r.period + 1 }) : when;
          // `what` is the person's own words: text only (a slot filled once, so braces in it are not filled again).
          return h('li', { class: 's117-refund__range' }, what ? t('result.refund.range_of', { what, range }) : range);
        })),
      est
        ? [
            h('p', { class: 's117-body s117-refund__estimate' },
              h('strong', { text: t('result.refund.estimate', { amount: pounds(est.total) }) }),
              ` ${est.within_six_years !== est.total ? t('result.refund.within_six_years', { amount: pounds(est.within_six_years) }) : t('result.refund.all_within_six_years')}`),
            est.basis ? h('p', { class: 's117-hint', text: est.basis }) : null,
          ]
        : null,
      refund.all_time_barred
        ? h('div', { class: 's117-warning-text' },
            h('span', { class: 's117-warning-text__icon', 'aria-hidden': 'true', text: '!' }),
            h('p', { class: 's117-warning-text__text' }, vh(`${t('result.result.warning')} `), t('result.refund.all_time_barred', { date: longDate(refund.time_barred_before) })))
        // Only when the core found payments that old (its court_claim_limit flag).
        : decision.flags.some((f) => f.id === 'court_claim_limit')
          ? h('p', { class: 's117-body', text: t('result.refund.some_time_barred', { date: longDate(refund.time_barred_before) }) })
          : null,
    );
  }

  /** "Your after-care periods", when there is more than one: a small table (stacked on narrow screens). */
  _periodsView(decision, H3) {
    const periods = decision.periods || [];
    if (periods.length < 2) return null;
    const heads = [t('result.periods.from'), t('result.periods.to'), t('result.periods.ended_by'), t('result.periods.council'), t('result.periods.nhs_body')];
    return h('div', { class: 's117-periods' },
      h(H3, { class: 's117-heading-m', id: this._id('s117-periods-heading'), text: t('result.periods.heading') }),
      h('table', { class: 's117-table', 'aria-labelledby': this._id('s117-periods-heading') },
        h('thead', { class: 's117-table__head' }, h('tr', { class: 's117-table__row' }, heads.map((head) => h('th', { class: 's117-table__header', scope: 'col', text: head })))),
        h('tbody', { class: 's117-table__body' },
          periods.map((p) => {
            const cells = [
              longDate(p.from),
              p.to ? longDate(p.to) : t('result.periods.now'),
              p.ended_by ? wordsOf(PERIOD_ENDS, p.ended_by) : p.to ? t('result.periods.not_known') : t('result.periods.still_running'),
              p.council ? p.council.name : t('result.periods.not_known'),
              p.nhs_body ? p.nhs_body.name : t('result.periods.not_known'),
            ];
            return h('tr', { class: 's117-table__row' }, cells.map((cell, k) => h(k ? 'td' : 'th', { class: k ? 's117-table__cell' : 's117-table__cell s117-table__cell--first', scope: k ? null : 'row', 'data-label': heads[k], text: cell })));
          }))),
    );
  }

  /** The Decision, shown: outcome, who, why, flags, next steps. */
  _decisionView(decision, compact) {
    const tag = ENTITLEMENT_TAGS[decision.entitlement] || { mod: 'maybe' };
    const H = compact ? 'h3' : 'h2';
    const H3 = compact ? 'h4' : 'h3';
    const $view = h('div', { class: `s117-result${compact ? ' s117-result--compact' : ''}` });
    $view.append(
      h(H, { class: `${compact ? 's117-heading-m' : 's117-heading-l'} js-s117-focus`, tabindex: '-1', text: compact ? t('result.result.heading_compact') : t('result.result.heading') }),
      h('div', { class: `s117-panel s117-panel--${tag.mod}` },
        h('p', { class: 's117-panel__tag' }, h('strong', { class: `s117-tag s117-tag--${tag.mod}`, text: this._entitlementText(decision.entitlement) })),
        h('p', { class: 's117-panel__summary js-s117-summary', text: decision.summary })),
    );
    append($view, [this._nextStepsView(decision, H3), compact ? null : this._helpView(H3), this._deadlinesView(decision, H3), this._refundView(decision, H3)]);
    if (decision.council || decision.nhs_body || ['entitled', 'entitled_on_leaving_hospital', 'ended'].includes(decision.entitlement)) {
      $view.append(
        h(H3, { class: 's117-heading-m', text: t('result.bodies.heading') }),
        h('p', { class: 's117-body', text: t('result.bodies.joint_duty') }),
        h('div', { class: 's117-bodies' }, this._bodyCard('council', decision.council), this._bodyCard('nhs', decision.nhs_body)),
      );
    }
    append($view, [this._periodsView(decision, H3)]);
    $view.append(
      h(H3, { class: 's117-heading-m', text: t('result.reasons.heading') }),
      h(
        'ol',
        { class: 's117-reasons' },
        decision.reasons.map((r) => {
          const f = FINDING_LABELS[r.finding] || FINDING_LABELS.unknown;
          return h(
            'li',
            { class: `s117-reason s117-reason--${r.finding}` },
            h('p', { class: 's117-reason__title' },
              h('span', { class: 's117-reason__rule', text: `${wordsOf(RULE_LABELS, r.rule)}: ` }),
              h('strong', { class: `s117-reason__finding s117-reason__finding--${r.finding}` }, h('span', { class: 's117-reason__symbol', 'aria-hidden': 'true', text: `${f.symbol} ` }), t(f.text))),
            h('p', { class: 's117-body', text: r.text }),
            this._cites(r.cites),
          );
        }),
      ),
    );
    for (const group of FLAG_GROUPS) {
      const flags = decision.flags.filter((f) => f.kind === group.kind);
      if (!flags.length) continue;
      $view.append(
        h(H3, { class: 's117-heading-m', text: t(group.title) }),
        h(
          'ul',
          { class: `s117-flags s117-flags--${group.kind}` },
          flags.map((f) => {
            const passed = f.date && firstDay(f.date) < this.asAt && group.kind === 'deadline';
            return h(
              'li',
              { class: `s117-flag s117-flag--${f.kind}` },
              f.date
                ? h('p', { class: 's117-flag__date' }, h('strong', { text: t(/^\d{4}-\d{2}-\d{2}$/.test(f.date) ? group.date : group.around, { date: longDate(f.date) }) }), passed ? ` ${t('result.flag_date.passed')}` : '')
                : null,
              h('p', { class: 's117-body', text: f.text }),
              this._cites(f.cites),
            );
          }),
        ),
      );
    }
    $view.append(
      h('div', { class: 's117-warning-text' },
        h('span', { class: 's117-warning-text__icon', 'aria-hidden': 'true', text: '!' }),
        h('p', { class: 's117-warning-text__text' }, vh(`${t('result.result.warning')} `), t('result.result.disclaimer', { date: longDate(decision.law_date) }))),
    );
    return $view;
  }
}
