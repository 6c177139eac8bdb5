// One tile per gate: today's clearances, the last hour, the queue, turnover, level, and a 24-hour chart.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { t, formats, levelName, inLang, translate, duration } from '../i18n.js';
import { bulkHours, dailyTotalOnly } from '../hours.js';

const EXPORT_COLOUR = '#0b6e4f';
const IMPORT_COLOUR = '#1f4e9c';
const FORECAST_COLOUR = '#b3261e';

// The last 24 hours' throughput, then the next 12 hours' forecast of waiting trucks. An hour holding
// more than the gate clears in two (a day's total sent at once, as imported daily figures are) is left
// out of the curve rather than drawn as a spike; `bulk` counts them.
function chartData(hourly, forecast, perHour) {
  const future = forecast ? forecast.points.map((p) => Date.parse(p.at) / 1000) : [];
  const pad = (n) => new Array(n).fill(null);
  const bulk = bulkHours(hourly, perHour);
  const series = (values) => values.map((v, i) => (bulk[i] ? null : v));
  const data = [
    [...hourly.start, ...future],
    [...series(hourly.export), ...pad(future.length)],
    [...series(hourly.import), ...pad(future.length)],
    [...pad(hourly.start.length), ...(forecast ? forecast.points.map((p) => p.waiting) : [])],
  ];
  return { data, bulk: bulk.filter(Boolean).length, dailyTotalOnly: dailyTotalOnly(hourly, perHour) };
}

function tileMarkup(prefix, id) {
  return `
    <article class="tile level-normal" id="${prefix}${id}" data-gate="${id}" tabindex="0">
      <header><h3 class="name"></h3><span class="kind"></span><span class="level"></span></header>
      <dl class="figures">
        <div><dt data-k="export"></dt><dd class="export-today"></dd></div>
        <div><dt data-k="import"></dt><dd class="import-today"></dd></div>
        <div><dt data-k="lastHour"></dt><dd class="last-hour"></dd></div>
        <div><dt data-k="waiting"></dt><dd class="waiting"></dd></div>
        <div><dt data-k="yard"></dt><dd class="yard"></dd></div>
        <div><dt data-k="turnoverToday"></dt><dd class="turnover-today"></dd></div>
        <div><dt data-k="turnoverYtd"></dt><dd class="turnover-ytd"></dd></div>
        <div><dt data-k="expectedWait"></dt><dd class="expected-wait"></dd></div>
      </dl>
      <p class="simulated" role="note" hidden></p>
      <p class="forecast-warning" role="status" hidden></p>
      <p class="forecast-estimated" role="note" data-k="queueEstimated" hidden></p>
      <div class="what-if coordinator-only"><button type="button" class="what-if-run" data-k="whatIf"></button>
        <select class="what-if-level" aria-label="level"></select><p class="what-if-result" role="status"></p></div>
      <p class="goods-mix" hidden><span class="goods-label" data-k="exportsByGoods"></span> <span class="goods-list"></span></p>
      <div class="response" aria-live="polite"></div>
      <form class="plan-form" hidden>
        <label><span data-k="by"></span> <input name="by" required maxlength="100" autocomplete="name"></label>
        <label><span data-k="reason"></span> <input name="reason" required maxlength="500"></label>
        <button type="submit" class="confirm"></button>
        <p class="form-error" role="alert"></p>
      </form>
      <figure class="chart"><figcaption data-k="chart"></figcaption><div class="plot"></div></figure>
    </article>`;
}

function chartFor(el, state) {
  const f = formats(state.lang, state.province?.zone);
  return new uPlot({
    width: Math.max(160, el.clientWidth || 260),
    height: 110,
    // The legend names each line (not colour alone) and, under the cursor, gives its values.
    legend: { show: true, live: true },
    cursor: { show: true, drag: { x: false, y: false } },
    scales: { x: { time: true }, w: { auto: true } },
    axes: [
      { size: 24, font: '10px system-ui', values: (u, splits) => splits.map((s) => f.hour(new Date(s * 1000))) },
      { size: 46, font: '10px system-ui', values: (u, splits) => splits.map((v) => f.integer(v)) },
      { scale: 'w', side: 1, size: 40, font: '10px system-ui', stroke: FORECAST_COLOUR,
        values: (u, splits) => splits.map((v) => f.integer(v)) },
    ],
    series: [
      { label: t(state.lang, 'hourLabel'), value: (u, v) => (v === null ? '—' : f.hour(new Date(v * 1000))) },
      { label: t(state.lang, 'export'), stroke: EXPORT_COLOUR, width: 2, fill: 'rgba(11,110,79,0.10)',
        value: (u, v) => (v === null ? '—' : f.integer(v)) },
      // Imports dashed short, so the two lines differ by more than colour.
      { label: t(state.lang, 'import'), stroke: IMPORT_COLOUR, width: 2, dash: [2, 2],
        value: (u, v) => (v === null ? '—' : f.integer(v)) },
      // The forecast of waiting trucks carries the chart on past now, dashed, on its own scale.
      { label: t(state.lang, 'forecastWaiting'), stroke: FORECAST_COLOUR, width: 2, dash: [6, 4], scale: 'w',
        spanGaps: false, value: (u, v) => (v === null ? '—' : f.integer(v)) },
    ],
  }, [[], [], [], []], el);
}

// "1 giờ 20 phút", "—" without a recent queue report, "≥ 24 giờ" when the gate is not moving.
function waitText(lang, w) {
  if (!w || w.minutes === null || w.minutes === undefined) return '—';
  if (w.capped) return `≥ ${duration(lang, w.minutes)}${w.stalled ? ` (${t(lang, 'stalled')})` : ''}`;
  return duration(lang, w.minutes);
}

function peak(forecast) {
  return Math.max(0, ...forecast.points.map((p) => p.waiting));
}

// Both curves summed up: peak waiting without and with the plan, and the gate the exports go to.
function whatIfText(lang, c, name) {
  const f = formats(lang);
  const vehicles = (n) => f.count(n, 'vehicles');
  let text = `${t(lang, 'withoutPlan')}: ${t(lang, 'peak')} ${vehicles(peak(c.without))}; `
    + `${t(lang, 'withPlan')}: ${vehicles(peak(c.with))}`;
  if (c.divertedTo) {
    text += `; ${name(c.divertedTo)}: ${f.integer(peak(c.divertedWithout))} → ${vehicles(peak(c.divertedWith))}`;
  }
  return `${text}. ${t(lang, 'whatIfNote')}`;
}

// Renders into `container` with element ids `${prefix}${gate}`; `plans` sends plan changes to
// the board's own API (live, or a drill's sandbox).
export function tilesView(container, plans, prefix = 'tile-') {
  const charts = new Map();

  function render(state, id) {
    const gate = state.gates.get(id);
    const el = container.querySelector(`#${prefix}${id}`);
    if (!gate || !el) return;
    const f = formats(state.lang, state.province?.zone);
    const tile = gate.tile;
    // A railway station counts wagons, a road gate trucks.
    const unit = tile.kind === 'rail' ? 'wagons' : 'vehicles';
    const v = (n) => f.count(n, unit);
    el.querySelector('.name').textContent = inLang(state.lang, tile);
    el.querySelector('.kind').textContent = t(state.lang, tile.kind);
    el.querySelector('.level').textContent =
      `${t(state.lang, 'level')}: ${inLang(state.lang, tile, 'level')}`;
    el.className = `tile level-${tile.level}`;
    el.querySelector('.export-today').textContent = v(tile.exportVehiclesToday);
    el.querySelector('.import-today').textContent = v(tile.importVehiclesToday);
    // A day's total reported at once (imported daily figures) is not an hour's traffic.
    el.querySelector('.last-hour').textContent = tile.lastHourIsBulk ? `— (${t(state.lang, 'bulkReport')})`
      : f.count(tile.lastHourExport + tile.lastHourImport, tile.kind === 'rail' ? 'wagonsPerHour' : 'perHour');
    // No queue report yet is not an empty queue.
    el.querySelector('.waiting').textContent = tile.queueObservedAt ? v(tile.waiting) : '—';
    el.querySelector('.yard').textContent = tile.yardOccupancy === null ? '—' : f.percent(tile.yardOccupancy * 100);
    el.querySelector('.turnover-today').textContent = f.millionsUsd(tile.turnoverTodayUsd);
    el.querySelector('.turnover-ytd').textContent = f.millionsUsd(tile.turnoverYearToDateUsd);
    el.querySelector('.expected-wait').textContent = waitText(state.lang, tile.expectedWait);
    renderForecast(state, el, id, f);
    // A surge or closure made to happen in the demo is marked as such on its gate.
    const simulated = (state.demo ?? []).find((s) => s.gate === id && Date.parse(s.until) > Date.now());
    const mark = el.querySelector('.simulated');
    mark.hidden = !simulated;
    if (simulated) {
      mark.textContent = `${t(state.lang, 'simulatedMark')} · ${simulated.kind === 'surge'
        ? `${t(state.lang, 'demoSurgeText')} +${simulated.percent}%` : t(state.lang, 'demoClosureText')} `
        + `${t(state.lang, 'until')} ${f.hour(new Date(simulated.until))}`;
    }
    // Today's exports by goods group, e.g. "Rau quả 312 · Hàng hóa khác 20"; hidden until a report names goods.
    const mix = tile.exportsByGoods ?? [];
    const mixEl = el.querySelector('.goods-mix');
    mixEl.hidden = !mix.some((g) => g.group !== null);
    el.querySelector('.goods-list').textContent = mix
      .map((g) => `${g.group === null ? t(state.lang, 'unclassified') : inLang(state.lang, g)} `
        + `${f.integer(g.exportVehicles)}`).join(' · ');
    const response = el.querySelector('.response');
    const plan = tile.activePlan;
    const actions = inLang(state.lang, tile, 'proposedActions');
    // Re-draw the plan area only when it changes, so a form being filled in is left alone.
    const key = `${plan ? plan.level : 0}|${tile.levelNumber}|${state.lang}`;
    translate(el, state.lang);
    if (response.dataset.key !== key) {
      response.dataset.key = key;
      renderResponse(state, el, tile, plan, actions, f);
    }
    const h = gate.hourly;
    if (h) {
      const { data, bulk, dailyTotalOnly } = chartData(h, state.forecast?.get(id), gate.clearancePerHour);
      charts.get(id)?.setData(data);
      const caption = el.querySelector('.chart figcaption');
      const chart = el.querySelector('.chart');
      // A day known only by its total (imported daily figures) has no hours to draw: say so, with the total.
      caption.textContent = dailyTotalOnly
        ? `${t(state.lang, 'chartDailyTotal')}: ${t(state.lang, 'export')} ${v(tile.exportVehiclesToday)}, `
          + `${t(state.lang, 'import')} ${v(tile.importVehiclesToday)}`
        : t(state.lang, 'chart') + (bulk > 0 ? ` ${t(state.lang, 'chartBulk')}` : '');
      chart.dataset.bulkHours = String(bulk);
      chart.dataset.dailyTotalOnly = String(dailyTotalOnly);
      el.querySelector('.plot').hidden = dailyTotalOnly;
    }
  }

  // "Dự báo đạt mức Cảnh báo lúc ~15:30, sau 2 giờ 10 phút": the forecast's first level above today's.
  function renderForecast(state, el, id, f) {
    const warning = state.forecast?.get(id)?.warning;
    // Without a fresh queue report the forecast starts from the last one carried forward: it says so.
    el.querySelector('.forecast-estimated').hidden = !state.forecast?.get(id)?.queueEstimated;
    const box = el.querySelector('.forecast-warning');
    box.hidden = !warning;
    if (warning) {
      box.textContent = `${t(state.lang, 'forecastReaches')} ${inLang(state.lang, warning, 'level')} `
        + `${t(state.lang, 'at')} ~${f.hour(new Date(warning.expectedAt))}, ${t(state.lang, 'after')} `
        + `${duration(state.lang, warning.minutesAhead)}`;
    }
    const select = el.querySelector('.what-if-level');
    const levels = state.levelsWithPlans?.get(id) ?? [];
    // "What if we act now" is about now: not offered while a past period is replayed.
    el.querySelector('.what-if').hidden = levels.length === 0 || !plans.whatIf || state.mode === 'history';
    // A result belongs to the forecast it was run on; a newer forecast makes it stale, and it goes.
    const out = el.querySelector('.what-if-result');
    const forecastAt = state.forecast?.get(id)?.from ?? '';
    if (out.dataset.forecastAt && out.dataset.forecastAt !== forecastAt) {
      out.textContent = '';
      delete out.dataset.forecastAt;
    }
    if (select.options.length !== levels.length) {
      select.replaceChildren(...levels.map((l) => {
        const option = document.createElement('option');
        option.value = String(l.level);
        return option;
      }));
    }
    [...select.options].forEach((o, i) => { o.textContent = inLang(state.lang, levels[i]); });
  }

  container.addEventListener('click', async (e) => {
    const run = e.target.closest('.what-if-run');
    if (!run || !plans.whatIf) return;
    const el = run.closest('.tile');
    const lang = document.documentElement.lang || 'vi';
    const out = el.querySelector('.what-if-result');
    const result = await plans.whatIf(el.dataset.gate, Number(el.querySelector('.what-if-level').value));
    if (!result.ok) {
      out.textContent = result.errors.map((x) => `${x.field}: ${x.message}`).join('; ');
      return;
    }
    const name = (id) => {
      const tile = lastState?.gates.get(id)?.tile;
      return tile ? inLang(lang, tile) : id;
    };
    const f = formats(lang, lastState?.province?.zone);
    const from = result.json.without?.from;
    out.textContent = `${t(lang, 'whatIfAsOf')} ${from ? f.dateTime(new Date(from)) : '—'}: ${whatIfText(lang, result.json, name)}`;
    out.dataset.forecastAt = lastState?.forecast?.get(el.dataset.gate)?.from ?? '';
  });

  function renderResponse(state, el, tile, plan, actions, f) {
    const response = el.querySelector('.response');
    const form = el.querySelector('.plan-form');
    form.hidden = true;
    response.innerHTML = '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'plan-action';
    button.addEventListener('click', () => {
      form.hidden = false;
      form.by.value = localStorage.getItem('bw.by') ?? '';
      form.querySelector('.confirm').textContent = button.textContent;
      form.onsubmit = async (e) => {
        e.preventDefault();
        localStorage.setItem('bw.by', form.by.value);
        const result = plan
          ? await plans.standDown(tile.gate, form.by.value, form.reason.value)
          : await plans.activate(tile.gate, tile.levelNumber, form.by.value, form.reason.value);
        form.querySelector('.form-error').textContent = result.ok ? ''
          : result.errors.map((x) => `${x.field}: ${x.message}`).join('; ');
        if (result.ok) { form.hidden = true; form.reason.value = ''; }
      };
      form.by.focus();
    });
    if (plan) {
      // The plan in effect keeps saying what it is and why, until it is stood down.
      response.className = 'response active';
      const text = document.createElement('strong');
      text.className = 'response-text';
      text.textContent = `${t(state.lang, 'planActive')} ${levelName(state, tile.gate, plan.level)} · `
        + `${plan.by === 'drill' ? t(state.lang, 'planAuto') : plan.by} · ${t(state.lang, 'since')} ${f.hour(new Date(plan.since))}`;
      const parts = [text];
      if (plan.reason) {
        const reason = document.createElement('p');
        reason.className = 'response-reason';
        // A drill's own reason is written by the service: said in the console's language.
        reason.textContent = `${t(state.lang, 'reason')}: ${plan.by === 'drill'
          ? `${t(state.lang, 'planAutoReason')} ${levelName(state, tile.gate, plan.level)}` : plan.reason}`;
        parts.push(reason);
      }
      const config = state.levelsWithPlans?.get(tile.gate)?.find((l) => l.level === plan.level);
      const planActions = config ? inLang(state.lang, config, 'actions') : [];
      if (planActions?.length) {
        const list = document.createElement('ul');
        list.setAttribute('aria-label', t(state.lang, 'planActions'));
        for (const action of planActions) {
          const item = document.createElement('li');
          item.textContent = action;
          list.appendChild(item);
        }
        parts.push(list);
      }
      if (tile.levelNumber < plan.level) {
        const prompt = document.createElement('p');
        prompt.className = 'stand-down-prompt';
        prompt.setAttribute('role', 'status');
        prompt.textContent = t(state.lang, 'standDownPrompt');
        parts.push(prompt);
      }
      button.textContent = t(state.lang, 'standDown');
      response.append(...parts, button);
    } else if (tile.levelNumber > 0 && actions.length > 0) {
      response.className = 'response proposed';
      const title = document.createElement('strong');
      title.textContent = t(state.lang, 'planProposed');
      const list = document.createElement('ul');
      for (const action of actions) {
        const item = document.createElement('li');
        item.textContent = action;
        list.appendChild(item);
      }
      button.textContent = t(state.lang, 'activate');
      response.append(title, list, button);
    } else {
      response.className = 'response';
    }
  }

  // A chart follows its tile's width when the window narrows or widens.
  const resizes = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const id = entry.target.closest('.tile')?.dataset.gate;
      const chart = charts.get(id);
      const width = Math.floor(entry.contentRect.width);
      if (chart && width > 0 && Math.abs(chart.width - width) > 2) chart.setSize({ width, height: chart.height });
    }
  });

  let lastState = null;
  return (state, change) => {
    lastState = state;
    if (change === 'all') {
      const layout = `${state.order.join(',')}|${state.lang}`;
      if (container.dataset.layout !== layout) {
        container.innerHTML = state.order.map((id) => tileMarkup(prefix, id)).join('');
        container.dataset.layout = layout;
        charts.forEach((c) => c.destroy());
        charts.clear();
        resizes.disconnect();
        for (const id of state.order) {
          const plot = container.querySelector(`#${prefix}${id} .plot`);
          charts.set(id, chartFor(plot, state));
          resizes.observe(plot);
        }
      }
      state.order.forEach((id) => render(state, id));
    } else if (change.startsWith('gate:')) {
      render(state, change.slice(5));
    }
  };
}
