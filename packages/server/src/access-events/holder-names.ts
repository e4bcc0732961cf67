import { staffIdOfHolder } from "../access/holder-ids";
import type { Executor } from "../db/transaction";

function visitorIdOfHolder(holderId: string): number | null {
  const match = /^visitor:(\d+)$/.exec(holderId);
  return match ? Number(match[1]) : null;
}

/** Display names of holders, by holder id: staff as 姓 名, visitors with their organisation. */
export async function findHolderNames(
  db: Executor,
  holderIds: Iterable<string | null>,
): Promise<Map<string, string>> {
  const staffIds = new Set<number>();
  const visitorIds = new Set<number>();
  for (const holderId of holderIds) {
    if (holderId === null) continue;
    const staffId = staffIdOfHolder(holderId);
    if (staffId !== null) staffIds.add(staffId);
    const visitorId = visitorIdOfHolder(holderId);
    if (visitorId !== null) visitorIds.add(visitorId);
  }
  const names = new Map<string, string>();
  if (staffIds.size > 0) {
    const staff = await db
      .selectFrom("staff")
      .select(["id", "family_name", "given_name"])
      .where("id", "in", [...staffIds])
      .execute();
    for (const row of staff) names.set(`staff:${row.id}`, `${row.family_name} ${row.given_name}`);
  }
  if (visitorIds.size > 0) {
    const visitors = await db
      .selectFrom("visitor")
      .select(["id", "name", "organisation"])
      .where("id", "in", [...visitorIds])
      .execute();
    for (const row of visitors)
      names.set(`visitor:${row.id}`, row.organisation ? `${row.name}（${row.organisation}）` : row.name);
  }
  return names;
}
