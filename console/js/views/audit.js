// The audit log for coordinators and admins: who did what, when, through which token, over a
// chosen period (at most 31 days) and optionally one gate. Texts from the server are shown as text.
import { t, formats, inLang, translate } from '../i18n.js';
import { getAudit } from '../api.js';
import { toIso, fromIso, provinceDay } from '../dates.js';

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
  const defaultPeriod = (zone) => {
    if (touched) return;
    form.from.value = fromIso(provinceDay(Date.now() - 6 * 86_400_000, zone));
    form.to.value = fromIso(provinceDay(Date.now(), zone));
  };

  // A problem with the period is said in the console's language before asking; the server's own
  // reasons (in English) are the fallback for anything else.
  let problem = null;
  const showProblem = () => {
    error.textContent = problem === null ? '' : (problem.key ? t(lang, problem.key) : problem.text);
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    page = null;
    const from = toIso(form.from.value);
    const to = toIso(form.to.value);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    problem = !from || !to ? { key: 'dateFormat' }
      : days < 1 ? { key: 'historyOrder' } : (days > 31 ? { key: 'auditTooLong' } : null);
    if (problem === null) {
      const query = { from, to };
      if (form.gate.value) query.gate = form.gate.value;
      const reply = await getAudit(query);
      if (reply.ok) {
        page = reply.json;
      } else {
        problem = { text: reply.errors.map((x) => `${x.field}: ${x.message}`).join('; ') };
      }
    }
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
        return g ? inLang(lang, g.tile) : (id ?? '');
      };
      const role = (id) => t(lang, `role:${id}`);
      // Newest first: a coordinator looks for what just happened.
      for (const entry of [...page.entries].reverse()) {
        const tr = document.createElement('tr');
        const action = t(lang, `audit:${entry.action}`);
        const detail = entry.subjectTokenId
          ? `${role(entry.subjectRole)} ${entry.subjectTokenId}${entry.reason ? ` (${entry.reason})` : ''}`
          : entry.reason;
        tr.append(cell(f.dateTime(new Date(entry.at))),
          cell(`${entry.label || '—'} (${role(entry.role)}, ${entry.tokenId})`),
          cell(action.startsWith('audit:') ? entry.action : action),
          cell(gateName(entry.gate)), cell(f.integer(entry.events)), cell(entry.by), cell(detail));
        rows.push(tr);
      }
      if (page.entries.length === 0) {
        const tr = document.createElement('tr');
        const td = cell(t(lang, 'auditEmpty'));
        td.colSpan = COLUMNS.length;
        tr.appendChild(td);
        rows.push(tr);
      }
      if (page.truncated) problem = { key: 'auditTruncated' };
    }
    showProblem();
    table.replaceChildren(...rows);
  }

  return (next, change) => {
    state = next;
    if (change === 'all') {
      lang = next.lang;
      defaultPeriod(next.province?.zone ?? 'Asia/Ho_Chi_Minh');
      translate(form, lang);
      const chosen = form.gate.value;
      const all = document.createElement('option');
      all.value = '';
      all.textContent = t(lang, 'auditAllGates');
      form.gate.replaceChildren(all, ...next.order.map((id) => {
        const option = document.createElement('option');
        option.value = id;
        const g = next.gates.get(id);
        option.textContent = inLang(lang, g.tile);
        return option;
      }));
      form.gate.value = chosen;
      render();
    }
  };
}
