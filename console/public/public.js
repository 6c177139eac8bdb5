// The public wait board: per gate its congestion level and how long a truck joining the queue now
// waits, in Vietnamese, English and Chinese, refreshed every half minute. No token, nothing else.
const TEXT = {
  vi: {
    title: 'Thời gian chờ tại cửa khẩu', intro: 'Thời gian chờ dự kiến cho xe vào hàng chờ lúc này, theo báo cáo của các cửa khẩu.',
    wait: 'Chờ dự kiến', level: 'Mức', noData: 'Chưa có báo cáo hàng chờ gần đây', stalled: 'tạm ngừng thông quan',
    hours: 'giờ', minutes: 'phút', updated: 'Cập nhật lúc', error: 'Không tải được số liệu; sẽ thử lại.', road: 'Đường bộ', rail: 'Đường sắt',
  },
  en: {
    title: 'Border gate waiting times', intro: 'Expected wait for a truck joining the queue now, from the gates\' reports.',
    wait: 'Expected wait', level: 'Level', noData: 'No recent queue report', stalled: 'clearance halted',
    hours: 'h', minutes: 'min', updated: 'Updated at', error: 'Could not load the figures; trying again.', road: 'Road', rail: 'Rail',
  },
  zh: {
    title: '口岸等候时间', intro: '现在进入排队的货车预计等候时间，依据各口岸报告。',
    wait: '预计等候', level: '拥堵级别', noData: '近期无排队报告', stalled: '暂停通关',
    hours: '小时', minutes: '分钟', updated: '更新时间', error: '无法加载数据，稍后重试。', road: '公路', rail: '铁路',
  },
};
const LEVELS_ZH = { normal: '正常', watch: '关注', alert: '警告', critical: '严重' };
const LOCALE = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };
const REFRESH_MS = 30_000;

let lang = ['vi', 'en', 'zh'].includes(localStorage.getItem('bw.public.lang')) ? localStorage.getItem('bw.public.lang') : 'vi';
let latest = null;

function duration(minutes) {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const t = TEXT[lang];
  const parts = [];
  if (h > 0) parts.push(`${h} ${t.hours}`);
  if (m > 0 || h === 0) parts.push(`${m} ${t.minutes}`);
  return parts.join(' ');
}

function waitText(g) {
  const t = TEXT[lang];
  if (g.expectedWaitMinutes === null || g.expectedWaitMinutes === undefined) return t.noData;
  if (g.capped) return `≥ ${duration(g.expectedWaitMinutes)}${g.stalled ? ` (${t.stalled})` : ''}`;
  return duration(g.expectedWaitMinutes);
}

function render() {
  const t = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  document.getElementById('title').textContent = t.title;
  document.getElementById('intro').textContent = t.intro;
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  if (!latest) return;
  const list = document.getElementById('gates');
  list.replaceChildren(...latest.gates.map((g) => {
    const li = document.createElement('li');
    li.className = `gate level-${g.level}`;
    const name = document.createElement('h2');
    name.textContent = lang === 'zh' ? `${g.nameZh} (${g.nameVi})` : (lang === 'vi' ? g.nameVi : g.nameEn);
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = t[g.kind] ?? g.kind;
    const level = document.createElement('p');
    level.className = 'level';
    const levelName = lang === 'zh' ? (LEVELS_ZH[g.level] ?? g.levelEn) : (lang === 'vi' ? g.levelVi : g.levelEn);
    level.textContent = `${t.level}: ${levelName}`;
    const wait = document.createElement('p');
    wait.className = 'wait';
    const label = document.createElement('span');
    label.textContent = `${t.wait}: `;
    const value = document.createElement('strong');
    value.textContent = waitText(g);
    wait.append(label, value);
    li.append(name, kind, level, wait);
    return li;
  }));
  const at = new Intl.DateTimeFormat(LOCALE[lang], { hour: '2-digit', minute: '2-digit', hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit' }).format(new Date(latest.at));
  document.getElementById('updated').textContent = `${t.updated} ${at}`;
}

async function load() {
  const error = document.getElementById('error');
  try {
    const r = await fetch('/public/v1/waits', { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(String(r.status));
    latest = await r.json();
    error.hidden = true;
  } catch (e) {
    error.textContent = TEXT[lang].error;
    error.hidden = false;
  }
  render();
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('bw.public.lang', lang);
    render();
  });
}
load();
setInterval(load, REFRESH_MS);
