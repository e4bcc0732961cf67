import type { ServerMessage } from "@tobira/protocol";
import { type EnrolmentResult, proveEnrolmentCard } from "./enrolment-card";
import type { RoleDeps, RoleHandle } from "./role";
import { isRoleReader } from "./tap/choose-reader";
import { withCard } from "./tap/with-card";

type EnrolmentRequest = Extract<ServerMessage, { type: "enrolment_request" }>;

const busyMessage = "この端末は別の登録を処理中です / The station is busy with another enrolment";
const timeoutMessage = "時間内にカードが置かれませんでした / No card was shown in time";

/**
 * The enrolment station: when the administrator starts an enrolment, it asks for the staff member's
 * card, has the card prove itself over the server's challenge (with the PIN for a My Number Card), and
 * sends the result; the server verifies it and binds the card.
 */
export function startEnrolmentRole(deps: RoleDeps): RoleHandle {
  const { config, clock, log, link, readers, kiosk, pinEntry } = deps;
  let waiting: { request: EnrolmentRequest; timer: NodeJS.Timeout } | null = null;
  let working: Promise<void> | null = null;

  function sendResult(enrolmentId: string, result: EnrolmentResult): void {
    const sent = link.send({ type: "enrolment_result", enrolmentId, result });
    if (!sent) {
      kiosk?.show({
        kind: "message",
        tone: "error",
        text: "サーバに接続できません / The server cannot be reached",
      });
      return;
    }
    kiosk?.show(
      result.ok
        ? { kind: "enrolment", text: "確認しています… / Checking the card…" }
        : { kind: "message", tone: "error", text: result.message },
    );
  }

  function startEnrolment(request: EnrolmentRequest): void {
    if (waiting !== null || working !== null) {
      link.send({
        type: "enrolment_result",
        enrolmentId: request.enrolmentId,
        result: { ok: false, message: busyMessage },
      });
      return;
    }
    const timer = setTimeout(
      () => {
        if (waiting?.request.enrolmentId !== request.enrolmentId) return;
        waiting = null;
        sendResult(request.enrolmentId, { ok: false, message: timeoutMessage });
      },
      Math.max(Date.parse(request.expiresAt) - clock().getTime(), 0),
    );
    waiting = { request, timer };
    const text = `${request.staffName} さんのカードを置いてください / Place ${request.staffName}'s card on the reader`;
    kiosk?.show({ kind: "enrolment", text });
  }

  async function enrolCard(request: EnrolmentRequest, reader: string): Promise<void> {
    kiosk?.show({ kind: "enrolment", text: "カードを読み取っています… / Reading the card…" });
    const work = await withCard(readers, reader, (connection) =>
      proveEnrolmentCard(connection, request, pinEntry),
    );
    sendResult(
      request.enrolmentId,
      work.ok ? work.value : { ok: false, message: work.message.slice(0, 200) },
    );
  }

  const stopReaders = readers.onEvent((event) => {
    if (event.type !== "card-inserted" || waiting === null || working !== null) return;
    if (!isRoleReader(config, readers, event.reader)) return;
    const { request, timer } = waiting;
    clearTimeout(timer);
    waiting = null;
    working = enrolCard(request, event.reader)
      .catch((error: unknown) => {
        log.error({ category: "agent", err: error }, "an enrolment could not be handled");
        sendResult(request.enrolmentId, {
          ok: false,
          message: "カードを読み取れませんでした / Card unreadable",
        });
      })
      .finally(() => {
        working = null;
      });
  });

  const stopMessages = link.onMessage((message) => {
    if (message.type === "enrolment_request") startEnrolment(message);
    if (message.type === "enrolment_finished") {
      const text = message.ok
        ? `登録しました / Enrolled: ${message.message}`
        : `登録できませんでした / Not enrolled: ${message.message}`;
      kiosk?.show({ kind: "message", tone: message.ok ? "info" : "error", text });
    }
  });

  return {
    async close() {
      stopMessages();
      stopReaders();
      if (waiting !== null) clearTimeout(waiting.timer);
      waiting = null;
      await working;
    },
  };
}
