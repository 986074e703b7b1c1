// One alert in the inbox: what happened, where (the tank by its name), how bad (icon and word, not
// colour alone), the figure now beside the one that raised it, its state and who acted; and, for those
// who may act, the actions in one or two taps: Acknowledge, Assign to me (naming someone else is a
// second step), Comment, Resolve. Big targets for a thumb; every button says what it does. Times are in
// the camp's zone.

import { setAttr, setText, slots, template } from '../dom.js';
import { createDeliveryLog } from './delivery-log.js';
import { NONE, age, dayTime, flow, isNumber, lpd, number, percent, tankState } from '../format.js';

export const SEVERITIES = {
  critical: { label: 'Critical', icon: '!', rank: 0 },
  warning: { label: 'Warning', icon: '▲', rank: 1 },
  info: { label: 'Info', icon: 'i', rank: 2 },
};

const KINDS = {
  'low-level': { label: 'Low level', unit: '%' },
  overflow: { label: 'Overflow', unit: '%' },
  'rapid-drop': { label: 'Rapid drop', unit: '%/h' },
  'night-draw': { label: 'Water drawn at night', unit: 'L' },
  'sensor-offline': { label: 'Sensor offline', unit: 'min' },
  'sensor-fault': { label: 'Sensor fault', unit: '' },
  'coverage-low': { label: 'Coverage below target', unit: 'l/p/d' },
  'quality-frc-low': { label: 'Chlorine too low', unit: 'mg/L' },
  'quality-frc-high': { label: 'Chlorine too high', unit: 'mg/L' },
  'quality-turbidity': { label: 'Water turbid', unit: 'NTU' },
  'quality-ecoli': { label: 'E. coli in the water', unit: 'CFU/100 mL' },
  'quality-ph': { label: 'pH out of range', unit: '' },
  'taps-short': { label: 'Too few working taps', unit: 'people per tap' },
  'latrines-short': { label: 'Too few usable latrines', unit: 'people per latrine' },
  'delivery-short': { label: 'Truck delivered short', unit: 'L' },
  'delivery-unverified': { label: 'Voucher without a fill', unit: 'L' },
};

const withUnit = (v, unit) => (isNumber(v) ? `${number(v, Math.abs(v) < 10 ? 1 : 0)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}` : NONE);

const make = template(`
<li class="alert-card">
  <article aria-labelledby="" data-slot="article">
    <header class="alert-head">
      <span class="sev" data-slot="sev"><span class="sev-icon" aria-hidden="true"></span><span class="sev-text"></span></span>
      <h2 class="alert-title" data-slot="title"></h2>
      <time class="age alert-age" data-slot="age"></time>
    </header>
    <p class="alert-where" data-slot="where"></p>
    <p class="alert-message" data-slot="message"></p>
    <p class="alert-now num" data-slot="now"><span></span><time class="age"></time></p>
    <p class="alert-figures num" data-slot="figures"></p>
    <p class="alert-state" data-slot="state"></p>
    <ul class="alert-comments" data-slot="comments" hidden></ul>
    <div class="alert-actions" data-slot="actions" hidden>
      <button type="button" class="act act-primary" data-act="acknowledge">Acknowledge</button>
      <button type="button" class="act" data-act="assign-me">Assign to me</button>
      <button type="button" class="act" data-act="comment" aria-expanded="false">Comment</button>
      <button type="button" class="act" data-act="resolve" aria-expanded="false">Resolve</button>
      <button type="button" class="act act-link" data-act="assign-other" aria-expanded="false">Assign someone else…</button>
    </div>
    <form class="alert-form" data-slot="form" hidden>
      <label data-slot="formLabel"></label>
      <div class="alert-form-row">
        <input type="text" data-slot="formInput" autocomplete="off">
        <button type="submit" class="act act-primary" data-slot="formSubmit"></button>
        <button type="button" class="act" data-slot="formCancel">Cancel</button>
      </div>
    </form>
    <p class="alert-error" role="alert" data-slot="error" hidden></p>
  </article>
</li>`);

let serial = 0;

/**
 * What the figure is now, beside the one that raised the alert: the tank's level (or how long it has
 * been silent), the camp's latest day for coverage. [text, time of the last reading or null].
 */
function nowFigure(alert, tank, camp) {
  // A water test's alert is about the water, not the tank's level: its figure now is the next test's.
  if (alert.kind.startsWith('quality-') || alert.kind.startsWith('delivery-')) return ['', null];
  if (alert.kind === 'taps-short' || alert.kind === 'latrines-short') {
    const per = alert.kind === 'taps-short' ? camp?.peoplePerUsableTap : camp?.peoplePerUsableLatrine;
    return isNumber(per) ? [`Now ${Math.round(per)} people per ${alert.kind === 'taps-short' ? 'working tap' : 'usable latrine'}`, null] : ['', null];
  }
  if (alert.tankId) {
    if (!tank) return ['', null];
    const state = tankState(tank.state);
    if (alert.kind === 'sensor-offline' || state === 'offline' || state === 'unknown') {
      return tank.lastReadingAt ? ['Now: last reading ', tank.lastReadingAt] : ['Now: no reading yet', null];
    }
    if (alert.kind === 'sensor-fault' && state === 'fault') return [`Now: still a sensor fault (last level ${percent(tank.levelPct)})`, null];
    if (alert.kind === 'rapid-drop') return [`Now ${percent(tank.levelPct)}, ${flow(tank.flowLph).text}`, null];
    return [`Now ${percent(tank.levelPct)}`, null];
  }
  if (alert.kind === 'coverage-low' && camp?.yesterday) {
    return [isNumber(camp.yesterday.lpd) ? `Yesterday: ${lpd(camp.yesterday.lpd)}` : 'Yesterday: no data', null];
  }
  return ['', null];
}

/**
 * @param {object} options
 * @param {(alertId: string, kind: string, body: object) => Promise<object>} options.act  send an action; resolves to the new Alert
 * @param {() => {name: string|null, authEnabled: boolean}} options.me
 * @param {(alert: object) => {campName: string, tankName: string|null, tank: object|null, camp: object|null, zone: string|null}} options.place
 *   where the alert is: names, the tank's status and the camp's summary now, the camp's time zone
 */
export function createAlertCard({ act, me, place }) {
  const el = make();
  const s = slots(el);
  const id = `alert-${(serial += 1)}`;
  setAttr(s.title, 'id', `${id}-title`);
  setAttr(s.article, 'aria-labelledby', `${id}-title`);
  const inputId = `${id}-input`;
  setAttr(s.formInput, 'id', inputId);
  setAttr(s.formLabel, 'for', inputId);
  let alert = null;
  let formKind = null;
  let busy = false;

  const deliveries = createDeliveryLog();
  s.state.after(deliveries.el);

  const buttons = Object.fromEntries([...s.actions.querySelectorAll('[data-act]')].map((b) => [b.dataset.act, b]));

  function showError(text) {
    setText(s.error, text ?? '');
    setAttr(s.error, 'hidden', !text);
  }

  async function send(kind, body) {
    if (busy) return;
    busy = true;
    el.dataset.busy = 'true';
    showError('');
    for (const b of [...Object.values(buttons), s.formSubmit]) b.disabled = true;
    try {
      const updated = await act(alert.id, kind, body);
      closeForm();
      if (updated) card.update(updated);
    } catch (err) {
      const why = err.status === 0 ? 'No connection: nothing was sent. Try again when the network is back.'
        : err.status === 409 ? `Already changed by someone else: ${err.detail || err.message}`
          : [err.message, err.detail].filter(Boolean).join(' ');
      showError(why);
    } finally {
      busy = false;
      delete el.dataset.busy;
      for (const b of [...Object.values(buttons), s.formSubmit]) b.disabled = false;
    }
  }

  function openForm(kind) {
    formKind = kind;
    const spec = {
      comment: { label: 'Comment', submit: 'Send', placeholder: 'e.g. Truck ordered for 14:00', required: true },
      resolve: { label: 'Note (optional)', submit: 'Resolve', placeholder: 'e.g. Refilled, valve closed', required: false },
      assign: { label: 'Assign to', submit: 'Assign', placeholder: 'Name of the person', required: true },
    }[kind];
    setText(s.formLabel, spec.label);
    setText(s.formSubmit, spec.submit);
    setAttr(s.formInput, 'placeholder', spec.placeholder);
    setAttr(s.formInput, 'required', spec.required);
    s.formInput.value = '';
    setAttr(s.form, 'hidden', false);
    setAttr(buttons.comment, 'aria-expanded', String(kind === 'comment'));
    setAttr(buttons.resolve, 'aria-expanded', String(kind === 'resolve'));
    setAttr(buttons['assign-other'], 'aria-expanded', String(kind === 'assign'));
    s.formInput.focus();
  }

  function closeForm() {
    formKind = null;
    setAttr(s.form, 'hidden', true);
    for (const b of [buttons.comment, buttons.resolve, buttons['assign-other']]) setAttr(b, 'aria-expanded', 'false');
  }

  const myName = () => (me().authEnabled ? me().name : null);

  buttons.acknowledge.addEventListener('click', () => send('acknowledge', {}));
  // One tap for a signed-in person; without a name (sign-in off) there is no "me", only someone named.
  buttons['assign-me'].addEventListener('click', () => {
    const name = myName();
    if (name) send('assign', { assignee: name });
    else openForm('assign');
  });
  buttons['assign-other'].addEventListener('click', () => (formKind === 'assign' ? closeForm() : openForm('assign')));
  buttons.comment.addEventListener('click', () => (formKind === 'comment' ? closeForm() : openForm('comment')));
  buttons.resolve.addEventListener('click', () => (formKind === 'resolve' ? closeForm() : openForm('resolve')));
  s.formCancel.addEventListener('click', closeForm);
  s.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = s.formInput.value.trim();
    if (formKind === 'comment') send('comments', { text });
    else if (formKind === 'assign') send('assign', { assignee: text });
    else if (formKind === 'resolve') send('resolve', text ? { note: text } : {});
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && formKind) closeForm();
  });

  const card = {
    el,
    get alert() {
      return alert;
    },
    /** @param {object} next Alert */
    update(next, canAct = card.canAct) {
      alert = next;
      card.canAct = canAct;
      const sev = SEVERITIES[next.severity] ?? SEVERITIES.info;
      const kind = KINDS[next.kind] ?? { label: next.kind, unit: '' };
      el.dataset.severity = next.severity;
      el.dataset.state = next.state;
      el.dataset.alertId = next.id;
      el.dataset.kind = next.kind;
      setText(s.sev.firstElementChild, sev.icon);
      setText(s.sev.lastElementChild, sev.label);
      setText(s.title, kind.label);
      const at = place(next);
      const spot = next.tankId ? at.tankName ?? `Tank ${next.tankId}` : next.pointId ? `Water point ${next.pointId}` : 'Whole camp';
      const where = [spot, at.campName].join(' · ');
      setText(s.where, where);
      setText(s.message, next.message ?? '');
      const [nowText, lastReading] = next.state === 'resolved' ? ['', null] : nowFigure(next, at.tank, at.camp);
      setText(s.now.firstElementChild, nowText);
      const lastEl = s.now.lastElementChild;
      setAttr(lastEl, 'datetime', lastReading);
      setAttr(lastEl, 'hidden', !lastReading);
      setText(lastEl, lastReading ? age(lastReading) : '');
      setAttr(s.now, 'hidden', !nowText);
      // The message carries the figures with their units ("Level 6 % is below the critical 10 %"); a
      // number is repeated on its own only when there is no message.
      const figures = !next.message && isNumber(next.value)
        ? `${withUnit(next.value, kind.unit)}${isNumber(next.threshold) ? ` (limit ${withUnit(next.threshold, kind.unit)})` : ''}`
        : '';
      setText(s.figures, figures);
      setAttr(s.figures, 'hidden', !figures);
      setAttr(s.age, 'datetime', next.raisedAt);
      setAttr(s.age, 'title', `Raised ${dayTime(next.raisedAt, at.zone)}`);
      setText(s.age, age(next.raisedAt));

      const state = [`Raised ${dayTime(next.raisedAt, at.zone)}`];
      if (next.state === 'active') state.push('Not acknowledged');
      if (next.state === 'acknowledged') state.push(`Acknowledged by ${next.acknowledgedBy ?? 'someone'}`);
      if (next.state === 'resolved') state.push(`Resolved${next.resolvedBy ? ` by ${next.resolvedBy}` : ''}`);
      if (next.assignee) state.push(`assigned to ${next.assignee}`);
      if (next.escalations > 0) state.push(`sent again ${number(next.escalations)}×`);
      setText(s.state, state.join(' · '));
      deliveries.update(next, at.zone);

      const comments = next.comments ?? [];
      setAttr(s.comments, 'hidden', comments.length === 0);
      const key = comments.map((c) => `${c.at}|${c.by}|${c.text}`).join('\n');
      if (s.comments.dataset.key !== key) {
        s.comments.dataset.key = key;
        s.comments.replaceChildren(...comments.map((c) => {
          const li = document.createElement('li');
          const who = document.createElement('span');
          who.className = 'muted';
          who.textContent = `${c.by}, ${age(c.at)}: `;
          li.append(who, c.text);
          return li;
        }));
      }

      const open = next.state !== 'resolved';
      setAttr(s.actions, 'hidden', !(canAct && open));
      setAttr(buttons.acknowledge, 'hidden', next.state !== 'active');
      const name = myName();
      setAttr(buttons['assign-me'], 'hidden', Boolean(name) && next.assignee === name);
      setText(buttons['assign-me'], name ? 'Assign to me' : 'Assign…');
      setAttr(buttons['assign-other'], 'hidden', !name);
      if (!(canAct && open)) closeForm();
    },
    canAct: false,
  };
  return card;
}
