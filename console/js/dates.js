// Dates typed as the console writes them, dd/mm/yyyy in both languages, whatever the browser's
// locale: a native date picker would show 11/26/2026 in an American-English browser.
export const PATTERN = '\\d{1,2}/\\d{1,2}/\\d{4}';

// "26/11/2026" → "2026-11-26"; null for anything that is not a real day.
export function toIso(text) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text ?? '');
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// "2026-11-26" → "26/11/2026".
export function fromIso(iso) {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

// The province's calendar day of an instant (ms), as "yyyy-mm-dd".
export function provinceDay(ms, zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(ms));
}
