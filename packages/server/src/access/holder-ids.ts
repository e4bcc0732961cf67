/**
 * How the snapshot names a holder. Staff and (later) visitors live in different tables, so their ids
 * carry a prefix and can never collide: a credential's `holderId` must be built with these too.
 */
export function staffHolderId(staffId: number): string {
  return `staff:${staffId}`;
}

export function visitorHolderId(visitorId: number): string {
  return `visitor:${visitorId}`;
}

/** The staff id in a holder id, or null when the holder is not a staff member. */
export function staffIdOfHolder(holderId: string): number | null {
  const match = /^staff:(\d+)$/.exec(holderId);
  return match ? Number(match[1]) : null;
}
