import type { Deps } from "../deps";
import { insertDepartment } from "../org/department-repository";
import { insertPosition } from "../org/position-repository";
import { createStaff } from "../org/staff-use-cases";

/** A department made for a test (codes must differ within one database). */
export async function addDepartment(
  deps: Deps,
  code: string,
  name: string,
  parentId: number | null = null,
): Promise<number> {
  const department = await insertDepartment(deps.db, {
    code,
    name,
    kind: "department",
    parentId,
    validFrom: "2000-04-01",
    validTo: null,
  });
  return department.id;
}

export async function addPosition(deps: Deps, code: string, name: string, isSectionHead: boolean) {
  const position = await insertPosition(deps.db, {
    code,
    name,
    rank: isSectionHead ? 10 : 50,
    isSectionHead,
  });
  return position.id;
}

/** A staff member placed in a department (with a position), employed from 2020-04-01. */
export async function addPerson(
  deps: Deps,
  person: {
    staffNumber: string;
    name: [string, string];
    departmentId: number;
    positionId?: number | null;
    email?: string | null;
    startDate?: string;
  },
): Promise<number> {
  const staff = await createStaff(deps, "test", {
    staffNumber: person.staffNumber,
    familyName: person.name[0],
    givenName: person.name[1],
    familyNameKana: "テスト",
    givenNameKana: "テスト",
    employmentType: "regular",
    startDate: person.startDate ?? "2020-04-01",
    endDate: null,
    email: person.email ?? null,
    phone: null,
    departmentId: person.departmentId,
    positionId: person.positionId ?? null,
  });
  return staff.id;
}
