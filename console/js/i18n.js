// Every visible text, in Vietnamese first and English, and the number and date formats of each.
const TEXT = {
  vi: {
    title: 'Giám sát cửa khẩu', gates: 'Cửa khẩu', plan: 'Kế hoạch kim ngạch', feed: 'Diễn biến',
    road: 'Đường bộ', rail: 'Đường sắt', export: 'Xuất khẩu', import: 'Nhập khẩu', total: 'Tổng',
    today: 'Thông quan hôm nay', vehicles: 'xe', lastHour: '60 phút qua', waiting: 'Chờ thông quan',
    yard: 'Bãi', turnoverToday: 'Kim ngạch hôm nay', turnoverYtd: 'Từ đầu năm', level: 'Mức',
    normal: 'Bình thường', live: 'Trực tiếp', connecting: 'Đang kết nối…',
    stale: 'Mất kết nối — số liệu có thể đã cũ', updated: 'Cập nhật', ofPlan: 'kế hoạch',
    pace: 'Tiến độ thời gian', yoy: 'so với cùng kỳ', projected: 'Dự kiến cả năm', noPlan: 'Chưa có kế hoạch',
    million: 'triệu USD', chart: 'Lưu lượng 24 giờ (xe/giờ)', queueItem: 'xe chờ', planItem: 'Kế hoạch năm',
    up: 'tăng', down: 'giảm', noData: 'Chưa có dữ liệu', perHour: 'xe/giờ',
    levelUp: 'Nâng mức ùn tắc', levelDown: 'Hạ mức ùn tắc',
    planProposed: 'Phương án đề xuất', planActive: 'Đang áp dụng phương án mức', since: 'từ',
    planOn: 'Áp dụng phương án mức', planOff: 'Dừng phương án mức',
    activate: 'Áp dụng phương án', standDown: 'Dừng phương án', by: 'Người thực hiện', reason: 'Lý do',
  },
  en: {
    title: 'Border gate monitor', gates: 'Gates', plan: 'Trade turnover plan', feed: 'Activity',
    road: 'Road', rail: 'Rail', export: 'Export', import: 'Import', total: 'Total',
    today: 'Cleared today', vehicles: 'vehicles', lastHour: 'Last 60 min', waiting: 'Waiting',
    yard: 'Yard', turnoverToday: 'Turnover today', turnoverYtd: 'Year to date', level: 'Level',
    normal: 'Normal', live: 'Live', connecting: 'Connecting…',
    stale: 'Connection lost — figures may be stale', updated: 'Updated', ofPlan: 'of plan',
    pace: 'Time elapsed', yoy: 'vs same period last year', projected: 'Projected for the year', noPlan: 'No plan set',
    million: 'million USD', chart: 'Throughput, last 24 h (vehicles/h)', queueItem: 'waiting', planItem: 'Plan for',
    up: 'up', down: 'down', noData: 'No data yet', perHour: 'vehicles/h',
    levelUp: 'Congestion level raised', levelDown: 'Congestion level lowered',
    planProposed: 'Proposed response plan', planActive: 'Response plan in effect, level', since: 'since',
    planOn: 'Response plan activated, level', planOff: 'Response plan stood down, level',
    activate: 'Activate plan', standDown: 'Stand down plan', by: 'Name', reason: 'Reason',
  },
};

const LOCALE = { vi: 'vi-VN', en: 'en-GB' };

export function t(lang, key) {
  return TEXT[lang][key] ?? key;
}

// Times are shown in the province's zone, whatever the viewer's computer is set to.
export function formats(lang, timeZone = 'Asia/Ho_Chi_Minh') {
  const locale = LOCALE[lang];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const time = new Intl.DateTimeFormat(locale,
    { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone });
  const hour = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return {
    integer: (n) => integer.format(n),
    // Officials write "105,7%": no space before the sign in either language here.
    percent: (n) => (n === null || n === undefined ? '—' : `${oneDecimal.format(n)}%`),
    millionsUsd: (usd) => `${twoDecimals.format(Number(usd) / 1e6)} ${t(lang, 'million')}`,
    date: (d) => date.format(d),
    time: (d) => time.format(d),
    hour: (d) => hour.format(d),
  };
}
