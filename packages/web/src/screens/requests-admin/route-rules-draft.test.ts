import { describe, expect, it } from "vitest";
import type { SectionRouteRules } from "../../api/request-admin";
import {
  checkOvertimeHours,
  draftFromRules,
  formatHours,
  type RouteRulesDraft,
  routeChoicesFor,
  rulesFromDraft,
} from "./route-rules-draft";

const sectionHeadAlone: SectionRouteRules = { hrForOvertimeFromMinutes: null, hrForHolidayWork: false };

describe("draftFromRules", () => {
  it("shows an unconfigured section as the section head alone, overtime following the (absent) threshold", () => {
    expect(draftFromRules(sectionHeadAlone)).toEqual({
      routes: {
        overtimeOrder: "byHours",
        overtimeResult: "byHours",
        holidayWork: "sectionHead",
        leave: "sectionHead",
        punchCorrection: "sectionHead",
        compensatoryTime: "sectionHead",
      },
      overtimeToHr: false,
      overtimeHours: "",
    });
  });

  it("reads the threshold in hours, the holiday-work flag and whole routes", () => {
    const draft = draftFromRules({
      hrForOvertimeFromMinutes: 45 * 60,
      hrForHolidayWork: true,
      routes: { leave: ["sectionHead", "hr"], overtimeResult: ["sectionHead"] },
    });
    expect(draft.overtimeToHr).toBe(true);
    expect(draft.overtimeHours).toBe("45");
    expect(draft.routes.holidayWork).toBe("sectionHeadThenHr");
    expect(draft.routes.leave).toBe("sectionHeadThenHr");
    expect(draft.routes.overtimeOrder).toBe("byHours");
    expect(draft.routes.overtimeResult).toBe("sectionHead");
  });

  it("lets a whole holiday-work route win over the flag, as the server does", () => {
    const draft = draftFromRules({
      ...sectionHeadAlone,
      hrForHolidayWork: true,
      routes: { holidayWork: ["sectionHead"] },
    });
    expect(draft.routes.holidayWork).toBe("sectionHead");
  });
});

describe("rulesFromDraft", () => {
  const base = draftFromRules(sectionHeadAlone);

  it("writes back an unconfigured section unchanged", () => {
    expect(rulesFromDraft(base)).toEqual(sectionHeadAlone);
  });

  it("sends overtime to HR from 45 hours and holiday work to HR", () => {
    const draft: RouteRulesDraft = {
      ...base,
      routes: { ...base.routes, holidayWork: "sectionHeadThenHr" },
      overtimeToHr: true,
      overtimeHours: "45",
    };
    expect(rulesFromDraft(draft)).toEqual({ hrForOvertimeFromMinutes: 2700, hrForHolidayWork: true });
  });

  it("writes a whole route only where it differs from what the flags give", () => {
    const draft: RouteRulesDraft = {
      ...base,
      routes: {
        ...base.routes,
        leave: "sectionHeadThenHr",
        overtimeOrder: "sectionHead",
        punchCorrection: "sectionHead",
      },
    };
    expect(rulesFromDraft(draft)).toEqual({
      ...sectionHeadAlone,
      routes: { leave: ["sectionHead", "hr"], overtimeOrder: ["sectionHead"] },
    });
  });

  it("round-trips what it saved", () => {
    const saved: SectionRouteRules = {
      hrForOvertimeFromMinutes: 45 * 60 + 30,
      hrForHolidayWork: true,
      routes: { overtimeResult: ["sectionHead", "hr"], compensatoryTime: ["sectionHead", "hr"] },
    };
    expect(rulesFromDraft(draftFromRules(saved))).toEqual(saved);
  });

  it("sends nothing while the threshold is wrong", () => {
    expect(rulesFromDraft({ ...base, overtimeToHr: true, overtimeHours: "forty" })).toBeNull();
  });
});

describe("checkOvertimeHours", () => {
  it.each<[string, boolean, string, ReturnType<typeof checkOvertimeHours>]>([
    ["switched off, anything typed", false, "abc", null],
    ["whole hours", true, "45", null],
    ["hours and minutes", true, "45:30", null],
    ["zero: every overtime request", true, "0", null],
    ["the most allowed", true, "300", null],
    ["empty", true, " ", "missing"],
    ["a decimal", true, "45.5", "notHours"],
    ["minutes past 59", true, "45:75", "notHours"],
    ["beyond 300 hours", true, "300:01", "outOfRange"],
  ])("%s", (_name, overtimeToHr, overtimeHours, expected) => {
    const draft = { ...draftFromRules(sectionHeadAlone), overtimeToHr, overtimeHours };
    expect(checkOvertimeHours(draft)).toBe(expected);
  });
});

describe("routeChoicesFor and formatHours", () => {
  it("offers the threshold only to overtime", () => {
    expect(routeChoicesFor("overtimeOrder")).toContain("byHours");
    expect(routeChoicesFor("leave")).not.toContain("byHours");
  });

  it("writes minutes as hours", () => {
    expect(formatHours(2700)).toBe("45");
    expect(formatHours(2730)).toBe("45:30");
  });
});
