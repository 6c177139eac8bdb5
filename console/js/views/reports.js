// The reports the department files: pick a year, a period, an as-of date, a language and a format,
// then download the file or preview it. The file is fetched with the token in a header and handed
// to the browser as a local object, so no token ever sits in a link, the history or a download list.
import { t, translate } from '../i18n.js';
import { getReport } from '../api.js';
import { toIso } from '../dates.js';

// The first n months as the province's own reports count them ("4 tháng đầu năm", "9 tháng đầu năm").
const PERIODS = ['year', 'h1', 'q1', 'q2', 'q3', 'q4', 'ytd', 'first4', 'first9', 'first11',
  ...Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`)];

export function periodName(lang, id) {
  if (id.startsWith('m')) return `${t(lang, 'month')} ${Number(id.slice(1))}`;
  if (id.startsWith('first')) return t(lang, 'period:first').replace('{n}', id.slice(5));
  return t(lang, `period:${id}`);
}

// The statements a coordinator reworded: only those whose text differs from the computed one.
export function changedStatements(items, lang) {
  const field = lang === 'vi' ? 'textVi' : 'textEn';
  return items.filter((i) => i.value.trim() && i.value.trim() !== i.original[field])
    .map((i) => ({ id: i.original.id, [field]: i.value.trim() }));
}

export function reportsView(root) {
  const form = root.querySelector('#report-form');
  const error = form.querySelector('.form-error');
  const status = form.querySelector('.report-status');
  const edits = form.querySelector('.report-edits');
  // What the loaded report said, each with the box it can be reworded in.
  let statements = [];
  let lang = 'vi';
  form.period.replaceChildren(...PERIODS.map((id) => {
    const option = document.createElement('option');
    option.value = id;
    return option;
  }));

  async function fetchReport(format) {
    error.textContent = '';
    const asOf = form.asOf.value.trim() ? toIso(form.asOf.value) : '';
    if (asOf === null) {
      error.textContent = `${t(lang, 'reportAsOf')}: ${t(lang, 'dateFormat')}`;
      return null;
    }
    const from = form.from.value.trim() ? toIso(form.from.value) : '';
    const to = form.to.value.trim() ? toIso(form.to.value) : '';
    if (from === null || to === null) {
      error.textContent = `${t(lang, from === null ? 'reportFrom' : 'reportTo')}: ${t(lang, 'dateFormat')}`;
      return null;
    }
    status.textContent = t(lang, 'reportWorking');
    // Two dates make the period any run of days; the period list is then set aside.
    const query = from || to ? { from, to, lang: form.lang.value, format } : { period: form.period.value, lang: form.lang.value, format };
    if (asOf) query.asOf = asOf;
    const result = await getReport(form.year.value, query,
      edits.hidden ? [] : changedStatements(statements.map((s) => ({ original: s.original, value: s.box.value })), form.lang.value));
    status.textContent = '';
    if (!result.ok) {
      error.textContent = result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return null;
    }
    return result;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const result = await fetchReport(form.format.value);
    if (!result) return;
    const url = URL.createObjectURL(result.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = result.name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `${t(lang, 'reportSaved')} ${result.name}`;
  });

  // Loads the report's assessment and proposals into boxes; what is changed there is sent with the export.
  form.querySelector('.edit-report').addEventListener('click', async () => {
    const result = await fetchReport('json');
    if (!result) return;
    const report = JSON.parse(await result.blob.text()).report;
    const field = form.lang.value === 'vi' ? 'textVi' : 'textEn';
    statements = [];
    const parts = [];
    for (const [key, list] of [['reportAssessment', report.assessment], ['reportProposals', report.proposals]]) {
      const heading = document.createElement('h3');
      heading.textContent = t(lang, key);
      parts.push(heading);
      for (const original of list) {
        const label = document.createElement('label');
        const name = document.createElement('span');
        name.textContent = original.id;
        const box = document.createElement('textarea');
        box.value = original[field];
        box.dataset.id = original.id;
        box.addEventListener('input', () => box.classList.toggle('edited', box.value.trim() !== original[field]));
        label.append(name, box);
        parts.push(label);
        statements.push({ original, box });
      }
    }
    const note = document.createElement('p');
    note.className = 'form-hint';
    note.textContent = t(lang, 'reportEditNote');
    edits.replaceChildren(note, ...parts);
    edits.hidden = false;
  });

  form.querySelector('.preview-report').addEventListener('click', async () => {
    const result = await fetchReport('html');
    if (!result) return;
    window.open(URL.createObjectURL(result.blob), '_blank', 'noopener');
  });

  return (state, change) => {
    if (change !== 'all') return;
    lang = state.lang;
    if (!form.year.value) {
      form.year.value = new Intl.DateTimeFormat('en-CA', { timeZone: state.province?.zone ?? 'Asia/Ho_Chi_Minh', year: 'numeric' })
        .format(new Date());
    }
    for (const option of form.period.options) option.textContent = periodName(state.lang, option.value);
    translate(form, state.lang);
  };
}
