import { subscribe } from './store.js';
import { connect } from './feed.js';
import { statusView } from './views/status.js';
import { tilesView } from './views/tiles.js';
import { planView } from './views/plan.js';
import { eventsView } from './views/events.js';

const views = [statusView(document), tilesView(document), planView(document), eventsView(document)];
subscribe((state, change) => views.forEach((render) => render(state, change)));
connect();
