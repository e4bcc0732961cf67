import type { SnapshotIndex } from "@tobira/core";

/** Why a card cannot punch: the reason ids decide() uses for the same faults. */
export type PunchCardRefusal =
  | "unknown_door"
  | "unknown_card"
  | "suspended"
  | "revoked"
  | "not_yet_valid"
  | "expired";

/** A card punches only when the snapshot knows it, it is active, and it is valid at `at`. */
export function checkPunchCard(
  index: SnapshotIndex | null,
  credentialKey: string,
  at: Date,
): { ok: true; holderId: string } | { ok: false; reason: PunchCardRefusal } {
  if (index === null) return { ok: false, reason: "unknown_door" };
  const indexed = index.credentials.get(credentialKey);
  if (indexed === undefined) return { ok: false, reason: "unknown_card" };
  const { status, holderId } = indexed.credential;
  if (status !== "active") return { ok: false, reason: status };
  if (at.getTime() < indexed.validFromMs) return { ok: false, reason: "not_yet_valid" };
  if (at.getTime() > indexed.validToMs) return { ok: false, reason: "expired" };
  return { ok: true, holderId };
}

/** The snapshot carries no names, so the terminal greets the holder by number: "職員 12". */
export function describeHolder(holderId: string): string {
  const [kind, id] = holderId.split(":");
  if (kind === "staff") return `職員 ${id}`;
  if (kind === "visitor") return `来庁者 ${id}`;
  return holderId;
}
