import type { Position, PositionInput } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { insertPosition } from "./position-repository";

export async function createPosition(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  input: PositionInput,
): Promise<Position> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom("position")
      .select("id")
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (clash)
      throw new AppError("conflict", `Position code ${input.code} is already in use.`, [
        { path: "code", message: "is already in use" },
      ]);
    const position = await insertPosition(trx, input);
    await appendAudit(
      trx,
      {
        actor,
        action: "position.created",
        targetType: "position",
        targetId: input.code,
        details: { name: input.name },
      },
      now,
    );
    return position;
  });
}
