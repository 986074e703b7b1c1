// A water point's page (#/camps/{campId}/points/{pointId}): whether its taps work (as last checked, by whom),
// the tank it draws from, its water's free chlorine over a week against the camp's band and its latest tests,
// and for field staff the two entries made at a water point: a tap count and a water test.

import * as api from '../api.js';
import * as live from '../live.js';
import { createFrcChart } from '../components/frc-chart.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { t } from '../i18n.js';
import { age, dateTime, number } from '../format.js';
import { can } from '../session.js';
import { KINDS, POINT_STATES, PROBLEMS, WORDS, cfu, mgL, ntu, ph, pointState } from '../services.js';
import { pageMessage } from './page-message.js';
import { syncView } from '../sync.js';

const WEEK_MS = 7 * 86_400_000;

const TEXT = {
  loading: t('pointPage.loading'),
  countTaps: t('pointPage.countTaps'),
  testWater: t('pointPage.testWater'),
  from: t('pointPage.from'),
  noTank: t('pointPage.noTank'),
  where: t('pointPage.where'),
  noWhere: t('pointPage.noWhere'),
  tests: t('pointPage.tests'),
  noTests: t('pointPage.noTests'),
  alerts: t('pointPage.alerts'),
  onMap: t('pointPage.onMap'),
  fromTank: (name) => t('pointPage.fromTank', { name }),
};

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <nav class="crumbs" data-i18n-aria-label="point.breadcrumb"><a href="#/" data-i18n="point.allCamps"></a> › <a data-slot="campLink"></a></nav>
  <header class="page-head">
    <h1 id="page-title" tabindex="-1" data-slot="title"></h1>
    <p class="muted" data-slot="meta"></p>
    <p class="page-links"><a data-slot="mapLink"></a></p>
  </header>
  <div data-slot="message"></div>
  <div class="point-page" data-slot="body" hidden>
    <section class="card point-status" aria-labelledby="status-title" data-slot="status">
      <div class="card-head"><h2 id="status-title" data-i18n="point.taps"></h2>
        <span class="badge" data-slot="badge"><span class="badge-icon" aria-hidden="true"></span><span class="badge-text"></span></span></div>
      <p class="big num" data-slot="taps"></p>
      <span class="bar" role="img" data-slot="bar"><span class="bar-fill"></span></span>
      <dl class="facts">
        <div><dt data-i18n="point.checked"></dt><dd data-slot="checked"></dd></div>
        <div><dt data-i18n="point.note"></dt><dd data-slot="note"></dd></div>
        <div><dt data-slot="fromLabel"></dt><dd data-slot="from"></dd></div>
        <div><dt data-slot="whereLabel"></dt><dd class="num" data-slot="where"></dd></div>
      </dl>
      <div class="form-actions" data-slot="actions" hidden>
        <a class="button" data-slot="countLink"></a>
        <a class="button button-quiet" data-slot="testLink"></a>
      </div>
    </section>
    <section class="card" aria-labelledby="alerts-title" data-slot="alertsBox" hidden>
      <h2 id="alerts-title" data-slot="alertsTitle"></h2>
      <ul class="point-alerts" data-slot="alerts"></ul>
    </section>
    <section class="card point-quality" aria-labelledby="tests-title">
      <h2 id="tests-title" data-slot="testsTitle"></h2>
      <div data-slot="chart"></div>
      <ul class="point-tests" data-slot="tests"></ul>
      <p class="muted" data-slot="noTests" hidden></p>
    </section>
  </div>
</section>`);

export function mount(root, { campId, pointId }, app) {
  const page = makePage();
  const s = slots(page);
  root.replaceChildren(page);
  const enc = encodeURIComponent(campId);
  const penc = encodeURIComponent(pointId);
  setAttr(s.campLink, 'href', `#/camps/${enc}`);
  setText(s.campLink, campId);
  setText(s.title, pointId);
  app.setTitle(pointId);
  setAttr(s.mapLink, 'href', `#/camps/${enc}/map`);
  setText(s.mapLink, TEXT.onMap);
  setAttr(s.countLink, 'href', `#/camps/${enc}/field/taps/point/${penc}`);
  setText(s.countLink, TEXT.countTaps);
  setAttr(s.testLink, 'href', `#/camps/${enc}/field/quality/point/${penc}`);
  setText(s.testLink, TEXT.testWater);
  setAttr(s.actions, 'hidden', !can('act'));
  setText(s.fromLabel, TEXT.from);
  setText(s.whereLabel, TEXT.where);
  setText(s.testsTitle, TEXT.tests);
  setText(s.alertsTitle, TEXT.alerts);
  setText(s.noTests, TEXT.noTests);
  const message = pageMessage(s.message);
  message.loading(TEXT.loading);
  const chart = createFrcChart();
  s.chart.append(chart.el);

  const sync = syncView({
    group: campId,
    async load(signal) {
      const to = new Date();
      const from = new Date(to.getTime() - WEEK_MS);
      const [camp, points, tests, limits, alerts] = await Promise.all([
        api.getCamp(campId, { signal }),
        api.getPoints(campId, { signal }),
        api.getQuality(campId, { from: from.toISOString(), to: to.toISOString() }, { signal }),
        api.getQualityLimits(campId, { signal }),
        api.getAlerts({ campId }, { signal }),
      ]);
      const point = points.find((p) => p.id === pointId);
      if (!point) {
        const err = new Error(t('pointPage.notFound', { point: pointId, camp: campId }));
        err.pointMissing = true;
        err.notFound = true;
        throw err;
      }

      setText(s.campLink, camp.name || campId);
      setText(s.title, point.name);
      app.setTitle(point.name);
      setText(s.meta, `${KINDS[point.kind] ?? point.kind} · ${camp.name || campId} · ${pointId}`);
      const state = pointState(point, alerts);
      const look = POINT_STATES[state];
      setAttr(s.status, 'data-tank-state', look.colour);
      setText(s.badge.firstElementChild, look.icon);
      setText(s.badge.lastElementChild, look.label);
      setText(s.taps, t('services.tapsWork', { n: number(point.usableTaps), of: number(point.taps) }));
      s.bar.style.setProperty('--level', `${(point.usableTaps / point.taps) * 100}%`);
      setAttr(s.bar, 'aria-label', t('services.tapsWork', { n: number(point.usableTaps), of: number(point.taps) }));
      setText(s.checked, point.statusAt ? `${dateTime(point.statusAt, camp.timeZone)} (${age(point.statusAt)}) by ${point.statusBy}` : WORDS.neverChecked);
      setText(s.note, point.statusNote ?? '—');
      const tank = (camp.tanks ?? []).find((t) => t.tankId === point.tankId);
      if (point.tankId) {
        const a = document.createElement('a');
        a.href = `#/camps/${enc}/tanks/${encodeURIComponent(point.tankId)}`;
        a.textContent = tank?.name ?? point.tankId;
        s.from.replaceChildren(a);
      } else {
        setText(s.from, TEXT.noTank);
      }
      setText(s.where, point.location ? `${number(point.location.lat, 5)}, ${number(point.location.lon, 5)}` : TEXT.noWhere);

      // Its own alerts, and those about the water of the tank it draws from: that water comes out of its taps.
      const own = alerts.filter((a) => a.pointId === pointId
        || (point.tankId && a.tankId === point.tankId && a.kind.startsWith('quality-')));
      s.alerts.replaceChildren(...own.map((a) => {
        const li = document.createElement('li');
        const link = document.createElement('a');
        link.href = `#/alerts/${enc}`;
        link.textContent = a.message;
        li.append(`${a.severity === 'critical' ? '!' : '▲'} `, a.tankId ? TEXT.fromTank(tank?.name ?? a.tankId) : '', link);
        return li;
      }));
      setAttr(s.alertsBox, 'hidden', own.length === 0);

      const here = tests.filter((t) => t.pointId === pointId);
      chart.draw({ tests: here, min: limits.frcMinMgL, max: limits.frcMaxMgL, from: from.toISOString(), to: to.toISOString(), zone: camp.timeZone });
      s.tests.replaceChildren(...here.slice(0, 10).map((t) => {
        const li = document.createElement('li');
        li.dataset.ok = String(t.ok);
        const figures = [t.frcMgL != null && `${WORDS.frc} ${mgL(t.frcMgL)}`, t.turbidityNtu != null && `${WORDS.turbidity} ${ntu(t.turbidityNtu)}`,
          t.ph != null && `${WORDS.ph} ${ph(t.ph)}`, t.ecoliCfu != null && `${WORDS.ecoli} ${cfu(t.ecoliCfu)}`].filter(Boolean).join(' · ');
        li.textContent = `${dateTime(t.ts, camp.timeZone)} — ${figures} — ${t.ok ? `✓ ${WORDS.ok}` : `✕ ${t.problems.map((p) => PROBLEMS[p] ?? p).join(', ')}`} (${t.by})`;
        return li;
      }));
      setAttr(s.noTests, 'hidden', here.length > 0);
      setAttr(s.chart, 'hidden', !here.some((t) => t.frcMgL != null));
      setAttr(s.body, 'hidden', false);
      message.clear();
    },
    onLoaded: () => app.markFresh(),
    onError(err) {
      if (err.notFound) {
        setAttr(s.body, 'hidden', true);
        message.info(err.pointMissing ? err.message : t('camp.notFound.text', { id: campId }));
        return false;
      }
      message.error(t('pointPage.loadFailed'), err, () => sync.reload());
      return true;
    },
  });

  const off = live.on('alertChanged', (alert) => {
    if (alert.campId === campId && alert.pointId === pointId) sync.reload();
  });

  return {
    unmount() {
      sync.dispose();
      chart.dispose();
      off();
    },
  };
}
