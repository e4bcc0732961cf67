import { areaInputSchema, doorInputSchema, readerInputSchema } from "@tobira/protocol";
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase, testConfig } from "../../test/databases";
import { ingestAsReader } from "../../test/ingest-as-reader";
import { insertArea } from "../access/area-repository";
import { insertDoor } from "../access/door-repository";
import { insertReader } from "../access/reader-repository";
import { addDepartment, addPerson, addPosition } from "./people.fixture";
import { runMorningDigest } from "./run-morning-digest";

// Thursday 2026-11-26 is reported on the morning of Friday the 27th (07:30 in Tokyo is 22:30 UTC).
const reported = "2026-11-26";

describeEachDatabase("the morning digest", (context) => {
  const ids = { head: 0, forgetful: 0, early: 0, punctual: 0, elsewhere: 0, newcomer: 0 };

  const notesOf = (staffId: number) =>
    context()
      .deps.db.selectFrom("notification")
      .select(["kind", "title", "body", "link"])
      .where("staff_id", "=", staffId)
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    const { deps } = context();
    const section = await addDepartment(deps, "7300", "総務課");
    const team = await addDepartment(deps, "7301", "総務課 人事係", section);
    const other = await addDepartment(deps, "7400", "建設課");
    const chief = await addPosition(deps, "73K", "課長", true);
    const clerk = await addPosition(deps, "73S", "主事", false);
    const person = (staffNumber: string, given: string, departmentId: number, more = {}) =>
      addPerson(deps, { staffNumber, name: ["朝報", given], departmentId, positionId: clerk, ...more });
    ids.head = await person("73001", "課長", section, { positionId: chief });
    ids.forgetful = await person("73002", "忘子", section);
    ids.early = await person("73003", "早子", team);
    ids.punctual = await person("73004", "正子", section);
    ids.elsewhere = await person("74001", "他子", other);
    ids.newcomer = await person("73005", "新子", section, { startDate: "2026-12-01" });

    const terminal = await insertReader(
      deps.db,
      readerInputSchema.parse({ name: "1F 出退勤端末", kind: "attendance", doorId: null, side: null }),
    );
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
    const punch = (staffId: number, eventId: string, time: string, direction: "in" | "out") => ({
      eventId,
      occurredAt: `${reported}T${time}:00+09:00`,
      kind: "punch",
      credentialKey: `uid:${staffId}`,
      holderId: `staff:${staffId}`,
      punch: direction,
    });
    const punched = await ingestAsReader(deps, terminal.id, [
      punch(ids.head, "h-in", "08:20", "in"),
      punch(ids.head, "h-out", "17:20", "out"),
      punch(ids.forgetful, "f-in", "08:25", "in"),
      punch(ids.early, "e-in", "08:25", "in"),
      punch(ids.early, "e-out", "17:20", "out"),
      punch(ids.punctual, "p-in", "08:28", "in"),
      punch(ids.punctual, "p-out", "17:18", "out"),
    ]);
    expect(punched.statusCode, punched.body).toBe(200);
    const doorTap = (eventId: string, time: string) => ({
      eventId,
      occurredAt: `${reported}T${time}:00+09:00`,
      kind: "decision",
      credentialKey: `uid:${ids.early}`,
      holderId: `staff:${ids.early}`,
      granted: true,
      reason: "granted",
      assurance: "tap",
    });
    // Through the staff door at 7:00, 85 minutes before clocking in, with no reason given.
    const doors = await ingestAsReader(deps, entrance.id, [
      doorTap("e-door-in", "07:00"),
      doorTap("e-door-out", "17:20"),
    ]);
    expect(doors.statusCode, doors.body).toBe(200);
  });

  it("waits until the digest time in Tokyo", async () => {
    const { deps } = context();
    deps.clock.set("2026-11-26T22:29:00Z");
    expect(await runMorningDigest(deps)).toEqual({ ran: false, reason: "notYet", date: reported });
    const runs = await deps.db.selectFrom("digest_run").selectAll().execute();
    expect(runs).toEqual([]);
  });

  it("tells each person of their own missing punch or unexplained presence yesterday", async () => {
    const { deps } = context();
    deps.clock.set("2026-11-26T22:30:00Z");
    expect(await runMorningDigest(deps)).toMatchObject({ ran: true, date: reported });

    expect(await notesOf(ids.forgetful)).toEqual([
      {
        kind: "digest.missingPunch",
        title: "打刻漏れがあります（11月26日（木））\nMissing punch on 2026-11-26",
        body: expect.stringContaining("11月26日（木）の退勤の打刻がありません。"),
        link: "/attendance/me",
      },
    ]);
    const early = await notesOf(ids.early);
    expect(early.map((note) => note.kind)).toEqual(["digest.divergence"]);
    expect(early[0]?.body).toContain("85分");
    const elsewhere = await notesOf(ids.elsewhere);
    expect(elsewhere.map((note) => note.kind)).toEqual(["digest.missingPunch"]);
    expect(elsewhere[0]?.body).toContain("出勤・退勤");
    expect(await notesOf(ids.punctual)).toEqual([]);
    expect(await notesOf(ids.newcomer)).toEqual([]);
  });

  it("gives the section head a summary of their section and the teams below it, not of other sections", async () => {
    const notes = await notesOf(ids.head);
    expect(notes.map((note) => note.kind)).toEqual(["digest.missingPunch", "digest.divergence"]);
    const [missing, divergence] = notes;
    expect(missing?.title).toContain("課内の打刻漏れ 1名");
    expect(missing?.body).toContain("73002 朝報 忘子: 退勤");
    expect(missing?.body).not.toContain("74001");
    expect(missing?.link).toBe("/attendance/departments");
    expect(divergence?.body).toContain("73003 朝報 早子: 85分");
  });

  it("runs once a day: a second server, or a later check, finds the date claimed", async () => {
    const { deps } = context();
    const before = await deps.db.selectFrom("notification").select("id").execute();
    deps.clock.set("2026-11-27T03:00:00Z");
    const secondServer = { ...deps, config: testConfig() };
    expect(await runMorningDigest(secondServer)).toEqual({
      ran: false,
      reason: "alreadyClaimed",
      date: reported,
    });
    expect(await deps.db.selectFrom("notification").select("id").execute()).toHaveLength(before.length);
    const [run] = await deps.db.selectFrom("digest_run").selectAll().execute();
    expect(run).toMatchObject({ date: reported, notified: before.length, error: null });
  });

  it("follows TOBIRA_DIGEST_TIME for the next day's digest", async () => {
    const { deps } = context();
    const late = { ...deps, config: testConfig({ TOBIRA_DIGEST_TIME: "09:15" }) };
    deps.clock.set("2026-11-28T00:14:00Z");
    expect(await runMorningDigest(late)).toMatchObject({ ran: false, reason: "notYet", date: "2026-11-27" });
    deps.clock.set("2026-11-28T00:15:00Z");
    expect(await runMorningDigest(late)).toMatchObject({ ran: true, date: "2026-11-27" });
  });
});
