// The banner slot under the header, for messages about the whole site, such as "Open access — sign-in
// is off" when the server runs without sign-in. It takes one line (a short text on phones, where the
// whole sentence would take a seventh of the screen) and can be hidden for the rest of the session.

import { setAttr, setText } from './dom.js';
import { t } from './i18n.js';

const TEXT = { hide: t('banner.hide'), hideLabel: t('banner.hideLabel') };
const DISMISSED = 'campwater.banner.dismissed';

function dismissed(key) {
  try {
    return sessionStorage.getItem(DISMISSED) === key;
  } catch {
    return false; // storage blocked: the banner simply comes back on the next page load
  }
}

/**
 * Shows the banner ("info" or "warning"); an empty text hides it. short: the one-line text for
 * phones; key: names the message, so that hiding it lasts for the session.
 */
export function showBanner(text, kind = 'info', { short = text, key = text } = {}) {
  const banner = document.getElementById('banner');
  const hidden = !text || dismissed(key);
  setAttr(banner, 'data-kind', kind);
  setAttr(banner, 'hidden', hidden);
  if (hidden) return;
  const full = document.createElement('span');
  full.className = 'banner-text';
  full.textContent = text;
  const brief = document.createElement('span');
  brief.className = 'banner-short';
  brief.setAttribute('aria-hidden', 'true'); // screen readers get the whole sentence
  setText(brief, short);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'banner-close';
  close.textContent = TEXT.hide;
  close.setAttribute('aria-label', TEXT.hideLabel);
  close.addEventListener('click', () => {
    try {
      sessionStorage.setItem(DISMISSED, key);
    } catch {
      // nothing to keep it in: it is hidden on this page only
    }
    setAttr(banner, 'hidden', true);
  });
  banner.replaceChildren(full, brief, close);
}
