// Field staff's entries for a camp (#/camps/{campId}/field, and .../field/{form}/{tank|point}/{id} to open a
// form on a place): a water quality test, a tap count at a water point, and the latrine and shower counts.
// Made for a 360 px phone held in one hand: one form at a time, big fields and − / + steppers within reach of
// the thumb, the save button at the bottom, and the server's reason shown under the field it refused.

import * as api from '../api.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { keepForm } from '../drafts.js';
import { t } from '../i18n.js';
import { can } from '../session.js';
import { PROBLEMS } from '../services.js';
import { pageMessage } from './page-message.js';

const COMMA = t('list.comma');

const TEXT = {
  title: t('fieldForm.title'),
  forms: { quality: t('fieldForm.forms.quality'), taps: t('fieldForm.forms.taps'), sanitation: t('fieldForm.forms.sanitation') },
  place: t('fieldForm.place'),
  tanks: t('fieldForm.tanks'),
  points: t('fieldForm.points'),
  frc: [t('svc.frc'), t('unit.mgL')],
  turbidity: [t('svc.turbidity'), t('unit.ntu')],
  ph: [t('svc.ph'), ''],
  ecoli: [t('svc.ecoli'), t('unit.cfu')],
  note: t('fieldForm.note'),
  point: t('fieldForm.point'),
  usableTaps: t('fieldForm.usableTaps'),
  of: (n) => t('fieldForm.ofTaps', { n }),
  latrines: t('fieldForm.latrines'),
  usableLatrines: t('fieldForm.usableLatrines'),
  showers: t('fieldForm.showers'),
  usableShowers: t('fieldForm.usableShowers'),
  saveTest: t('fieldForm.saveTest'),
  saveTaps: t('fieldForm.saveTaps'),
  saveSanitation: t('fieldForm.saveSanitation'),
  savedSafe: t('fieldForm.savedSafe'),
  savedProblem: (problems) => t('fieldForm.savedProblem', { problems }),
  savedTaps: (p) => t('fieldForm.savedTaps', { usable: p.usableTaps, taps: p.taps, name: p.name }),
  savedSanitation: t('fieldForm.savedSanitation'),
  fix: t('fieldForm.fix'),
  readOnly: t('fieldForm.readOnly'),
  noPoints: t('fieldForm.noPoints'),
  loading: t('fieldForm.loading'),
  less: t('fieldForm.less'),
  more: t('fieldForm.more'),
};

const makePage = template(`
<section class="page field-page" aria-labelledby="page-title">
  <nav class="crumbs" data-i18n-aria-label="field.breadcrumb"><a data-slot="campLink" data-i18n="field.camp"></a></nav>
  <header class="page-head"><h1 id="page-title" tabindex="-1" data-slot="title"></h1></header>
  <div data-slot="message"></div>
  <div data-slot="body" hidden>
    <div class="segmented segmented-wide" role="group" data-i18n-aria-label="field.form" data-slot="tabs"></div>
    <p class="muted" data-slot="readOnly" hidden></p>
    <form class="field-form card" novalidate data-form="quality" hidden>
      <div class="form-row"><label for="f-place" data-slot="placeLabel"></label><select id="f-place" name="place" class="big-input"></select><p class="field-error" data-slot="placeError" hidden></p></div>
      <div data-slot="qualityFields"></div>
      <div class="form-row"><label for="f-note"></label><input id="f-note" name="note" type="text" maxlength="2000" autocomplete="off"></div>
      <p class="form-error" role="alert" hidden></p>
      <p class="form-saved" role="status"></p>
      <button type="submit" class="button button-block" data-slot="saveTest"></button>
    </form>
    <form class="field-form card" novalidate data-form="taps" hidden>
      <div class="form-row"><label for="f-point" data-slot="pointLabel"></label><select id="f-point" name="point" class="big-input"></select><p class="field-error" data-slot="pointError" hidden></p></div>
      <div data-slot="tapFields"></div>
      <div class="form-row"><label for="f-tap-note"></label><input id="f-tap-note" name="note" type="text" maxlength="2000" autocomplete="off"></div>
      <p class="form-error" role="alert" hidden></p>
      <p class="form-saved" role="status"></p>
      <button type="submit" class="button button-block" data-slot="saveTaps"></button>
    </form>
    <form class="field-form card" novalidate data-form="sanitation" hidden>
      <div data-slot="sanitationFields"></div>
      <p class="form-error" role="alert" hidden></p>
      <p class="form-saved" role="status"></p>
      <button type="submit" class="button button-block" data-slot="saveSanitation"></button>
    </form>
  </div>
</section>`);

let serial = 0;

/** A number field with its unit, − and + steppers, and a line for the server's reason. */
function numberField(name, label, unit, { step = 1, decimal = false } = {}) {
  const id = `fld${(serial += 1)}-${name}`;
  const row = document.createElement('div');
  row.className = 'form-row stepper-row';
  const lab = document.createElement('label');
  lab.htmlFor = id;
  lab.className = 'stepper-label';
  lab.textContent = label;
  const control = document.createElement('div');
  control.className = 'stepper';
  const input = document.createElement('input');
  input.id = id;
  input.name = name;
  input.type = 'number';
  input.inputMode = decimal ? 'decimal' : 'numeric';
  input.step = decimal ? 'any' : '1';
  input.min = '0';
  input.className = 'big-input num';
  input.autocomplete = 'off';
  const minus = document.createElement('button');
  const plus = document.createElement('button');
  for (const [button, sign, words] of [[minus, '−', TEXT.less], [plus, '+', TEXT.more]]) {
    button.type = 'button';
    button.className = 'step';
    button.textContent = sign;
    button.setAttribute('aria-label', `${words} ${label}`);
  }
  const bump = (by) => {
    const now = Number(input.value || 0);
    const next = Math.max(0, Math.round((now + by) * 100) / 100);
    input.value = String(next);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  minus.addEventListener('click', () => bump(-step));
  plus.addEventListener('click', () => bump(step));
  const unitEl = document.createElement('span');
  unitEl.className = 'form-unit';
  unitEl.id = `${id}-unit`;
  unitEl.textContent = unit;
  if (unit) input.setAttribute('aria-describedby', unitEl.id);
  control.append(minus, input, plus);
  const error = document.createElement('p');
  error.className = 'field-error';
  error.id = `${id}-error`;
  error.hidden = true;
  // The unit on the label's line: the figure and its unit are read together, and the form stays short.
  const head = document.createElement('div');
  head.className = 'stepper-head';
  head.append(lab, unitEl);
  row.append(head, control, error);
  return { row, input, error, unit: unitEl };
}

function showFieldErrors(form, fields, reasons) {
  let first = null;
  for (const [path, list] of Object.entries(reasons ?? {})) {
    const field = fields[path];
    if (!field) continue;
    field.error.textContent = list.join('; ');
    field.error.hidden = false;
    field.input.setAttribute('aria-invalid', 'true');
    first ??= field.input;
  }
  first?.focus();
  return first !== null;
}

function clearErrors(form, fields) {
  for (const f of Object.values(fields)) {
    f.error.hidden = true;
    f.input.removeAttribute('aria-invalid');
  }
  setAttr(form.querySelector('.form-error'), 'hidden', true);
  setText(form.querySelector('.form-saved'), '');
  setAttr(form.querySelector('.form-saved'), 'data-warn', false);
}

/** Sends a form's body; shows the outcome in the form. Returns the server's answer, or null. */
async function submit(form, fields, send, saved) {
  clearErrors(form, fields);
  const button = form.querySelector('[type="submit"]');
  button.disabled = true;
  try {
    const answer = await send();
    const box = form.querySelector('.form-saved');
    setText(box, saved(answer));
    // A test that is out of range is saved all the same, but it is news to act on, not a green tick.
    setAttr(box, 'data-warn', answer?.ok === false);
    return answer;
  } catch (err) {
    if (err.queued) {
      // No network: the entry waits in the outbox and goes when the network is back.
      setText(form.querySelector('.form-saved'), t('offline.savedQueued'));
      return { queued: true };
    }
    const matched = err.status === 400 && showFieldErrors(form, fields, err.fields);
    const box = form.querySelector('.form-error');
    setText(box, matched ? TEXT.fix : [err.message, err.detail].filter(Boolean).join(' '));
    setAttr(box, 'hidden', false);
    return null;
  } finally {
    button.disabled = false;
  }
}

const valueOf = (input) => (input.value.trim() === '' ? undefined : Number(input.value));

export function mount(root, { campId, form = 'quality', placeKind, placeId }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  const enc = encodeURIComponent(campId);
  setAttr(s.campLink, 'href', `#/camps/${enc}`);
  setText(s.title, TEXT.title);
  app.setTitle(`${TEXT.title} · ${campId}`);
  const message = pageMessage(s.message);
  message.loading(TEXT.loading);
  const controller = new AbortController();
  const allowed = can('act');
  setText(s.readOnly, TEXT.readOnly);
  setAttr(s.readOnly, 'hidden', allowed);

  const forms = Object.fromEntries([...page.querySelectorAll('[data-form]')].map((f) => [f.dataset.form, f]));
  const tabs = Object.entries(TEXT.forms).map(([key, label]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.tab = key;
    button.addEventListener('click', () => show(key));
    return button;
  });
  s.tabs.append(...tabs);
  function show(key) {
    for (const b of tabs) setAttr(b, 'aria-pressed', String(b.dataset.tab === key));
    for (const [name, f] of Object.entries(forms)) setAttr(f, 'hidden', name !== key);
  }

  // Water test
  const q = forms.quality;
  // What is typed survives closing the page: each form keeps its fields until they are sent.
  const drafts = Object.fromEntries(Object.entries(forms).map(([name, f]) => [name, keepForm(f, `field.${campId}.${name}`)]));
  setText(s.placeLabel, TEXT.place);
  q.querySelector('label[for="f-note"]').textContent = TEXT.note;
  const qualityFields = {
    frcMgL: numberField('frcMgL', ...TEXT.frc, { step: 0.05, decimal: true }),
    turbidityNtu: numberField('turbidityNtu', ...TEXT.turbidity, { step: 0.5, decimal: true }),
    ph: numberField('ph', ...TEXT.ph, { step: 0.1, decimal: true }),
    ecoliCfu: numberField('ecoliCfu', ...TEXT.ecoli, { step: 1 }),
  };
  s.qualityFields.append(...Object.values(qualityFields).map((f) => f.row));
  const placeSelect = q.querySelector('#f-place');
  qualityFields.tankId = { input: placeSelect, error: s.placeError };
  qualityFields.pointId = { input: placeSelect, error: s.placeError };
  setText(s.saveTest, TEXT.saveTest);

  // Tap count
  const tapForm = forms.taps;
  setText(s.pointLabel, TEXT.point);
  tapForm.querySelector('label[for="f-tap-note"]').textContent = TEXT.note;
  const tapFields = { usableTaps: numberField('usableTaps', TEXT.usableTaps, '') };
  s.tapFields.append(tapFields.usableTaps.row);
  const pointSelect = tapForm.querySelector('#f-point');
  setText(s.saveTaps, TEXT.saveTaps);

  // Sanitation
  const sanitationFields = {
    latrines: numberField('latrines', TEXT.latrines, ''),
    usableLatrines: numberField('usableLatrines', TEXT.usableLatrines, ''),
    showers: numberField('showers', TEXT.showers, ''),
    usableShowers: numberField('usableShowers', TEXT.usableShowers, ''),
  };
  s.sanitationFields.append(...Object.values(sanitationFields).map((f) => f.row));
  setText(s.saveSanitation, TEXT.saveSanitation);

  if (!allowed) {
    for (const f of Object.values(forms)) {
      for (const control of f.querySelectorAll('input, select, button')) control.disabled = true;
    }
  }

  let points = [];
  function showTapsOf() {
    const point = points.find((p) => p.id === pointSelect.value);
    setText(tapFields.usableTaps.unit, point ? TEXT.of(point.taps) : '');
    if (point) {
      tapFields.usableTaps.input.max = String(point.taps);
      tapFields.usableTaps.input.value = String(point.usableTaps);
    }
  }
  pointSelect.addEventListener('change', showTapsOf);

  async function load() {
    try {
      const [camp, list, sanitation] = await Promise.all([
        api.getCamp(campId, { signal: controller.signal }),
        api.getPoints(campId, { signal: controller.signal }),
        api.getSanitation(campId, { signal: controller.signal }),
      ]);
      points = list;
      setText(s.title, `${TEXT.title} · ${camp.name || campId}`);
      app.setTitle(`${TEXT.title} · ${camp.name || campId}`);
      const tanks = document.createElement('optgroup');
      tanks.label = TEXT.tanks;
      tanks.append(...(camp.tanks ?? []).map((tank) => new Option(tank.name || tank.tankId, `tank:${tank.tankId}`)));
      const pointGroup = document.createElement('optgroup');
      pointGroup.label = TEXT.points;
      pointGroup.append(...points.map((p) => new Option(p.name, `point:${p.id}`)));
      placeSelect.replaceChildren(...[pointGroup, tanks].filter((g) => g.children.length));
      pointSelect.replaceChildren(...points.map((p) => new Option(p.name, p.id)));
      if (placeKind && placeId) {
        placeSelect.value = `${placeKind}:${placeId}`;
        if (placeKind === 'point') pointSelect.value = placeId;
      }
      showTapsOf();
      setAttr(forms.taps.querySelector('[type="submit"]'), 'disabled', !allowed || points.length === 0);
      if (points.length === 0) setText(forms.taps.querySelector('.form-saved'), TEXT.noPoints);
      if (sanitation) {
        for (const [key, field] of Object.entries(sanitationFields)) field.input.value = String(sanitation[key]);
      }
      for (const kept of Object.values(drafts)) kept.restore();
      setAttr(s.body, 'hidden', false);
      message.clear();
      show(TEXT.forms[form] ? form : 'quality');
      app.markFresh();
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err.notFound) {
        message.info(t('camp.notFound.text', { id: campId }));
        return;
      }
      message.error(t('camp.loadFailed'), err, () => load());
    }
  }

  q.addEventListener('submit', async (e) => {
    e.preventDefault();
    const [kind, id] = placeSelect.value.split(':');
    const body = { [kind === 'point' ? 'pointId' : 'tankId']: id };
    for (const name of ['frcMgL', 'turbidityNtu', 'ph', 'ecoliCfu']) {
      const v = valueOf(qualityFields[name].input);
      if (v !== undefined) body[name] = v;
    }
    const note = q.querySelector('#f-note').value.trim();
    if (note) body.note = note;
    const test = await submit(q, qualityFields, () => api.postQuality(campId, body),
      (answer) => (answer.ok ? TEXT.savedSafe : TEXT.savedProblem(answer.problems.map((p) => PROBLEMS[p] ?? p).join(COMMA))));
    if (test) {
      drafts.quality.clear();
      for (const name of ['frcMgL', 'turbidityNtu', 'ph', 'ecoliCfu']) qualityFields[name].input.value = '';
      q.querySelector('#f-note').value = '';
    }
  });

  tapForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { usableTaps: valueOf(tapFields.usableTaps.input) };
    const note = tapForm.querySelector('#f-tap-note').value.trim();
    if (note) body.note = note;
    const point = await submit(tapForm, tapFields, () => api.postTapCount(campId, pointSelect.value, body), TEXT.savedTaps);
    if (point) {
      drafts.taps.clear();
      points = points.map((p) => (p.id === point.id ? point : p));
      tapForm.querySelector('#f-tap-note').value = '';
    }
  });

  forms.sanitation.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(sanitationFields).map(([key, f]) => [key, valueOf(f.input)]));
    if (await submit(forms.sanitation, sanitationFields, () => api.putSanitation(campId, body), () => TEXT.savedSanitation)) drafts.sanitation.clear();
  });

  load();
  return {
    unmount() {
      controller.abort();
    },
  };
}
