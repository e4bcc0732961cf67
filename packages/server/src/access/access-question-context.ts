import {
  type AccessGroup,
  type AccessSnapshot,
  type Credential,
  indexSnapshot,
  type LocalMoment,
  readLocalMoment,
  type SnapshotIndex,
} from "@tobira/core";
import type { GrantDto } from "@tobira/protocol";
import type { Deps } from "../deps";
import { readAccessVersion } from "./access-version";
import { compileAccessSnapshot } from "./compile-access-snapshot";
import { invalidField } from "./field-errors";
import { listGrants } from "./grant-repository";

/**
 * Everything the administrator's questions are answered from: the snapshot a reader would hold at
 * `at`, indexed for core's decide() with one stand-in card per holder, and the approved grants by id.
 */
export interface AccessQuestionContext {
  at: string;
  snapshot: AccessSnapshot;
  index: SnapshotIndex;
  moment: LocalMoment;
  groups: ReadonlyMap<string, AccessGroup>;
  /** Approved grants that have not ended by `at`, by staff id. */
  grantsByStaff: ReadonlyMap<number, GrantDto[]>;
}

/** The key of the stand-in card that lets decide() judge a holder's rules without a real card. */
export function probeCredentialKey(holderId: string): string {
  return `probe:${holderId}`;
}

function probeCredential(holderId: string): Credential {
  return {
    key: probeCredentialKey(holderId),
    kind: "uid",
    holderId,
    status: "active",
    validFrom: null,
    validTo: null,
    publicKey: null,
  };
}

export async function loadAccessQuestionContext(
  { db, clock }: Pick<Deps, "db" | "clock">,
  atText: string | undefined,
): Promise<AccessQuestionContext> {
  const at = atText === undefined ? clock.now() : new Date(atText);
  const iso = at.toISOString();
  const { snapshot, grants } = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => ({
      snapshot: await compileAccessSnapshot(trx, { at, version: await readAccessVersion(trx) }),
      grants: await listGrants(trx, { state: "approved", endingAfter: at }, at),
    }));
  const moment = readLocalMoment(iso, snapshot.townDays);
  if (moment === null) throw invalidField("at", "must fall between 1980 and 2099");
  // Cards do not matter to "who may go where": each holder gets a stand-in card that proves everything.
  const index = indexSnapshot({
    ...snapshot,
    credentials: snapshot.holders.map((h) => probeCredential(h.id)),
  });
  const grantsByStaff = new Map<number, GrantDto[]>();
  for (const grant of grants) {
    // Questions are about staff; a visitor's grant is answered by the visitor's card alone.
    if (grant.staffId === null) continue;
    const ofStaff = grantsByStaff.get(grant.staffId);
    if (ofStaff) ofStaff.push(grant);
    else grantsByStaff.set(grant.staffId, [grant]);
  }
  const groups = new Map(snapshot.groups.map((group) => [group.id, group]));
  return { at: iso, snapshot, index, moment, groups, grantsByStaff };
}
