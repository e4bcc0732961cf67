import type { WhereCanGo } from "@tobira/protocol";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import { loadAccessQuestionContext } from "./access-question-context";
import { explainAccess } from "./explain-access";
import { staffHolderId } from "./holder-ids";
import { findStaffBrief } from "./staff-lookup";

/** 「この人はどこに入れるか」: every door the staff member has a rule or grant for, and the verdict at `at`. */
export async function findWhereCanGo(
  deps: Pick<Deps, "db" | "clock">,
  staffId: number,
  at: string | undefined,
): Promise<WhereCanGo> {
  const person = await findStaffBrief(deps.db, staffId);
  if (!person) throw notFound("The staff member");
  const context = await loadAccessQuestionContext(deps, at);
  const holder = context.snapshot.holders.find((h) => h.id === staffHolderId(staffId));
  const areaNames = new Map(context.snapshot.areas.map((a) => [a.id, a.name]));
  const doors = holder
    ? context.snapshot.doors.flatMap((door) => {
        const explanation = explainAccess(context, holder, staffId, door);
        if (explanation.reasons.length === 0) return [];
        return [
          {
            doorId: Number(door.id),
            doorName: door.name,
            toAreaId: Number(door.toArea),
            toAreaName: areaNames.get(door.toArea) ?? "",
            ...explanation,
          },
        ];
      })
    : [];
  return { staffId, staffNumber: person.staffNumber, staffName: person.name, at: context.at, doors };
}
