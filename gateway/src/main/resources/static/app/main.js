// The operations dashboard: a page per view, chosen by the address's #fragment, drawn from
// the API with the caller's own token (the gateway's session cookie), so every figure is
// of the caller's jurisdiction only.
import { api, maybe, signIn, signOut, whenSignedOut, ApiError } from './api.js';
import { t, language, setLanguage, number, dateTime, day } from './i18n.js';

const view = document.getElementById('view');
const LEVELS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NONE'];
// colour and shape both tell the level apart
const LEVEL_STYLE = {
  CRITICAL: { color: '#b3261e', symbol: 'triangle', size: 16 },
  HIGH: { color: '#c75c00', symbol: 'diamond', size: 14 },
  MEDIUM: { color: '#8a6d00', symbol: 'rect', size: 11 },
  LOW: { color: '#2e7d32', symbol: 'circle', size: 10 },
  NONE: { color: '#6b7785', symbol: 'emptyCircle', size: 10 },
};
let me = null;
let charts = [];
let stream = null;
let unread = new Set();
// every drawing of a page takes a ticket; a page whose data comes back after a newer one
// was asked for (another link, the language switched) does not overwrite it
let ticket = 0;

// ---------------------------------------------------------------- helpers

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function table(headers, rows) {
  return h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { class: header.num ? 'num' : null }, header.label ?? header)))),
    h('tbody', {}, rows)));
}

function card(title, ...content) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...content);
}

function level(code) {
  const known = LEVELS.includes(code) ? code : 'NONE';
  return h('span', { class: `level ${known}` }, t(`level.${known}`));
}

function severity(code) {
  return h('span', { class: `level ${code}` }, t(`severity.${code}`) || code);
}

function percent(share) {
  return share === null || share === undefined ? '–' : `${number(Number(share) * 100, 1)}%`;
}

function indiaDate(offsetDays = 0) {
  const date = new Date(Date.now() + offsetDays * 86400000);
  return date.toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });
}

/** The academic year (June to May) of a date, as `2026-27`. */
function academicYear(date) {
  const [year, month] = date.split('-').map(Number);
  const first = month >= 6 ? year : year - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

function problemText(error) {
  if (error instanceof ApiError && error.status === 403) return t('error.forbidden');
  return t('error.generic', error.message || error);
}

function chart(element, option) {
  const instance = window.echarts.init(element, null, { renderer: 'canvas' });
  // a canvas takes no 'inherit': name the fonts, Tamil's among them
  instance.setOption({ aria: { enabled: true, decal: { show: true } },
    textStyle: { fontFamily: '"Noto Sans", "Noto Sans Tamil", sans-serif' }, ...option });
  charts.push(instance);
  return instance;
}

function place(mine, ...nodes) {
  if (mine !== ticket) return false;
  charts.forEach((c) => c.dispose());
  charts = [];
  view.replaceChildren(...nodes);
  return true;
}

function translateStatic() {
  document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
  const switcher = document.getElementById('language');
  switcher.textContent = t('language');
  switcher.lang = language() === 'ta' ? 'en' : 'ta';
  document.documentElement.lang = language();
}

function toast(text) {
  const note = h('div', { class: 'toast', onclick: () => note.remove() }, text);
  document.getElementById('live').append(note);
  setTimeout(() => note.remove(), 8000);
}

function showUnread() {
  const badge = document.getElementById('unread');
  badge.hidden = unread.size === 0;
  badge.textContent = String(unread.size);
}

// ---------------------------------------------------------------- sign-in

function signInPage(message) {
  const mine = ++ticket;
  document.getElementById('nav').hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('who').textContent = '';
  const error = h('p', { class: 'error', role: 'alert', id: 'sign-in-error' }, message || '');
  const otpLabel = h('label', { for: 'otp', hidden: true }, t('signIn.otp'));
  const otp = h('input', { id: 'otp', name: 'otp', inputmode: 'numeric', autocomplete: 'one-time-code', hidden: true });
  const form = h('form', { class: 'card signin', id: 'sign-in' },
    h('h1', {}, t('signIn.title')),
    h('label', { for: 'username' }, t('signIn.username')),
    h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true }),
    h('label', { for: 'password' }, t('signIn.password')),
    h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    otpLabel, otp, error,
    h('button', { class: 'primary', type: 'submit' }, t('signIn.submit')),
    h('p', { id: 'keycloak', hidden: true }, h('a', { class: 'button', href: '/ui/session/keycloak' }, t('signIn.keycloak'))));
  if (location.hash === '#/sign-in-failed') error.textContent = t('signIn.keycloakFailed');
  fetch('/ui/session/options').then((answer) => (answer.ok ? answer.json() : {})).then((options) => {
    if (options.keycloak) form.querySelector('#keycloak').hidden = false;
  }).catch(() => {});
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await signIn(form.username.value, form.password.value, otp.value || null);
      await start();
    } catch (failure) {
      const code = failure.problem?.code;
      if (code === 'auth.otp-required' || code === 'auth.mfa.code-invalid') {
        otpLabel.hidden = false;
        otp.hidden = false;
        otp.focus();
        error.textContent = t('signIn.otpNeeded');
      } else if (code === 'auth.account-locked') {
        error.textContent = t('signIn.locked');
      } else if (failure.status === 503) {
        error.textContent = t('signIn.unavailable');
      } else {
        error.textContent = t('signIn.failed');
      }
    }
  });
  place(mine, form);
}

async function start() {
  me = await api('/api/v1/auth/me');
  document.getElementById('nav').hidden = false;
  document.getElementById('sign-out').hidden = false;
  document.getElementById('who').textContent = `${me.displayName || me.username}`;
  openStream();
  const unreadPage = await maybe('/api/v1/alerts/unread?size=500');
  unread = new Set((unreadPage?.items || []).map((alert) => alert.id));
  showUnread();
  if (!location.hash || location.hash === '#/' || location.hash === '#/sign-in-failed') location.hash = '#/day';
  else render();
}

// ---------------------------------------------------------------- live alerts

function openStream() {
  if (stream) stream.close();
  stream = new EventSource('/api/v1/alerts/stream');
  stream.addEventListener('alert', (event) => {
    const { change, alert } = JSON.parse(event.data);
    if (change === 'RAISED' || change === 'ESCALATED') {
      unread.add(alert.id);
      showUnread();
      toast(t('alerts.new', alert.title));
    }
    document.dispatchEvent(new CustomEvent('mdm:alert', { detail: { change, alert } }));
  });
  stream.addEventListener('error', async () => {
    if (stream.readyState === EventSource.CLOSED && me) {
      // the access token ran out: renew it and listen again
      try {
        await api('/api/v1/auth/me');
        setTimeout(openStream, 1000);
      } catch {
        // signed out
      }
    }
  });
}

// ---------------------------------------------------------------- the day

async function dayPage() {
  const mine = ticket;
  const today = indiaDate();
  const lastWeek = indiaDate(-7);
  const lastYear = indiaDate(-364);
  const [rate, rateWeek, rateYear, reports, reportsWeek, reportsYear, critical, stockOuts, pending] = await Promise.all([
    maybe(`/api/v1/meals/reporting-rate?date=${today}&size=1`),
    maybe(`/api/v1/meals/reporting-rate?date=${lastWeek}&size=1`),
    maybe(`/api/v1/meals/reporting-rate?date=${lastYear}&size=1`),
    maybe(`/api/v1/meals/reports?from=${today}&to=${today}&size=500`),
    maybe(`/api/v1/meals/reports?from=${lastWeek}&to=${lastWeek}&size=500`),
    maybe(`/api/v1/meals/reports?from=${lastYear}&to=${lastYear}&size=500`),
    maybe('/api/v1/ml/risk?level=CRITICAL&size=10'),
    maybe('/api/v1/alerts?status=OPEN&type=stock&size=1'),
    maybe('/api/v1/financial/releases/pending'),
  ]);
  // whole-area figures from report-service's read models: every school of the caller's area, not a page of rows
  const kpis = (period, from) => maybe(`/api/v1/reports/kpis?scope=${me.jurisdictionLevel}`
    + `&code=${encodeURIComponent(me.jurisdictionCode)}&period=${period}&from=${from}`);
  const [dayNow, dayWeek, dayYear, yearNow] = await Promise.all([
    kpis('DAILY', today), kpis('DAILY', lastWeek), kpis('DAILY', lastYear), kpis('ANNUAL', today)]);
  const pageMeals = (page) => (page?.items || []).reduce((sum, report) => sum + (report.mealsServed || 0), 0);
  const kpiMeals = (k) => (k && !k.error ? (k.attendanceTrend || []).reduce((sum, d) => sum + (d.mealsServed || 0), 0) : null);
  // the read models when they answer; else the page of reports the caller can list
  const meals = (k, page) => kpiMeals(k) ?? pageMeals(page);
  const versus = (label, value) => h('div', { class: 'versus' }, t('day.vs', t(label), value));

  const rateCard = card(t('day.reportingRate'),
    rate.error ? h('p', { class: 'muted' }, t('day.notAvailable', rate.error.message))
      : [h('div', { class: 'figure', id: 'reporting-rate' }, percent(rate.reportingRate)),
        h('div', {}, t('day.ofSchools', number(rate.schools))),
      versus('day.lastWeek', percent(rateWeek.reportingRate)), versus('day.lastYear', percent(rateYear.reportingRate))]);
  const onTimeCard = card(t('day.onTime'),
    rate.error ? h('p', { class: 'muted' }, '–')
      : [h('div', { class: 'figure' }, percent(rate.onTimeRate)),
        versus('day.lastWeek', percent(rateWeek.onTimeRate)), versus('day.lastYear', percent(rateYear.onTimeRate))]);
  const mealsCard = card(t('day.meals'),
    h('div', { class: 'figure', id: 'meals-served' }, number(meals(dayNow, reports)), ' ', h('small', {}, t('unit.meals'))),
    h('div', { class: 'versus' }, t('day.mealsFrom', number(reports?.total ?? 0))),
    versus('day.lastWeek', number(meals(dayWeek, reportsWeek))), versus('day.lastYear', number(meals(dayYear, reportsYear))));

  const withoutMeal = (reports?.items || []).filter((report) => report.mealsServed === 0);
  const reasons = {};
  withoutMeal.forEach((report) => { const reason = report.noMealReason || 'OTHER'; reasons[reason] = (reasons[reason] || 0) + 1; });
  const noMealCard = card(t('day.noMeal'),
    withoutMeal.length === 0 ? h('p', { class: 'muted' }, t('day.none'))
      : table([t('col.school'), t('col.reason')], withoutMeal.slice(0, 10).map((report) => h('tr', {},
        h('td', {}, h('a', { href: `#/school/${report.udiseCode}` }, report.udiseCode)),
        h('td', {}, t(`reason.${report.noMealReason || 'OTHER'}`))))));

  const stockCard = card(t('day.stockOuts'),
    h('div', { class: 'figure' }, stockOuts.error ? '–' : number(stockOuts.total), ' ', h('small', {}, t('unit.schools'))),
    h('a', { href: '#/alerts' }, t('nav.alerts')));
  const criticalCard = card(t('day.critical'),
    critical.error ? h('p', { class: 'muted' }, t('day.notAvailable', critical.error.message))
      : (critical.items || []).length === 0 ? h('p', { class: 'muted' }, t('day.none'))
        : table([t('col.school'), { label: t('col.score'), num: true }, t('col.reason')], critical.items.map((risk) => h('tr', {},
          h('td', {}, h('a', { href: `#/school/${risk.udiseCode}` }, risk.udiseCode)),
          h('td', { class: 'num' }, number(risk.score, 0)),
          h('td', {}, (risk.factors || []).slice(0, 2).map((factor) => factor.text).join('; '))))));
  const fundsCard = card(t('day.funds'),
    pending.error ? h('p', { class: 'muted' }, t('day.notAvailable', pending.error.message))
      : !Array.isArray(pending) || pending.length === 0 ? h('p', { class: 'muted' }, t('day.none'))
      : table([t('col.level'), { label: t('col.releases'), num: true }, { label: t('col.amount'), num: true }],
        (Array.isArray(pending) ? pending : pending.levels || []).map((row) => h('tr', {},
          h('td', {}, row.level), h('td', { class: 'num' }, number(row.releases)), h('td', { class: 'num' }, number(row.amount, 2))))),
    h('a', { href: '#/decisions' }, t('nav.decisions')));

  // the financial year's released and used money of the whole area (report-service's read models)
  const money = yearNow?.utilization || {};
  const released = Number(money.released || 0);
  const utilized = Number(money.utilized || 0);
  const usedCard = card(t('day.fundsUsed'),
    yearNow.error ? h('p', { class: 'muted' }, t('day.notAvailable', yearNow.error.message))
      : [h('div', { class: 'figure' }, `₹${number(utilized)}`, ' ', h('small', {}, t('day.usedOf', `₹${number(released)}`))),
        h('div', { class: 'versus' }, t('day.fundsYear', day(yearNow.from), day(yearNow.to)))]);

  const chartBox = h('div', { class: 'chart', id: 'day-chart' });
  const chartCard = h('section', { class: 'card wide' }, h('h2', {}, t('day.chart')), chartBox);
  if (!place(mine, h('h1', {}, t('day.title', day(today))),
    h('div', { class: 'grid' }, rateCard, onTimeCard, mealsCard, chartCard, noMealCard, criticalCard, stockCard, fundsCard, usedCard))) return;
  if (!rate.error) {
    const share = (r) => (r && !r.error ? Math.round(Number(r.reportingRate) * 1000) / 10 : null);
    const onTime = (r) => (r && !r.error ? Math.round(Number(r.onTimeRate) * 1000) / 10 : null);
    chart(chartBox, {
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '–' : `${v}%`) },
      xAxis: { type: 'category', data: [t('chart.yearAgo'), t('chart.weekAgo'), t('day.today')], axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('day.series.reported'), type: 'bar', color: '#0b5cad', label: { show: true, position: 'top', formatter: '{c}%' },
          data: [share(rateYear), share(rateWeek), share(rate)] },
        { name: t('day.series.onTime'), type: 'bar', color: '#e08a00', label: { show: true, position: 'top', formatter: '{c}%' },
          data: [onTime(rateYear), onTime(rateWeek), onTime(rate)] },
      ],
    });
  }
}

// ---------------------------------------------------------------- the map and drill-down

/** Most schools a map draws: 20 pages of 500 (a district's or a block's schools all; a state's the first). */
const MAP_PAGES = 20;

/**
 * Every row of a paged list, up to MAP_PAGES pages fetched side by side after the first:
 * { items, total }. A list that cannot be read is empty when optional, else an error.
 */
async function every(path, optional = false) {
  const first = optional ? await maybe(`${path}&size=500&page=0`) : await api(`${path}&size=500&page=0`);
  if (!first || first.error) return { items: [], total: 0 };
  const total = first.total ?? (first.items || []).length;
  const pages = Math.min(MAP_PAGES, Math.ceil(total / 500));
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) },
    (_, i) => maybe(`${path}&size=500&page=${i + 1}`)));
  const items = (first.items || []).concat(...rest.map((page) => (page && !page.error ? page.items || [] : [])));
  return { items, total };
}

async function mapPage(district, block) {
  const mine = ticket;
  if (!district && me.jurisdictionLevel !== 'STATE') district = me.districtCode || me.jurisdictionCode;
  if (!block && me.jurisdictionLevel === 'BLOCK') block = me.blockCode || me.jurisdictionCode;
  const area = block ? `districtCode=${district}&blockCode=${block}` : district ? `districtCode=${district}` : '';
  const [schools, risks, names] = await Promise.all([
    every(`/api/v1/schools?${area}&sort=name`),
    every(`/api/v1/ml/risk?${area}`, true),
    district ? maybe(`/api/v1/districts/${district}/blocks`) : maybe(`/api/v1/districts?stateCode=${me.jurisdictionCode}&size=100`),
  ]);
  const riskOf = new Map((risks.items || []).map((risk) => [risk.udiseCode, risk]));
  const nameOf = new Map((Array.isArray(names) ? names : names.items || []).map((place) => [place.code, place.name]));
  const items = schools.items || [];

  const steps = [];
  if (me.jurisdictionLevel === 'STATE') steps.push(h('a', { href: '#/map' }, t('map.state')));
  if (district) {
    steps.push(me.jurisdictionLevel !== 'BLOCK' ? h('a', { href: `#/map/${district}` }, t('map.district', district))
      : h('span', {}, t('map.district', district)));
  }
  if (block) steps.push(h('span', {}, t('map.block', nameOf.get(block) || block)));
  const crumbs = h('p', { class: 'crumbs' }, steps.flatMap((step, i) => (i === 0 ? [step] : ['› ', step])));

  const mapBox = h('div', { class: 'chart map', id: 'school-map' });
  const located = items.filter((school) => school.latitude !== null && school.longitude !== null);
  const groupKey = block ? null : district ? 'blockCode' : 'districtCode';
  let summary;
  if (groupKey) {
    const groups = new Map();
    for (const school of items) {
      const key = school[groupKey];
      const group = groups.get(key) || { schools: 0, critical: 0 };
      group.schools += 1;
      if (riskOf.get(school.udiseCode)?.level === 'CRITICAL') group.critical += 1;
      groups.set(key, group);
    }
    summary = card(t(district ? 'map.blocks' : 'map.districts'),
      table([t(district ? 'col.block' : 'col.district'), { label: t('col.schools'), num: true }, { label: t('map.critical'), num: true }],
        [...groups.entries()].map(([code, group]) => h('tr', {},
          h('td', {}, h('a', { href: district ? `#/map/${district}/${code}` : `#/map/${code}`, 'data-area': code },
            nameOf.get(code) ? `${nameOf.get(code)} (${code})` : code)),
          h('td', { class: 'num' }, number(group.schools)), h('td', { class: 'num' }, number(group.critical))))));
  }
  const schoolTable = h('section', { class: 'card wide' }, h('h2', {}, t('map.schools')),
    items.length < schools.total ? h('p', { class: 'muted' }, t('map.partial', number(items.length), number(schools.total))) : null,
    located.length < items.length ? h('p', { class: 'muted' }, t('map.noCoordinates', items.length - located.length)) : null,
    table([t('col.school'), t('col.name'), t('col.risk')], items.slice(0, 200).map((school) => h('tr', {},
      h('td', {}, h('a', { href: `#/school/${school.udiseCode}` }, school.udiseCode)),
      h('td', {}, school.name),
      h('td', {}, level(riskOf.get(school.udiseCode)?.level))))));

  if (!place(mine, h('h1', {}, t('map.title')), crumbs,
    h('div', { class: 'grid' }, h('section', { class: 'card wide' }, h('h2', {}, t('map.legend')), mapBox), summary, schoolTable))) return;

  const instance = chart(mapBox, {
    legend: { top: 0, data: LEVELS.map((code) => t(`level.${code}`)) },
    grid: { left: 56, right: 16, top: 72, bottom: 48 },
    tooltip: { trigger: 'item', formatter: (p) => `${p.data.name}<br>${p.data.udise} · ${p.seriesName}` },
    xAxis: { type: 'value', scale: true, name: t('map.longitude'), nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', scale: true, name: t('map.latitude'), nameLocation: 'middle', nameGap: 40 },
    series: LEVELS.map((code) => ({
      name: t(`level.${code}`), type: 'scatter', symbol: LEVEL_STYLE[code].symbol, symbolSize: LEVEL_STYLE[code].size,
      itemStyle: { color: LEVEL_STYLE[code].color, borderColor: '#fff', borderWidth: 1 },
      data: located.filter((school) => (riskOf.get(school.udiseCode)?.level || 'NONE') === code).map((school) => ({
        value: [Number(school.longitude), Number(school.latitude)], name: school.name, udise: school.udiseCode })),
    })),
  });
  instance.on('click', (p) => { if (p.data?.udise) location.hash = `#/school/${p.data.udise}`; });
}

// ---------------------------------------------------------------- a school

async function schoolPage(udise) {
  const mine = ticket;
  let school;
  try {
    school = await api(`/api/v1/schools/${encodeURIComponent(udise)}`);
  } catch (error) {
    if (error.status === 404 || error.status === 400 || error.status === 403) {
      place(mine, h('div', { class: 'card notfound', id: 'not-found' }, h('h1', {}, t('school.notFound', udise)),
        h('a', { href: '#/map' }, t('nav.map'))));
      return;
    }
    throw error;
  }
  const [reports, stock, risks, forecast, alerts, inspections] = await Promise.all([
    maybe(`/api/v1/meals/reports?udiseCode=${udise}&from=${indiaDate(-30)}&to=${indiaDate()}&size=100`),
    maybe(`/api/v1/stock/schools/${udise}`),
    maybe(`/api/v1/ml/risk?districtCode=${school.districtCode}&blockCode=${school.blockCode}&size=500`),
    maybe(`/api/v1/ml/forecast/${udise}`),
    maybe(`/api/v1/alerts?udiseCode=${udise}&size=20`),
    maybe(`/api/v1/inspections?udiseCode=${udise}&size=10`),
  ]);
  const risk = (risks.items || []).find((r) => r.udiseCode === udise);
  const noData = () => h('p', { class: 'muted' }, t('school.noData'));

  const reportsBox = h('div', { class: 'chart', id: 'reports-chart' });
  const forecastBox = h('div', { class: 'chart', id: 'forecast-chart' });
  const days = (reports.items || []).slice().sort((a, b) => a.date.localeCompare(b.date));
  const stockCard = h('section', { class: 'card wide' }, h('h2', {}, t('school.stock')), Array.isArray(stock) && stock.length
    ? table([t('col.commodity'), { label: t('col.kg'), num: true }, { label: t('col.days'), num: true }, t('col.status')],
      stock.map((line) => h('tr', {}, h('td', {}, t(`commodity.${line.commodity}`)), h('td', { class: 'num' }, number(line.quantityKg, 1)),
        h('td', { class: 'num' }, number(line.daysOfStock, 1)), h('td', {}, t(`stock.${line.status}`)))))
    : noData());
  const riskCard = card(t('school.risk'), risk
    ? [h('div', { class: 'figure', id: 'risk-score' }, number(risk.score, 0), ' ', h('small', {}, '/ 100 '), level(risk.level)),
      h('ul', {}, (risk.factors || []).map((factor) => h('li', {}, factor.text || factor.feature)))]
    : noData());
  const alertsCard = card(t('school.alerts'), (alerts.items || []).length
    ? table([t('col.when'), t('col.severity'), t('col.alert')], alerts.items.map((alert) => h('tr', {},
      h('td', {}, dateTime(alert.raisedAt)), h('td', {}, severity(alert.severity)), h('td', {}, alert.title))))
    : noData());
  const inspectionItems = Array.isArray(inspections) ? inspections : inspections.items || [];
  const inspectionsCard = card(t('school.inspections'), inspectionItems.length
    ? table([t('col.date'), { label: t('col.score'), num: true }], inspectionItems.map((inspection) => h('tr', {},
      h('td', {}, day(inspection.inspectedOn || inspection.date)), h('td', { class: 'num' }, number(inspection.score)))))
    : noData());
  const placed = place(mine, h('p', { class: 'crumbs' }, h('a', { href: `#/map/${school.districtCode}` }, t('map.district', school.districtCode)), '› ',
      h('a', { href: `#/map/${school.districtCode}/${school.blockCode}` }, t('map.block', school.blockCode))),
    h('h1', { id: 'school-name' }, `${school.name} (${school.udiseCode})`),
    h('p', { class: 'muted' }, [school.category, school.management, school.headmasterName,
      school.headmasterPhone].filter(Boolean).join(' · ')),
    h('div', { class: 'grid' }, riskCard, alertsCard, inspectionsCard, stockCard,
      h('section', { class: 'card wide' }, h('h2', {}, t('school.reports')), days.length ? reportsBox : noData()),
      h('section', { class: 'card wide' }, h('h2', {}, t('school.forecast')), forecast?.days?.length ? forecastBox : noData()),
      card(t('school.deliveriesTitle'), h('p', { class: 'muted' }, t('school.deliveries')))));
  if (!placed) return;
  if (days.length) {
    chart(reportsBox, {
      legend: { top: 0 }, grid: { left: 48, right: 16, top: 40, bottom: 32 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map((r) => r.date.slice(5)) },
      yAxis: { type: 'value', name: t('unit.childrenMeals') },
      series: [
        { name: t('col.attendance'), type: 'bar', barMaxWidth: 48, color: '#e08a00', label: { show: days.length <= 10, position: 'top' },
          data: days.map((r) => r.attendancePrimary + r.attendanceUpperPrimary) },
        { name: t('school.served'), type: 'bar', barMaxWidth: 48, color: '#0b5cad', label: { show: days.length <= 10, position: 'top' },
          data: days.map((r) => r.mealsServed) },
      ],
    });
  }
  if (forecast?.days?.length) {
    const f = forecast.days;
    chart(forecastBox, {
      legend: { top: 0 }, grid: { left: 48, right: 16, top: 40, bottom: 32 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: f.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', name: t('unit.meals') },
      series: [
        { name: t('school.band95'), type: 'line', stack: 'b95', lineStyle: { opacity: 0 }, symbol: 'none', data: f.map((d) => d.lower95) },
        { name: t('school.band95'), type: 'line', stack: 'b95', lineStyle: { opacity: 0 }, symbol: 'none', color: '#9ec5ea',
          areaStyle: { color: '#cfe2f5' }, data: f.map((d) => d.upper95 - d.lower95) },
        { name: t('school.band80'), type: 'line', stack: 'b80', lineStyle: { opacity: 0 }, symbol: 'none', data: f.map((d) => d.lower80) },
        { name: t('school.band80'), type: 'line', stack: 'b80', lineStyle: { opacity: 0 }, symbol: 'none', color: '#5b9bd5',
          areaStyle: { color: '#9ec5ea' }, data: f.map((d) => d.upper80 - d.lower80) },
        { name: t('school.median'), type: 'line', color: '#12324f', symbol: 'circle', lineStyle: { width: 2 },
          label: { show: true, position: 'top' }, data: f.map((d) => d.meals) },
      ],
    });
  }
}

// ---------------------------------------------------------------- alerts

function alertRow(alert) {
  const actions = h('div', { class: 'actions' });
  const row = h('tr', { 'data-alert': alert.id }, h('td', {}, dateTime(alert.raisedAt)), h('td', {}, severity(alert.severity)),
    h('td', {}, alert.title, h('div', { class: 'muted' }, alert.message || '')),
    h('td', {}, alert.udiseCode ? h('a', { href: `#/school/${alert.udiseCode}` }, alert.udiseCode) : alert.scopeCode),
    h('td', { class: 'status' }, alert.status), h('td', {}, actions));
  if (alert.status === 'OPEN') {
    actions.append(h('button', { type: 'button', class: 'acknowledge', onclick: async (event) => {
      event.target.disabled = true;
      try {
        const done = await api(`/api/v1/alerts/${alert.id}/acknowledge`, { method: 'POST' });
        row.querySelector('.status').textContent = done?.status || 'ACKNOWLEDGED';
        event.target.remove();
      } catch (error) { event.target.disabled = false; toast(problemText(error)); }
    } }, t('alerts.acknowledge')));
  }
  if (unread.has(alert.id)) {
    actions.append(h('button', { type: 'button', class: 'mark-read', onclick: async (event) => {
      try {
        await api(`/api/v1/alerts/mark-read/${alert.id}`, { method: 'POST' });
        unread.delete(alert.id);
        showUnread();
        event.target.replaceWith(h('span', { class: 'muted' }, t('alerts.read')));
      } catch (error) { toast(problemText(error)); }
    } }, t('alerts.markRead')));
  }
  return row;
}

async function alertsPage() {
  const mine = ticket;
  const page = await api('/api/v1/alerts?size=50');
  const body = h('tbody', { id: 'alert-rows' }, (page.items || []).map(alertRow));
  const empty = h('p', { class: 'muted', hidden: (page.items || []).length > 0 }, t('alerts.none'));
  const placed = place(mine, h('h1', {}, t('alerts.title')), h('p', { class: 'muted' }, t('alerts.live')),
    h('section', { class: 'card' }, empty, h('div', { class: 'scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('col.when'), t('col.severity'), t('col.alert'), t('col.school'), t('col.status'), t('col.actions')]
        .map((label) => h('th', {}, label)))), body))));
  if (!placed) return;
  const onAlert = ({ detail }) => {
    if (!document.body.contains(body)) { document.removeEventListener('mdm:alert', onAlert); return; }
    body.querySelector(`[data-alert="${detail.alert.id}"]`)?.remove();
    body.prepend(alertRow(detail.alert));
    empty.hidden = true;
  };
  document.addEventListener('mdm:alert', onAlert);
}

// ---------------------------------------------------------------- decisions

async function decisionsPage() {
  const mine = ticket;
  const [transfers, releases, pending] = await Promise.all([
    maybe('/api/v1/optimization/transfers?status=PROPOSED&size=50'),
    // an official approves at the level of its jurisdiction; the state sees every level
    maybe(`/api/v1/financial/releases?status=PENDING&size=50${['DISTRICT', 'BLOCK', 'SCHOOL'].includes(me.jurisdictionLevel)
      ? `&pendingLevel=${me.jurisdictionLevel}` : ''}`),
    maybe('/api/v1/financial/releases/pending'),
  ]);
  const decide = (row, url, method, body, done) => async (event) => {
    row.querySelectorAll('button').forEach((button) => { button.disabled = true; });
    try {
      await api(url, { method, body });
      row.querySelector('.actions').replaceChildren(h('span', { class: 'decided' }, t(done)));
    } catch (error) {
      row.querySelectorAll('button').forEach((button) => { button.disabled = false; });
      toast(problemText(error));
    }
  };
  const transferRows = (transfers.items || []).map((transfer) => {
    const row = h('tr', { 'data-transfer': transfer.id },
      h('td', {}, h('a', { href: `#/school/${transfer.fromUdiseCode}` }, transfer.fromUdiseCode)),
      h('td', {}, h('a', { href: `#/school/${transfer.toUdiseCode}` }, transfer.toUdiseCode)),
      h('td', {}, t(`commodity.${transfer.commodity}`)), h('td', { class: 'num' }, number(transfer.quantityKg, 1)),
      h('td', { class: 'hide-narrow' }, transfer.reason || ''), h('td', {}, h('div', { class: 'actions' })));
    row.querySelector('.actions').append(
      h('button', { type: 'button', class: 'primary approve', onclick: decide(row, `/api/v1/optimization/approve/${transfer.id}`, 'PUT', undefined, 'decisions.approved') }, t('decisions.approve')),
      h('button', { type: 'button', class: 'reject', onclick: (event) => {
        const reason = prompt(t('decisions.rejectReason'));
        if (reason) decide(row, `/api/v1/optimization/reject/${transfer.id}`, 'PUT', { reason }, 'decisions.rejected')(event);
      } }, t('decisions.reject')));
    return row;
  });
  const releaseRows = (releases.items || []).map((release) => {
    const row = h('tr', {}, h('td', {}, release.udiseCode), h('td', {}, release.pendingLevel),
      h('td', { class: 'num' }, number(release.amount, 2)), h('td', {}, dateTime(release.requestedAt)), h('td', {}, h('div', { class: 'actions' })));
    row.querySelector('.actions').append(h('button', { type: 'button', class: 'primary',
      onclick: decide(row, `/api/v1/financial/releases/${release.releaseId}/approve`, 'POST', undefined, 'decisions.approved') }, t('decisions.approve')));
    return row;
  });
  place(mine, h('h1', {}, t('decisions.title')), h('div', { class: 'grid' },
    h('section', { class: 'card wide', id: 'transfers' }, h('h2', {}, t('decisions.transfers')),
      transfers.error ? h('p', { class: 'error' }, problemText(transfers.error)) : transferRows.length === 0 ? h('p', { class: 'muted' }, t('decisions.none'))
        : table([t('col.from'), t('col.to'), t('col.commodity'), { label: t('col.kg'), num: true }, { label: t('col.reason') }, t('col.actions')], transferRows)),
    h('section', { class: 'card wide' }, h('h2', {}, t('decisions.releases')),
      pending.error || !Array.isArray(pending) || pending.length === 0 ? null : table([t('col.level'), { label: t('col.releases'), num: true }, { label: t('col.amount'), num: true }, t('col.oldest')],
        (Array.isArray(pending) ? pending : []).map((row) => h('tr', {}, h('td', {}, row.level), h('td', { class: 'num' }, number(row.releases)),
          h('td', { class: 'num' }, number(row.amount, 2)), h('td', {}, dateTime(row.oldestRequestedAt))))),
      releases.error ? h('p', { class: 'error' }, problemText(releases.error)) : releaseRows.length === 0 ? h('p', { class: 'muted' }, t('decisions.none'))
        : table([t('col.school'), t('col.level'), { label: t('col.amount'), num: true }, t('col.when'), t('col.actions')], releaseRows))));
}

// ---------------------------------------------------------------- non-reporters

function csv(rows) {
  return rows.map((row) => row.map((value) => {
    const text = String(value ?? '');
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(',')).join('\r\n') + '\r\n';
}

async function nonReportersPage() {
  const mine = ticket;
  const today = indiaDate();
  const rate = await api(`/api/v1/meals/reporting-rate?date=${today}&size=500`);
  const items = rate.nonReporters?.items || [];
  const download = h('button', { type: 'button', id: 'export-csv', onclick: () => {
    const rows = [['udise_code', 'school', 'district_code', 'block_code', 'headmaster', 'headmaster_phone']]
      .concat(items.map((s) => [s.udiseCode, s.name, s.districtCode, s.blockCode, s.headmasterName, s.headmasterPhone]));
    const link = h('a', { href: URL.createObjectURL(new Blob(['\ufeff' + csv(rows)], { type: 'text/csv' })),
      download: `non-reporters-${today}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
  } }, t('nonReporters.export'));
  place(mine, h('h1', {}, t('nonReporters.title')),
    h('p', {}, t('nonReporters.count', number(rate.notReported), number(rate.schools)), ' ', items.length ? download : null),
    h('section', { class: 'card' }, items.length === 0 ? h('p', { class: 'muted' }, t('nonReporters.none'))
      : table([t('col.school'), t('col.name'), t('col.block'), t('col.headmaster'), t('col.phone')], items.map((s) => h('tr', {},
        h('td', {}, h('a', { href: `#/school/${s.udiseCode}` }, s.udiseCode)), h('td', {}, s.name), h('td', {}, s.blockCode),
        h('td', {}, s.headmasterName || '–'),
        h('td', {}, s.headmasterPhone ? h('a', { href: `tel:${s.headmasterPhone}` }, s.headmasterPhone) : '–'))))));
}

// ---------------------------------------------------------------- routing

async function render() {
  if (!me) return;
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  document.querySelectorAll('nav a').forEach((link) => {
    link.classList.toggle('on', link.getAttribute('href') === `#/${parts[0] || 'day'}`);
  });
  const mine = ++ticket;
  try {
    switch (parts[0]) {
      case 'map': await mapPage(parts[1], parts[2]); break;
      case 'school': await schoolPage(parts[1]); break;
      case 'alerts': await alertsPage(); break;
      case 'decisions': await decisionsPage(); break;
      case 'non-reporters': await nonReportersPage(); break;
      default: await dayPage();
    }
    view.dataset.ready = location.hash;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    place(mine, h('p', { class: 'error', role: 'alert' }, problemText(error)));
  }
}

whenSignedOut(() => {
  me = null;
  if (stream) stream.close();
  signInPage();
});

window.addEventListener('hashchange', render);
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
document.getElementById('language').addEventListener('click', () => {
  setLanguage(language() === 'ta' ? 'en' : 'ta');
  translateStatic();
  if (me) render();
  else signInPage();
});
document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut();
  me = null;
  if (stream) stream.close();
  location.hash = '';
  signInPage();
});

translateStatic();
start().catch(() => {
  if (!document.getElementById('sign-in')) signInPage();
});
