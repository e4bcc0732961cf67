import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachDatabase, testConfig } from "../../test/databases";
import { buildApp } from "../http/app";
import { registerNotificationJobs } from "./notification-jobs";
import { notify } from "./notify";
import { addDepartment, addPerson } from "./people.fixture";
import { readHeader, startSmtpReceiver } from "./smtp-receiver.fixture";

describeEachDatabase("the notification jobs beside the server", (context) => {
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;

  beforeAll(async () => {
    receiver = await startSmtpReceiver({ user: "tobira", pass: "jobs-secret" });
  });
  afterAll(() => receiver.close());

  it("sends the morning digest and queued mail as soon as the server starts, and closes with it", async () => {
    const { deps: base } = context();
    base.clock.set("2026-11-26T23:00:00Z");
    const deps = {
      ...base,
      config: testConfig({
        TOBIRA_SMTP_URL: `smtp://tobira:jobs-secret@127.0.0.1:${receiver.port}`,
        TOBIRA_MAIL_FROM: "tobira@town.example.jp",
      }),
    };
    const department = await addDepartment(deps, "7600", "会計課");
    const staffId = await addPerson(deps, {
      staffNumber: "76001",
      name: ["仕事", "花子"],
      departmentId: department,
      email: "shigoto@town.example.jp",
    });
    await notify(
      deps.db,
      [{ staffId, kind: "request.approved", title: "承認されました\nApproved", body: "…" }],
      deps,
    );

    const app = await buildApp(deps);
    registerNotificationJobs(app, deps);
    await vi.waitFor(async () => {
      const runs = await deps.db.selectFrom("digest_run").select(["date", "finished_at"]).execute();
      expect(runs).toEqual([{ date: "2026-11-26", finished_at: expect.any(String) }]);
      expect(receiver.received.map((mail) => readHeader(mail.raw, "Subject"))).toContain(
        "【扉 Tobira】承認されました",
      );
    });
    await app.close();
  });
});
