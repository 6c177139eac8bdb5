// The console's words and formats: every key in both languages, numbers and times as officials write them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formats, levelName, inLang, missingKeys, hasText } from '../../../console/js/i18n.js';

const CONSOLE = new URL('../../../console/', import.meta.url).pathname;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.js') ? [readFileSync(path, 'utf8')] : [];
  });
}

test('every text exists in Vietnamese and English', () => {
  assert.deepEqual(missingKeys(), { vi: [], en: [] });
});

test('every key the page and the views ask for has a text', () => {
  const page = readFileSync(join(CONSOLE, 'index.html'), 'utf8');
  const keys = new Set([...page.matchAll(/data-k="([^"]+)"/g)].map((m) => m[1]));
  for (const js of sources(join(CONSOLE, 'js'))) {
    for (const m of js.matchAll(/\bt\((?:state\.)?lang, '([^'$]+)'\)/g)) keys.add(m[1]);
  }
  assert.ok(keys.size > 50, `found ${keys.size} keys`);
  const untranslated = [...keys].filter((k) => !hasText('vi', k) || !hasText('en', k));
  assert.deepEqual(untranslated, []);
});

test('percentages are written with the decimal sign of the language and no space', () => {
  assert.equal(formats('vi').percent(105.67), '105,7%');
  assert.equal(formats('en').percent(105.67), '105.7%');
  assert.equal(formats('vi').percent(null), '—');
});

test('a count of one takes the singular in English, any count its unit in Vietnamese', () => {
  assert.equal(formats('en').count(1, 'vehicles'), '1 vehicle');
  assert.equal(formats('en').count(0.6, 'wagons'), '1 wagon');
  assert.equal(formats('en').count(2, 'wagons'), '2 wagons');
  assert.equal(formats('en').count(1, 'wagonsPerHour'), '1 wagon/h');
  assert.equal(formats('en').count(1541, 'perHour'), '1,541 vehicles/h');
  assert.equal(formats('vi').count(1, 'vehicles'), '1 xe');
  assert.equal(formats('vi').count(1541, 'wagons'), '1.541 toa');
});

test('money is in millions of USD with two decimals', () => {
  assert.equal(formats('vi').millionsUsd('1234567890'), '1.234,57 triệu USD');
  assert.equal(formats('en').millionsUsd(1_500_000), '1.50 million USD');
});

test('times are shown in the province zone, whatever the machine is set to', () => {
  const lateEvening = new Date('2026-12-06T17:30:00Z');
  assert.equal(formats('vi', 'Asia/Ho_Chi_Minh').hour(lateEvening), '00:30');
  assert.equal(formats('en', 'Asia/Ho_Chi_Minh').date(lateEvening), '07/12/2026');
});

test('a level is said by the name its gate gives it, never by its number', () => {
  const state = {
    lang: 'vi',
    levelsWithPlans: new Map([['tan-thanh', [{ level: 2, nameVi: 'Báo động', nameEn: 'Alert' }]]]),
  };
  assert.equal(levelName(state, 'tan-thanh', 2), 'Báo động');
  assert.equal(levelName({ ...state, lang: 'en' }, 'tan-thanh', 2), 'Alert');
  assert.equal(levelName(state, 'tan-thanh', 0), 'Bình thường');
  assert.notEqual(levelName(state, 'chi-ma', 3), '3');
});

test('server texts are picked in the viewer language', () => {
  const tile = { nameVi: 'Hữu Nghị', nameEn: 'Huu Nghi', levelVi: 'Cảnh báo', levelEn: 'Watch' };
  assert.equal(inLang('vi', tile), 'Hữu Nghị');
  assert.equal(inLang('en', tile, 'level'), 'Watch');
});
