// The node's provinces on one board ("Toàn quốc"): shown when the node serves several. Each row is a
// province as its own board shows it; choosing one switches the whole console to it.
import { t, inLang, translate } from '../i18n.js';
import { getNationalBoard } from '../api.js';
import { province, chooseProvince } from '../province.js';

// One province's line as the table shows it.
export function nationalRow(lang, p) {
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const today = p.todayPercentOfUsual === null || p.todayPercentOfUsual === undefined
    ? `${p.roadVehiclesToday}` : `${p.roadVehiclesToday} (${number.format(p.todayPercentOfUsual)}% ${t(lang, 'ofUsualByNow')})`;
  const plan = p.percentOfPlan === null || p.percentOfPlan === undefined ? '—'
    : `${number.format(p.percentOfPlan)}% · ${t(lang, p.onPace ? 'onPace' : 'behindPace')}`;
  const worst = p.worstLevel === 0 ? t(lang, 'levelNormal')
    : `${inLang(lang, p, 'worstLevel')} (${inLang(lang, p, 'worstGate')})`;
  return [inLang(lang, p, 'name'), today, worst, plan];
}

export function nationalView(root) {
  const panel = root.querySelector('#national');
  const select = root.querySelector('#province-select');
  let board = null;
  let lang = 'vi';

  function render() {
    if (!board || board.provinces.length < 2) {
      panel.hidden = true;
      select.hidden = true;
      return;
    }
    panel.hidden = false;
    select.hidden = false;
    translate(panel, lang);
    const chosen = province() ?? board.provinces[0].province;
    select.replaceChildren(...board.provinces.map((p) => {
      const option = document.createElement('option');
      option.value = p.province;
      option.textContent = inLang(lang, p, 'name');
      option.selected = p.province === chosen;
      return option;
    }));
    const body = panel.querySelector('tbody');
    body.replaceChildren(...board.provinces.map((p) => {
      const row = document.createElement('tr');
      row.dataset.province = p.province;
      for (const text of nationalRow(lang, p)) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }));
    const alerts = panel.querySelector('.national-alerts');
    alerts.textContent = board.alerts.length === 0 ? t(lang, 'nationalNoAlerts')
      : `${t(lang, 'nationalAlerts')}: ${board.alerts.map((a) => `${inLang(lang, a, 'name')}: ${inLang(lang, a, 'level')}, ${a.waiting} ${t(lang, 'waitingShort')}`).join('; ')}`;
  }

  select.addEventListener('change', () => {
    chooseProvince(select.value);
    // Every view, socket and form follows the province: the simplest honest way is a fresh start.
    location.reload();
  });

  async function read() {
    const r = await getNationalBoard().catch(() => null);
    if (r?.ok) {
      board = r.json;
      render();
    }
  }
  read();
  setInterval(read, 30_000);

  return (state, change) => {
    if (change !== 'all') return;
    lang = state.lang;
    render();
  };
}
