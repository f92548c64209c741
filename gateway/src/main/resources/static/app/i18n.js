// The dashboard's words in English and Tamil. t('key', a, b) puts a, b in place of {0}, {1}.
const words = {
  en: {
    'app.title': 'MDM Twin', 'loading': 'Loading…', 'signOut': 'Sign out', 'language': 'தமிழ்',
    'nav.day': 'Today', 'nav.map': 'Map', 'nav.alerts': 'Alerts', 'nav.decisions': 'Decisions',
    'nav.nonReporters': 'Not reported',
    'signIn.title': 'Sign in to MDM Twin', 'signIn.username': 'Username', 'signIn.password': 'Password',
    'signIn.otp': 'One-time code', 'signIn.submit': 'Sign in', 'signIn.otpNeeded': 'Enter the one-time code from your authenticator app.',
    'signIn.failed': 'Wrong username or password.', 'signIn.locked': 'This account is locked. Reset your password.',
    'signIn.unavailable': 'Sign-in is not available right now. Try again in a minute.',
    'signIn.keycloak': 'Sign in with the state’s single sign-on', 'signIn.keycloakFailed': 'Single sign-on did not complete. Try again.',
    'day.title': 'The day: {0}', 'day.reportingRate': 'Reporting rate', 'day.onTime': 'Reported on time',
    'day.ofSchools': 'of {0} PM POSHAN schools', 'day.vs': '{0}: {1}', 'day.lastWeek': 'same day last week',
    'day.lastYear': 'same day last year', 'day.meals': 'Meals served', 'day.mealsFrom': 'from {0} reports',
    'day.noMeal': 'Schools without a meal, and why', 'day.none': 'None.', 'day.stockOuts': 'Stock-outs (open alerts)',
    'day.critical': 'Schools at critical risk', 'day.funds': 'Fund releases waiting', 'day.fundsUsed': 'Funds used this year',
    'day.usedOf': 'used of {0} released', 'day.fundsYear': 'financial year {0} to {1}',
    'day.chart': 'Schools reporting, % of PM POSHAN schools', 'day.series.reported': 'Reported',
    'day.series.onTime': 'On time', 'day.today': 'Today', 'chart.weekAgo': 'A week ago', 'chart.yearAgo': 'A year ago', 'day.notAvailable': 'Not available: {0}',
    'unit.percent': '%', 'unit.meals': 'meals', 'unit.schools': 'schools', 'unit.rupees': '₹',
    'reason.NO_STOCK': 'No food grain', 'reason.NO_COOK': 'No cook', 'reason.NO_FUNDS': 'No funds',
    'reason.HOLIDAY': 'Holiday', 'reason.OTHER': 'Other reason',
    'commodity.RICE': 'Rice', 'commodity.WHEAT': 'Wheat', 'commodity.PULSES': 'Pulses', 'commodity.OIL': 'Oil', 'commodity.OTHER': 'Other',
    'stock.STOCK_OUT': 'Out of stock', 'stock.LOW': 'Low', 'stock.ADEQUATE': 'Enough', 'stock.OVER_STOCKED': 'Too much',
    'map.title': 'Schools on the map', 'map.state': 'State', 'map.district': 'District {0}', 'map.block': 'Block {0}',
    'map.legend': 'Schools by risk level, at their coordinates', 'map.partial': 'Showing {0} of {1} schools: choose a district for all of its schools.', 'map.noCoordinates': '{0} schools have no coordinates and are listed below only.',
    'map.longitude': 'Longitude (°E)', 'map.latitude': 'Latitude (°N)', 'map.schools': 'Schools',
    'map.districts': 'Districts', 'map.blocks': 'Blocks', 'map.critical': 'Critical', 'map.notScored': 'Not scored',
    'level.CRITICAL': 'Critical', 'level.HIGH': 'High', 'level.MEDIUM': 'Medium', 'level.LOW': 'Low', 'level.NONE': 'Not scored',
    'severity.CRITICAL': 'Critical', 'severity.WARNING': 'Warning', 'severity.INFO': 'Information',
    'alerts.title': 'Alerts', 'alerts.live': 'Live: new alerts appear here without reloading.',
    'alerts.acknowledge': 'Acknowledge', 'alerts.markRead': 'Mark read', 'alerts.read': 'Read', 'alerts.none': 'No open alerts.',
    'alerts.new': 'New alert: {0}', 'alerts.connected': 'Live', 'alerts.disconnected': 'Reconnecting…',
    'col.when': 'When', 'col.severity': 'Severity', 'col.alert': 'Alert', 'col.school': 'School', 'col.status': 'Status',
    'col.actions': 'Actions', 'col.name': 'Name', 'col.udise': 'UDISE code', 'col.district': 'District', 'col.block': 'Block',
    'col.headmaster': 'Headmaster', 'col.phone': 'Phone', 'col.risk': 'Risk', 'col.score': 'Score (0–100)',
    'col.commodity': 'Commodity', 'col.kg': 'Quantity (kg)', 'col.days': 'Days of stock', 'col.from': 'From', 'col.to': 'To',
    'col.reason': 'Reason', 'col.date': 'Date', 'col.meals': 'Meals', 'col.attendance': 'Attendance', 'col.level': 'Level',
    'col.releases': 'Releases', 'col.amount': 'Amount (₹)', 'col.oldest': 'Oldest request', 'col.distance': 'Distance (km)',
    'col.inspection': 'Inspection', 'col.findings': 'Findings', 'col.schools': 'Schools', 'col.reported': 'Reported',
    'school.title': '{0}', 'school.notFound': 'School {0} was not found, or it is outside your area.',
    'school.reports': 'Daily reports, last 30 days', 'school.stock': 'Stock and days left', 'school.risk': 'Risk and why',
    'school.forecast': 'Meals forecast, next school days', 'school.alerts': 'Alerts', 'school.inspections': 'Inspections',
    'school.noData': 'No data yet.', 'school.median': 'Forecast (median)', 'school.band80': '80% interval',
    'school.band95': '95% interval', 'school.served': 'Meals served', 'school.deliveriesTitle': 'Deliveries',
    'school.deliveries': 'Not shown: school-service lists no deliveries of a school yet (one delivery by its id only).',
    'unit.childrenMeals': 'children, meals',
    'decisions.title': 'Decisions', 'decisions.transfers': 'Food-grain transfers to approve',
    'decisions.releases': 'Fund releases waiting for your level', 'decisions.approve': 'Approve', 'decisions.reject': 'Reject',
    'decisions.rejectReason': 'Why is this rejected?', 'decisions.none': 'Nothing waits for you.',
    'decisions.approved': 'Approved.', 'decisions.rejected': 'Rejected.',
    'nonReporters.title': 'Schools that have not reported today', 'nonReporters.export': 'Download CSV',
    'nonReporters.none': 'Every school has reported.', 'nonReporters.count': '{0} of {1} schools have not reported.',
    'error.generic': 'Something went wrong: {0}', 'error.forbidden': 'Your role may not do this.',
  },
  ta: {
    'app.title': 'MDM Twin', 'loading': 'ஏற்றுகிறது…', 'signOut': 'வெளியேறு', 'language': 'English',
    'nav.day': 'இன்று', 'nav.map': 'வரைபடம்', 'nav.alerts': 'எச்சரிக்கைகள்', 'nav.decisions': 'முடிவுகள்',
    'nav.nonReporters': 'அறிக்கை இல்லை',
    'signIn.title': 'MDM Twin-இல் உள்நுழைக', 'signIn.username': 'பயனர் பெயர்', 'signIn.password': 'கடவுச்சொல்',
    'signIn.otp': 'ஒருமுறைக் குறியீடு', 'signIn.submit': 'உள்நுழைக', 'signIn.otpNeeded': 'உங்கள் அங்கீகரிப்புச் செயலியின் ஒருமுறைக் குறியீட்டை உள்ளிடுக.',
    'signIn.failed': 'பயனர் பெயர் அல்லது கடவுச்சொல் தவறு.', 'signIn.locked': 'இந்தக் கணக்கு பூட்டப்பட்டுள்ளது. கடவுச்சொல்லை மாற்றுக.',
    'signIn.unavailable': 'இப்போது உள்நுழைய முடியாது. ஒரு நிமிடம் கழித்து முயல்க.',
    'signIn.keycloak': 'மாநில ஒற்றை உள்நுழைவு மூலம் உள்நுழைக', 'signIn.keycloakFailed': 'ஒற்றை உள்நுழைவு நிறைவடையவில்லை. மீண்டும் முயல்க.',
    'day.title': 'நாள்: {0}', 'day.reportingRate': 'அறிக்கை விகிதம்', 'day.onTime': 'நேரத்தில் அனுப்பியவை',
    'day.ofSchools': '{0} PM POSHAN பள்ளிகளில்', 'day.vs': '{0}: {1}', 'day.lastWeek': 'கடந்த வாரம் இதே நாள்',
    'day.lastYear': 'கடந்த ஆண்டு இதே நாள்', 'day.meals': 'வழங்கிய உணவுகள்', 'day.mealsFrom': '{0} அறிக்கைகளிலிருந்து',
    'day.noMeal': 'உணவு வழங்காத பள்ளிகளும் காரணமும்', 'day.none': 'இல்லை.', 'day.stockOuts': 'இருப்பு தீர்ந்தவை (திறந்த எச்சரிக்கைகள்)',
    'day.critical': 'மிக அதிக அபாயப் பள்ளிகள்', 'day.funds': 'காத்திருக்கும் நிதி விடுவிப்புகள்', 'day.fundsUsed': 'இந்த ஆண்டு பயன்படுத்திய நிதி',
    'day.usedOf': 'விடுவித்த {0}-இல் பயன்படுத்தியது', 'day.fundsYear': 'நிதியாண்டு {0} முதல் {1} வரை',
    'day.chart': 'அறிக்கை அனுப்பிய பள்ளிகள், PM POSHAN பள்ளிகளில் %', 'day.series.reported': 'அனுப்பியவை',
    'day.series.onTime': 'நேரத்தில்', 'day.today': 'இன்று', 'chart.weekAgo': 'ஒரு வாரம்\nமுன்', 'chart.yearAgo': 'ஓராண்டு\nமுன்', 'day.notAvailable': 'கிடைக்கவில்லை: {0}',
    'unit.percent': '%', 'unit.meals': 'உணவுகள்', 'unit.schools': 'பள்ளிகள்', 'unit.rupees': '₹',
    'reason.NO_STOCK': 'உணவுப் பொருள் இல்லை', 'reason.NO_COOK': 'சமையலர் இல்லை', 'reason.NO_FUNDS': 'நிதி இல்லை',
    'reason.HOLIDAY': 'விடுமுறை', 'reason.OTHER': 'பிற காரணம்',
    'commodity.RICE': 'அரிசி', 'commodity.WHEAT': 'கோதுமை', 'commodity.PULSES': 'பருப்பு', 'commodity.OIL': 'எண்ணெய்', 'commodity.OTHER': 'பிற',
    'stock.STOCK_OUT': 'இருப்பு இல்லை', 'stock.LOW': 'குறைவு', 'stock.ADEQUATE': 'போதுமானது', 'stock.OVER_STOCKED': 'அதிகம்',
    'map.title': 'வரைபடத்தில் பள்ளிகள்', 'map.state': 'மாநிலம்', 'map.district': 'மாவட்டம் {0}', 'map.block': 'வட்டாரம் {0}',
    'map.legend': 'அபாய நிலைப்படி பள்ளிகள், அவற்றின் இருப்பிடத்தில்', 'map.partial': '{1} பள்ளிகளில் {0} காட்டப்படுகின்றன: எல்லாப் பள்ளிகளுக்கும் ஒரு மாவட்டத்தைத் தேர்ந்தெடுக்கவும்.', 'map.noCoordinates': '{0} பள்ளிகளுக்கு ஆயத்தொலைவுகள் இல்லை; கீழே பட்டியலில் மட்டும்.',
    'map.longitude': 'தீர்க்கரேகை (°கி)', 'map.latitude': 'அட்சரேகை (°வ)', 'map.schools': 'பள்ளிகள்',
    'map.districts': 'மாவட்டங்கள்', 'map.blocks': 'வட்டாரங்கள்', 'map.critical': 'மிக அதிகம்', 'map.notScored': 'மதிப்பிடவில்லை',
    'level.CRITICAL': 'மிக அதிகம்', 'level.HIGH': 'அதிகம்', 'level.MEDIUM': 'நடுத்தரம்', 'level.LOW': 'குறைவு', 'level.NONE': 'மதிப்பிடவில்லை',
    'severity.CRITICAL': 'மிகக் கடுமை', 'severity.WARNING': 'எச்சரிக்கை', 'severity.INFO': 'தகவல்',
    'alerts.title': 'எச்சரிக்கைகள்', 'alerts.live': 'நேரலை: புதிய எச்சரிக்கைகள் பக்கத்தை மீண்டும் ஏற்றாமலே இங்கே தோன்றும்.',
    'alerts.acknowledge': 'ஏற்றுக்கொள்', 'alerts.markRead': 'படித்ததாகக் குறி', 'alerts.read': 'படித்தது', 'alerts.none': 'திறந்த எச்சரிக்கைகள் இல்லை.',
    'alerts.new': 'புதிய எச்சரிக்கை: {0}', 'alerts.connected': 'நேரலை', 'alerts.disconnected': 'மீண்டும் இணைக்கிறது…',
    'col.when': 'எப்போது', 'col.severity': 'தீவிரம்', 'col.alert': 'எச்சரிக்கை', 'col.school': 'பள்ளி', 'col.status': 'நிலை',
    'col.actions': 'செயல்கள்', 'col.name': 'பெயர்', 'col.udise': 'UDISE குறியீடு', 'col.district': 'மாவட்டம்', 'col.block': 'வட்டாரம்',
    'col.headmaster': 'தலைமையாசிரியர்', 'col.phone': 'தொலைபேசி', 'col.risk': 'அபாயம்', 'col.score': 'மதிப்பெண் (0–100)',
    'col.commodity': 'பொருள்', 'col.kg': 'அளவு (கி.கி)', 'col.days': 'இருப்பு நாட்கள்', 'col.from': 'எங்கிருந்து', 'col.to': 'எங்கே',
    'col.reason': 'காரணம்', 'col.date': 'தேதி', 'col.meals': 'உணவுகள்', 'col.attendance': 'வருகை', 'col.level': 'நிலை',
    'col.releases': 'விடுவிப்புகள்', 'col.amount': 'தொகை (₹)', 'col.oldest': 'பழைய கோரிக்கை', 'col.distance': 'தூரம் (கி.மீ)',
    'col.inspection': 'ஆய்வு', 'col.findings': 'கண்டறிந்தவை', 'col.schools': 'பள்ளிகள்', 'col.reported': 'அனுப்பியவை',
    'school.title': '{0}', 'school.notFound': 'பள்ளி {0} கிடைக்கவில்லை, அல்லது உங்கள் பகுதிக்கு வெளியே உள்ளது.',
    'school.reports': 'தினசரி அறிக்கைகள், கடந்த 30 நாட்கள்', 'school.stock': 'இருப்பும் மீதி நாட்களும்', 'school.risk': 'அபாயமும் காரணங்களும்',
    'school.forecast': 'உணவுத் தேவை முன்கணிப்பு, அடுத்த பள்ளி நாட்கள்', 'school.alerts': 'எச்சரிக்கைகள்', 'school.inspections': 'ஆய்வுகள்',
    'school.noData': 'இன்னும் தரவு இல்லை.', 'school.median': 'முன்கணிப்பு (இடைநிலை)', 'school.band80': '80% இடைவெளி',
    'school.band95': '95% இடைவெளி', 'school.served': 'வழங்கிய உணவுகள்', 'school.deliveriesTitle': 'விநியோகங்கள்',
    'school.deliveries': 'காட்டப்படவில்லை: ஒரு பள்ளியின் விநியோகங்களை school-service இன்னும் பட்டியலிடுவதில்லை.',
    'unit.childrenMeals': 'குழந்தைகள், உணவுகள்',
    'decisions.title': 'முடிவுகள்', 'decisions.transfers': 'ஒப்புதலுக்கான உணவுப் பொருள் இடமாற்றங்கள்',
    'decisions.releases': 'உங்கள் நிலையின் ஒப்புதலுக்குக் காத்திருக்கும் நிதி விடுவிப்புகள்', 'decisions.approve': 'ஒப்புதல் அளி', 'decisions.reject': 'நிராகரி',
    'decisions.rejectReason': 'ஏன் நிராகரிக்கப்படுகிறது?', 'decisions.none': 'உங்களுக்காக எதுவும் காத்திருக்கவில்லை.',
    'decisions.approved': 'ஒப்புதல் அளிக்கப்பட்டது.', 'decisions.rejected': 'நிராகரிக்கப்பட்டது.',
    'nonReporters.title': 'இன்று அறிக்கை அனுப்பாத பள்ளிகள்', 'nonReporters.export': 'CSV பதிவிறக்கு',
    'nonReporters.none': 'எல்லாப் பள்ளிகளும் அனுப்பிவிட்டன.', 'nonReporters.count': '{1} பள்ளிகளில் {0} அறிக்கை அனுப்பவில்லை.',
    'error.generic': 'பிழை: {0}', 'error.forbidden': 'உங்கள் பணிநிலைக்கு இதற்கு அனுமதி இல்லை.',
  },
};

let current = localStorage.getItem('mdm.language') === 'ta' ? 'ta' : 'en';

export function language() {
  return current;
}

export function setLanguage(code) {
  current = code === 'ta' ? 'ta' : 'en';
  localStorage.setItem('mdm.language', current);
  document.documentElement.lang = current;
}

export function t(key, ...args) {
  const text = words[current][key] ?? words.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Numbers and dates as the language writes them (Indian digit grouping in both). */
export function number(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '–';
  return Number(value).toLocaleString(current === 'ta' ? 'ta-IN' : 'en-IN',
    { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function dateTime(value) {
  if (!value) return '–';
  return new Date(value).toLocaleString(current === 'ta' ? 'ta-IN' : 'en-IN',
    { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
}

export function day(value) {
  if (!value) return '–';
  return new Date(value + 'T00:00:00+05:30').toLocaleDateString(current === 'ta' ? 'ta-IN' : 'en-IN',
    { dateStyle: 'medium', timeZone: 'Asia/Kolkata' });
}
