import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { lockVpcdSlot } from "../../../card/test/pcsc-harness";

// Slot numbers far above vpcd's two, so this test never holds up a real card test.
const unusedSlots = [90, 91, 92];
const releases: (() => Promise<void>)[] = [];

function lockPath(slot: number): string {
  return `/tmp/tobira-vpcd-slot-${slot}.lock`;
}

afterEach(async () => {
  for (const release of releases.splice(0)) await release();
});

describe("the vpcd slot lock shared by the PC/SC test files", () => {
  it("makes a second taker wait until the first gives the slot back", async () => {
    const slot = unusedSlots[0] ?? 90;
    const first = await lockVpcdSlot(slot);
    releases.push(first);
    expect(readFileSync(`${lockPath(slot)}/holder`, "utf8")).toMatch(new RegExp(`^${process.pid} `));
    let secondHasIt = false;
    const second = lockVpcdSlot(slot).then((release) => {
      secondHasIt = true;
      releases.push(release);
    });
    // A window of several of the lock's polls in which the second taker must not get the slot.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondHasIt).toBe(false);
    await first();
    await second;
    expect(secondHasIt).toBe(true);
  });

  it("breaks a lock whose holder process has died", async () => {
    const slot = unusedSlots[1] ?? 91;
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
    mkdirSync(lockPath(slot));
    writeFileSync(`${lockPath(slot)}/holder`, `${dead} left-behind`);
    const release = await lockVpcdSlot(slot);
    releases.push(release);
    expect(readFileSync(`${lockPath(slot)}/holder`, "utf8")).toMatch(new RegExp(`^${process.pid} `));
  });

  it("leaves a lock alone once another holder has taken it over", async () => {
    const slot = unusedSlots[2] ?? 92;
    const release = await lockVpcdSlot(slot);
    try {
      writeFileSync(`${lockPath(slot)}/holder`, `${process.pid} someone-else`);
      await release();
      expect(existsSync(lockPath(slot))).toBe(true);
    } finally {
      rmSync(lockPath(slot), { recursive: true, force: true });
    }
  });
});
