import type { TownDay } from "@tobira/core";
import type { Executor } from "../db/transaction";

function isTownDayKind(kind: string): kind is TownDay["kind"] {
  return kind === "holiday" || kind === "workday";
}

export async function listTownDays(db: Executor, from: string, to: string): Promise<TownDay[]> {
  const rows = await db
    .selectFrom("town_day")
    .selectAll()
    .where("date", ">=", from)
    .where("date", "<=", to)
    .orderBy("date")
    .execute();
  return rows.flatMap((r) => (isTownDayKind(r.kind) ? [{ date: r.date, kind: r.kind, name: r.name }] : []));
}

export async function findTownDay(db: Executor, date: string): Promise<TownDay | undefined> {
  return (await listTownDays(db, date, date))[0];
}

export async function saveTownDay(db: Executor, day: TownDay): Promise<void> {
  await db
    .insertInto("town_day")
    .values(day)
    .onConflict((oc) => oc.column("date").doUpdateSet({ kind: day.kind, name: day.name }))
    .execute();
}

export async function deleteTownDay(db: Executor, date: string): Promise<void> {
  await db.deleteFrom("town_day").where("date", "=", date).execute();
}
