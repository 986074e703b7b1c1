// A tank's configuration (CONTRACT §1) as a form: engineers edit it, everyone else reads it.
// The server checks every field; a field it refuses shows its reason under the field itself, and
// focus moves to the first one.

import { setAttr, setText, slots, template } from '../dom.js';

const SHAPES = {
  'vertical-cylinder': ['diameterMm', 'heightMm'],
  'horizontal-cylinder': ['diameterMm', 'lengthMm'],
  rectangular: ['widthMm', 'lengthMm', 'heightMm'],
  table: ['strapping'],
};

// [path, label, unit, kind] — the path is the field's name in the API, and in its error messages.
const FIELDS = [
  ['name', 'Name', '', 'text'],
  ['servesPopulation', 'People served', 'people', 'int'],
  ['shape', 'Shape', '', 'shape'],
  ['diameterMm', 'Diameter', 'mm', 'num'],
  ['heightMm', 'Height', 'mm', 'num'],
  ['widthMm', 'Width', 'mm', 'num'],
  ['lengthMm', 'Length', 'mm', 'num'],
  ['strapping', 'Strapping table', 'one “level mm, litres” pair per line', 'table'],
  ['sensor.mountHeightMm', 'Sensor height above floor', 'mm', 'num'],
  ['sensor.blindZoneMm', 'Sensor blind zone', 'mm', 'num'],
  ['sensor.devEui', 'LoRaWAN DevEUI', '16 hex digits', 'text'],
  ['thresholds.lowPct', 'Low below', '%', 'num'],
  ['thresholds.criticalPct', 'Critical below', '%', 'num'],
  ['thresholds.overflowPct', 'Overflow above', '%', 'num'],
  ['thresholds.offlineAfterMin', 'Offline after', 'min', 'num'],
  ['thresholds.rapidDropPctPerHour', 'Rapid drop faster than', '% per hour', 'num'],
  ['thresholds.nightDrawPct', 'Night draw above', '% of capacity', 'num'],
];

const GROUPS = [
  ['Tank', ['name', 'servesPopulation', 'shape', 'diameterMm', 'heightMm', 'widthMm', 'lengthMm', 'strapping']],
  ['Sensor', ['sensor.mountHeightMm', 'sensor.blindZoneMm', 'sensor.devEui']],
  ['Alert thresholds', ['thresholds.lowPct', 'thresholds.criticalPct', 'thresholds.overflowPct', 'thresholds.offlineAfterMin', 'thresholds.rapidDropPctPerHour', 'thresholds.nightDrawPct']],
];

const make = template(`
<form class="tank-form" novalidate>
  <div data-slot="groups"></div>
  <p class="form-error" role="alert" data-slot="error" hidden></p>
  <p class="form-saved" role="status" data-slot="saved"></p>
  <div class="form-actions" data-slot="actions">
    <button type="submit" class="button">Save changes</button>
    <button type="reset" class="button button-quiet">Undo changes</button>
  </div>
</form>`);

const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
function set(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys.at(-1)] = value;
}

let serial = 0;

/** @param {{ editable: boolean, save: (body: object) => Promise<void> }} options */
export function createTankForm({ editable, save }) {
  const form = make();
  const s = slots(form);
  const prefix = `tf${(serial += 1)}`;
  const inputs = new Map(); // path -> { input, row, error }
  let config = null;

  for (const [legend, paths] of GROUPS) {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'form-group';
    const lg = document.createElement('legend');
    lg.textContent = legend;
    fieldset.append(lg);
    for (const path of paths) {
      const [, label, unit, kind] = FIELDS.find((f) => f[0] === path);
      const id = `${prefix}-${path.replace('.', '-')}`;
      const row = document.createElement('div');
      row.className = `form-row form-row-${kind}`;
      const lab = document.createElement('label');
      lab.htmlFor = id;
      lab.textContent = label;
      let input;
      if (kind === 'shape') {
        input = document.createElement('select');
        for (const shape of Object.keys(SHAPES)) input.append(new Option(shape.replace('-', ' '), shape));
        input.addEventListener('change', () => showShapeFields());
      } else if (kind === 'table') {
        input = document.createElement('textarea');
        input.rows = 4;
      } else {
        input = document.createElement('input');
        input.type = kind === 'text' ? 'text' : 'number';
        if (kind !== 'text') {
          input.inputMode = 'decimal';
          input.step = 'any';
        }
      }
      input.id = id;
      input.name = path;
      const placeholder = { servesPopulation: 'a share of the camp', 'sensor.devEui': 'none' }[path];
      if (placeholder) input.placeholder = placeholder;
      const hint = document.createElement('span');
      hint.className = 'form-unit';
      hint.id = `${id}-unit`;
      hint.textContent = unit;
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = `${id}-error`;
      error.hidden = true;
      input.setAttribute('aria-describedby', unit ? hint.id : '');
      const control = document.createElement('div');
      control.className = 'form-control';
      control.append(input, hint);
      row.append(lab, control, error);
      fieldset.append(row);
      inputs.set(path, { input, row, error, kind, hint });
    }
    s.groups.append(fieldset);
  }

  function showShapeFields() {
    const shape = inputs.get('shape').input.value;
    for (const path of ['diameterMm', 'heightMm', 'widthMm', 'lengthMm', 'strapping']) {
      setAttr(inputs.get(path).row, 'hidden', !SHAPES[shape]?.includes(path));
    }
  }

  function clearErrors() {
    for (const { input, error, hint } of inputs.values()) {
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', hint.textContent ? hint.id : '');
    }
    setAttr(s.error, 'hidden', true);
  }

  function fill(next) {
    config = next;
    for (const [path, { input, kind }] of inputs) {
      const v = get(next, path);
      if (kind === 'table') input.value = Array.isArray(v) ? v.map(([l, litres]) => `${l}, ${litres}`).join('\n') : '';
      else input.value = v ?? '';
    }
    showShapeFields();
    clearErrors();
  }

  function body() {
    const shape = inputs.get('shape').input.value;
    const out = { id: config?.id };
    for (const [path, { input, kind }] of inputs) {
      if (['diameterMm', 'heightMm', 'widthMm', 'lengthMm', 'strapping'].includes(path) && !SHAPES[shape].includes(path)) continue;
      const raw = input.value.trim();
      if (raw === '') continue;
      if (kind === 'table') {
        set(out, path, raw.split('\n').filter((l) => l.trim()).map((l) => l.split(/[,;\s]+/).filter(Boolean).map(Number)));
      } else if (kind === 'num' || kind === 'int') {
        set(out, path, Number(raw));
      } else {
        set(out, path, raw);
      }
    }
    return out;
  }

  /** Shows the server's reasons under their fields; returns false when none matched a field. */
  function showErrors(fields) {
    let first = null;
    for (const [path, reasons] of Object.entries(fields ?? {})) {
      const field = inputs.get(path) ?? inputs.get(path.replace(/\[\d+\].*$/, ''));
      if (!field) continue;
      field.error.textContent = reasons.join('; ');
      field.error.hidden = false;
      field.input.setAttribute('aria-invalid', 'true');
      field.input.setAttribute('aria-describedby', `${field.hint.textContent ? `${field.hint.id} ` : ''}${field.error.id}`);
      first ??= field.input;
    }
    first?.focus();
    return first !== null;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!editable) return;
    clearErrors();
    setText(s.saved, '');
    const submit = form.querySelector('[type="submit"]');
    submit.disabled = true;
    try {
      await save(body());
      setText(s.saved, 'Saved.');
    } catch (err) {
      const matched = err.status === 400 && showErrors(err.fields);
      setText(s.error, matched ? 'Some fields need a change (see below each field).' : [err.message, err.detail].filter(Boolean).join(' '));
      setAttr(s.error, 'hidden', false);
    } finally {
      submit.disabled = false;
    }
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    if (config) fill(config);
    setText(s.saved, '');
  });

  if (!editable) {
    for (const { input } of inputs.values()) input.disabled = true;
    s.actions.hidden = true;
  }

  return { el: form, fill, get config() { return config; } };
}
