// <s117-checker>, its adviser view (`mode="adviser"`): every question on one dense screen, the result beside it,
// and the "Screen many enquiries" section (which imports ./screen/screen.js when opened).
// Imported by s117-checker.js only when the adviser view is shown.
//
// Not a module to import yourself: `install()` adds these methods to the element's class, with the helpers they
// share with s117-checker.js. The house rules of s117-checker.js hold here too (user text only as textContent).

/** What this part uses of s117-checker.js, handed over by `install()`. */
let ENDING_REASONS, HOSPITAL_COUNTRIES, LEAVINGS, LIVED_COUNTRIES, LIVES_NOW_COUNTRIES, SECTIONS, UNKNOWN, append,
  checkboxes, comboField, coreSlot, debounce, errorSlot, h, isContractDate, newStay, setPath, textField, vh;

/**
 * Adds this part's methods to the element's class.
 * @param {typeof HTMLElement} Checker the class to add them to
 * @param {Record<string, any>} kit the helpers of s117-checker.js
 */
export function install(Checker, kit) {
  ({
    ENDING_REASONS, HOSPITAL_COUNTRIES, LEAVINGS, LIVED_COUNTRIES, LIVES_NOW_COUNTRIES, SECTIONS, UNKNOWN,
    append, checkboxes, comboField, coreSlot, debounce, errorSlot, h, isContractDate, newStay, setPath,
    textField, vh
  } = kit);
  kit.mixin(Checker, AdviserPart);
}

/** The screen of many enquiries (adviser view), imported only when it is opened. */
const SCREEN_URL = new URL('./screen/screen.js', import.meta.url);

/**
 * Reads a date typed in one box (adviser view): 2023-05-14, 2023-05, 2023, 14/5/2023, 5/2023.
 * @param {string} s
 * @returns {string|undefined|null} the contract date, undefined when blank, null when not a date
 */
function parseLooseDate(s) {
  const t = s.trim();
  if (!t) return undefined;
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(t);
  let y;
  let mo;
  let d;
  if (m) [, y, mo, d] = m;
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t))) [, d, mo, y] = m;
  else if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(t))) [, mo, y] = m;
  else return null;
  const out = [y, mo && mo.padStart(2, '0'), d && d.padStart(2, '0')].filter(Boolean).join('-');
  return isContractDate(out) ? out : null;
}

/** A one-box date for the adviser view. */
function looseDateField(o) {
  const f = textField({ id: o.id, label: o.label, value: o.value, width: '10', spellcheck: false, inputmode: 'text', hint: o.hint });
  f.input.setAttribute('placeholder', 'YYYY-MM-DD');
  return {
    ...f,
    get() {
      const v = parseLooseDate(f.input.value);
      if (v === null) return { error: `${o.label}: enter a date like 2023-05-14, 14/5/2023, 2023-05 or 2023` };
      return { value: v };
    },
  };
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
    const slot = coreSlot({ loading: 'Loading the screen…', failed: 'Sorry, the screen could not be loaded.' });
    const $button = h('button', { class: 's117-button s117-button--secondary js-s117-screen-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': bodyId, text: 'Open the screen' });
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
        this._announce('The screen is open. Choose a file of enquiries.');
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
      $button.textContent = open ? 'Close the screen' : 'Open the screen';
      $body.hidden = !open;
      if (open) mount();
      else slot.clear();
    });
    this._screenHost = h(
      'section',
      { class: 's117-screen-host', 'aria-labelledby': headingId },
      h('div', { class: 's117 s117--adviser s117-screen-host__head', lang: 'en-GB' },
        h('h2', { class: 's117-heading-m', id: headingId, text: 'Screen many enquiries' }),
        h('p', { class: 's117-body', text: 'For advice services and law firms: check a whole file of enquiries at once (CSV, or JSON Lines of cases), with the same rules as this checker. The file is read in this browser and nothing is sent anywhere.' }),
        h('div', { class: 's117-button-group' }, $button),
        slot.el),
      $body,
    );
    this.$root.after(this._screenHost);
  }

  _renderAdviser(focus) {
    this._forgetWaiting();
    this.$page.textContent = '';
    const c = this._c;
    if (!c.detentions.length) c.detentions.push(newStay());
    for (const d of c.detentions) {
      if (!d.detained_in) d.detained_in = 'england';
      if (!d.lived_before) d.lived_before = {};
      if (!d.lived_before.country) d.lived_before.country = 'england';
    }
    this._adv = [];
    const bind = (path, control, apply) => {
      this._adv.push({ path, control, apply });
      return control.el;
    };
    const id = (p) => this._id(p);
    const headingId = `${this._uid}-adviser-heading`;
    const $form = h('form', { class: 's117-form s117-adviser__form', novalidate: true, 'aria-labelledby': headingId });
    const $stays = c.detentions.map((d, i) => this._adviserStay(d, i, bind, id));
    const ln = c.lives_now || {};
    const ae = c.aftercare_ended || {};
    const charges = (c.charges || []).map((ch, k) => {
      const P = (n) => `charges[${k}].${n}`;
      return h(
        'fieldset',
        { class: 's117-fieldset s117-adviser__group' },
        h('legend', { class: 's117-fieldset__legend s117-fieldset__legend--s', tabindex: '-1', id: id(`charges[${k}]`), text: `Charge ${k + 1}` }),
        h('div', { class: 's117-adviser__grid' },
          bind(P('what'), textField({ id: id(P('what')), label: 'What for', value: ch.what, maxlength: 200 })),
          bind(P('since'), looseDateField({ id: id(P('since')), label: 'Since', value: ch.since })),
          bind(P('until'), looseDateField({ id: id(P('until')), label: 'Until (blank: continues)', value: ch.until })),
          bind(P('chosen_dearer_placement_with_written_agreement'), singleCheckbox({ id: id(P('chosen_dearer_placement_with_written_agreement')), label: 'Top-up for a chosen dearer placement, agreed in writing', checked: ch.chosen_dearer_placement_with_written_agreement === true }))),
        h('button', { class: 's117-button s117-button--secondary s117-button--small', type: 'button', onclick: () => this._adviserStructure(() => this._c.charges.splice(k, 1), 'add-charge') }, 'Remove', vh(` charge ${k + 1}`)),
      );
    });
    append($form, [
      h('h2', { class: 's117-heading-m js-s117-focus', id: headingId, tabindex: '-1', text: 'Case details' }),
      h('p', { class: 's117-hint', text: 'Every change is checked at once. Dates may be exact (2023-05-14 or 14/5/2023), a month (2023-05) or a year (2023). List stays oldest first. For section 17 leave, “Left hospital” is the day the leave began. “Placed there by” is a council that arranged where the person lived.' }),
      $stays,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button s117-button--secondary s117-button--small js-s117-add-stay', type: 'button', text: 'Add a stay', onclick: () => this._adviserStructure(() => this._c.detentions.push({ detained_in: 'england', section: 'unknown', lived_before: { country: 'england' } }), `detentions[${c.detentions.length}]`) })),
      h('fieldset', { class: 's117-fieldset s117-adviser__group' },
        h('legend', { class: 's117-fieldset__legend s117-fieldset__legend--m', text: 'Now and since leaving hospital' }),
        h('div', { class: 's117-adviser__grid' },
          bind('lives_now.country', selectField({ id: id('lives_now.country'), label: 'Lives now', options: [{ value: UNKNOWN, label: 'Not given' }, ...LIVES_NOW_COUNTRIES], value: ln.country })),
          bind('lives_now.council', comboField({ id: id('lives_now.council'), label: 'Council now', options: () => this._opts && this._opts.councils.all, load: () => this._whenCore(), listName: 'councils', value: ln.council, note: (v) => (this._opts ? this._opts.districtNote(v) : null) })),
          bind('gp_icb_on_1_july_2022', comboField({ id: id('gp_icb_on_1_july_2022'), label: 'GP’s ICB on 1 July 2022', options: () => this._opts && this._opts.nhs, load: () => this._whenCore(), listName: 'NHS bodies', value: c.gp_icb_on_1_july_2022 })),
          bind('specialised_aftercare', singleCheckbox({ id: id('specialised_aftercare'), label: 'After-care includes an NHS England specialised service', checked: c.specialised_aftercare === true })),
          bind('aftercare_ended.reason', selectField({ id: id('aftercare_ended.reason'), label: 'After-care ended because', options: [{ value: UNKNOWN, label: 'Not ended' }, ...ENDING_REASONS], value: ae.reason })),
          bind('aftercare_ended.date', looseDateField({ id: id('aftercare_ended.date'), label: 'Told it ended on', value: ae.date })),
          bind('aftercare_ended.joint_written_decision', selectField({ id: id('aftercare_ended.joint_written_decision'), label: 'Joint written decision', options: [{ value: UNKNOWN, label: 'Not known' }, { value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }], value: ae.joint_written_decision === undefined ? undefined : String(ae.joint_written_decision) }), (obj, v) => setPath(obj, 'aftercare_ended.joint_written_decision', v === undefined ? undefined : v === 'true')),
        )),
      h('fieldset', { class: 's117-fieldset s117-adviser__group' },
        h('legend', { class: 's117-fieldset__legend s117-fieldset__legend--m', text: 'Charges for care' }),
        charges.length ? charges : h('p', { class: 's117-body', text: 'No charges entered.' }),
        h('div', { class: 's117-button-group' }, h('button', { class: 's117-button s117-button--secondary s117-button--small', type: 'button', text: 'Add a charge', onclick: () => this._adviserStructure(() => { this._c.charges = this._c.charges || []; this._c.charges.push({}); }, `charges[${(c.charges || []).length}]`) }))),
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
    this._adviserEvaluate(false);
    if (focus) $form.querySelector('.js-s117-focus').focus();
  }

  _adviserStay(d, i, bind, id) {
    const P = (n) => `detentions[${i}].${n}`;
    const lb = d.lived_before || {};
    const recallOptions = [
      { value: UNKNOWN, label: 'Not a recall' },
      { value: 'cto_revoked', label: 'CTO recall, order revoked' },
      { value: 'cto_recall_not_revoked', label: 'CTO recall, not revoked' },
      { value: 'conditional_discharge_recall', label: 'Conditional discharge recall' },
    ];
    return h(
      'fieldset',
      { class: 's117-fieldset s117-adviser__group s117-adviser__stay' },
      h('legend', { class: 's117-fieldset__legend s117-fieldset__legend--m', tabindex: '-1', id: id(`detentions[${i}]`), text: `Stay ${i + 1}` }),
      h('div', { class: 's117-adviser__grid' },
        bind(P('detained_in'), selectField({ id: id(P('detained_in')), label: 'Hospital in', options: HOSPITAL_COUNTRIES, value: d.detained_in })),
        bind(P('section'), selectField({ id: id(P('section')), label: 'Section', options: SECTIONS.map((o) => ({ value: o.value, label: o.label })), value: d.section || 'unknown' })),
        bind(P('recall'), selectField({ id: id(P('recall')), label: 'Recall', options: recallOptions, value: d.recall })),
        bind(P('admitted'), looseDateField({ id: id(P('admitted')), label: 'Admitted', value: d.admitted })),
        bind(P('leaving'), selectField({ id: id(P('leaving')), label: 'How it ended', options: [{ value: UNKNOWN, label: 'Not known' }, ...LEAVINGS.filter((o) => o.value !== UNKNOWN)], value: d.leaving })),
        bind(P('section_ended'), looseDateField({ id: id(P('section_ended')), label: 'Section ended', value: d.section_ended })),
        bind(P('left_hospital'), looseDateField({ id: id(P('left_hospital')), label: 'Left hospital', value: d.left_hospital })),
        bind(P('cto_ended'), looseDateField({ id: id(P('cto_ended')), label: 'CTO ended', value: d.cto_ended })),
        bind(P('lived_before.country'), selectField({ id: id(P('lived_before.country')), label: 'Lived before in', options: LIVED_COUNTRIES, value: lb.country })),
        bind(P('lived_before.council'), comboField({ id: id(P('lived_before.council')), label: 'Council lived in before', options: () => this._opts && this._opts.councils.all, load: () => this._whenCore(), listName: 'councils', value: lb.council, note: (v) => (this._opts ? this._opts.districtNote(v) : null) })),
        bind(P('lived_before.placed_by'), comboField({ id: id(P('lived_before.placed_by')), label: 'Placed there by', options: () => this._opts && this._opts.councils.all, load: () => this._whenCore(), listName: 'councils', value: lb.placed_by })),
        bind(P('gp_icb'), comboField({ id: id(P('gp_icb')), label: 'GP’s ICB at admission', options: () => this._opts && this._opts.nhs, load: () => this._whenCore(), listName: 'NHS bodies', value: d.gp_icb })),
        bind(P('hospital'), textField({ id: id(P('hospital')), label: 'Hospital name', value: d.hospital, maxlength: 200 })),
        h('div', { class: 's117-adviser__checks' },
          bind(P('lived_before.lacked_capacity'), singleCheckbox({ id: id(P('lived_before.lacked_capacity')), label: 'Lacked capacity to decide where to live', checked: lb.lacked_capacity === true })),
          bind(P('lived_before.required_by_discharge_condition'), singleCheckbox({ id: id(P('lived_before.required_by_discharge_condition')), label: 'Residence required by a discharge condition', checked: lb.required_by_discharge_condition === true })),
          bind(P('lived_before.informal_in_hospital_after_losing_home'), singleCheckbox({ id: id(P('lived_before.informal_in_hospital_after_losing_home')), label: 'Informal in-patient whose home had gone', checked: lb.informal_in_hospital_after_losing_home === true })),
          bind(P('nhs_england_secure_service'), singleCheckbox({ id: id(P('nhs_england_secure_service')), label: 'Secure service arranged by NHS England', checked: d.nhs_england_secure_service === true })))),
      this._c.detentions.length > 1
        ? h('button', { class: 's117-button s117-button--secondary s117-button--small', type: 'button', onclick: () => this._adviserStructure(() => this._c.detentions.splice(i, 1), 'add-stay') }, 'Remove', vh(` stay ${i + 1}`))
        : null,
    );
  }

  /** Applies a change to the number of stays or charges, keeping what has been typed, and redraws the form. */
  _adviserStructure(change, focusPath) {
    this._adviserRead();
    change();
    this._decision = null;
    this._renderAdviser(false);
    const $target = focusPath === 'add-stay' ? this.querySelector('.js-s117-add-stay') : focusPath === 'add-charge' ? this.querySelector('.js-s117-focus') : this.querySelector(`#${CSS.escape(this._id(focusPath))}`);
    if ($target) $target.focus();
  }

  /** Reads the adviser form into the answers; returns the fields that could not be read. */
  _adviserRead() {
    const c = { detentions: this._c.detentions.map(() => ({ lived_before: {} })) };
    if (this._c.charges && this._c.charges.length) c.charges = this._c.charges.map(() => ({}));
    const errors = [];
    for (const b of this._adv || []) {
      const r = b.control.get();
      if (r.error) {
        errors.push({ binding: b, message: r.error });
        continue;
      }
      if (b.apply) b.apply(c, r.value);
      else setPath(c, b.path, r.value);
    }
    if (c.lives_now && !c.lives_now.country) delete c.lives_now;
    if (c.aftercare_ended && !c.aftercare_ended.reason) delete c.aftercare_ended;
    if (c.charges) c.charges.forEach((ch) => { if (ch.chosen_dearer_placement_with_written_agreement === undefined) ch.chosen_dearer_placement_with_written_agreement = false; });
    this._c = c;
    this._persist();
    return errors;
  }

  /** Reads, checks and shows the result beside the form (adviser view). */
  _adviserEvaluate(showErrors) {
    if (!this._adv) return;
    for (const b of this._adv) b.control.setError(null);
    const readErrors = this._adviserRead();
    if (!this._core || !this._hasPart('answer')) {
      // Shown until the rules have loaded; then the result replaces it.
      this.$result.textContent = '';
      this.$result.append(h('h3', { class: 's117-heading-m', text: 'Result' }));
      this._need(() => this._adviserEvaluate(showErrors), { slot: this._advSlot, parts: ['answer'] });
      return;
    }
    const result = this._evaluate();
    const previous = this._shownEntitlement;
    this.$result.textContent = '';
    const errors = [];
    if (showErrors) for (const e of readErrors) errors.push({ id: e.binding.control.focusId(), message: e.message, binding: e.binding });
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
      if (previous !== undefined && previous !== result.decision.entitlement) this._announce(`Result updated: ${this._entitlementText(result.decision.entitlement)}.`);
      this._shownEntitlement = result.decision.entitlement;
    } else {
      this.$result.append(h('p', { class: 's117-body', text: 'Fix the problems above to see the result.' }));
    }
  }
}

/** A single checkbox (adviser view) that reads as true or undefined. */
function singleCheckbox(o) {
  const $input = h('input', { class: 's117-checkboxes__input', id: o.id, type: 'checkbox', checked: Boolean(o.checked) });
  const $group = h('div', { class: 's117-form-group s117-checkboxes s117-checkboxes--small' });
  const slot = errorSlot($group, o.id, () => [$input]);
  append($group, [slot.$msg, h('div', { class: 's117-checkboxes__item' }, $input, h('label', { class: 's117-label s117-checkboxes__label', for: o.id, text: o.label }))]);
  return { el: $group, input: $input, focusId: () => o.id, get: () => ({ value: $input.checked ? true : undefined }), setError: slot.set };
}
