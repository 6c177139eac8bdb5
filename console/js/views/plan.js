// Year-to-date turnover against the annual plan: each line against the share of the year gone (behind
// it in colour), with the year-end estimate; the watched goods' turnover; and, for coordinators, a
// form to set or revise the year's plan.
import { t, formats, inLang } from '../i18n.js';
import { putPlan } from '../api.js';

// A line is on pace while its share of the plan is at most this many points below the year's gone
// share, as the national board and the report judge it.
const PACE_TOLERANCE = 2;

// Whether a line with a target is behind the share of the year gone; null without a target.
export function behind(l, pacePercent) {
  if (l.percentOfPlan === null || l.percentOfPlan === undefined) return null;
  return Number(l.percentOfPlan) < Number(pacePercent) - PACE_TOLERANCE;
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function line(state, label, l, pace, dataKey) {
  const f = formats(state.lang, state.province?.zone);
  const change = l.changePercent === null ? '' : `${t(state.lang, Number(l.changePercent) >= 0 ? 'up' : 'down')} `
    + `${f.percent(Math.abs(Number(l.changePercent)))} ${t(state.lang, 'yoy')}`;
  const ytd = `${f.millionsUsd(l.yearToDateUsd)}`;
  if (l.planUsd === null) {
    // No target behind this line: its turnover is said, and no bar pretends to measure it.
    return `
    <div class="plan-line no-target" data-line="${escape(dataKey)}">
      <div class="plan-head"><strong>${escape(label)}</strong><span class="plan-pct">${t(state.lang, 'planNoTarget')}</span></div>
      <div class="plan-figures">${ytd} <span class="yoy">${change}</span></div>
    </div>`;
  }
  const pct = Number(l.percentOfPlan);
  const late = behind(l, pace);
  const verdict = t(state.lang, late ? 'behindPace' : 'onPace');
  const estimate = l.projectedUsd === null || l.projectedUsd === undefined ? ''
    : `<div class="plan-estimate">${t(state.lang, 'projected')}: ${f.millionsUsd(l.projectedUsd)}`
      + `${l.projectedPercentOfPlan === null ? '' : ` (${f.percent(l.projectedPercentOfPlan)} ${t(state.lang, 'ofPlan')})`}</div>`;
  return `
    <div class="plan-line${late ? ' behind' : ''}" data-line="${escape(dataKey)}" data-pace="${late ? 'behind' : 'on'}">
      <div class="plan-head"><strong>${escape(label)}</strong>
        <span class="plan-pct">${f.percent(l.percentOfPlan)} ${t(state.lang, 'ofPlan')}</span>
        <span class="plan-verdict">${verdict}</span></div>
      <div class="bar" role="img" aria-label="${f.percent(l.percentOfPlan)} ${t(state.lang, 'ofPlan')}, ${verdict}, `
        + `${t(state.lang, 'pace')} ${f.percent(pace)}">
        <div class="fill" style="width:${Math.min(pct, 100)}%"></div>
        <div class="pace" style="left:${Math.min(Number(pace), 100)}%" title="${t(state.lang, 'pace')}"></div>
      </div>
      <div class="plan-figures">${ytd} / ${f.millionsUsd(l.planUsd)} <span class="yoy">${change}</span></div>
      ${estimate}
    </div>`;
}

// The watched goods group's share of today's exports, e.g. "Rau quả 80% xe xuất khẩu hôm nay".
function goodsShare(state) {
  const g = state.goodsToday;
  if (!g || g.watchedGoods === null || g.watchedSharePercent === null) return '';
  const f = formats(state.lang, state.province?.zone);
  const group = (state.plan?.goods ?? []).find((x) => x.group === g.watchedGoods);
  const name = group ? inLang(state.lang, group) : g.watchedGoods;
  return `<p class="goods-share" data-goods="${escape(g.watchedGoods)}">${escape(name)}: <strong>${f.percent(g.watchedSharePercent)}</strong> `
    + `${t(state.lang, 'shareOfExportsToday')}</p>`;
}

// Local goods, goods groups with a target, and the watched goods (fruit) whether it has a target or not.
function targetLines(state, p) {
  let out = '';
  if (p.localExport && (p.localExport.planUsd !== null || Number(p.localExport.yearToDateUsd) > 0)) {
    out += line(state, t(state.lang, 'localExport'), p.localExport, p.pacePercent, 'localExport');
  }
  const watched = state.goodsToday?.watchedGoods ?? null;
  for (const g of p.goods ?? []) {
    if (g.export.planUsd !== null || g.group === watched) {
      out += line(state, `${inLang(state.lang, g)} (${t(state.lang, 'export').toLowerCase()})`, g.export, p.pacePercent,
        `goods:${g.group}`);
    }
  }
  return out;
}

// The coordinators' form: the year's figures in US dollars, the reason for a revision.
function formMarkup(state, p) {
  const groups = (p?.goods ?? []).map((g) => `
      <label><span>${t(state.lang, 'planGoodsTarget')} ${escape(inLang(state.lang, g))}</span>
        <input name="goods:${escape(g.group)}" inputmode="decimal" autocomplete="off"
          value="${g.export.planUsd === null ? '' : escape(g.export.planUsd)}"></label>`).join('');
  const value = (l) => (l && l.planUsd !== null ? escape(l.planUsd) : '');
  return `
    <form class="plan-edit" hidden>
      <label><span>${t(state.lang, 'planExportUsd')}</span> <input name="exportUsd" inputmode="decimal" required autocomplete="off" value="${value(p?.export)}"></label>
      <label><span>${t(state.lang, 'planImportUsd')}</span> <input name="importUsd" inputmode="decimal" required autocomplete="off" value="${value(p?.imports)}"></label>
      <label><span>${t(state.lang, 'planTotalUsd')}</span> <input name="totalUsd" inputmode="decimal" autocomplete="off" value="${value(p?.total)}"></label>
      <label><span>${t(state.lang, 'planLocalUsd')}</span> <input name="localExportUsd" inputmode="decimal" autocomplete="off" value="${value(p?.localExport)}"></label>
      ${groups}
      <label><span>${t(state.lang, 'planReason')}</span> <input name="reason" maxlength="500" autocomplete="off"></label>
      <p class="form-hint">${t(state.lang, 'planFormHint')}</p>
      <button type="submit" class="plan-save">${t(state.lang, 'planSave')}</button>
      <button type="reset" class="plan-cancel">${t(state.lang, 'planCancel')}</button>
      <p class="form-error" role="alert"></p>
    </form>`;
}

// The body the form sends: dollars as typed (a decimal point or comma), empty optional fields left out.
export function planBody(fields, groups) {
  const usd = (v) => String(v ?? '').trim().replace(/\s/g, '').replace(',', '.');
  const body = { exportUsd: usd(fields.exportUsd), importUsd: usd(fields.importUsd) };
  for (const k of ['totalUsd', 'localExportUsd']) if (usd(fields[k]) !== '') body[k] = usd(fields[k]);
  const goods = {};
  for (const g of groups) if (usd(fields[`goods:${g}`]) !== '') goods[g] = usd(fields[`goods:${g}`]);
  if (groups.length > 0) body.goodsExportUsd = goods;
  if (String(fields.reason ?? '').trim() !== '') body.reason = String(fields.reason).trim();
  return body;
}

export function planView(root) {
  const el = root.querySelector('#plan');
  let editing = false;

  function render(state) {
    const p = state.plan;
    if (!p) { el.textContent = t(state.lang, 'noData'); return; }
    if (editing) return;
    const f = formats(state.lang, state.province?.zone);
    const head = `<p class="plan-year">${p.year} · ${f.date(new Date(`${p.asOfDate}T12:00:00Z`))} · `
      + `${t(state.lang, 'pace')} ${f.percent(p.pacePercent)}</p>`;
    const body = p.planSet
      ? head + line(state, t(state.lang, 'export'), p.export, p.pacePercent, 'export')
        + line(state, t(state.lang, 'import'), p.imports, p.pacePercent, 'import')
        + line(state, t(state.lang, 'total'), p.total, p.pacePercent, 'total') + targetLines(state, p) + goodsShare(state)
      : `${head}<p>${t(state.lang, 'noPlan')}</p>${goodsShare(state)}`;
    // A replay shows the plan as it stood; it is set and revised on the live board only.
    const edit = state.mode === 'history' ? ''
      : `<button type="button" class="plan-edit-open plan-action">${t(state.lang, p.planSet ? 'planRevise' : 'planSet')}</button>`;
    el.innerHTML = body + edit + formMarkup(state, p);
    const open = el.querySelector('.plan-edit-open');
    const form = el.querySelector('.plan-edit');
    open?.addEventListener('click', () => {
      editing = true;
      form.hidden = false;
      open.hidden = true;
      form.querySelector('input').focus();
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const fields = Object.fromEntries(new FormData(form).entries());
      const result = await putPlan(p.year, planBody(fields, (p.goods ?? []).map((g) => g.group)));
      form.querySelector('.form-error').textContent = result.ok ? ''
        : result.errors.map((x) => `${x.field}: ${x.message}`).join('; ');
      if (result.ok) {
        editing = false;
        render(state);
      }
    });
    form.addEventListener('reset', () => { editing = false; render(state); });
  }

  return (state, change) => {
    if (change !== 'all' && change !== 'plan') return;
    render(state);
  };
}
