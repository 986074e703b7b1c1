// The page's language: every word the UI shows comes from a catalogue, i18n/{en,ar,fr}.json, a flat
// object of keys and templates with named arguments ("{count} tanks") that a translator edits
// without reading code. A key missing in a language falls back to English, then to the key itself.
//
// The language is the person's choice (kept in this browser and, once signed in, on the server),
// else the browser's language, else English. Arabic is written right to left: <html lang dir>
// follows the language. Digits are Western by default (as Syrian WASH reports write them) or
// Arabic-Indic (٠١٢٣) by choice, through Intl's numbering system. Changing either reloads the page,
// so that every module formats with the new language from its start.

export const LANGUAGES = ['en', 'ar', 'fr'];
const RTL = new Set(['ar']);
const LANG_KEY = 'campwater.lang';
const DIGITS_KEY = 'campwater.digits';
export const DIGITS = ['latn', 'arab'];

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the browser's language then
  }
}

function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // nothing to keep it in: the choice lasts for this page only
  }
}

/** The first supported language among the browser's, else English. */
export function browserLanguage(list = navigator.languages ?? [navigator.language]) {
  for (const tag of list) {
    const base = String(tag ?? '').toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

const chosen = stored(LANG_KEY);
export const lang = LANGUAGES.includes(chosen) ? chosen : browserLanguage();
export const dir = RTL.has(lang) ? 'rtl' : 'ltr';
export const digits = DIGITS.includes(stored(DIGITS_KEY)) ? stored(DIGITS_KEY) : 'latn';
/** The locale for Intl: the language with the chosen digits ("ar-u-nu-latn"). */
export const locale = `${lang}-u-nu-${digits}`;

document.documentElement.lang = lang;
document.documentElement.dir = dir;

async function load(language) {
  try {
    const response = await fetch(`i18n/${language}.json`);
    return response.ok ? await response.json() : {};
  } catch {
    return {}; // neither network nor cache: English keys show, never a blank page
  }
}

const [texts, english] = await Promise.all([load(lang), lang === 'en' ? Promise.resolve(null) : load('en')]);
const fallback = english ?? texts;

const plurals = new Intl.PluralRules(lang);
const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

/** True when the catalogue (or English) has the key. */
export const has = (key) => key in texts || key in fallback;

function template(key) {
  return texts[key] ?? fallback[key] ?? key;
}

/**
 * The text of a key with its {name} arguments filled in. With a numeric `count` argument the key's
 * plural form is used when the catalogue has one: "tanks.one", "tanks.two", "tanks.few", "tanks.other"
 * (by Intl.PluralRules: Arabic has six forms, French and English two). Numbers given as arguments are
 * written in the page's digits.
 */
export function t(key, args) {
  let text;
  if (args && typeof args.count === 'number') {
    const form = plurals.select(args.count);
    const exact = `${key}.${form}`;
    text = exact in texts ? texts[exact] : `${key}.other` in texts ? texts[`${key}.other`]
      : fallback[`${key}.${new Intl.PluralRules('en').select(args.count)}`] ?? fallback[`${key}.other`] ?? template(key);
  } else {
    text = template(key);
  }
  if (!args) return text;
  return text.replace(/\{([A-Za-z0-9_-]+)\}/g, (whole, name) => {
    if (!(name in args)) return whole;
    const value = args[name];
    return typeof value === 'number' ? numberFormat.format(value) : String(value ?? '');
  });
}

/** A text as one unit in a line of the other direction, its own direction from its first letter (U+2068 … U+2069). */
export const isolate = (text) => (dir === 'rtl' ? `\u2068${text}\u2069` : text);

/** Fills every [data-i18n] element's text (and data-i18n-{attr} attributes) in static markup. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const attr of ['aria-label', 'placeholder', 'title']) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
  }
  return root;
}

/** Keeps the choice and reloads the page in it. */
export function choose(language, numbering = digits) {
  if (!LANGUAGES.includes(language)) return;
  store(LANG_KEY, language);
  if (DIGITS.includes(numbering)) store(DIGITS_KEY, numbering);
  document.cookie = `campwater.lang=${language}; path=/; max-age=31536000; samesite=lax`;
  if (language !== lang || numbering !== digits) location.reload();
}

/** The signed-in person's language, kept on the server, wins over this browser's when it differs. */
export function adopt(serverLanguage) {
  if (LANGUAGES.includes(serverLanguage) && serverLanguage !== lang && stored(LANG_KEY) !== serverLanguage) choose(serverLanguage);
}

document.cookie = `campwater.lang=${lang}; path=/; max-age=31536000; samesite=lax`;
