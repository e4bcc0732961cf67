import { signedSnapshotSchema, snapshotPublicKeySchema } from "@tobira/protocol";
import type { Deps } from "../deps";
import type { Api } from "../http/api";
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
