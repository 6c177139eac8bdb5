// Year-to-date turnover against the annual plan, with a marker where the year should be by today.
import { t, formats, inLang } from '../i18n.js';

function line(state, key, l, pace, dataKey = key) {
  const f = formats(state.lang, state.province?.zone);
  const pct = l.percentOfPlan === null ? 0 : Number(l.percentOfPlan);
  const change = l.changePercent === null ? '' : `${t(state.lang, Number(l.changePercent) >= 0 ? 'up' : 'down')} `
    + `${f.percent(Math.abs(Number(l.changePercent)))} ${t(state.lang, 'yoy')}`;
  return `
    <div class="plan-line" data-line="${dataKey}">
      <div class="plan-head"><strong>${t(state.lang, key)}</strong>
        <span class="plan-pct">${f.percent(l.percentOfPlan)} ${t(state.lang, 'ofPlan')}</span></div>
      <div class="bar" role="img" aria-label="${f.percent(l.percentOfPlan)} ${t(state.lang, 'ofPlan')}">
        <div class="fill" style="width:${Math.min(pct, 100)}%"></div>
        <div class="pace" style="left:${Math.min(Number(pace), 100)}%" title="${t(state.lang, 'pace')}"></div>
      </div>
      <div class="plan-figures">${f.millionsUsd(l.yearToDateUsd)}${l.planUsd === null ? '' : ` / ${f.millionsUsd(l.planUsd)}`}
        <span class="yoy">${change}</span></div>
    </div>`;
}

// The watched goods group's share of today's exports, e.g. "Rau quả 80% xe xuất khẩu hôm nay".
function goodsShare(state) {
  const g = state.goodsToday;
  if (!g || g.watchedGoods === null || g.watchedSharePercent === null) return '';
  const f = formats(state.lang, state.province?.zone);
  const group = (state.plan?.goods ?? []).find((x) => x.group === g.watchedGoods);
  const name = group ? inLang(state.lang, group) : g.watchedGoods;
  return `<p class="goods-share" data-goods="${g.watchedGoods}">${name}: <strong>${f.percent(g.watchedSharePercent)}</strong> `
    + `${t(state.lang, 'shareOfExportsToday')}</p>`;
}

// Local goods and goods groups with a target get a line of their own.
function targetLines(state, p) {
  let out = '';
  if (p.localExport && (p.localExport.planUsd !== null || Number(p.localExport.yearToDateUsd) > 0)) {
    out += line(state, 'localExport', p.localExport, p.pacePercent);
  }
  for (const g of p.goods ?? []) {
    if (g.export.planUsd !== null) {
      out += line(state, inLang(state.lang, g), g.export, p.pacePercent, `goods:${g.group}`);
    }
  }
  return out;
}

export function planView(root) {
  const el = root.querySelector('#plan');
  return (state, change) => {
    if (change !== 'all' && change !== 'plan') return;
    const p = state.plan;
    if (!p) { el.textContent = t(state.lang, 'noData'); return; }
    const f = formats(state.lang, state.province?.zone);
    const head = `<p class="plan-year">${p.year} · ${f.date(new Date(`${p.asOfDate}T12:00:00Z`))} · `
      + `${t(state.lang, 'pace')} ${f.percent(p.pacePercent)}</p>`;
    el.innerHTML = p.planSet
      ? head + line(state, 'export', p.export, p.pacePercent) + line(state, 'import', p.imports, p.pacePercent)
        + line(state, 'total', p.total, p.pacePercent) + targetLines(state, p) + goodsShare(state)
      : `${head}<p>${t(state.lang, 'noPlan')}</p>${goodsShare(state)}`;
  };
}
