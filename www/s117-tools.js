// <s117-checker>, around the questions: the quick exit ("Exit this page", and Shift pressed 3 times) and the tools
// under every page (save the answers to a file, load them, clear them), with the tab's storage that never throws.

import { append, coreSlot, download, h, mixin, t, vh } from './s117-controls.js';
import { S117AnswersError } from './s117-checker.js';

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
    if (!this.hasAttribute('quick-exit')) return;
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
            this._announce(t('widget.tools.loaded'));
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
      text: t('widget.tools.clear'),
      onclick: () => {
        $confirm.hidden = false;
        $clear.hidden = true;
        $confirm.querySelector('button').focus();
      },
    });
    append($confirm, [
      h('p', { class: 's117-body', text: t('widget.tools.clear_confirm') }),
      h('div', { class: 's117-button-group' },
        h('button', { class: 's117-button s117-button--warning', type: 'button', text: t('widget.tools.clear_yes'), onclick: () => { this.clear(); this._announce(t('widget.tools.cleared')); } }),
        h('button', { class: 's117-button s117-button--secondary', type: 'button', text: t('widget.tools.cancel'), onclick: () => { $confirm.hidden = true; $clear.hidden = false; $clear.focus(); } }),
      ),
    ]);
    this.$tools.append(
      h('h2', { class: 's117-heading-s', text: t('widget.tools.heading') }),
      h('p', { class: 's117-body s117-tools__note', text: t('widget.tools.note') }),
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
    );
  }

  _saveToFile() {
    const json = `${JSON.stringify(this.answers, null, 2)}\n`;
    download(`s117-answers-${this.asAt}.json`, json, 'application/json');
    this._announce(t('widget.tools.saved'));
  }
}

/**
 * Adds the quick exit's and the tools' methods to the element's class.
 * @param {typeof HTMLElement} Checker
 */
export function installTools(Checker) {
  mixin(Checker, Tools);
}
