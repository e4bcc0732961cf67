import type { AssuranceLevel } from "@tobira/core";
import { expect } from "vitest";
import { recordAccessChange } from "../../../server/src/access/record-access-change";
import { describeCredentialForAudit } from "../../../server/src/credentials/credential-audit";
import { insertCredential } from "../../../server/src/credentials/credential-repository";
import { newCredentialRow } from "../../../server/src/credentials/new-credential-row";
import { addStaff, okJson } from "../../../server/test/access-api";
import type { DemoCard } from "../../src/demo/demo-cards";
import type { E2eServer } from "./e2e-server";

export interface E2eDoor {
  doorId: number;
  readerId: number;
  /** Open every hour of every day type, so taps decide the same whenever the test runs. */
  alwaysScheduleId: number;
  /** Open at no time at all: a card in a group with it is outside its schedule. */
  neverScheduleId: number;
}

const allDay = [{ start: "00:00", end: "24:00" }];

/** 庁舎 › one room behind one door, with its entry reader and two schedules. */
export async function buildE2eDoor(
  server: E2eServer,
  door: { name: string; defaultMode: "locked" | "secured"; unlockSeconds: number },
): Promise<E2eDoor> {
  const { security } = server;
  const hall = okJson(await security("POST", "/api/access/areas", { name: "庁舎" })).id;
  const room = okJson(await security("POST", "/api/access/areas", { name: door.name, parentId: hall })).id;
  const doorId = okJson(
    await security("POST", "/api/access/doors", { ...door, fromAreaId: hall, toAreaId: room }),
  ).id;
  const readerId = okJson(
    await security("POST", "/api/access/readers", {
      name: `${door.name} 入口リーダー`,
      kind: "door",
      doorId,
      side: "entry",
    }),
  ).id;
  const alwaysScheduleId = okJson(
    await security("POST", "/api/access/schedules", {
      name: "常時",
      windows: { workday: allDay, weeklyRest: allDay, holiday: allDay },
    }),
  ).id;
  const neverScheduleId = okJson(
    await security("POST", "/api/access/schedules", { name: "利用不可", windows: {} }),
  ).id;
  return { doorId, readerId, alwaysScheduleId, neverScheduleId };
}

/** A group with one rule for the door and the given staff as members from long ago. */
export async function addAccessGroup(
  server: E2eServer,
  group: { name: string; doorId: number; scheduleId: number; minimumAssurance: AssuranceLevel },
  staffIds: readonly number[],
): Promise<number> {
  const { name, ...rule } = group;
  const groupId = okJson(await server.security("POST", "/api/access/groups", { name, rules: [rule] })).id;
  for (const staffId of staffIds) {
    okJson(
      await server.security("POST", `/api/access/groups/${groupId}/members`, {
        staffId,
        validFrom: "2020-04-01",
      }),
    );
  }
  return groupId;
}

let staffCounter = 0;

export function addE2eStaff(server: E2eServer, name: [string, string]): Promise<number> {
  staffCounter += 1;
  return addStaff(server.deps, `7${String(staffCounter).padStart(4, "0")}`, name);
}

/**
 * Binds a demo card to a staff member directly, as the demo binds its own cards (an enrolment station
 * is a separate test); the change moves the access version, so connected agents get it pushed.
 */
export async function bindCard(server: E2eServer, card: DemoCard, staffId: number): Promise<number> {
  const { db, clock } = server.deps;
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const row = newCredentialRow({ ...card, key: card.credentialKey }, { staffId }, "e2e", now);
    const credentialId = await insertCredential(trx, row);
    await recordAccessChange(
      trx,
      {
        actor: "e2e",
        action: "credential.enrolled",
        targetType: "credential",
        targetId: credentialId,
        details: describeCredentialForAudit({ ...row, id: credentialId }),
      },
      now,
    );
    return credentialId;
  });
}

/** The card of the given name among the demo's cards. */
export function findCard(cards: readonly DemoCard[], name: string): DemoCard {
  const card = cards.find((candidate) => candidate.name === name);
  expect(card, `demo card ${name}`).toBeDefined();
  if (card === undefined) throw new Error(`no demo card ${name}`);
  return card;
}
