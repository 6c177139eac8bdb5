// Dates typed day/month/year, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toIso, fromIso, provinceDay } from '../../../console/js/dates.js';

test('a typed day becomes an ISO date, and back', () => {
  assert.equal(toIso('26/11/2026'), '2026-11-26');
  assert.equal(toIso(' 1/2/2026 '), '2026-02-01');
  assert.equal(fromIso('2026-11-26'), '26/11/2026');
});

test('days that do not exist are refused, not rolled over', () => {
  assert.equal(toIso('31/02/2026'), null);
  assert.equal(toIso('29/02/2026'), null);
  assert.equal(toIso('29/02/2028'), '2028-02-29');
  assert.equal(toIso('11/26/2026'), null);
  assert.equal(toIso('2026-11-26'), null);
  assert.equal(toIso(undefined), null);
});

test('the province day of an instant follows the province zone', () => {
  const ms = Date.parse('2026-12-06T17:30:00Z');
  assert.equal(provinceDay(ms, 'Asia/Ho_Chi_Minh'), '2026-12-07');
  assert.equal(provinceDay(ms, 'UTC'), '2026-12-06');
});
