export {
  type CalendarDay,
  classifyDay,
  type DayKind,
  type DayReason,
  type DayType,
  isSunday,
  isYearEndHoliday,
  listDays,
  type TownDay,
} from "./day-type";
export { type FiscalYearRange, fiscalYearOf, fiscalYearRange } from "./fiscal-year";
export {
  addDays,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  formatLocalDate,
  fromEpochDay,
  isLocalDate,
  iterateLocalDates,
  type LocalDate,
  type LocalDateParts,
  parseLocalDate,
  toEpochDay,
  toLocalDate,
} from "./local-date";
export {
  FIRST_HOLIDAY_YEAR,
  findNationalHoliday,
  LAST_HOLIDAY_YEAR,
  listNationalHolidays,
  type NationalHoliday,
} from "./national-holidays";
export {
  type EraName,
  type EraNameEn,
  formatWareki,
  formatWarekiMonth,
  toWareki,
  type Wareki,
  type WarekiStyle,
} from "./wareki";
