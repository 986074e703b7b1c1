// What the services views share: the words for water quality and water points, figures with their units,
// and the state a water point is shown in. Every word of the services views is here, in one place.

import { NONE, isNumber, number } from './format.js';
import { t } from './i18n.js';

export const WORDS = {
services: t('svc.services'),
quality: t('svc.quality'),
points: t('svc.points'),
sanitation: t('svc.sanitation'),
map: t('svc.map'),
field: t('svc.field'),
frc: t('svc.frc'),
turbidity: t('svc.turbidity'),
ph: t('svc.ph'),
ecoli: t('svc.ecoli'),
place: t('svc.place'),
taken: t('svc.taken'),
by: t('svc.by'),
result: t('svc.result'),
ok: t('svc.ok'),
noTests: t('svc.noTests'),
noPoints: t('svc.noPoints'),
notCounted: t('svc.notCounted'),
fromRegistry: t('svc.fromRegistry'),
tank: t('svc.tank'),
point: t('svc.point'),
taps: t('svc.taps'),
usable: t('svc.usable'),
checked: t('svc.checked'),
neverChecked: t('svc.neverChecked'),
latrines: t('svc.latrines'),
showers: t('svc.showers'),
perTap: t('svc.perTap'),
perLatrine: t('svc.perLatrine'),
perShower: t('svc.perShower'),
limit: t('svc.limit'),
outbreak: t('svc.outbreak'),
outbreakHint: t('svc.outbreakHint'),
  band: (min, max) => t('svc.band', { min: mgL(min), max: mgL(max) }),
};

export const KINDS = { tapstand: t('svc.kind.tapstand'), handpump: t('svc.kind.handpump'), well: t('svc.kind.well') };

/** What a test found wrong, in a word or two: the alert kinds of QualityTest.problems. */
export const PROBLEMS = {
'quality-frc-low': t('svc.problem.quality-frc-low'),
'quality-frc-high': t('svc.problem.quality-frc-high'),
'quality-turbidity': t('svc.problem.quality-turbidity'),
'quality-ecoli': t('svc.problem.quality-ecoli'),
'quality-ph': t('svc.problem.quality-ph'),
};

const fig = (v, digits, unit) => (isNumber(v) ? `${number(v, digits)}${unit ? ` ${unit}` : ''}` : NONE);
export const mgL = (v) => fig(v, 2, t('unit.mgL'));
export const ntu = (v) => fig(v, 1, t('unit.ntu'));
export const ph = (v) => fig(v, 1, '');
export const cfu = (v) => fig(v, 0, t('unit.cfu'));
export const perPerson = (v) => fig(v, 0, '');

/**
 * How a water point is shown: "ok" (every tap works and the water is safe), "low" (some taps broken, or a
 * warning about its water), "critical" (no tap works, or a critical alert about its water). The colours are
 * those of the tank states, with an icon and a word, never colour alone.
 */
export const POINT_STATES = {
  ok: { label: t('pointState.ok'), icon: '✓', colour: 'ok' },
  low: { label: t('pointState.low'), icon: '▼', colour: 'low' },
  water: { label: t('pointState.water'), icon: '!', colour: 'critical' },
  critical: { label: t('pointState.critical'), icon: '✕', colour: 'critical' },
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
