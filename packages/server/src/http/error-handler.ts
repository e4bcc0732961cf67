import { type ErrorBody, type ErrorIssue, errorStatus } from "@tobira/protocol";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors";

/** The one place where errors become HTTP responses. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toErrorBody(error);
    const status = errorStatus[body.error.id];
    if (status >= 500) request.log.error({ err: error }, "request failed");
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { id: "not_found", message: `No route for ${request.method} ${request.url.split("?")[0]}` },
    };
    return reply.status(404).send(body);
  });
}

function toErrorBody(error: FastifyError): ErrorBody {
  if (error instanceof AppError) {
    return {
      error: { id: error.id, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: ErrorIssue[] = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split("/")].filter(Boolean).join("."),
      message: v.message ?? "is invalid",
    }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    return { error: { id: "validation_failed", message: `The request is invalid: ${summary}`, issues } };
  }
  if (
    error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ||
    error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
    error.statusCode === 400
  ) {
    return { error: { id: "validation_failed", message: error.message } };
  }
  if (error.statusCode === 413)
    return { error: { id: "validation_failed", message: "The request body is too large." } };
  if (isUniqueViolation(error)) {
    return {
      error: {
        id: "conflict",
        message: "The change clashes with a record saved at the same moment; reload and try again.",
      },
    };
  }
  if (isDatabaseDown(error))
    return {
      error: { id: "database_unavailable", message: "The database is not reachable; try again shortly." },
    };
  return { error: { id: "internal", message: "Something went wrong on the server; it has been logged." } };
}

// Two requests racing past the same existence check: PostgreSQL's 23505, SQLite's constraint codes.
function isUniqueViolation(error: Error & { code?: string }): boolean {
  return (
    error.code === "23505" ||
    error.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    error.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

// Refused, reset or timed-out connections, and PostgreSQL's shutdown and connection-failure classes.
const databaseDownCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);

function isDatabaseDown(error: Error & { code?: string }): boolean {
  return (
    (error.code !== undefined && databaseDownCodes.has(error.code)) ||
    error.message.startsWith("Connection terminated") ||
    error.message === "timeout exceeded when trying to connect"
  );
}
