// <s117-checker>, its letter: the details form, the letter from the core, and Print, Copy and the downloads.
// Imported by s117-checker.js when a result that offers a letter is first shown, never before.
//
// Not a module to import yourself: `install()` adds these methods to the element's class; the helpers it shares
// with s117-checker.js come from s117-controls.js. The house rules of s117-checker.js hold here too (user text only as textContent).
// Every word comes from the catalogue through `t()` (src/messages/en_gb/result.rs, `result.…`); the letter's own
// words come from the core.

import {
  UNKNOWN, append, checkboxes, clean, dateField, debounce, download, getPath, h, longDate, mixin, radios, setPath,
  t, textField, vh,
} from './s117-controls.js';

/**
 * Adds this part's methods to the element's class.
 * @param {typeof HTMLElement} Checker the class to add them to
 */
export function install(Checker) {
  mixin(Checker, LetterPart);
}

// The tables below hold message ids (literal, so the meta test sees each one used); `words()` reads their words when
// the form is drawn.

const LETTER_TO = [
  { value: 'both', label: 'result.letter_to.both' },
  { value: 'council', label: 'result.letter_to.council' },
  { value: 'nhs', label: 'result.letter_to.nhs' },
  { value: 'each', label: 'result.letter_to.each' },
];

/**
 * The heading of each of several letters, by the kind of its first addressee (the core's `AddresseeKind`): "Letter
 * 1 of 2: to the council".
 */
const LETTER_OF = { council: 'result.letter.of_council', nhs_body: 'result.letter.of_nhs_body' };

/** The letter's tones (the core's `letter::Tone`); the core says which it recommends for the decision. */
const LETTER_TONES = [
  { value: 'first_request', label: 'result.letter_tone.first_request', hint: 'result.letter_tone.first_request_hint' },
  { value: 'formal_complaint', label: 'result.letter_tone.formal_complaint', hint: 'result.letter_tone.formal_complaint_hint' },
  { value: 'letter_before_claim', label: 'result.letter_tone.letter_before_claim', hint: 'result.letter_tone.letter_before_claim_hint' },
];

const LETTER_OPTIONS = [
  { key: 'personal_health_budget', label: 'result.letter_option.personal_health_budget' },
  { key: 'direct_payments', label: 'result.letter_option.direct_payments' },
  { key: 'advocate', label: 'result.letter_option.advocate' },
  { key: 'copy_of_records', label: 'result.letter_option.copy_of_records' },
];

const AUTHORITIES = [
  { value: 'consent', label: 'result.authority.consent', hint: 'result.authority.consent_hint' },
  { value: 'lasting_power_of_attorney', label: 'result.authority.lasting_power_of_attorney' },
  { value: 'deputy', label: 'result.authority.deputy' },
  { value: 'other', label: 'result.authority.something_else', hint: 'result.authority.something_else_hint' },
  { value: UNKNOWN, label: 'result.authority.unknown' },
];

/**
 * Words that say how someone is related rather than who they are ("my father", "Dad", "the person"): never put in
 * the letter as a name. Matched on the words, never shown.
 */
const RELATION_START = /^(?:my|our|his|her|their|the|a|an)\s/i;
const RELATIONS = new Set([
  'dad', 'daddy', 'mum', 'mummy', 'mom', 'mam', 'father', 'mother', 'parent', 'son', 'daughter', 'child', 'brother',
  'sister', 'husband', 'wife', 'partner', 'grandad', 'granddad', 'grandpa', 'grandma', 'granny', 'gran', 'nan',
  'nana', 'grandson', 'granddaughter', 'uncle', 'aunt', 'auntie', 'cousin', 'nephew', 'niece', 'friend', 'client',
  'patient', 'person', 'stepfather', 'stepmother', 'stepson', 'stepdaughter', 'carer', 'neighbour',
]);

/**
 * Does the way the answers refer to the person look like their name ("Robert", "Robert Hall"), and not a relation
 * ("my father", "Dad")? Only a name is put in the letter's "full name" box for them.
 * @param {string} text
 */
export function looksLikeName(text) {
  const s = String(text || '').trim();
  if (!s || RELATION_START.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.some((w) => RELATIONS.has(w.toLowerCase().replace(/[^a-z]/g, '')))) return false;
  return /^\p{Lu}/u.test(s) && words.every((w) => /^\p{L}[\p{L}'’.-]*$/u.test(w));
}

/** Options from a table above with their words: `label` and `hint` read from the catalogue (by `say`, in the result's voice). */
function words(options, say = t) {
  return options.map((o) => ({ ...o, label: say(o.label), ...(o.hint ? { hint: say(o.hint) } : {}) }));
}

/** The methods this part adds to S117Checker. */
class LetterPart {
  /** The letter's request, from the answers and the details form. */
  _letterRequest() {
    const L = this._letterState;
    const person = clean(L.person) || {};
    const writer = L.for_other ? clean(L.writer) || {} : null;
    const options = {};
    for (const o of LETTER_OPTIONS) options[o.key] = Boolean(L.options && L.options[o.key]);
    options.tone = LETTER_TONES.some((o) => o.value === L.tone) ? L.tone : this._recommendedTone();
    options.annex = Boolean(L.annex);
    return { case: this._voiced(this.answers), details: { person, writer }, to: L.to || 'both', date: this.asAt, options };
  }

  /** The tone the core recommends for this decision (a letter before claim only for an ending still in time). */
  _recommendedTone() {
    const key = JSON.stringify([this.answers, this.asAt]);
    if (this._toneFor && this._toneFor.key === key) return this._toneFor.tone;
    let tone = 'first_request';
    try {
      const result = this._core.wasm.letter({ case: this._voiced(this.answers), details: {}, to: 'both', date: this.asAt, options: {} });
      const got = result && result.ok && result.letters && result.letters[0] && result.letters[0].recommended_tone;
      if (LETTER_TONES.some((o) => o.value === got)) tone = got;
    } catch {
      /* the default */
    }
    this._toneFor = { key, tone };
    return tone;
  }

  /**
   * When someone else is filling this in (or in the adviser view), the letter is written for the person: "I am
   * writing for someone else" ticked, and their full name filled in where the answers give a name (never "my
   * father"). Done once for each way the answers refer to the person, so the writer's own changes stand.
   */
  _letterDefaults() {
    const about = this._voiceName();
    const L = this._letterState;
    if (!about || L.voice_from === about) return;
    const person = { ...(L.person || {}) };
    if (!person.name && looksLikeName(about)) person.name = about;
    this._letterState = { ...L, voice_from: about, for_other: true, person };
    this._persist();
  }

  /** The letter's section under a result that offers one (s117-answer.js's `_letterSlot` decides). */
  _letterSection(decision) {
    this._letterDefaults();
    const compact = this.adviser;
    const headingId = `${this._uid}-letter-heading`;
    const $section = h('section', { class: 's117-letter-section', 'aria-labelledby': headingId });
    $section.append(
      h(compact ? 'h3' : 'h2', { class: compact ? 's117-heading-m' : 's117-heading-l', id: headingId, text: t('result.letter.heading') }),
      h('p', { class: 's117-body', text: this._t('result.letter.intro') }),
    );
    const L = this._letterState;
    const id = (p) => `${this._uid}-letter-${p}`;
    const text = (key, label, extra = {}) => textField({ id: id(key.replace(/\./g, '-')), label, value: getPath(L, key), ...extra });
    const fields = {
      'person.name': text('person.name', t('result.letter_field.person_name'), { autocomplete: 'name', spellcheck: false, ...(this._voiceName() ? { hint: t('result.letter_field.person_name_hint') } : {}) }),
      'person.address': text('person.address', t('result.letter_field.person_address'), { textarea: true, rows: 4, autocomplete: 'street-address' }),
      'person.nhs_number': text('person.nhs_number', t('result.letter_field.person_nhs_number'), { width: '10', inputmode: 'numeric', hint: this._t('result.letter_field.person_nhs_number_hint'), spellcheck: false }),
      'person.phone': text('person.phone', t('result.letter_field.person_phone'), { type: 'tel', autocomplete: 'tel', width: '20' }),
      'person.email': text('person.email', t('result.letter_field.person_email'), { type: 'email', autocomplete: 'email', spellcheck: false }),
      'writer.name': text('writer.name', t('result.letter_field.writer_name'), { spellcheck: false }),
      'writer.relationship': text('writer.relationship', t('result.letter_field.writer_relationship'), { hint: t('result.letter_field.writer_relationship_hint') }),
      'writer.address': text('writer.address', t('result.letter_field.writer_address'), { textarea: true, rows: 4 }),
      'writer.phone': text('writer.phone', t('result.letter_field.writer_phone'), { type: 'tel', width: '20' }),
      'writer.email': text('writer.email', t('result.letter_field.writer_email'), { type: 'email', spellcheck: false }),
    };
    const dob = dateField({ id: id('person-date_of_birth'), legend: t('result.letter_field.date_of_birth'), subject: t('result.letter_field.date_of_birth_subject'), value: L.person && L.person.date_of_birth, optional: true, example: '31 3 1980' });
    const to = radios({ id: id('to'), legend: t('result.letter.to_legend'), options: words(LETTER_TO), value: L.to || 'both', small: true });
    // The tone, with the one the core recommends first chosen and marked.
    const recommended = this._recommendedTone();
    const toneOptions = words(LETTER_TONES, (id) => this._t(id)).map((o) => (o.value === recommended && o.value !== 'first_request'
      ? { ...o, label: t('result.letter_tone.recommended', { tone: o.label }), hint: t('result.letter_tone.letter_before_claim_recommended_hint') }
      : o));
    const tone = radios({ id: id('tone'), legend: t('result.letter.tone_legend'), hint: t('result.letter.tone_hint'), options: toneOptions, value: LETTER_TONES.some((o) => o.value === L.tone) ? L.tone : recommended, small: true });
    const annex = checkboxes({ id: id('annex'), legend: t('result.letter.annex_legend'), small: true, options: [{ key: 'annex', label: t('result.letter.annex_label'), hint: t('result.letter.annex_hint'), checked: Boolean(L.annex) }] });
    const authority = radios({
      id: id('writer-authority'),
      legend: t('result.letter.authority_legend'),
      hint: t('result.letter.authority_hint'),
      options: words(AUTHORITIES),
      value: (L.writer && L.writer.authority) || (L.for_other && L.writer && 'authority' in L.writer ? UNKNOWN : undefined),
      small: true,
    });
    const writerReveal = h('div', null, ['writer.name', 'writer.relationship'].map((k) => fields[k].el), authority.el, ['writer.address', 'writer.phone', 'writer.email'].map((k) => fields[k].el));
    const forOther = checkboxes({ id: id('for_other'), options: [{ key: 'for_other', label: t('result.letter.for_other'), checked: Boolean(L.for_other), reveal: writerReveal }] });
    const opts = checkboxes({ id: id('options'), legend: t('result.letter.options_legend'), hint: t('result.letter.options_hint'), small: true, options: words(LETTER_OPTIONS).map((o) => ({ ...o, checked: Boolean(L.options && L.options[o.key]) })) });
    const read = () => {
      const next = { ...L, person: {}, writer: {}, options: {} };
      for (const [key, f] of Object.entries(fields)) setPath(next, key, f.get().value);
      setPath(next, 'writer.authority', authority.get().value);
      const d = dob.get();
      if (!d.error) setPath(next, 'person.date_of_birth', d.value);
      next.to = to.get().value || 'both';
      next.tone = tone.get().value || recommended;
      next.annex = Boolean(annex.get().value.annex);
      next.for_other = Boolean(forOther.get().value.for_other);
      next.options = opts.get().value;
      this._letterState = next;
      this._persist();
      return d;
    };
    const summary = this._errorSummary();
    const $out = h('div', { class: 's117-letter-output' });
    const $form = h(
      'form',
      { class: 's117-form s117-letter-form', novalidate: true, 'aria-labelledby': headingId },
      summary.el,
      to.el,
      tone.el,
      h('fieldset', { class: 's117-fieldset' },
        h('legend', { class: 's117-fieldset__legend s117-fieldset__legend--m', text: t('result.letter.person_legend') }),
        h('p', { class: 's117-hint', text: t('result.letter.person_hint') }),
        fields['person.name'].el,
        dob.el,
        fields['person.address'].el,
        fields['person.nhs_number'].el,
        fields['person.phone'].el,
        fields['person.email'].el),
      forOther.el,
      opts.el,
      annex.el,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button', type: 'submit', text: L.generated ? t('result.letter.update') : t('result.letter.create') })),
    );
    $form.addEventListener('input', debounce(read, 300));
    $form.addEventListener('change', () => read());
    $form.addEventListener('submit', (e) => {
      e.preventDefault();
      dob.setError(null);
      const d = read();
      if (d.error) {
        dob.setError(d.error);
        summary.show([{ id: dob.focusId(), message: d.error }]);
        return;
      }
      summary.show([]);
      this._letterState.generated = true;
      this._persist();
      $form.querySelector('button[type="submit"]').textContent = t('result.letter.update');
      this._showLetter($out, true);
    });
    $section.append($form, $out);
    if (L.generated) this._showLetter($out, false);
    return $section;
  }

  /** Renders the letter from the core, with its actions. */
  _showLetter($out, focus) {
    $out.textContent = '';
    const wasm = this._core.wasm;
    const request = this._letterRequest();
    let result;
    try {
      result = wasm.letter(request);
    } catch (err) {
      result = { ok: false, errors: [{ message: String(err && err.message ? err.message : err) }] };
    }
    if (!result || !result.ok) {
      $out.append(h('div', { class: 's117-inset-text', role: 'alert' }, h('p', { class: 's117-body', text: t('result.letter.failed') }), h('ul', { class: 's117-list s117-list--bullet' }, ((result && result.errors) || []).map((e) => h('li', { text: e.message })))));
      return;
    }
    this._letterResult = result;
    // One letter, or two for "A separate letter to each".
    const letters = result.letters;
    const several = letters.length > 1;
    const notes = [...new Set(letters.flatMap((l) => (l && l.notes) || []))];
    const replyBy = letters[0] && letters[0].reply_by;
    // How to send it: the same for every letter of one request, links once each.
    const how = letters[0] && letters[0].how_to_send;
    const links = [];
    for (const l of letters) for (const link of (l.how_to_send && l.how_to_send.links) || []) if (!links.some((k) => k.url === link.url)) links.push(link);
    const previewId = `${this._uid}-letter-preview`;
    const $status = h('p', { class: 's117-body s117-letter-status', role: 'status' });
    const $actions = h(
      'div',
      { class: 's117-button-group s117-letter-actions' },
      h('button', { class: 's117-button s117-button--secondary', type: 'button', onclick: () => window.print() }, t('result.letter.print'), vh(` ${several ? t('result.letter.print_what_both') : t('result.letter.print_what_one')}`)),
      h('button', {
        class: 's117-button s117-button--secondary',
        type: 'button',
        text: t('result.letter.copy'),
        'aria-label': several ? t('result.letter.copy_both') : null,
        onclick: async () => {
          const ok = await copyText(result.text, this.$root);
          if (ok) $status.textContent = several ? t('result.letter.copied_both') : t('result.letter.copied_one');
          else $status.textContent = several ? t('result.letter.copy_failed_both') : t('result.letter.copy_failed_one');
        },
      }),
      h('button', { class: 's117-button s117-button--secondary', type: 'button', onclick: () => { download(`s117-letter-${this.asAt}.txt`, result.text, 'text/plain;charset=utf-8'); $status.textContent = several ? t('result.letter.downloaded_txt_both') : t('result.letter.downloaded_txt_one'); } }, t('result.letter.download_txt'), vh(` ${several ? t('result.letter.download_txt_what_both') : t('result.letter.download_txt_what_one')}`)),
      h('button', {
        class: 's117-button s117-button--secondary',
        type: 'button',
        onclick: () => {
          try {
            const bytes = wasm.letterDocx(this._letterRequest());
            download(`s117-letter-${this.asAt}.docx`, new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
            $status.textContent = several ? t('result.letter.downloaded_docx_both') : t('result.letter.downloaded_docx_one');
          } catch (err) {
            $status.textContent = t('result.letter.docx_failed', { error: err && err.message ? err.message : err });
          }
        },
      }, t('result.letter.download_docx'), vh(` ${several ? t('result.letter.download_docx_what_both') : t('result.letter.download_docx_what_one')}`))
    );
    // Two letters: each under its own heading (not printed), and each printed from a new page (s117-checker.css).
    const shown = several
      ? letters.flatMap((l, n) => {
          const kind = l.addressees && l.addressees[0] && l.addressees[0].kind;
          const of = Object.prototype.hasOwnProperty.call(LETTER_OF, kind) ? LETTER_OF[kind] : 'result.letter.of_other';
          const headingId = `${previewId}-${n + 1}-heading`;
          return [
            h('h4', { class: 's117-heading-s s117-letter-of', id: headingId, text: t(of, { number: n + 1, total: letters.length }) }),
            renderLetter(l, `${previewId}-${n + 1}`, { labelledBy: headingId, headings: 'h5' }),
          ];
        })
      : [renderLetter(letters[0], previewId)];
    append($out, [
      h('h3', { class: 's117-heading-m js-s117-letter-heading', tabindex: '-1', text: several ? t('result.letter.heading_both') : t('result.letter.heading_one') }),
      several ? h('p', { class: 's117-body', text: t('result.letter.two_letters') }) : null,
      replyBy ? h('p', { class: 's117-body', text: t(several ? 'result.letter.reply_by_both' : 'result.letter.reply_by_one', { date: longDate(replyBy) }) }) : null,
      notes.length
        ? h('div', { class: 's117-inset-text s117-letter-notes' }, h('p', { class: 's117-body' }, h('strong', { text: t('result.letter.notes_heading') })), h('ul', { class: 's117-list s117-list--bullet' }, notes.map((n) => h('li', { text: n }))))
        : null,
      how ? howToSend(how, links) : null,
      $actions,
      $status,
      ...shown,
    ]);
    if (focus) $out.querySelector('.js-s117-letter-heading').focus();
  }
}

/** Text lines from a value of unknown shape (the letter's addressees and signature). */
function linesOf(value) {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split('\n');
  if (Array.isArray(value)) return value.flatMap(linesOf);
  if (typeof value === 'object') {
    const ordered = ['name', 'title', 'lines', 'address', 'email'];
    const keys = [...ordered.filter((k) => k in value), ...Object.keys(value).filter((k) => !ordered.includes(k) && typeof value[k] === 'string' && !/code|ods|kind/.test(k))];
    return keys.flatMap((k) => linesOf(value[k]));
  }
  return [String(value)];
}

/** A paragraph whose lines are kept (user text, so textContent and <br>, never HTML). */
function linesParagraph(lines, cls) {
  const $p = h('p', { class: cls });
  lines.forEach((line, n) => {
    if (n) $p.append(h('br'));
    $p.append(line);
  });
  return $p;
}

/**
 * The letter, from the core's blocks, in the order of its text and .docx versions: sender, date, addressees (each
 * with a line for its address, and why it is written to when that needs saying), subject, body, footer.
 * Everything is text: names and addresses typed by the person included.
 * @param {any} letter the core's letter
 * @param {string} id the article's id
 * @param {{ labelledBy?: string, headings?: string }} [opts] a heading that names it (else it is "Letter"), and the
 *   element for its headings (h4, or h5 under a heading for each of several letters)
 */
function renderLetter(letter, id, { labelledBy, headings = 'h4' } = {}) {
  const $letter = h('article', labelledBy ? { class: 's117-letter', id, 'aria-labelledby': labelledBy } : { class: 's117-letter', id, 'aria-label': t('result.letter.label') });
  if (letter.sender && letter.sender.length) $letter.append(linesParagraph(linesOf(letter.sender), 's117-letter__sender'));
  if (letter.date) $letter.append(h('p', { class: 's117-letter__date', text: /^\d{4}-\d{2}-\d{2}$/.test(letter.date) ? longDate(letter.date) : letter.date }));
  const addressees = Array.isArray(letter.addressees) ? letter.addressees : letter.addressees ? [letter.addressees] : [];
  const addressee = (a) => {
    if (!a || typeof a !== 'object' || Array.isArray(a)) return linesParagraph(linesOf(a), 's117-letter__addressee');
    return h('div', { class: `s117-letter__addressee${a.kind ? ` s117-letter__addressee--${String(a.kind).replace(/_/g, '-')}` : ''}` },
      linesParagraph([a.department, a.name].filter(Boolean), 's117-letter__addressee-lines'),
      a.why ? h('p', { class: 's117-letter__addressee-why', text: `(${a.why})` }) : null);
  };
  if (addressees.length) $letter.append(h('div', { class: 's117-letter__addressees' }, addressees.map(addressee)));
  if (letter.subject) $letter.append(h('p', { class: 's117-letter__subject' }, h('strong', { text: letter.subject })));
  appendBlocks($letter, letter.blocks, headings);
  // The annex of legal grounds, when asked for: printed on a page of its own (s117-checker.css).
  if (Array.isArray(letter.annex) && letter.annex.length) {
    const $annex = h('div', { class: 's117-letter__annex' });
    appendBlocks($annex, letter.annex, headings);
    $letter.append($annex);
  }
  if (letter.footer) $letter.append(linesParagraph(linesOf(letter.footer), 's117-letter__footer'));
  return $letter;
}

/** The letter's blocks (the core's `Block`s), as text: headings, paragraphs, lists and the signature. */
function appendBlocks($el, blocks, headings) {
  for (const block of blocks || []) {
    if (block.type === 'heading') $el.append(h(headings, { class: 's117-letter__heading', text: block.text }));
    else if (block.type === 'paragraph') $el.append(linesParagraph(String(block.text || '').split('\n'), 's117-letter__paragraph'));
    else if (block.type === 'list') $el.append(h(block.ordered ? 'ol' : 'ul', { class: `s117-letter__list${block.ordered ? ' s117-letter__list--ordered' : ''}` }, (block.items || []).map((item) => h('li', { text: typeof item === 'string' ? item : linesOf(item).join(' ') }))));
    else if (block.type === 'signature') $el.append(linesParagraph(linesOf(block.lines), 's117-letter__signature'));
    else if (block.text) $el.append(h('p', { class: 's117-letter__paragraph', text: block.text }));
  }
}

/**
 * "How to send it", from the core (notes for the person, not part of the letter, so never printed with it): the
 * steps, then the links (GOV.UK only; the core holds no postal or email address).
 */
function howToSend(how, links) {
  const safe = links.filter((l) => l && typeof l.url === 'string' && /^https:\/\/www\.gov\.uk\//.test(l.url));
  return h('div', { class: 's117-letter-send' },
    h('h4', { class: 's117-heading-s', text: how.heading }),
    h('ul', { class: 's117-list s117-list--bullet' },
      ((how.steps || []).map((step) => h('li', { text: step }))),
      safe.map((l) => h('li', null, h('a', { class: 's117-link', href: l.url, rel: 'noopener noreferrer', target: '_blank', text: t('result.letter.link_new_tab', { text: l.text }) })))));
}

/** Copies text: the async clipboard API, or a hidden textarea and execCommand where that is not available. */
async function copyText(text, $host) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back below */
  }
  const $area = h('textarea', { class: 's117-copy-buffer', readOnly: true, 'aria-hidden': 'true', tabindex: '-1' });
  $area.value = text;
  $host.append($area);
  $area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  $area.remove();
  return ok;
}
