import { choosePunch } from "@tobira/core";
import type { Punch } from "@tobira/protocol";
import { checkPunchCard, describeHolder } from "./attendance-punch-card";
import type { KioskView } from "./kiosk/kiosk-screen";
import type { OutboxEvent } from "./outbox/outbox";
import type { RoleDeps, RoleHandle } from "./role";
import { readPresentation } from "./tap/read-presentation";
import { describeOutcome } from "./tap/refusal-messages";
import { watchTaps } from "./tap/watch-taps";
import { withCard } from "./tap/with-card";

export type AttendanceOutcome =
  | {
      kind: "punched";
      punch: Punch;
      note: "no_clock_in" | null;
      eventId: string;
      holderId: string;
      at: string;
    }
  /** The same card again within the double-tap time: the punch already recorded, shown again. */
  | { kind: "repeated"; punch: Punch; eventId: string; holderId: string; at: string }
  | { kind: "refused"; reason: string; message: string };

export type PunchChange =
  | { kind: "changed"; punch: Punch; eventId: string; replacesEventId: string }
  | { kind: "refused"; message: string };

export interface AttendanceRole extends RoleHandle {
  handleTap(reader?: string): Promise<AttendanceOutcome>;
  /** What the kiosk's 出勤 / 退勤 switch does, within punchChangeSeconds of the tap. */
  changePunch(punch: Punch): PunchChange;
}

/** The punch on screen, which the person may still switch. */
interface ShownPunch {
  /** The raw tap; a change points at it and never edits it. */
  tapEventId: string;
  credentialKey: string;
  holderId: string;
  punch: Punch;
  at: string;
  changeableUntilMs: number;
}

const dayMs = 24 * 60 * 60_000;
const noClockInNote = "出勤の記録がありません / no clock-in today";
const messageShownMs = 5000;

function findLastPunch(events: readonly OutboxEvent[]): (OutboxEvent & { punch: Punch }) | null {
  const last = events.at(-1);
  return last?.punch === undefined ? null : { ...last, punch: last.punch };
}

/**
 * The attendance terminal (出退勤端末): a tap is 出勤 or 退勤 by the time and the card's last punch,
 * recorded as a punch event and shown large on the kiosk, switchable for a few seconds. Raw taps are
 * never edited: a switch is a new punch that names the one it replaces.
 */
export function startAttendanceRole(deps: RoleDeps): AttendanceRole {
  const { config, clock, outbox, policy, link, readers, kiosk } = deps;
  let shown: ShownPunch | null = null;
  let idleTimer: NodeJS.Timeout | undefined;

  let idle = true;

  function showIdle(): void {
    idle = true;
    kiosk?.show({ kind: "idle", readerName: config.name ?? "出退勤端末", online: link.isConnected() });
  }

  /** Shows `view`, then the idle screen again after `forMs`. */
  function show(view: KioskView, forMs: number): void {
    clearTimeout(idleTimer);
    idle = false;
    kiosk?.show(view);
    idleTimer = setTimeout(showIdle, forMs);
  }

  function showPunch(punch: ShownPunch, note: string | null): void {
    const view: KioskView = {
      kind: "punched",
      name: describeHolder(punch.holderId),
      punch: punch.punch,
      at: punch.at,
      changeableUntil: new Date(punch.changeableUntilMs).toISOString(),
      note,
    };
    show(view, Math.max(punch.changeableUntilMs - clock().getTime(), 0) + messageShownMs);
  }

  function refuse(reason: string, detail: string): AttendanceOutcome {
    const text = describeOutcome(reason);
    show({ kind: "message", tone: "error", text }, messageShownMs);
    return { kind: "refused", reason, message: `${text} (${detail})` };
  }

  function punch(credentialKey: string, holderId: string): AttendanceOutcome {
    const now = clock();
    const at = now.toISOString();
    const last = findLastPunch(
      outbox.punchesSince(credentialKey, new Date(now.getTime() - dayMs).toISOString()),
    );
    if (last !== null && now.getTime() - Date.parse(last.occurredAt) < config.doubleTapSeconds * 1000) {
      const again = shown !== null && shown.credentialKey === credentialKey ? shown : null;
      const changeableUntilMs =
        again?.changeableUntilMs ?? Date.parse(last.occurredAt) + config.punchChangeSeconds * 1000;
      const tapEventId = last.replacesEventId ?? last.eventId;
      shown = {
        tapEventId,
        credentialKey,
        holderId,
        punch: last.punch,
        at: last.occurredAt,
        changeableUntilMs,
      };
      showPunch(shown, null);
      return { kind: "repeated", punch: last.punch, eventId: last.eventId, holderId, at: last.occurredAt };
    }
    const chosen = choosePunch(last === null ? null : { punch: last.punch, at: last.occurredAt }, at);
    const stored = outbox.append({
      occurredAt: at,
      kind: "punch",
      credentialKey,
      holderId,
      punch: chosen.punch,
    });
    link.flush();
    const changeableUntilMs = now.getTime() + config.punchChangeSeconds * 1000;
    shown = {
      tapEventId: stored.eventId,
      credentialKey,
      holderId,
      punch: chosen.punch,
      at,
      changeableUntilMs,
    };
    showPunch(shown, chosen.note === "no_clock_in" ? noClockInNote : null);
    return { kind: "punched", punch: chosen.punch, note: chosen.note, eventId: stored.eventId, holderId, at };
  }

  async function runTap(reader: string | null): Promise<AttendanceOutcome> {
    const index = policy.current()?.index ?? null;
    const work = await withCard(readers, reader, (connection) => readPresentation(connection, index));
    if (!work.ok) return refuse("card_unreadable", work.message);
    if (!work.value.ok) return refuse(work.value.reason, work.value.message);
    const { credentialKey } = work.value.presentation;
    const card = checkPunchCard(index, credentialKey, clock());
    if (!card.ok)
      return refuse(card.reason, card.reason === "unknown_door" ? "no policy yet" : credentialKey);
    return punch(credentialKey, card.holderId);
  }

  function changePunch(next: Punch): PunchChange {
    const current = shown;
    if (current === null || clock().getTime() > current.changeableUntilMs) {
      return { kind: "refused", message: "変更できる時間を過ぎました / Too late to change this punch" };
    }
    if (current.punch === next) return { kind: "refused", message: "変更はありません / Nothing to change" };
    const stored = outbox.append({
      // The punch still happened at the tap; only 出勤 / 退勤 is corrected.
      occurredAt: current.at,
      kind: "punch",
      credentialKey: current.credentialKey,
      holderId: current.holderId,
      punch: next,
      replacesEventId: current.tapEventId,
    });
    link.flush();
    shown = { ...current, punch: next };
    showPunch(shown, null);
    return { kind: "changed", punch: next, eventId: stored.eventId, replacesEventId: current.tapEventId };
  }

  const taps = watchTaps(deps, runTap, () =>
    show(
      { kind: "message", tone: "error", text: "エラーが発生しました / Something went wrong" },
      messageShownMs,
    ),
  );
  const stopActions =
    kiosk?.onAction((action) => {
      if (action.kind === "changePunch") changePunch(action.punch);
    }) ?? (() => undefined);

  const stopConnection = link.onConnectionChange(() => {
    if (idle) showIdle();
  });
  showIdle();

  return {
    handleTap: taps.handleTap,
    changePunch,
    async close() {
      stopActions();
      stopConnection();
      await taps.close();
      clearTimeout(idleTimer);
    },
  };
}
