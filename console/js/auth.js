// The console's bearer token: taken from a '#token=…' link once (then removed from the address
// bar), or typed into the login dialog; kept for this tab only.
import { takeFromLink } from './link.js';

const KEY = 'borderwatch-token';

export const takeTokenFromLink = () => takeFromLink('token', KEY);

export const token = () => sessionStorage.getItem(KEY);
export const setToken = (value) => sessionStorage.setItem(KEY, value);
export const authHeaders = () => (token() ? { authorization: `Bearer ${token()}` } : {});

// Who the token speaks for ({ role, gates, label }), or null when it is missing or refused.
export async function whoami() {
  if (!token()) return null;
  const response = await fetch('/api/v1/whoami', { headers: authHeaders() }).catch(() => null);
  return response?.ok ? response.json() : null;
}

// Opens the login dialog and resolves once a token is accepted; callers asking while it is open
// (e.g. a refused request during start-up) share the same sign-in.
let pending = null;
export function login(dialog) {
  if (pending) return pending;
  const form = dialog.querySelector('form');
  const error = form.querySelector('.form-error');
  error.textContent = '';
  if (!dialog.open) dialog.showModal();
  pending = new Promise((resolve) => {
    form.onsubmit = async (e) => {
      e.preventDefault();
      setToken(form.elements.token.value.trim());
      const me = await whoami();
      if (me) {
        form.reset();
        dialog.close();
        pending = null;
        resolve(me);
      } else {
        error.textContent = error.dataset.refused;
      }
    };
  });
  return pending;
}
