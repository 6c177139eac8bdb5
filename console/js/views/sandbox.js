// The sandbox view of one drill: marked as a rehearsal, its own board on the drill's clock, and
// the result so far, with the plans applied against the same scenario without them.
import { createStore } from '../store.js';
import { connect } from '../feed.js';
import { planActions, stopDrill, getDrill } from '../api.js';
import { tilesView } from './tiles.js';
import { t, formats } from '../i18n.js';

const POLL_MS = 1_000;

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function resultTable(drill, lang, zone, names) {
  const f = formats(lang, zone);
  const lanes = drill.result;
  const byGate = (lane) => new Map(lanes[lane].map((g) => [g.gate, g]));
  const drillLane = byGate('drill');
  const baseLane = byGate('baseline');
  const levels = Object.keys(lanes.drill[0]?.hoursAtLevel ?? {}).filter((id) => id !== 'normal');
  // The scenario's gates, and any other gate the drill or its plans made a difference at.
  const relevant = lanes.drill.map((g) => g.gate).filter((gate) => drill.parameters.gates.includes(gate)
    || [drillLane.get(gate), baseLane.get(gate)].some((g) => Object.keys(g.levelReachedAt).length > 0
      || g.plans.length > 0)
    || drillLane.get(gate).peakWaiting !== baseLane.get(gate).peakWaiting);
  const table = document.createElement('table');
  table.className = 'result-table';
  const head = table.createTHead().insertRow();
  const headings = [t(lang, 'gates'), t(lang, 'lane'), ...levels.map((l) => `${t(lang, l)}: ${t(lang, 'reachedAt')}`),
    ...levels.map((l) => `${t(lang, l)}: ${t(lang, 'hours')}`), t(lang, 'peakWaiting'), t(lang, 'peakYard'),
    t(lang, 'truckHours'), t(lang, 'plansApplied')];
  headings.forEach((h) => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
  const body = table.createTBody();
  for (const gate of relevant) {
    for (const [lane, g] of [['laneDrill', drillLane.get(gate)], ['laneBaseline', baseLane.get(gate)]]) {
      const row = body.insertRow();
      row.dataset.gate = gate;
      row.dataset.lane = lane;
      row.append(cell(names.get(gate) ?? gate, 'gate'), cell(t(lang, lane)));
      levels.forEach((l) => row.append(cell(g.levelReachedAt[l] ? f.dateTime(new Date(g.levelReachedAt[l])) : '—',
        `reached-${l}`)));
      levels.forEach((l) => row.append(cell(f.oneDecimal(g.hoursAtLevel[l] ?? 0), `hours-${l}`)));
      row.append(cell(f.integer(g.peakWaiting), 'peak-waiting'), cell(f.percent(g.peakYardOccupancy * 100)),
        cell(f.oneDecimal(g.truckHoursWaiting)),
        cell(g.plans.map((p) => `${p.level} · ${p.by} · ${f.dateTime(new Date(p.from))}`).join('; ') || '—'));
    }
  }
  return table;
}

export function sandboxView(root, live) {
  const section = root.querySelector('#sandbox');
  const tiles = section.querySelector('#sandbox-tiles');
  const result = section.querySelector('#drill-result');
  let current = null;
  let store = null;
  let feed = null;
  let unsubscribe = () => {};
  let poll = null;
  let lang = live.state.lang;
  let last = null;

  const actions = {
    activate: (...args) => planActions(`/api/v1/drills/${current}`).activate(...args),
    standDown: (...args) => planActions(`/api/v1/drills/${current}`).standDown(...args),
  };

  const names = () => new Map([...live.state.gates.values()]
    .map((g) => [g.tile.gate, lang === 'vi' ? g.tile.nameVi : g.tile.nameEn]));

  const render = () => {
    if (!last) return;
    const f = formats(lang, live.state.province?.zone);
    const gates = last.parameters.gates.map((g) => names().get(g) ?? g).join(', ');
    section.querySelector('.drill-what').textContent = `${t(lang, last.scenario)} · ${gates}`;
    section.querySelector('.drill-clock').textContent =
      `${t(lang, 'simulatedTime')} ${f.dateTime(new Date(last.simulated.now))}`;
    section.querySelector('.drill-progress').value = last.progress;
    section.querySelector('.drill-state').textContent = t(lang, `state-${last.state}`);
    section.dataset.state = last.state;
    section.querySelector('.stop-drill').hidden = last.state !== 'running';
    result.replaceChildren(resultTable(last, lang, live.state.province?.zone, names()));
  };

  const refresh = async () => {
    const id = current;
    const r = await getDrill(id);
    if (!r.ok || id !== current) return;
    last = r.json;
    render();
    if (last.state !== 'running') { clearInterval(poll); poll = null; }
  };

  const close = () => {
    feed?.close();
    unsubscribe();
    clearInterval(poll);
    current = null;
    last = null;
    section.hidden = true;
    if (location.hash.startsWith('#drill=')) history.replaceState(null, '', location.pathname);
  };

  section.querySelector('.stop-drill').addEventListener('click', async () => {
    if (current) { await stopDrill(current); refresh(); }
  });
  section.querySelector('.close-sandbox').addEventListener('click', close);
  // Gate names and the language come from the live board.
  live.subscribe((state, change) => {
    if (change !== 'all') return;
    if (state.lang !== lang) {
      lang = state.lang;
      store?.setLang(lang);
    }
    render();
  });

  return {
    watch(id) {
      close();
      current = id;
      section.hidden = false;
      section.dataset.drill = id;
      // The address names the drill, so another coordinator can open the same sandbox from a link.
      history.replaceState(null, '', `#drill=${encodeURIComponent(id)}`);
      tiles.innerHTML = '';
      delete tiles.dataset.layout;
      store = createStore();
      const view = tilesView(tiles, actions, 'drill-tile-');
      unsubscribe = store.subscribe(view);
      feed = connect(store, `/ws/drills/${encodeURIComponent(id)}`);
      poll = setInterval(refresh, POLL_MS);
      refresh();
      section.scrollIntoView({ block: 'start' });
    },
  };
}
