// The audit log for coordinators and admins: who did what, when, through which token, over a
// chosen period (at most 31 days) and optionally one gate. Texts from the server are shown as text.
import { t, formats } from '../i18n.js';
import { getAudit } from '../api.js';

const COLUMNS = ['auditAt', 'auditWho', 'auditAction', 'auditGate', 'auditCount', 'auditBy', 'auditReason'];

export function auditView(root) {
  const form = root.querySelector('#audit-form');
  const table = root.querySelector('#audit-table');
  const error = form.querySelector('.form-error');
  let lang = 'vi';
  let state = null;
  let page = null;

  // Days are the province's: past midnight there it is already tomorrow, whatever this computer says.
  let touched = false;
  form.addEventListener('input', () => { touched = true; });
  const day = (ms, zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(ms));
  const defaultPeriod = (zone) => {
    if (touched) return;
    form.from.value = day(Date.now() - 6 * 86_400_000, zone);
    form.to.value = day(Date.now(), zone);
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const query = { from: form.from.value, to: form.to.value };
    if (form.gate.value) query.gate = form.gate.value;
    const reply = await getAudit(query);
    if (!reply.ok) {
      error.textContent = reply.errors.map((x) => `${x.field}: ${x.message}`).join('; ');
      return;
    }
    page = reply.json;
    render();
  });

  const cell = (text) => {
    const td = document.createElement('td');
    td.textContent = text ?? '';
    return td;
  };

  function render() {
    const head = document.createElement('tr');
    for (const key of COLUMNS) {
      const th = document.createElement('th');
      th.textContent = t(lang, key);
      head.appendChild(th);
    }
    const rows = [head];
    if (page) {
      const f = formats(lang, state?.province?.zone);
      const gateName = (id) => {
        const g = state?.gates.get(id);
        return g ? (lang === 'vi' ? g.tile.nameVi : g.tile.nameEn) : (id ?? '');
      };
      for (const entry of page.entries) {
        const tr = document.createElement('tr');
        const action = t(lang, `audit:${entry.action}`);
        tr.append(cell(f.dateTime(new Date(entry.at))),
          cell(`${entry.label || '—'} (${entry.role}, ${entry.tokenId})`),
          cell(action.startsWith('audit:') ? entry.action : action),
          cell(gateName(entry.gate)), cell(f.integer(entry.events)), cell(entry.by), cell(entry.reason));
        rows.push(tr);
      }
      if (page.entries.length === 0) {
        const tr = document.createElement('tr');
        const td = cell(t(lang, 'auditEmpty'));
        td.colSpan = COLUMNS.length;
        tr.appendChild(td);
        rows.push(tr);
      }
      if (page.truncated) error.textContent = t(lang, 'auditTruncated');
    }
    table.replaceChildren(...rows);
  }

  return (next, change) => {
    state = next;
    if (change === 'all') {
      lang = next.lang;
      defaultPeriod(next.province?.zone ?? 'Asia/Ho_Chi_Minh');
      for (const el of form.querySelectorAll('[data-k]')) el.textContent = t(lang, el.dataset.k);
      const chosen = form.gate.value;
      const all = document.createElement('option');
      all.value = '';
      all.textContent = t(lang, 'auditAllGates');
      form.gate.replaceChildren(all, ...next.order.map((id) => {
        const option = document.createElement('option');
        option.value = id;
        const g = next.gates.get(id);
        option.textContent = lang === 'vi' ? g.tile.nameVi : g.tile.nameEn;
        return option;
      }));
      form.gate.value = chosen;
      render();
    }
  };
}
