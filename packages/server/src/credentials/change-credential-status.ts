import type { CredentialStatus, EnrolledCredential } from "@tobira/protocol";
import { recordAccessChange } from "../access/record-access-change";
import { credentialStatusChanges, snapshotCredentialsOf } from "../access/snapshot-journal";
import type { CredentialRow } from "../db/schema";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { describeCredentialForAudit } from "./credential-audit";
import { findCredentialRow, updateCredentialStatus } from "./credential-repository";
import { loadCredential } from "./load-credential";

export type StatusChange = "suspend" | "reinstate" | "revoke";

interface Transition {
  from: readonly CredentialStatus[];
  to: CredentialStatus;
  action: string;
  done: string;
}

const transitions: Record<StatusChange, Transition> = {
  suspend: { from: ["active"], to: "suspended", action: "credential.suspended", done: "suspended" },
  reinstate: { from: ["suspended"], to: "active", action: "credential.reinstated", done: "reinstated" },
  revoke: { from: ["active", "suspended"], to: "revoked", action: "credential.revoked", done: "revoked" },
};

/** Refuses a change the credential's status does not allow; revocation is final. */
export function assertTransition(credential: CredentialRow, change: StatusChange): void {
  if (transitions[change].from.some((status) => status === credential.status)) return;
  const message =
    credential.status === "revoked"
      ? `Credential ${credential.id} was revoked at ${credential.status_changed_at ?? "an unknown time"}; revocation is final.`
      : `Credential ${credential.id} is ${credential.status}, so it cannot be ${transitions[change].done}.`;
  throw new AppError("conflict", message, [{ path: "status", message: `is ${credential.status}` }]);
}

/** Suspend (a card mislaid), reinstate (found again) or revoke (for good), with the reason recorded. */
export async function changeCredentialStatus(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  id: number,
  change: StatusChange,
  reason: string,
): Promise<EnrolledCredential> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const credential = await findCredentialRow(trx, id);
    if (!credential) throw notFound(`Credential ${id}`);
    assertTransition(credential, change);
    const { to, action } = transitions[change];
    const before = await snapshotCredentialsOf(trx, [credential.key]);
    await updateCredentialStatus(trx, id, { status: to, reason, at: now.toISOString(), by: actor });
    const after = await snapshotCredentialsOf(trx, [credential.key]);
    await recordAccessChange(
      trx,
      {
        actor,
        action,
        targetType: "credential",
        targetId: id,
        details: { ...describeCredentialForAudit(credential), from: credential.status, to, reason },
      },
      now,
      credentialStatusChanges(before, after),
    );
  });
  return loadCredential(db, id);
}
