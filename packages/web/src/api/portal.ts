import {
  type PortalSummaryDto,
  type PortalTapsDto,
  portalSummarySchema,
  portalTapsSchema,
} from "@tobira/protocol";
import { request } from "./client";

/** The staff portal: my own summary and my card taps. */

export function getPortalSummary(signal?: AbortSignal): Promise<PortalSummaryDto> {
  return request("GET", "/api/portal/summary", { parser: portalSummarySchema, signal });
}

/** My taps between two local dates (inclusive; at most 31 days), newest first. */
export function listMyTaps(from: string, to: string, signal?: AbortSignal): Promise<PortalTapsDto> {
  return request("GET", "/api/portal/taps", { parser: portalTapsSchema, query: { from, to }, signal });
}
