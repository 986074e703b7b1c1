// HTTP API calls (CONTRACT §4). Paths are relative to the page, so the dashboard also works
// behind a reverse proxy that mounts it under a path prefix.

const TIMEOUT_MS = 20_000;

/** A failed call: status 0 when the server could not be reached or did not answer in time. */
export class ApiError extends Error {
  constructor(status, message, detail) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail ?? '';
  }

  get notFound() {
    return this.status === 404;
  }
}

async function getJson(path, { signal } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response;
    try {
      response = await fetch(path, {
        headers: { Accept: 'application/json' },
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError(0, controller.signal.aborted
        ? 'The server took too long to answer.'
        : 'The server cannot be reached.');
    }
    if (!response.ok) {
      // Errors are application/problem+json (RFC 9457); fall back to the status text.
      const problem = await response.json().catch(() => ({}));
      throw new ApiError(response.status, problem.title || response.statusText || `HTTP ${response.status}`, problem.detail);
    }
    return await response.json();
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

const id = (value) => encodeURIComponent(value);

/** [CampSummary] */
export const getCamps = (options) => getJson('api/camps', options);

/** CampSummary + tanks: [TankStatus] */
export const getCamp = (campId, options) => getJson(`api/camps/${id(campId)}`, options);
