import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { ja } from "../../i18n/ja";
import { checkDraft, draftBody, emptyDraft, entryMessageKey, fieldsOf } from "./entry-draft";

const day = "2026-10-14";

describe("an attendance entry as typed", () => {
  it("sends a 打刻修正 with only the clock-out, written as the protocol writes times", () => {
    const check = checkDraft({ ...emptyDraft(day), clockOut: "17:30", reason: "退勤の打刻漏れ" });
    expect(check).toEqual({
      ok: true,
      input: {
        kind: "punchCorrection",
        date: day,
        clockIn: null,
        clockOut: "17:30",
        reason: "退勤の打刻漏れ",
      },
    });
  });

  it("reads 8:30 as 08:30 and 25:30 as half past one the next morning", () => {
    const draft = { ...emptyDraft(day, "overtimeOrder"), start: "17:30", end: "25:30", reason: "選挙事務" };
    expect(draftBody(draft)).toEqual({
      kind: "overtimeOrder",
      date: day,
      start: "17:30",
      end: "25:30",
      reason: "選挙事務",
    });
    expect(draftBody({ ...draft, start: "8:30" })).toMatchObject({ start: "08:30" });
    expect(checkDraft(draft).ok).toBe(true);
  });

  it("puts the schema's message on the field that is wrong", () => {
    const check = checkDraft({ ...emptyDraft(day), clockIn: "17:30", clockOut: "08:30", reason: "" });
    expect(check).toEqual({
      ok: false,
      errors: { clockOut: "must be after the clock-in", reason: "must not be empty" },
    });
  });

  it("asks for at least one corrected punch", () => {
    const check = checkDraft({ ...emptyDraft(day), reason: "打刻漏れ" });
    expect(check).toEqual({
      ok: false,
      errors: { clockOut: "give the corrected clock-in, clock-out or both" },
    });
  });

  it("refuses a time that is not HH:MM", () => {
    const check = checkDraft({ ...emptyDraft(day), clockIn: "830", reason: "打刻漏れ" });
    expect(check.ok ? null : check.errors.clockIn).toBe(
      "must be a time HH:MM (past midnight as 24:00–47:59)",
    );
  });

  it("takes leave for the whole day without times, and by the hour only with both", () => {
    const leave = { ...emptyDraft(day, "leave"), leaveType: "annual", reason: "私用" };
    expect(checkDraft(leave)).toMatchObject({ ok: true, input: { start: null, end: null } });
    expect(checkDraft({ ...leave, start: "09:00", end: "10:00" })).toMatchObject({
      ok: true,
      input: { start: null },
    });
    const hours = { ...leave, wholeDay: false, start: "09:00" };
    expect(checkDraft(hours)).toEqual({
      ok: false,
      errors: { end: "give both the start and the end, or neither for the whole day" },
    });
    expect(checkDraft({ ...hours, end: "11:00" })).toMatchObject({
      ok: true,
      input: { start: "09:00", end: "11:00" },
    });
  });

  it("shows the fields each kind needs", () => {
    expect(fieldsOf({ kind: "punchCorrection", wholeDay: true })).toEqual([
      "date",
      "clockIn",
      "clockOut",
      "reason",
    ]);
    expect(fieldsOf({ kind: "leave", wholeDay: false })).toContain("start");
    expect(fieldsOf({ kind: "holidayWork", wholeDay: true })).toEqual(["date", "compensation", "reason"]);
  });

  it("says every message the schema gives for these fields in Japanese and English", () => {
    const messages = [
      checkDraft({ ...emptyDraft(day), clockIn: "17:30", clockOut: "08:30", reason: "" }),
      checkDraft({ ...emptyDraft(day), reason: "x".repeat(201) }),
      checkDraft({ ...emptyDraft(day, "overtimeOrder"), start: "18:00", end: "17:00", reason: "x" }),
      checkDraft({ ...emptyDraft("2026-13-01", "leave"), wholeDay: false, start: "9", reason: "x" }),
    ].flatMap((check) => (check.ok ? [] : Object.values(check.errors)));
    expect(messages.length).toBeGreaterThanOrEqual(7);
    for (const message of messages) {
      const key = entryMessageKey(message);
      expect(key, message).not.toBeNull();
      if (key === null) continue;
      expect(ja[key]).toMatch(/./);
      expect(en[key]).toMatch(/./);
    }
  });
});
