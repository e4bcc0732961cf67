import type { ChainHead } from "@tobira/protocol";
import type { MessageKey } from "../../i18n/ja";

/** A head as typed: none (empty), a head to send, or the reason it cannot be one. */
export type ChainHeadInput = { ok: true; head: ChainHead | null } | { ok: false; error: MessageKey };

const shape = /^([^:]*):(.*)$/;
const digits = /^[0-9]+$/;
const sha256Hex = /^[0-9a-f]{64}$/;

/**
 * Reads a head an auditor noted as "SEQ:HASH" (as the check prints it and the server logs it).
 * Full-width digits, letters and colon typed through a Japanese input method count as their ASCII forms.
 */
export function parseChainHead(text: string): ChainHeadInput {
  const typed = text.normalize("NFKC").trim();
  if (typed === "") return { ok: true, head: null };
  const parts = shape.exec(typed);
  if (parts === null) return { ok: false, error: "audit.headErrorShape" };
  const seqText = (parts[1] ?? "").trim();
  const hash = (parts[2] ?? "").trim().toLowerCase();
  if (!digits.test(seqText)) return { ok: false, error: "audit.headErrorSeq" };
  const seq = Number(seqText);
  if (seq < 1 || !Number.isSafeInteger(seq)) return { ok: false, error: "audit.headErrorSeq" };
  if (!sha256Hex.test(hash)) return { ok: false, error: "audit.headErrorHash" };
  return { ok: true, head: { seq, hash } };
}

/** How the check prints a head, and how it is typed back in. */
export function formatChainHead(head: ChainHead): string {
  return `${head.seq}:${head.hash}`;
}
