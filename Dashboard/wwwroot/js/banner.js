// The banner slot under the header, for messages about the whole site, such as
// "Open access — sign-in is off" when the server runs without sign-in.

import { setAttr, setText } from './dom.js';

/** Shows the banner ("info" or "warning"); an empty text hides it. */
export function showBanner(text, kind = 'info') {
  const banner = document.getElementById('banner');
  setText(banner, text ?? '');
  setAttr(banner, 'data-kind', kind);
  setAttr(banner, 'hidden', !text);
}
