import { describe, expect, it } from "vitest";
import { contentFacts, leaveTypeLabel, summariseContent } from "./request-summary";
import { translateIn } from "./test-translate";

const t = translateIn("ja");

describe("a request in a line and as facts", () => {
  it("sums up holiday work with the swapped day", () => {
    expect(
      summariseContent(
        {
          kind: "holidayWork",
          payload: {
            date: "2026-10-17",
            start: "09:00",
            end: "12:00",
            reason: "イベント",
            compensation: { kind: "restDaySwap", date: "2026-10-20" },
          },
        },
        t,
        "ja",
      ),
    ).toBe("2026年10月17日 09:00–12:00（振替 2026年10月20日）");
  });

  it("sums up a run of leave days by type, span and unit", () => {
    const content = {
      kind: "leave" as const,
      payload: {
        leaveType: "summer",
        unit: "day" as const,
        date: "2026-08-10",
        to: "2026-08-12",
        reason: "",
      },
    };
    expect(summariseContent(content, t, "ja")).toBe("夏季休暇 2026年8月10日–2026年8月12日（1日）");
  });

  it("shows a town's own leave code as it is", () => {
    expect(leaveTypeLabel("townFestival", t)).toBe("townFestival");
    expect(leaveTypeLabel("annual", t)).toBe("年次有給休暇");
  });

  it("lists a punch correction's missing side as a dash", () => {
    const facts = contentFacts(
      {
        kind: "punchCorrection",
        payload: { date: "2026-10-14", clockIn: null, clockOut: "17:45", reason: "打刻漏れ" },
      },
      t,
      "ja",
    );
    expect(facts).toEqual([
      { label: "日付", value: "2026年10月14日" },
      { label: "出勤", value: "—" },
      { label: "退勤", value: "17:45" },
      { label: "理由", value: "打刻漏れ" },
    ]);
  });
});
