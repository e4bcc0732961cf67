import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Call, okJson, signInWithRoles } from "../../test/access-api";
import { describeEachDatabase, testConfig } from "../../test/databases";
import { buildApp } from "../http/app";
import { type NotificationNote, notify } from "./notify";
import { addDepartment, addPerson } from "./people.fixture";

interface Listed {
  items: {
    id: number;
    kind: string;
    title: string;
    link: string | null;
    requestId: number | null;
    readAt: string | null;
  }[];
  unreadCount: number;
}

const toApprove = (staffId: number, n: number): NotificationNote => ({
  staffId,
  kind: "request.toApprove",
  title: `時間外勤務命令の承認依頼 ${n}\nAn overtime order waits for you`,
  body: `申請 ${n} が承認待ちです。\nRequest ${n} waits for your decision.`,
  link: `/requests/${n}`,
});

describeEachDatabase("in-app notifications", (context) => {
  let app: FastifyInstance;
  let hanako = 0;
  let jiro = 0;
  let asHanako: Call;
  let asJiro: Call;
  let asAdmin: Call;

  beforeAll(async () => {
    const { deps } = context();
    app = await buildApp(deps);
    const department = await addDepartment(deps, "7100", "税務課");
    hanako = await addPerson(deps, {
      staffNumber: "71001",
      name: ["通知", "花子"],
      departmentId: department,
    });
    jiro = await addPerson(deps, { staffNumber: "71002", name: ["通知", "次郎"], departmentId: department });
    asHanako = await signInWithRoles(app, deps, "note-hanako", ["staff"], hanako);
    asJiro = await signInWithRoles(app, deps, "note-jiro", ["staff"], jiro);
    asAdmin = await signInWithRoles(app, deps, "note-admin", ["sysadmin"]);
  });
  afterAll(() => app.close());

  it("stores notices in the caller's transaction: a rolled-back transaction leaves none", async () => {
    const { deps } = context();
    await expect(
      deps.db.transaction().execute(async (trx) => {
        await notify(trx, [toApprove(hanako, 1)], deps);
        throw new Error("the request failed after notifying");
      }),
    ).rejects.toThrow("the request failed");
    expect(okJson(await asHanako("GET", "/api/notifications")).items).toEqual([]);
  });

  it("lists only the signed-in person's notices, newest first, with the unread count", async () => {
    const { deps } = context();
    await deps.db.transaction().execute(async (trx) => {
      await notify(trx, [toApprove(hanako, 2), toApprove(jiro, 3)], deps);
    });
    deps.clock.advance(60_000);
    await notify(
      deps.db,
      [{ ...toApprove(hanako, 4), kind: "request.approved", requestId: undefined }],
      deps,
    );
    const listed: Listed = okJson(await asHanako("GET", "/api/notifications"));
    expect(listed.items.map((item) => item.link)).toEqual(["/requests/4", "/requests/2"]);
    expect(listed.items.map((item) => item.kind)).toEqual(["request.approved", "request.toApprove"]);
    expect(listed.unreadCount).toBe(2);
    const jiros: Listed = okJson(await asJiro("GET", "/api/notifications"));
    expect(jiros.items.map((item) => item.link)).toEqual(["/requests/3"]);
  });

  it("marks one notice read, and refuses another person's notice as not found", async () => {
    const mine: Listed = okJson(await asHanako("GET", "/api/notifications"));
    const jiros: Listed = okJson(await asJiro("GET", "/api/notifications"));
    const first = mine.items[1];
    const theirs = jiros.items[0];
    if (!first || !theirs) throw new Error("the notices were not stored");

    expect((await asHanako("POST", `/api/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect(okJson(await asJiro("GET", "/api/notifications")).items[0].readAt).toBeNull();

    expect(okJson(await asHanako("POST", `/api/notifications/${first.id}/read`))).toEqual({
      marked: 1,
      unreadCount: 1,
    });
    // Reading it again keeps the first read time.
    expect(okJson(await asHanako("POST", `/api/notifications/${first.id}/read`))).toEqual({
      marked: 0,
      unreadCount: 1,
    });
    const unread: Listed = okJson(await asHanako("GET", "/api/notifications?unread=true"));
    expect(unread.items.map((item) => item.link)).toEqual(["/requests/4"]);
    expect(unread.unreadCount).toBe(1);
  });

  it("marks all of one's notices read without touching anyone else's", async () => {
    expect(okJson(await asHanako("POST", "/api/notifications/read-all"))).toEqual({
      marked: 1,
      unreadCount: 0,
    });
    expect(okJson(await asHanako("GET", "/api/notifications?unread=true")).items).toEqual([]);
    expect(okJson(await asJiro("GET", "/api/notifications")).unreadCount).toBe(1);
  });

  it("shows at most the latest 50", async () => {
    const { deps } = context();
    await notify(
      deps.db,
      Array.from({ length: 55 }, (_, n) => toApprove(jiro, 100 + n)),
      deps,
    );
    const listed: Listed = okJson(await asJiro("GET", "/api/notifications"));
    expect(listed.items).toHaveLength(50);
    expect(listed.items[0]?.link).toBe("/requests/154");
    expect(listed.unreadCount).toBe(56);
  });

  it("gives an account without a staff record an empty list", async () => {
    expect(okJson(await asAdmin("GET", "/api/notifications"))).toEqual({ items: [], unreadCount: 0 });
  });

  it("queues no e-mail while SMTP is not set up", async () => {
    const { deps } = context();
    const queued = await deps.db
      .selectFrom("mail_outbox")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(queued.n)).toBe(0);
  });

  it("queues an e-mail copy of each notice when SMTP is set up", async () => {
    const { deps } = context();
    const config = testConfig({
      TOBIRA_SMTP_URL: "smtp://tobira:secret@127.0.0.1:2525",
      TOBIRA_MAIL_FROM: "扉 <tobira@town.example.jp>",
    });
    await notify(deps.db, [toApprove(hanako, 9)], { clock: deps.clock, config });
    const rows = await deps.db.selectFrom("mail_outbox").selectAll().where("staff_id", "=", hanako).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "pending", subject: "【扉 Tobira】時間外勤務命令の承認依頼 9" });
    expect(rows[0]?.body).toContain("/requests/9");
  });

  it("rejects the calls of someone not signed in", async () => {
    expect((await app.inject({ method: "GET", url: "/api/notifications" })).statusCode).toBe(401);
  });
});
