// Writes from the console go through the same HTTP API as any other client.
async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.ok) return { ok: true };
  const json = await response.json().catch(() => ({ errors: [{ field: 'request', message: response.statusText }] }));
  return { ok: false, errors: json.errors ?? [] };
}

export const activatePlan = (gate, level, by, reason) =>
  post(`/api/v1/gates/${encodeURIComponent(gate)}/plans/activate`, { level, by, reason });

export const standDownPlan = (gate, by, reason) =>
  post(`/api/v1/gates/${encodeURIComponent(gate)}/plans/deactivate`, { by, reason });
