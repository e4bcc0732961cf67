import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { createAccount, type Session, signInAs } from "../../test/http";
import { buildApp } from "../http/app";

describeEachDatabase("calendar with the town's own days", (context) => {
  let app: FastifyInstance;
  let hr: Session;
  beforeAll(async () => {
    app = await buildApp(context().deps);
    await createAccount(context().deps, "hr", ["staff", "hr"]);
    hr = await signInAs(app, "hr");
  });
  afterAll(() => app.close());

  const dayOf = async (date: string) => {
    const response = await app.inject({
      method: "GET",
      url: `/api/calendar/${date.slice(0, 4)}`,
      headers: hr.headers,
    });
    return response.json().days.find((d: { date: string }) => d.date === date);
  };

  it("lists 2026 with 国民の休日 on 9/22 and the year-end days", async () => {
    expect(await dayOf("2026-09-22")).toMatchObject({ kind: "holiday", reason: "national_holiday" });
    expect(await dayOf("2026-12-29")).toMatchObject({ kind: "holiday", reason: "year_end" });
    expect(await dayOf("2026-11-27")).toMatchObject({ kind: "workday" });
  });

  it("lets HR declare a town holiday and a town workday that override the computation, audited", async () => {
    const put = await app.inject({
      method: "PUT",
      url: "/api/calendar/town-days/2026-08-14",
      headers: hr.headers,
      payload: { kind: "holiday", name: "町の盆休み" },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await dayOf("2026-08-14")).toMatchObject({
      kind: "holiday",
      reason: "town_holiday",
      name: "町の盆休み",
    });
    await app.inject({
      method: "PUT",
      url: "/api/calendar/town-days/2026-11-03",
      headers: hr.headers,
      payload: { kind: "workday", name: "町制記念行事" },
    });
    expect(await dayOf("2026-11-03")).toMatchObject({ kind: "workday", reason: "town_workday" });
    const removed = await app.inject({
      method: "DELETE",
      url: "/api/calendar/town-days/2026-11-03",
      headers: hr.headers,
    });
    expect(removed.statusCode).toBe(200);
    expect(await dayOf("2026-11-03")).toMatchObject({ kind: "holiday", reason: "national_holiday" });
    const audit = await context()
      .deps.db.selectFrom("audit_log")
      .select("action")
      .where("target_type", "=", "townDay")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "calendar.townDaySet",
      "calendar.townDaySet",
      "calendar.townDayRemoved",
    ]);
  });

  it("refuses a date that does not exist with a clear message", async () => {
    const bad = await app.inject({
      method: "PUT",
      url: "/api/calendar/town-days/2026-13-01",
      headers: hr.headers,
      payload: { kind: "holiday", name: "x" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/params\.date: must be a date written YYYY-MM-DD/);
  });
});
