// A trucking voucher, entered by field staff on a phone as the truck leaves (#/camps/{campId}/voucher[/{tankId}]):
// the tank, the time, the litres and the contractor's truck and voucher number, as written on the paper voucher.
// Below the form, today's vouchers of the camp with what the tank's sensor confirmed, refreshed every 15 s, so
// the person who entered one sees it verified once the fill shows in the level. Made for a 360 px phone: one
// column, big fields, the save button at the bottom, the server's reason under the field it refused.

import * as api from '../api.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { dayTime, litres, zoneName, zoneOffsetMs } from '../format.js';
import { can } from '../session.js';
import { pageMessage } from './page-message.js';

const TEXT = {
  title: 'Truck voucher',
  back: '← Camp',
  tank: 'Tank filled',
  deliveredAt: 'Time of delivery',
  zone: (z) => `in ${z}`,
  litres: 'Litres on the voucher',
  litresUnit: 'L',
  contractor: 'Contractor',
  truck: 'Truck (plate or number)',
  voucherNo: 'Voucher number',
  frc: 'Free chlorine at delivery (optional)',
  frcUnit: 'mg/L',
  save: 'Save voucher',
  saved: (v) => `Saved voucher ${v.voucherNo}: ${litres(v.litres)}. ${STATUS_NOTE[v.status] ?? ''}`,
  fix: 'Some fields need a change (see below each field).',
  duplicate: 'This contractor already has a voucher with this number.',
  readOnly: 'Your role can read vouchers but not enter them.',
  loading: 'Loading the camp…',
  todayTitle: 'Vouchers of the last 24 hours',
  none: 'No voucher in the last 24 hours.',
  measured: (l) => `sensor: ${litres(l)}`,
  waiting: 'waiting for the fill',
  noCamp: (id) => `There is no camp with the id “${id}”.`,
  loadFailed: 'The camp could not be loaded.',
};

export const STATUS = { pending: 'Pending', verified: 'Verified', short: 'Short', unverified: 'Unverified' };

const STATUS_NOTE = {
  pending: 'It is checked against the tank’s level as soon as the fill shows (within 3 hours).',
  verified: 'The tank’s sensor confirms it.',
  short: 'The tank’s sensor saw less water than it says. An alert is raised.',
  unverified: 'No fill was seen within 3 hours of its time. An alert is raised.',
};

const REFRESH_MS = 15_000;

const makePage = template(`
<section class="page field-page voucher-page" aria-labelledby="page-title">
  <nav class="crumbs" aria-label="Breadcrumb"><a data-slot="campLink"></a></nav>
  <header class="page-head"><h1 id="page-title" tabindex="-1" data-slot="title"></h1></header>
  <div data-slot="message"></div>
  <div data-slot="body" hidden>
    <p class="muted" data-slot="readOnly" hidden></p>
    <form class="field-form card" novalidate data-slot="form">
      <div class="form-row"><label for="v-tank" data-slot="tankLabel"></label><select id="v-tank" name="tankId" class="big-input"></select><p class="field-error" hidden></p></div>
      <div class="form-row"><label for="v-at" data-slot="atLabel"></label><input id="v-at" name="deliveredAt" type="datetime-local" class="big-input" required><p class="muted small" data-slot="zone"></p><p class="field-error" hidden></p></div>
      <div class="form-row"><label for="v-litres" data-slot="litresLabel"></label><input id="v-litres" name="litres" type="number" inputmode="numeric" min="1" step="1" class="big-input num" autocomplete="off" required><p class="field-error" hidden></p></div>
      <div class="form-row"><label for="v-contractor" data-slot="contractorLabel"></label><input id="v-contractor" name="contractor" type="text" maxlength="100" class="big-input" list="v-contractors" autocomplete="organization" required><datalist id="v-contractors"></datalist><p class="field-error" hidden></p></div>
      <div class="form-row"><label for="v-truck" data-slot="truckLabel"></label><input id="v-truck" name="truck" type="text" maxlength="100" class="big-input" autocomplete="off" required><p class="field-error" hidden></p></div>
      <div class="form-row"><label for="v-no" data-slot="noLabel"></label><input id="v-no" name="voucherNo" type="text" maxlength="100" class="big-input" autocomplete="off" required><p class="field-error" hidden></p></div>
      <div class="form-row"><label for="v-frc" data-slot="frcLabel"></label><input id="v-frc" name="frcMgL" type="number" inputmode="decimal" min="0" max="10" step="any" class="big-input num" autocomplete="off"><p class="field-error" hidden></p></div>
      <p class="form-error" role="alert" hidden></p>
      <p class="form-saved" role="status"></p>
      <button type="submit" class="button button-block" data-slot="save"></button>
    </form>
    <section class="card voucher-today" aria-labelledby="today-title">
      <h2 id="today-title" data-slot="todayTitle"></h2>
      <ul class="voucher-list" data-slot="list"></ul>
    </section>
  </div>
</section>`);

/** "2026-11-30T10:15" as the camp's clock reads now. */
function localNow(zone) {
  const now = Date.now();
  return new Date(now + zoneOffsetMs(now, zone)).toISOString().slice(0, 16);
}

/** A camp-local "2026-11-30T10:15" as an instant in UTC. */
function toInstant(local, zone) {
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return local;
  return new Date(asUtc - zoneOffsetMs(asUtc - zoneOffsetMs(asUtc, zone), zone)).toISOString();
}

export function mount(root, { campId, tankId }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  const enc = encodeURIComponent(campId);
  setAttr(s.campLink, 'href', `#/camps/${enc}`);
  setText(s.campLink, TEXT.back);
  setText(s.title, TEXT.title);
  app.setTitle(`${TEXT.title} · ${campId}`);
  for (const [slot, text] of [['tankLabel', TEXT.tank], ['atLabel', TEXT.deliveredAt], ['litresLabel', `${TEXT.litres} (${TEXT.litresUnit})`],
    ['contractorLabel', TEXT.contractor], ['truckLabel', TEXT.truck], ['noLabel', TEXT.voucherNo], ['frcLabel', `${TEXT.frc} (${TEXT.frcUnit})`],
    ['save', TEXT.save], ['todayTitle', TEXT.todayTitle]]) setText(s[slot], text);
  const message = pageMessage(s.message);
  message.loading(TEXT.loading);
  const controller = new AbortController();
  const allowed = can('act');
  setText(s.readOnly, TEXT.readOnly);
  setAttr(s.readOnly, 'hidden', allowed);
  const form = s.form;
  const input = (name) => form.elements.namedItem(name);
  if (!allowed) for (const c of form.querySelectorAll('input, select, button')) c.disabled = true;
  let zone = 'UTC';
  let timer = null;

  function clearErrors() {
    for (const e of form.querySelectorAll('.field-error')) e.hidden = true;
    for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
    setAttr(form.querySelector('.form-error'), 'hidden', true);
    setText(form.querySelector('.form-saved'), '');
  }

  function showErrors(fields) {
    let first = null;
    for (const [name, reasons] of Object.entries(fields ?? {})) {
      const control = input(name);
      if (!control) continue;
      const error = control.closest('.form-row').querySelector('.field-error');
      error.textContent = reasons.join('; ');
      error.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
    first?.focus();
    return first !== null;
  }

  async function loadList() {
    const to = new Date();
    const from = new Date(to.getTime() - 86_400_000);
    const vouchers = await api.getVouchers(campId, { from: from.toISOString(), to: new Date(to.getTime() + 3_600_000).toISOString() }, { signal: controller.signal });
    const items = [...vouchers].reverse().map((v) => {
      const li = document.createElement('li');
      li.className = 'voucher-item';
      li.id = `voucher-${v.id}`;
      li.dataset.status = v.status;
      const head = document.createElement('p');
      head.className = 'voucher-head';
      const badge = document.createElement('span');
      badge.className = 'voucher-status';
      badge.textContent = STATUS[v.status] ?? v.status;
      const what = document.createElement('strong');
      what.textContent = `${v.voucherNo} · ${litres(v.litres)}`;
      head.append(what, ' ', badge);
      const detail = document.createElement('p');
      detail.className = 'muted small';
      detail.textContent = [v.contractor, v.truck, v.tankId, dayTime(v.deliveredAt, zone),
        typeof v.measuredL === 'number' ? TEXT.measured(v.measuredL) : v.status === 'pending' ? TEXT.waiting : ''].filter(Boolean).join(' · ');
      li.append(head, detail);
      return li;
    });
    if (!items.length) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = TEXT.none;
      items.push(li);
    }
    s.list.replaceChildren(...items);
    const names = [...new Set(vouchers.map((v) => v.contractor))];
    form.querySelector('#v-contractors').replaceChildren(...names.map((n) => new Option(n)));
  }

  async function load() {
    try {
      const camp = await api.getCamp(campId, { signal: controller.signal });
      zone = camp.timeZone || 'UTC';
      app.setZone(zone);
      setText(s.title, `${TEXT.title} · ${camp.name || campId}`);
      setText(s.zone, TEXT.zone(zoneName(zone)));
      input('tankId').replaceChildren(...(camp.tanks ?? []).map((t) => new Option(t.name || t.tankId, t.tankId)));
      if (tankId) input('tankId').value = tankId;
      input('deliveredAt').value = localNow(zone);
      await loadList();
      setAttr(s.body, 'hidden', false);
      message.clear();
      app.markFresh();
      timer = setInterval(() => loadList().catch(() => {}), REFRESH_MS);
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err.notFound) {
        message.info(TEXT.noCamp(campId));
        return;
      }
      message.error(TEXT.loadFailed, err, () => load());
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const number = (name) => (input(name).value.trim() === '' ? undefined : Number(input(name).value));
    const body = {
      tankId: input('tankId').value,
      deliveredAt: toInstant(input('deliveredAt').value, zone),
      litres: number('litres'),
      contractor: input('contractor').value.trim(),
      truck: input('truck').value.trim(),
      voucherNo: input('voucherNo').value.trim(),
    };
    if (number('frcMgL') !== undefined) body.frcMgL = number('frcMgL');
    const button = form.querySelector('[type="submit"]');
    button.disabled = true;
    try {
      const voucher = await api.postVoucher(campId, body);
      setText(form.querySelector('.form-saved'), TEXT.saved(voucher));
      for (const name of ['litres', 'truck', 'voucherNo', 'frcMgL']) input(name).value = '';
      await loadList();
    } catch (err) {
      const matched = err.status === 400 && showErrors(err.fields);
      const box = form.querySelector('.form-error');
      setText(box, matched ? TEXT.fix : err.status === 409 ? `${TEXT.duplicate} ${err.detail}` : [err.message, err.detail].filter(Boolean).join(' '));
      setAttr(box, 'hidden', false);
      if (err.status === 409) input('voucherNo').setAttribute('aria-invalid', 'true');
    } finally {
      button.disabled = !allowed;
    }
  });

  load();
  return {
    unmount() {
      controller.abort();
      clearInterval(timer);
    },
  };
}
