import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase, type TestContext, testConfig } from "../../test/databases";
import { notify } from "./notify";
import { addDepartment, addPerson } from "./people.fixture";
import { defaultMailSenderOptions, type MailSenderOptions, sendDueMails } from "./send-due-mails";
import { readBase64Body, readHeader, startSmtpReceiver } from "./smtp-receiver.fixture";
import { createSmtpTransport, type MailTransport } from "./smtp-transport";

const password = "p@ss:w/rd-9f3k";
// Half of the ±20 % spread: each wait is exactly base × 2^(n−1).
const options: MailSenderOptions = { ...defaultMailSenderOptions, random: () => 0.5 };

function recordingLog() {
  const lines: string[] = [];
  const write = (object: unknown, message?: string) => {
    lines.push(`${message ?? ""} ${JSON.stringify(object)}`);
  };
  return { lines, log: { warn: write, error: write } };
}

describeEachDatabase("notification e-mail", (context) => {
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let deps: TestContext["deps"];
  let transport: MailTransport;
  let smtpUrl = "";
  let withAddress = 0;
  let withoutAddress = 0;

  const outboxOf = (staffId: number) =>
    deps.db.selectFrom("mail_outbox").selectAll().where("staff_id", "=", staffId).orderBy("id").execute();

  beforeAll(async () => {
    receiver = await startSmtpReceiver({ user: "tobira", pass: password });
    smtpUrl = `smtp://tobira:${encodeURIComponent(password)}@127.0.0.1:${receiver.port}`;
    const base = context().deps;
    deps = {
      ...base,
      config: testConfig({
        TOBIRA_SMTP_URL: smtpUrl,
        TOBIRA_MAIL_FROM: "扉 Tobira <tobira@town.example.jp>",
      }),
    };
    transport = createSmtpTransport(smtpUrl);
    const department = await addDepartment(deps, "7200", "住民課");
    withAddress = await addPerson(deps, {
      staffNumber: "72001",
      name: ["送信", "花子"],
      departmentId: department,
      email: "hanako@town.example.jp",
    });
    withoutAddress = await addPerson(deps, {
      staffNumber: "72002",
      name: ["送信", "次郎"],
      departmentId: department,
    });
  });
  afterAll(async () => {
    transport.close();
    await receiver.close();
  });

  it("delivers a queued notice to the staff member's address with the Japanese subject and body", async () => {
    await notify(
      deps.db,
      [
        {
          staffId: withAddress,
          kind: "request.approved",
          title: "休暇の申請が承認されました\nYour leave request was approved",
          body: "12月1日の年次休暇が承認されました。\nAnnual leave on 2026-12-01 was approved.",
          link: "/requests/31",
          requestId: undefined,
        },
      ],
      deps,
    );
    const round = await sendDueMails(deps, transport, recordingLog().log, options);
    expect(round).toEqual({ sent: 1, skipped: 0, retried: 0, failed: 0 });

    const mail = receiver.received.at(-1);
    if (!mail) throw new Error("nothing arrived");
    expect(mail.to).toEqual(["hanako@town.example.jp"]);
    expect(mail.from).toBe("tobira@town.example.jp");
    // The subject travels encoded (RFC 2047) and reads back as written.
    expect(mail.raw).not.toMatch(/^Subject: .*休暇/m);
    expect(readHeader(mail.raw, "Subject")).toBe("【扉 Tobira】休暇の申請が承認されました");
    expect(readHeader(mail.raw, "To")).toBe("hanako@town.example.jp");
    const body = readBase64Body(mail.raw);
    expect(body).toContain("12月1日の年次休暇が承認されました。");
    expect(body).toContain("/requests/31");
    expect(await outboxOf(withAddress)).toMatchObject([{ state: "sent", attempts: 1 }]);
  });

  it("skips a notice for someone without an e-mail address, and keeps it in the app", async () => {
    const before = receiver.received.length;
    await notify(
      deps.db,
      [{ staffId: withoutAddress, kind: "request.returned", title: "差戻し\nReturned", body: "…" }],
      deps,
    );
    expect(await sendDueMails(deps, transport, recordingLog().log, options)).toMatchObject({ skipped: 1 });
    expect(receiver.received).toHaveLength(before);
    expect(await outboxOf(withoutAddress)).toMatchObject([{ state: "skipped" }]);
    const inApp = await deps.db
      .selectFrom("notification")
      .select("id")
      .where("staff_id", "=", withoutAddress)
      .execute();
    expect(inApp).toHaveLength(1);
  });

  it("retries a refused mail after a growing wait, then delivers it once", async () => {
    receiver.refuseNext(2);
    const before = receiver.received.length;
    await notify(
      deps.db,
      [
        {
          staffId: withAddress,
          kind: "request.cancelled",
          title: "取消し\nCancelled",
          body: "取り消されました。",
        },
      ],
      deps,
    );
    const { log, lines } = recordingLog();
    expect(await sendDueMails(deps, transport, log, options)).toMatchObject({ retried: 1 });
    let [queued] = (await outboxOf(withAddress)).slice(-1);
    expect(queued).toMatchObject({ state: "pending", attempts: 1 });
    expect(Date.parse(queued?.next_attempt_at ?? "") - deps.clock.now().getTime()).toBe(60_000);

    // Not yet due: nothing is tried.
    deps.clock.advance(30_000);
    expect(await sendDueMails(deps, transport, log, options)).toEqual({
      sent: 0,
      skipped: 0,
      retried: 0,
      failed: 0,
    });
    deps.clock.advance(30_000);
    expect(await sendDueMails(deps, transport, log, options)).toMatchObject({ retried: 1 });
    [queued] = (await outboxOf(withAddress)).slice(-1);
    expect(Date.parse(queued?.next_attempt_at ?? "") - deps.clock.now().getTime()).toBe(120_000);

    deps.clock.advance(120_000);
    expect(await sendDueMails(deps, transport, log, options)).toMatchObject({ sent: 1 });
    expect(receiver.received).toHaveLength(before + 1);
    [queued] = (await outboxOf(withAddress)).slice(-1);
    expect(queued).toMatchObject({ state: "sent", attempts: 3 });
    expect(lines.join("\n")).toContain("will retry");
  });

  it("gives up after the last attempt and never writes the SMTP password anywhere", async () => {
    const wrongUrl = `smtp://tobira:${encodeURIComponent(`${password}-old`)}@127.0.0.1:${receiver.port}`;
    const wrongDeps = {
      ...deps,
      config: testConfig({ TOBIRA_SMTP_URL: wrongUrl, TOBIRA_MAIL_FROM: "tobira@town.example.jp" }),
    };
    const wrongTransport = createSmtpTransport(wrongUrl);
    await notify(
      deps.db,
      [{ staffId: withAddress, kind: "request.toApprove", title: "承認依頼", body: "…" }],
      deps,
    );
    const { log, lines } = recordingLog();
    const twice = { ...options, maxAttempts: 2 };
    expect(await sendDueMails(wrongDeps, wrongTransport, log, twice)).toMatchObject({ retried: 1 });
    deps.clock.advance(60_000);
    expect(await sendDueMails(wrongDeps, wrongTransport, log, twice)).toMatchObject({ failed: 1 });
    wrongTransport.close();

    const [given] = (await outboxOf(withAddress)).slice(-1);
    expect(given).toMatchObject({ state: "failed", attempts: 2 });
    const written = `${lines.join("\n")}\n${given?.last_error ?? ""}`;
    expect(given?.last_error).toMatch(/auth|login|535/i);
    expect(written).not.toContain(password);
    expect(written).not.toContain(encodeURIComponent(password));
  });
});
