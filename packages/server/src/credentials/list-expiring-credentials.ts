import { toLocalDate } from "@tobira/core";
import { credentialStatusSchema, type ExpiringCredential } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { joinAssignmentInForce } from "../org/staff-repository";

const DAY_MS = 86_400_000;

/**
 * My Number Card certificates that expire within `days` (or already have) on credentials still in
 * use: renewal every five years brings a new serial and key, so each needs a new enrolment before
 * its holder's morning tap fails. Soonest first, with the holder's department today.
 */
export async function listExpiringCredentials(
  db: Executor,
  now: Date,
  days: number,
): Promise<ExpiringCredential[]> {
  const today = toLocalDate(now);
  const horizon = new Date(now.getTime() + days * DAY_MS).toISOString();
  const rows = await joinAssignmentInForce(db.selectFrom("staff"), today)
    .innerJoin("credential as c", "c.staff_id", "staff.id")
    .leftJoin("department as d", "d.id", "sa.department_id")
    .select([
      "c.id as credential_id",
      "c.status",
      "c.jpki_issuer",
      "c.jpki_serial",
      "c.valid_to",
      "staff.id as staff_id",
      "staff.staff_number",
      "staff.family_name",
      "staff.given_name",
      "d.name as department_name",
    ])
    .where("c.kind", "=", "jpki")
    .where("c.status", "<>", "revoked")
    .where("c.valid_to", "<=", horizon)
    .where((eb) => eb.or([eb("staff.end_date", "is", null), eb("staff.end_date", ">=", today)]))
    .orderBy("c.valid_to")
    .orderBy("c.id")
    .execute();
  return rows.flatMap((row) => {
    if (row.valid_to === null || row.jpki_issuer === null || row.jpki_serial === null) return [];
    return [
      {
        credentialId: row.credential_id,
        staffId: row.staff_id,
        staffNumber: row.staff_number,
        familyName: row.family_name,
        givenName: row.given_name,
        departmentName: row.department_name,
        status: credentialStatusSchema.parse(row.status),
        issuer: row.jpki_issuer,
        serialNumber: row.jpki_serial,
        validTo: row.valid_to,
        daysLeft: Math.floor((Date.parse(row.valid_to) - now.getTime()) / DAY_MS),
      },
    ];
  });
}
