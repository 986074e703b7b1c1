// HTTP API calls (docs/api.md). Paths are relative to the page, so the dashboard also works
// behind a reverse proxy that mounts it under a path prefix. A 401 means the session ended: the
// browser goes to the log-in form and comes back afterwards.

import { lang, t } from './i18n.js';
import { noteResponse } from './offline.js';
import * as outbox from './outbox.js';
import { goToLogin, writeHeaders } from './session.js';

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

  /** Field path ("thresholds.lowPct") -> reasons, from a 400 validation problem. */
  get fields() {
    return this.errors ?? {};
  }
}

/** A change made without a network: kept in the outbox, sent when the network is back. */
export class QueuedError extends Error {
  constructor(entry) {
    super(t('offline.queued'));
    this.name = 'QueuedError';
    this.queued = true;
    this.entry = entry;
  }
}

async function request(method, path, { signal, body } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response;
    try {
      const headers = { Accept: 'application/json', 'Accept-Language': lang };
      if (method !== 'GET') Object.assign(headers, writeHeaders());
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError(0, controller.signal.aborted
        ? t('error.timeout')
        : t('error.unreachable'));
    }
    noteResponse(path, response);
    if (response.status === 401) {
      goToLogin();
      throw new ApiError(401, t('error.sessionEnded'));
    }
    if (!response.ok) {
      // Errors are application/problem+json (RFC 9457); fall back to the status text.
      const problem = await response.json().catch(() => ({}));
      const title = response.status === 403 ? t('error.forbidden') : problem.title || response.statusText || `HTTP ${response.status}`;
      const error = new ApiError(response.status, title, problem.detail);
      error.errors = problem.errors;
      throw error;
    }
    return await response.json();
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

const getJson = (path, options) => request('GET', path, options);

/** A change that, without a network, waits in the outbox (rejects with QueuedError) rather than fail. */
async function sendOrQueue(method, path, body, entry) {
  try {
    return await request(method, path, { body });
  } catch (err) {
    if (err.status !== 0) throw err;
    // A water test is stamped when it was taken, not when the network came back.
    const queued = { method, path, body: entry.stamp && !body.ts ? { ts: new Date().toISOString(), ...body } : body, ...entry };
    await outbox.enqueue(queued);
    throw new QueuedError(queued);
  }
}

const id = (value) => encodeURIComponent(value);

/** [CampSummary] */
export const getCamps = (options) => getJson('api/camps', options);

/** CampSummary + tanks: [TankStatus] */
export const getCamp = (campId, options) => getJson(`api/camps/${id(campId)}`, options);

/** TankStatus */
export const getTank = (campId, tankId, options) => getJson(`api/camps/${id(campId)}/tanks/${id(tankId)}`, options);

/** The tank's definition in the registry file's form. */
export const getTankConfig = (campId, tankId, options) => getJson(`api/camps/${id(campId)}/tanks/${id(tankId)}/config`, options);

export const putTankConfig = (campId, tankId, body) => request('PUT', `api/camps/${id(campId)}/tanks/${id(tankId)}`, { body });

/** The camp's own definition in the registry file's form, with its tanks. */
export const getCampConfig = (campId, options) => getJson(`api/camps/${id(campId)}/config`, options);

/** Changes the camp's own fields; a body without tanks keeps them. */
export const putCampConfig = (campId, body) => request('PUT', `api/camps/${id(campId)}`, { body });

/** [ConfigChange] newest first: { at, by, campId, tankId, kind, fields: [{ field, from, to }] }; tankId: only that tank's. */
export const getChanges = (campId, { tankId, limit = 20 } = {}, options) =>
  getJson(`api/camps/${id(campId)}/changes?limit=${limit}${tankId ? `&tankId=${id(tankId)}` : ''}`, options);

/** [{ ts, levelMm, volumeL }] between two instants (at most 1,000 points). */
export const getLevels = (campId, tankId, from, to, options) =>
  getJson(`api/camps/${id(campId)}/tanks/${id(tankId)}/levels?from=${id(from)}&to=${id(to)}`, options);

/** [DailyCoverage] between two camp-local dates YYYY-MM-DD. */
export const getCoverage = (campId, from, to, options) =>
  getJson(`api/camps/${id(campId)}/coverage?from=${id(from)}&to=${id(to)}`, options);

export const coverageCsvUrl = (campId, from, to) => `api/camps/${id(campId)}/coverage.csv?from=${id(from)}&to=${id(to)}`;

/** [Alert], newest first; state "open" (active or acknowledged), "resolved" or "all". */
export const getAlerts = ({ campId, state = 'open' } = {}, options) =>
  getJson(`api/alerts?state=${state}${campId ? `&campId=${id(campId)}` : ''}`, options);

/** kind: "acknowledge", "assign", "comments" or "resolve"; body as in docs/api.md. */
/** The delivery log of an alert (docs/notifications.md): who was told, on which channel, and how it went. */
export const getNotifications = (alertId, options) => getJson(`api/alerts/${id(alertId)}/notifications`, options);

export const actOnAlert = (alertId, kind, body = {}) =>
  sendOrQueue('POST', `api/alerts/${id(alertId)}/${kind}`, body, { label: kind, alertId });

// A camp's services (water quality, water points, sanitation).

/** [QualityTest], newest first, between two instants or camp-local dates (default: the last 7 days). */
export const getQuality = (campId, { from, to } = {}, options) => {
  const query = [from && `from=${id(from)}`, to && `to=${id(to)}`].filter(Boolean).join('&');
  return getJson(`api/camps/${id(campId)}/quality${query ? `?${query}` : ''}`, options);
};

/** Records a field test: { tankId | pointId, frcMgL?, turbidityNtu?, ph?, ecoliCfu?, note?, ts? } -> QualityTest. */
export const postQuality = (campId, body) =>
  sendOrQueue('POST', `api/camps/${id(campId)}/quality`, body, { label: 'quality', stamp: true });

/** [WaterPoint]: each with usableTaps, statusAt, statusBy. */
export const getPoints = (campId, options) => getJson(`api/camps/${id(campId)}/points`, options);

/** A tap count checked on site: { usableTaps, note? } -> WaterPoint. */
export const postTapCount = (campId, pointId, body) =>
  sendOrQueue('POST', `api/camps/${id(campId)}/points/${id(pointId)}/status`, body, { label: 'taps' });

/** The last latrine and shower counts, or null before the first. */
export const getSanitation = (campId, options) => getJson(`api/camps/${id(campId)}/sanitation`, options);

/** { latrines, usableLatrines, showers, usableShowers } -> Sanitation. */
export const putSanitation = (campId, body) => sendOrQueue('PUT', `api/camps/${id(campId)}/sanitation`, body, { label: 'sanitation' });

/** The limits in force: { frcMinMgL, frcMaxMgL, turbidityMaxNtu, phMin, phMax, outbreak, ownFrcMin, maxPeoplePerTap, maxPeoplePerLatrine }. */
export const getQualityLimits = (campId, options) => getJson(`api/camps/${id(campId)}/quality/limits`, options);

/** [Delivery] that started within the range (ISO instants or camp-local dates); tankId narrows to one tank. */
export const getDeliveries = (campId, { from, to, tankId } = {}, options) =>
  getJson(`api/camps/${id(campId)}/deliveries?${new URLSearchParams(Object.entries({ from, to, tankId }).filter(([, v]) => v))}`, options);

/** [Voucher] dated within the range, oldest first. */
export const getVouchers = (campId, { from, to } = {}, options) =>
  getJson(`api/camps/${id(campId)}/vouchers?${new URLSearchParams(Object.entries({ from, to }).filter(([, v]) => v))}`, options);

/** Voucher; 400 names the field, 409 a contractor's voucher number given before. Without a network it waits in the outbox. */
export const postVoucher = (campId, body) => sendOrQueue('POST', `api/camps/${id(campId)}/vouchers`, body, { label: 'voucher' });

/** [ContractorFigures] of a month (YYYY-MM), every camp's vouchers in the camp's zone. */
export const getContractors = (month, options) => getJson(`api/contractors?month=${id(month)}`, options);

export const contractorsCsvUrl = (month) => `api/contractors.csv?month=${id(month)}`;

/** The month's report card of one camp (the README's "The monthly report card"): figures, indicators with unit, standard and verdict. */
export const getReport = (campId, month, options) => getJson(`api/camps/${id(campId)}/report?month=${id(month)}`, options);

/** Every camp's report card of the month. */
export const getReports = (month, options) => getJson(`api/reports?month=${id(month)}`, options);

export const reportCsvUrl = (campId, month) => `api/camps/${id(campId)}/report.csv?month=${id(month)}`;

export const reportsCsvUrl = (month) => `api/reports.csv?month=${id(month)}`;
