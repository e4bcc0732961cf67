import type { Punch } from "@tobira/protocol";

/** What the terminal's full-screen page shows (Japanese first, large). */
export type KioskView =
  | { kind: "idle"; readerName: string; online: boolean }
  | {
      kind: "punched";
      name: string;
      punch: Punch;
      at: string;
      /** Until this instant the person may switch 出勤 ↔ 退勤 on the screen. */
      changeableUntil: string;
      /** e.g. "出勤の記録がありません / no clock-in today". */
      note: string | null;
    }
  | { kind: "message"; tone: "info" | "error"; text: string }
  | { kind: "pin"; prompt: string }
  | { kind: "enrolment"; text: string };

export type KioskAction = { kind: "changePunch"; punch: Punch } | { kind: "pin"; pin: string | null };

/** A local page for a kiosk browser, fed by server-sent events; also the terminal's PIN entry. */
export interface KioskScreen {
  readonly url: string;
  show(view: KioskView): void;
  onAction(listener: (action: KioskAction) => void): () => void;
  close(): Promise<void>;
}
