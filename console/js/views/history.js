// Time travel: pick a past period and a speed; the board replays it as it was, clearly marked,
// with pause/resume and a way back to live. Each viewer's replay is their own.
import { t, formats, translate } from '../i18n.js';
import { toIso, fromIso, provinceDay } from '../dates.js';

const MAX_DAYS = 14;

export const SPEEDS = [
  { value: 8_640, key: 'speedDay10s' },
  { value: 1_440, key: 'speedDayMinute' },
  { value: 3_600, key: 'speedHourSecond' },
  { value: 43_200, key: 'speedDay2s' },
];

export function historyView(root, board) {
  const form = root.querySelector('#history-form');
  const bar = root.querySelector('#history-bar');
  const pause = bar.querySelector('.history-pause');
  form.speed.replaceChildren(...SPEEDS.map((s) => {
    const option = document.createElement('option');
    option.value = String(s.value);
    option.dataset.k = s.key;
    return option;
  }));
  // Yesterday in the province, not in this computer's zone or UTC.
  let touched = false;
  form.addEventListener('input', () => { touched = true; });
  let zone = 'Asia/Ho_Chi_Minh';
  const defaultPeriod = () => {
    if (touched) return;
    const yesterday = fromIso(provinceDay(Date.now() - 86_400_000, zone));
    form.from.value = yesterday;
    form.to.value = yesterday;
  };
  // The server refuses these too, but a refused upgrade cannot say why to a browser: said here first.
  const problemWith = (from, to) => {
    if (!from || !to) return 'dateFormat';
    if (to < from) return 'historyOrder';
    if (from > provinceDay(Date.now(), zone)) return 'historyFuture';
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_DAYS) return 'historyTooLong';
    return null;
  };
  let playing = true;
  // The last refusal shown, kept so that it follows a change of language.
  let refusal = null;
  const showRefusal = (lang) => {
    if (!refusal) return;
    const text = t(lang, refusal.code);
    form.querySelector('.form-error').textContent = text === refusal.code ? refusal.message : text;
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    form.querySelector('.form-error').textContent = '';
    refusal = null;
    const from = toIso(form.from.value);
    const to = toIso(form.to.value);
    const problem = problemWith(from, to);
    if (problem) {
      form.querySelector('.form-error').textContent = t(document.documentElement.lang, problem);
      return;
    }
    board.history(from, to, Number(form.speed.value));
  });
  pause.addEventListener('click', () => board.control({ action: playing ? 'pause' : 'resume' }));
  bar.querySelector('.history-live').addEventListener('click', () => board.live());

  return (state, change) => {
    if (change === 'all') {
      zone = state.province?.zone ?? zone;
      defaultPeriod();
      showRefusal(state.lang);
      translate(form, state.lang);
      translate(bar, state.lang);
    }
    if (change === 'refused' && state.refused) {
      // Said in the console's language; the server's sentence is the fallback for codes it does not know.
      refusal = state.refused;
      showRefusal(state.lang);
      if (state.mode === 'history') board.live();
      return;
    }
    if (change !== 'all' && change !== 'history') return;
    const inHistory = state.mode === 'history';
    bar.hidden = !inHistory;
    document.body.classList.toggle('history', inHistory);
    const h = state.history;
    if (!inHistory || !h) return;
    const f = formats(state.lang, state.province?.zone);
    playing = h.playing;
    bar.dataset.state = h.done ? 'done' : (h.playing ? 'playing' : 'paused');
    // The playback clock, for whoever checks that nothing shown is later than it.
    bar.dataset.at = h.at;
    bar.querySelector('.history-period').textContent =
      `${f.date(new Date(h.from))} → ${f.date(new Date(new Date(h.to).getTime() - 1))}`;
    // At the end the replay's clock stands on the next midnight; the last minute of the period is what the tiles show.
    bar.querySelector('.history-clock').textContent =
      f.dateTime(new Date(Math.min(Date.parse(h.at), Date.parse(h.to) - 60_000)));
    pause.textContent = t(state.lang, h.playing ? 'pause' : 'resume');
    pause.disabled = h.done;
  };
}
