// The calendar, one module for every stage: extract reads due days with it, track counts business days, the
// digest and the scheduler place mornings. It imports nothing of the project, so any stage may import it.
// day.ts: days as data (LocalDay fields, 'YYYY-MM-DD' Days) · weeks.ts: positions in a week or month ·
// zone.ts: instants ↔ days at a fixed offset or in an IANA zone · business.ts: business days ·
// other-calendars.ts: Hebrew, Islamic and Chinese calendar days for lunar holidays.
export * from './business.js';
export * from './day.js';
export * from './other-calendars.js';
export * from './weeks.js';
export * from './zone.js';
