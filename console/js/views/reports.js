// The reports the department files: pick a year, a period, an as-of date, a language and a format,
// then download the file or preview it. The file is fetched with the token in a header and handed
// to the browser as a local object, so no token ever sits in a link, the history or a download list.
import { t, translate } from '../i18n.js';
import { getReport } from '../api.js';
import { toIso } from '../dates.js';

const PERIODS = ['year', 'h1', 'q1', 'q2', 'q3', 'q4', 'ytd',
  ...Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`)];

function periodName(lang, id) {
  if (id.startsWith('m')) return `${t(lang, 'month')} ${Number(id.slice(1))}`;
  return t(lang, `period:${id}`);
}

export function reportsView(root) {
  const form = root.querySelector('#report-form');
  const error = form.querySelector('.form-error');
  const status = form.querySelector('.report-status');
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
    status.textContent = t(lang, 'reportWorking');
    const query = { period: form.period.value, lang: form.lang.value, format };
    if (asOf) query.asOf = asOf;
    const result = await getReport(form.year.value, query);
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
