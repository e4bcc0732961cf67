import type { AuditVerifyResult } from "@tobira/protocol";
import type { ChainVerification } from "../db/hash-chain";

/** A verification as the API answers it; `entries` names what the chain holds ("entries", "events"). */
export function presentChainVerification(result: ChainVerification, entries: string): AuditVerifyResult {
  if (!result.ok)
    return {
      ok: false,
      count: result.count,
      brokenAt: result.brokenAt,
      reason: result.reason,
      message: result.message,
      head: null,
    };
  const { count, head } = result;
  const newest = head === null ? "" : ` The newest is seq ${head.seq}, hash ${head.hash}.`;
  return {
    ok: true,
    count,
    brokenAt: null,
    reason: null,
    message: `All ${count} ${entries} are intact.${newest}`,
    head,
  };
}
