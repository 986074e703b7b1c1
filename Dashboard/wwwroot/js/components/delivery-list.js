// A table of deliveries: each fill the tank's level showed, when it started and ended, the litres it brought
// (with the water people drew meanwhile) and what its voucher says of it. On the tank page and behind each
// figure of the contractors page. Times in the camp's zone.

import { dayTime, clock, litres, NONE } from '../format.js';

const TEXT = {
  caption: 'Deliveries seen in the level',
  started: 'Started',
  ended: 'Ended',
  litres: 'Litres',
  voucher: 'Voucher',
  status: 'Status',
  none: 'No fill seen in this period.',
  statuses: { verified: 'Verified', short: 'Short', unmatched: 'No voucher' },
};

export const DELIVERY_TEXT = TEXT;

/** @returns {{el: HTMLElement, show(deliveries: object[], zone: string, vouchersById?: Map<string, object>): void}} */
export function createDeliveryList() {
  const el = document.createElement('div');
  el.className = 'table-wrap delivery-list';
  function show(deliveries, zone, vouchersById = new Map()) {
    if (!deliveries.length) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = TEXT.none;
      el.replaceChildren(p);
      return;
    }
    const table = document.createElement('table');
    table.className = 'table';
    const caption = table.createCaption();
    caption.className = 'visually-hidden';
    caption.textContent = TEXT.caption;
    const head = table.createTHead().insertRow();
    for (const [label, n] of [[TEXT.started], [TEXT.ended], [TEXT.litres, true], [TEXT.voucher], [TEXT.status]]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      if (n) th.className = 'n';
      head.append(th);
    }
    const body = table.createTBody();
    for (const d of [...deliveries].reverse()) {
      const row = body.insertRow();
      row.id = `delivery-${d.id}`;
      row.dataset.status = d.status;
      const v = d.voucherId ? vouchersById.get(d.voucherId) : null;
      const cells = [
        dayTime(d.startedAt, zone),
        clock(d.endedAt, zone),
        litres(d.litres),
        v ? `${v.voucherNo} · ${v.contractor} · ${litres(v.litres)}` : d.voucherId ?? NONE,
        TEXT.statuses[d.status] ?? d.status,
      ];
      cells.forEach((text, i) => {
        const cell = row.insertCell();
        cell.textContent = text;
        if (i === 2) cell.className = 'n num';
        if (i === 4 && d.status === 'short') cell.dataset.warn = 'true';
      });
    }
    el.replaceChildren(table);
  }
  return { el, show };
}
