// How the node's own early warnings fared lately, where the warnings are read: "Cảnh báo sớm 30 ngày
// qua: 23/27 đợt ùn tắc được báo trước ít nhất 1 giờ, trung vị 2 giờ 10 phút; 4 cảnh báo không xảy ra".
import { t, duration } from '../i18n.js';

// One window of GET /api/v1/forecast/track-record as a sentence.
export function trackRecordText(lang, window) {
  // A window that holds imported history is judged partly by a backtest run after the import: say so.
  const title = t(lang, 'trTitle').replace('{days}', String(window.days))
    + (window.backtested?.length ? ` (${t(lang, 'trBacktested')})` : '');
  const o = window.overall;
  if (o.alertEpisodes === 0) {
    return `${title}: ${t(lang, 'trNone')}${o.alertWarnings > 0 ? `; ${o.falseWarnings} ${t(lang, 'trFalse')}` : ''}.`;
  }
  const of = lang === 'vi' ? `${o.warnedAnHourAhead}${t(lang, 'trOf')}${o.alertEpisodes}`
    : `${o.warnedAnHourAhead} ${t(lang, 'trOf')} ${o.alertEpisodes}`;
  const lead = o.medianLeadMinutes === null ? '' : `, ${t(lang, 'trMedian')} ${duration(lang, o.medianLeadMinutes)}`;
  return `${title}: ${of} ${t(lang, 'trWarned')}${lead}; ${o.falseWarnings} ${t(lang, 'trFalse')}.`;
}

export function trackRecordView(root) {
  const el = root.querySelector('#track-record');
  return (state, change) => {
    if (change !== 'all' && change !== 'trackRecord') return;
    // A replayed period is not judged by today's record: the line is for the live board.
    const window = state.trackRecord?.windows?.find((w) => w.days === 30);
    el.hidden = state.mode !== 'live' || !window;
    if (!el.hidden) el.textContent = trackRecordText(state.lang, window);
  };
}
