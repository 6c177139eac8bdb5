// The plan panel's judgement (behind the share of the year gone or not) and the body its form sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { behind, planBody } from '../../../console/js/views/plan.js';
import { dailyTotalOnly } from '../../../console/js/hours.js';

test('a line is behind when its share of the plan trails the year gone by more than two points', () => {
  assert.equal(behind({ percentOfPlan: '88.1' }, '93.4'), true);
  assert.equal(behind({ percentOfPlan: '91.5' }, '93.4'), false);
  assert.equal(behind({ percentOfPlan: '120.0' }, '93.4'), false);
  assert.equal(behind({ percentOfPlan: null }, '93.4'), null);
});

test('the plan form sends dollars as typed and leaves empty optional fields out', () => {
  assert.deepEqual(planBody({ exportUsd: ' 4 800 000 000 ', importUsd: '1200000000,5', totalUsd: '', localExportUsd: '',
    'goods:fruit': '2000000000', 'goods:other': '', reason: '' }, ['fruit', 'other']),
  { exportUsd: '4800000000', importUsd: '1200000000.5', goodsExportUsd: { fruit: '2000000000' } });
  assert.deepEqual(planBody({ exportUsd: '1', importUsd: '2', localExportUsd: '9270000', reason: ' Điều chỉnh giữa năm ' }, []),
    { exportUsd: '1', importUsd: '2', localExportUsd: '9270000', reason: 'Điều chỉnh giữa năm' });
});

test('a day with a total only is told from a quiet day and a day of hours', () => {
  const hours = (exports) => ({ start: exports.map((_, i) => i * 3600), export: exports, import: exports.map(() => 0) });
  assert.equal(dailyTotalOnly(hours([0, 0, 0, 900, 0]), 40), true);
  assert.equal(dailyTotalOnly(hours([0, 12, 0, 900, 0]), 40), false);
  assert.equal(dailyTotalOnly(hours([0, 12, 30, 20, 0]), 40), false);
  assert.equal(dailyTotalOnly(hours([0, 0, 0, 0, 0]), 40), false);
  assert.equal(dailyTotalOnly(null, 40), false);
});
