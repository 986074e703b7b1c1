// What every tank view shares: the state badge (colour, icon and text) and the level fill.
// The colours come from CSS on [data-tank-state]; see app.css.

import { levelFraction, setAttr, setStyle, setText } from '../dom.js';
import { TANK_STATES, number, tankState } from '../format.js';
import { t } from '../i18n.js';

/** Markup of a badge; give it data-slot="badge" where it is used. */
export const BADGE_HTML = `<span class="badge" data-slot="badge"><span class="badge-icon" aria-hidden="true"></span><span class="badge-text"></span></span>`;

/** Sets the state on the component's root (for its colours) and fills the badge. Returns the state. */
export function showState(root, badge, rawState) {
  const state = tankState(rawState);
  setAttr(root, 'data-tank-state', state);
  const { icon, label } = TANK_STATES[state];
  setText(badge.firstElementChild, icon);
  setText(badge.lastElementChild, label);
  return state;
}

/** Fills a bar or gauge (the stylesheet sizes it by --level) and labels it for screen readers. */
export function showLevel(el, levelPct, words) {
  setStyle(el, '--level', levelFraction(levelPct));
  setAttr(el, 'aria-label', words);
}

/** "Level 63 percent" for screen readers; for an offline or faulty tank, "…, last known". */
export function levelWords(levelPct, state) {
  if (typeof levelPct !== 'number') return t('level.unknown');
  const words = t('level.words', { pct: number(levelPct) });
  return state === 'offline' || state === 'fault' ? t('level.lastKnown', { words }) : words;
}
