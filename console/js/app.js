import { createStore } from './store.js';
import { connect } from './feed.js';
import { planActions } from './api.js';
import { statusView } from './views/status.js';
import { tilesView } from './views/tiles.js';
import { planView } from './views/plan.js';
import { eventsView } from './views/events.js';
import { drillsView } from './views/drills.js';
import { sandboxView } from './views/sandbox.js';

const live = createStore();
const sandbox = sandboxView(document, live);
const views = [
  statusView(document, (lang) => live.setLang(lang)),
  tilesView(document.querySelector('#tiles'), planActions()),
  planView(document),
  eventsView(document),
  drillsView(document, (id) => sandbox.watch(id)),
];
live.subscribe((state, change) => views.forEach((render) => render(state, change)));
connect(live);

const linked = /^#drill=(.+)$/.exec(location.hash);
if (linked) sandbox.watch(decodeURIComponent(linked[1]));
