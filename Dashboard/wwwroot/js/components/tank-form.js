// A tank's configuration (registry form) as a form: its fields, the limits of each, and the rules
// between them, worded for the person who edits it. The form itself is config-form.js.

import { t } from '../i18n.js';
import { createConfigForm, withUnit } from './config-form.js';

const SHAPES = {
  'vertical-cylinder': ['diameterMm', 'heightMm'],
  'horizontal-cylinder': ['diameterMm', 'lengthMm'],
  rectangular: ['widthMm', 'lengthMm', 'heightMm'],
  table: ['strapping'],
};

const MAX_MM = 100_000;
const forShape = (path) => (raw) => SHAPES[raw('shape')]?.includes(path) ?? false;

/** One "level mm, litres" pair per line. */
function parseStrapping(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { value: undefined };
  const rows = [];
  for (const [i, line] of lines.entries()) {
    const pair = line.split(/[,;\s]+/).filter(Boolean).map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
    if (pair.length !== 2 || pair.some((v) => !Number.isFinite(v))) {
      return { problem: t('tankForm.strapping.line', { line: i + 1 }) };
    }
    rows.push(pair);
  }
  return { value: rows };
}

const FIELDS = [
  { path: 'name', label: t('tankForm.name'), kind: 'text', required: true },
  { path: 'servesPopulation', label: t('tankForm.servesPopulation'), unit: t('tankForm.servesPopulation.unit'), kind: 'int', min: 0, placeholder: t('tankForm.servesPopulation.placeholder') },
  { path: 'shape', label: t('tankForm.shape'), kind: 'select', required: true, options: Object.keys(SHAPES).map((s) => [s, t(`shape.${s}`)]) },
  { path: 'diameterMm', label: t('tankForm.diameterMm'), unit: t('unit.mm'), kind: 'num', required: true, above: 0, max: MAX_MM, visible: forShape('diameterMm') },
  { path: 'heightMm', label: t('tankForm.heightMm'), unit: t('unit.mm'), kind: 'num', required: true, above: 0, max: MAX_MM, visible: forShape('heightMm') },
  { path: 'widthMm', label: t('tankForm.widthMm'), unit: t('unit.mm'), kind: 'num', required: true, above: 0, max: MAX_MM, visible: forShape('widthMm') },
  { path: 'lengthMm', label: t('tankForm.lengthMm'), unit: t('unit.mm'), kind: 'num', required: true, above: 0, max: MAX_MM, visible: forShape('lengthMm') },
  {
    path: 'strapping', label: t('tankForm.strapping'), unit: t('tankForm.strapping.unit'), kind: 'table', required: true,
    visible: forShape('strapping'),
    toInput: (v) => (Array.isArray(v) ? v.map(([l, litres]) => `${l}, ${litres}`).join('\n') : ''),
    fromInput: parseStrapping,
  },
  { path: 'outletMm', label: t('tankForm.outletMm'), unit: t('tankForm.outletMm.unit'), kind: 'num', min: 0, max: MAX_MM, placeholder: '0' },
  {
    path: 'feeds', label: t('tankForm.feeds'), unit: t('tankForm.feeds.unit'), kind: 'table', placeholder: t('tankForm.feeds.placeholder'),
    toInput: (v) => (Array.isArray(v) ? v.join('\n') : ''),
    fromInput: (text) => {
      const ids = text.split(/[,\s]+/).map((id) => id.trim()).filter(Boolean);
      return { value: ids.length ? ids : undefined };
    },
  },
  { path: 'sensor.mountHeightMm', label: t('tankForm.sensor.mountHeightMm'), unit: t('unit.mm'), kind: 'num', required: true, above: 0, max: MAX_MM },
  { path: 'sensor.blindZoneMm', label: t('tankForm.sensor.blindZoneMm'), unit: t('unit.mm'), kind: 'num', required: true, min: 0 },
  {
    path: 'sensor.devEui', label: t('tankForm.sensor.devEui'), unit: t('tankForm.sensor.devEui.unit'), kind: 'text', placeholder: t('tankForm.sensor.devEui.placeholder'),
    check: (v) => (/^[0-9a-fA-F]{16}$/.test(v) ? null : t('tankForm.sensor.devEui.check')),
  },
  { path: 'thresholds.lowPct', label: t('tankForm.thresholds.lowPct'), unit: '%', kind: 'num', required: true, min: 0, max: 100 },
  { path: 'thresholds.criticalPct', label: t('tankForm.thresholds.criticalPct'), unit: '%', kind: 'num', required: true, min: 0, max: 100 },
  { path: 'thresholds.overflowPct', label: t('tankForm.thresholds.overflowPct'), unit: '%', kind: 'num', required: true, above: 0, max: 100 },
  { path: 'thresholds.offlineAfterMin', label: t('tankForm.thresholds.offlineAfterMin'), unit: t('unit.min'), kind: 'int', required: true, min: 1, max: 10_080 },
  { path: 'thresholds.rapidDropPctPerHour', label: t('tankForm.thresholds.rapidDropPctPerHour'), unit: t('tankForm.thresholds.rapidDropPctPerHour.unit'), kind: 'num', required: true, above: 0 },
  { path: 'thresholds.nightDrawPct', label: t('tankForm.thresholds.nightDrawPct'), unit: t('tankForm.thresholds.nightDrawPct.unit'), kind: 'num', required: true, above: 0, max: 100 },
];

const GROUPS = [
  [t('tankForm.group.Tank'), ['name', 'servesPopulation', 'shape', 'diameterMm', 'heightMm', 'widthMm', 'lengthMm', 'strapping', 'outletMm', 'feeds']],
  [t('tankForm.group.Sensor'), ['sensor.mountHeightMm', 'sensor.blindZoneMm', 'sensor.devEui']],
  [t('tankForm.group.thresholds'), ['thresholds.lowPct', 'thresholds.criticalPct', 'thresholds.overflowPct', 'thresholds.offlineAfterMin', 'thresholds.rapidDropPctPerHour', 'thresholds.nightDrawPct']],
];

const LOW = 'thresholds.lowPct';
const CRITICAL = 'thresholds.criticalPct';
const OVERFLOW = 'thresholds.overflowPct';
const MOUNT = 'sensor.mountHeightMm';
const BLIND = 'sensor.blindZoneMm';
const pct = (v) => withUnit(v, '%');
const mm = (v) => withUnit(v, t('unit.mm'));

/** The field that holds the tank's full height for its shape, and the full height it gives. */
function fullHeight(v) {
  if ('heightMm' in v) return ['heightMm', v.heightMm];
  if ('diameterMm' in v) return ['diameterMm', v.diameterMm]; // a lying cylinder: its diameter is its height
  if ('strapping' in v) return ['strapping', v.strapping.at(-1)?.[0]];
  return [null, null];
}

// 0 ≤ critical < low < overflow ≤ 100, and a sensor that sits at or above the full height, its blind zone
// below it: the rules the server keeps, said under whichever of the two fields was changed.
const RULES = [
  {
    fields: () => [LOW, CRITICAL],
    holds: (v) => v[CRITICAL] < v[LOW],
    say: {
      [LOW]: (v) => t('tankForm.rule.lowAboveCritical', { v: pct(v[CRITICAL]) }),
      [CRITICAL]: (v) => t('tankForm.rule.criticalBelowLow', { v: pct(v[LOW]) }),
    },
  },
  {
    fields: () => [LOW, OVERFLOW],
    holds: (v) => v[LOW] < v[OVERFLOW],
    say: {
      [LOW]: (v) => t('tankForm.rule.lowBelowOverflow', { v: pct(v[OVERFLOW]) }),
      [OVERFLOW]: (v) => t('tankForm.rule.overflowAboveLow', { v: pct(v[LOW]) }),
    },
  },
  {
    fields: () => [BLIND, MOUNT],
    holds: (v) => v[BLIND] < v[MOUNT],
    say: {
      [BLIND]: (v) => t('tankForm.rule.blindBelowMount', { v: mm(v[MOUNT]) }),
      [MOUNT]: (v) => t('tankForm.rule.mountAboveBlind', { v: mm(v[BLIND]) }),
    },
  },
  {
    fields: (v) => [MOUNT, fullHeight(v)[0]].filter(Boolean),
    holds: (v) => !(fullHeight(v)[1] > v[MOUNT]),
    say: {
      [MOUNT]: (v) => t('tankForm.rule.mountAtFull', { v: mm(fullHeight(v)[1]) }),
      heightMm: (v) => t('tankForm.rule.heightBelowSensor', { v: mm(v[MOUNT]) }),
      diameterMm: (v) => t('tankForm.rule.diameterBelowSensor', { v: mm(v[MOUNT]) }),
      strapping: (v) => t('tankForm.rule.strappingBelowSensor', { v: mm(v[MOUNT]) }),
    },
  },
];

/** The form's words for a field of a tank: "Low below" for thresholds.lowPct. */
export const tankFields = FIELDS;

/** @param {{ editable: boolean, save: (body: object) => Promise<void> }} options */
export function createTankForm({ editable, save }) {
  return createConfigForm({ fields: FIELDS, groups: GROUPS, rules: RULES, editable, save, className: 'tank-form' });
}

/** The depth at which a tank of this configuration is full (100 % of height), in mm; null when unknown. */
export function fullHeightOf(config) {
  switch (config?.shape) {
    case 'vertical-cylinder':
    case 'rectangular':
      return config.heightMm ?? null;
    case 'horizontal-cylinder':
      return config.diameterMm ?? null;
    case 'table':
      return config.strapping?.at(-1)?.[0] ?? null;
    default:
      return null;
  }
}
