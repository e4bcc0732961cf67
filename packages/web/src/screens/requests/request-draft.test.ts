import type { RequestContentDto } from "@tobira/protocol";
import { describe, expect, it } from "vitest";
import { checkDraft, draftContent, draftFromContent, emptyDraft, fieldsOf } from "./request-draft";

const day = "2026-10-14";

describe("a request as typed", () => {
  it("turns a 時間外勤務命令 into content, reading 8:30 as 08:30 and past midnight as 25:30", () => {
    const draft = { ...emptyDraft("overtimeOrder", day), start: "17:30", end: "25:30", reason: "選挙事務" };
    expect(checkDraft(draft)).toEqual({
      ok: true,
      content: {
        kind: "overtimeOrder",
        payload: { date: day, start: "17:30", end: "25:30", reason: "選挙事務" },
      },
    });
    expect(draftContent({ ...draft, start: "8:30" }).payload).toMatchObject({ start: "08:30" });
  });

  it("puts the schema's message on the payload field that is wrong", () => {
    const check = checkDraft({ ...emptyDraft("overtimeOrder", ""), start: "17:3", end: "19:00" });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).toSorted()).toEqual(["date", "start"]);
    expect(check.errors.start).toBe("must be a time HH:MM (past midnight as 24:00–47:59)");
  });

  it("sends the swapped day with 振替 and no day with 手当", () => {
    const draft = {
      ...emptyDraft("holidayWork", "2026-10-17"),
      start: "09:00",
      end: "12:00",
      reason: "イベント",
      compensationDate: "2026-10-20",
    };
    expect(draftContent(draft).payload.compensation).toEqual({ kind: "restDaySwap", date: "2026-10-20" });
    expect(draftContent({ ...draft, compensationKind: "payment" }).payload.compensation).toEqual({
      kind: "payment",
    });
    const missing = checkDraft({ ...draft, compensationDate: "" });
    expect(missing.ok ? null : missing.errors["compensation.date"]).toBe("must be a date written YYYY-MM-DD");
  });

  it("asks a day's leave for the last day and an hour's leave for its times", () => {
    const leave = { ...emptyDraft("leave", day), reason: "私用" };
    expect(fieldsOf(leave)).toEqual(["leaveType", "unit", "date", "to", "reason"]);
    expect(fieldsOf({ ...leave, unit: "hour" })).toEqual([
      "leaveType",
      "unit",
      "date",
      "start",
      "end",
      "reason",
    ]);
    expect(
      draftContent({ ...leave, unit: "hour", start: "9:00", end: "11:00", to: "2026-10-16" }).payload,
    ).toEqual({
      leaveType: "annual",
      unit: "hour",
      date: day,
      start: "09:00",
      end: "11:00",
      reason: "私用",
    });
  });

  it("asks 忌引 for the event, the relation and the evidence, and 子の看護 for the number cared for", () => {
    const bereavement = { ...emptyDraft("leave", day), leaveType: "bereavement" };
    expect(fieldsOf(bereavement)).toEqual([
      "leaveType",
      "unit",
      "date",
      "to",
      "eventId",
      "relation",
      "reason",
      "evidence",
    ]);
    expect(
      draftContent({ ...bereavement, eventId: "祖母", relation: "grandparent", evidence: true }).payload,
    ).toMatchObject({ eventId: "祖母", relation: "grandparent", evidence: true });
    const nursing = { ...emptyDraft("leave", day), leaveType: "childNursing", dependants: "2" };
    expect(draftContent(nursing).payload).toMatchObject({ dependants: 2 });
    expect(draftContent(nursing).payload).not.toHaveProperty("evidence");
  });

  it("leaves an empty clock-in of a 打刻修正 as null", () => {
    const draft = { ...emptyDraft("punchCorrection", day), clockOut: "17:45", reason: "打刻漏れ" };
    expect(draftContent(draft).payload).toEqual({
      date: day,
      clockIn: null,
      clockOut: "17:45",
      reason: "打刻漏れ",
    });
  });

  it("needs an approved order picked before a result is complete", () => {
    const result = { ...emptyDraft("overtimeResult", day), start: "17:30", end: "19:00", reason: "窓口" };
    expect(checkDraft(result).ok).toBe(false);
    expect(checkDraft({ ...result, orderId: "12" })).toMatchObject({
      ok: true,
      content: { kind: "overtimeResult", payload: { orderId: 12 } },
    });
  });

  const contents: RequestContentDto[] = [
    { kind: "overtimeOrder", payload: { date: day, start: "17:30", end: "19:00", reason: "窓口" } },
    {
      kind: "overtimeResult",
      payload: { date: day, start: "17:30", end: "18:30", reason: "窓口", orderId: 4 },
    },
    {
      kind: "holidayWork",
      payload: {
        date: "2026-10-17",
        start: "09:00",
        end: "12:00",
        reason: "イベント",
        compensation: { kind: "compensatoryDay", date: "2026-10-21" },
      },
    },
    {
      kind: "leave",
      payload: {
        leaveType: "bereavement",
        unit: "day",
        date: day,
        to: "2026-10-16",
        reason: "祖母の葬儀",
        evidence: true,
        eventId: "祖母",
        relation: "grandparent",
      },
    },
    { kind: "punchCorrection", payload: { date: day, clockIn: "08:25", clockOut: null, reason: "打刻漏れ" } },
    {
      kind: "compensatoryTime",
      payload: { date: "2026-11-05", start: "08:30", end: "12:30", fromMonth: "2026-10" },
    },
  ];

  it.each(contents.map((content) => [content.kind, content] as const))(
    "reopens a returned %s with the content it was sent with",
    (_kind, content) => {
      expect(checkDraft(draftFromContent(content))).toEqual({ ok: true, content });
    },
  );
});
