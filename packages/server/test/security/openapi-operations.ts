import type { FastifyInstance } from "fastify";

/** A JSON Schema node as the OpenAPI document holds it (read through `isRecord`, never cast). */
export type SchemaNode = Record<string, unknown>;

export interface Parameter {
  name: string;
  required: boolean;
  schema: SchemaNode;
}

/** One API operation with the input schemas its route declares (zod, rendered to JSON Schema). */
export interface Operation {
  method: string;
  /** The route as Fastify spells it: `/api/staff/:id`. */
  url: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: SchemaNode | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parametersOf(operation: SchemaNode, location: "path" | "query"): Parameter[] {
  const list = Array.isArray(operation.parameters) ? operation.parameters : [];
  return list.flatMap((parameter) => {
    if (!isRecord(parameter) || parameter.in !== location || typeof parameter.name !== "string") return [];
    const schema = isRecord(parameter.schema) ? parameter.schema : {};
    return [{ name: parameter.name, required: parameter.required === true, schema }];
  });
}

function bodyOf(operation: SchemaNode): SchemaNode | undefined {
  const body = operation.requestBody;
  if (!isRecord(body) || !isRecord(body.content)) return undefined;
  const json = body.content["application/json"];
  return isRecord(json) && isRecord(json.schema) ? json.schema : undefined;
}

/**
 * Every API operation of a ready app, read from the OpenAPI document that the route schemas generate,
 * so a route added later is fuzzed without touching the tests.
 */
export function operationsOf(app: FastifyInstance): Operation[] {
  const document: unknown = app.swagger();
  if (!isRecord(document) || !isRecord(document.paths)) throw new Error("the app has no OpenAPI paths");
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    if (!path.startsWith("/api/") || !isRecord(methods)) continue;
    for (const [method, operation] of Object.entries(methods)) {
      if (!isRecord(operation)) continue;
      operations.push({
        method: method.toUpperCase(),
        url: path.replace(/\{(\w+)\}/g, ":$1"),
        pathParams: parametersOf(operation, "path"),
        queryParams: parametersOf(operation, "query"),
        body: bodyOf(operation),
      });
    }
  }
  return operations;
}
