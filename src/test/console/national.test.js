// The province the console shows, carried on every province route, and the national board's lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withProvince } from '../../../console/js/province.js';
import { nationalRow, nationalPageRow, nationalAlertRows } from '../../../console/js/views/national.js';

test('a chosen province goes with every province route and none of the node\'s own', () => {
  assert.equal(withProvince('/api/v1/board', 'lai-chau'), '/api/v1/board?province=lai-chau');
  assert.equal(withProvince('/ws/history?from=a&to=b', 'lai-chau'), '/ws/history?from=a&to=b&province=lai-chau');
  assert.equal(withProvince('/api/v1/whoami', 'lai-chau'), '/api/v1/whoami');
  assert.equal(withProvince('/api/v1/national/board', 'lai-chau'), '/api/v1/national/board');
  assert.equal(withProvince('/api/v1/tokens', 'lai-chau'), '/api/v1/tokens');
  assert.equal(withProvince('/api/v1/board', null), '/api/v1/board');
});

test('a province\'s line reads today against a usual day, its worst gate and its plan', () => {
  const line = { nameVi: 'Lai Châu', nameEn: 'Lai Chau', roadVehiclesToday: 1541, todayPercentOfUsual: 87.5,
    worstLevel: 2, worstLevelVi: 'Cảnh báo', worstLevelEn: 'Alert', worstGateVi: 'Ma Lù Thàng', worstGateEn: 'Ma Lu Thang',
    percentOfPlan: 40.2, onPace: false };
  assert.deepEqual(nationalRow('vi', line),
    ['Lai Châu', '1.541 (87,5% so với ngày thường đến giờ này)', 'Cảnh báo (Ma Lù Thàng)', '40,2% · chậm tiến độ']);
  assert.deepEqual(nationalRow('en', { ...line, worstLevel: 0, todayPercentOfUsual: null, percentOfPlan: null }),
    ['Lai Chau', '1,541', 'Normal', '—']);
});

test('the national page gives every figure a column, and lists the alert gates with their province', () => {
  const line = { province: 'lai-chau', nameVi: 'Lai Châu', nameEn: 'Lai Chau', gates: 3, roadVehiclesToday: 1541,
    usualRoadVehiclesByNow: 1588, todayPercentOfUsual: 87.5, worstLevel: 2, worstLevelVi: 'Cảnh báo', worstLevelEn: 'Alert',
    worstGateVi: 'Ma Lù Thàng', worstGateEn: 'Ma Lu Thang', percentOfPlan: 40.2, onPace: false, yearElapsedPercent: 92.9 };
  assert.deepEqual(nationalPageRow('vi', line),
    ['Lai Châu', '3', '1.541', '1.588', '87,5%', 'Cảnh báo (Ma Lù Thàng)', '40,2% · chậm tiến độ', '92,9%']);
  assert.deepEqual(nationalPageRow('en', { ...line, usualRoadVehiclesByNow: null, todayPercentOfUsual: null, percentOfPlan: null }),
    ['Lai Chau', '3', '1,541', '—', '—', 'Alert (Ma Lu Thang)', 'no plan set', '92.9%']);
  const board = { provinces: [line], alerts: [{ province: 'lai-chau', nameVi: 'Ma Lù Thàng', nameEn: 'Ma Lu Thang',
    level: 2, levelVi: 'Cảnh báo', levelEn: 'Alert', waiting: 1070 }] };
  assert.deepEqual(nationalAlertRows('vi', board), [['Lai Châu', 'Ma Lù Thàng', 'Cảnh báo', '1.070']]);
  assert.deepEqual(nationalAlertRows('en', board), [['Lai Chau', 'Ma Lu Thang', 'Alert', '1,070']]);
});

test('the national socket is the node\'s, never a province\'s', () => {
  assert.equal(withProvince('/ws/national', 'lai-chau'), '/ws/national');
  assert.equal(withProvince('/ws/live', 'lai-chau'), '/ws/live?province=lai-chau');
});
