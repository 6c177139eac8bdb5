// Every visible text, in Vietnamese first and English, and the number and date formats of each.
const TEXT = {
  vi: {
    title: 'Giám sát cửa khẩu', gates: 'Cửa khẩu', plan: 'Kế hoạch kim ngạch', feed: 'Diễn biến',
    localExport: 'Hàng xuất khẩu của địa phương', shareOfExportsToday: 'số xe xuất khẩu hôm nay',
    expectedWait: 'Chờ dự kiến', forecastWaiting: 'Dự báo xe chờ', stalled: 'ngừng thông quan', durHours: 'giờ', durMinutes: 'phút',
    trTitle: 'Cảnh báo sớm {days} ngày qua', trWarned: 'đợt ùn tắc được báo trước ít nhất 1 giờ', trOf: '/',
    queueEstimated: 'Mất báo cáo xe chờ: dự báo dựa trên số xe chờ ước tính từ báo cáo gần nhất.',
    trMedian: 'trung vị', trFalse: 'cảnh báo không xảy ra', trNone: 'chưa có đợt ùn tắc nào để đánh giá',
    trBacktested: 'gồm lịch sử nhập về, chạy thử sau khi nhập',
    forecastReaches: 'Dự báo đạt mức', at: 'lúc', after: 'sau', whatIf: 'Nếu áp dụng phương án ngay',
    withoutPlan: 'Không áp dụng', withPlan: 'Áp dụng', peak: 'cao nhất',
    whatIfNote: 'Dự báo 12 giờ, không ghi vào số liệu.',
    warningIssued: 'Cảnh báo sớm: dự báo đạt mức', 'warningEnded:reached': 'Cảnh báo sớm đã thành hiện thực',
    'warningEnded:not-forecast': 'Rút cảnh báo sớm', 'warningEnded:superseded': 'Cảnh báo sớm được nâng mức',
    reportsTitle: 'Báo cáo', reportYear: 'Năm', reportPeriod: 'Kỳ báo cáo', reportAsOf: 'Số liệu đến ngày (tùy chọn)',
    reportLang: 'Ngôn ngữ', reportFormat: 'Định dạng', reportDownload: 'Tải về', reportPreview: 'Xem trước',
    reportWorking: 'Đang lập báo cáo…', reportSaved: 'Đã tải về', month: 'Tháng',
    'period:first': '{n} tháng đầu năm',
    nationalPageTitle: 'Toàn quốc: các tỉnh biên giới', nationalOpen: 'Toàn quốc', nationalBack: 'Về bảng của tỉnh',
    nationalGates: 'Số cửa khẩu', nationalUsualByNow: 'Ngày thường đến giờ này', nationalOfUsual: 'So với ngày thường',
    nationalYearGone: 'Thời gian đã qua của năm', nationalGate: 'Cửa khẩu', nationalLevel: 'Mức', nationalWaiting: 'Xe chờ',
    nationalUpdated: 'Cập nhật lúc', nationalReconnecting: 'mất kết nối, đang thử lại',
    nationalPageHint: 'Mỗi tỉnh như bảng của chính tỉnh đó; chọn tên tỉnh để mở bảng của tỉnh. Xe đường bộ không tính toa tàu.',
    nationalTitle: 'Toàn quốc', nationalProvince: 'Tỉnh', nationalToday: 'Xe đường bộ hôm nay',
    nationalWorst: 'Mức cao nhất (cửa khẩu)', nationalPlan: 'Kế hoạch năm', ofUsualByNow: 'so với ngày thường đến giờ này',
    onPace: 'đúng tiến độ', planNotSet: 'chưa đặt kế hoạch', behindPace: 'chậm tiến độ', levelNormal: 'Bình thường',
    nationalAlerts: 'Cửa khẩu ở mức 2 trở lên', waitingShort: 'xe chờ', nationalNoAlerts: 'Không có cửa khẩu nào ở mức 2 trở lên.', reportFrom: 'Từ ngày', reportTo: 'Đến ngày',
    reportRangeHint: 'Nhập cả hai ngày để lập báo cáo cho một khoảng ngày bất kỳ trong năm (thay cho kỳ báo cáo).',
    reportEdit: 'Sửa nội dung đánh giá, đề xuất', reportAssessment: 'Đánh giá', reportProposals: 'Đề xuất, kiến nghị',
    reportEditNote: 'Nội dung sửa được đánh dấu "(đã chỉnh sửa)" trong văn bản; số liệu giữ nguyên như đã tính.',
    'period:year': 'Cả năm', 'period:h1': '6 tháng đầu năm', 'period:q1': 'Quý I', 'period:q2': 'Quý II',
    'period:q3': 'Quý III', 'period:q4': 'Quý IV', 'period:ytd': 'Từ đầu năm đến nay',
    exportsByGoods: 'Xuất khẩu hôm nay theo nhóm hàng', unclassified: 'Chưa phân loại',
    road: 'Đường bộ', rail: 'Đường sắt', export: 'Xuất khẩu', import: 'Nhập khẩu', total: 'Tổng',
    loginTitle: 'Đăng nhập', loginHint: 'Dán mã truy cập (token) do quản trị viên cấp.', loginButton: 'Đăng nhập',
    today: 'Thông quan hôm nay', vehicles: 'xe', lastHour: '60 phút qua', waiting: 'Chờ thông quan',
    // A unit counted with formats().count, for a count of one: the same words in Vietnamese.
    vehiclesOne: 'xe', wagonsOne: 'toa', perHourOne: 'xe/giờ', wagonsPerHourOne: 'toa/giờ',
    yard: 'Bãi', turnoverToday: 'Kim ngạch hôm nay', turnoverYtd: 'Từ đầu năm', level: 'Mức',
    normal: 'Bình thường', live: 'Trực tiếp', connecting: 'Đang kết nối…',
    stale: 'Mất kết nối — số liệu có thể đã cũ', updated: 'Cập nhật', ofPlan: 'kế hoạch',
    pace: 'Tiến độ thời gian', yoy: 'so với cùng kỳ', projected: 'Dự kiến cả năm', noPlan: 'Chưa có kế hoạch',
    million: 'triệu USD', chart: 'Lưu lượng 24 giờ (xe/giờ); nét đứt: dự báo xe chờ 12 giờ tới', queueItem: 'xe chờ', planItem: 'Kế hoạch năm',
    up: 'tăng', down: 'giảm', noData: 'Chưa có dữ liệu', perHour: 'xe/giờ',
    levelUp: 'Nâng mức ùn tắc', levelDown: 'Hạ mức ùn tắc', levelStalled: 'cửa khẩu ngừng thông quan khi xe đang chờ',
    levelWait: 'thời gian chờ dự kiến vượt ngưỡng',
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
    feedShowQueues: 'Hiện báo cáo xe chờ', feedEmpty: 'Chưa có diễn biến nào.',
    planAuto: 'tự động (diễn tập)',
    wagonsPerHour: 'toa/giờ', chartDailyTotal: 'Ngày này chỉ có tổng gửi gộp cả ngày, không có số theo giờ',
    dailyTotalsOnly: 'có cửa khẩu chỉ có tổng cả ngày', whatIfAsOf: 'Theo dự báo lúc',
    warningAsIssued: 'dự báo lúc phát', warningNowExpected: 'nay dự kiến', planAutoReason: 'diễn tập tự áp dụng khi đạt mức',
    planNoTarget: 'chưa đặt chỉ tiêu', offlineBanner: 'Mất kết nối với máy chủ — đang thử lại…',
    planSet: 'Đặt kế hoạch năm', planRevise: 'Sửa kế hoạch năm', planGoodsTarget: 'Chỉ tiêu xuất khẩu:',
    planExportUsd: 'Xuất khẩu (USD)', planImportUsd: 'Nhập khẩu (USD)', planTotalUsd: 'Tổng kim ngạch (USD, bỏ trống = XK + NK)',
    planLocalUsd: 'Hàng hóa địa phương xuất khẩu (USD)', planReason: 'Lý do điều chỉnh',
    planFormHint: 'Số tiền theo USD, ví dụ 4800000000. Điều chỉnh kế hoạch đã đặt cần ghi lý do; bỏ trống chỉ tiêu nào thì giữ như cũ.',
    planSave: 'Lưu kế hoạch', planCancel: 'Hủy',
    drillNoPlan: 'Không có phương án nào được áp dụng nên hai kịch bản như nhau; hãy chọn mức tự áp dụng phương án để so sánh.',
    drillPlanAt: 'Phương án mức', drillAt: 'tại', drillPeak: 'xe chờ cao nhất',
    drillTruckHours: 'tổng xe·giờ chờ', drillAllGates: 'tính cả các cửa khẩu nhận phân luồng',
    drillLowerLevelNote: 'Số giờ ở mức thấp (như Theo dõi) có thể tăng khi có phương án: cửa khẩu dừng ở mức đó thay vì lên mức cao hơn.',
    drillNeedsGate: 'Hãy chọn ít nhất một cửa khẩu.',
    usualByNow: 'ngày thường đến giờ này', bulkReport: 'số liệu gửi gộp, không theo giờ',
    chartBulk: 'Giờ có số liệu gửi gộp (cả ngày) không vẽ.', hourLabel: 'Giờ', wagons: 'toa', raisedGates: 'Cửa khẩu ở mức cao', noneRaised: 'Không có',
    simulatedMark: 'MÔ PHỎNG', demoSurgeText: 'xe xuất khẩu tăng', demoClosureText: 'tạm đóng cửa khẩu', until: 'đến',
    demoTitle: 'Mô phỏng ùn tắc (bản demo)', demoKind: 'Tình huống', demoHours: 'Số giờ', demoPercent: 'Xe xuất khẩu tăng (%)',
    demoStart: 'Bắt đầu mô phỏng', demoEnd: 'Kết thúc', demoNote: 'Chỉ có ở bản demo: bộ mô phỏng diễn ra tình huống này; số liệu là giả định.',
    dateFormat: 'Ngày viết theo dạng ngày/tháng/năm, ví dụ 26/11/2026.',
    historyLimit: 'Tối đa 14 ngày, đến hết hôm nay.', historyTooLong: 'Mỗi lần phát lại tối đa 14 ngày; hãy chọn khoảng ngắn hơn.',
    historyFuture: 'Ngày bắt đầu chưa tới; hãy chọn một ngày đã qua.',
    'history-unavailable': 'Không mở được phiên phát lại; hãy kiểm tra khoảng ngày rồi thử lại.', planActions: 'Biện pháp', standDownPrompt: 'Mức ùn tắc đã hạ xuống dưới mức của phương án — cân nhắc dừng phương án.',
  },
  en: {
    title: 'Border gate monitor', gates: 'Gates', plan: 'Trade turnover plan', feed: 'Activity',
    localExport: 'Local export goods', shareOfExportsToday: 'of export trucks today',
    expectedWait: 'Expected wait', forecastWaiting: 'Forecast waiting', stalled: 'not moving', durHours: 'h', durMinutes: 'min',
    trTitle: 'Early warnings, last {days} days', trWarned: 'congestion episodes warned at least an hour ahead', trOf: 'of',
    queueEstimated: 'No recent queue report: the forecast starts from the last one, carried forward as an estimate.',
    trMedian: 'median', trFalse: 'warnings did not come true', trNone: 'no congestion episode to judge them by yet',
    trBacktested: 'imported history included, backtested once it arrived',
    forecastReaches: 'Forecast to reach', at: 'at', after: 'in', whatIf: 'What if we act now',
    withoutPlan: 'Without the plan', withPlan: 'With it', peak: 'peak',
    whatIfNote: '12-hour forecast; nothing is recorded.',
    warningIssued: 'Early warning: forecast to reach level', 'warningEnded:reached': 'Early warning came true',
    'warningEnded:not-forecast': 'Early warning withdrawn', 'warningEnded:superseded': 'Early warning raised',
    reportsTitle: 'Reports', reportYear: 'Year', reportPeriod: 'Period', reportAsOf: 'Figures up to (optional)',
    reportLang: 'Language', reportFormat: 'Format', reportDownload: 'Download', reportPreview: 'Preview',
    reportWorking: 'Preparing the report…', reportSaved: 'Downloaded', month: 'Month',
    'period:first': 'First {n} months',
    nationalPageTitle: 'All border provinces', nationalOpen: 'All provinces', nationalBack: 'Back to the province',
    nationalGates: 'Gates', nationalUsualByNow: 'Usual day by now', nationalOfUsual: 'Of a usual day',
    nationalYearGone: 'Share of the year gone', nationalGate: 'Gate', nationalLevel: 'Level', nationalWaiting: 'Trucks waiting',
    nationalUpdated: 'Updated at', nationalReconnecting: 'connection lost, retrying',
    nationalPageHint: 'Each province as its own board shows it; choose a province to open its board. Road trucks leave out rail wagons.',
    nationalTitle: 'All provinces', nationalProvince: 'Province', nationalToday: 'Road trucks today',
    nationalWorst: 'Worst level (gate)', nationalPlan: 'Annual plan', ofUsualByNow: 'of a usual day by now',
    onPace: 'on pace', planNotSet: 'no plan set', behindPace: 'behind pace', levelNormal: 'Normal',
    nationalAlerts: 'Gates at level 2 or above', waitingShort: 'waiting', nationalNoAlerts: 'No gate at level 2 or above.', reportFrom: 'From', reportTo: 'To',
    reportRangeHint: 'Give both dates for any run of days of the year (instead of a period).',
    reportEdit: 'Reword the assessment and proposals', reportAssessment: 'Assessment', reportProposals: 'Proposals',
    reportEditNote: 'Reworded text is marked "(edited)" in the document; the figures stay as computed.',
    'period:year': 'Whole year', 'period:h1': 'First six months', 'period:q1': 'Q1', 'period:q2': 'Q2',
    'period:q3': 'Q3', 'period:q4': 'Q4', 'period:ytd': 'Year to date',
    exportsByGoods: 'Exports today by goods group', unclassified: 'Unclassified',
    road: 'Road', rail: 'Rail', export: 'Export', import: 'Import', total: 'Total',
    loginTitle: 'Sign in', loginHint: 'Paste the access token your administrator gave you.', loginButton: 'Sign in',
    today: 'Cleared today', vehicles: 'vehicles', lastHour: 'Last 60 min', waiting: 'Waiting',
    // A unit counted with formats().count, for a count of one.
    vehiclesOne: 'vehicle', wagonsOne: 'wagon', perHourOne: 'vehicle/h', wagonsPerHourOne: 'wagon/h',
    yard: 'Yard', turnoverToday: 'Turnover today', turnoverYtd: 'Year to date', level: 'Level',
    normal: 'Normal', live: 'Live', connecting: 'Connecting…',
    stale: 'Connection lost — figures may be stale', updated: 'Updated', ofPlan: 'of plan',
    pace: 'Time elapsed', yoy: 'vs same period last year', projected: 'Projected for the year', noPlan: 'No plan set',
    million: 'million USD', chart: 'Throughput, last 24 h (vehicles/h); dashed: waiting forecast, next 12 h', queueItem: 'waiting', planItem: 'Plan for',
    up: 'up', down: 'down', noData: 'No data yet', perHour: 'vehicles/h',
    levelUp: 'Congestion level raised', levelDown: 'Congestion level lowered', levelStalled: 'the gate stopped clearing while trucks wait',
    levelWait: 'the expected wait passed the gate\'s limit',
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
    feedShowQueues: 'Show queue reports', feedEmpty: 'Nothing has happened yet.',
    planAuto: 'automatic (drill)',
    wagonsPerHour: 'wagons/h', chartDailyTotal: 'This day has a whole-day total only, no hourly figures',
    dailyTotalsOnly: 'some gates have whole-day totals only', whatIfAsOf: 'From the forecast of',
    warningAsIssued: 'as forecast when issued', warningNowExpected: 'now expected', planAutoReason: 'applied by the drill on reaching',
    planNoTarget: 'no target set', offlineBanner: 'Connection to the server lost — retrying…',
    planSet: 'Set the annual plan', planRevise: 'Revise the annual plan', planGoodsTarget: 'Export target:',
    planExportUsd: 'Exports (USD)', planImportUsd: 'Imports (USD)', planTotalUsd: 'Total turnover (USD, empty = exports + imports)',
    planLocalUsd: 'Local goods exported (USD)', planReason: 'Reason for the revision',
    planFormHint: 'Amounts in US dollars, e.g. 4800000000. Revising a plan already set needs a reason; a target left empty stays as it was.',
    planSave: 'Save the plan', planCancel: 'Cancel',
    drillNoPlan: 'No plan was applied, so both runs are the same; choose a level at which to apply the plan to compare.',
    drillPlanAt: 'The plan of level', drillAt: 'at', drillPeak: 'peak waiting',
    drillTruckHours: 'truck-hours waiting in all', drillAllGates: 'including the gates diverted to',
    drillLowerLevelNote: 'Hours at a lower level (such as Watch) can grow with a plan: the gate stays there instead of rising further.',
    drillNeedsGate: 'Choose at least one gate.',
    usualByNow: 'a usual day by now', bulkReport: 'reported in bulk, not by the hour',
    chartBulk: 'Hours holding a bulk (daily) report are not drawn.', hourLabel: 'Hour', wagons: 'wagons', raisedGates: 'Gates at a raised level', noneRaised: 'None',
    simulatedMark: 'SIMULATED', demoSurgeText: 'export trucks up', demoClosureText: 'gate closed', until: 'until',
    demoTitle: 'Simulate congestion (demo)', demoKind: 'Scenario', demoHours: 'Hours', demoPercent: 'Export trucks up (%)',
    demoStart: 'Start', demoEnd: 'End', demoNote: 'Demo only: the simulator plays this out; the figures are simulated.',
    dateFormat: 'Dates are written day/month/year, e.g. 26/11/2026.',
    historyLimit: 'At most 14 days, up to today.', historyTooLong: 'A replay covers at most 14 days; choose a shorter period.',
    historyFuture: 'The start date has not come yet; choose a day that has passed.',
    'history-unavailable': 'The replay could not be opened; check the dates and try again.', planActions: 'Actions', standDownPrompt: 'The level has fallen below the plan\'s level — consider standing the plan down.',
  },
};

const LOCALE = { vi: 'vi-VN', en: 'en-GB' };

export function t(lang, key) {
  return TEXT[lang][key] ?? key;
}

// "2 giờ 10 phút", "45 min": a span of minutes in the viewer's language.
export function duration(lang, minutes) {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const hours = h > 0 ? `${h} ${t(lang, 'durHours')}` : '';
  const mins = m > 0 || h === 0 ? `${m} ${t(lang, 'durMinutes')}` : '';
  return [hours, mins].filter(Boolean).join(' ');
}

// What the server sends in both languages (nameVi/nameEn, levelVi/levelEn, actionsVi/actionsEn), in this one.
export function inLang(lang, thing, field = 'name') {
  return thing[`${field}${lang === 'vi' ? 'Vi' : 'En'}`];
}

// Every element of a view marked data-k="key" gets that key's text.
export function translate(root, lang) {
  for (const el of root.querySelectorAll('[data-k]')) el.textContent = t(lang, el.dataset.k);
}

// Whether a text exists for key in lang (an English text may read the same as its key).
export function hasText(lang, key) {
  return key in TEXT[lang];
}

// Keys one language has and the other lacks: a text shown untranslated.
export function missingKeys() {
  const vi = Object.keys(TEXT.vi);
  const en = Object.keys(TEXT.en);
  return { vi: en.filter((k) => !(k in TEXT.vi)), en: vi.filter((k) => !(k in TEXT.en)) };
}

// A congestion level by the name the gate gives it ("Cảnh báo"), never by its number; 0 is "Bình thường".
export function levelName(state, gate, level) {
  if (!level) return t(state.lang, 'normal');
  const named = state.levelsWithPlans?.get(gate)?.find((l) => l.level === level);
  if (named) return inLang(state.lang, named);
  return t(state.lang, ['normal', 'watch', 'alert', 'critical'][level] ?? 'level');
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
    // "1 vehicle", "12 vehicles": a count with its unit (a text key), singular where the language has one.
    count: (n, unit) => {
      const one = `${unit}One`;
      return `${integer.format(n)} ${t(lang, Math.round(n) === 1 && hasText(lang, one) ? one : unit)}`;
    },
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
