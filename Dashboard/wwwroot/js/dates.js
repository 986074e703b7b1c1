// Camp-local calendar dates as the API speaks them: "YYYY-MM-DD" strings, with no time zone.
// The arithmetic is done in UTC so that no device's own zone or daylight saving can shift a day.

import { locale as lang } from './i18n.js';

const toDate = (iso) => new Date(`${iso}T00:00:00Z`);
const toIso = (d) => d.toISOString().slice(0, 10);

export const isIsoDate = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text ?? '') && !Number.isNaN(toDate(text).getTime());

export function addDays(iso, days) {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** Whole days from a to b (b − a). */
export const daysBetween = (a, b) => Math.round((toDate(b) - toDate(a)) / 86_400_000);

/** "YYYY-MM" -> ["YYYY-MM-01", "YYYY-MM-{last}"] */
export function monthRange(month) {
  const first = `${month}-01`;
  const d = toDate(first);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return [first, toIso(d)];
}

const shortFmt = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longFmt = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "3 Nov" */
export const shortDate = (iso) => shortFmt.format(toDate(iso));
/** "Mon, 3 Nov 2026" */
export const longDate = (iso) => longFmt.format(toDate(iso));
/** "November 2026" */
export const monthName = (month) => monthFmt.format(toDate(`${month}-01`));

const shortDayFmt = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Thu, Dec 3": a day in a narrow column. */
export const shortDayDate = (iso) => shortDayFmt.format(toDate(iso));
