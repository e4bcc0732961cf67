import {
  signedSnapshotDeltaSchema,
  signedSnapshotSchema,
  snapshotDeltaQuerySchema,
  snapshotPublicKeySchema,
} from "@tobira/protocol";
import { z } from "zod";
import type { Deps } from "../deps";
import type { Api } from "../http/api";
import { publishDelta } from "./publish-delta";
import { publishSnapshot } from "./publish-snapshot";
import { loadSigningKey } from "./signing-key-repository";

const tags = ["access"];

export function registerSnapshotRoutes(api: Api, deps: Deps): void {
  // Agents get their own authentication with the reader hub; until then an administrator can fetch it.
  api.get(
    "/api/access/snapshot",
    {
      config: { access: "access.read" },
      schema: { tags, response: { 200: signedSnapshotSchema } },
    },
    async () => publishSnapshot(deps),
  );

  // A small signed delta for an agent on a recent version: 204 when it is already current, 409 when the
  // changes since cannot be sent as a delta (anything but card status changes, or versions no longer kept).
  api.get(
    "/api/access/snapshot/delta",
    {
      config: { access: "access.read" },
      schema: {
        tags,
        querystring: snapshotDeltaQuerySchema,
        response: { 200: signedSnapshotDeltaSchema, 204: z.null() },
      },
    },
    async (request, reply) => {
      const delta = await publishDelta(deps, request.query.since);
      if (delta === null) return reply.code(204).send(null);
      return delta;
    },
  );

  api.get(
    "/api/access/snapshot/public-key",
    {
      config: { access: "access.read" },
      schema: { tags, response: { 200: snapshotPublicKeySchema } },
    },
    async () => {
      const key = await loadSigningKey(deps.db, deps.clock.now());
      return { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
    },
  );
}
