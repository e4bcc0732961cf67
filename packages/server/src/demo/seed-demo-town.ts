import type { EmploymentType, Role } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import { hashPassword } from "../auth/password-hashing";
import { insertUser } from "../auth/user-repository";
import type { Executor } from "../db/transaction";
import type { Deps } from "../deps";
import { insertDepartment } from "../org/department-repository";
import { placeStaff } from "../org/place-staff";
import { insertPosition } from "../org/position-repository";
import { insertStaff } from "../org/staff-repository";
import { demoDepartments, demoPositions, familyNames, givenNames } from "./demo-town-data";
import { seedDemoAttendance } from "./seed-demo-attendance";
import { seedDemoBuilding } from "./seed-demo-building";

export const demoPassword = "tobira-demo";

export interface DemoAccount {
  loginId: string;
  password: string;
  roles: Role[];
  name: string;
}

interface DemoPerson {
  departmentId: number;
  positionCode: string;
  employmentType: EmploymentType;
}

/** Deterministic pseudo-random numbers, so every demo town is the same town. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Seeds a town office of about 150 staff into an empty database; does nothing when staff exist. */
export async function seedDemoTownIfEmpty(
  deps: Pick<Deps, "db" | "clock">,
): Promise<{ accounts: DemoAccount[] } | undefined> {
  const existing = await deps.db.selectFrom("staff").select("id").limit(1).executeTakeFirst();
  const users = await deps.db.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
  if (existing || users) return undefined;
  const passwordHash = await hashPassword(demoPassword);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const accounts = await seedTown(trx, passwordHash, now);
    await seedDemoAttendance(trx, now);
    await appendAudit(
      trx,
      {
        actor: "demo",
        action: "demo.seeded",
        targetType: "system",
        targetId: null,
        details: { accounts: accounts.length },
      },
      now,
    );
    return { accounts };
  });
}

async function seedTown(trx: Executor, passwordHash: string, now: Date): Promise<DemoAccount[]> {
  const since = "2019-04-01";
  const positions = new Map<string, number>();
  for (const p of demoPositions) positions.set(p.code, (await insertPosition(trx, p)).id);

  const people: DemoPerson[] = [];
  const sectionIds = new Map<string, number>();
  const departmentNames = new Map<number, string>();
  for (const dept of demoDepartments) {
    const bu = await insertDepartment(trx, {
      code: dept.code,
      name: dept.name,
      kind: "department",
      parentId: null,
      validFrom: since,
      validTo: null,
    });
    departmentNames.set(bu.id, bu.name);
    people.push({ departmentId: bu.id, positionCode: "10", employmentType: "regular" });
    for (const section of dept.sections) {
      const ka = await insertDepartment(trx, {
        code: section.code,
        name: section.name,
        kind: "section",
        parentId: bu.id,
        validFrom: since,
        validTo: null,
      });
      sectionIds.set(section.name, ka.id);
      departmentNames.set(ka.id, ka.name);
      people.push({ departmentId: ka.id, positionCode: "20", employmentType: "regular" });
      for (const [j, unitName] of section.units.entries()) {
        const unit = await insertDepartment(trx, {
          code: `${section.code}${j + 1}`,
          name: unitName,
          kind: "unit",
          parentId: ka.id,
          validFrom: since,
          validTo: null,
        });
        departmentNames.set(unit.id, unit.name);
        people.push({ departmentId: unit.id, positionCode: "40", employmentType: "regular" });
        for (const positionCode of ["50", "60", "70", "71"])
          people.push({ departmentId: unit.id, positionCode, employmentType: "regular" });
        people.push({ departmentId: unit.id, positionCode: "90", employmentType: "fiscalYearAppointee" });
      }
    }
  }

  const random = createRandom(20261127);
  const pick = <T>(list: readonly T[]): T => {
    const value = list[Math.floor(random() * list.length)];
    if (value === undefined) throw new Error("empty list");
    return value;
  };
  const staffIds: { id: number; staffNumber: string; name: string; person: DemoPerson; startDate: string }[] =
    [];
  for (const [index, person] of people.entries()) {
    const [familyName, familyKana] = pick(familyNames);
    const [givenName, givenKana] = pick(givenNames);
    const staffNumber = String(10001 + index);
    const hiredYear =
      person.employmentType === "fiscalYearAppointee" ? 2026 : 1990 + Math.floor(random() * 36);
    const startDate = `${Math.min(hiredYear, 2026)}-04-01`;
    const id = await insertStaff(trx, {
      staff_number: staffNumber,
      family_name: familyName,
      given_name: givenName,
      family_name_kana: familyKana,
      given_name_kana: givenKana,
      employment_type: person.employmentType,
      start_date: startDate,
      end_date: person.employmentType === "fiscalYearAppointee" ? "2027-03-31" : null,
      email: null,
      phone: `0879-82-${String(7000 + index).padStart(4, "0")}`,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await placeStaff(trx, id, {
      departmentId: person.departmentId,
      positionId: positions.get(person.positionCode) ?? null,
      validFrom: startDate < since ? since : startDate,
      note: null,
    });
    staffIds.push({ id, staffNumber, name: `${familyName} ${givenName}`, person, startDate });
  }

  await seedDemoBuilding(
    trx,
    staffIds.map((s) => ({
      staffId: s.id,
      departmentName: departmentNames.get(s.person.departmentId) ?? "",
      startDate: s.startDate < since ? since : s.startDate,
    })),
  );

  const soumuId = sectionIds.get("総務課");
  const find = (test: (s: (typeof staffIds)[number]) => boolean) => {
    const found = staffIds.find(test);
    if (!found) throw new Error("demo town lacks a person for an account");
    return found;
  };
  const holders: { staff: (typeof staffIds)[number]; roles: Role[] }[] = [
    { staff: find((s) => s.person.departmentId === soumuId), roles: ["staff", "approver", "hr"] },
    {
      staff: find((s) => s.person.positionCode === "50" && s.person.departmentId !== soumuId),
      roles: ["staff", "hr"],
    },
    {
      staff: find((s) => s.person.positionCode === "20" && s.person.departmentId !== soumuId),
      roles: ["staff", "approver"],
    },
    { staff: find((s) => s.person.positionCode === "40"), roles: ["staff", "securityAdmin"] },
    {
      staff: find((s) => s.person.positionCode === "30" || s.person.positionCode === "60"),
      roles: ["staff", "auditor"],
    },
    { staff: find((s) => s.person.positionCode === "71"), roles: ["staff", "sysadmin"] },
    { staff: find((s) => s.person.positionCode === "70"), roles: ["staff"] },
  ];
  const accounts: DemoAccount[] = [];
  const used = new Set<number>();
  for (const { staff, roles } of holders) {
    if (used.has(staff.id)) continue;
    used.add(staff.id);
    await insertUser(
      trx,
      { loginId: staff.staffNumber, staffId: staff.id, passwordHash, mustChangePassword: false, roles },
      now,
    );
    accounts.push({ loginId: staff.staffNumber, password: demoPassword, roles, name: staff.name });
  }
  return accounts;
}
