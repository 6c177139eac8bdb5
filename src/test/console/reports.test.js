// The reports panel's own logic: the periods' names and which reworded statements are sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { periodName, changedStatements } from '../../../console/js/views/reports.js';

test('the first n months read as the province counts them', () => {
  assert.equal(periodName('vi', 'first4'), '4 tháng đầu năm');
  assert.equal(periodName('en', 'first9'), 'First 9 months');
  assert.equal(periodName('vi', 'm07'), 'Tháng 7');
});

test('only statements reworded in the chosen language are sent, trimmed', () => {
  const original = (id, vi, en) => ({ id, textVi: vi, textEn: en });
  const items = [
    { original: original('a', 'Một.', 'One.'), value: 'Một.' },
    { original: original('b', 'Hai.', 'Two.'), value: '  Hai, viết lại.  ' },
    { original: original('c', 'Ba.', 'Three.'), value: '   ' },
  ];
  assert.deepEqual(changedStatements(items, 'vi'), [{ id: 'b', textVi: 'Hai, viết lại.' }]);
  assert.deepEqual(changedStatements([{ original: original('a', 'Một.', 'One.'), value: 'One, again.' }], 'en'),
    [{ id: 'a', textEn: 'One, again.' }]);
});
