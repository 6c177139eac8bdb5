import { createStore } from './store.js';
import { connect } from './feed.js';
import { planActions, getTrackRecord } from './api.js';
import { statusView } from './views/status.js';
import { tilesView } from './views/tiles.js';
import { summaryView } from './views/summary.js';
import { planView } from './views/plan.js';
import { eventsView } from './views/events.js';
import { drillsView } from './views/drills.js';
import { sandboxView } from './views/sandbox.js';
import { historyView } from './views/history.js';
import { auditView } from './views/audit.js';
import { reportsView } from './views/reports.js';
import { demoView } from './views/demo.js';
import { trackRecordView } from './views/trackrecord.js';
import { nationalView } from './views/national.js';
import { takeProvinceFromLink, province, chooseProvince } from './province.js';
import { takeTokenFromLink, whoami, login } from './auth.js';

// Before any view asks the API for anything.
takeTokenFromLink();
takeProvinceFromLink();

const live = createStore();
let feed = null;
// The main board shows live data, or one past period replayed for this viewer alone.
const board = {
  live() {
    feed?.close();
    live.setMode('live');
    feed = connect(live);
  },
  history(from, to, speed) {
    feed?.close();
    live.setMode('history');
    const query = new URLSearchParams({ from, to, speed: String(speed) });
    feed = connect(live, `/ws/history?${query}`);
  },
  control(action) {
    feed?.send(action);
  },
};
const dialog = document.querySelector('#login');
// Viewers see the board; the controls of coordinators stay hidden for them (the API refuses anyway).
const signedIn = (me) => { document.body.dataset.role = me.role; };
document.addEventListener('borderwatch:login', () => login(dialog).then(signedIn));

// A token confined to provinces opens on one of them: the node's first province would refuse it.
function provinceFor(me) {
  const own = me.provinces ?? [];
  if (own.length > 0 && !own.includes(province())) chooseProvince(own[0]);
}

(async () => {
  const me = (await whoami()) ?? (await login(dialog));
  signedIn(me);
  provinceFor(me);
  // The views read their province's routes as they start: only once the province is settled.
  const sandbox = sandboxView(document, live);
  const views = [
    statusView(document, (lang) => live.setLang(lang)),
    summaryView(document),
    tilesView(document.querySelector('#tiles'), planActions()),
    planView(document),
    eventsView(document),
    drillsView(document, (id) => sandbox.watch(id)),
    historyView(document, board),
    auditView(document),
    reportsView(document),
    demoView(document),
    trackRecordView(document),
    nationalView(document),
  ];
  live.subscribe((state, change) => views.forEach((render) => render(state, change)));
  board.live();
  // The warnings' record changes slowly: read at start and every five minutes.
  const readTrackRecord = async () => {
    const r = await getTrackRecord().catch(() => null);
    if (r?.ok) live.setTrackRecord(r.json);
  };
  readTrackRecord();
  setInterval(readTrackRecord, 5 * 60_000);
  const linked = /^#drill=(.+)$/.exec(location.hash);
  if (linked) sandbox.watch(decodeURIComponent(linked[1]));
})();
