import {
  credentialListQuerySchema,
  credentialListSchema,
  credentialReasonInputSchema,
  enrolledCredentialSchema,
  enrolmentChallengeSchema,
  enrolmentInputSchema,
  expiringListSchema,
  expiringQuerySchema,
  idParamsSchema,
  replacementInputSchema,
} from "@tobira/protocol";
import type { Deps } from "../deps";
import { type Api, signedInUser } from "../http/api";
import { changeCredentialStatus, type StatusChange } from "./change-credential-status";
import { listCredentials } from "./credential-repository";
import { enrolCredential } from "./enrol-credential";
import { issueEnrolmentChallenge } from "./enrolment-challenge";
import { listExpiringCredentials } from "./list-expiring-credentials";
import { loadCredential } from "./load-credential";
import { replaceCredential } from "./replace-credential";
import { registerVisitorRoutes } from "./visitor-routes";

const statusChanges: readonly StatusChange[] = ["suspend", "reinstate", "revoke"];

/** Credentials (cards bound to staff) and the duty officer's visitor cards. */
export function registerCredentialRoutes(api: Api, deps: Deps): void {
  const tags = ["credentials"];

  api.post(
    "/api/credentials/enrolment-challenges",
    {
      config: { access: "access.manage" },
      schema: { tags, response: { 200: enrolmentChallengeSchema } },
    },
    async (request) => issueEnrolmentChallenge(deps, signedInUser(request).loginId),
  );

  api.post(
    "/api/credentials",
    {
      config: { access: "access.manage" },
      schema: { tags, body: enrolmentInputSchema, response: { 200: enrolledCredentialSchema } },
    },
    async (request) => enrolCredential(deps, signedInUser(request).loginId, request.body),
  );

  api.get(
    "/api/credentials",
    {
      config: { access: "access.read" },
      schema: { tags, querystring: credentialListQuerySchema, response: { 200: credentialListSchema } },
    },
    async (request) => listCredentials(deps.db, request.query),
  );

  api.get(
    "/api/credentials/expiring",
    {
      config: { access: "access.read" },
      schema: { tags, querystring: expiringQuerySchema, response: { 200: expiringListSchema } },
    },
    async (request) => {
      const { days } = request.query;
      return { days, items: await listExpiringCredentials(deps.db, deps.clock.now(), days) };
    },
  );

  api.get(
    "/api/credentials/:id",
    {
      config: { access: "access.read" },
      schema: { tags, params: idParamsSchema, response: { 200: enrolledCredentialSchema } },
    },
    async (request) => loadCredential(deps.db, request.params.id),
  );

  for (const change of statusChanges) {
    api.post(
      `/api/credentials/:id/${change}`,
      {
        config: { access: "access.manage" },
        schema: {
          tags,
          params: idParamsSchema,
          body: credentialReasonInputSchema,
          response: { 200: enrolledCredentialSchema },
        },
      },
      async (request) =>
        changeCredentialStatus(
          deps,
          signedInUser(request).loginId,
          request.params.id,
          change,
          request.body.reason,
        ),
    );
  }

  api.post(
    "/api/credentials/:id/replace",
    {
      config: { access: "access.manage" },
      schema: {
        tags,
        params: idParamsSchema,
        body: replacementInputSchema,
        response: { 200: enrolledCredentialSchema },
      },
    },
    async (request) =>
      replaceCredential(deps, signedInUser(request).loginId, request.params.id, request.body),
  );

  registerVisitorRoutes(api, deps);
}
