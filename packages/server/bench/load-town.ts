import { createHash, generateKeyPairSync } from "node:crypto";
import { jpkiCredentialKey } from "@tobira/core";
import { createGroup } from "../src/access/group-use-cases";
import { addMembership } from "../src/access/membership-use-cases";
import { findReader } from "../src/access/reader-repository";
import { createSchedule } from "../src/access/schedule-use-cases";
import { newCredentialRow } from "../src/credentials/new-credential-row";
import type { ProvenCard } from "../src/credentials/proven-card";
import type { Deps } from "../src/deps";
import { insertDepartment } from "../src/org/department-repository";
import { benchActor } from "./agent-bench-server";

// Rows per insert: well under SQLite's and PostgreSQL's limits on bound parameters.
const insertBatch = 500;
const jpkiIssuer =
  "C=JP, O=JPKI, OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems";
const employedSince = "2020-04-01";

/** The My Number Card of the town's `n`-th staff member (from 0), as readers name it. */
export function townCardKey(n: number): string {
  return jpkiCredentialKey(jpkiIssuer, townCardSerial(n));
}

/** A card the town never enrolled (a visitor's own card, a card from another town). */
export function strangerCardKey(n: number): string {
  return jpkiCredentialKey(jpkiIssuer, `ff${n.toString(16).padStart(8, "0")}`);
}

function townCardSerial(n: number): string {
  return (0x10000000 + n).toString(16);
}

/**
 * An RSA-2048 SubjectPublicKeyInfo per card, as enrolment keeps it from the certificate: one real key's
 * DER with its modulus replaced by bytes derived from `n`, so that every card's key differs (and the
 * deflated snapshot is as large as a real town's) without generating 40,000 RSA keys.
 */
function createCardKeys(): (n: number) => string {
  const template = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({
    type: "spki",
    format: "der",
  });
  // The modulus (256 bytes) sits just before the exponent's 5 bytes (02 03 01 00 01).
  const modulusAt = template.length - 5 - 256;
  return (n) => {
    const der = Buffer.from(template);
    for (let block = 0; block < 8; block++)
      createHash("sha256")
        .update(`card ${n}/${block}`)
        .digest()
        .copy(der, modulusAt + block * 32);
    der[modulusAt] = (der[modulusAt] ?? 0) | 0x80;
    return der.toString("base64");
  };
}

function describeTownCard(n: number, publicKeyOf: (n: number) => string): ProvenCard {
  return {
    kind: "jpki",
    key: townCardKey(n),
    jpkiIssuer,
    jpkiSerial: townCardSerial(n),
    publicKey: publicKeyOf(n),
    validFrom: "2025-04-01T00:00:00.000Z",
    validTo: "2030-03-31T14:59:59.000Z",
  };
}

/**
 * A town of `staff` people, each with an enrolled My Number Card and a membership of one access group
 * that lets them through the door of `readerId` at any hour. The schedule, the group and the last
 * membership go through the use cases (and the access log); the staff, their placements, cards and the
 * other memberships are inserted in batches, since 40,000 use-case calls would take many minutes. The
 * snapshot the server sends is compiled from these tables as usual.
 */
export async function seedTown(deps: Deps, readerId: number, staff: number): Promise<void> {
  if (!Number.isInteger(staff) || staff < 1)
    throw new Error(`a town needs at least one staff member, not ${staff}`);
  const reader = await findReader(deps.db, readerId);
  if (reader?.doorId == null) throw new Error(`reader ${readerId} is not on a door`);
  const schedule = await createSchedule(deps, benchActor, {
    name: "常時",
    windows: {
      workday: [{ start: "00:00", end: "24:00" }],
      weeklyRest: [{ start: "00:00", end: "24:00" }],
      holiday: [{ start: "00:00", end: "24:00" }],
    },
    specialDays: [],
  });
  const group = await createGroup(deps, benchActor, {
    name: "全職員",
    rules: [{ doorId: reader.doorId, scheduleId: schedule.id, minimumAssurance: "tap" }],
  });
  const department = await insertDepartment(deps.db, {
    code: "9910",
    name: "町民課",
    kind: "department",
    parentId: null,
    validFrom: "2000-04-01",
    validTo: null,
  });
  const publicKeyOf = createCardKeys();
  const at = deps.clock.now();
  let lastStaffId = 0;
  for (let start = 0; start < staff; start += insertBatch) {
    const numbers = Array.from({ length: Math.min(insertBatch, staff - start) }, (_, i) => start + i);
    const inserted = await deps.db
      .insertInto("staff")
      .values(
        numbers.map((n) => ({
          staff_number: String(100_000 + n),
          family_name: "町田",
          given_name: `職員${n + 1}`,
          family_name_kana: "マチダ",
          given_name_kana: "ショクイン",
          employment_type: "regular",
          start_date: employedSince,
          end_date: null,
          email: null,
          phone: null,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })),
      )
      .returning("id")
      .execute();
    const staffIds = inserted.map(({ id }) => id);
    await deps.db
      .insertInto("staff_assignment")
      .values(
        staffIds.map((staffId) => ({
          staff_id: staffId,
          department_id: department.id,
          position_id: null,
          valid_from: employedSince,
          valid_to: null,
          note: null,
        })),
      )
      .execute();
    await deps.db
      .insertInto("credential")
      .values(
        staffIds.map((staffId, i) =>
          newCredentialRow(describeTownCard(start + i, publicKeyOf), { staffId }, benchActor, at),
        ),
      )
      .execute();
    const members = staffIds.filter((_, i) => start + i < staff - 1);
    if (members.length > 0)
      await deps.db
        .insertInto("access_membership")
        .values(
          members.map((staffId) => ({
            group_id: group.id,
            staff_id: staffId,
            valid_from: employedSince,
            valid_to: null,
          })),
        )
        .execute();
    lastStaffId = staffIds.at(-1) ?? lastStaffId;
  }
  // The last one through the use case: it records the change, so the policy version moves past the seed.
  await addMembership(deps, benchActor, group.id, {
    staffId: lastStaffId,
    validFrom: employedSince,
    validTo: null,
  });
}
