// Keeps one WebSocket to /ws/live open, reconnecting with back-off. Each (re)connect starts with a
// snapshot, so nothing is missed while away. Silence longer than STALE_MS marks the data stale.
import { applyMessage, setConnection } from './store.js';

const STALE_MS = 12_000;
const BACKOFF_MS = [500, 1_000, 2_000, 5_000];

export function connect(url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/live`) {
  let attempt = 0;
  let lastMessage = Date.now();
  let socket;

  const open = () => {
    socket = new WebSocket(url);
    socket.onopen = () => { attempt = 0; };
    socket.onmessage = (e) => {
      lastMessage = Date.now();
      applyMessage(JSON.parse(e.data));
      setConnection('live');
    };
    socket.onclose = () => {
      setConnection('stale');
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
      attempt += 1;
      setTimeout(open, delay);
    };
    socket.onerror = () => socket.close();
  };

  setInterval(() => {
    if (Date.now() - lastMessage > STALE_MS) {
      setConnection('stale');
    }
  }, 1_000);
  open();
}
