// The node's provinces on one board ("Toàn quốc"), shown when the node serves several: a panel beside
// the province's board and a page of its own (the header's "Toàn quốc" button, or a link ending in
// '#view=national'). Both follow /ws/national, which sends the whole board again within a second of
// any province's change. Choosing a province switches the whole console to it.
import { t, inLang, translate, formats } from '../i18n.js';
import { connect } from '../feed.js';
import { province, chooseProvince } from '../province.js';

function numberIn(lang) {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

// One province's line as the panel shows it.
export function nationalRow(lang, p) {
  const number = numberIn(lang);
  const vehicles = formats(lang).integer(p.roadVehiclesToday);
  const today = p.todayPercentOfUsual === null || p.todayPercentOfUsual === undefined
    ? vehicles : `${vehicles} (${number.format(p.todayPercentOfUsual)}% ${t(lang, 'ofUsualByNow')})`;
  const plan = p.percentOfPlan === null || p.percentOfPlan === undefined ? '—'
    : `${number.format(p.percentOfPlan)}% · ${t(lang, p.onPace ? 'onPace' : 'behindPace')}`;
  const worst = p.worstLevel === 0 ? t(lang, 'levelNormal')
    : `${inLang(lang, p, 'worstLevel')} (${inLang(lang, p, 'worstGate')})`;
  return [inLang(lang, p, 'name'), today, worst, plan];
}

// One province's line as the page shows it: every figure in a column of its own.
export function nationalPageRow(lang, p) {
  const number = numberIn(lang);
  const integer = formats(lang).integer;
  const percent = (v) => (v === null || v === undefined ? '—' : `${number.format(v)}%`);
  const plan = p.percentOfPlan === null || p.percentOfPlan === undefined ? t(lang, 'planNotSet')
    : `${percent(p.percentOfPlan)} · ${t(lang, p.onPace ? 'onPace' : 'behindPace')}`;
  return [inLang(lang, p, 'name'), integer(p.gates), integer(p.roadVehiclesToday),
    p.usualRoadVehiclesByNow === null || p.usualRoadVehiclesByNow === undefined ? '—' : integer(p.usualRoadVehiclesByNow),
    percent(p.todayPercentOfUsual),
    p.worstLevel === 0 ? t(lang, 'levelNormal') : `${inLang(lang, p, 'worstLevel')} (${inLang(lang, p, 'worstGate')})`,
    plan, percent(p.yearElapsedPercent)];
}

// Every gate at level 2 or above, as the page lists it: the province's name from its line.
export function nationalAlertRows(lang, board) {
  const names = new Map(board.provinces.map((p) => [p.province, inLang(lang, p, 'name')]));
  const integer = formats(lang).integer;
  return board.alerts.map((a) => [names.get(a.province) ?? a.province, inLang(lang, a, 'name'),
    inLang(lang, a, 'level'), integer(a.waiting)]);
}

// Each cell carries its column's heading, so a phone can show a row as a card of labelled lines.
function cells(row, texts, labels = []) {
  for (const text of texts) {
    const cell = document.createElement('td');
    cell.textContent = text;
    cell.dataset.label = labels[row.children.length] ?? '';
    row.append(cell);
  }
  return row;
}

const headings = (table) => [...table.querySelectorAll('thead th')].map((th) => th.textContent);

export function nationalView(root) {
  const panel = root.querySelector('#national');
  const page = root.querySelector('#national-page');
  const open = root.querySelector('#national-open');
  const select = root.querySelector('#province-select');
  const hiddenByPage = [root.querySelector('#board'), root.querySelector('.audit-wide')];
  let board = null;
  let lang = 'vi';
  let connection = 'connecting';
  let showPage = /(^#|&)view=national(&|$)/.test(location.hash);

  function switchTo(id) {
    chooseProvince(id);
    // Every view, socket and form follows the province: the simplest honest way is a fresh start.
    location.hash = '';
    location.reload();
  }

  function renderPanel() {
    translate(panel, lang);
    const chosen = province() ?? board.provinces[0].province;
    select.replaceChildren(...board.provinces.map((p) => {
      const option = document.createElement('option');
      option.value = p.province;
      option.textContent = inLang(lang, p, 'name');
      option.selected = p.province === chosen;
      return option;
    }));
    panel.querySelector('tbody').replaceChildren(...board.provinces.map((p) => {
      const row = cells(document.createElement('tr'), nationalRow(lang, p));
      row.dataset.province = p.province;
      return row;
    }));
    const integer = formats(lang).integer;
    panel.querySelector('.national-alerts').textContent = board.alerts.length === 0 ? t(lang, 'nationalNoAlerts')
      : `${t(lang, 'nationalAlerts')}: ${board.alerts.map((a) => `${inLang(lang, a, 'name')}: ${inLang(lang, a, 'level')}, ${integer(a.waiting)} ${t(lang, 'waitingShort')}`).join('; ')}`;
  }

  function renderPage() {
    translate(page, lang);
    const when = formats(lang);
    const asOf = new Date(board.asOf);
    page.querySelector('.national-updated').textContent = `${t(lang, 'nationalUpdated')} ${when.time(asOf)} ${
      when.date(asOf)}${connection === 'live' ? '' : ` · ${t(lang, 'nationalReconnecting')}`}`;
    const labels = headings(page.querySelector('.national-full'));
    page.querySelector('.national-full tbody').replaceChildren(...board.provinces.map((p) => {
      const row = cells(document.createElement('tr'), []);
      const name = document.createElement('td');
      name.dataset.label = labels[0];
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'link-button';
      go.textContent = inLang(lang, p, 'name');
      go.addEventListener('click', () => switchTo(p.province));
      name.append(go);
      row.append(name);
      cells(row, nationalPageRow(lang, p).slice(1), labels);
      row.dataset.province = p.province;
      if (p.onPace === false) row.classList.add('behind');
      return row;
    }));
    const alerts = nationalAlertRows(lang, board);
    page.querySelector('.national-no-alerts').hidden = alerts.length > 0;
    page.querySelector('.national-alert-table').hidden = alerts.length === 0;
    const alertLabels = headings(page.querySelector('.national-alert-table'));
    page.querySelector('.national-alert-table tbody').replaceChildren(...alerts.map((a, i) => {
      const row = cells(document.createElement('tr'), a, alertLabels);
      row.dataset.level = `${board.alerts[i].level}`;
      return row;
    }));
  }

  function render() {
    const several = board && board.provinces.length >= 2;
    panel.hidden = !several;
    select.hidden = !several;
    open.hidden = !several;
    if (open.hidden === false) open.textContent = t(lang, showPage ? 'nationalBack' : 'nationalOpen');
    page.hidden = !(several && showPage);
    for (const el of hiddenByPage) if (el) el.hidden = several && showPage;
    if (!several) return;
    renderPanel();
    if (showPage) renderPage();
  }

  select.addEventListener('change', () => switchTo(select.value));
  open.addEventListener('click', () => {
    showPage = !showPage;
    history.replaceState(null, '', location.pathname + location.search + (showPage ? '#view=national' : ''));
    render();
  });

  connect({
    applyMessage(message) {
      if (message.type !== 'national') return;
      board = message.board;
      render();
    },
    setConnection(state) {
      if (state === connection) return;
      connection = state;
      if (board) render();
    },
  }, '/ws/national');

  return (state, change) => {
    if (change !== 'all') return;
    lang = state.lang;
    render();
  };
}
