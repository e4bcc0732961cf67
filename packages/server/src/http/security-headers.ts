import type { FastifyReply, FastifyRequest } from "fastify";

const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data:",
  // The API documentation page carries inline styles.
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export async function securityHeaders(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header("X-Content-Type-Options", "nosniff");
  reply.header("X-Frame-Options", "DENY");
  reply.header("Referrer-Policy", "same-origin");
  reply.header("Cross-Origin-Opener-Policy", "same-origin");
  if (!request.url.startsWith("/api/docs")) reply.header("Content-Security-Policy", contentSecurityPolicy);
  if (request.url.startsWith("/api/")) reply.header("Cache-Control", "no-store");
}
