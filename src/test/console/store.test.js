// The board's state as the feed's messages change it.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

const saved = new Map();
globalThis.localStorage = {
  getItem: (k) => (saved.has(k) ? saved.get(k) : null),
  setItem: (k, v) => saved.set(k, String(v)),
};
const { createStore } = await import('../../../console/js/store.js');

const HOUR = 3600;
const start = 1_765_000_800;
const hourly = () => ({
  start: Array.from({ length: 24 }, (_, i) => start + i * HOUR),
  export: Array(24).fill(1),
  import: Array(24).fill(2),
});
const snapshot = () => ({
  type: 'snapshot', at: '2026-12-06T03:00:00Z', position: 10,
  province: { id: 'lang-son', nameVi: 'Lạng Sơn', nameEn: 'Lang Son', zone: 'Asia/Ho_Chi_Minh' },
  gates: [{ tile: { gate: 'huu-nghi' }, hourly: hourly(), levels: [{ level: 2, nameVi: 'Báo động', nameEn: 'Alert' }] }],
  plan: { year: 2026 }, goodsToday: null, feed: [], hourShare: Array(24).fill(1 / 24),
});

beforeEach(() => saved.clear());

test('a new store declares every part of its state before any message', () => {
  const { state } = createStore();
  for (const key of ['forecast', 'levelsWithPlans', 'hourShare', 'demo', 'goodsToday', 'history', 'refused', 'trackRecord']) {
    assert.ok(key in state, `state.${key} is declared`);
  }
  assert.equal(state.lang, 'vi');
});

test('a snapshot fills the board and a gate message updates its current hour', () => {
  const store = createStore();
  const changes = [];
  store.subscribe((s, change) => changes.push(change));
  store.applyMessage(snapshot());
  assert.deepEqual(store.state.order, ['huu-nghi']);
  assert.equal(store.state.levelsWithPlans.get('huu-nghi')[0].nameEn, 'Alert');
  store.applyMessage({ type: 'gate', tile: { gate: 'huu-nghi' }, hour: { start: start + 23 * HOUR, export: 9, import: 4 } });
  const h = store.state.gates.get('huu-nghi').hourly;
  assert.equal(h.export[23], 9);
  assert.equal(h.import[23], 4);
  assert.equal(h.start.length, 24);
  assert.ok(changes.includes('gate:huu-nghi'));
});

test('a later hour moves the window on, with empty hours for a quiet gate', () => {
  const store = createStore();
  store.applyMessage(snapshot());
  store.applyMessage({ type: 'gate', tile: { gate: 'huu-nghi' }, hour: { start: start + 26 * HOUR, export: 5, import: 0 } });
  const h = store.state.gates.get('huu-nghi').hourly;
  assert.equal(h.start.length, 24);
  assert.equal(h.start[23], start + 26 * HOUR);
  assert.deepEqual(h.export.slice(20), [1, 0, 0, 5]);
});

test('an older hour changes nothing', () => {
  const store = createStore();
  store.applyMessage(snapshot());
  store.applyMessage({ type: 'gate', tile: { gate: 'huu-nghi' }, hour: { start: start - HOUR, export: 99, import: 99 } });
  assert.ok(!store.state.gates.get('huu-nghi').hourly.export.includes(99));
});

test('a frame of several messages applies each, and an unknown type is ignored', () => {
  const store = createStore();
  store.applyMessage([snapshot(), { type: 'feed', items: [{ kind: 'queue', at: '2026-12-06T03:00:00Z' }] },
    { type: 'something-newer' }]);
  assert.equal(store.state.feed.length, 1);
  assert.equal(store.state.mode, 'live');
});

test('the language choice is kept for the next visit', () => {
  createStore().setLang('en');
  assert.equal(createStore().state.lang, 'en');
});
