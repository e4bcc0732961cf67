import { describe, expect, it } from "vitest";
import { createUuidV7Generator, readUuidV7Time } from "./uuid-v7";

const uuidV7Pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function makeSteppingClock(instants: number[]): () => Date {
  let index = 0;
  return () => new Date(instants[Math.min(index++, instants.length - 1)] ?? 0);
}

describe("createUuidV7Generator", () => {
  it("writes version 7 and the RFC 9562 variant in the canonical 8-4-4-4-12 form", () => {
    const next = createUuidV7Generator(() => new Date("2026-09-22T00:00:00Z"));
    for (let i = 0; i < 100; i++) expect(next()).toMatch(uuidV7Pattern);
  });

  it("carries the clock's millisecond timestamp in the first 48 bits", () => {
    const at = Date.parse("2026-09-22T01:02:03.456Z");
    const next = createUuidV7Generator(() => new Date(at));

    expect(readUuidV7Time(next())).toBe(at);
  });

  it("sorts ids made within one millisecond in the order they were made", () => {
    const next = createUuidV7Generator(() => new Date("2026-09-22T00:00:00Z"));
    const ids = Array.from({ length: 5000 }, () => next());

    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("stays ordered when the clock steps back", () => {
    const base = Date.parse("2026-09-22T00:00:00Z");
    const next = createUuidV7Generator(
      makeSteppingClock([base + 10, base + 20, base, base - 5000, base + 21]),
    );
    const ids = Array.from({ length: 5 }, () => next());

    expect([...ids].sort()).toEqual(ids);
    expect(readUuidV7Time(ids[3] ?? "")).toBe(base + 20);
  });

  it("moves to the next millisecond when the counter runs out, keeping order", () => {
    const at = Date.parse("2026-09-22T00:00:00Z");
    // Random bytes all 0xff put the counter at its highest seed, so the counter overflows soonest.
    const next = createUuidV7Generator(
      () => new Date(at),
      (bytes) => bytes.fill(0xff),
    );
    const ids = Array.from({ length: 3000 }, () => next());

    expect([...ids].sort()).toEqual(ids);
    expect(readUuidV7Time(ids.at(-1) ?? "")).toBe(at + 1);
  });

  it("orders ids across milliseconds by time", () => {
    const base = Date.parse("2026-09-22T00:00:00Z");
    const next = createUuidV7Generator(makeSteppingClock([base, base + 1, base + 2]));
    const [a, b, c] = [next(), next(), next()];

    expect(readUuidV7Time(a)).toBe(base);
    expect(readUuidV7Time(c)).toBe(base + 2);
    expect(a < b && b < c).toBe(true);
  });
});
