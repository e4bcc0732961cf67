import type { SessionUser } from "@tobira/protocol";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

/** The Fastify instance routes are registered on: schemas are zod, so handlers get typed input. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Who is calling: the signed-in person, or for a request made with an API token, the token as an
 * actor named `token:<id>` (what audit entries record) with no roles, no staff record and user id 0,
 * which no account has.
 */
export function signedInUser(request: FastifyRequest): SessionUser {
  if (request.user) return request.user;
  const token = request.apiToken;
  if (!token) throw new Error("access control let an anonymous request through");
  return {
    id: 0,
    loginId: `token:${token.id}`,
    staffId: null,
    displayName: token.name,
    roles: [],
    mustChangePassword: false,
  };
}
