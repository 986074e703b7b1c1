// What the services views share: the words for water quality and water points, figures with their units,
// and the state a water point is shown in. Every word of the services views is here, in one place.

import { NONE, isNumber, number } from './format.js';

export const WORDS = {
  services: 'Services',
  quality: 'Water quality',
  points: 'Water points',
  sanitation: 'Sanitation',
  map: 'Camp map',
  field: 'Field entry',
  frc: 'Free chlorine',
  turbidity: 'Turbidity',
  ph: 'pH',
  ecoli: 'E. coli',
  place: 'Place',
  taken: 'Taken',
  by: 'By',
  result: 'Result',
  ok: 'Safe',
  noTests: 'No water tests in the last 7 days.',
  noPoints: 'No water points registered.',
  notCounted: 'Not counted yet.',
  fromRegistry: 'from the registry',
  tank: 'Tank',
  point: 'Water point',
  taps: 'Taps',
  usable: 'usable',
  checked: 'Checked',
  neverChecked: 'not checked yet (all taps count as working)',
  latrines: 'Latrines',
  showers: 'Showers',
  perTap: 'People per working tap',
  perLatrine: 'People per usable latrine',
  perShower: 'People per usable shower',
  limit: 'limit',
  outbreak: 'Outbreak mode',
  outbreakHint: 'Raises the chlorine minimum to 0.5 mg/L, unless the camp has its own minimum.',
  band: (min, max) => `safe band ${mgL(min)}–${mgL(max)}`,
};

export const KINDS = { tapstand: 'Tap stand', handpump: 'Hand pump', well: 'Well' };

/** What a test found wrong, in a word or two: the alert kinds of QualityTest.problems. */
export const PROBLEMS = {
  'quality-frc-low': 'chlorine low',
  'quality-frc-high': 'chlorine high',
  'quality-turbidity': 'turbid',
  'quality-ecoli': 'E. coli',
  'quality-ph': 'pH',
};

const fig = (v, digits, unit) => (isNumber(v) ? `${number(v, digits)}${unit ? ` ${unit}` : ''}` : NONE);
export const mgL = (v) => fig(v, 2, 'mg/L');
export const ntu = (v) => fig(v, 1, 'NTU');
export const ph = (v) => fig(v, 1, '');
export const cfu = (v) => fig(v, 0, 'CFU/100 mL');
export const perPerson = (v) => fig(v, 0, '');

/**
 * How a water point is shown: "ok" (every tap works and the water is safe), "low" (some taps broken, or a
 * warning about its water), "critical" (no tap works, or a critical alert about its water). The colours are
 * those of the tank states, with an icon and a word, never colour alone.
 */
export const POINT_STATES = {
  ok: { label: 'Working', icon: '✓', colour: 'ok' },
  low: { label: 'Some taps broken', icon: '▼', colour: 'low' },
  water: { label: 'Water not safe', icon: '!', colour: 'critical' },
  critical: { label: 'No tap works', icon: '✕', colour: 'critical' },
};

/** @param {object} point WaterPoint  @param {object[]} alerts the camp's open alerts */
export function pointState(point, alerts = []) {
  if (point.usableTaps === 0) return 'critical';
  if (alerts.some((a) => a.pointId === point.id)) return 'water';
  return point.usableTaps < point.taps ? 'low' : 'ok';
}

/** "Tank Elevated tank A", "Tap stand North tap stand": where a test was taken. */
export function placeName(test, names) {
  if (test.pointId) return names.points.get(test.pointId) ?? `${WORDS.point} ${test.pointId}`;
  return names.tanks.get(test.tankId) ?? `${WORDS.tank} ${test.tankId}`;
}

/** Place keys as the forms and charts use them: "tank:t1", "point:p2". */
export const placeKey = (test) => (test.pointId ? `point:${test.pointId}` : `tank:${test.tankId}`);
