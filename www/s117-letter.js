// <s117-checker>, its letter: the details form, the letter from the core, and Print, Copy and the downloads.
// Imported by s117-checker.js when a result that offers a letter is first shown, never before.
//
// Not a module to import yourself: `install()` adds these methods to the element's class, with the helpers they
// share with s117-checker.js. The house rules of s117-checker.js hold here too (user text only as textContent).

/** What this part uses of s117-checker.js, handed over by `install()`. */
let UNKNOWN, append, checkboxes, clean, dateField, debounce, download, getPath, h, longDate, radios, setPath,
  textField, vh;

/**
 * Adds this part's methods to the element's class.
 * @param {typeof HTMLElement} Checker the class to add them to
 * @param {Record<string, any>} kit the helpers of s117-checker.js
 */
export function install(Checker, kit) {
  ({
    UNKNOWN, append, checkboxes, clean, dateField, debounce, download, getPath, h, longDate, radios, setPath,
    textField, vh
  } = kit);
  kit.mixin(Checker, LetterPart);
}

/** What the letter prints where an address is to be written in by hand (the core's `letter::BLANK`). */
const LETTER_BLANK = '____________';

const LETTER_TO = [
  { value: 'both', label: 'The council and the NHS body' },
  { value: 'council', label: 'The council only' },
  { value: 'nhs', label: 'The NHS body only' },
  { value: 'each', label: 'A separate letter to each' },
];

/** Who a letter is to, by the kind of its first addressee (the core's `AddresseeKind`), for its heading. */
const LETTER_SIDE = { council: 'the council', nhs_body: 'the NHS body' };

const LETTER_OPTIONS = [
  { key: 'personal_health_budget', label: 'Ask about a personal health budget for the NHS part of my after-care' },
  { key: 'direct_payments', label: 'Ask about direct payments from the council' },
  { key: 'advocate', label: 'Ask for help from an independent advocate' },
  { key: 'copy_of_records', label: 'Ask for a copy of my after-care plan and the records about it' },
];

const AUTHORITIES = [
  { value: 'consent', label: 'They have given me their signed consent', hint: 'Enclose a copy with the letter.' },
  { value: 'lasting_power_of_attorney', label: 'I am their attorney under a lasting power of attorney for health and welfare' },
  { value: 'deputy', label: 'I am their deputy, appointed by the Court of Protection' },
  { value: 'other', label: 'Something else', hint: 'Enclose evidence of it with the letter.' },
  { value: UNKNOWN, label: 'None of these, or I’d rather not say' },
];

/** The methods this part adds to S117Checker. */
class LetterPart {
  /** The letter's request, from the answers and the details form. */
  _letterRequest() {
    const L = this._letterState;
    const person = clean(L.person) || {};
    const writer = L.for_other ? clean(L.writer) || {} : null;
    const options = {};
    for (const o of LETTER_OPTIONS) options[o.key] = Boolean(L.options && L.options[o.key]);
    return { case: this.answers, details: { person, writer }, to: L.to || 'both', date: this.asAt, options };
  }

  /** The letter's section under a result that offers one (s117-answer.js's `_letterSlot` decides). */
  _letterSection(decision) {
    const compact = this.adviser;
    const headingId = `${this._uid}-letter-heading`;
    const $section = h('section', { class: 's117-letter-section', 'aria-labelledby': headingId });
    $section.append(
      h(compact ? 'h3' : 'h2', { class: compact ? 's117-heading-m' : 's117-heading-l', id: headingId, text: 'Ask them to confirm in writing' }),
      h('p', { class: 's117-body', text: 'We can write a letter asking the council and the NHS body to confirm in writing whether you are owed section 117 after-care, who is responsible, and what happens next. You can print it, copy it into an email, or download it.' }),
    );
    const L = this._letterState;
    const id = (p) => `${this._uid}-letter-${p}`;
    const text = (key, label, extra = {}) => textField({ id: id(key.replace(/\./g, '-')), label, value: getPath(L, key), ...extra });
    const fields = {
      'person.name': text('person.name', 'Full name', { autocomplete: 'name', spellcheck: false }),
      'person.address': text('person.address', 'Address', { textarea: true, rows: 4, autocomplete: 'street-address' }),
      'person.nhs_number': text('person.nhs_number', 'NHS number (optional)', { width: '10', inputmode: 'numeric', hint: 'It is 10 digits long, for example 485 777 3456. It helps them find your records.', spellcheck: false }),
      'person.phone': text('person.phone', 'Phone number', { type: 'tel', autocomplete: 'tel', width: '20' }),
      'person.email': text('person.email', 'Email address', { type: 'email', autocomplete: 'email', spellcheck: false }),
      'writer.name': text('writer.name', 'Your full name', { spellcheck: false }),
      'writer.relationship': text('writer.relationship', 'Your relationship to them', { hint: 'For example, daughter, partner, advocate or solicitor.' }),
      'writer.address': text('writer.address', 'Your address', { textarea: true, rows: 4 }),
      'writer.phone': text('writer.phone', 'Your phone number', { type: 'tel', width: '20' }),
      'writer.email': text('writer.email', 'Your email address', { type: 'email', spellcheck: false }),
    };
    const dob = dateField({ id: id('person-date_of_birth'), legend: 'Date of birth', subject: 'Date of birth', value: L.person && L.person.date_of_birth, optional: true, example: '31 3 1980' });
    const to = radios({ id: id('to'), legend: 'Who should the letter go to?', options: LETTER_TO, value: L.to || 'both', small: true });
    const authority = radios({
      id: id('writer-authority'),
      legend: 'What gives you authority to act for them? (optional)',
      hint: 'The council and NHS may need this before they share information with you.',
      options: AUTHORITIES,
      value: (L.writer && L.writer.authority) || (L.for_other && L.writer && 'authority' in L.writer ? UNKNOWN : undefined),
      small: true,
    });
    const writerReveal = h('div', null, ['writer.name', 'writer.relationship'].map((k) => fields[k].el), authority.el, ['writer.address', 'writer.phone', 'writer.email'].map((k) => fields[k].el));
    const forOther = checkboxes({ id: id('for_other'), options: [{ key: 'for_other', label: 'I am writing for someone else', checked: Boolean(L.for_other), reveal: writerReveal }] });
    const opts = checkboxes({ id: id('options'), legend: 'What else should the letter ask for?', hint: 'Select all that apply.', small: true, options: LETTER_OPTIONS.map((o) => ({ ...o, checked: Boolean(L.options && L.options[o.key]) })) });
    const read = () => {
      const next = { ...L, person: {}, writer: {}, options: {} };
      for (const [key, f] of Object.entries(fields)) setPath(next, key, f.get().value);
      setPath(next, 'writer.authority', authority.get().value);
      const d = dob.get();
      if (!d.error) setPath(next, 'person.date_of_birth', d.value);
      next.to = to.get().value || 'both';
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
      h('fieldset', { class: 's117-fieldset' },
        h('legend', { class: 's117-fieldset__legend s117-fieldset__legend--m', text: 'Details of the person the letter is about' }),
        h('p', { class: 's117-hint', text: 'All optional. They help the council and NHS find the right records. They stay in this browser tab and are never sent anywhere by this checker.' }),
        fields['person.name'].el,
        dob.el,
        fields['person.address'].el,
        fields['person.nhs_number'].el,
        fields['person.phone'].el,
        fields['person.email'].el),
      forOther.el,
      opts.el,
      h('div', { class: 's117-button-group' }, h('button', { class: 's117-button', type: 'submit', text: L.generated ? 'Update the letter' : 'Create the letter' })),
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
      $form.querySelector('button[type="submit"]').textContent = 'Update the letter';
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
      $out.append(h('div', { class: 's117-inset-text', role: 'alert' }, h('p', { class: 's117-body', text: 'We could not write the letter from these answers:' }), h('ul', { class: 's117-list s117-list--bullet' }, ((result && result.errors) || []).map((e) => h('li', { text: e.message })))));
      return;
    }
    this._letterResult = result;
    // One letter, or two for "A separate letter to each".
    const letters = result.letters;
    const several = letters.length > 1;
    const them = several ? 'both letters' : 'the letter';
    const notes = [...new Set(letters.flatMap((l) => (l && l.notes) || []))];
    const replyBy = letters[0] && letters[0].reply_by;
    const previewId = `${this._uid}-letter-preview`;
    const $status = h('p', { class: 's117-body s117-letter-status', role: 'status' });
    const $actions = h(
      'div',
      { class: 's117-button-group s117-letter-actions' },
      h('button', { class: 's117-button s117-button--secondary', type: 'button', onclick: () => window.print() }, 'Print', vh(several ? ' both letters' : ' the letter')),
      h('button', {
        class: 's117-button s117-button--secondary',
        type: 'button',
        text: 'Copy',
        'aria-label': several ? 'Copy both letters' : null,
        onclick: async () => {
          const ok = await copyText(result.text, this.$root);
          $status.textContent = ok ? `${several ? 'Both letters have' : 'The letter has'} been copied. You can paste ${several ? 'them' : 'it'} into an email or a document.` : `Copying did not work in this browser. Select the text of ${them} and copy it yourself.`;
        },
      }),
      h('button', { class: 's117-button s117-button--secondary', type: 'button', onclick: () => { download(`s117-letter-${this.asAt}.txt`, result.text, 'text/plain;charset=utf-8'); $status.textContent = `${several ? 'Both letters have' : 'The letter has'} been downloaded as a text file.`; } }, 'Download .txt', vh(several ? ' (both letters as one text file)' : ' (the letter as a text file)')),
      h('button', {
        class: 's117-button s117-button--secondary',
        type: 'button',
        onclick: () => {
          try {
            const bytes = wasm.letterDocx(this._letterRequest());
            download(`s117-letter-${this.asAt}.docx`, new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
            $status.textContent = several ? 'Both letters have been downloaded as one Word document, each starting on a new page.' : 'The letter has been downloaded as a Word document.';
          } catch (err) {
            $status.textContent = `We could not make the Word document: ${err && err.message ? err.message : err}`;
          }
        },
      }, 'Download .docx', vh(several ? ' (both letters as one Word document)' : ' (the letter as a Word document)'))
    );
    // Two letters: each under its own heading (not printed), and each printed from a new page (s117-checker.css).
    const shown = several
      ? letters.flatMap((l, n) => {
          const side = LETTER_SIDE[l.addressees && l.addressees[0] && l.addressees[0].kind] || 'one of the bodies';
          const headingId = `${previewId}-${n + 1}-heading`;
          return [
            h('h4', { class: 's117-heading-s s117-letter-of', id: headingId, text: `Letter ${n + 1} of ${letters.length}: to ${side}` }),
            renderLetter(l, `${previewId}-${n + 1}`, { labelledBy: headingId, headings: 'h5' }),
          ];
        })
      : [renderLetter(letters[0], previewId)];
    append($out, [
      h('h3', { class: 's117-heading-m js-s117-letter-heading', tabindex: '-1', text: several ? 'Your letters' : 'Your letter' }),
      several ? h('p', { class: 's117-body', text: `There is one letter to the council and one to the NHS body. Each says that the other has been sent. Print, copy or download them together.` }) : null,
      replyBy ? h('p', { class: 's117-body', text: `${several ? 'Both letters ask' : 'The letter asks'} for a reply by ${longDate(replyBy)}. Keep a copy, and note the date you send ${several ? 'them' : 'it'}.` }) : null,
      notes.length
        ? h('div', { class: 's117-inset-text s117-letter-notes' }, h('p', { class: 's117-body' }, h('strong', { text: 'Before you send it' })), h('ul', { class: 's117-list s117-list--bullet' }, notes.map((n) => h('li', { text: n }))))
        : null,
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
  const $letter = h('article', labelledBy ? { class: 's117-letter', id, 'aria-labelledby': labelledBy } : { class: 's117-letter', id, 'aria-label': 'Letter' });
  if (letter.sender && letter.sender.length) $letter.append(linesParagraph(linesOf(letter.sender), 's117-letter__sender'));
  if (letter.date) $letter.append(h('p', { class: 's117-letter__date', text: /^\d{4}-\d{2}-\d{2}$/.test(letter.date) ? longDate(letter.date) : letter.date }));
  const addressees = Array.isArray(letter.addressees) ? letter.addressees : letter.addressees ? [letter.addressees] : [];
  const addressee = (a) => {
    if (!a || typeof a !== 'object' || Array.isArray(a)) return linesParagraph(linesOf(a), 's117-letter__addressee');
    return h('div', { class: `s117-letter__addressee${a.kind ? ` s117-letter__addressee--${String(a.kind).replace(/_/g, '-')}` : ''}` },
      linesParagraph([a.department, a.name, LETTER_BLANK].filter(Boolean), 's117-letter__addressee-lines'),
      a.why ? h('p', { class: 's117-letter__addressee-why', text: `(${a.why})` }) : null);
  };
  if (addressees.length) $letter.append(h('div', { class: 's117-letter__addressees' }, addressees.map(addressee)));
  if (letter.subject) $letter.append(h('p', { class: 's117-letter__subject' }, h('strong', { text: letter.subject })));
  for (const block of letter.blocks || []) {
    if (block.type === 'heading') $letter.append(h(headings, { class: 's117-letter__heading', text: block.text }));
    else if (block.type === 'paragraph') $letter.append(linesParagraph(String(block.text || '').split('\n'), 's117-letter__paragraph'));
    else if (block.type === 'list') $letter.append(h(block.ordered ? 'ol' : 'ul', { class: `s117-letter__list${block.ordered ? ' s117-letter__list--ordered' : ''}` }, (block.items || []).map((item) => h('li', { text: typeof item === 'string' ? item : linesOf(item).join(' ') }))));
    else if (block.type === 'signature') $letter.append(linesParagraph(linesOf(block.lines), 's117-letter__signature'));
    else if (block.text) $letter.append(h('p', { class: 's117-letter__paragraph', text: block.text }));
  }
  if (letter.footer) $letter.append(linesParagraph(linesOf(letter.footer), 's117-letter__footer'));
  return $letter;
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
