// Small DOM helpers. A component builds its static markup once from a template and keeps the
// elements it fills ("slots"); a live update then only touches the text or attribute that changed,
// so numbers change in place with no re-render and no flicker. Static words in markup carry
// data-i18n="key" (and data-i18n-aria-label etc.) and are put in the page's language once.

import { translate } from './i18n.js';

/**
 * A factory of elements from static markup. Never put data in the markup: fill it in with
 * setText/setAttr, which cannot inject HTML.
 */
export function template(html) {
  const tpl = document.createElement('template');
  tpl.innerHTML = html.trim();
  translate(tpl.content);
  return () => tpl.content.firstElementChild.cloneNode(true);
}

/** The elements marked data-slot="name" inside root, by name. */
export function slots(root) {
  const found = {};
  for (const el of root.querySelectorAll('[data-slot]')) found[el.dataset.slot] = el;
  return found;
}

export function setText(el, text) {
  const value = String(text);
  if (el.textContent !== value) el.textContent = value;
}

/** Sets an attribute, or removes it for null/undefined/false; writes nothing when unchanged. */
export function setAttr(el, name, value) {
  if (value == null || value === false) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
    return;
  }
  const text = value === true ? '' : String(value);
  if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

export function setStyle(el, property, value) {
  if (el.style.getPropertyValue(property) !== value) el.style.setProperty(property, value);
}

/** A level 0–100 as a CSS length for a bar or gauge; null shows as empty. */
export function levelFraction(pct) {
  const v = typeof pct === 'number' && Number.isFinite(pct) ? Math.min(100, Math.max(0, pct)) : 0;
  return `${v}%`;
}
