// The "Services" part of a camp's page: whether the water is safe (the latest tests, free chlorine over a
// week against the camp's band, the outbreak switch for engineers), how many taps work at each water point
// and how many latrines and showers are usable, for how many people. Links to the camp map and the field
// staff's entry forms. It loads on its own, so that a failure here does not hide the camp's tanks.

import * as api from '../api.js';
import { age, dateTime, dayTime, isNumber, number } from '../format.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { t } from '../i18n.js';
import { can } from '../session.js';
import { KINDS, POINT_STATES, PROBLEMS, WORDS, cfu, mgL, ntu, ph, perPerson, placeKey, placeName, pointState } from '../services.js';
import { createFrcChart } from './frc-chart.js';

const RANGES = { '24h': 86_400_000, '7d': 7 * 86_400_000 };
const MAX_ROWS = 200;

const make = template(`
<section class="services" aria-labelledby="services-title">
  <div class="services-head">
    <h2 id="services-title" data-i18n="services.services"></h2>
    <p class="page-links"><a data-slot="mapLink" data-i18n="services.campMap"></a> <a data-slot="fieldLink" hidden data-i18n="services.fieldEntry"></a> <a data-slot="voucherLink" hidden data-i18n="services.truckVoucher"></a></p>
  </div>
  <p class="field-error" role="alert" data-slot="error" hidden></p>
  <dl class="facts facts-camp card" data-slot="access">
    <div><dt data-i18n="services.peoplePerWorkingTap"></dt><dd class="num"><span data-slot="perTap"></span> <span class="muted" data-slot="perTapLimit"></span></dd></div>
    <div><dt data-i18n="services.peoplePerUsableLatrine"></dt><dd class="num"><span data-slot="perLatrine"></span> <span class="muted" data-slot="perLatrineLimit"></span></dd></div>
    <div><dt data-i18n="services.peoplePerUsableShower"></dt><dd class="num" data-slot="perShower"></dd></div>
    <div><dt data-i18n="services.workingTaps"></dt><dd class="num" data-slot="taps"></dd></div>
  </dl>
  <div class="services-grid">
    <section class="card" aria-labelledby="quality-title">
      <div class="card-head">
        <h3 id="quality-title" data-i18n="services.waterQuality"></h3>
        <label class="switch" data-slot="outbreakRow" hidden><input type="checkbox" data-slot="outbreak"> <span data-i18n="services.outbreakMode"></span></label>
      </div>
      <p class="muted small" data-slot="limits"></p>
      <h4 class="quality-sub" data-i18n="services.latestTestAtEach"></h4>
      <div class="table-wrap" tabindex="0" role="region" data-i18n-aria-label="services.latestTestAtEach" data-slot="latestWrap">
        <table class="table table-quality">
          <thead><tr><th scope="col" data-i18n="services.place"></th><th scope="col" data-i18n="services.result"></th><th scope="col" class="n" data-i18n="services.freeChlorine"></th>
            <th scope="col" class="n" data-i18n="services.turbidity"></th><th scope="col" class="n" data-i18n="services.ph"></th><th scope="col" class="n" data-i18n="services.eColi"></th><th scope="col" data-i18n="services.taken"></th><th scope="col" data-i18n="services.by"></th></tr></thead>
          <tbody data-slot="latest"></tbody>
        </table>
      </div>
      <p class="muted" data-slot="noTests" hidden data-i18n="services.noWaterTestsIn"></p>
      <div class="quality-chart-head" data-slot="chartHead">
        <div class="form-field quality-place"><label for="quality-place" data-i18n="services.freeChlorineAt"></label><select id="quality-place" data-slot="place"></select></div>
        <div class="segmented" role="group" data-i18n-aria-label="services.period">
          <button type="button" data-range="24h" aria-pressed="true" data-i18n="services.24Hours"></button>
          <button type="button" data-range="7d" aria-pressed="false" data-i18n="services.7Days"></button>
        </div>
      </div>
      <div data-slot="chart"></div>
      <details class="quality-all" data-slot="allBox">
        <summary data-slot="allSummary"></summary>
        <div class="table-wrap" tabindex="0" role="region" data-i18n-aria-label="services.everyWaterTestOf">
          <table class="table table-quality">
            <thead><tr><th scope="col" data-i18n="services.taken"></th><th scope="col" data-i18n="services.place"></th><th scope="col" data-i18n="services.result"></th><th scope="col" class="n" data-i18n="services.freeChlorine"></th>
              <th scope="col" class="n" data-i18n="services.turbidity"></th><th scope="col" class="n" data-i18n="services.ph"></th><th scope="col" class="n" data-i18n="services.eColi"></th><th scope="col" data-i18n="services.by"></th></tr></thead>
            <tbody data-slot="tests"></tbody>
          </table>
        </div>
      </details>
    </section>
    <section class="card" aria-labelledby="points-title">
      <h3 id="points-title" data-i18n="services.waterPoints"></h3>
      <ul class="point-rows" data-slot="points"></ul>
      <p class="muted" data-slot="noPoints" hidden data-i18n="services.noWaterPointsRegistered"></p>
    </section>
    <section class="card" aria-labelledby="sanitation-title">
      <h3 id="sanitation-title" data-i18n="services.sanitation"></h3>
      <dl class="facts" data-slot="sanitation">
        <div><dt data-i18n="services.usableLatrines"></dt><dd class="num" data-slot="latrines"></dd></div>
        <div><dt data-i18n="services.usableShowers"></dt><dd class="num" data-slot="showers"></dd></div>
        <div><dt data-i18n="services.counted"></dt><dd data-slot="counted"></dd></div>
      </dl>
    </section>
  </div>
</section>`);

const makePoint = template(`
<li class="point-row">
  <a class="point-row-name" data-slot="name"></a>
  <span class="badge" data-slot="badge"><span class="badge-icon" aria-hidden="true"></span><span class="badge-text"></span></span>
  <span class="muted small" data-slot="kind"></span>
  <span class="bar" role="img" data-slot="bar"><span class="bar-fill"></span></span>
  <span class="num point-row-taps" data-slot="taps"></span>
  <span class="muted small point-row-checked" data-slot="checked"></span>
</li>`);

function row(cells) {
  const tr = document.createElement('tr');
  for (const [text, cls, warn] of cells) {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    if (warn) td.dataset.warn = '';
    td.textContent = text;
    tr.append(td);
  }
  return tr;
}

/** @param {{ campId: string }} options */
export function createServicesPanel({ campId }) {
  const el = make();
  const s = slots(el);
  const chart = createFrcChart();
  s.chart.append(chart.el);
  const enc = encodeURIComponent(campId);
  setAttr(s.mapLink, 'href', `#/camps/${enc}/map`);
  setAttr(s.fieldLink, 'href', `#/camps/${enc}/field`);
  setAttr(s.fieldLink, 'hidden', !can('act'));
  setAttr(s.voucherLink, 'href', `#/camps/${enc}/voucher`);
  setAttr(s.voucherLink, 'hidden', !can('act'));
  setAttr(s.outbreakRow, 'hidden', !can('configure'));
  const names = { tanks: new Map(), points: new Map() };
  let state = { tests: [], points: [], limits: null, alerts: [], sanitation: null, from: '', to: '' };
  let controller = null;
  let summary = null;
  // Times are the camp's, as everywhere on its pages; the summary says which zone that is.
  const zone = () => summary?.timeZone;
  let range = '24h';
  let soon = 0;

  function showError(text) {
    setText(s.error, text);
    setAttr(s.error, 'hidden', !text);
  }

  function showAccess() {
    const limits = state.limits;
    setText(s.perTap, perPerson(summary?.peoplePerUsableTap));
    setText(s.perTapLimit, limits ? t('services.limitOf', { n: number(limits.maxPeoplePerTap) }) : '');
    setAttr(s.perTap, 'data-warn', isNumber(summary?.peoplePerUsableTap) && limits && summary.peoplePerUsableTap > limits.maxPeoplePerTap);
    setText(s.perLatrine, perPerson(summary?.peoplePerUsableLatrine));
    setText(s.perLatrineLimit, limits ? t('services.limitOf', { n: number(limits.maxPeoplePerLatrine) }) : '');
    setAttr(s.perLatrine, 'data-warn', isNumber(summary?.peoplePerUsableLatrine) && limits && summary.peoplePerUsableLatrine > limits.maxPeoplePerLatrine);
    setText(s.perShower, perPerson(summary?.peoplePerUsableShower));
    const taps = state.points.reduce((sum, p) => sum + p.taps, 0);
    setText(s.taps, state.points.length ? `${number(summary?.usableTaps ?? 0)} of ${number(taps)}` : '—');
  }

  function showQuality() {
    const { tests, limits } = state;
    if (limits) {
      setText(s.limits, t(limits.outbreak ? 'services.limitsOutbreak' : 'services.limits', {
        frcMin: mgL(limits.frcMinMgL), frcMax: mgL(limits.frcMaxMgL), ntu: ntu(limits.turbidityMaxNtu), phMin: ph(limits.phMin), phMax: ph(limits.phMax) }));
      s.outbreak.checked = limits.outbreak;
    }
    // Places with chlorine tests, the one with an open chlorine alert (or else the first) chosen at first.
    const places = [...new Set(tests.filter((t) => isNumber(t.frcMgL)).map(placeKey))];
    const previous = s.place.value;
    const options = places.map((key) => {
      const test = tests.find((t) => placeKey(t) === key);
      return new Option(placeName(test, names), key);
    });
    s.place.replaceChildren(...options);
    setAttr(s.place.parentElement, 'hidden', places.length === 0);
    const alarmed = state.alerts.find((a) => a.kind === 'quality-frc-low');
    const wanted = places.includes(previous) ? previous
      : alarmed ? (alarmed.pointId ? `point:${alarmed.pointId}` : `tank:${alarmed.tankId}`) : places[0];
    if (wanted && places.includes(wanted)) s.place.value = wanted;
    drawChart();

    // The verdict comes right after the place: on a phone the table scrolls, and it is what matters.
    const verdict = (test) => [test.ok ? `✓ ${WORDS.ok}` : `✕ ${test.problems.map((p) => PROBLEMS[p] ?? p).join(t('list.comma'))}`, test.ok ? 'verdict verdict-met' : 'verdict verdict-short'];
    const figures = (t) => [
      [mgL(t.frcMgL), 'n', t.problems.some((p) => p.startsWith('quality-frc'))],
      [ntu(t.turbidityNtu), 'n', t.problems.includes('quality-turbidity')],
      [ph(t.ph), 'n', t.problems.includes('quality-ph')],
      [cfu(t.ecoliCfu), 'n', t.problems.includes('quality-ecoli')],
    ];
    // The newest test at each place (tests come newest first), places with a problem first.
    const latest = [...new Map(tests.map((t) => [placeKey(t), t]).reverse()).values()].sort((a, b) => Number(a.ok) - Number(b.ok));
    s.latest.replaceChildren(...latest.map((t) => row([[placeName(t, names)], verdict(t), ...figures(t), [dayTime(t.ts, zone())], [t.by]])));
    s.tests.replaceChildren(...tests.slice(0, MAX_ROWS).map((t) => row([[dayTime(t.ts, zone())], [placeName(t, names)], verdict(t), ...figures(t), [t.by]])));
    setText(s.allSummary, tests.length > MAX_ROWS ? t('services.allSummaryNewest', { n: number(tests.length), shown: number(MAX_ROWS) }) : t('services.allSummary', { n: number(tests.length) }));
    setAttr(s.noTests, 'hidden', tests.length > 0);
    for (const box of [s.latestWrap, s.allBox, s.chartHead, s.chart]) setAttr(box, 'hidden', tests.length === 0);
  }

  function drawChart() {
    if (!state.limits) return;
    const key = s.place.value;
    const from = new Date(Date.parse(state.to) - RANGES[range]).toISOString();
    const start = Date.parse(from);
    const tests = state.tests.filter((t) => placeKey(t) === key && Date.parse(t.ts) >= start);
    chart.draw({ tests, min: state.limits.frcMinMgL, max: state.limits.frcMaxMgL, from, to: state.to, zone: zone() });
  }

  function showPoints() {
    const items = state.points.map((p) => {
      const li = makePoint();
      const ps = slots(li);
      const pstate = pointState(p, state.alerts);
      const look = POINT_STATES[pstate];
      setAttr(li, 'data-tank-state', look.colour);
      setText(ps.name, p.name);
      setAttr(ps.name, 'href', `#/camps/${enc}/points/${encodeURIComponent(p.id)}`);
      setText(ps.badge.firstElementChild, look.icon);
      setText(ps.badge.lastElementChild, look.label);
      setText(ps.kind, [KINDS[p.kind] ?? p.kind, p.tankId ? `from ${names.tanks.get(p.tankId) ?? p.tankId}` : ''].filter(Boolean).join(' · '));
      ps.bar.style.setProperty('--level', `${p.taps ? (p.usableTaps / p.taps) * 100 : 0}%`);
      setAttr(ps.bar, 'aria-label', `${p.usableTaps} of ${p.taps} taps work`);
      setText(ps.taps, `${number(p.usableTaps)} of ${number(p.taps)} taps`);
      setText(ps.checked, p.statusAt ? t('services.checkedBy', { age: age(p.statusAt), by: p.statusBy }) : WORDS.neverChecked);
      return li;
    });
    s.points.replaceChildren(...items);
    setAttr(s.noPoints, 'hidden', state.points.length > 0);
  }

  function showSanitation() {
    const c = state.sanitation;
    setText(s.latrines, c ? t('coverage.nOf', { n: number(c.usableLatrines), of: number(c.latrines) }) : WORDS.notCounted);
    setText(s.showers, c ? t('coverage.nOf', { n: number(c.usableShowers), of: number(c.showers) }) : WORDS.notCounted);
    setText(s.counted, !c ? '—' : c.at ? t('services.atBy', { time: dateTime(c.at, zone()), by: c.by }) : WORDS.fromRegistry);
  }

  async function refresh() {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const to = new Date();
    const from = new Date(to.getTime() - RANGES['7d']);
    try {
      const [tests, points, limits, alerts, sanitation] = await Promise.all([
        api.getQuality(campId, { from: from.toISOString(), to: to.toISOString() }, { signal }),
        api.getPoints(campId, { signal }),
        api.getQualityLimits(campId, { signal }),
        api.getAlerts({ campId }, { signal }),
        api.getSanitation(campId, { signal }),
      ]);
      state = { tests, points, limits, alerts, sanitation, from: from.toISOString(), to: to.toISOString() };
      for (const p of points) names.points.set(p.id, p.name);
      showError('');
      showAccess();
      showQuality();
      showPoints();
      showSanitation();
    } catch (err) {
      if (signal.aborted) return;
      showError(t('services.loadFailed', { why: err.message }));
    }
  }

  s.place.addEventListener('change', drawChart);
  for (const button of el.querySelectorAll('[data-range]')) {
    button.addEventListener('click', () => {
      range = button.dataset.range;
      for (const b of el.querySelectorAll('[data-range]')) setAttr(b, 'aria-pressed', String(b === button));
      drawChart();
    });
  }
  s.outbreak.addEventListener('change', async () => {
    const on = s.outbreak.checked;
    s.outbreak.disabled = true;
    try {
      const config = await api.getCampConfig(campId);
      delete config.tanks; // tanks and points left out are kept
      delete config.points;
      config.quality = { ...config.quality, outbreak: on };
      await api.putCampConfig(campId, config);
      await refresh();
    } catch (err) {
      s.outbreak.checked = !on;
      showError(t('services.outbreakFailed', { why: [err.message, err.detail].filter(Boolean).join(' ') }));
    } finally {
      s.outbreak.disabled = false;
    }
  });

  return {
    el,
    refresh,
    /** Refreshes within a second, once for a burst of changes (a sensor's alerts, a row of tap counts). */
    refreshSoon() {
      if (soon) return;
      soon = setTimeout(() => {
        soon = 0;
        refresh();
      }, 1_000);
    },
    /** @param {object} camp CampSummary (with tanks, when the camp page has them) */
    summary(camp) {
      summary = camp;
      for (const t of camp.tanks ?? []) names.tanks.set(t.tankId, t.name);
      showAccess();
    },
    dispose() {
      clearTimeout(soon);
      controller?.abort();
      chart.dispose();
    },
  };
}
