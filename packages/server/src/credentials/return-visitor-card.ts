import type { VisitorDto } from "@tobira/protocol";
import { recordAccessChange } from "../access/record-access-change";
import { credentialStatusChanges, snapshotCredentialsOf } from "../access/snapshot-journal";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { describeCredentialForAudit } from "./credential-audit";
import { listVisitorCredentials, updateCredentialStatus } from "./credential-repository";
import { loadVisitor } from "./load-visitor";
import { findVisitorRow, markVisitorReturned } from "./visitor-repository";

/** The card is back at the desk: the visitor leaves the open list and the card's credential is revoked. */
export async function returnVisitorCard(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  id: number,
): Promise<VisitorDto> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const visitor = await findVisitorRow(trx, id);
    if (!visitor) throw notFound(`Visitor ${id}`);
    if (visitor.returned_at !== null) {
      throw new AppError("conflict", `Visitor ${id}'s card was already returned at ${visitor.returned_at}.`);
    }
    await markVisitorReturned(trx, id, now.toISOString(), actor);
    const cards = await listVisitorCredentials(trx, id);
    const keys = cards.map((card) => card.key);
    const before = await snapshotCredentialsOf(trx, keys);
    for (const card of cards) {
      if (card.status === "revoked") continue;
      await updateCredentialStatus(trx, card.id, {
        status: "revoked",
        reason: "returned",
        at: now.toISOString(),
        by: actor,
      });
    }
    const after = await snapshotCredentialsOf(trx, keys);
    // The visitor also leaves the snapshot's holders; a delta leaves that holder in, harmless with every
    // card of theirs revoked, until the agent next fetches the whole snapshot.
    await recordAccessChange(
      trx,
      {
        actor,
        action: "visitor.returned",
        targetType: "visitor",
        targetId: id,
        details: {
          visitorId: id,
          credentials: cards.map((card) => ({ ...describeCredentialForAudit(card), from: card.status })),
        },
      },
      now,
      credentialStatusChanges(before, after),
    );
  });
  return loadVisitor(db, id);
}
