// Who changed what (GET api/camps/{camp}/changes): the recent configuration changes of a camp or of one
// tank, newest first, each with when (in the camp's zone), who, and every field from → to in the form's
// words, so that engineers and auditors can see who moved a threshold.

import { dayTime, number } from '../format.js';
import { t } from '../i18n.js';
import { shortDate } from '../dates.js';
import { setAttr, setText, slots, template } from '../dom.js';
import { campFields } from './camp-form.js';
import { tankFields } from './tank-form.js';

const TEXT = {
  none: t('changes.none'),
  created: t('changes.created'),
  removed: t('changes.removed'),
  camp: t('changes.camp'),
  unset: t('changes.unset'),
  rows: (n) => t('changes.rows', { count: n, n: number(n) }),
  more: (n) => t('changes.more', { count: n, n: number(n) }),
  registryFile: t('changes.registryFile'),
  population: t('changes.population'),
  populationChange: (from, to, since) => (since
    ? t('changes.populationFrom', { from, to, since })
    : t('changes.populationNow', { from, to })),
};

// "Population: 1,200 → 1,250 people from 20 Nov": one sentence, not two figures with a unit each.
const populationText = (f) =>
  TEXT.populationChange(f.from == null ? TEXT.unset : number(f.from), f.to == null ? TEXT.unset : number(f.to), f.since ? shortDate(f.since) : '');

// Who a change is by when it came from the registry file at start, not from a person.
const REGISTRY_FILE = 'registry file';

// A created camp or tank lists every field; the first few say enough.
const SHOWN_ON_CREATION = 3;

const make = template(`
<div class="changes">
  <ol class="change-list" data-slot="list"></ol>
  <p class="muted small" data-slot="empty" hidden></p>
</div>`);

const labelOf = (change, field) => {
  const spec = (change.tankId ? tankFields : campFields).find((f) => f.path === field);
  return spec ? { label: spec.label, unit: spec.unit, options: spec.options } : { label: field, unit: '' };
};

function valueText(value, unit, options) {
  if (value == null) return TEXT.unset;
  const option = options?.find(([v]) => v === value);
  if (option) return option[1]; // "vertical cylinder" in the page's words, not the registry's
  if (Array.isArray(value)) return TEXT.rows(value.length);
  if (typeof value === 'number') {
    const short = (unit ?? '').replace(/\s*\(.*$/, '');
    return short.startsWith('%') ? `${number(value, 2)}${short}` : `${number(value, 2)}${short ? ` ${short}` : ''}`;
  }
  return String(value);
}

/** @param {{ tankName?: (tankId: string) => string }} options */
export function createChangeList({ tankName = (id) => id } = {}) {
  const el = make();
  const s = slots(el);
  setText(s.empty, TEXT.none);

  return {
    el,
    /** @param {object[]} changes  newest first; zone: the camp's time zone */
    show(changes, zone, { withTank = true } = {}) {
      setAttr(s.empty, 'hidden', changes.length > 0);
      s.list.replaceChildren(...changes.map((change) => {
        const li = document.createElement('li');
        li.className = 'change';
        li.dataset.kind = change.kind;
        const head = document.createElement('p');
        head.className = 'change-head';
        const when = document.createElement('time');
        when.dateTime = change.at;
        when.textContent = dayTime(change.at, zone);
        const who = document.createElement('strong');
        who.textContent = change.by === REGISTRY_FILE ? TEXT.registryFile : change.by;
        const what = [withTank ? (change.tankId ? tankName(change.tankId) : TEXT.camp) : '',
          change.kind === 'created' ? TEXT.created : change.kind === 'removed' ? TEXT.removed : ''].filter(Boolean).join(' ');
        head.append(when, ' · ', who, what ? ` · ${what}` : '');
        li.append(head);
        if (change.kind !== 'removed') {
          const fields = change.kind === 'created' ? change.fields.slice(0, SHOWN_ON_CREATION) : change.fields;
          const ul = document.createElement('ul');
          ul.className = 'change-fields';
          for (const f of fields) {
            const { label, unit, options } = labelOf(change, f.field);
            const item = document.createElement('li');
            item.textContent = f.field === 'population' && (change.kind !== 'created' || f.since)
              ? populationText(f)
              : change.kind === 'created'
                ? `${label}: ${valueText(f.to, unit, options)}`
                : `${label}: ${valueText(f.from, unit, options)} → ${valueText(f.to, unit, options)}`;
            ul.append(item);
          }
          if (fields.length < change.fields.length) {
            const item = document.createElement('li');
            item.className = 'muted';
            item.textContent = TEXT.more(change.fields.length - fields.length);
            ul.append(item);
          }
          li.append(ul);
        }
        return li;
      }));
    },
  };
}

