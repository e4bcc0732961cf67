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

export function signedInUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error("access control let an anonymous request through");
  return request.user;
}
