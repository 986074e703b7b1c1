// A tile for one tank on the camp page: a vertical level gauge and the figures an engineer needs
// to decide whether to send a truck: volume, net flow, hours to empty, battery, last reading.

import { setAttr, setText, slots, template } from '../dom.js';
import { NONE, age, battery, dateTime, flow, hours, isNumber, litres, litresInWords, number, percent, volumeOf } from '../format.js';
import { t } from '../i18n.js';
import { BADGE_HTML, levelWords, showLevel, showState } from './tank-state.js';

const TEXT = {
  ofHeight: t('tile.ofHeight'),
  byVolume: (pct) => t('tile.byVolume', { pct }),
};

const make = template(`
<article class="tile">
  <header class="tile-head">
    <h3 class="tile-name"><a data-slot="name"></a></h3>
    ${BADGE_HTML}
  </header>
  <div class="tile-body">
    <div class="gauge" role="img" data-slot="gauge">
      <span class="gauge-fill"></span>
      <span class="gauge-tick" style="--at:25%"></span>
      <span class="gauge-tick" style="--at:50%"></span>
      <span class="gauge-tick" style="--at:75%"></span>
    </div>
    <div class="tile-figures">
      <p class="tile-level"><span><span class="num big" data-slot="pct"></span> <span class="muted small" data-slot="ofHeight"></span></span>
        <span class="muted small num" data-slot="volumePct"></span>
        <span class="muted num" data-slot="volume"></span></p>
      <dl class="facts">
        <div><dt data-i18n="tile.netFlow"></dt><dd class="num" data-slot="flow"><span aria-hidden="true" class="arrow"></span><span></span><span class="visually-hidden"></span></dd></div>
        <div><dt data-i18n="tile.toEmpty"></dt><dd class="num" data-slot="toEmpty"></dd></div>
        <div><dt data-i18n="figures.drawnToday"></dt><dd class="num" data-slot="drawn"></dd></div>
        <div><dt data-i18n="tile.deliveredToday"></dt><dd class="num" data-slot="delivered"></dd></div>
        <div><dt data-i18n="tile.battery"></dt><dd class="num" data-slot="battery"></dd></div>
        <div><dt data-i18n="tile.lastReading"></dt><dd><time class="age" data-slot="age"></time></dd></div>
        <div><dt data-i18n="figures.openAlerts"></dt><dd class="num" data-slot="alerts"></dd></div>
      </dl>
    </div>
  </div>
</article>`);

export function createTankTile() {
  const el = make();
  const s = slots(el);
  return {
    el,
    /** @param {object} tank TankStatus; zone: the camp's time zone, for the time of the last reading */
    update(tank, zone) {
      const state = showState(el, s.badge, tank.state);
      setText(s.name, tank.name || tank.tankId);
      setAttr(s.name, 'href', `#/camps/${encodeURIComponent(tank.campId)}/tanks/${encodeURIComponent(tank.tankId)}`);
      setText(s.pct, percent(tank.levelPct));
      setText(s.volume, volumeOf(tank.volumeL, tank.capacityL));
      setText(s.ofHeight, TEXT.ofHeight);
      setText(s.volumePct, isNumber(tank.volumePct) ? TEXT.byVolume(percent(tank.volumePct)) : '');
      showLevel(s.gauge, tank.levelPct,
        t('tile.gaugeWords', { level: levelWords(tank.levelPct, state), volume: litresInWords(tank.volumeL), capacity: litresInWords(tank.capacityL) }));

      const f = flow(tank.flowLph);
      setAttr(s.flow, 'data-trend', f.trend);
      const [arrow, value, words] = s.flow.children;
      setText(arrow, f.arrow);
      setText(value, f.text);
      setText(words, f.trend === 'none' ? '' : t('tile.flowWords', { words: f.words }));
      setAttr(s.flow, 'title', f.trend === 'none' ? null : f.words);
      setText(s.toEmpty, isNumber(tank.hoursToEmpty) ? hours(tank.hoursToEmpty)
        : f.trend === 'none' ? NONE : t('tile.notDraining'));
      setText(s.drawn, litres(tank.today?.drawnL));
      setText(s.delivered, litres(tank.today?.deliveredL));
      const power = battery(tank.batteryPct, tank.batteryV);
      setText(s.battery, power.text);
      setAttr(s.battery, 'data-warn', power.low);
      setAttr(s.battery, 'title', power.title);
      setAttr(s.age, 'datetime', tank.lastReadingAt);
      setAttr(s.age, 'title', tank.lastReadingAt ? dateTime(tank.lastReadingAt, zone) : null);
      setText(s.age, age(tank.lastReadingAt));
      setText(s.alerts, number(tank.openAlerts ?? 0));
      setAttr(s.alerts, 'data-warn', (tank.openAlerts ?? 0) > 0);
    },
  };
}
