// Only on a demo node: make congestion happen at a gate (a surge of export trucks or a closure for
// some hours) for the live simulator to play out, and end it. Everything it causes is marked simulated.
import { t, formats, inLang, translate } from '../i18n.js';
import { startDemoScenario, endDemoScenario } from '../api.js';

export function demoView(root) {
  const panel = root.querySelector('#demo-panel');
  const form = panel.querySelector('#demo-form');
  const list = panel.querySelector('.demo-list');
  let lang = 'vi';

  form.kind.addEventListener('change', () => {
    form.querySelector('[data-for="percent"]').hidden = form.kind.value !== 'surge';
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { gate: form.gate.value, kind: form.kind.value, hours: Number(form.hours.value) };
    if (body.kind === 'surge') body.percent = Number(form.percent.value);
    const r = await startDemoScenario(body);
    form.querySelector('.form-error').textContent = r.ok ? '' : r.errors.map((x) => `${x.field}: ${x.message}`).join('; ');
  });

  return (state, change) => {
    if (change !== 'all') return;
    panel.hidden = state.demo === null || state.demo === undefined;
    if (panel.hidden) return;
    lang = state.lang;
    const f = formats(lang, state.province?.zone);
    translate(panel, lang);
    const names = new Map(state.order.map((id) => {
      const tile = state.gates.get(id).tile;
      return [id, inLang(lang, tile)];
    }));
    if (form.gate.options.length !== state.order.length || form.gate.dataset.lang !== lang) {
      const chosen = form.gate.value;
      form.gate.replaceChildren(...state.order.map((id) => new Option(names.get(id), id)));
      if (chosen) form.gate.value = chosen;
      form.gate.dataset.lang = lang;
    }
    form.kind.options[0].textContent = t(lang, 'demoSurgeText');
    form.kind.options[1].textContent = t(lang, 'demoClosureText');
    list.replaceChildren(...state.demo.map((s) => {
      const li = document.createElement('li');
      li.textContent = `${names.get(s.gate) ?? s.gate}: ${s.kind === 'surge' ? `${t(lang, 'demoSurgeText')} +${s.percent}%`
        : t(lang, 'demoClosureText')} ${t(lang, 'until')} ${f.hour(new Date(s.until))} `;
      const end = document.createElement('button');
      end.type = 'button';
      end.className = 'end-demo';
      end.textContent = t(lang, 'demoEnd');
      end.addEventListener('click', () => endDemoScenario(s.gate));
      li.appendChild(end);
      return li;
    }));
  };
}
