import { type ErrorId, type ErrorIssue, errorStatus } from "@tobira/protocol";

/** Server error ids plus the two failures only a client can see. */
export type ClientErrorId = ErrorId | "network_error" | "bad_response";

export class ApiError extends Error {
  readonly id: ClientErrorId;
  readonly status: number;
  readonly issues: readonly ErrorIssue[];

  constructor(id: ClientErrorId, message: string, status = 0, issues: readonly ErrorIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.id = id;
    this.status = status;
    this.issues = issues;
  }
}

/** Anything with a zod-like `parse`; the protocol schemas fit. */
export interface Parser<T> {
  parse(data: unknown): T;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  parser: Parser<T>;
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Leave session-wide reactions (sign-out, forced password change) to the caller. */
  quiet?: boolean;
}

type ErrorListener = (error: ApiError) => void;

let csrfToken: string | null = null;
const errorListeners = new Set<ErrorListener>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called for every failed request that is not `quiet`; the session uses it to notice sign-out. */
export function onApiError(listener: ErrorListener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? path : `${path}?${text}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
  const response = await send(method, path, options);
  const data = await readJson(response);
  try {
    return options.parser.parse(data);
  } catch (error) {
    throw new ApiError("bad_response", describe(error), response.status);
  }
}

/** For file downloads: the body as a Blob with the file name the server suggests. */
export async function requestBlob(
  path: string,
  options: Omit<RequestOptions<unknown>, "parser">,
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send("GET", path, options);
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get("Content-Disposition")) };
}

async function send(method: string, path: string, options: Omit<RequestOptions<unknown>, "parser">) {
  const headers = new Headers({ Accept: "application/json" });
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  if (method !== "GET" && csrfToken !== null) headers.set("X-CSRF-Token", csrfToken);

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError("network_error", describe(error));
  }
  if (response.ok) return response;

  const error = await errorFrom(response);
  if (!options.quiet) for (const listener of errorListeners) listener(error);
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch (error) {
    throw new ApiError("bad_response", describe(error), response.status);
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const fallbackId: ErrorId = response.status === 401 ? "unauthenticated" : "internal";
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    return new ApiError(fallbackId, `HTTP ${response.status} ${response.statusText}`, response.status);
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error === null) {
    return new ApiError(fallbackId, `HTTP ${response.status} ${response.statusText}`, response.status);
  }
  const id = typeof error.id === "string" && isErrorId(error.id) ? error.id : fallbackId;
  const message = typeof error.message === "string" ? error.message : "";
  return new ApiError(id, message, response.status, issuesFrom(error.issues));
}

function issuesFrom(value: unknown): ErrorIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((issue) =>
    isRecord(issue) && typeof issue.message === "string"
      ? [{ path: typeof issue.path === "string" ? issue.path : "", message: issue.message }]
      : [],
  );
}

function isErrorId(id: string): id is ErrorId {
  return Object.hasOwn(errorStatus, id);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads `filename*=UTF-8''…` (RFC 5987) first, then a plain `filename="…"`. */
function fileNameFrom(header: string | null): string | null {
  if (header === null) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded !== undefined) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // fall through to the plain form
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim() ?? null;
}
