// A camp's own settings (registry form, without its tanks) as a form: name, time zone, population,
// target and quiet hours. The form itself is config-form.js; saving sends no tanks, so they stay.

import { t } from '../i18n.js';
import { createConfigForm } from './config-form.js';

const QUIET = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

function knownZone(zone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone }).format(0);
    return true;
  } catch {
    return false;
  }
}

const FIELDS = [
  { path: 'name', label: t('campForm.name'), kind: 'text', required: true },
  {
    path: 'timeZone', label: t('campForm.timeZone'), unit: t('campForm.timeZone.unit'), kind: 'text', required: true, list: 'camp-zones',
    check: (v) => (knownZone(v) ? null : t('campForm.timeZone.check', { v })),
  },
  { path: 'population', label: t('campForm.population'), unit: t('campForm.population.unit'), kind: 'int', required: true, min: 0 },
  { path: 'targetLpd', label: t('campForm.targetLpd'), unit: t('campForm.targetLpd.unit'), kind: 'num', required: true, above: 0, max: 1000 },
  {
    path: 'quietHours', label: t('campForm.quietHours'), unit: t('campForm.quietHours.unit'), kind: 'text', required: true, placeholder: '00:00-04:00',
    check: (v) => {
      const m = QUIET.exec(v);
      if (!m) return t('campForm.quietHours.check');
      return m[1] === m[3] && m[2] === m[4] ? t('campForm.quietHours.same') : null;
    },
  },
];

const GROUPS = [
  [t('campForm.group.Camp'), ['name', 'timeZone', 'population']],
  [t('campForm.group.Water'), ['targetLpd', 'quietHours']],
];

/** The form's words for a field of a camp. */
export const campFields = FIELDS;

/** @param {{ editable: boolean, save: (body: object) => Promise<void> }} options */
export function createCampForm({ editable, save }) {
  const form = createConfigForm({ fields: FIELDS, groups: GROUPS, editable, save, className: 'camp-form' });
  // The zones this browser knows, offered as the time zone is typed.
  if (editable && typeof Intl.supportedValuesOf === 'function' && !document.getElementById('camp-zones')) {
    const list = document.createElement('datalist');
    list.id = 'camp-zones';
    for (const zone of Intl.supportedValuesOf('timeZone')) list.append(new Option(zone));
    form.el.append(list);
  }
  return form;
}
