// The sandbox view of one drill: marked as a rehearsal, its own board on the drill's clock, and
// the result so far, with the plans applied against the same scenario without them.
import { createStore } from '../store.js';
import { connect } from '../feed.js';
import { planActions, stopDrill, getDrill } from '../api.js';
import { tilesView } from './tiles.js';
import { t, formats, levelName, inLang } from '../i18n.js';

const POLL_MS = 1_000;

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function resultTable(drill, lang, zone, names, levels) {
  const f = formats(lang, zone);
  const lanes = drill.result;
  const byGate = (lane) => new Map(lanes[lane].map((g) => [g.gate, g]));
  const drillLane = byGate('drill');
  const baseLane = byGate('baseline');
  const levelIds = Object.keys(lanes.drill[0]?.hoursAtLevel ?? {}).filter((id) => id !== 'normal');
  // The scenario's gates, and any other gate the drill or its plans made a difference at.
  const relevant = lanes.drill.map((g) => g.gate).filter((gate) => drill.parameters.gates.includes(gate)
    || [drillLane.get(gate), baseLane.get(gate)].some((g) => Object.keys(g.levelReachedAt).length > 0
      || g.plans.length > 0)
    || drillLane.get(gate).peakWaiting !== baseLane.get(gate).peakWaiting);
  const table = document.createElement('table');
  table.className = 'result-table';
  const head = table.createTHead().insertRow();
  const headings = [t(lang, 'gates'), t(lang, 'lane'), ...levelIds.map((l) => `${t(lang, l)}: ${t(lang, 'reachedAt')}`),
    ...levelIds.map((l) => `${t(lang, l)}: ${t(lang, 'hours')}`), t(lang, 'peakWaiting'), t(lang, 'peakYard'),
    t(lang, 'truckHours'), t(lang, 'plansApplied')];
  headings.forEach((h) => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
  const body = table.createTBody();
  for (const gate of relevant) {
    for (const [lane, g] of [['laneDrill', drillLane.get(gate)], ['laneBaseline', baseLane.get(gate)]]) {
      const row = body.insertRow();
      row.dataset.gate = gate;
      row.dataset.lane = lane;
      row.append(cell(names.get(gate) ?? gate, 'gate'), cell(t(lang, lane)));
      levelIds.forEach((l) => row.append(cell(g.levelReachedAt[l] ? f.dateTime(new Date(g.levelReachedAt[l])) : '—',
        `reached-${l}`)));
      levelIds.forEach((l) => row.append(cell(f.oneDecimal(g.hoursAtLevel[l] ?? 0), `hours-${l}`)));
      row.append(cell(f.integer(g.peakWaiting), 'peak-waiting'), cell(f.percent(g.peakYardOccupancy * 100)),
        cell(f.oneDecimal(g.truckHoursWaiting)),
        cell(g.plans.map((p) => `${levelName({ lang, levelsWithPlans: levels }, gate, p.level)} · `
          + `${p.by === 'drill' ? t(lang, 'planAuto') : p.by} · ${f.dateTime(new Date(p.from))}`).join('; ') || '—'));
    }
  }
  return table;
}

// The result in one sentence first: what the plans did to the peak where they were applied, and to
// the truck-hours waiting at every gate, the gates diverted to included.
function conclusion(drill, lang, names, levels) {
  const lanes = drill.result;
  const applied = lanes.drill.filter((g) => g.plans.length > 0);
  if (applied.length === 0) return t(lang, 'drillNoPlan');
  const f = formats(lang);
  const base = new Map(lanes.baseline.map((g) => [g.gate, g]));
  const parts = applied.map((g) => {
    const before = base.get(g.gate).peakWaiting;
    const plan = levelName({ lang, levelsWithPlans: levels }, g.gate, g.plans[0].level);
    return `${t(lang, 'drillPlanAt')} ${plan} ${t(lang, 'drillAt')} ${names.get(g.gate) ?? g.gate}: `
      + `${t(lang, 'drillPeak')} ${f.integer(before)} → ${f.integer(g.peakWaiting)} (${change(f, before, g.peakWaiting)})`;
  });
  const sum = (lane) => lanes[lane].reduce((total, g) => total + g.truckHoursWaiting, 0);
  return `${parts.join('; ')}; ${t(lang, 'drillTruckHours')} ${change(f, sum('baseline'), sum('drill'))} `
    + `${t(lang, 'drillAllGates')}.`;
}

function change(f, before, after) {
  if (before === 0) return after === 0 ? '0%' : '+∞';
  const pct = ((after - before) / before) * 100;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${f.integer(Math.abs(pct))}%`;
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
    .map((g) => [g.tile.gate, inLang(lang, g.tile)]));

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
    const levels = live.state.levelsWithPlans;
    const sentence = document.createElement('p');
    sentence.className = 'drill-conclusion';
    sentence.textContent = conclusion(last, lang, names(), levels);
    const note = document.createElement('p');
    note.className = 'drill-note';
    note.textContent = t(lang, 'drillLowerLevelNote');
    result.replaceChildren(sentence, resultTable(last, lang, live.state.province?.zone, names(), levels), note);
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
