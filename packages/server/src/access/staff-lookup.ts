import type { Executor } from "../db/transaction";

/** What access control needs to know of a staff member: who, and for how long employed. */
export interface StaffBrief {
  id: number;
  staffNumber: string;
  name: string;
  startDate: string;
  endDate: string | null;
}

// SQLite takes at most 32,766 bound values in one statement; a town's whole staff can be more.
const ID_BATCH = 1000;

/** The named staff members (all of them when `ids` is absent), by staff number. */
export async function listStaffBriefs(db: Executor, ids?: readonly number[]): Promise<StaffBrief[]> {
  if (ids === undefined) return toBriefs(await staffQuery(db).execute());
  const rows = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    rows.push(
      ...(await staffQuery(db)
        .where("id", "in", ids.slice(i, i + ID_BATCH))
        .execute()),
    );
  }
  return toBriefs(rows).sort((a, b) =>
    a.staffNumber < b.staffNumber ? -1 : a.staffNumber > b.staffNumber ? 1 : 0,
  );
}

export async function findStaffBrief(db: Executor, id: number): Promise<StaffBrief | undefined> {
  return (await listStaffBriefs(db, [id]))[0];
}

function staffQuery(db: Executor) {
  return db
    .selectFrom("staff")
    .select(["id", "staff_number", "family_name", "given_name", "start_date", "end_date"])
    .orderBy("staff_number");
}

type StaffBriefRow = Awaited<ReturnType<ReturnType<typeof staffQuery>["execute"]>>[number];

function toBriefs(rows: StaffBriefRow[]): StaffBrief[] {
  return rows.map((r) => ({
    id: r.id,
    staffNumber: r.staff_number,
    name: `${r.family_name} ${r.given_name}`,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}
