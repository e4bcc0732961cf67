import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/databases";
import { advisoryLockId, runExclusively } from "./run-exclusively";

function gate(): { opened: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
}

describeEachDatabase("running a job on one instance at a time", (context) => {
  it("runs the task and hands back its value", async () => {
    const outcome = await runExclusively(context().deps.db, "digest", async () => 42);
    expect(outcome).toEqual({ ran: true, value: 42 });
  });

  it("skips a task whose key another run holds (PostgreSQL); SQLite has one server and runs both", async () => {
    const { db, dialect } = context().deps;
    const started = gate();
    const release = gate();
    const first = runExclusively(db, "webhooks", async () => {
      started.open();
      await release.opened;
      return "first";
    });
    await started.opened;
    const second = await runExclusively(db, "webhooks", async () => "second");
    const otherKey = await runExclusively(db, "mail", async () => "other key");
    release.open();
    expect(await first).toEqual({ ran: true, value: "first" });
    expect(second).toEqual(dialect === "postgres" ? { ran: false } : { ran: true, value: "second" });
    expect(otherKey).toEqual({ ran: true, value: "other key" });
    expect(await runExclusively(db, "webhooks", async () => "after")).toEqual({ ran: true, value: "after" });
  });

  it("lets the key go when the task fails, and passes the failure on", async () => {
    const { db } = context().deps;
    await expect(
      runExclusively(db, "failing", async () => {
        throw new Error("the job broke");
      }),
    ).rejects.toThrow("the job broke");
    expect(await runExclusively(db, "failing", async () => "again")).toEqual({ ran: true, value: "again" });
  });
});

it("gives every instance the same lock number for a key, and different keys different numbers", () => {
  expect(advisoryLockId("morning-digest")).toBe(advisoryLockId("morning-digest"));
  expect(advisoryLockId("morning-digest")).not.toBe(advisoryLockId("webhooks"));
});
