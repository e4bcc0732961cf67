import { areaInputSchema, defaultWorkRules, doorInputSchema, readerInputSchema } from "@tobira/protocol";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { ingestAsReader } from "../../test/ingest-as-reader";
import { insertArea } from "../access/area-repository";
import { insertDoor } from "../access/door-repository";
import { insertReader } from "../access/reader-repository";
import { buildApp } from "../http/app";

describeEachDatabase("the town's choice of door entry and exit as punches", (context) => {
  let app: FastifyInstance;
  let hr: Call;
  let staffId = 0;
  const dayOf = async (date: string) => {
    const month = okJson(await hr("GET", `/api/attendance/staff/${staffId}/months/2026-10`));
    return month.days.find((day: { date: string }) => day.date === date);
  };

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set("2026-09-20T00:00:00Z");
    app = await buildApp(deps);
    staffId = await addStaff(deps, "72001", ["扉", "太郎"]);
    hr = await signInWithRoles(app, deps, "door-punch-hr", ["hr"]);
    const outside = await insertArea(deps.db, areaInputSchema.parse({ name: "屋外" }));
    const hall = await insertArea(deps.db, areaInputSchema.parse({ name: "庁舎", parentId: outside.id }));
    const door = await insertDoor(
      deps.db,
      doorInputSchema.parse({ name: "通用口", fromAreaId: outside.id, toAreaId: hall.id }),
    );
    const entrance = await insertReader(
      deps.db,
      readerInputSchema.parse({ name: "通用口 入", kind: "door", doorId: door.id, side: "entry" }),
    );
    const tap = (eventId: string, occurredAt: string) => ({
      eventId,
      occurredAt,
      kind: "decision",
      credentialKey: `uid:${staffId}`,
      holderId: `staff:${staffId}`,
      granted: true,
      reason: "granted",
      assurance: "tap",
    });
    const sent = await ingestAsReader(deps, entrance.id, [
      tap("door-in", "2026-10-01T08:21:00+09:00"),
      tap("door-out", "2026-10-01T17:19:00+09:00"),
    ]);
    expect(sent.statusCode, sent.body).toBe(200);
  });
  afterAll(() => app.close());

  it("takes only terminal punches by default, so door taps alone leave the day unpunched", async () => {
    expect(await dayOf("2026-10-01")).toMatchObject({ clockIn: null, clockOut: null, workedMinutes: 0 });
  });

  it("takes the first entry and last exit from 施行日 on once HR chooses doors too", async () => {
    okJson(
      await hr("POST", "/api/attendance/rules", {
        effectiveFrom: "2026-10-01",
        rules: { ...defaultWorkRules, punchSource: "terminalAndDoors" },
      }),
    );
    expect(await dayOf("2026-10-01")).toMatchObject({
      clockIn: "08:21",
      clockOut: "17:19",
      workedMinutes: 465,
      problems: [],
    });
  });
});
