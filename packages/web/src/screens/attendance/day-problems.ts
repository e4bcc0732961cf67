import type { AttendanceDayDto } from "@tobira/protocol";
import type { MessageKey } from "../../i18n/ja";
import { formatDuration } from "./work-time";

export type DayProblem = AttendanceDayDto["problems"][number];

/** A problem of a day as a message key and its parameters; the screens translate it. */
export interface ProblemLabel {
  key: MessageKey;
  params: Record<string, string>;
}

/** 出勤の打刻なし, 命令のない時間外 1:30, 乖離 0:45 … each short enough for a table cell. */
export function describeProblem(problem: DayProblem): ProblemLabel {
  switch (problem.kind) {
    case "missing_clock_in":
      return { key: "month.problem.missing_clock_in", params: {} };
    case "missing_clock_out":
      return { key: "month.problem.missing_clock_out", params: {} };
    case "overtime_without_order":
      return {
        key: "month.problem.overtime_without_order",
        params: { time: formatDuration(problem.minutes) },
      };
    case "divergence":
      return { key: "month.problem.divergence", params: { time: formatDuration(problem.minutes) } };
  }
}

/** The kind of entry that resolves the problem, so that 修正 opens the form ready for it. */
export function entryKindFor(problem: DayProblem): "punchCorrection" | "overtimeOrder" | "divergenceReason" {
  switch (problem.kind) {
    case "missing_clock_in":
    case "missing_clock_out":
      return "punchCorrection";
    case "overtime_without_order":
      return "overtimeOrder";
    case "divergence":
      return "divergenceReason";
  }
}
