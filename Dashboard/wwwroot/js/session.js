// Who is signed in and what they may do (GET api/session), fetched once at start. With sign-in off
// everyone may do everything, and the page says so in the banner; with sign-in on and no session the
// browser goes to the log-in form and comes back to the same page afterwards.

let current = {
  authEnabled: false,
  signedIn: false,
  name: null,
  role: null,
  can: { read: false, act: false, configure: false, export: false, admin: false },
  antiforgery: null,
};

export const session = () => current;

/** True when the signed-in person (or open access) holds the right: read, act, configure, export, admin. */
export const can = (right) => Boolean(current.can?.[right]);

export function goToLogin() {
  const back = `${location.pathname}${location.search}${location.hash}`;
  location.assign(`login?returnUrl=${encodeURIComponent(back)}`);
}

/** Loads the session; resolves false when the page is leaving for the log-in form. */
export async function loadSession() {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch('api/session', { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (response.ok) {
        current = await response.json();
        break;
      }
    } catch {
      // No network yet: try again, a camp's link comes and goes.
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(2_000 * (attempt + 1), 15_000)));
  }
  if (current.authEnabled && !current.signedIn) {
    goToLogin();
    return false;
  }
  return true;
}

/** Headers that a change (POST/PUT) must carry when signed in with the cookie. */
export function writeHeaders() {
  const af = current.antiforgery;
  return af?.token ? { [af.header]: af.token } : {};
}
