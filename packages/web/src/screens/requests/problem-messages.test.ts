import type { RequestProblemDto } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { describeProblem, formatHours } from "./problem-messages";
import { translateIn } from "./test-translate";

const ja = translateIn("ja");
const en = translateIn("en");

const monthCap: RequestProblemDto = {
  field: "end",
  code: "cap_exceeded",
  message: "This order takes 2026-09 to 46 h, 1 h over the 45 h month cap.",
  params: { cap: "month", section: "ordinary", minutes: 2760, limitMinutes: 2700, excessMinutes: 60 },
};

describe("describeProblem", () => {
  it("says in Japanese how far an order passes the 45-hour month cap", () => {
    expect(describeProblem(monthCap, "overtimeOrder", ja, "ja")).toBe(
      "この命令でこの月の時間外勤務は46時間になり、月の上限45時間を1時間超えます。",
    );
    expect(describeProblem(monthCap, "overtimeOrder", en, "en")).toBe(
      "This order takes the month's overtime to 46 h, 1 h over the 45 h month cap.",
    );
  });

  it("words a 他律的 section's month cap differently from an ordinary one", () => {
    const external = {
      ...monthCap,
      params: { ...monthCap.params, section: "externallyDriven", limitMinutes: 6000 },
    };
    expect(describeProblem(external, "overtimeOrder", ja, "ja")).toContain("他律的部署でも100時間未満");
  });

  it("gives the 2–6-month average as a monthly figure", () => {
    const average: RequestProblemDto = {
      field: "end",
      code: "cap_exceeded",
      message: "average",
      params: {
        cap: "average",
        from: "2026-08",
        to: "2026-09",
        windowMonths: 2,
        minutes: 9700,
        limitMinutes: 9600,
        excessMinutes: 100,
      },
    };
    expect(describeProblem(average, "overtimeOrder", ja, "ja")).toBe(
      "この命令で2026-08〜2026-09の2か月の時間外勤務は161時間40分になり、月平均80時間の上限を1時間40分超えます。",
    );
  });

  it("writes minutes of the work day as clock times", () => {
    const problem: RequestProblemDto = {
      field: "end",
      code: "end_before_start",
      message: "The end (17:00) must come after the start (18:30).",
      params: { start: 1110, end: 1020 },
    };
    expect(describeProblem(problem, "overtimeOrder", ja, "ja")).toBe(
      "終了（17:00）は開始（18:30）より後にしてください。",
    );
  });

  it("names the leave unit and the month in the reader's words", () => {
    const unit: RequestProblemDto = {
      field: "unit",
      code: "unit_not_allowed",
      message: "This leave cannot be taken by the halfDay.",
      params: { unit: "halfDay" },
    };
    expect(describeProblem(unit, "leave", ja, "ja")).toBe("この休暇は「半日」の単位では取れません。");
    const closed: RequestProblemDto = {
      field: "date",
      code: "month_closed",
      message: "2026-09 is closed.",
      params: { month: "2026-09" },
    };
    expect(describeProblem(closed, "leave", ja, "ja")).toMatch(/^2026年9月は締め済みです。/);
  });

  it("asks for 業務内容 on overtime and for a reason elsewhere", () => {
    const problem: RequestProblemDto = {
      field: "reason",
      code: "reason_required",
      message: "Give the reason.",
    };
    expect(describeProblem(problem, "overtimeOrder", ja, "ja")).toBe("業務内容を入力してください。");
    expect(describeProblem(problem, "punchCorrection", ja, "ja")).toBe("理由を入力してください。");
  });

  it("falls back to the server's English for an unknown code or a wording whose numbers are missing", () => {
    const unknown: RequestProblemDto = {
      field: "date",
      code: "brand_new_rule",
      message: "A new rule says no.",
    };
    expect(describeProblem(unknown, "leave", ja, "ja")).toBe("A new rule says no.");
    const bare: RequestProblemDto = {
      field: "end",
      code: "cap_exceeded",
      message: "Over the cap.",
      params: { cap: "month" },
    };
    expect(describeProblem(bare, "overtimeOrder", ja, "ja")).toBe("Over the cap.");
  });
});

describe("formatHours", () => {
  it.each([
    [0, "0分", "0 min"],
    [45, "45分", "45 min"],
    [2700, "45時間", "45 h"],
    [125, "2時間5分", "2 h 5 min"],
  ])("%i minutes", (minutes, japanese, english) => {
    expect(formatHours(minutes, "ja")).toBe(japanese);
    expect(formatHours(minutes, "en")).toBe(english);
  });
});
