import type { Decision, Door } from "@tobira/core";
import { describe, expect, it } from "vitest";
import { createPassageMemory } from "./door-passage-memory";

const archive: Door = {
  id: "10",
  name: "書庫",
  toArea: "2",
  fromArea: "1",
  modes: [],
  defaultMode: "locked",
  heldOpenSeconds: 30,
  unlockSeconds: 5,
};

const at = new Date("2026-10-05T01:00:00Z");
const addMs = (ms: number) => new Date(at.getTime() + ms);

function grant(holderId: string, twoPersonComplete = false): Decision {
  return { granted: true, reason: "granted", holderId, requiredAssurance: "tap", twoPersonComplete };
}

describe("createPassageMemory", () => {
  it("remembers a granted entry into the door's area for anti-passback", () => {
    const memory = createPassageMemory();
    memory.remember(grant("staff:1"), archive, at);

    expect(memory.findContext("staff:1", addMs(60_000)).lastEntry).toEqual({
      areaId: "2",
      at: at.toISOString(),
    });
    expect(memory.findContext("staff:2", addMs(60_000)).lastEntry).toBeNull();
  });

  it("forgets an entry after 12 hours, since this reader never sees the holder leave", () => {
    const memory = createPassageMemory();
    memory.remember(grant("staff:1"), archive, at);

    expect(memory.findContext("staff:1", addMs(12 * 3_600_000 + 1)).lastEntry).toBeNull();
  });

  it("keeps the first person of a two-person entry pending until a second completes it", () => {
    const memory = createPassageMemory();
    const pending: Decision = {
      granted: false,
      reason: "two_person_pending",
      holderId: "staff:1",
      requiredAssurance: "tap",
      message: "second person needed",
    };
    memory.remember(pending, archive, at);

    expect(memory.findContext("staff:2", addMs(5000)).pendingTwoPerson).toEqual({
      holderId: "staff:1",
      at: at.toISOString(),
    });
    memory.remember(grant("staff:2", true), archive, addMs(5000));
    expect(memory.findContext("staff:3", addMs(6000)).pendingTwoPerson).toBeNull();
  });
});
