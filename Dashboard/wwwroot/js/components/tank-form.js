// A tank's configuration (registry form) as a form: its fields, the limits of each, and the rules
// between them, worded for the person who edits it. The form itself is config-form.js.

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
      return { problem: `Line ${i + 1} of the strapping table must be a level in mm and litres, such as “600, 4300”` };
    }
    rows.push(pair);
  }
  return { value: rows };
}

const FIELDS = [
  { path: 'name', label: 'Name', kind: 'text', required: true },
  { path: 'servesPopulation', label: 'People served', unit: 'people (empty: a share of the camp)', kind: 'int', min: 0, placeholder: 'a share of the camp' },
  { path: 'shape', label: 'Shape', kind: 'select', required: true, options: Object.keys(SHAPES).map((s) => [s, s.replace('-', ' ')]) },
  { path: 'diameterMm', label: 'Diameter', unit: 'mm', kind: 'num', required: true, above: 0, max: MAX_MM, visible: forShape('diameterMm') },
  { path: 'heightMm', label: 'Height', unit: 'mm', kind: 'num', required: true, above: 0, max: MAX_MM, visible: forShape('heightMm') },
  { path: 'widthMm', label: 'Width', unit: 'mm', kind: 'num', required: true, above: 0, max: MAX_MM, visible: forShape('widthMm') },
  { path: 'lengthMm', label: 'Length', unit: 'mm', kind: 'num', required: true, above: 0, max: MAX_MM, visible: forShape('lengthMm') },
  {
    path: 'strapping', label: 'Strapping table', unit: 'one “level mm, litres” pair per line', kind: 'table', required: true,
    visible: forShape('strapping'),
    toInput: (v) => (Array.isArray(v) ? v.map(([l, litres]) => `${l}, ${litres}`).join('\n') : ''),
    fromInput: parseStrapping,
  },
  { path: 'outletMm', label: 'Outlet height', unit: 'mm above the floor (water below it cannot be drawn)', kind: 'num', min: 0, max: MAX_MM, placeholder: '0' },
  {
    path: 'feeds', label: 'Feeds tanks', unit: 'ids of the tanks this one fills by pipe, one a line', kind: 'table', placeholder: 'none',
    toInput: (v) => (Array.isArray(v) ? v.join('\n') : ''),
    fromInput: (text) => {
      const ids = text.split(/[,\s]+/).map((t) => t.trim()).filter(Boolean);
      return { value: ids.length ? ids : undefined };
    },
  },
  { path: 'sensor.mountHeightMm', label: 'Sensor height above floor', unit: 'mm', kind: 'num', required: true, above: 0, max: MAX_MM },
  { path: 'sensor.blindZoneMm', label: 'Sensor blind zone', unit: 'mm', kind: 'num', required: true, min: 0 },
  {
    path: 'sensor.devEui', label: 'LoRaWAN DevEUI', unit: '16 hex digits', kind: 'text', placeholder: 'none',
    check: (v) => (/^[0-9a-fA-F]{16}$/.test(v) ? null : 'LoRaWAN DevEUI must be 16 hex digits (0–9, A–F)'),
  },
  { path: 'thresholds.lowPct', label: 'Low below', unit: '%', kind: 'num', required: true, min: 0, max: 100 },
  { path: 'thresholds.criticalPct', label: 'Critical below', unit: '%', kind: 'num', required: true, min: 0, max: 100 },
  { path: 'thresholds.overflowPct', label: 'Overflow above', unit: '%', kind: 'num', required: true, above: 0, max: 100 },
  { path: 'thresholds.offlineAfterMin', label: 'Offline after', unit: 'min', kind: 'int', required: true, min: 1, max: 10_080 },
  { path: 'thresholds.rapidDropPctPerHour', label: 'Rapid drop faster than', unit: '% per hour', kind: 'num', required: true, above: 0 },
  { path: 'thresholds.nightDrawPct', label: 'Night draw above', unit: '% of capacity', kind: 'num', required: true, above: 0, max: 100 },
];

const GROUPS = [
  ['Tank', ['name', 'servesPopulation', 'shape', 'diameterMm', 'heightMm', 'widthMm', 'lengthMm', 'strapping', 'outletMm', 'feeds']],
  ['Sensor', ['sensor.mountHeightMm', 'sensor.blindZoneMm', 'sensor.devEui']],
  ['Alert thresholds', ['thresholds.lowPct', 'thresholds.criticalPct', 'thresholds.overflowPct', 'thresholds.offlineAfterMin', 'thresholds.rapidDropPctPerHour', 'thresholds.nightDrawPct']],
];

const LOW = 'thresholds.lowPct';
const CRITICAL = 'thresholds.criticalPct';
const OVERFLOW = 'thresholds.overflowPct';
const MOUNT = 'sensor.mountHeightMm';
const BLIND = 'sensor.blindZoneMm';
const pct = (v) => withUnit(v, '%');
const mm = (v) => withUnit(v, 'mm');

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
      [LOW]: (v) => `Low must be above Critical (${pct(v[CRITICAL])})`,
      [CRITICAL]: (v) => `Critical must be below Low (${pct(v[LOW])})`,
    },
  },
  {
    fields: () => [LOW, OVERFLOW],
    holds: (v) => v[LOW] < v[OVERFLOW],
    say: {
      [LOW]: (v) => `Low must be below Overflow (${pct(v[OVERFLOW])})`,
      [OVERFLOW]: (v) => `Overflow must be above Low (${pct(v[LOW])})`,
    },
  },
  {
    fields: () => [BLIND, MOUNT],
    holds: (v) => v[BLIND] < v[MOUNT],
    say: {
      [BLIND]: (v) => `The blind zone must be less than the sensor height (${mm(v[MOUNT])})`,
      [MOUNT]: (v) => `The sensor height must be more than its blind zone (${mm(v[BLIND])})`,
    },
  },
  {
    fields: (v) => [MOUNT, fullHeight(v)[0]].filter(Boolean),
    holds: (v) => !(fullHeight(v)[1] > v[MOUNT]),
    say: {
      [MOUNT]: (v) => `The sensor must sit at least at the tank's full height (${mm(fullHeight(v)[1])})`,
      heightMm: (v) => `Height must not be above the sensor (${mm(v[MOUNT])})`,
      diameterMm: (v) => `Diameter must not be above the sensor (${mm(v[MOUNT])}): it is the full height of a lying tank`,
      strapping: (v) => `The table's last level must not be above the sensor (${mm(v[MOUNT])})`,
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
