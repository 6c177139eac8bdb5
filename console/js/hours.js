// A gate's hours as the store keeps them (start, export, import). An hour holding more than the gate
// clears in two is a day's total sent at once (imported daily figures), not an hour's traffic.
export function bulkHours(hourly, perHour) {
  return hourly.start.map((_, i) => perHour > 0 && hourly.export[i] + hourly.import[i] > 2 * perHour);
}

// A day known by its total only: some hour holds a day's total and every other hour is empty.
export function dailyTotalOnly(hourly, perHour) {
  if (!hourly) return false;
  const bulk = bulkHours(hourly, perHour);
  return bulk.some(Boolean) && hourly.start.every((_, i) => bulk[i] || hourly.export[i] + hourly.import[i] === 0);
}
