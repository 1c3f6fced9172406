// <s117-checker>, its adviser view (`mode="adviser"`): every question on one dense screen, the result beside it,
// and the "Screen many enquiries" section (which imports ./screen/screen.js when opened).
// Imported by s117-checker.js only when the adviser view is shown.
//
// The form is the core's interview drawn densely: every fact the answers so far make relevant (`interview().form`),
// each with its short label, redrawn when an answer makes more (or fewer) facts relevant. It knows no rule.
//
// Not a module to import yourself: `install()` adds these methods to the element's class; the helpers it shares
// with s117-checker.js come from s117-controls.js. The house rules of s117-checker.js hold here too (user text only as textContent).

import { UNKNOWN, append, comboField, coreSlot, debounce, errorSlot, h, mixin, t, textField } from './s117-controls.js';

/**
 * Adds this part's methods to the element's class.
 * @param {typeof HTMLElement} Checker the class to add them to
 */
export function install(Checker) {
  mixin(Checker, AdviserPart);
}

/**
 * The adviser's own words where the interview's speak as the person ("you", "I", "my"): the adviser speaks of "the
 * person". By fact id (labels, the "not known" choice) and by choice code (how after-care ended).
 */
const ADVISER_LABELS = {
  'charges[].chosen_dearer_placement_with_written_agreement': 'widget.adviser.label.top_up',
};
const ADVISER_BLANKS = {
  'detentions[].lived_before.placed_by': 'widget.adviser.blank.not_placed',
  'detentions[].recall': 'widget.adviser.blank.new_detention',
};
const ADVISER_CHOICES = {
  unknown: 'widget.adviser.choice_unknown',
  no_longer_needed: 'widget.adviser.ending.no_longer_needed',
  discharged_from_mental_health_services: 'widget.adviser.ending.discharged_from_mental_health_services',
  dols: 'widget.adviser.ending.dols',
  readmitted_informally_or_s2: 'widget.adviser.ending.readmitted_informally_or_s2',
  cto_ended: 'widget.adviser.ending.cto_ended',
  refused_services: 'widget.adviser.ending.refused_services',
};

/** A question's short label, in the adviser's words. @param {any} q */
function adviserLabel(q) {
  return Object.prototype.hasOwnProperty.call(ADVISER_LABELS, q.id) ? t(ADVISER_LABELS[q.id]) : q.label;
}

/** The words of the "not known" choice, in the adviser's words. @param {any} q */
function adviserBlank(q) {
  return Object.prototype.hasOwnProperty.call(ADVISER_BLANKS, q.id) ? t(ADVISER_BLANKS[q.id]) : t('widget.adviser.not_known');
}

/** A choice's words, in the adviser's words. @param {{ value: string, label: string }} o */
function adviserOption(o) {
  return Object.prototype.hasOwnProperty.call(ADVISER_CHOICES, o.value) ? { value: o.value, label: t(ADVISER_CHOICES[o.value]) } : o;
}

/** The screen of many enquiries (adviser view), imported only when it is opened. */
const SCREEN_URL = new URL('./screen/screen.js', import.meta.url);

/** A date typed in one box (adviser view), read by the core: 2023-05-14, 2023-05 or 2023. */
function dateBox(o) {
  const f = textField({ id: o.id, label: o.label, value: o.value, width: '10', spellcheck: false, inputmode: 'text' });
  f.input.setAttribute('placeholder', t('widget.adviser.date_placeholder'));
  return f;
}

/** A select (adviser view). Options: { value, label }; UNKNOWN maps to undefined. */
function selectField(o) {
  const $select = h(
    'select',
    { class: 's117-select', id: o.id, name: o.id },
    o.options.map((opt) => h('option', { value: opt.value, selected: o.value === undefined ? opt.value === UNKNOWN : o.value === opt.value, text: opt.label })),
  );
  const $group = h('div', { class: 's117-form-group' });
  const slot = errorSlot($group, o.id, () => [$select]);
  append($group, [h('label', { class: 's117-label s117-label--s', for: o.id, text: o.label }), slot.$msg, $select]);
  return {
    el: $group,
    input: $select,
    focusId: () => o.id,
    get() {
      return { value: $select.value === UNKNOWN ? undefined : $select.value };
    },
    setError: slot.set,
  };
}

/** The methods this part adds to S117Checker. */
class AdviserPart {
  /**
   * The adviser view's "Screen many enquiries": a heading and a button; the screen (./screen/screen.js) is imported
   * and mounted only when the button is first pressed. It sits after the `.s117` root, not in it, because the
   * widget's reset would undo screen.css there; and it is kept while the adviser form is redrawn.
   */
  _renderScreenSection() {
    if (!this.adviser) {
      if (this._screenHost) {
        if (this._screen) this._screen.destroy();
        this._screenHost.remove();
        this._screenHost = null;
        this._screen = null;
      }
      return;
    }
    if (this._screenHost) return;
    const headingId = `${this._uid}-screen-heading`;
    const bodyId = `${this._uid}-screen-body`;
    const $body = h('div', { class: 's117-screen-host__body', id: bodyId, hidden: true });
    const slot = coreSlot({ loading: t('widget.screen.loading'), failed: t('widget.screen.failed') });
    const $button = h('button', { class: 's117-button s117-button--secondary js-s117-screen-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': bodyId, text: t('widget.screen.open') });
    let attempts = 0;
    let loading = false;
    const mount = async () => {
      if (this._screen || loading) return;
      loading = true;
      slot.loading();
      attempts += 1;
      try {
        // After a failed attempt, a new URL: a module whose fetch failed stays failed under its URL.
        const mod = await import(attempts === 1 ? SCREEN_URL.href : `${SCREEN_URL.href}?attempt=${attempts}`);
        this._screen = mod.mountScreen($body, { asAt: this.asAt, labelledBy: headingId });
        slot.clear();
        this._announce(t('widget.screen.opened'));
      } catch (err) {
        slot.error(() => mount());
        this.dispatchEvent(new CustomEvent('s117-error', { bubbles: true, composed: true, detail: { message: err && err.message ? err.message : String(err), kind: 'screen' } }));
      } finally {
        loading = false;
      }
    };
    $button.addEventListener('click', () => {
      const open = $button.getAttribute('aria-expanded') !== 'true';
      $button.setAttribute('aria-expanded', String(open));
      $button.textContent = open ? t('widget.screen.close') : t('widget.screen.open');
      $body.hidden = !open;
      if (open) mount();
      else slot.clear();
    });
    this._screenHost = h(
      'section',
      { class: 's117-screen-host', 'aria-labelledby': headingId },
      h('div', { class: 's117 s117--adviser s117-screen-host__head', lang: 'en-GB' },
        h('h2', { class: 's117-heading-m', id: headingId, text: t('widget.screen.heading') }),
        h('p', { class: 's117-body', text: t('widget.screen.intro') }),
        h('div', { class: 's117-button-group' }, $button),
        slot.el),
      $body,
    );
    this.$root.after(this._screenHost);
  }

  _renderAdviser(focus) {
    this._forgetWaiting();
    const active = this.ownerDocument.activeElement;
    const activeId = active && this.contains(active) ? active.id : null;
    this.$page.textContent = '';
    const iv = this._interview();
    const headingId = `${this._uid}-adviser-heading`;
    const $form = h('form', { class: 's117-form s117-adviser__form', novalidate: true, 'aria-labelledby': headingId });
    this._adv = [];
    this._advPaths = '';
    const groups = [];
    if (iv) {
      this._advPaths = iv.form.map((q) => q.path).join('|');
      for (const q of iv.form) {
        // "Another stay?" closes the stay before it.
        const another = /^detentions\[(\d+)\]$/.exec(q.path);
        const stay = another ? [null, String(Number(another[1]) - 1)] : /^detentions\[(\d+)\]\./.exec(q.path);
        const charge = /^charges\[(\d+)\]\./.exec(q.path);
        const key = stay ? `stay-${stay[1]}` : charge ? `charge-${charge[1]}` : 'now';
        const title = stay ? t('widget.adviser.stay', { n: Number(stay[1]) + 1 }) : charge ? t('widget.caption.charge', { n: Number(charge[1]) + 1 }) : t('widget.adviser.now');
        let group = groups.find((g) => g.key === key);
        if (!group) groups.push((group = { key, title, fields: [] }));
        const control = this._adviserControl(q);
        this._adv.push({ path: q.path, control });
        group.fields.push(control.el);
      }
    }
    append($form, [
      h('h2', { class: 's117-heading-m js-s117-focus', id: headingId, tabindex: '-1', text: t('widget.adviser.heading') }),
      h('p', { class: 's117-hint', text: t('widget.adviser.hint') }),
      iv ? null : h('p', { class: 's117-body', text: t('widget.adviser.form_waits') }),
      groups.map((g) => h('fieldset', { class: 's117-fieldset s117-adviser__group' },
        h('legend', { class: 's117-fieldset__legend s117-fieldset__legend--m', text: g.title }),
        h('div', { class: 's117-adviser__grid' }, g.fields))),
    ]);
    $form.addEventListener('input', debounce(() => this._adviserEvaluate(false), 250));
    $form.addEventListener('change', () => this._adviserEvaluate(true));
    $form.addEventListener('submit', (e) => {
      e.preventDefault();
      this._adviserEvaluate(true);
    });
    this.$result = h('div', { class: 's117-adviser__result-body' });
    this._advSlot = coreSlot();
    this.$page.append(h('div', { class: 's117-adviser' }, $form, h('div', { class: 's117-adviser__result' }, this._advSlot.el, this.$result)));
    if (!iv) this._need(() => this._renderAdviser(false), { slot: this._advSlot });
    else this._adviserEvaluate(false);
    const $again = activeId ? this.querySelector(`#${CSS.escape(activeId)}`) : null;
    if ($again) $again.focus();
    else if (focus) $form.querySelector('.js-s117-focus').focus();
  }

  /** The dense control for one question of the interview: a select, a one-box date, a combobox or a text box. */
  _adviserControl(q) {
    const id = this._id(q.path);
    const value = q.answer === undefined || q.answer === null ? '' : q.answer;
    switch (q.kind) {
      case 'choice':
      case 'yes_no':
      case 'yes_no_not_sure':
        return selectField({ id, label: adviserLabel(q), options: [{ value: UNKNOWN, label: adviserBlank(q) }, ...q.options.filter((o) => o.value !== 'not_sure').map(adviserOption)], value: value || undefined });
      case 'date':
        return dateBox({ id, label: adviserLabel(q), value });
      case 'council':
      case 'nhs_body':
        return comboField({
          id,
          label: adviserLabel(q),
          options: () => this._opts && (q.kind === 'council' ? this._opts.councils.all : this._opts.nhs),
          load: () => this._whenCore(),
          listName: q.kind === 'council' ? t('widget.combobox.list_councils') : t('widget.combobox.list_nhs_bodies'),
          value,
          note: q.kind === 'council' ? (v) => (this._opts ? this._opts.districtNote(v) : null) : undefined,
        });
      default:
        return textField({ id, label: adviserLabel(q), value, maxlength: 200, inputmode: q.kind === 'money' ? 'decimal' : undefined });
    }
  }

  /** Reads the adviser form into the answers: every field shown is answered (blank: not known). */
  _adviserRead() {
    for (const b of this._adv || []) {
      const r = b.control.get();
      this._a[b.path] = r.value === undefined || r.value === null ? '' : String(r.value).trim();
    }
    this._persist();
  }

  /** Reads, checks and shows the result beside the form (adviser view); redraws the form when it asks more or less. */
  _adviserEvaluate(showErrors) {
    if (!this._adv) return;
    for (const b of this._adv) b.control.setError(null);
    this._adviserRead();
    if (!this._core || !this._hasPart('answer')) {
      // Shown until the rules have loaded; then the result replaces it.
      this.$result.textContent = '';
      this.$result.append(h('h3', { class: 's117-heading-m', text: t('widget.adviser.result') }));
      this._need(() => this._adviserEvaluate(showErrors), { slot: this._advSlot, parts: ['answer'] });
      return;
    }
    const iv = this._interview();
    if (iv.form.map((q) => q.path).join('|') !== this._advPaths) {
      this._renderAdviser(false);
      return;
    }
    const result = this._evaluate();
    const previous = this._shownEntitlement;
    this.$result.textContent = '';
    const errors = [];
    for (const q of iv.form) {
      if (!q.invalid) continue;
      const b = this._adv.find((x) => x.path === q.path);
      errors.push({ id: b ? b.control.focusId() : '', message: t('widget.adviser.field_error', { label: adviserLabel(q), error: q.error }), binding: b, field: q.path });
    }
    if (!result.ok) {
      for (const err of result.errors) {
        const b = this._adv.find((x) => x.path === err.field);
        errors.push({ id: b ? b.control.focusId() : '', message: err.message, binding: b, field: err.field });
      }
    }
    for (const e of errors) if (e.binding) e.binding.control.setError(e.message);
    if (errors.length) {
      const summary = this._errorSummary();
      this.$result.append(summary.el);
      summary.show(errors, false);
    }
    if (result.ok) {
      this.$result.append(this._decisionView(result.decision, true), this._letterSlot(result.decision) || '');
      if (previous !== undefined && previous !== result.decision.entitlement) this._announce(t('widget.adviser.updated', { result: this._entitlementText(result.decision.entitlement) }));
      this._shownEntitlement = result.decision.entitlement;
    } else {
      this.$result.append(h('p', { class: 's117-body', text: t('widget.adviser.fix_problems') }));
    }
  }
}
