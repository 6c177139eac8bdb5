// Header: province, connection indicator, last update, language switch.
import { t, formats, inLang } from '../i18n.js';

export function statusView(root, setLang) {
  const connection = root.querySelector('#connection');
  const updated = root.querySelector('#updated');
  const province = root.querySelector('#province');
  const lang = root.querySelector('#lang');
  let current = 'vi';
  lang.addEventListener('click', () => setLang(current === 'vi' ? 'en' : 'vi'));

  return (state) => {
    current = state.lang;
    const f = formats(state.lang, state.province?.zone);
    document.documentElement.lang = state.lang;
    for (const el of root.querySelectorAll('[data-i18n]')) {
      el.textContent = t(state.lang, el.dataset.i18n);
    }
    lang.textContent = state.lang === 'vi' ? 'EN' : 'VI';
    const history = state.mode === 'history' && state.connection === 'live';
    connection.className = `connection ${history ? 'history' : state.connection}`;
    connection.textContent = t(state.lang, history ? 'historyMode' : state.connection);
    updated.textContent = state.lastMessageAt
      ? `${t(state.lang, 'updated')} ${f.time(state.lastMessageAt)}` : '';
    province.textContent = state.province ? inLang(state.lang, state.province) : '';
    root.querySelector('#board').classList.toggle('stale', state.connection === 'stale');
    // One calm line while the node cannot be reached; the feed keeps trying and it goes when it is back.
    const offline = root.querySelector('#offline');
    offline.hidden = state.connection !== 'stale';
    offline.textContent = t(state.lang, 'offlineBanner');
  };
}
