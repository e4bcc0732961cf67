import type { RuleVersionDto, WorkRulesDto } from "@tobira/protocol";
import type { MessageKey } from "../../i18n/ja";
import { formatClock, formatDuration, parseClock, parseDuration, parseWholeNumber } from "./work-time";

/** How a value is typed and shown: a clock time, hours (h:mm), minutes, a percent or a count. */
export type RuleFieldKind = "clock" | "hours" | "minutes" | "percent" | "count";

export const rateBuckets = [
  "weekdayDay",
  "weekdayNight",
  "restDayDay",
  "restDayNight",
  "sundayDay",
  "sundayNight",
  "holidayDay",
  "holidayNight",
] as const;
export type RateBucket = (typeof rateBuckets)[number];
export const rateTiers = ["upTo60", "over60"] as const;
export type RateTier = (typeof rateTiers)[number];

export type ScalarRuleField =
  | "dayBoundaryMinute"
  | "nightStartMinute"
  | "nightEndMinute"
  | "monthlyThresholdMinutes"
  | "roundUpFromMinutes"
  | "divergenceThresholdMinutes"
  | "orderUnitMinutes"
  | "ordinaryMonthMinutes"
  | "ordinaryYearMinutes"
  | "externalMonthMinutesBelow"
  | "externalYearMinutes"
  | "externalAverageWindowMinutes"
  | "externalMonthsOverOrdinaryPerYear"
  | "healthNotifyAboveMinutes"
  | "healthInterviewFromMinutes"
  | "holidayWorkRate"
  | "nightShiftRate";
export type RateTable<T> = Record<RateBucket, Record<RateTier, T>>;

/** Where 出勤/退勤 come from: the terminal only, or door entries and exits on days the terminal has none. */
export const punchSources = ["terminal", "terminalAndDoors"] as const;
export type PunchSource = WorkRulesDto["punchSource"];

export function punchSourceKey(source: PunchSource): MessageKey {
  return `rules.punchSource.${source}`;
}

export interface RuleFieldSpec {
  field: ScalarRuleField;
  kind: RuleFieldKind;
  min: number;
  max: number;
}

export interface RuleGroup {
  legend: MessageKey;
  fields: readonly RuleFieldSpec[];
}

const percent = { kind: "percent", min: 0, max: 500 } as const;

/** The form's groups in the order HR reads the 規則; ranges match the protocol's schema. */
export const ruleGroups: readonly RuleGroup[] = [
  {
    legend: "rules.group.dayBoundary",
    fields: [{ field: "dayBoundaryMinute", kind: "clock", min: 0, max: 720 }],
  },
  {
    legend: "rules.group.night",
    fields: [
      { field: "nightStartMinute", kind: "clock", min: 0, max: 1439 },
      { field: "nightEndMinute", kind: "clock", min: 0, max: 1439 },
    ],
  },
  {
    legend: "rules.group.threshold",
    fields: [{ field: "monthlyThresholdMinutes", kind: "hours", min: 0, max: 300 * 60 }],
  },
  {
    legend: "rules.group.rounding",
    fields: [{ field: "roundUpFromMinutes", kind: "minutes", min: 0, max: 60 }],
  },
  {
    legend: "rules.group.divergence",
    fields: [{ field: "divergenceThresholdMinutes", kind: "minutes", min: 0, max: 240 }],
  },
  {
    legend: "rules.group.orderUnit",
    fields: [{ field: "orderUnitMinutes", kind: "minutes", min: 1, max: 60 }],
  },
  {
    legend: "rules.group.capsOrdinary",
    fields: [
      { field: "ordinaryMonthMinutes", kind: "hours", min: 0, max: 300 * 60 },
      { field: "ordinaryYearMinutes", kind: "hours", min: 0, max: 2000 * 60 },
    ],
  },
  {
    legend: "rules.group.capsExternal",
    fields: [
      { field: "externalMonthMinutesBelow", kind: "hours", min: 0, max: 300 * 60 },
      { field: "externalYearMinutes", kind: "hours", min: 0, max: 2000 * 60 },
      { field: "externalAverageWindowMinutes", kind: "hours", min: 0, max: 300 * 60 },
      { field: "externalMonthsOverOrdinaryPerYear", kind: "count", min: 0, max: 12 },
    ],
  },
  {
    legend: "rules.group.health",
    fields: [
      { field: "healthNotifyAboveMinutes", kind: "hours", min: 0, max: 300 * 60 },
      { field: "healthInterviewFromMinutes", kind: "hours", min: 0, max: 300 * 60 },
    ],
  },
  {
    legend: "rules.group.otherRates",
    fields: [
      { field: "holidayWorkRate", ...percent },
      { field: "nightShiftRate", ...percent },
    ],
  },
];

export const rateSpec = { ...percent };

/** A rate table with every bucket filled by `fill`. */
export function mapRateTable<T>(fill: (bucket: RateBucket, tier: RateTier) => T): RateTable<T> {
  const tiers = (bucket: RateBucket) => ({ upTo60: fill(bucket, "upTo60"), over60: fill(bucket, "over60") });
  return {
    weekdayDay: tiers("weekdayDay"),
    weekdayNight: tiers("weekdayNight"),
    restDayDay: tiers("restDayDay"),
    restDayNight: tiers("restDayNight"),
    sundayDay: tiers("sundayDay"),
    sundayNight: tiers("sundayNight"),
    holidayDay: tiers("holidayDay"),
    holidayNight: tiers("holidayNight"),
  };
}

export function labelKey(field: ScalarRuleField): MessageKey {
  return `rules.field.${field}`;
}

export function bucketKey(bucket: RateBucket): MessageKey {
  return `rules.bucket.${bucket}`;
}

/** The single-valued fields of a rule set, keyed flat so that one form state holds them all. */
export function flattenRules(rules: WorkRulesDto): Record<ScalarRuleField, number> {
  return {
    dayBoundaryMinute: rules.dayBoundaryMinute,
    nightStartMinute: rules.night.startMinute,
    nightEndMinute: rules.night.endMinute,
    monthlyThresholdMinutes: rules.monthlyThresholdMinutes,
    roundUpFromMinutes: rules.rounding.roundUpFromMinutes,
    divergenceThresholdMinutes: rules.divergenceThresholdMinutes,
    orderUnitMinutes: rules.orderUnitMinutes,
    ordinaryMonthMinutes: rules.caps.ordinary.monthMinutes,
    ordinaryYearMinutes: rules.caps.ordinary.yearMinutes,
    externalMonthMinutesBelow: rules.caps.externallyDriven.monthMinutesBelow,
    externalYearMinutes: rules.caps.externallyDriven.yearMinutes,
    externalAverageWindowMinutes: rules.caps.externallyDriven.averageWindowMinutes,
    externalMonthsOverOrdinaryPerYear: rules.caps.externallyDriven.monthsOverOrdinaryPerYear,
    healthNotifyAboveMinutes: rules.health.notifyAboveMinutes,
    healthInterviewFromMinutes: rules.health.interviewFromMinutes,
    holidayWorkRate: rules.holidayWorkRate,
    nightShiftRate: rules.nightShiftRate,
  };
}

/** The inverse of flattenRules, with the rate table and the punch source beside it. */
export function buildRules(
  values: Record<ScalarRuleField, number>,
  rates: RateTable<number>,
  punchSource: PunchSource,
): WorkRulesDto {
  return {
    dayBoundaryMinute: values.dayBoundaryMinute,
    night: { startMinute: values.nightStartMinute, endMinute: values.nightEndMinute },
    monthlyThresholdMinutes: values.monthlyThresholdMinutes,
    rounding: { roundUpFromMinutes: values.roundUpFromMinutes },
    divergenceThresholdMinutes: values.divergenceThresholdMinutes,
    orderUnitMinutes: values.orderUnitMinutes,
    caps: {
      ordinary: { monthMinutes: values.ordinaryMonthMinutes, yearMinutes: values.ordinaryYearMinutes },
      externallyDriven: {
        monthMinutesBelow: values.externalMonthMinutesBelow,
        yearMinutes: values.externalYearMinutes,
        averageWindowMinutes: values.externalAverageWindowMinutes,
        monthsOverOrdinaryPerYear: values.externalMonthsOverOrdinaryPerYear,
      },
    },
    health: {
      notifyAboveMinutes: values.healthNotifyAboveMinutes,
      interviewFromMinutes: values.healthInterviewFromMinutes,
    },
    rates,
    holidayWorkRate: values.holidayWorkRate,
    nightShiftRate: values.nightShiftRate,
    punchSource,
  };
}

/** A value as the form and the summary show it. */
export function formatRuleValue(kind: RuleFieldKind, value: number): string {
  switch (kind) {
    case "clock":
      return formatClock(value);
    case "hours":
      return formatDuration(value);
    case "minutes":
    case "percent":
    case "count":
      return String(value);
  }
}

/** What was typed, as the number the rules store; null when it cannot be read. */
export function parseRuleValue(kind: RuleFieldKind, text: string): number | null {
  switch (kind) {
    case "clock":
      return parseClock(text);
    case "hours":
      return parseDuration(text);
    case "minutes":
    case "percent":
    case "count":
      return parseWholeNumber(text);
  }
}

/** The version in force on `today`: the latest 施行日 not after it. */
export function findVersionInForce(
  versions: readonly RuleVersionDto[],
  today: string,
): RuleVersionDto | undefined {
  let found: RuleVersionDto | undefined;
  for (const version of versions) {
    if (version.effectiveFrom > today) continue;
    if (found === undefined || version.effectiveFrom > found.effectiveFrom) found = version;
  }
  return found;
}
