import {
  addDays,
  compareLocalDates,
  type DayKind,
  iterateLocalDates,
  type LocalDate,
} from "../calendar/index";
import type { PersonCalendar } from "./person-calendar";

/** One 週休日の振替: the 週休日 worked becomes a workday and the swap day becomes the 週休日. */
export interface RestDaySwap {
  worked: LocalDate;
  swappedTo: LocalDate;
}

const WINDOW_DAYS = 28;

export interface ThinWindow {
  from: LocalDate;
  to: LocalDate;
  restDays: number;
}

/**
 * After the swaps, the 4-week windows touching the new swap that hold fewer than `minimum` 週休日.
 * Reading implemented: every run of 28 consecutive days that contains the worked day or the swap day
 * (a sliding window, stricter than counting from one fixed 起算日), with all the person's swaps applied.
 * 休日 are not 週休日 and do not count.
 */
export function findThinRestWindows(
  calendar: PersonCalendar,
  swaps: readonly RestDaySwap[],
  swap: RestDaySwap,
  minimum: number,
): ThinWindow[] {
  const overrides = new Map<LocalDate, DayKind>();
  for (const each of [...swaps, swap]) {
    overrides.set(each.worked, "workday");
    overrides.set(each.swappedTo, "weeklyRest");
  }
  const kindOn = (date: LocalDate): DayKind => overrides.get(date) ?? calendar.dayKindOn(date);
  const [first, last] =
    compareLocalDates(swap.worked, swap.swappedTo) <= 0
      ? [swap.worked, swap.swappedTo]
      : [swap.swappedTo, swap.worked];
  const thin: ThinWindow[] = [];
  for (const from of iterateLocalDates(addDays(first, -(WINDOW_DAYS - 1)), last)) {
    const to = addDays(from, WINDOW_DAYS - 1);
    const touches = [swap.worked, swap.swappedTo].some(
      (date) => compareLocalDates(from, date) <= 0 && compareLocalDates(date, to) <= 0,
    );
    if (!touches) continue;
    let restDays = 0;
    for (const date of iterateLocalDates(from, to)) if (kindOn(date) === "weeklyRest") restDays += 1;
    if (restDays < minimum) thin.push({ from, to, restDays });
  }
  return thin;
}
