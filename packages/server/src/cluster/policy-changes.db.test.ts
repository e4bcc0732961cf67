import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backendsOf, connectionUrlOf, terminateBackends } from "../../test/cluster/postgres-database";
import { createTestStore } from "../../test/databases";
import { bumpAccessVersion } from "../access/access-version";
import type { Store } from "../db/database";
import { notifyPolicyChanged, subscribeToPolicyChanges } from "./policy-changes";
import { listenerApplicationName, type PostgresListener } from "./postgres-listener";

const quietLog = { info: () => undefined, warn: () => undefined };

describe("policy changes announced through PostgreSQL", () => {
  let store: Store;
  let listener: PostgresListener;
  let heard = 0;

  beforeAll(async () => {
    store = await createTestStore("postgres");
    listener = subscribeToPolicyChanges(await connectionUrlOf(store), quietLog, () => heard++, [50]);
    await vi.waitFor(() => expect(listener.state()).toBe("listening"));
  });
  afterAll(async () => {
    await listener.close();
    await store.close();
  });

  it("hears a version bump when its transaction commits, not before", async () => {
    const before = heard;
    let heardInside = -1;
    await store.db.transaction().execute(async (trx) => {
      await bumpAccessVersion(trx);
      await new Promise((resolve) => setTimeout(resolve, 100));
      heardInside = heard - before;
    });
    expect(heardInside).toBe(0);
    await vi.waitFor(() => expect(heard).toBe(before + 1), { timeout: 1000 });
  });

  it("hears nothing of a change that was rolled back", async () => {
    const before = heard;
    await expect(
      store.db.transaction().execute(async (trx) => {
        await bumpAccessVersion(trx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await notifyPolicyChanged(store.db);
    await vi.waitFor(() => expect(heard).toBe(before + 1), { timeout: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toBe(before + 1);
  });

  it("reconnects after its connection is terminated, catches up once, and hears later changes", async () => {
    const [oldBackend] = await backendsOf(store, listenerApplicationName);
    expect(oldBackend).toBeDefined();
    const before = heard;
    expect(await terminateBackends(store, listenerApplicationName)).toBe(1);
    await vi.waitFor(
      async () => {
        const backends = await backendsOf(store, listenerApplicationName);
        expect(backends).toHaveLength(1);
        expect(backends).not.toContain(oldBackend);
        expect(listener.state()).toBe("listening");
      },
      { timeout: 3000, interval: 20 },
    );
    // Whatever changed while it was down was announced to no one: reconnecting counts as a change.
    expect(heard).toBe(before + 1);
    await notifyPolicyChanged(store.db);
    await vi.waitFor(() => expect(heard).toBe(before + 2), { timeout: 1000 });
  });

  it("closes its connection for good: nothing reconnects after close", async () => {
    const other = subscribeToPolicyChanges(await connectionUrlOf(store), quietLog, () => undefined, [50]);
    await vi.waitFor(() => expect(other.state()).toBe("listening"));
    await other.close();
    expect(other.state()).toBe("closed");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await backendsOf(store, listenerApplicationName)).toHaveLength(1);
  });
});
