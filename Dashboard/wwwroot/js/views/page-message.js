// The one place a view says "loading", "nothing here" or "that failed" (with a Retry button).

import { template } from '../dom.js';
import { t } from '../i18n.js';

const makeMessage = template(`
<div class="message" role="status">
  <p class="message-title"></p>
  <p class="message-detail muted"></p>
</div>`);

export function pageMessage(container) {
  function show(kind, title, detail = '', action = null) {
    const el = makeMessage();
    el.dataset.kind = kind;
    el.querySelector('.message-title').textContent = title;
    const detailEl = el.querySelector('.message-detail');
    if (detail) detailEl.textContent = detail;
    else detailEl.remove();
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = action.label;
      button.addEventListener('click', action.run);
      el.append(button);
    }
    container.replaceChildren(el);
  }

  return {
    loading: (text) => show('loading', text),
    info: (text, detail) => show('info', text, detail),
    /** A failed fetch; it is retried by itself, and the button retries at once. */
    error(title, err, retry) {
      const sentence = (text) => (/[.!?。؟]$/.test(text) ? text : `${text}${t('punct.stop')}`);
      const why = [err?.message ?? String(err), err?.detail].filter(Boolean).map(sentence).join(' ');
      show('error', title, `${why} ${t('message.retrying')}`, retry && { label: t('action.retryNow'), run: retry });
    },
    clear: () => container.replaceChildren(),
  };
}
