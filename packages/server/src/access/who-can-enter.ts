import { findDoorModeAt } from "@tobira/core";
import type { WhoCanEnter } from "@tobira/protocol";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { loadAccessQuestionContext } from "./access-question-context";
import { explainAccess } from "./explain-access";
import { staffIdOfHolder } from "./holder-ids";
import { listStaffBriefs } from "./staff-lookup";

/** 「サーバ室に誰が、いつ入れるか」: everyone with a rule or grant for the door, and the verdict at `at`. */
export async function findWhoCanEnter(
  deps: Pick<Deps, "db" | "clock">,
  doorId: number,
  at: string | undefined,
): Promise<WhoCanEnter> {
  const context = await loadAccessQuestionContext(deps, at);
  const door = context.index.doors.get(String(doorId));
  if (!door) throw notFound("The door");
  const entries = context.snapshot.holders.flatMap((holder) => {
    const staffId = staffIdOfHolder(holder.id);
    if (staffId === null) return [];
    const explanation = explainAccess(context, holder, staffId, door);
    return explanation.reasons.length === 0 ? [] : [{ staffId, explanation }];
  });
  const people = await listStaffBriefs(
    deps.db,
    entries.map((e) => e.staffId),
  );
  const staff = new Map(people.map((person) => [person.id, person]));
  return {
    doorId,
    doorName: door.name,
    at: context.at,
    doorMode: findDoorModeAt(door, context.index.schedules, context.moment),
    holders: entries
      .flatMap(({ staffId, explanation }) => {
        const person = staff.get(staffId);
        if (!person) return [];
        const { doorMode: _, ...verdict } = explanation;
        return [{ staffId, staffNumber: person.staffNumber, staffName: person.name, ...verdict }];
      })
      .sort((a, b) => (a.staffNumber < b.staffNumber ? -1 : a.staffNumber > b.staffNumber ? 1 : 0)),
  };
}
