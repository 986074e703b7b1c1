// A compact row for one tank inside a camp card on the overview: state, name, level bar, level %,
// volume and the age of the last reading.

import { setAttr, setText, slots, template } from '../dom.js';
import { age, dateTime, litres, percent } from '../format.js';
import { t } from '../i18n.js';
import { BADGE_HTML, levelWords, showLevel, showState } from './tank-state.js';

const make = template(`
<li class="tank-row">
  <a class="tank-row-name" data-slot="name"></a>
  ${BADGE_HTML}
  <span class="bar" role="img" data-slot="bar"><span class="bar-fill"></span></span>
  <span class="tank-row-pct num" aria-hidden="true" data-slot="pct"></span>
  <span class="tank-row-vol num" data-slot="volume"></span>
  <time class="age" data-slot="age"></time>
</li>`);

export function createTankRow() {
  const el = make();
  const s = slots(el);
  return {
    el,
    /** @param {object} tank TankStatus; zone: the camp's time zone */
    update(tank, zone) {
      const state = showState(el, s.badge, tank.state);
      setText(s.name, tank.name || tank.tankId);
      setAttr(s.name, 'href', `#/camps/${encodeURIComponent(tank.campId)}/tanks/${encodeURIComponent(tank.tankId)}`);
      showLevel(s.bar, tank.levelPct, levelWords(tank.levelPct, state));
      setText(s.pct, percent(tank.levelPct));
      setText(s.volume, litres(tank.volumeL));
      setAttr(s.age, 'datetime', tank.lastReadingAt);
      setAttr(s.age, 'title', tank.lastReadingAt ? t('tank.lastReadingAt', { time: dateTime(tank.lastReadingAt, zone) }) : null);
      setText(s.age, age(tank.lastReadingAt));
    },
  };
}
