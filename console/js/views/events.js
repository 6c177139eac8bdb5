// The activity feed, newest first: level changes, response plans, early warnings and annual plans;
// the routine queue reports only when asked for. Levels are said by name, never by number.
import { t, formats, levelName, inLang } from '../i18n.js';

// Causes a level was raised for that the queue's size does not tell by itself.
const CAUSES = { stalled: 'levelStalled', wait: 'levelWait' };

export function eventsView(root) {
  const el = root.querySelector('#feed');
  const showQueues = root.querySelector('#feed-queues');
  let last = null;
  showQueues.addEventListener('change', () => last && render(last));

  function line(state, item, f, today) {
    // An item of another day than the board's says its date: last week's must not read as now.
    const at = new Date(item.at);
    const when = f.date(at) === today ? f.time(at) : `${f.date(at)} ${f.hour(at)}`;
    const gate = state.gates.get(item.gate)?.tile;
    const name = gate ? inLang(state.lang, gate) : item.gate;
    const level = (n) => levelName(state, item.gate, n);
    switch (item.kind) {
      case 'queue':
        return [`${when} · ${name}: ${f.integer(item.waiting)} ${t(state.lang, 'queueItem')}`, 'queue'];
      case 'level':
        return [`${when} · ${name}: ${t(state.lang, item.to > item.from ? 'levelUp' : 'levelDown')} `
          + `${level(item.from)} → ${level(item.to)} (${CAUSES[item.cause] ? `${t(state.lang, CAUSES[item.cause])}, ` : ''}`
          + `${f.integer(item.waiting)} ${t(state.lang, 'queueItem')})`,
        item.to > item.from ? 'level-up' : 'level-down'];
      case 'response-plan-activated':
        return [`${when} · ${name}: ${t(state.lang, 'planOn')} ${level(item.level)} (${by(state, item.by)}`
          + `${reason(state, item)})`, 'plan'];
      case 'response-plan-stood-down':
        return [`${when} · ${name}: ${t(state.lang, 'planOff')} ${level(item.level)} (${by(state, item.by)}`
          + `${item.reason ? ` — ${item.reason}` : ''})`, 'plan'];
      case 'warning': {
        // Said as forecast when it was issued; while the same warning stands, the forecast's time now beside it.
        const issued = `${t(state.lang, 'warningIssued')} ${level(item.level)} ~${f.hour(new Date(item.reason))} `
          + `(${t(state.lang, 'warningAsIssued')})`;
        const now = state.mode === 'live' ? state.forecast?.get(item.gate)?.warning : null;
        const moved = now && now.level === item.level && now.expectedAt !== item.reason
          ? `; ${t(state.lang, 'warningNowExpected')} ~${f.hour(new Date(now.expectedAt))}` : '';
        return [`${when} · ${name}: ${issued}${moved}`, 'level-up'];
      }
      case 'warning-withdrawn':
        return [`${when} · ${name}: ${t(state.lang, `warningEnded:${item.reason}`)} (${level(item.level)})`, ''];
      default:
        return [`${when} · ${t(state.lang, 'planItem')} ${item.year}${item.reason ? `: ${item.reason}` : ''}`, 'plan'];
    }
  }

  function render(state) {
    last = state;
    const f = formats(state.lang, state.province?.zone);
    const clock = state.mode === 'history' && state.history ? Date.parse(state.history.at) : Date.now();
    const today = f.date(new Date(clock));
    // Nothing later than the board's clock: a replay shows what was known then.
    const items = state.feed.filter((item) => (showQueues.checked || item.kind !== 'queue')
      && Date.parse(item.at) <= clock + 1_000);
    el.replaceChildren(...items.map((item) => {
      const li = document.createElement('li');
      [li.textContent, li.className] = line(state, item, f, today);
      li.dataset.at = item.at;
      return li;
    }));
    if (items.length === 0) {
      const li = document.createElement('li');
      li.className = 'feed-empty';
      li.textContent = t(state.lang, 'feedEmpty');
      el.appendChild(li);
    }
    root.querySelector('#feed-queues-label').textContent = t(state.lang, 'feedShowQueues');
  }

  return (state, change) => {
    if (change === 'all' || change === 'feed' || change === 'history') render(state);
  };
}

// Plans a drill applied by itself are "automatic", not signed "drill".
function by(state, who) {
  return who === 'drill' ? t(state.lang, 'planAuto') : who;
}

// A person's reason as written; a drill's, written by the service, in the console's language.
function reason(state, item) {
  if (item.by === 'drill') return ` — ${t(state.lang, 'planAutoReason')} ${levelName(state, item.gate, item.level)}`;
  return item.reason ? ` — ${item.reason}` : '';
}
