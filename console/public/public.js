// The public wait board: for a driver choosing a gate, the fastest one now for exports, imports and the
// watched goods (fruit), then every road gate shortest wait first and the railway station apart (in
// wagons), each with its level, its wait and whether that is current, in Vietnamese, English and
// Chinese, refreshed every half minute. No token, nothing else.
const TEXT = {
  vi: {
    title: 'Thời gian chờ tại cửa khẩu', intro: 'Thời gian chờ dự kiến cho xe vào hàng chờ lúc này, theo báo cáo của các cửa khẩu.',
    wait: 'Chờ dự kiến', level: 'Mức', noData: 'Chưa có báo cáo hàng chờ trong 1 giờ qua', stalled: 'tạm ngừng thông quan',
    hours: 'giờ', minutes: 'phút', updated: 'Cập nhật lúc', error: 'Không tải được số liệu; sẽ thử lại.',
    road: 'Cửa khẩu đường bộ (xe tải)', rail: 'Ga đường sắt (tính theo toa, chờ riêng)',
    fastest: 'Nhanh nhất lúc này', exports: 'Xuất khẩu', imports: 'Nhập khẩu', none: 'chưa có số liệu',
    takes: 'Nhận', across: 'Phía Trung Quốc', lastReport: 'báo cáo hàng chờ gần nhất', wagonWait: 'Chờ dự kiến (toa)',
    sameQueue: 'Mỗi cửa khẩu có một hàng chờ chung cho xe xuất và nhập.',
  },
  en: {
    title: 'Border gate waiting times', intro: 'Expected wait for a truck joining the queue now, from the gates\' reports.',
    wait: 'Expected wait', level: 'Level', noData: 'No queue report in the last hour', stalled: 'clearance halted',
    hours: 'h', minutes: 'min', updated: 'Updated at', error: 'Could not load the figures; trying again.',
    road: 'Road gates (trucks)', rail: 'Railway station (in wagons, its own wait)',
    fastest: 'Fastest now', exports: 'Exports', imports: 'Imports', none: 'no figures yet',
    takes: 'Takes', across: 'Chinese side', lastReport: 'last queue report', wagonWait: 'Expected wait (wagons)',
    sameQueue: 'Each gate has one queue for exports and imports alike.',
  },
  zh: {
    title: '口岸等候时间', intro: '现在进入排队的货车预计等候时间，依据各口岸报告。',
    wait: '预计等候', level: '拥堵级别', noData: '近一小时无排队报告', stalled: '暂停通关',
    hours: '小时', minutes: '分钟', updated: '更新时间', error: '无法加载数据，稍后重试。',
    road: '公路口岸（货车）', rail: '铁路站（按车皮计，单独排队）',
    fastest: '当前最快', exports: '出口（越南→中国）', imports: '进口（中国→越南）', none: '暂无数据',
    takes: '可通关', across: '中方口岸', lastReport: '最近排队报告', wagonWait: '预计等候（车皮）',
    sameQueue: '每个口岸出口与进口车辆共用一条队列。',
  },
};
const LEVELS_ZH = { normal: '正常', watch: '关注', alert: '警告', critical: '严重' };
const GOODS_ZH = { fruit: '果蔬' };
const LOCALE = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };
const ZONE = 'Asia/Ho_Chi_Minh';
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

// A date and time in full, as each reader writes them: "09:15 ngày 07/12/2026", "09:15, 7 December 2026", "2026年12月7日 09:15".
function when(iso) {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat(LOCALE[lang], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE }).format(d);
  if (lang === 'vi') {
    const date = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: ZONE }).format(d);
    return `${time} ngày ${date}`;
  }
  const date = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }).format(d);
  return lang === 'zh' ? `${date} ${time}` : `${time}, ${date}`;
}

function waitText(g) {
  const t = TEXT[lang];
  if (g.expectedWaitMinutes === null || g.expectedWaitMinutes === undefined) return t.noData;
  if (g.capped) return `≥ ${duration(g.expectedWaitMinutes)}${g.stalled ? ` (${t.stalled})` : ''}`;
  return duration(g.expectedWaitMinutes);
}

// Chinese readers know a crossing by the port on their side; others by the gate's own name.
function gateName(g) {
  if (lang === 'zh') return g.portZh ? `${g.portZh}（${g.nameVi}）` : `${g.nameZh} (${g.nameVi})`;
  return lang === 'vi' ? g.nameVi : g.nameEn;
}

function goodsName(w) {
  if (lang === 'zh') return GOODS_ZH[w.watchedGoods] ?? w.watchedGoodsEn;
  return lang === 'vi' ? w.watchedGoodsVi : w.watchedGoodsEn;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function gateItem(g) {
  const t = TEXT[lang];
  const li = el('li', `gate level-${g.level}${g.stale ? ' stale' : ''}`);
  li.dataset.gate = g.gate;
  const name = el('h3', null, gateName(g));
  const level = el('p', 'level', `${t.level}: ${lang === 'zh' ? (LEVELS_ZH[g.level] ?? g.levelEn) : (lang === 'vi' ? g.levelVi : g.levelEn)}`);
  const wait = el('p', 'wait');
  wait.append(el('span', null, `${g.unit === 'wagons' ? t.wagonWait : t.wait}: `), el('strong', null, waitText(g)));
  li.append(name, level, wait);
  if (g.portZh && lang !== 'zh') li.append(el('p', 'across', `${t.across}: ${g.portZh}`));
  const takes = [g.exports ? t.exports : null, g.imports ? t.imports : null,
    g.takesWatchedGoods && latest.watchedGoods ? goodsName(latest) : null].filter(Boolean);
  li.append(el('p', 'takes', `${t.takes}: ${takes.join(' · ')}`));
  if (g.stale && g.queueObservedAt) li.append(el('p', 'last-report', `${t.lastReport}: ${when(g.queueObservedAt)}`));
  return li;
}

function fastestLine() {
  const t = TEXT[lang];
  const byId = new Map(latest.gates.map((g) => [g.gate, g]));
  const part = (label, id) => {
    const g = id ? byId.get(id) : null;
    return `${label}: ${g ? `${gateName(g)} (${waitText(g)})` : t.none}`;
  };
  const parts = [part(t.exports, latest.fastest.exports), part(t.imports, latest.fastest.imports)];
  if (latest.watchedGoods) parts.push(part(goodsName(latest), latest.fastest.watchedGoods));
  return parts;
}

function render() {
  const t = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  document.getElementById('title').textContent = t.title;
  document.getElementById('intro').textContent = `${t.intro} ${t.sameQueue}`;
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  if (!latest) return;
  const fastest = document.getElementById('fastest');
  fastest.replaceChildren(el('h2', null, t.fastest), ...fastestLine().map((line) => el('p', null, line)));
  const road = latest.gates.filter((g) => g.kind !== 'rail');
  const rail = latest.gates.filter((g) => g.kind === 'rail');
  const sections = [];
  for (const [title, list, id] of [[t.road, road, 'road'], [t.rail, rail, 'rail']]) {
    if (list.length === 0) continue;
    const section = el('section', 'gate-group');
    section.dataset.kind = id;
    const ul = el('ul', 'gates');
    ul.append(...list.map(gateItem));
    section.append(el('h2', null, title), ul);
    sections.push(section);
  }
  document.getElementById('gates').replaceChildren(...sections);
  document.getElementById('updated').textContent = `${t.updated} ${when(latest.at)}`;
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
