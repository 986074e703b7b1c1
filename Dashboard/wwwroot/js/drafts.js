// What a person has typed and not yet sent, kept in this browser as they type: closing the page, a dead
// battery or a reload loses nothing. A form's draft is cleared once it has been sent (or queued to send).

const PREFIX = 'campwater.draft.';

function read(key) {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null');
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value == null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or blocked: the draft lives as long as the page
  }
}

/** One text kept under key: get(), set(text) as it is typed, clear() once sent. */
export function draft(key) {
  return {
    get: () => read(key) ?? '',
    set: (text) => write(key, text ? String(text) : null),
    clear: () => write(key, null),
  };
}

/**
 * Keeps every field of a form (by id) as it is typed; restore() puts the values back, clear() forgets them.
 * Call restore() after the form's own values are filled in, so that what was typed wins.
 */
export function keepForm(form, key) {
  const fields = () => [...form.querySelectorAll('input[id], textarea[id], select[id]')].filter((el) => el.type !== 'hidden');
  const save = () => write(key, Object.fromEntries(fields().map((el) => [el.id, el.value])));
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  return {
    restore() {
      const saved = read(key);
      if (!saved) return;
      for (const el of fields()) {
        if (el.id in saved && saved[el.id] !== '') el.value = saved[el.id];
      }
    },
    clear: () => write(key, null),
  };
}
