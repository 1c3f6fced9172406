// <s117-checker>, around the questions: the quick exit ("Exit this page", and Shift pressed 3 times) and the tools
// under every page (save the answers to a file, load them, print a summary of them, clear them), Change and Remove
// for each stay on "Check your answers", with the tab's storage that never throws.

import { S117AnswersError, append, coreSlot, download, h, longDate, mixin, ordinal, t, vh } from './s117-controls.js';

/** Where the quick exit goes unless the host names another page. */
const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** sessionStorage that never throws (it can be missing or blocked in private modes and sandboxed frames). */
export const session = {
  /** @param {string} key */
  get(key) {
    try {
      const raw = window.sessionStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  },
  /** @param {string} key @param {any} value */
  set(key, value) {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },
  /** @param {string} key */
  remove(key) {
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      /* nothing stored, nothing to remove */
    }
  },
};

/** The quick exit and the tools, as methods of the element. */
class Tools {
  _exitUrl() {
    const value = (this.getAttribute('quick-exit') || '').trim();
    if (value) {
      try {
        const url = new URL(value, document.baseURI);
        if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
      } catch {
        /* not a URL: use the default */
      }
    }
    return DEFAULT_EXIT_URL;
  }

  _renderExit() {
    this.$exit.textContent = '';
    // `exit-button="none"`: the host page draws the button (the iframe mode); Shift 3 times still works here.
    if (!this.hasAttribute('quick-exit') || this.getAttribute('exit-button') === 'none') return;
    const url = this._exitUrl();
    this.$exit.append(
      h(
        'div',
        { class: 's117-exit-this-page' },
        h('a', { class: 's117-button s117-button--warning s117-exit-this-page__button', href: url, rel: 'nofollow noreferrer', onclick: (e) => this._exit(e) }, vh(t('widget.exit.emergency')), t('widget.exit.button')),
        h('span', { class: 's117-exit-this-page__hint', text: t('widget.exit.hint') }),
      ),
    );
  }

  /**
   * Leaves at once for a neutral site, replacing this page in the history. The answers are removed from this tab
   * too, so coming back to the page does not show them to someone else.
   */
  _exit(event) {
    if (event) event.preventDefault();
    const url = this._exitUrl();
    this._persist.cancel();
    session.remove(this._storageKey());
    this.$root.classList.add('s117--exiting');
    try {
      (window.top || window).location.replace(url);
    } catch {
      window.location.replace(url);
    }
  }

  _onKeydown(event) {
    if (event.key !== 'Shift') {
      this._exitCount = 0;
      return;
    }
    if (event.repeat) return;
    const now = Date.now();
    if (now - this._exitLast > 5000) this._exitCount = 0;
    this._exitLast = now;
    this._exitCount += 1;
    if (this._exitCount >= 3) {
      this._exitCount = 0;
      this._exit(null);
    }
  }

  _renderTools() {
    this.$tools.textContent = '';
    const fileId = `${this._uid}-load`;
    const $fileError = h('p', { class: 's117-error-message', role: 'alert', hidden: true });
    const $file = h('input', { class: 's117-file-input', id: fileId, type: 'file', accept: 'application/json,.json' });
    $file.addEventListener('change', async () => {
      const file = $file.files && $file.files[0];
      $fileError.hidden = true;
      if (!file) return;
      try {
        if (file.size > 1_000_000) throw new S117AnswersError(t('widget.tools.too_large'));
        let parsed;
        try {
          parsed = JSON.parse(await file.text());
        } catch {
          throw new S117AnswersError(t('widget.tools.not_answers'));
        }
        this._needCore(() => {
          try {
            this._loadAnswers(parsed, 'file');
            this._announce((this.adviser ? t('widget.adviser.tools.loaded') : t('widget.tools.loaded')));
          } catch (err) {
            showFileError(err);
          }
        }, toolsSlot);
      } catch (err) {
        showFileError(err);
      } finally {
        $file.value = '';
      }
    });
    const showFileError = (err) => {
      $fileError.textContent = '';
      append($fileError, [vh(t('widget.page.error_prefix')), t('widget.tools.load_failed', { reason: err.message })]);
      $fileError.hidden = false;
    };
    const toolsSlot = coreSlot();
    const $confirm = h('div', { class: 's117-tools__confirm', hidden: true });
    const $clear = h('button', {
      class: 's117-button s117-button--secondary s117-tools__button',
      type: 'button',
      text: (this.adviser ? t('widget.adviser.tools.clear') : t('widget.tools.clear')),
      onclick: () => {
        $confirm.hidden = false;
        $clear.hidden = true;
        $confirm.querySelector('button').focus();
      },
    });
    append($confirm, [
      h('p', { class: 's117-body', text: (this.adviser ? t('widget.adviser.tools.clear_confirm') : t('widget.tools.clear_confirm')) }),
      h('div', { class: 's117-button-group' },
        h('button', { class: 's117-button s117-button--warning', type: 'button', text: (this.adviser ? t('widget.adviser.tools.clear_yes') : t('widget.tools.clear_yes')), onclick: () => { this.clear(); this._announce((this.adviser ? t('widget.adviser.tools.cleared') : t('widget.tools.cleared'))); } }),
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: t('widget.tools.cancel'), onclick: () => { $confirm.hidden = true; $clear.hidden = false; $clear.focus(); } }),
      ),
    ]);
    this.$tools.append(
      h('h2', { class: 's117-heading-s', text: (this.adviser ? t('widget.adviser.tools.heading') : t('widget.tools.heading')) }),
      h('p', { class: 's117-body s117-tools__note', text: (this.adviser ? t('widget.adviser.tools.note') : t('widget.tools.note')) }),
      h('p', { class: 's117-body s117-tools__note', text: (this.adviser ? t('widget.adviser.tools.file_what') : t('widget.tools.file_what')) }),
      h('p', { class: 's117-body s117-tools__note', text: (this.adviser ? t('widget.adviser.tools.file_how') : t('widget.tools.file_how')) }),
      h(
        'div',
        { class: 's117-button-group s117-tools__buttons' },
        h('button', { class: 's117-button s117-button--secondary s117-tools__button', type: 'button', text: t('widget.tools.save'), onclick: () => this._saveToFile() }),
        h('span', { class: 's117-file-upload' }, $file, h('label', { class: 's117-button s117-button--secondary s117-tools__button s117-file-upload__label', for: fileId, text: t('widget.tools.load') })),
        $clear,
      ),
      $fileError,
      toolsSlot.el,
      $confirm,
      this.adviser ? null : h('p', { class: 's117-body s117-tools__note', text: t('widget.tools.print_what') }),
      this.adviser ? null : h('div', { class: 's117-button-group' },
        h('button', { class: 's117-button s117-button--secondary s117-tools__button js-s117-print', type: 'button', text: t('widget.tools.print'), onclick: () => this._printAnswers(toolsSlot) })),
    );
  }

  /**
   * Prints a summary of the answers: "Check your answers" (shown first, with a history entry, so Back returns to
   * where the person was), with everything else on the page hidden in print (s117-checker.css, `s117--print-answers`).
   */
  _printAnswers(slot) {
    this._need(() => {
      if (this._step !== 'check') this._go('check', false);
      const $heading = h('p', { class: 's117-print-only s117-heading-m', text: t('widget.tools.print_heading', { date: longDate(this.asAt) }) });
      this.$page.prepend($heading);
      this.$root.classList.add('s117--print-answers');
      this.$page.classList.add('s117-page--print');
      const done = () => {
        this.$root.classList.remove('s117--print-answers');
        this.$page.classList.remove('s117-page--print');
        $heading.remove();
        window.removeEventListener('afterprint', done);
      };
      window.addEventListener('afterprint', done);
      window.print();
    }, { slot, parts: ['answer'] });
  }

  /**
   * "Change" and "Remove" for a stay on "Check your answers" (`key`: its group, `stay-<index>`): Change goes to the
   * stay's first question and back to "Check your answers"; Remove (when there is more than one stay) asks first,
   * then forgets every answer about that stay and renumbers the later ones. Null for any other group.
   * @param {string} key
   */
  _stayActions(key) {
    const match = /^stay-(\d+)$/.exec(key);
    if (!match) return null;
    const index = Number(match[1]);
    const n = ordinal(index + 1);
    const first = (this._pages().find((p) => p.questions.some((q) => q.path === `detentions[${index}].detained_in`)) || {}).key;
    const $confirm = h('div', { class: 's117-stay-actions__confirm', hidden: true });
    const $buttons = h('div', { class: 's117-stay-actions__buttons' },
      first ? h('button', { class: 's117-link-button', type: 'button', onclick: () => { this._returnTo = 'check'; this._go(first); } }, t('widget.stay.change'), vh(t('widget.stay.what', { n }))) : null,
      this._stayCount() > 1
        ? h('button', {
            class: 's117-link-button',
            type: 'button',
            onclick: () => {
              $confirm.hidden = false;
              $buttons.hidden = true;
              $confirm.querySelector('button').focus();
            },
          }, t('widget.stay.remove'), vh(t('widget.stay.what', { n })))
        : null);
    append($confirm, [
      h('p', { class: 's117-body', text: t('widget.stay.remove_confirm', { n }) }),
      h('div', { class: 's117-button-group' },
        h('button', { class: 's117-button s117-button--warning', type: 'button', text: t('widget.stay.remove_yes'), onclick: () => this._removeStay(index) }),
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: t('widget.tools.cancel'), onclick: () => { $confirm.hidden = true; $buttons.hidden = false; $buttons.querySelector('button').focus(); } })),
    ]);
    return h('div', { class: 's117-stay-actions' }, $buttons, $confirm);
  }

  /** How many stays the answers hold. */
  _stayCount() {
    let count = 0;
    for (const path of Object.keys(this._a)) {
      const m = /^detentions\[(\d+)\]\./.exec(path);
      if (m) count = Math.max(count, Number(m[1]) + 1);
    }
    return count;
  }

  /**
   * Forgets every answer about stay `index` and renumbers the later stays (`detentions[i]`, "another stay?", moves
   * with the stay it opens; the last one, "no more", stays last). Then "Check your answers" again.
   * @param {number} index
   */
  _removeStay(index) {
    const count = this._stayCount();
    if (count < 2 || index >= count) return;
    const given = {};
    for (const [path, text] of Object.entries(this._a)) {
      const m = /^detentions\[(\d+)\](.*)$/.exec(path);
      if (!m) {
        given[path] = text;
        continue;
      }
      const i = Number(m[1]);
      const rest = m[2];
      if (rest === '') {
        // "Another stay?" before stay i (i >= 1); the one after the last stay (i === count) keeps its place at the end.
        if (i === count) given[`detentions[${count - 1}]`] = text;
        else if (i > index && i - 1 >= 1) given[`detentions[${i - 1}]`] = text;
        else if (i < index) given[path] = text;
        continue;
      }
      if (i === index) continue;
      given[`detentions[${i > index ? i - 1 : i}]${rest}`] = text;
    }
    this._a = given;
    this._decision = null;
    this._letterResult = null;
    this._checkErrors = null;
    this._go('check');
    this._announce(t('widget.stay.removed', { n: ordinal(index + 1) }));
  }

  _saveToFile() {
    const json = `${JSON.stringify(this.answers, null, 2)}\n`;
    download(`s117-answers-${this.asAt}.json`, json, 'application/json');
    this._announce((this.adviser ? t('widget.adviser.tools.saved') : t('widget.tools.saved')));
  }
}

/**
 * Adds the quick exit's and the tools' methods to the element's class.
 * @param {typeof HTMLElement} Checker
 */
export function installTools(Checker) {
  mixin(Checker, Tools);
}
