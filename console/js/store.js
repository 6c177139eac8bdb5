// A store holds one board's state: the live board, or a drill's sandbox board. Views subscribe and
// render from it; only its feed connection and the language switch change it.
export function createStore() {
  const listeners = new Set();

  const state = {
    lang: localStorage.getItem('bw.lang') === 'en' ? 'en' : 'vi',
    connection: 'connecting',
    lastMessageAt: null,
    province: null,
    order: [],
    gates: new Map(),
    plan: null,
    goodsToday: null,
    feed: [],
    // The latest forecast per gate, the levels with a response plan per gate, and how a usual day
    // spreads over its hours: all from the snapshot, the forecast also from its own messages.
    forecast: new Map(),
    levelsWithPlans: new Map(),
    hourShare: null,
    // A demo node's simulated surges and closures; null elsewhere.
    demo: null,
    // How the node's early warnings fared lately (GET /api/v1/forecast/track-record); null until read.
    trackRecord: null,
    // 'live', or 'history' while a past period is replayed; `history` is the playback state.
    mode: 'live',
    history: null,
    // Why the server closed this board's feed for good ({ code, message }), if it did.
    refused: null,
  };

  function notify(change) {
    for (const listener of listeners) {
      listener(state, change);
    }
  }

  function subscribe(listener) {
    listeners.add(listener);
    listener(state, 'all');
    return () => listeners.delete(listener);
  }

  function setLang(lang) {
    state.lang = lang;
    localStorage.setItem('bw.lang', lang);
    notify('all');
  }

  function setMode(mode) {
    state.mode = mode;
    state.history = null;
    state.refused = null;
    state.connection = 'connecting';
    notify('all');
  }

  function setConnection(connection) {
    if (state.connection !== connection) {
      state.connection = connection;
      notify('connection');
    }
  }

  // The server's hourly series: 24 buckets of an hour (starts in epoch seconds); a delta updates
  // the current hour, and a later hour moves the window on, with empty hours for a quiet gate.
  function updateHour(hourly, hour) {
    const last = hourly.start.length - 1;
    if (hour.start < hourly.start[last]) return hourly;
    while (hourly.start[hourly.start.length - 1] < hour.start) {
      const next = hourly.start[hourly.start.length - 1] + 3600;
      for (const k of ['start', 'export', 'import']) hourly[k].shift();
      hourly.start.push(next);
      hourly.export.push(0);
      hourly.import.push(0);
    }
    hourly.export[last] = hour.export;
    hourly.import[last] = hour.import;
    return hourly;
  }

  function applyMessage(message) {
    // A frame carries one message or, when several changed together, an array of them.
    if (Array.isArray(message)) {
      message.forEach(applyMessage);
      return;
    }
    state.lastMessageAt = new Date();
    switch (message.type) {
      case 'snapshot':
        state.province = message.province;
        state.order = message.gates.map((g) => g.tile.gate);
        state.gates = new Map(message.gates.map((g) => [g.tile.gate, g]));
        state.plan = message.plan;
        state.goodsToday = message.goodsToday ?? null;
        state.forecast = new Map((message.forecast ?? []).map((g) => [g.gate, g]));
        state.levelsWithPlans = new Map(message.gates.map((g) => [g.tile.gate, g.levels ?? []]));
        state.feed = message.feed;
        state.hourShare = message.hourShare ?? null;
        // Only a demo node sends its simulated surges and closures; null elsewhere.
        state.demo = message.demoScenarios ?? null;
        notify('all');
        break;
      case 'gate': {
        const previous = state.gates.get(message.tile.gate);
        const hourly = previous ? updateHour(previous.hourly, message.hour) : null;
        state.gates.set(message.tile.gate, { ...previous, tile: message.tile, hourly });
        notify(`gate:${message.tile.gate}`);
        break;
      }
      case 'plan':
        state.plan = message.plan;
        state.goodsToday = message.goodsToday ?? state.goodsToday;
        notify('plan');
        break;
      case 'forecast':
        state.forecast = new Map(message.gates.map((g) => [g.gate, g]));
        state.order.forEach((id) => notify(`gate:${id}`));
        break;
      case 'feed':
        state.feed = message.items;
        notify('feed');
        break;
      case 'demo':
        state.demo = message.scenarios;
        notify('all');
        break;
      case 'history':
        state.history = message;
        notify('history');
        break;
      case 'refused':
        state.refused = message;
        notify('refused');
        break;
      case 'heartbeat':
        notify('connection');
        break;
      default:
        // Newer servers may send message types this console does not know yet.
        break;
    }
  }

  function setTrackRecord(record) {
    state.trackRecord = record;
    notify('trackRecord');
  }

  return { state, subscribe, setLang, setMode, setConnection, applyMessage, setTrackRecord };
}
