// The activity feed: recent queue reports and plan changes, newest first.
import { t, formats } from '../i18n.js';

export function eventsView(root) {
  const el = root.querySelector('#feed');
  return (state, change) => {
    if (change !== 'all' && change !== 'feed') return;
    const f = formats(state.lang, state.province?.zone);
    const name = (id) => {
      const g = state.gates.get(id);
      return g ? (state.lang === 'vi' ? g.tile.nameVi : g.tile.nameEn) : id;
    };
    el.innerHTML = '';
    for (const item of state.feed) {
      const li = document.createElement('li');
      const when = f.time(new Date(item.at));
      if (item.kind === 'queue') {
        li.textContent = `${when} · ${name(item.gate)}: ${f.integer(item.waiting)} ${t(state.lang, 'queueItem')}`;
      } else if (item.kind === 'level') {
        li.className = item.to > item.from ? 'level-up' : 'level-down';
        li.textContent = `${when} · ${name(item.gate)}: ${t(state.lang, item.to > item.from ? 'levelUp' : 'levelDown')}`
          + ` ${item.from} → ${item.to} (${f.integer(item.waiting)} ${t(state.lang, 'queueItem')})`;
      } else if (item.kind === 'response-plan-activated' || item.kind === 'response-plan-stood-down') {
        const key = item.kind === 'response-plan-activated' ? 'planOn' : 'planOff';
        li.textContent = `${when} · ${name(item.gate)}: ${t(state.lang, key)} ${item.level} (${item.by})`;
      } else if (item.kind === 'warning') {
        li.className = 'level-up';
        li.textContent = `${when} · ${name(item.gate)}: ${t(state.lang, 'warningIssued')} ${item.level} `
          + `~${f.hour(new Date(item.reason))}`;
      } else if (item.kind === 'warning-withdrawn') {
        li.textContent = `${when} · ${name(item.gate)}: ${t(state.lang, `warningEnded:${item.reason}`)} (${item.level})`;
      } else {
        li.textContent = `${when} · ${t(state.lang, 'planItem')} ${item.year}: ${item.reason}`;
      }
      el.appendChild(li);
    }
  };
}
