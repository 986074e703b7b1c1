// A camp's figures at a glance (CampSummary): its water now, today and yesterday against the
// target, coverage, autonomy and open alerts. Used by the overview cards and the camp page.

import { levelFraction, setAttr, setStyle, setText, slots, template } from '../dom.js';
import { NONE, adaptive, days, isNumber, litres, litresInWords, lpd, number, percent, volumeOf } from '../format.js';
import { t } from '../i18n.js';

const TEXT = {
  byVolume: t('figures.byVolume'),
  autonomyTitle: t('figures.autonomyTitle'),
};

const make = template(`
<div class="camp-figures">
  <div class="camp-level">
    <p class="camp-level-text"><span class="num big" data-slot="pct"></span>
      <span class="muted small" data-slot="pctLabel"></span>
      <span class="muted num" data-slot="volume"></span></p>
    <span class="bar bar-camp" role="img" data-slot="bar"><span class="bar-fill"></span></span>
  </div>
  <dl class="facts facts-camp">
    <div><dt data-i18n="figures.drawnToday"></dt><dd class="num" data-slot="drawn"></dd></div>
    <div><dt data-i18n="figures.soFarToday"></dt><dd class="num"><span data-slot="lpdToday"></span>
      <span class="muted" data-slot="target"></span></dd></div>
    <div><dt data-i18n="figures.yesterday"></dt><dd class="num"><span data-slot="lpdYesterday"></span>
      <span class="met" data-slot="met"><span aria-hidden="true"></span><span></span></span></dd></div>
    <div><dt data-i18n="figures.coverage"></dt><dd class="num" data-slot="coverage"></dd></div>
    <div><dt data-i18n="figures.autonomy"></dt><dd class="num" data-slot="autonomy"></dd></div>
  </dl>
  <ul class="chips" data-i18n-aria-label="figures.openAlerts" data-slot="alerts"></ul>
</div>`);

const SEVERITIES = [
  { key: 'critical', icon: '!' },
  { key: 'warning', icon: '▲' },
  { key: 'info', icon: 'i' },
];

function showAlerts(list, counts) {
  const key = SEVERITIES.map((s) => counts?.[s.key] ?? 0).join('/');
  if (list.dataset.key === key) return;
  list.dataset.key = key;
  const items = SEVERITIES.filter((s) => (counts?.[s.key] ?? 0) > 0).map((s) => {
    const li = document.createElement('li');
    li.className = `chip chip-${s.key}`;
    const icon = document.createElement('span');
    icon.className = 'chip-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = s.icon;
    li.append(icon, t(`figures.chip.${s.key}`, { count: counts[s.key], n: number(counts[s.key]) }));
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement('li');
    li.className = 'chip chip-none';
    li.textContent = t('figures.noAlerts');
    items.push(li);
  }
  list.replaceChildren(...items);
}

export function createCampFigures() {
  const el = make();
  const s = slots(el);
  return {
    el,
    /** @param {object} camp CampSummary */
    update(camp) {
      setText(s.pct, percent(camp.levelPct));
      setText(s.pctLabel, TEXT.byVolume);
      setText(s.volume, camp.capacityL > 0 ? volumeOf(camp.volumeL, camp.capacityL) : t('figures.noTanks'));
      setStyle(s.bar, '--level', levelFraction(camp.levelPct));
      setAttr(s.bar, 'hidden', !(camp.capacityL > 0));
      setAttr(s.bar, 'aria-label', isNumber(camp.levelPct)
        ? t('figures.campLevel', { pct: number(camp.levelPct), volume: litresInWords(camp.volumeL), capacity: litresInWords(camp.capacityL) })
        : t('figures.campLevelUnknown'));

      setText(s.drawn, litres(camp.today?.drawnL));
      // "5.8 of 20 l/p/d": today so far against the camp's target.
      setText(s.lpdToday, isNumber(camp.targetLpd) ? adaptive(camp.today?.lpd) : lpd(camp.today?.lpd));
      setText(s.target, isNumber(camp.targetLpd) ? t('figures.ofTarget', { target: lpd(camp.targetLpd) }) : '');
      setText(s.lpdYesterday, lpd(camp.yesterday?.lpd));
      const met = camp.yesterday?.met;
      setAttr(s.met, 'data-met', met == null ? null : String(met));
      // A day with a figure but too few readings to judge says so, rather than nothing.
      const unjudged = met == null && isNumber(camp.yesterday?.lpd);
      setText(s.met.firstElementChild, met == null ? (unjudged ? '?' : '') : met ? '✓' : '✕');
      setText(s.met.lastElementChild, met == null ? (unjudged ? t('figures.tooFew') : '') : met ? t('figures.met') : t('figures.notMet'));
      setText(s.coverage, isNumber(camp.coveragePct) ? t('figures.ofPeople', { pct: percent(camp.coveragePct) }) : NONE);
      setText(s.autonomy, days(camp.daysOfAutonomy));
      setAttr(s.autonomy, 'title', TEXT.autonomyTitle);
      showAlerts(s.alerts, camp.openAlerts);
    },
  };
}
