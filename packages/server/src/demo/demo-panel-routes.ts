import {
  type DemoPanel,
  type DoorState,
  demoPanelSchema,
  demoTapResultSchema,
  demoTapSchema,
} from "@tobira/protocol";
import { listDoors } from "../access/door-repository";
import { listReaders } from "../access/reader-repository";
import { findHolderNames } from "../access-events/holder-names";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import type { Api } from "../http/api";

/** The demo's virtual agents, as the panel drives them: cards to choose from and a tap on a reader. */
export interface DemoDoorPanel {
  cards(): { name: string; label: string; kind: "jpki" | "staffCard" | "uid"; holderId: string | null }[];
  readers(): { readerId: number; prompt: string | null; state: DoorState | null }[];
  tap(
    readerId: number,
    card: string,
    pin: string | undefined,
  ): Promise<{ granted: boolean; reason: string; message: string; holderId: string | null }>;
}

const tags = ["demo"];

async function describePanel(deps: Deps, panel: DemoDoorPanel): Promise<DemoPanel> {
  const [readers, doors] = await Promise.all([listReaders(deps.db), listDoors(deps.db)]);
  const cards = panel.cards();
  const names = await findHolderNames(
    deps.db,
    cards.map((card) => card.holderId),
  );
  const live = new Map(panel.readers().map((reader) => [reader.readerId, reader]));
  return {
    readers: readers
      .filter((reader) => live.has(reader.id))
      .map((reader) => ({
        readerId: reader.id,
        readerName: reader.name,
        doorName: doors.find((door) => door.id === reader.doorId)?.name ?? null,
        role: reader.kind,
        state: live.get(reader.id)?.state ?? null,
        prompt: live.get(reader.id)?.prompt ?? null,
      })),
    cards: cards.map((card) => ({
      name: card.name,
      label: card.label,
      kind: card.kind,
      holderName: card.holderId === null ? null : (names.get(card.holderId) ?? null),
    })),
  };
}

/** The virtual door panel: only when the server runs the demo town with its virtual agents. */
export function registerDemoPanelRoutes(api: Api, deps: Deps, panel: DemoDoorPanel): void {
  api.get(
    "/api/demo/panel",
    { config: { access: "signedIn" }, schema: { tags, response: { 200: demoPanelSchema } } },
    async () => describePanel(deps, panel),
  );

  api.post(
    "/api/demo/panel/taps",
    {
      config: { access: "signedIn" },
      schema: { tags, body: demoTapSchema, response: { 200: demoTapResultSchema } },
    },
    async (request) => {
      const { readerId, card, pin } = request.body;
      if (!panel.readers().some((reader) => reader.readerId === readerId))
        throw new AppError("not_found", `Reader ${readerId} has no virtual agent in this demo`);
      if (!panel.cards().some((known) => known.name === card))
        throw new AppError("validation_failed", `There is no demo card called ${card}`, [
          { path: "body.card", message: "must be one of the demo cards" },
        ]);
      const outcome = await panel.tap(readerId, card, pin);
      const names = await findHolderNames(deps.db, [outcome.holderId]);
      return {
        granted: outcome.granted,
        reason: outcome.reason,
        message: outcome.message,
        holderName: outcome.holderId === null ? null : (names.get(outcome.holderId) ?? null),
      };
    },
  );
}
