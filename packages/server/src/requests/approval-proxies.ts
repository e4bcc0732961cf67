import type { approvalProxyInputSchema, approvalProxySchema } from "@tobira/protocol";
import type { z } from "zod";
import { conflictingField, invalidField } from "../access/field-errors";
import { appendAudit } from "../audit/audit-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";

type ApprovalProxyInput = z.infer<typeof approvalProxyInputSchema>;
type ApprovalProxyDto = z.infer<typeof approvalProxySchema>;

/** Every 代決者 named, latest period first. */
export async function listApprovalProxies(
  db: Executor,
  only: { id?: number; proxyStaffId?: number } = {},
): Promise<ApprovalProxyDto[]> {
  let query = db
    .selectFrom("approval_proxy as p")
    .innerJoin("staff as a", "a.id", "p.approver_staff_id")
    .innerJoin("staff as x", "x.id", "p.proxy_staff_id")
    .select([
      "p.id",
      "p.approver_staff_id",
      "p.proxy_staff_id",
      "p.valid_from",
      "p.valid_to",
      "a.family_name as approver_family_name",
      "a.given_name as approver_given_name",
      "x.family_name as proxy_family_name",
      "x.given_name as proxy_given_name",
    ])
    .orderBy("p.valid_from", "desc")
    .orderBy("p.id", "desc");
  if (only.id !== undefined) query = query.where("p.id", "=", only.id);
  if (only.proxyStaffId !== undefined) query = query.where("p.proxy_staff_id", "=", only.proxyStaffId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    approverStaffId: row.approver_staff_id,
    proxyStaffId: row.proxy_staff_id,
    from: row.valid_from,
    to: row.valid_to,
    approverName: `${row.approver_family_name} ${row.approver_given_name}`,
    proxyName: `${row.proxy_family_name} ${row.proxy_given_name}`,
  }));
}

/** HR names who decides for an approver while they are away; the two are different staff members. */
export async function createApprovalProxy(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  input: ApprovalProxyInput,
): Promise<ApprovalProxyDto> {
  if (input.approverStaffId === input.proxyStaffId) {
    throw invalidField("proxyStaffId", "must be someone other than the approver");
  }
  if (input.to < input.from) throw invalidField("to", "must not come before from");
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom("staff")
      .select("id")
      .where("id", "in", [input.approverStaffId, input.proxyStaffId])
      .execute();
    for (const field of ["approverStaffId", "proxyStaffId"] as const) {
      if (!found.some((row) => row.id === input[field])) throw invalidField(field, "is not a staff member");
    }
    const clash = await trx
      .selectFrom("approval_proxy")
      .select("id")
      .where("approver_staff_id", "=", input.approverStaffId)
      .where("proxy_staff_id", "=", input.proxyStaffId)
      .where("valid_from", "<=", input.to)
      .where("valid_to", ">=", input.from)
      .executeTakeFirst();
    if (clash) throw conflictingField("from", "overlaps a period already named for the same two people");
    const row = await trx
      .insertInto("approval_proxy")
      .values({
        approver_staff_id: input.approverStaffId,
        proxy_staff_id: input.proxyStaffId,
        valid_from: input.from,
        valid_to: input.to,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [created] = await listApprovalProxies(trx, { id: row.id });
    if (!created) throw new Error(`approval proxy ${row.id} vanished inside its own transaction`);
    await appendAudit(
      trx,
      {
        actor,
        action: "approvalProxy.created",
        targetType: "approvalProxy",
        targetId: row.id,
        details: { after: created },
      },
      now,
    );
    return created;
  });
}

export async function deleteApprovalProxy(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  id: number,
): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const [before] = await listApprovalProxies(trx, { id });
    if (!before) throw notFound(`Approval proxy ${id}`);
    await trx.deleteFrom("approval_proxy").where("id", "=", id).execute();
    await appendAudit(
      trx,
      {
        actor,
        action: "approvalProxy.deleted",
        targetType: "approvalProxy",
        targetId: id,
        details: { before },
      },
      now,
    );
  });
}
