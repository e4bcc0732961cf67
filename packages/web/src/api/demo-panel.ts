import {
  type DemoPanel,
  type DemoTap,
  type DemoTapResult,
  demoPanelSchema,
  demoTapResultSchema,
} from "@tobira/protocol";
import { ApiError, request } from "./client";

/** The demo's virtual door panel; the server answers 404 unless it runs in demo mode. */

export function getDemoPanel(signal?: AbortSignal): Promise<DemoPanel> {
  return request("GET", "/api/demo/panel", { parser: demoPanelSchema, signal });
}

/**
 * Whether this server runs the demo: true or false once it has answered, null when it could not
 * say (offline, signed out). Asked quietly so a server outside demo mode bothers nobody.
 */
export async function probeDemoPanel(signal?: AbortSignal): Promise<boolean | null> {
  try {
    await request("GET", "/api/demo/panel", { parser: demoPanelSchema, signal, quiet: true });
    return true;
  } catch (error) {
    if (error instanceof ApiError) return error.status === 404 ? false : null;
    throw error;
  }
}

export function tapDemoCard(body: DemoTap): Promise<DemoTapResult> {
  return request("POST", "/api/demo/panel/taps", { parser: demoTapResultSchema, body });
}
