// The drills panel: start a scenario drill and pick one to watch. Drills never touch the live board.
import { t, levelName, inLang, translate } from '../i18n.js';
import { startDrill, listDrills } from '../api.js';

const SCENARIOS = ['harvest-peak', 'gate-closure', 'holiday-surge'];
const REFRESH_MS = 2_000;

function formMarkup() {
  return `
    <form id="drill-form" class="drill-form">
      <label><span data-k="scenario"></span>
        <select name="scenario">${SCENARIOS.map((s) => `<option value="${s}" data-k="${s}"></option>`).join('')}</select>
      </label>
      <fieldset class="drill-gates"><legend data-k="drillGates"></legend><div class="gate-choices"></div></fieldset>
      <label data-for="surge"><span data-k="exportSurge"></span> <input name="exportSurgePercent" type="number" min="0" max="500" value="45"></label>
      <label data-for="closure"><span data-k="closedHours"></span> <input name="hours" type="number" min="1" max="72" value="6"></label>
      <label data-for="days"><span data-k="days"></span> <input name="days" type="number" min="1" max="14" value="3"></label>
      <label><span data-k="secondsPerDay"></span> <input name="secondsPerDay" type="number" min="1" max="3600" value="60"></label>
      <label><span data-k="autoPlan"></span>
        <select name="planLevel"><option value="" data-k="autoPlanNone"></option>
          <option value="1"></option><option value="2"></option><option value="3"></option></select>
      </label>
      <button type="submit" class="start-drill" data-k="startDrill"></button>
      <p class="form-error" role="alert"></p>
    </form>
    <ol class="drill-list"></ol>`;
}

export function drillsView(root, watch) {
  const panel = root.querySelector('#drills');
  panel.innerHTML = formMarkup();
  const form = panel.querySelector('#drill-form');
  const list = panel.querySelector('.drill-list');
  let lang = 'vi';
  let gatesKey = '';
  let drills = [];
  let names = new Map();

  const showFields = () => {
    const scenario = form.scenario.value;
    form.querySelector('[data-for="surge"]').hidden = scenario === 'gate-closure';
    form.querySelector('[data-for="closure"]').hidden = scenario !== 'gate-closure';
    form.querySelector('[data-for="days"]').hidden = scenario === 'gate-closure';
  };
  form.scenario.addEventListener('change', showFields);
  showFields();

  const renderList = () => {
    list.innerHTML = '';
    for (const d of [...drills].reverse()) {
      const li = document.createElement('li');
      li.className = `drill-item ${d.state}`;
      const gates = d.parameters.gates.map((g) => names.get(g) ?? g).join(', ');
      li.textContent = `${t(lang, d.scenario)} · ${gates} · ${t(lang, `state-${d.state}`)} `
        + `${Math.round(d.progress * 100)}% `;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'watch-drill';
      button.dataset.drill = d.id;
      button.textContent = t(lang, 'watchDrill');
      button.addEventListener('click', () => watch(d.id));
      li.appendChild(button);
      list.appendChild(li);
    }
  };

  const refresh = async () => {
    const r = await listDrills();
    if (r.ok) { drills = r.json.drills; renderList(); }
  };
  setInterval(refresh, REFRESH_MS);
  refresh();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const scenario = form.scenario.value;
    const gates = [...form.querySelectorAll('input[name="gate"]:checked')].map((i) => i.value);
    if (gates.length === 0 && scenario !== 'holiday-surge') {
      form.querySelector('.form-error').textContent = t(lang, 'drillNeedsGate');
      return;
    }
    const request = { scenario, secondsPerDay: Number(form.secondsPerDay.value) };
    if (gates.length > 0 || scenario !== 'holiday-surge') request.gates = gates;
    if (scenario === 'gate-closure') {
      request.hours = Number(form.hours.value);
    } else {
      request.exportSurgePercent = Number(form.exportSurgePercent.value);
      request.days = Number(form.days.value);
    }
    if (form.planLevel.value && gates.length > 0) request.plan = { gate: gates[0], level: Number(form.planLevel.value) };
    const result = await startDrill(request);
    form.querySelector('.form-error').textContent = result.ok ? ''
      : result.errors.map((x) => (x.field === 'gates' ? t(lang, 'drillNeedsGate') : `${x.field}: ${x.message}`)).join('; ');
    if (result.ok) {
      await refresh();
      watch(result.json.id);
    }
  });

  return (state, change) => {
    if (change !== 'all') return;
    lang = state.lang;
    names = new Map([...state.gates.values()].map((g) => [g.tile.gate, inLang(lang, g.tile)]));
    translate(panel, lang);
    // The plan levels by name, as the first gate names them.
    for (const option of form.planLevel.options) {
      if (option.value) option.textContent = levelName(state, state.order[0], Number(option.value));
    }
    const key = `${state.order.join(',')}|${lang}`;
    if (key !== gatesKey) {
      gatesKey = key;
      const checked = new Set([...form.querySelectorAll('input[name="gate"]:checked')].map((i) => i.value));
      const choices = form.querySelector('.gate-choices');
      choices.replaceChildren(...state.order.map((id) => {
        const label = document.createElement('label');
        label.className = 'gate-choice';
        const box = document.createElement('input');
        Object.assign(box, { type: 'checkbox', name: 'gate', value: id, checked: checked.has(id) });
        label.append(box, ` ${names.get(id)}`);
        return label;
      }));
    }
    renderList();
  };
}
