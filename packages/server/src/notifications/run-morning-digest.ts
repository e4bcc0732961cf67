import { addDays, type LocalDate, toLocalDate } from "@tobira/core";
import type { Deps } from "../deps";
import { findDayProblems } from "./digest-findings";
import { composePersonalNotes, composeSectionNotes } from "./digest-notes";
import { groupBySectionHead, listPeopleOn } from "./digest-people";
import { type NotificationNote, notify } from "./notify";

const tokyoOffsetMs = 9 * 3_600_000;

export type DigestOutcome =
  | { ran: false; reason: "notYet"; date: LocalDate }
  | { ran: false; reason: "alreadyClaimed"; date: LocalDate }
  | { ran: true; date: LocalDate; notified: number };

/** Minutes after midnight in Asia/Tokyo at an instant. */
function tokyoMinuteOfDay(instant: Date): number {
  const msOfDay = (((instant.getTime() + tokyoOffsetMs) % 86_400_000) + 86_400_000) % 86_400_000;
  return Math.floor(msOfDay / 60_000);
}

function minuteOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The date the digest due now reports on: yesterday in Asia/Tokyo. */
export function digestDateAt(instant: Date): LocalDate {
  return addDays(toLocalDate(instant), -1);
}

/**
 * The morning digest: once TOBIRA_DIGEST_TIME has passed in Asia/Tokyo, tells everyone of yesterday's
 * missing punches and unexplained presence, and each section head of their section's. The date is
 * claimed with a row only the first server can insert, so with several servers it goes out once.
 */
export async function runMorningDigest(deps: Pick<Deps, "db" | "clock" | "config">): Promise<DigestOutcome> {
  const now = deps.clock.now();
  const date = digestDateAt(now);
  if (tokyoMinuteOfDay(now) < minuteOf(deps.config.digestTime)) return { ran: false, reason: "notYet", date };
  const claim = await deps.db
    .insertInto("digest_run")
    .values({ date, claimed_at: now.toISOString(), finished_at: null, notified: null, error: null })
    .onConflict((conflict) => conflict.column("date").doNothing())
    .executeTakeFirst();
  if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0)
    return { ran: false, reason: "alreadyClaimed", date };
  try {
    const notes = await composeDigest(deps, date);
    await deps.db.transaction().execute(async (trx) => {
      await notify(trx, notes, deps);
      await trx
        .updateTable("digest_run")
        .set({ finished_at: deps.clock.now().toISOString(), notified: notes.length })
        .where("date", "=", date)
        .execute();
    });
    return { ran: true, date, notified: notes.length };
  } catch (error) {
    // The claim stays: a digest that failed halfway is reported, not sent twice.
    const message = error instanceof Error ? error.message : String(error);
    await deps.db
      .updateTable("digest_run")
      .set({ error: message.slice(0, 500) })
      .where("date", "=", date)
      .execute();
    throw error;
  }
}

async function composeDigest(deps: Pick<Deps, "db">, date: LocalDate): Promise<NotificationNote[]> {
  const people = await listPeopleOn(deps.db, date);
  const findings = await findDayProblems(deps, [...new Set(people.map((person) => person.staffId))], date);
  const byStaff = new Map(findings.map((found) => [found.staffId, found]));
  const notes = findings.flatMap((found) => composePersonalNotes(date, found));
  for (const { head, members } of await groupBySectionHead(deps.db, people, date)) {
    const withFindings = members.flatMap((person) => {
      const found = byStaff.get(person.staffId);
      return found ? [{ person, findings: found }] : [];
    });
    notes.push(...composeSectionNotes(date, head, withFindings));
  }
  return notes;
}
