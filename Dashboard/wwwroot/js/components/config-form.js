// A configuration form (a tank's or a camp's, in the registry form of the API): engineers edit it,
// everyone else reads it. It never loses a value: an empty or unreadable number is refused under its
// field ("Low below is required") and nothing is sent, so a cleared field can never reach the server
// as "use the default". A rule between two fields ("low above critical") is said under the field the
// person changed last, in the form's own words. What the server still refuses shows under its field,
// with the API's field names put in the form's words. Edits in progress survive a refresh from the
// server: the new values wait until the person undoes their changes.

import { setAttr, setText, slots, template } from '../dom.js';
import { number } from '../format.js';
import { t } from '../i18n.js';

const TEXT = {
  save: t('form.save'),
  undo: t('form.undo'),
  saved: t('form.saved'),
  seeBelow: t('form.seeBelow'),
  changedMeanwhile: t('form.changedMeanwhile'),
  required: (label) => t('form.required', { label }),
  notNumber: (label) => t('form.notNumber', { label }),
  notWhole: (label) => t('form.notWhole', { label }),
  atLeast: (label, v) => t('form.atLeast', { label, v }),
  above: (label, v) => t('form.above', { label, v }),
  atMost: (label, v) => t('form.atMost', { label, v }),
};

/** A figure with its unit as the form's messages say it: "10%", "3300 mm". */
export function withUnit(value, unit) {
  const v = number(value, 2);
  if (!unit) return v;
  return unit.startsWith('%') ? `${v}%` : `${v} ${unit}`;
}

// A decimal number as people type it: "25", "2.5", "2,5", "-3"; nothing else (no "1e", no "25%").
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

function parseNumber(raw) {
  return NUMBER.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN;
}

const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
function set(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys.at(-1)] = value;
}

const make = template(`
<form class="config-form" novalidate>
  <div class="config-groups" data-slot="groups"></div>
  <p class="form-note" role="status" data-slot="note" hidden></p>
  <p class="form-error" role="alert" data-slot="error" hidden></p>
  <p class="form-saved" role="status" data-slot="saved"></p>
  <div class="form-actions" data-slot="actions">
    <button type="submit" class="button" data-slot="submit"></button>
    <button type="reset" class="button button-quiet" data-slot="reset"></button>
  </div>
</form>`);

let serial = 0;

/**
 * @param {object} options
 * @param {Array<object>} options.fields  { path, label, unit?, kind: text|int|num|select|table, required?, placeholder?,
 *   min?, above?, max?, options?: [[value, text]], visible?: (form) => boolean, toInput?, fromInput? (table kinds) }
 * @param {Array<[string, string[]]>} options.groups  [legend, paths]
 * @param {Array<object>} options.rules  { fields: (values) => paths, holds: (values) => boolean, say: { [path]: (values) => text } }
 * @param {boolean} options.editable
 * @param {(body: object) => Promise<void>} options.save
 */
export function createConfigForm({ fields, groups, rules = [], editable, save, className = '' }) {
  const form = make();
  if (className) form.classList.add(className);
  const s = slots(form);
  setText(s.submit, TEXT.save);
  setText(s.reset, TEXT.undo);
  const prefix = `cf${(serial += 1)}`;
  const inputs = new Map(); // path -> { spec, input, row, error, hint }
  const edits = new Map(); // path -> order of its last edit, to tell which field a person changed last
  let editCount = 0;
  let config = null;
  let filled = new Map(); // path -> the raw text the form was filled with
  let waiting = null; // a newer config from the server, kept until the person undoes their edits

  for (const [legend, paths] of groups) {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'form-group';
    const lg = document.createElement('legend');
    lg.textContent = legend;
    fieldset.append(lg);
    for (const path of paths) {
      const spec = fields.find((f) => f.path === path);
      const id = `${prefix}-${path.replace('.', '-')}`;
      const row = document.createElement('div');
      row.className = `form-row form-row-${spec.kind}`;
      const lab = document.createElement('label');
      lab.htmlFor = id;
      lab.textContent = spec.label;
      let input;
      if (spec.kind === 'select') {
        input = document.createElement('select');
        for (const [value, text] of spec.options) input.append(new Option(text, value));
        input.addEventListener('change', showVisibleFields);
      } else if (spec.kind === 'table') {
        input = document.createElement('textarea');
        input.rows = 4;
      } else {
        // Text, not type=number: a number input reports "1e" as an empty value, so a typo would read as
        // a cleared field; here the form sees what was typed and can say what is wrong with it.
        input = document.createElement('input');
        input.type = 'text';
        if (spec.kind !== 'text') {
          input.inputMode = spec.kind === 'int' ? 'numeric' : 'decimal';
          input.autocomplete = 'off';
        }
        if (spec.list) input.setAttribute('list', spec.list);
      }
      input.id = id;
      input.name = path;
      if (spec.placeholder) input.placeholder = spec.placeholder;
      if (spec.required) input.setAttribute('aria-required', 'true');
      input.addEventListener('input', () => edits.set(path, (editCount += 1)));
      input.addEventListener('change', () => edits.set(path, (editCount += 1)));
      const hint = document.createElement('span');
      hint.className = 'form-unit';
      hint.id = `${id}-unit`;
      hint.textContent = spec.unit ?? '';
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = `${id}-error`;
      error.hidden = true;
      const control = document.createElement('div');
      control.className = 'form-control';
      control.append(input, hint);
      row.append(lab, control, error);
      fieldset.append(row);
      inputs.set(path, { spec, input, row, error, hint });
    }
    s.groups.append(fieldset);
  }
  clearErrors();

  const raw = (path) => inputs.get(path)?.input.value ?? '';
  const isVisible = (path) => inputs.get(path)?.spec.visible?.(raw) ?? true;

  function showVisibleFields() {
    for (const [path, { row }] of inputs) setAttr(row, 'hidden', !isVisible(path));
  }

  function describe(field, errorShown) {
    const ids = [field.hint.textContent ? field.hint.id : '', errorShown ? field.error.id : ''].filter(Boolean);
    setAttr(field.input, 'aria-describedby', ids.join(' ') || null);
  }

  function clearErrors() {
    for (const field of inputs.values()) {
      field.error.hidden = true;
      field.error.textContent = '';
      field.input.removeAttribute('aria-invalid');
      describe(field, false);
    }
    setAttr(s.error, 'hidden', true);
  }

  function showNote(text) {
    setText(s.note, text ?? '');
    setAttr(s.note, 'hidden', !text);
  }

  function fill(next) {
    config = next;
    waiting = null;
    filled = new Map();
    for (const [path, { spec, input }] of inputs) {
      const v = get(next, path);
      input.value = spec.toInput ? spec.toInput(v) : v ?? '';
      filled.set(path, input.value);
    }
    edits.clear();
    showVisibleFields();
    clearErrors();
    showNote('');
  }

  /** True while a field holds something other than what the form was filled with. */
  const isDirty = () => [...inputs.keys()].some((path) => raw(path) !== filled.get(path));

  /** Fills the form with the server's newer values, unless the person is editing: then they wait. */
  function update(next) {
    if (!editable || !config || !isDirty()) {
      fill(next);
      return;
    }
    waiting = next;
    showNote(TEXT.changedMeanwhile);
  }

  /** The values of the visible fields and, per field, what is wrong with it; a field with a problem has no value. */
  function read() {
    const values = {};
    const problems = new Map();
    for (const [path, { spec, input }] of inputs) {
      if (!isVisible(path)) continue;
      const text = input.value.trim();
      if (spec.kind === 'text' || spec.kind === 'select') {
        if (text === '') {
          if (spec.required) problems.set(path, TEXT.required(spec.label));
          continue;
        }
        const problem = spec.check?.(text);
        if (problem) problems.set(path, problem);
        else values[path] = text;
        continue;
      }
      if (spec.kind === 'table') {
        const parsed = spec.fromInput(text);
        if (parsed.problem) problems.set(path, parsed.problem);
        else if (parsed.value === undefined) {
          if (spec.required) problems.set(path, TEXT.required(spec.label));
        } else values[path] = parsed.value;
        continue;
      }
      if (text === '') {
        if (spec.required) problems.set(path, TEXT.required(spec.label));
        continue;
      }
      const v = parseNumber(text);
      const problem = !Number.isFinite(v) ? TEXT.notNumber(spec.label)
        : spec.kind === 'int' && !Number.isInteger(v) ? TEXT.notWhole(spec.label)
          : spec.min != null && v < spec.min ? TEXT.atLeast(spec.label, withUnit(spec.min, spec.unit))
            : spec.above != null && v <= spec.above ? TEXT.above(spec.label, withUnit(spec.above, spec.unit))
              : spec.max != null && v > spec.max ? TEXT.atMost(spec.label, withUnit(spec.max, spec.unit))
                : null;
      if (problem) problems.set(path, problem);
      else values[path] = v;
    }

    for (const rule of rules) {
      const paths = rule.fields(values);
      if (!paths.every((p) => p in values) || rule.holds(values)) continue;
      // Said under the field the person changed last: that is the value they are deciding on.
      const changed = [...paths].sort((a, b) => (edits.get(b) ?? 0) - (edits.get(a) ?? 0))[0];
      if (!problems.has(changed)) problems.set(changed, rule.say[changed](values));
    }
    return { values, problems };
  }

  function body(values) {
    const out = { id: config?.id };
    for (const [path, value] of Object.entries(values)) set(out, path, value);
    return out;
  }

  function markInvalid(field, text) {
    field.error.textContent = text;
    field.error.hidden = false;
    field.input.setAttribute('aria-invalid', 'true');
    describe(field, true);
  }

  /** Shows each problem under its field, in the form's order; focus goes to the first. */
  function showProblems(problems) {
    let first = null;
    for (const [path, field] of inputs) {
      if (!problems.has(path)) continue;
      markInvalid(field, problems.get(path));
      first ??= field.input;
    }
    first?.focus();
    return first !== null;
  }

  /** The server's reasons ("must be less than lowPct (5)") in the form's words ("… less than Low below (5)"). */
  function fromServer(errors) {
    const problems = new Map();
    for (const [path, reasons] of Object.entries(errors ?? {})) {
      const key = inputs.has(path) ? path : path.replace(/\[\d+\].*$/, '');
      const field = inputs.get(key);
      if (!field) continue;
      const words = reasons.map((r) => {
        let text = r;
        for (const [other, { spec }] of inputs) {
          const name = other.split('.').at(-1);
          if (/[A-Z]/.test(name)) text = text.replace(new RegExp(`\\b${name}\\b`, 'g'), spec.label);
        }
        return text;
      });
      const row = path === key ? '' : ` (${path.slice(key.length)})`;
      problems.set(key, `${field.spec.label}${row} ${words.join('; ')}`);
    }
    return problems;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!editable) return;
    clearErrors();
    setText(s.saved, '');
    const { values, problems } = read();
    if (problems.size > 0) {
      showProblems(problems);
      setText(s.error, TEXT.seeBelow);
      setAttr(s.error, 'hidden', false);
      return;
    }
    s.submit.disabled = true;
    try {
      await save(body(values));
      setText(s.saved, TEXT.saved);
    } catch (err) {
      const matched = err.status === 400 && showProblems(fromServer(err.fields));
      setText(s.error, matched ? TEXT.seeBelow : [err.message, err.detail].filter(Boolean).join(' '));
      setAttr(s.error, 'hidden', false);
    } finally {
      s.submit.disabled = false;
    }
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    if (waiting ?? config) fill(waiting ?? config);
    setText(s.saved, '');
  });

  if (!editable) {
    for (const { input } of inputs.values()) input.disabled = true;
    s.actions.hidden = true;
  }

  return {
    el: form,
    fill,
    update,
    get config() {
      return config;
    },
    get dirty() {
      return isDirty();
    },
  };
}
