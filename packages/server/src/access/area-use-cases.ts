import type { AreaDto, AreaInput } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { notFound } from "../errors";
import {
  countAreaReferences,
  deleteArea,
  findArea,
  insertArea,
  listAreas,
  updateArea,
} from "./area-repository";
import { conflictingField, invalidField } from "./field-errors";
import { recordAccessChange } from "./record-access-change";

type UseCaseDeps = Pick<Deps, "db" | "clock">;

export async function createArea(
  { db, clock }: UseCaseDeps,
  actor: string,
  input: AreaInput,
): Promise<AreaDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    await checkArea(trx, input, null);
    const area = await insertArea(trx, input);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.areaCreated",
        targetType: "accessArea",
        targetId: area.id,
        details: { after: area },
      },
      now,
    );
    return area;
  });
}

export async function editArea(
  { db, clock }: UseCaseDeps,
  actor: string,
  id: number,
  input: AreaInput,
): Promise<AreaDto> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const before = await findArea(trx, id);
    if (!before) throw notFound("The area");
    await checkArea(trx, input, id);
    const after = await updateArea(trx, id, input);
    await recordAccessChange(
      trx,
      {
        actor,
        action: "access.areaUpdated",
        targetType: "accessArea",
        targetId: id,
        details: { before, after },
      },
      now,
    );
    return after;
  });
}

export async function removeArea({ db, clock }: UseCaseDeps, actor: string, id: number): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await findArea(trx, id);
    if (!before) throw notFound("The area");
    const { children, doors } = await countAreaReferences(trx, id);
    if (children > 0)
      throw conflictingField("id", `still contains ${children} area(s); move or remove them first`);
    if (doors > 0) throw conflictingField("id", `still has ${doors} door(s); move or remove them first`);
    await deleteArea(trx, id);
    await recordAccessChange(
      trx,
      { actor, action: "access.areaRemoved", targetType: "accessArea", targetId: id, details: { before } },
      now,
    );
  });
}

async function checkArea(db: Executor, input: AreaInput, selfId: number | null): Promise<void> {
  const areas = await listAreas(db);
  if (input.parentId !== null) {
    if (!areas.some((a) => a.id === input.parentId))
      throw invalidField("parentId", "is not an existing area");
    if (selfId !== null && isWithin(areas, input.parentId, selfId)) {
      throw invalidField("parentId", "must not be the area itself or an area inside it");
    }
  }
  const sibling = areas.find(
    (a) => a.parentId === input.parentId && a.name === input.name && a.id !== selfId,
  );
  if (sibling) throw conflictingField("name", "is already used by another area in the same place");
}

/** Whether `areaId` is `ancestorId` or lies somewhere below it. */
function isWithin(areas: AreaDto[], areaId: number, ancestorId: number): boolean {
  const parentOf = new Map(areas.map((a) => [a.id, a.parentId]));
  const seen = new Set<number>();
  let current: number | null = areaId;
  while (current !== null && !seen.has(current)) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}
