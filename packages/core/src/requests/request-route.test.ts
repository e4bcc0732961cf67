import { describe, expect, it } from "vitest";
import { defaultSectionRouteRules, resolveRoute, type SectionRouteRules } from "./request-route";

describe("resolveRoute", () => {
  it("sends every kind to the section head alone by default", () => {
    expect(resolveRoute("leave")).toEqual(["sectionHead"]);
    expect(resolveRoute("holidayWork", defaultSectionRouteRules)).toEqual(["sectionHead"]);
    expect(resolveRoute("overtimeOrder", defaultSectionRouteRules, 100 * 60)).toEqual(["sectionHead"]);
  });

  it("adds HR for overtime once the month reaches the threshold, not a minute before", () => {
    const rules: SectionRouteRules = { hrForOvertimeFromMinutes: 45 * 60, hrForHolidayWork: false };
    expect(resolveRoute("overtimeOrder", rules, 45 * 60 - 1)).toEqual(["sectionHead"]);
    expect(resolveRoute("overtimeOrder", rules, 45 * 60)).toEqual(["sectionHead", "hr"]);
    expect(resolveRoute("overtimeResult", rules, 50 * 60)).toEqual(["sectionHead", "hr"]);
    expect(resolveRoute("leave", rules, 50 * 60)).toEqual(["sectionHead"]);
  });

  it("adds HR for holiday work when the section is so configured", () => {
    const rules: SectionRouteRules = { hrForOvertimeFromMinutes: null, hrForHolidayWork: true };
    expect(resolveRoute("holidayWork", rules)).toEqual(["sectionHead", "hr"]);
    expect(resolveRoute("punchCorrection", rules)).toEqual(["sectionHead"]);
  });

  it("uses a route configured for the kind over the defaults", () => {
    const rules: SectionRouteRules = {
      routes: { punchCorrection: ["sectionHead", "hr"], compensatoryTime: ["hr"] },
      hrForOvertimeFromMinutes: null,
      hrForHolidayWork: false,
    };
    expect(resolveRoute("punchCorrection", rules)).toEqual(["sectionHead", "hr"]);
    expect(resolveRoute("compensatoryTime", rules)).toEqual(["hr"]);
  });
});
