import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addStaff, type Call, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase } from "../../test/databases";
import { ingestAsReader } from "../../test/ingest-as-reader";
import { buildApp } from "../http/app";

const start = "2026-04-01T00:00:00.000Z";

function secondsBefore(at: string, seconds: number): string {
  return new Date(Date.parse(at) - seconds * 1000).toISOString();
}

describeEachDatabase("access events: ingestion, log, alarms and who is inside", (context) => {
  let app: FastifyInstance;
  let security: Call;
  let auditor: Call;
  const ids = {
    hall: 0,
    serverRoom: 0,
    archive: 0,
    serverDoor: 0,
    archiveDoor: 0,
    serverIn: 0,
    serverOut: 0,
    archiveIn: 0,
    sato: 0,
    suzuki: 0,
    tanaka: 0,
  };

  const send = (readerId: number, events: object[]) => ingestAsReader(context().deps, readerId, events);
  const decision = (eventId: string, occurredAt: string, holder: string, granted: boolean, more = {}) => ({
    eventId,
    occurredAt,
    kind: "decision",
    credentialKey: `uid:${holder}`,
    holderId: holder,
    granted,
    reason: granted ? "granted" : "no_permission",
    assurance: "tap",
    ...more,
  });
  const stored = async (eventIds: string[]) =>
    context()
      .deps.db.selectFrom("access_event")
      .selectAll()
      .where("event_id", "in", eventIds)
      .orderBy("seq")
      .execute();
  const audited = async (action: string) =>
    context()
      .deps.db.selectFrom("audit_log")
      .select(["actor", "target_id", "details"])
      .where("action", "=", action)
      .orderBy("seq")
      .execute();

  beforeAll(async () => {
    const { deps } = context();
    deps.clock.set(start);
    app = await buildApp(deps);
    security = await signInWithRoles(app, deps, "security", ["staff", "securityAdmin"]);
    auditor = await signInWithRoles(app, deps, "auditor", ["staff", "auditor"]);
    ids.hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
    ids.serverRoom = okJson(
      await security("POST", "/api/access/areas", { name: "サーバ室", parentId: ids.hall }),
    ).id;
    ids.archive = okJson(
      await security("POST", "/api/access/areas", { name: "書庫", parentId: ids.hall }),
    ).id;
    ids.serverDoor = okJson(
      await security("POST", "/api/access/doors", {
        name: "サーバ室入口",
        fromAreaId: ids.hall,
        toAreaId: ids.serverRoom,
      }),
    ).id;
    // A name that a spreadsheet would run as a formula, to prove the export escapes it.
    ids.archiveDoor = okJson(
      await security("POST", "/api/access/doors", {
        name: "=書庫扉",
        fromAreaId: ids.hall,
        toAreaId: ids.archive,
      }),
    ).id;
    const reader = async (name: string, doorId: number, side: string) =>
      okJson(await security("POST", "/api/access/readers", { name, kind: "door", doorId, side })).id;
    ids.serverIn = await reader("サーバ室 入側", ids.serverDoor, "entry");
    ids.serverOut = await reader("サーバ室 出側", ids.serverDoor, "exit");
    // The archive has a reader on the way in only, so it never counts who is inside.
    ids.archiveIn = await reader("書庫 入側", ids.archiveDoor, "entry");
    ids.sato = await addStaff(deps, "40001", ["佐藤", "花子"]);
    ids.suzuki = await addStaff(deps, "40002", ["鈴木", "一郎"]);
    ids.tanaka = await addStaff(deps, "40003", ["田中", "次郎"]);
  });
  afterAll(() => app.close());

  it("stores a batch once and acknowledges repeats, in the batch and later, as duplicates", async () => {
    const sato = `staff:${ids.sato}`;
    const batch = [
      decision("idem-1", start, sato, true),
      decision("idem-2", start, sato, false),
      decision("idem-1", start, sato, true),
    ];
    expect(okJson(await send(ids.archiveIn, batch))).toEqual({
      accepted: ["idem-1", "idem-2"],
      duplicates: ["idem-1"],
    });
    expect(okJson(await send(ids.archiveIn, batch))).toEqual({
      accepted: [],
      duplicates: ["idem-1", "idem-2", "idem-1"],
    });
    const rows = await stored(["idem-1", "idem-2"]);
    expect(rows.map((r) => [r.event_id, r.door_id, r.direction, r.granted, r.live])).toEqual([
      ["idem-1", ids.archiveDoor, "entry", 1, 1],
      ["idem-2", ids.archiveDoor, "entry", 0, 1],
    ]);
  });

  it("stores an event once when two batches carrying it arrive at the same time", async () => {
    const event = decision("race-1", start, `staff:${ids.sato}`, true);
    const results = await Promise.all([send(ids.archiveIn, [event]), send(ids.archiveIn, [event])]);
    const bodies = results.map(okJson);
    expect(bodies.flatMap((b) => b.accepted)).toEqual(["race-1"]);
    expect(bodies.flatMap((b) => b.duplicates)).toEqual(["race-1"]);
    expect((await stored(["race-1"])).length).toBe(1);
  });

  it("refuses events from a reader that is not registered and stores nothing", async () => {
    const response = await send(9999, [decision("ghost-1", start, `staff:${ids.sato}`, true)]);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain("Reader 9999 is not registered");
    expect(await stored(["ghost-1"])).toEqual([]);
  });

  it("refuses a decision without its result and a reason that does not match it", async () => {
    const missing = await send(ids.archiveIn, [{ eventId: "bad-1", occurredAt: start, kind: "decision" }]);
    expect(missing.statusCode).toBe(400);
    const mismatched = await send(ids.archiveIn, [
      decision("bad-2", start, `staff:${ids.sato}`, true, { reason: "revoked" }),
    ]);
    expect(mismatched.statusCode).toBe(400);
    expect(await stored(["bad-1", "bad-2"])).toEqual([]);
  });

  it("stores an event 120 s old as live and one a millisecond older as late", async () => {
    const sato = `staff:${ids.sato}`;
    const edge = new Date(Date.parse(start) - 120_000);
    okJson(
      await send(ids.archiveIn, [
        decision("edge-live", edge.toISOString(), sato, true),
        decision("edge-late", new Date(edge.getTime() - 1).toISOString(), sato, true),
        // The reader's clock running ahead is not late.
        decision("edge-ahead", secondsBefore(start, -30), sato, true),
      ]),
    );
    const rows = await stored(["edge-live", "edge-late", "edge-ahead"]);
    expect(Object.fromEntries(rows.map((r) => [r.event_id, r.live]))).toEqual({
      "edge-live": 1,
      "edge-late": 0,
      "edge-ahead": 1,
    });
  });

  it("raises alarms for live forced, held, tamper and offline events but not for late ones", async () => {
    const { deps } = context();
    const now = "2026-04-01T00:05:00.000Z";
    deps.clock.set(now);
    const before = okJson(await auditor("GET", "/api/access/alarms")).items.length;
    okJson(
      await send(ids.serverIn, [
        { eventId: "alarm-forced", occurredAt: now, kind: "door_forced" },
        { eventId: "alarm-held-late", occurredAt: secondsBefore(now, 600), kind: "door_held" },
        { eventId: "alarm-tamper", occurredAt: now, kind: "tamper" },
        { eventId: "alarm-offline-late", occurredAt: secondsBefore(now, 3600), kind: "reader_offline" },
        { eventId: "alarm-button", occurredAt: now, kind: "exit_button" },
      ]),
    );
    const alarms = okJson(await auditor("GET", "/api/access/alarms?open=true")).items;
    expect(alarms.length - before).toBe(2);
    expect(
      alarms.slice(0, 2).map((a: { kind: string; doorName: string; readerName: string }) => a.kind),
    ).toEqual(["tamper", "forced_open"]);
    expect(alarms[0]).toMatchObject({
      doorName: "サーバ室入口",
      readerName: "サーバ室 入側",
      acknowledgedAt: null,
    });
    expect((await audited("access.alarmRaised")).length).toBe(alarms.length);
  });

  it("raises one repeated_refusals alarm for the third live refusal of a card at a door within 60 s", async () => {
    const { deps } = context();
    const now = "2026-04-01T00:10:00.000Z";
    deps.clock.set(now);
    const suzuki = `staff:${ids.suzuki}`;
    const countRepeated = async () =>
      okJson(await auditor("GET", "/api/access/alarms")).items.filter(
        (a: { kind: string }) => a.kind === "repeated_refusals",
      ).length;
    // Three late refusals: too old to act on.
    okJson(
      await send(ids.serverIn, [
        decision("late-refusal-1", secondsBefore(now, 300), suzuki, false),
        decision("late-refusal-2", secondsBefore(now, 290), suzuki, false),
        decision("late-refusal-3", secondsBefore(now, 280), suzuki, false),
      ]),
    );
    expect(await countRepeated()).toBe(0);
    // Two live refusals 70 s apart do not make a burst with the third.
    okJson(await send(ids.serverIn, [decision("refusal-1", secondsBefore(now, 100), suzuki, false)]));
    okJson(await send(ids.serverIn, [decision("refusal-2", secondsBefore(now, 30), suzuki, false)]));
    okJson(await send(ids.serverIn, [decision("refusal-3", secondsBefore(now, 20), suzuki, false)]));
    expect(await countRepeated()).toBe(0);
    okJson(
      await send(ids.serverIn, [
        decision("refusal-4", secondsBefore(now, 10), suzuki, false),
        decision("refusal-5", now, suzuki, false),
      ]),
    );
    expect(await countRepeated()).toBe(1);
  });

  it("acknowledges an alarm only with a comment, once, and audits who did it and why", async () => {
    const open = okJson(await auditor("GET", "/api/access/alarms?open=true")).items;
    const alarm = open[0];
    const noComment = await security("POST", `/api/access/alarms/${alarm.id}/acknowledge`, { comment: " " });
    expect(noComment.statusCode).toBe(400);
    const byAuditor = await auditor("POST", `/api/access/alarms/${alarm.id}/acknowledge`, {
      comment: "見た",
    });
    expect(byAuditor.statusCode).toBe(403);
    const acknowledged = okJson(
      await security("POST", `/api/access/alarms/${alarm.id}/acknowledge`, {
        comment: "警備員が確認、異常なし",
      }),
    );
    expect(acknowledged).toMatchObject({ acknowledgedBy: "security", comment: "警備員が確認、異常なし" });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    const again = await security("POST", `/api/access/alarms/${alarm.id}/acknowledge`, { comment: "再確認" });
    expect(again.statusCode).toBe(409);
    const missing = await security("POST", "/api/access/alarms/99999/acknowledge", { comment: "x" });
    expect(missing.statusCode).toBe(404);
    const stillOpen = okJson(await auditor("GET", "/api/access/alarms?open=true")).items;
    expect(stillOpen.map((a: { id: number }) => a.id)).not.toContain(alarm.id);
    const closed = okJson(await auditor("GET", "/api/access/alarms?open=false")).items;
    expect(closed.map((a: { id: number }) => a.id)).toEqual([alarm.id]);
    const entries = await audited("access.alarmAcknowledged");
    expect(entries.map((e) => [e.actor, e.target_id, JSON.parse(e.details).comment])).toEqual([
      ["security", String(alarm.id), "警備員が確認、異常なし"],
    ]);
  });

  it("counts who is inside from live entries and exits at doors with readers on both sides", async () => {
    const { deps } = context();
    const now = "2026-04-01T00:15:00.000Z";
    deps.clock.set(now);
    const [sato, suzuki, tanaka] = [ids.sato, ids.suzuki, ids.tanaka].map((id) => `staff:${id}`);
    okJson(
      await send(ids.serverIn, [
        decision("occ-sato-in", secondsBefore(now, 50), sato ?? "", true),
        decision("occ-suzuki-in", secondsBefore(now, 40), suzuki ?? "", true),
        // A late entry is in the log but moves nobody.
        decision("occ-tanaka-in", secondsBefore(now, 900), tanaka ?? "", true),
        // A refusal is no passage.
        decision("occ-tanaka-refused", secondsBefore(now, 5), tanaka ?? "", false),
      ]),
    );
    okJson(
      await send(ids.serverOut, [decision("occ-suzuki-out", secondsBefore(now, 10), suzuki ?? "", true)]),
    );
    // Entering the archive (a reader on one side only) counts nowhere.
    okJson(await send(ids.archiveIn, [decision("occ-tanaka-archive", now, tanaka ?? "", true)]));

    const occupancy = okJson(await auditor("GET", "/api/access/occupancy"));
    expect(occupancy.areas).toEqual([
      {
        areaId: ids.serverRoom,
        areaName: "サーバ室",
        count: 1,
        occupants: [
          {
            holderId: sato,
            name: "佐藤 花子",
            areaId: ids.serverRoom,
            areaName: "サーバ室",
            doorId: ids.serverDoor,
            doorName: "サーバ室入口",
            enteredAt: secondsBefore(now, 50),
          },
        ],
      },
    ]);
    const muster = okJson(await auditor("GET", "/api/access/muster"));
    expect(muster.count).toBe(1);
    expect(muster.items.map((o: { name: string; areaName: string }) => [o.name, o.areaName])).toEqual([
      ["佐藤 花子", "サーバ室"],
    ]);
    okJson(await send(ids.serverOut, [decision("occ-sato-out", now, sato ?? "", true)]));
    expect(okJson(await auditor("GET", "/api/access/muster")).count).toBe(0);
  });

  it("places a person by when each passage happened, not by when a reader delivered it", async () => {
    const { deps } = context();
    const now = "2026-04-01T00:30:00.000Z";
    deps.clock.set(now);
    const tanaka = `staff:${ids.tanaka}`;
    // The exit reader delivers first; the entry reader, catching up, delivers the earlier entry after it.
    okJson(await send(ids.serverOut, [decision("order-tanaka-out", secondsBefore(now, 20), tanaka, true)]));
    okJson(await send(ids.serverIn, [decision("order-tanaka-in", secondsBefore(now, 30), tanaka, true)]));
    expect(okJson(await auditor("GET", "/api/access/muster")).count).toBe(0);

    okJson(
      await send(ids.serverIn, [decision("order-tanaka-in-again", secondsBefore(now, 5), tanaka, true)]),
    );
    const muster = okJson(await auditor("GET", "/api/access/muster"));
    expect(
      muster.items.map((o: { holderId: string; enteredAt: string }) => [o.holderId, o.enteredAt]),
    ).toEqual([[tanaka, secondsBefore(now, 5)]]);
  });

  it("filters the log by person, door, area and result, with names joined", async () => {
    const suzuki = okJson(
      await auditor("GET", `/api/access/log?staffId=${ids.suzuki}&result=denied&limit=1000`),
    );
    expect(suzuki.items.length).toBe(8);
    expect(suzuki.items[0]).toMatchObject({
      holderName: "鈴木 一郎",
      doorName: "サーバ室入口",
      areaName: "サーバ室",
      readerName: "サーバ室 入側",
      direction: "entry",
      granted: false,
      reason: "no_permission",
    });
    const archive = okJson(
      await auditor("GET", `/api/access/log?doorId=${ids.archiveDoor}&limit=1000`),
    ).items;
    expect(archive.every((e: { doorId: number }) => e.doorId === ids.archiveDoor)).toBe(true);
    const byArea = okJson(await auditor("GET", `/api/access/log?areaId=${ids.archive}&limit=1000`)).items;
    expect(byArea.map((e: { eventId: string }) => e.eventId)).toEqual(
      archive.map((e: { eventId: string }) => e.eventId),
    );
    const byHall = okJson(await auditor("GET", `/api/access/log?areaId=${ids.hall}&limit=1000`)).items;
    expect(byHall.length).toBeGreaterThan(archive.length);
    const window = okJson(
      await auditor(
        "GET",
        "/api/access/log?from=2026-04-01T00:14:00Z&to=2026-04-01T09:16:00%2B09:00&limit=1000",
      ),
    ).items;
    expect(window.map((e: { eventId: string }) => e.eventId).sort()).toEqual(
      [
        "occ-sato-in",
        "occ-sato-out",
        "occ-suzuki-in",
        "occ-suzuki-out",
        "occ-tanaka-archive",
        "occ-tanaka-refused",
      ].sort(),
    );
    const firstPage = okJson(await auditor("GET", "/api/access/log?limit=2")).items;
    const nextPage = okJson(await auditor("GET", `/api/access/log?limit=2&before=${firstPage[1].seq}`)).items;
    expect(nextPage[0].seq).toBe(firstPage[1].seq - 1);
    const staff = await signInWithRoles(app, context().deps, "plainstaff", ["staff"]);
    expect((await staff("GET", "/api/access/log")).statusCode).toBe(403);
  });

  it("exports a month of one area as CSV with formula-like cells escaped, and audits the export", async () => {
    const response = await auditor(
      "GET",
      `/api/access/log/export?format=csv&month=2026-04&areaId=${ids.archive}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="access-log-2026-04-area-${ids.archive}.csv"`,
    );
    const lines = response.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("日時,区域,扉,読取装置,種別,方向,氏名,利用者ID,結果,理由,認証方式,遅延受信");
    expect(lines).toContain(
      `2026-04-01 09:00:00,書庫,'=書庫扉,書庫 入側,認証,入室,佐藤 花子,staff:${ids.sato},拒否,no_permission,tap,`,
    );
    expect(lines).toContain(
      `2026-04-01 08:57:59,書庫,'=書庫扉,書庫 入側,認証,入室,佐藤 花子,staff:${ids.sato},許可,granted,tap,遅延`,
    );
    expect(lines.some((line) => line.includes("サーバ室"))).toBe(false);
    const xlsx = await auditor("GET", "/api/access/log/export?format=xlsx&month=2026-04");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const entries = await audited("access.logExported");
    expect(entries.map((e) => [e.actor, JSON.parse(e.details).fileName])).toEqual([
      ["auditor", `access-log-2026-04-area-${ids.archive}.csv`],
      ["auditor", "access-log-2026-04.xlsx"],
    ]);
    expect((await auditor("GET", "/api/access/log/export?month=2026-13")).statusCode).toBe(400);
  });

  it("exports a month as a printable PDF with the font embedded, one page per screenful, and audits it", async () => {
    const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
    const printedAt = "2026-04-01T00:20:00.000Z";
    context().deps.clock.set(printedAt);
    const url = `/api/access/log/export?format=pdf&month=2026-04&areaId=${ids.archive}`;
    const response = await auditor("GET", url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="access-log-2026-04-area-${ids.archive}.pdf"`,
    );
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
    expect(pdf.includes("BIZUDPGothic")).toBe(true);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    // The same month printed at the same moment is the same file.
    expect((await auditor("GET", url)).rawPayload.equals(pdf)).toBe(true);

    const empty = await auditor("GET", "/api/access/log/export?format=pdf&month=2026-11");
    expect(empty.statusCode).toBe(200);
    expect(pageCount(empty.rawPayload)).toBe(1);

    const sato = `staff:${ids.sato}`;
    const busyDay = Date.parse("2026-02-10T00:00:00.000Z");
    const events = Array.from({ length: 120 }, (_, index) =>
      decision(`pdf-long-${index}`, new Date(busyDay + index * 60_000).toISOString(), sato, true),
    );
    expect(okJson(await send(ids.archiveIn, events)).accepted).toHaveLength(120);
    const long = await auditor("GET", "/api/access/log/export?format=pdf&month=2026-02");
    expect(long.statusCode).toBe(200);
    expect(pageCount(long.rawPayload)).toBeGreaterThanOrEqual(2);

    const entries = await audited("access.logExported");
    expect(
      entries
        .map((e) => JSON.parse(e.details))
        .filter((details) => details.format === "pdf")
        .map((details) => [details.fileName, details.rows]),
    ).toEqual([
      [`access-log-2026-04-area-${ids.archive}.pdf`, expect.any(Number)],
      [`access-log-2026-04-area-${ids.archive}.pdf`, expect.any(Number)],
      ["access-log-2026-11.pdf", 0],
      ["access-log-2026-02.pdf", 120],
    ]);
    expect(entries.every((e) => e.actor === "auditor")).toBe(true);
  });

  it("verifies the event chain and finds a row altered afterwards", async () => {
    const intact = okJson(await auditor("POST", "/api/access/events/verify"));
    const total = await context()
      .deps.db.selectFrom("access_event")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(intact).toMatchObject({ ok: true, count: Number(total.n), brokenAt: null });
    const [row] = await stored(["idem-2"]);
    await context()
      .deps.db.updateTable("access_event")
      .set({ granted: 1, reason: "granted" })
      .where("event_id", "=", "idem-2")
      .execute();
    const broken = okJson(await auditor("POST", "/api/access/events/verify"));
    expect(broken).toMatchObject({ ok: false, brokenAt: row?.seq });
    expect((await security("POST", "/api/access/events/verify")).statusCode).toBe(403);
  });
});
