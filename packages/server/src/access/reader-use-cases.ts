import type { ReaderDto, ReaderInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { findDoor } from "./door-repository";
import { conflictingField, invalidField } from "./field-errors";
import {
  deleteReader,
  findReader,
  findReaderIdByName,
  insertReader,
  updateReader,
} from "./reader-repository";
import { recordAccessChange } from "./record-access-change";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

export async function createReader(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: ReaderInput,
): Promise<ReaderDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    await checkReader(trx, input, null);
    const reader = await insertReader(trx, input);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.readerCreated",
        targetType: "reader",
        targetId: reader.id,
        details: { after: reader },
      },
      now,
    );
    return reader;
  });
}

export async function editReader(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: ReaderInput,
): Promise<ReaderDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await findReader(trx, id);
    if (!before) throw notFound("The reader");
    await checkReader(trx, input, id);
    const after = await updateReader(trx, id, input);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.readerUpdated",
        targetType: "reader",
        targetId: id,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

export async function removeReader({ db, clock }: UseCaseDeps, actor: string, id: number): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findReader(trx, id);
    if (!before) throw notFound("The reader");
    const agents = await trx
      .selectFrom("agent")
      .select(["id", "name", "status"])
      .where("reader_id", "=", id)
      .execute();
    const serving = agents.find((agent) => agent.status !== "revoked");
    if (serving)
      throw new AppError(
        "conflict",
        `Reader ${before.name} is served by agent ${serving.name} (${serving.id}); revoke the agent before removing the reader.`,
      );
    // Revoked agents keep their row (and fingerprint) for the record, no longer tied to the reader.
    if (agents.length > 0)
      await trx.updateTable("agent").set({ reader_id: null }).where("reader_id", "=", id).execute();
    await deleteReader(trx, id);
    await recordAccessChange(
      trx,
      { actor, action: "access.readerRemoved", targetType: "reader", targetId: id, details: { before } },
      now,
    );
  });
}

async function checkReader(db: Executor, input: ReaderInput, selfId: number | null): Promise<void> {
  if (input.doorId !== null && !(await findDoor(db, input.doorId))) {
    throw invalidField("doorId", "is not an existing door");
  }
  const sameName = await findReaderIdByName(db, input.name);
  if (sameName !== undefined && sameName !== selfId)
    throw conflictingField("name", "is already used by another reader");
}
