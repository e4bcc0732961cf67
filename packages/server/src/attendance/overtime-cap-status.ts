import { type CapFinding, checkOvertimeCaps, type MonthOvertime, type WorkRules } from "@tobira/core";
import type { OvertimeCapStatusDto, SectionDesignationDto } from "@tobira/protocol";
import { listRuleVersions } from "../attendance-rules/rule-version-repository";
import { listSectionDesignations } from "../attendance-rules/section-designation-repository";
import type { Deps } from "../deps";
import { computeStaffMonths, findRulesInForce } from "./compute-staff-months";
import { findMonthRange } from "./month-dates";

export interface CapSubject {
  staffId: number;
  departmentId: number;
  /** This month's 時間外勤務 (capMinutes), already computed. */
  monthMinutes: number;
}

/**
 * Each person's overtime against the caps: this month and the fiscal year so far (April on), the months
 * before this one computed from the store. The section's 他律的 designation on the month's last day
 * decides which caps apply; the earlier months count whatever the section then.
 */
export async function computeCapStatuses(
  deps: Pick<Deps, "db">,
  subjects: readonly CapSubject[],
  month: string,
): Promise<Map<number, OvertimeCapStatusDto>> {
  const { last } = findMonthRange(month);
  const [versions, designations] = await Promise.all([
    listRuleVersions(deps.db),
    listSectionDesignations(deps.db),
  ]);
  const rules = findRulesInForce(versions, last);
  const earlier = new Map<number, MonthOvertime[]>(subjects.map((s) => [s.staffId, []]));
  const ids = subjects.map((s) => s.staffId);
  for (const earlierMonth of listEarlierFiscalMonths(month)) {
    await computeStaffMonths(deps, ids, earlierMonth, (computed) => {
      earlier.get(computed.staffId)?.push({
        month: earlierMonth,
        overtimeMinutes: computed.totals.capMinutes,
        externallyDriven: false,
      });
    });
  }
  const statuses = new Map<number, OvertimeCapStatusDto>();
  for (const subject of subjects) {
    const externallyDriven = isExternallyDriven(designations, subject.departmentId, last);
    const months = [
      ...(earlier.get(subject.staffId) ?? []),
      { month, overtimeMinutes: subject.monthMinutes, externallyDriven },
    ];
    statuses.set(subject.staffId, describeCapStatus(months, externallyDriven, rules));
  }
  return statuses;
}

export function describeCapStatus(
  months: readonly MonthOvertime[],
  externallyDriven: boolean,
  rules: WorkRules,
): OvertimeCapStatusDto {
  const findings = checkOvertimeCaps({ months }, rules);
  const current = months.at(-1)?.overtimeMinutes ?? 0;
  return {
    section: externallyDriven ? "externallyDriven" : "ordinary",
    monthMinutes: current,
    monthCapMinutes: externallyDriven
      ? rules.caps.externallyDriven.monthMinutesBelow
      : rules.caps.ordinary.monthMinutes,
    fiscalYearMinutes: months.reduce((sum, m) => sum + m.overtimeMinutes, 0),
    fiscalYearCapMinutes: externallyDriven
      ? rules.caps.externallyDriven.yearMinutes
      : rules.caps.ordinary.yearMinutes,
    healthNoticeMinutes: rules.health.notifyAboveMinutes,
    findings: findings.map((finding) => ({ kind: finding.kind, message: describeFinding(finding) })),
    health: findings.some((f) => f.kind === "health_interview")
      ? "interview"
      : findings.some((f) => f.kind === "health_notify")
        ? "notify"
        : "none",
  };
}

/** April of the month's fiscal year up to the month before it, "YYYY-MM". */
export function listEarlierFiscalMonths(month: string): string[] {
  const year = Number(month.slice(0, 4));
  const monthOfYear = Number(month.slice(5, 7));
  const fiscalStartYear = monthOfYear >= 4 ? year : year - 1;
  const months: string[] = [];
  for (let index = 0; ; index += 1) {
    const m = ((3 + index) % 12) + 1;
    const y = fiscalStartYear + Math.floor((3 + index) / 12);
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key >= month) return months;
    months.push(key);
  }
}

function isExternallyDriven(
  designations: readonly SectionDesignationDto[],
  departmentId: number,
  date: string,
): boolean {
  return designations.some(
    (d) =>
      d.departmentId === departmentId &&
      d.externallyDriven &&
      d.from <= date &&
      (d.to === null || d.to >= date),
  );
}

const hours = (minutes: number) => `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}`;

function describeFinding(finding: CapFinding): string {
  switch (finding.kind) {
    case "month_cap":
      return `${finding.month}: ${hours(finding.minutes)} against the month cap of ${hours(finding.limitMinutes)}`;
    case "year_cap":
      return `Fiscal year ${finding.fiscalYear}: ${hours(finding.minutes)} against ${hours(finding.limitMinutes)}`;
    case "average_cap":
      return `${finding.from}–${finding.to}: ${finding.windowMonths}-month average above ${hours(finding.averageLimitMinutes)}`;
    case "months_over_45":
      return `Fiscal year ${finding.fiscalYear}: ${finding.months.length} months over the ordinary cap (limit ${finding.limit})`;
    case "health_notify":
      return `${finding.month}: ${hours(finding.minutes)}, above ${hours(finding.aboveMinutes)} (health notice)`;
    case "health_interview":
      return `${finding.month}: ${hours(finding.minutes)}, ${hours(finding.fromMinutes)} or more (doctor's interview)`;
  }
}
