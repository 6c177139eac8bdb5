// The console's single source of state. Views subscribe and render from it; only the feed
// module and the language switch change it.
const listeners = new Set();

const state = {
  lang: localStorage.getItem('bw.lang') === 'en' ? 'en' : 'vi',
  connection: 'connecting',
  lastMessageAt: null,
  province: null,
  order: [],
  gates: new Map(),
  plan: null,
  feed: [],
};

function notify(change) {
  for (const listener of listeners) {
    listener(state, change);
  }
}

export function subscribe(listener) {
  listeners.add(listener);
  listener(state, 'all');
  return () => listeners.delete(listener);
}

export function setLang(lang) {
  state.lang = lang;
  localStorage.setItem('bw.lang', lang);
  notify('all');
}

export function setConnection(connection) {
  if (state.connection !== connection) {
    state.connection = connection;
    notify('connection');
  }
}

export function applyMessage(message) {
  state.lastMessageAt = new Date();
  switch (message.type) {
    case 'snapshot':
      state.province = message.province;
      state.order = message.gates.map((g) => g.tile.gate);
      state.gates = new Map(message.gates.map((g) => [g.tile.gate, g]));
      state.plan = message.plan;
      state.feed = message.feed;
      notify('all');
      break;
    case 'gate':
      state.gates.set(message.tile.gate, { tile: message.tile, hourly: message.hourly });
      notify(`gate:${message.tile.gate}`);
      break;
    case 'plan':
      state.plan = message.plan;
      notify('plan');
      break;
    case 'feed':
      state.feed = message.items;
      notify('feed');
      break;
    case 'heartbeat':
      notify('connection');
      break;
    default:
      // Newer servers may send message types this console does not know yet.
      break;
  }
}
