// The province at a glance, above the tiles: vehicles today against a usual day by this hour (road
// and rail apart), exports and imports, trucks waiting, and the gates at a raised level.
import { t, formats, inLang } from '../i18n.js';
import { dailyTotalOnly } from '../hours.js';

// The share of a usual day gone by at `ms`, in the province's hours.
function dayShareBy(ms, zone, hourShare) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false })
    .formatToParts(new Date(ms));
  const hour = Number(parts.find((p) => p.type === 'hour').value) % 24;
  const minute = Number(parts.find((p) => p.type === 'minute').value);
  let share = 0;
  for (let h = 0; h < hour; h++) share += hourShare[h];
  return share + hourShare[hour] * (minute / 60);
}

export function summaryView(root) {
  const el = root.querySelector('#summary');
  return (state, change) => {
    if (change !== 'all' && !change.startsWith('gate:') && change !== 'history') return;
    const gates = state.order.map((id) => state.gates.get(id)).filter(Boolean);
    el.hidden = gates.length === 0;
    if (gates.length === 0) return;
    const f = formats(state.lang, state.province?.zone);
    const now = state.mode === 'history' && state.history ? Date.parse(state.history.at) : Date.now();
    const share = state.hourShare ? dayShareBy(now, state.province?.zone ?? 'Asia/Ho_Chi_Minh', state.hourShare) : null;
    const byKind = (kind) => {
      const of = gates.filter((g) => g.tile.kind === kind);
      const today = of.reduce((n, g) => n + g.tile.exportVehiclesToday + g.tile.importVehiclesToday, 0);
      const known = of.filter((g) => g.usualDay !== null && g.usualDay !== undefined);
      // A gate whose day is a total only (imported daily figures) is set against a whole usual day,
      // not the share of one gone by this hour: its total holds the whole day's traffic.
      const usual = share === null || known.length === 0 ? null
        : known.reduce((n, g) => n + g.usualDay * (dailyTotalOnly(g.hourly, g.clearancePerHour) ? 1 : share), 0);
      const totalsOnly = of.some((g) => dailyTotalOnly(g.hourly, g.clearancePerHour));
      return { today, usual, present: of.length > 0, totalsOnly };
    };
    const line = (kind, unit) => {
      const k = byKind(kind);
      if (!k.present) return null;
      let text = `${t(state.lang, kind)} ${f.count(k.today, unit)}`;
      if (k.usual !== null && k.usual >= 1) {
        const pct = ((k.today - k.usual) / k.usual) * 100;
        text += ` (${t(state.lang, 'usualByNow')} ~${f.integer(k.usual)}, ${pct >= 0 ? '+' : '−'}${f.integer(Math.abs(pct))}%)`;
      }
      if (k.totalsOnly) text += ` · ${t(state.lang, 'dailyTotalsOnly')}`;
      return text;
    };
    // Trucks and wagons are not added together: the railway's figures follow the road's, in wagons.
    const road = gates.filter((g) => g.tile.kind !== 'rail');
    const rail = gates.filter((g) => g.tile.kind === 'rail');
    const sum = (of, field) => of.reduce((n, g) => n + g.tile[field], 0);
    const railMoved = sum(rail, 'exportVehiclesToday') + sum(rail, 'importVehiclesToday') > 0;
    const directions = `${f.integer(sum(road, 'exportVehiclesToday'))} / ${f.integer(sum(road, 'importVehiclesToday'))}`
      + (railMoved ? ` · ${t(state.lang, 'rail')} ${f.integer(sum(rail, 'exportVehiclesToday'))} / `
        + `${f.integer(sum(rail, 'importVehiclesToday'))} ${t(state.lang, 'wagons')}` : '');
    const reported = road.filter((g) => g.tile.queueObservedAt);
    const waiting = reported.reduce((n, g) => n + g.tile.waiting, 0);
    const railReported = rail.filter((g) => g.tile.queueObservedAt);
    const railWaiting = railReported.length ? ` · ${t(state.lang, 'rail')} `
      + f.count(railReported.reduce((n, g) => n + g.tile.waiting, 0), 'wagons') : '';
    const raised = gates.filter((g) => g.tile.levelNumber > 0)
      .map((g) => `${inLang(state.lang, g.tile)}: ${inLang(state.lang, g.tile, 'level')}`);
    const items = [
      [t(state.lang, 'today'), [line('road', 'vehicles'), line('rail', 'wagons')].filter(Boolean).join(' · ')],
      [`${t(state.lang, 'export')} / ${t(state.lang, 'import')}`, directions],
      [t(state.lang, 'waiting'), (reported.length ? f.count(waiting, 'vehicles') : '—') + railWaiting],
      [t(state.lang, 'raisedGates'), raised.length ? raised.join('; ') : t(state.lang, 'noneRaised')],
    ];
    el.replaceChildren(...items.map(([label, value], i) => {
      const div = document.createElement('div');
      div.className = i === 3 && raised.length ? 'summary-item raised' : 'summary-item';
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      div.append(dt, dd);
      return div;
    }));
  };
}
