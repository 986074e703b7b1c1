// Trucking contractors, for managers (#/contractors?month=YYYY-MM): for each contractor of the month, the
// vouchers it billed and what the tanks' sensors confirmed — billed and verified litres, short and unverified
// vouchers, verified share — and, opened under each contractor, the vouchers behind every figure, each with the
// fill that supports it (a link to the tank's deliveries). A voucher counts in the month of its time in its
// camp's zone. The CSV is the same figures for an invoice check.

import * as api from '../api.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { dayTime, litres, NONE, number } from '../format.js';
import { can } from '../session.js';
import { STATUS } from './voucher.js';
import { pageMessage } from './page-message.js';

const TEXT = {
  title: 'Trucking contractors',
  intro: 'What each contractor billed this month and what the tanks’ level sensors confirmed. Open a contractor for the vouchers behind the figures.',
  month: 'Month',
  csv: 'Download CSV',
  contractor: 'Contractor',
  vouchers: 'Vouchers',
  billed: 'Billed',
  verified: 'Verified',
  shortCount: 'Short',
  shortL: 'Missing',
  unverified: 'Unverified',
  verifiedPct: 'Verified %',
  none: 'No voucher in this month.',
  loading: 'Loading the contractors…',
  details: (name) => `Vouchers of ${name}`,
  camp: 'Camp / tank',
  time: 'Time',
  number: 'Voucher',
  truck: 'Truck',
  voucherL: 'Voucher',
  measuredL: 'Measured',
  status: 'Status',
  fill: 'Fill',
  seeFill: 'see the fill',
  noFill: 'no fill',
  loadFailed: 'The contractors could not be loaded.',
};

const makePage = template(`
<section class="page contractors-page" aria-labelledby="page-title">
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-slot="title"></h1>
    <p class="muted" data-slot="intro"></p>
  </header>
  <form class="toolbar" data-slot="picker">
    <label for="c-month" data-slot="monthLabel"></label>
    <input id="c-month" type="month" name="month" data-slot="month">
    <a class="button button-secondary" data-slot="csv" download hidden></a>
  </form>
  <div data-slot="message"></div>
  <div class="table-wrap card table-card" data-slot="body" hidden>
    <table class="table contractors-table">
      <thead><tr data-slot="head"></tr></thead>
      <tbody data-slot="rows"></tbody>
    </table>
  </div>
  <div data-slot="details"></div>
</section>`);

const thisMonth = () => new Date().toISOString().slice(0, 7);

function cell(row, text, { n = false, warn = false, header = false } = {}) {
  const c = header ? document.createElement('th') : row.insertCell();
  if (header) {
    c.scope = 'row';
    row.append(c);
  }
  if (text instanceof Node) c.append(text);
  else c.textContent = text;
  if (n) c.className = 'n num';
  if (warn) c.dataset.warn = 'true';
  return c;
}

function voucherTable(f, slug) {
  const section = document.createElement('details');
  section.className = 'card contractor-vouchers';
  section.id = `contractor-${slug}`;
  const summary = document.createElement('summary');
  summary.textContent = TEXT.details(f.contractor);
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  const table = document.createElement('table');
  table.className = 'table';
  const head = table.createTHead().insertRow();
  for (const [label, n] of [[TEXT.time], [TEXT.number], [TEXT.truck], [TEXT.camp], [TEXT.voucherL, true], [TEXT.measuredL, true], [TEXT.status], [TEXT.fill]]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    if (n) th.className = 'n';
    head.append(th);
  }
  const body = table.createTBody();
  for (const v of f.items) {
    const row = body.insertRow();
    row.dataset.status = v.status;
    cell(row, dayTime(v.deliveredAt));
    cell(row, v.voucherNo);
    cell(row, v.truck);
    cell(row, `${v.campId} / ${v.tankId}`);
    cell(row, litres(v.litres), { n: true });
    cell(row, typeof v.measuredL === 'number' ? litres(v.measuredL) : NONE, { n: true });
    cell(row, STATUS[v.status] ?? v.status, { warn: v.status === 'short' || v.status === 'unverified' });
    if (v.deliveryId) {
      const a = document.createElement('a');
      a.href = `#/camps/${encodeURIComponent(v.campId)}/tanks/${encodeURIComponent(v.tankId)}?delivery=${encodeURIComponent(v.deliveryId)}`;
      a.textContent = TEXT.seeFill;
      cell(row, a);
    } else {
      cell(row, TEXT.noFill);
    }
  }
  wrap.append(table);
  section.append(summary, wrap);
  return section;
}

export function mount(root, params, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  setText(s.title, TEXT.title);
  setText(s.intro, TEXT.intro);
  setText(s.monthLabel, TEXT.month);
  setText(s.csv, TEXT.csv);
  app.setTitle(TEXT.title);
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  let month = /^\d{4}-\d{2}$/.test(query.get('month') ?? '') ? query.get('month') : thisMonth();
  s.month.value = month;
  for (const [label, n] of [[TEXT.contractor], [TEXT.vouchers, true], [TEXT.billed, true], [TEXT.verified, true], [TEXT.shortCount, true],
    [TEXT.shortL, true], [TEXT.unverified, true], [TEXT.verifiedPct, true]]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    if (n) th.className = 'n';
    s.head.append(th);
  }
  const message = pageMessage(s.message);
  const controller = new AbortController();

  async function load() {
    message.loading(TEXT.loading);
    setAttr(s.csv, 'href', api.contractorsCsvUrl(month));
    setAttr(s.csv, 'hidden', !can('export'));
    try {
      const figures = await api.getContractors(month, { signal: controller.signal });
      message.clear();
      setAttr(s.body, 'hidden', figures.length === 0);
      if (!figures.length) message.info(TEXT.none);
      s.rows.replaceChildren();
      const details = [];
      figures.forEach((f, i) => {
        const slug = `c${i + 1}`;
        const row = s.rows.insertRow();
        row.dataset.contractor = f.contractor;
        const link = document.createElement('a');
        link.href = `#contractor-${slug}`;
        link.textContent = f.contractor;
        link.addEventListener('click', (e) => {
          e.preventDefault();
          const open = page.querySelector(`#contractor-${slug}`);
          open.open = true;
          open.scrollIntoView({ block: 'start' });
        });
        cell(row, link, { header: true });
        cell(row, number(f.vouchers), { n: true });
        cell(row, litres(f.billedL), { n: true });
        cell(row, litres(f.verifiedL), { n: true });
        cell(row, number(f.shortCount), { n: true, warn: f.shortCount > 0 });
        cell(row, litres(f.shortL), { n: true, warn: f.shortL > 0 });
        cell(row, number(f.unverified), { n: true, warn: f.unverified > 0 });
        cell(row, typeof f.verifiedPct === 'number' ? `${number(f.verifiedPct, 1)} %` : NONE, { n: true });
        details.push(voucherTable(f, slug));
      });
      s.details.replaceChildren(...details);
      app.markFresh();
    } catch (err) {
      if (controller.signal.aborted) return;
      message.error(TEXT.loadFailed, err, () => load());
    }
  }

  s.month.addEventListener('change', () => {
    if (!/^\d{4}-\d{2}$/.test(s.month.value)) return;
    month = s.month.value;
    history.replaceState(null, '', `#/contractors?month=${month}`);
    load();
  });
  s.picker.addEventListener('submit', (e) => e.preventDefault());

  load();
  return { unmount: () => controller.abort() };
}
