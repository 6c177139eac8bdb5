// The warnings' track record as a sentence, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trackRecordText } from '../../../console/js/views/trackrecord.js';

const window = (overall) => ({ days: 30, overall });

test('the record reads as the province reports it', () => {
  const w = window({ alertEpisodes: 27, warnedAnHourAhead: 23, medianLeadMinutes: 130, alertWarnings: 31, falseWarnings: 4 });
  assert.equal(trackRecordText('vi', w),
    'Cảnh báo sớm 30 ngày qua: 23/27 đợt ùn tắc được báo trước ít nhất 1 giờ, trung vị 2 giờ 10 phút; 4 cảnh báo không xảy ra.');
  assert.equal(trackRecordText('en', w),
    'Early warnings, last 30 days: 23 of 27 congestion episodes warned at least an hour ahead, median 2 h 10 min; '
    + '4 warnings did not come true.');
});

test('without an episode to judge, the record says so instead of a 0 of 0', () => {
  const w = window({ alertEpisodes: 0, warnedAnHourAhead: 0, medianLeadMinutes: null, alertWarnings: 2, falseWarnings: 2 });
  assert.equal(trackRecordText('en', w),
    'Early warnings, last 30 days: no congestion episode to judge them by yet; 2 warnings did not come true.');
  assert.ok(!trackRecordText('vi', { ...w, overall: { ...w.overall, alertWarnings: 0 } }).includes('0/0'));
});

test('a window judged partly by a backtest of imported history says so', () => {
  const w = { ...window({ alertEpisodes: 3, warnedAnHourAhead: 3, medianLeadMinutes: 60, alertWarnings: 3, falseWarnings: 0 }),
    backtested: [{ gate: 'chi-ma', from: '2026-01-01T00:00:00Z', to: '2026-01-20T00:00:00Z', at: '2026-01-21T00:00:00Z' }] };
  assert.match(trackRecordText('vi', w), /^Cảnh báo sớm 30 ngày qua \(gồm lịch sử nhập về, chạy thử sau khi nhập\): 3\/3 /);
  assert.match(trackRecordText('en', w), /\(imported history included, backtested once it arrived\)/);
  assert.ok(!trackRecordText('en', window(w.overall)).includes('imported'));
});
