// One alert in the inbox: what happened, where (the tank by its name), how bad (icon and word, not
// colour alone), the figure now beside the one that raised it, its state and who acted; and, for those
// who may act, the actions in one or two taps: Acknowledge, Assign to me (naming someone else is a
// second step), Comment, Resolve. Big targets for a thumb; every button says what it does. Times are in
// the camp's zone.

import { setAttr, setText, slots, template } from '../dom.js';
import { createDeliveryLog } from './delivery-log.js';
import { draft } from '../drafts.js';
import { has, t } from '../i18n.js';
import { NONE, age, dayTime, duration, flow, isNumber, lpd, number, percent, tankState } from '../format.js';

export const SEVERITIES = {
  critical: { label: t('severity.label.critical'), icon: '!', rank: 0 },
  warning: { label: t('severity.label.warning'), icon: '▲', rank: 1 },
  info: { label: t('severity.label.info'), icon: 'i', rank: 2 },
};

/** The alert's kind in words ("Low level"); the catalogue's unit.{kind} template gives its figure's unit. */
const kindLabel = (kind) => (has(`alert.kind.${kind}`) ? t(`alert.kind.${kind}`) : kind);

const withUnit = (v, kind) => (isNumber(v)
  ? t(has(`unit.${kind}`) ? `unit.${kind}` : 'unit.other', { n: number(v, Math.abs(v) < 10 ? 1 : 0) }) : NONE);

/** A figure the server put in a message ("6", "1250.5") in the page's digits; other words as they are. */
const argText = (v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? number(Number(v), 2) : v);

/**
 * The alert's message in the page's language: worded here from its key and parts when the catalogue
 * has the key (so an alert pushed live, or kept offline, reads in the person's language too), else
 * the server's words.
 */
export function alertMessage(alert) {
  if (alert?.messageKey && has(alert.messageKey)) {
    // A part named …Min is a span of minutes: "45 min", "25 h", "3 d", in the page's units.
    const args = Object.fromEntries(Object.entries(alert.messageArgs ?? {})
      .map(([k, v]) => [k, k.endsWith('Min') && isNumber(Number(v)) ? duration(Number(v)) : argText(v)]));
    return t(alert.messageKey, args);
  }
  return alert?.message ?? alert?.kind ?? '';
}

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
    <p class="alert-pending" data-slot="pending" hidden></p>
    <ul class="alert-comments" data-slot="comments" hidden></ul>
    <div class="alert-actions" data-slot="actions" hidden>
      <button type="button" class="act act-primary" data-act="acknowledge" data-i18n="card.acknowledge"></button>
      <button type="button" class="act" data-act="assign-me" data-i18n="card.assignToMe"></button>
      <button type="button" class="act" data-act="comment" aria-expanded="false" data-i18n="card.comment"></button>
      <button type="button" class="act" data-act="resolve" aria-expanded="false" data-i18n="card.resolve"></button>
      <button type="button" class="act act-link" data-act="assign-other" aria-expanded="false" data-i18n="card.assignSomeoneElse"></button>
    </div>
    <form class="alert-form" data-slot="form" hidden>
      <label data-slot="formLabel"></label>
      <div class="alert-form-row">
        <input type="text" data-slot="formInput" autocomplete="off">
        <button type="submit" class="act act-primary" data-slot="formSubmit"></button>
        <button type="button" class="act" data-slot="formCancel" data-i18n="card.cancel"></button>
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
    return isNumber(per) ? [t(alert.kind === 'taps-short' ? 'card.now.perTap' : 'card.now.perLatrine', { n: number(Math.round(per)) }), null] : ['', null];
  }
  if (alert.tankId) {
    if (!tank) return ['', null];
    const state = tankState(tank.state);
    if (alert.kind === 'sensor-offline' || state === 'offline' || state === 'unknown') {
      return tank.lastReadingAt ? [t('card.now.lastReading'), tank.lastReadingAt] : [t('card.now.noReading'), null];
    }
    if (alert.kind === 'sensor-fault' && state === 'fault') return [t('card.now.stillFault', { level: percent(tank.levelPct) }), null];
    if (alert.kind === 'rapid-drop') return [t('card.now.levelFlow', { level: percent(tank.levelPct), flow: flow(tank.flowLph).text }), null];
    return [t('card.now.level', { level: percent(tank.levelPct) }), null];
  }
  if (alert.kind === 'coverage-low' && camp?.yesterday) {
    return [isNumber(camp.yesterday.lpd) ? t('card.now.yesterday', { lpd: lpd(camp.yesterday.lpd) }) : t('card.now.yesterdayNone'), null];
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
      if (formKind) draftOf(formKind).clear();
      closeForm();
      if (updated) card.update(updated);
    } catch (err) {
      const why = err.status === 0 ? t('card.error.offline')
        : err.status === 409 ? t('card.error.conflict', { why: err.detail || err.message })
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
      comment: { label: t('card.comment'), submit: t('card.send'), placeholder: t('card.comment.placeholder'), required: true },
      resolve: { label: t('card.note'), submit: t('card.resolve'), placeholder: t('card.resolve.placeholder'), required: false },
      assign: { label: t('card.assignTo'), submit: t('card.assign'), placeholder: t('card.assign.placeholder'), required: true },
    }[kind];
    setText(s.formLabel, spec.label);
    setText(s.formSubmit, spec.submit);
    setAttr(s.formInput, 'placeholder', spec.placeholder);
    setAttr(s.formInput, 'required', spec.required);
    s.formInput.value = draftOf(kind).get();
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
  // What is typed in the card's form is kept as it is typed, per alert and action.
  const draftOf = (kind) => draft(`alert.${alert?.id}.${kind}`);
  s.formInput.addEventListener('input', () => formKind && draftOf(formKind).set(s.formInput.value));

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

      el.dataset.severity = next.severity;
      el.dataset.state = next.state;
      el.dataset.alertId = next.id;
      el.dataset.kind = next.kind;
      setText(s.sev.firstElementChild, sev.icon);
      setText(s.sev.lastElementChild, sev.label);
      setText(s.title, kindLabel(next.kind));
      const at = place(next);
      const spot = next.tankId ? at.tankName ?? t('card.tank', { id: next.tankId }) : next.pointId ? t('card.point', { id: next.pointId }) : t('card.wholeCamp');
      const where = [spot, at.campName].join(' · ');
      setText(s.where, where);
      const words = alertMessage(next);
      setText(s.message, words);
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
        ? (isNumber(next.threshold) ? t('card.figureLimit', { value: withUnit(next.value, next.kind), limit: withUnit(next.threshold, next.kind) }) : withUnit(next.value, next.kind))
        : '';
      setText(s.figures, figures);
      setAttr(s.figures, 'hidden', !figures);
      setAttr(s.age, 'datetime', next.raisedAt);
      setAttr(s.age, 'title', t('card.raised', { time: dayTime(next.raisedAt, at.zone) }));
      setText(s.age, age(next.raisedAt));

      const state = [t('card.raised', { time: dayTime(next.raisedAt, at.zone) })];
      if (next.state === 'active') state.push(t('card.notAcknowledged'));
      if (next.state === 'acknowledged') state.push(t('card.acknowledgedBy', { name: next.acknowledgedBy ?? t('card.someone') }));
      if (next.state === 'resolved') state.push(next.resolvedBy ? t('card.resolvedBy', { name: next.resolvedBy }) : t('card.resolved'));
      if (next.assignee) state.push(t('card.assignedTo', { name: next.assignee }));
      if (next.escalations > 0) state.push(t('card.sentAgain', { n: number(next.escalations) }));
      setText(s.state, state.join(' · '));
      deliveries.update(next, at.zone);
      // Done on this phone without a network: it goes to the server when the network is back.
      const waiting = next.waiting ?? [];
      el.dataset.pending = String(waiting.length > 0);
      setText(s.pending, waiting.length ? t('offline.pendingCard', { actions: waiting.map((k) => t(`offline.action.${k}`)).join(t('list.comma')) }) : '');
      setAttr(s.pending, 'hidden', waiting.length === 0);

      const comments = next.comments ?? [];
      setAttr(s.comments, 'hidden', comments.length === 0);
      const key = comments.map((c) => `${c.at}|${c.by}|${c.text}`).join('\n');
      if (s.comments.dataset.key !== key) {
        s.comments.dataset.key = key;
        s.comments.replaceChildren(...comments.map((c) => {
          const li = document.createElement('li');
          const who = document.createElement('span');
          who.className = 'muted';
          who.textContent = t('card.commentBy', { by: c.by, age: age(c.at) });
          // A note the server wrote (an assignment) carries its key and parts: it is worded in the page's language.
          // One written before notes kept their parts is known by its English words.
          const assigned = c.textKey ? null : /^Assigned to (.+)$/.exec(c.text ?? '');
          li.append(who, c.textKey ? t(c.textKey, c.textArgs ?? {}) : assigned ? t('card.comment.assigned', { name: assigned[1] }) : c.text);
          return li;
        }));
      }

      const open = next.state !== 'resolved';
      setAttr(s.actions, 'hidden', !(canAct && open));
      setAttr(buttons.acknowledge, 'hidden', next.state !== 'active');
      const name = myName();
      setAttr(buttons['assign-me'], 'hidden', Boolean(name) && next.assignee === name);
      setText(buttons['assign-me'], name ? t('card.assignToMe') : t('card.assignEllipsis'));
      setAttr(buttons['assign-other'], 'hidden', !name);
      if (!(canAct && open)) closeForm();
    },
    canAct: false,
  };
  return card;
}
