import { authHeaders } from './auth.js';
import { withProvince } from './province.js';

// Writes from the console go through the same HTTP API as any other client, with its token.
async function send(method, path, body) {
  let response;
  try {
    response = await fetch(withProvince(path), {
      method,
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (unreachable) {
    // The node is down or the network gone: an answer like any refusal, which the views show calmly;
    // the banner says the connection is lost, and the live feed reconnects on its own.
    return { ok: false, offline: true, errors: [{ field: 'request', message: 'offline' }] };
  }
  if (response.status === 401) document.dispatchEvent(new CustomEvent('borderwatch:login'));
  const json = await response.json().catch(() => null);
  if (response.ok) return { ok: true, json };
  return { ok: false, errors: json?.errors ?? [{ field: 'request', message: response.statusText }] };
}

const post = (path, body) => send('POST', path, body);
const gatePath = (base, gate) => `${base}/gates/${encodeURIComponent(gate)}/plans`;

// Response plans on a board: the live one (base '/api/v1') or a drill's sandbox.
export function planActions(base = '/api/v1') {
  return {
    activate: (gate, level, by, reason) => post(`${gatePath(base, gate)}/activate`, { level, by, reason }),
    standDown: (gate, by, reason) => post(`${gatePath(base, gate)}/deactivate`, { by, reason }),
    // The live board only: a drill's sandbox has no forecast.
    whatIf: base === '/api/v1'
      ? (gate, level) => post(`/api/v1/forecast/${encodeURIComponent(gate)}/what-if`, { level }) : undefined,
  };
}

export const startDrill = (request) => post('/api/v1/drills', request);
export const stopDrill = (id) => post(`/api/v1/drills/${encodeURIComponent(id)}/stop`, {});
export const listDrills = () => send('GET', '/api/v1/drills');
export const getDrill = (id) => send('GET', `/api/v1/drills/${encodeURIComponent(id)}`);
export const getAudit = (query) => send('GET', `/api/v1/audit?${new URLSearchParams(query)}`);
export const getTrackRecord = () => send('GET', '/api/v1/forecast/track-record');
export const startDemoScenario = (body) => post('/api/v1/demo/scenarios', body);
export const endDemoScenario = (gate) => send('DELETE', `/api/v1/demo/scenarios/${encodeURIComponent(gate)}`);
export const getPlanProgress = (year) => send('GET', `/api/v1/plans/${encodeURIComponent(year)}/progress`);
// Sets or revises the year's plan (coordinators); a revision needs its reason.
export const putPlan = (year, plan) => send('PUT', `/api/v1/plans/${encodeURIComponent(year)}`, plan);

// A report as a file: fetched with the token in a header, never in a URL the browser keeps. With
// edits, the same report is asked for with staff's rewording of its statements (POST).
export async function getReport(year, query, edits) {
  const url = withProvince(`/api/v1/reports/${encodeURIComponent(year)}?${new URLSearchParams(query)}`);
  const response = await fetch(url, edits?.length
    ? { method: 'POST', headers: { 'content-type': 'application/json', ...authHeaders() }, body: JSON.stringify({ edits }) }
    : { headers: authHeaders() }).catch(() => null);
  if (!response) return { ok: false, offline: true, errors: [{ field: 'request', message: 'offline' }] };
  if (response.status === 401) document.dispatchEvent(new CustomEvent('borderwatch:login'));
  if (!response.ok) {
    const json = await response.json().catch(() => null);
    return { ok: false, errors: json?.errors ?? [{ field: 'request', message: response.statusText }] };
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `report-${year}`;
  return { ok: true, blob: await response.blob(), name };
}
