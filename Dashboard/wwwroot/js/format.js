// Numbers with their units, in the page's language. Every figure on screen goes through here so that
// units are never forgotten and a missing value (null) always reads the same way.

import { locale, t } from './i18n.js';

const lang = locale;
const MINUS = '\u2212';
export const NONE = '—';

const formats = new Map();
function fmt(maxDigits, minDigits = 0) {
  const key = `${minDigits}-${maxDigits}`;
  if (!formats.has(key)) {
    formats.set(key, new Intl.NumberFormat(lang, {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    }));
  }
  return formats.get(key);
}

export const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** 12,345 or 1.5; a true minus sign for negatives. */
export function number(v, maxDigits = 0) {
  if (!isNumber(v)) return NONE;
  return fmt(maxDigits).format(v).replace('-', MINUS);
}

/** One decimal below 10, none above: 7.5 h, 31 h, 9.4 l/p/d, 18 l/p/d. */
export const adaptive = (v) => (isNumber(v) ? number(v, Math.abs(v) < 10 ? 1 : 0) : NONE);

export const percent = (v) => (isNumber(v) ? t('fmt.percent', { n: number(v) }) : NONE);

/** Litres up to 100,000 L, cubic metres above (125.4 m³): what an engineer reads at a glance. */
const M3_FROM = 100_000;
export function litres(v) {
  if (!isNumber(v)) return NONE;
  return Math.abs(v) >= M3_FROM ? t('fmt.m3', { n: number(v / 1000, 1) }) : t('fmt.litres', { n: number(v) });
}

/** The same for screen readers: "9,450 litres", "125.4 cubic metres". */
export function litresInWords(v) {
  if (!isNumber(v)) return t('fmt.unknown');
  return Math.abs(v) >= M3_FROM ? t('fmt.m3.words', { n: number(v / 1000, 1) }) : t('fmt.litres.words', { n: number(v) });
}

/** "9,450 / 15,000 L": both sides in the unit that suits the capacity. */
export function volumeOf(volumeL, capacityL) {
  if (!isNumber(capacityL)) return litres(volumeL);
  const big = capacityL >= M3_FROM;
  const side = (v) => (isNumber(v) ? (big ? number(v / 1000, 1) : number(v)) : NONE);
  return t(big ? 'fmt.volumeOf.m3' : 'fmt.volumeOf.litres', { volume: side(volumeL), capacity: side(capacityL) });
}

export const lpd = (v) => (isNumber(v) ? t('fmt.lpd', { n: adaptive(v) }) : NONE);
export const hours = (v) => (isNumber(v) ? t('fmt.hours', { n: adaptive(v) }) : NONE);
/** "1 person", "250 people": the plural form by the page's language, the figure in its digits. */
export const counted = (key, v) => (isNumber(v) ? t(key, { count: v, n: number(v) }) : NONE);
export const people = (v) => counted('fmt.people', v);

export function days(v) {
  if (!isNumber(v)) return NONE;
  return t('fmt.days', { count: v, n: adaptive(v) });
}

/** Net flow: "−1,250 L/h" with an arrow and a word, since the sign alone is easy to miss. */
const STEADY_LPH = 1;
export function flow(lph) {
  if (!isNumber(lph)) return { text: NONE, arrow: '', words: t('flow.none'), trend: 'none' };
  if (Math.abs(lph) < STEADY_LPH) return { text: t('fmt.lph', { n: number(0) }), arrow: '→', words: t('flow.steady'), trend: 'steady' };
  const text = t('fmt.lph', { n: `${lph > 0 ? '+' : ''}${number(lph)}` });
  return lph < 0
    ? { text, arrow: '↓', words: t('flow.draining'), trend: 'down' }
    : { text, arrow: '↑', words: t('flow.filling'), trend: 'up' };
}

/** "just now", "4 min ago", "3 h ago", "2 d ago": how old the last reading is, by this device's clock. */
export function age(iso, now = Date.now()) {
  if (!iso) return t('age.never');
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return NONE;
  const s = (now - at) / 1000;
  if (s < 45) return t('age.now');
  const min = Math.round(s / 60);
  if (min < 90) return t('age.min', { n: number(min) });
  const h = Math.round(s / 3600);
  if (h < 48) return t('age.h', { n: number(h) });
  return t('age.d', { n: number(Math.round(s / 86400)) });
}

// Times and dates are shown in the camp's zone, whatever the zone of the device (a manager in Amman
// reading a camp in Dhaka), and in 24-hour form in every language, as WASH teams write them. A view
// passes the camp's zone; without one (a page across camps) the device's zone is used.
const timeFormats = new Map();
function timeFormat(zone, options, loc = lang) {
  const key = `${loc}|${zone ?? ''}|${Object.entries(options).join(';')}`;
  if (!timeFormats.has(key)) {
    try {
      timeFormats.set(key, new Intl.DateTimeFormat(loc, { ...options, hourCycle: 'h23', timeZone: zone || undefined }));
    } catch {
      timeFormats.set(key, new Intl.DateTimeFormat(loc, { ...options, hourCycle: 'h23' })); // a zone this browser does not know
    }
  }
  return timeFormats.get(key);
}

const toTime = (t) => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t ?? ''));

/** "14:05" in the zone. */
export function clock(t, zone) {
  const ms = toTime(t);
  return Number.isNaN(ms) ? NONE : timeFormat(zone, { hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** "Dec 3, 2026, 14:05" in the zone; empty for no time. */
export function dateTime(t, zone) {
  const ms = toTime(t);
  return Number.isNaN(ms) ? '' : timeFormat(zone, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** "Dec 3, 14:05": a recent time, with its day. */
export function dayTime(t, zone) {
  const ms = toTime(t);
  return Number.isNaN(ms) ? NONE : timeFormat(zone, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** "Thu, Dec 3": a day on a time axis. */
export function dayLabel(t, zone) {
  return timeFormat(zone, { weekday: 'short', month: 'short', day: 'numeric' }).format(toTime(t));
}

/** How far the zone's clock is ahead of UTC at that instant, in ms (negative west of Greenwich). */
export function zoneOffsetMs(t, zone) {
  const ms = toTime(t);
  const parts = Object.fromEntries(timeFormat(zone, {
    year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }, 'en-u-nu-latn').formatToParts(ms).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return asUtc - (ms - (ms % 1000));
}

/** "Asia/Damascus (GMT+3)": how a page names the zone its times are in. */
export function zoneName(zone, t = Date.now()) {
  if (!zone) return '';
  const offset = timeFormat(zone, { timeZoneName: 'shortOffset' }).formatToParts(toTime(t)).find((p) => p.type === 'timeZoneName')?.value;
  return offset && offset !== zone ? `${zone} (${offset})` : zone;
}

const LOW_BATTERY_PCT = 20;
// Lithium thionyl chloride cells (in the Dragino LDDS75 and most LoRaWAN tank sensors) hold about 3.6 V
// for most of their life and fall below 3.2 V only near its end.
const LOW_BATTERY_V = 3.2;

/** A sensor's battery as it reports it: percent (Milesight), or volts (Dragino); low by either. */
export function battery(pct, volts) {
  const low = (isNumber(pct) && pct < LOW_BATTERY_PCT) || (isNumber(volts) && volts < LOW_BATTERY_V);
  const v = (x) => t('fmt.volts', { n: number(x, 2) });
  const value = isNumber(pct) ? percent(pct) : isNumber(volts) ? v(volts) : NONE;
  return { text: low ? t('battery.low', { value }) : value, low, title: isNumber(pct) && isNumber(volts) ? `${percent(pct)}, ${v(volts)}` : null };
}

/** "45 min", "24 h", "3 d": a duration given in minutes, in the unit a person reads it in. */
export function duration(minutes) {
  if (!isNumber(minutes)) return NONE;
  const m = Math.max(0, minutes);
  if (m < 90) return t('fmt.min', { n: number(Math.round(m)) });
  const h = m / 60;
  if (h < 72) return t('fmt.hours', { n: adaptive(Math.round(h * 10) / 10) });
  return t('fmt.d', { n: adaptive(Math.round((h / 24) * 10) / 10) });
}

/**
 * The states a tank is shown in: a colour (by CSS on data-state) and always a text label and an
 * icon as well, so that no one has to tell the colours apart.
 */
const stateOf = (name, icon) => ({ label: t(`tankState.${name}`), icon });
export const TANK_STATES = {
  unknown: stateOf('unknown', '?'),
  ok: stateOf('ok', '✓'),
  low: stateOf('low', '▼'),
  critical: stateOf('critical', '!'),
  overflow: stateOf('overflow', '▲'),
  offline: stateOf('offline', '⊘'),
  fault: stateOf('fault', '✕'),
};
const STATE_ORDER = ['unknown', 'ok', 'low', 'critical', 'overflow', 'offline', 'fault'];

/** The wire sends lower-case names; tolerate an enum number or other casing rather than show nothing. */
export function tankState(value) {
  const name = typeof value === 'number' ? STATE_ORDER[value] : String(value ?? '').toLowerCase();
  return name in TANK_STATES ? name : 'unknown';
}
