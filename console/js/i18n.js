// Every visible text, in Vietnamese first and English, and the number and date formats of each.
const TEXT = {
  vi: {
    title: 'Giám sát cửa khẩu', gates: 'Cửa khẩu', plan: 'Kế hoạch kim ngạch', feed: 'Diễn biến',
    road: 'Đường bộ', rail: 'Đường sắt', export: 'Xuất khẩu', import: 'Nhập khẩu', total: 'Tổng',
    loginTitle: 'Đăng nhập', loginHint: 'Dán mã truy cập (token) do quản trị viên cấp.', loginButton: 'Đăng nhập',
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
    drills: 'Diễn tập tình huống', scenario: 'Tình huống', 'harvest-peak': 'Cao điểm thu hoạch',
    'gate-closure': 'Tạm đóng cửa khẩu', 'holiday-surge': 'Cao điểm dịp lễ, Tết', custom: 'Tùy chỉnh',
    drillGates: 'Tại cửa khẩu', exportSurge: 'Xe xuất khẩu tăng (%)', closedHours: 'Số giờ đóng',
    days: 'Số ngày', secondsPerDay: 'Giây cho mỗi ngày mô phỏng', autoPlan: 'Tự áp dụng phương án khi đạt mức',
    autoPlanNone: 'Không', startDrill: 'Bắt đầu diễn tập', watchDrill: 'Xem',
    'state-running': 'đang chạy', 'state-finished': 'đã xong', 'state-stopped': 'đã dừng', 'state-failed': 'lỗi',
    sandboxBanner: 'DIỄN TẬP — số liệu giả định, không phải số liệu thực', sandboxTitle: 'Diễn tập',
    stopDrill: 'Dừng diễn tập', closeSandbox: 'Đóng', drillResult: 'Kết quả diễn tập',
    simulatedTime: 'Giờ mô phỏng', lane: 'Kịch bản', laneDrill: 'Có phương án', laneBaseline: 'Không phương án',
    reachedAt: 'đạt lúc', hours: 'số giờ', peakWaiting: 'Xe chờ cao nhất', peakYard: 'Bãi cao nhất',
    truckHours: 'Xe·giờ chờ', plansApplied: 'Phương án đã áp dụng',
    watch: 'Theo dõi', alert: 'Cảnh báo', critical: 'Nghiêm trọng',
    historyTitle: 'Xem lại lịch sử', historyFrom: 'Từ ngày', historyTo: 'Đến ngày', historySpeed: 'Tốc độ',
    startHistory: 'Phát lại', speedDay10s: '1 ngày / 10 giây', speedDayMinute: '1 ngày / phút',
    speedHourSecond: '1 giờ / giây', speedDay2s: '1 ngày / 2 giây', historyOrder: 'Ngày kết thúc trước ngày bắt đầu',
    historyBanner: 'LỊCH SỬ — phát lại, không phải số liệu trực tiếp', historyMode: 'Lịch sử',
    pause: 'Tạm dừng', resume: 'Tiếp tục', backToLive: 'Về trực tiếp',
    'replays-per-token': 'Mã truy cập này đang phát lại đủ số phiên cho phép; hãy đóng một phiên rồi thử lại.',
    'replays-per-node': 'Máy chủ đang phát lại đủ số phiên cho phép; vui lòng thử lại sau ít phút.',
    revoked: 'Mã truy cập đã bị thu hồi; vui lòng đăng nhập lại.',
    auditTitle: 'Nhật ký thao tác', auditShow: 'Xem', auditGate: 'Cửa khẩu', auditAllGates: 'Tất cả cửa khẩu',
    auditAt: 'Thời điểm', auditWho: 'Mã truy cập', auditAction: 'Thao tác', auditCount: 'Số sự kiện',
    auditBy: 'Người thực hiện', auditReason: 'Lý do / nội dung', auditEmpty: 'Không có thao tác nào trong khoảng này',
    auditTruncated: 'Chỉ hiển thị 5.000 dòng đầu; hãy chọn khoảng ngắn hơn.',
    auditTooLong: 'Mỗi lần xem nhật ký tối đa 31 ngày; hãy chọn khoảng ngắn hơn.',
    'role:feed': 'hệ thống cửa khẩu', 'role:viewer': 'xem', 'role:coordinator': 'điều phối', 'role:admin': 'quản trị',
    'audit:gate.vehicles-cleared': 'Báo cáo xe thông quan', 'audit:gate.turnover-recorded': 'Báo cáo kim ngạch',
    'audit:gate.queue-observed': 'Báo cáo xe chờ', 'audit:gate.level-raised': 'Nâng mức ùn tắc',
    'audit:gate.level-cleared': 'Hạ mức ùn tắc', 'audit:gate.response-plan-activated': 'Áp dụng phương án',
    'audit:gate.response-plan-stood-down': 'Dừng phương án', 'audit:plan.annual-plan-set': 'Đặt kế hoạch năm',
    'audit:plan.annual-plan-revised': 'Điều chỉnh kế hoạch năm', 'audit:token.issued': 'Cấp mã truy cập',
    'audit:token.revoked': 'Thu hồi mã truy cập',
  },
  en: {
    title: 'Border gate monitor', gates: 'Gates', plan: 'Trade turnover plan', feed: 'Activity',
    road: 'Road', rail: 'Rail', export: 'Export', import: 'Import', total: 'Total',
    loginTitle: 'Sign in', loginHint: 'Paste the access token your administrator gave you.', loginButton: 'Sign in',
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
    drills: 'Scenario drills', scenario: 'Scenario', 'harvest-peak': 'Harvest peak',
    'gate-closure': 'Gate closure', 'holiday-surge': 'Holiday surge', custom: 'Custom',
    drillGates: 'At gates', exportSurge: 'Export trucks up (%)', closedHours: 'Hours closed',
    days: 'Days', secondsPerDay: 'Seconds per simulated day', autoPlan: 'Apply the plan by itself at level',
    autoPlanNone: 'No', startDrill: 'Start drill', watchDrill: 'Watch',
    'state-running': 'running', 'state-finished': 'finished', 'state-stopped': 'stopped', 'state-failed': 'failed',
    sandboxBanner: 'DRILL — simulated figures, not live data', sandboxTitle: 'Drill',
    stopDrill: 'Stop drill', closeSandbox: 'Close', drillResult: 'Drill result',
    simulatedTime: 'Simulated time', lane: 'Run', laneDrill: 'With plans', laneBaseline: 'Without plans',
    reachedAt: 'reached', hours: 'hours', peakWaiting: 'Peak waiting', peakYard: 'Peak yard',
    truckHours: 'Truck-hours waiting', plansApplied: 'Plans applied',
    watch: 'Watch', alert: 'Alert', critical: 'Critical',
    historyTitle: 'Replay history', historyFrom: 'From', historyTo: 'To', historySpeed: 'Speed',
    startHistory: 'Replay', speedDay10s: '1 day / 10 s', speedDayMinute: '1 day / minute',
    speedHourSecond: '1 hour / s', speedDay2s: '1 day / 2 s', historyOrder: 'The end date is before the start date',
    historyBanner: 'HISTORY — a replay, not live data', historyMode: 'History',
    pause: 'Pause', resume: 'Resume', backToLive: 'Back to live',
    'replays-per-token': 'This token already runs as many replays as allowed; close one and try again.',
    'replays-per-node': 'The server already runs as many replays as allowed; please try again in a few minutes.',
    revoked: 'Your access token was revoked; please sign in again.',
    auditTitle: 'Audit log', auditShow: 'Show', auditGate: 'Gate', auditAllGates: 'All gates',
    auditAt: 'When', auditWho: 'Token', auditAction: 'Action', auditCount: 'Events',
    auditBy: 'Done by', auditReason: 'Reason / detail', auditEmpty: 'No actions in this period',
    auditTruncated: 'Showing the first 5,000 lines only; choose a shorter period.',
    auditTooLong: 'The audit log shows at most 31 days at a time; choose a shorter period.',
    'role:feed': 'gate system', 'role:viewer': 'viewer', 'role:coordinator': 'coordinator', 'role:admin': 'admin',
    'audit:gate.vehicles-cleared': 'Vehicles cleared report', 'audit:gate.turnover-recorded': 'Turnover report',
    'audit:gate.queue-observed': 'Queue report', 'audit:gate.level-raised': 'Congestion level raised',
    'audit:gate.level-cleared': 'Congestion level lowered', 'audit:gate.response-plan-activated': 'Response plan activated',
    'audit:gate.response-plan-stood-down': 'Response plan stood down', 'audit:plan.annual-plan-set': 'Annual plan set',
    'audit:plan.annual-plan-revised': 'Annual plan revised', 'audit:token.issued': 'Token issued',
    'audit:token.revoked': 'Token revoked',
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
    oneDecimal: (n) => oneDecimal.format(n),
    date: (d) => date.format(d),
    dateTime: (d) => `${date.format(d)} ${hour.format(d)}`,
    time: (d) => time.format(d),
    hour: (d) => hour.format(d),
  };
}
