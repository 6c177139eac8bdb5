import { token } from './auth.js';
import { withProvince } from './province.js';

// Keeps one WebSocket open to a board's feed (/ws/live, /ws/history?… or /ws/drills/{id}),
// reconnecting with back-off. Each (re)connect starts with a snapshot, so nothing is missed while
// away. Silence longer than STALE_MS marks the data stale.
const STALE_MS = 12_000;
const BACKOFF_MS = [500, 1_000, 2_000, 5_000];
// Feeds that are always there: a failed first connect is a node not up yet, tried again.
const RETRIED = /^\/ws\/(live|national)$/;

export function connect(store, path = '/ws/live') {
  // Browsers cannot set headers on a WebSocket, so the token travels in the query.
  const scoped = withProvince(path);
  const withToken = `${scoped}${scoped.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token() ?? '')}`;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${withToken}`;
  let attempt = 0;
  let lastMessage = Date.now();
  let socket;
  let closed = false;
  let opened = false;

  const open = () => {
    // A reconnect due after close() (say, the live feed's, when a replay starts) must not open again.
    if (closed) return;
    socket = new WebSocket(url);
    socket.onopen = () => { attempt = 0; opened = true; };
    socket.onmessage = (e) => {
      if (closed) return;
      lastMessage = Date.now();
      const message = JSON.parse(e.data);
      store.applyMessage(message);
      // A refused replay (too many running) is told why once; retrying at once would only be refused again.
      if (message.type === 'refused') {
        closed = true;
        return;
      }
      store.setConnection('live');
    };
    socket.onclose = (e) => {
      if (closed) return;
      if (e.code === 1008) {
        // The token was revoked: no reconnecting with it; the console asks for another.
        closed = true;
        store.applyMessage({ type: 'refused', code: 'revoked' });
        document.dispatchEvent(new CustomEvent('borderwatch:login'));
        return;
      }
      // A replay or drill whose upgrade was refused (a bad period, an unknown drill) would be refused again:
      // say so once instead of retrying for ever behind a "connection lost" badge.
      if (!opened && !RETRIED.test(path)) {
        closed = true;
        store.applyMessage({ type: 'refused', code: 'history-unavailable' });
        return;
      }
      store.setConnection('stale');
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
      attempt += 1;
      setTimeout(open, delay);
    };
    socket.onerror = () => socket.close();
  };

  const watchdog = setInterval(() => {
    if (Date.now() - lastMessage > STALE_MS) {
      store.setConnection('stale');
    }
  }, 1_000);
  open();
  return {
    send(message) {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    close() {
      closed = true;
      clearInterval(watchdog);
      socket.close();
    },
  };
}
