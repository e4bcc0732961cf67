import { DerError } from "../der/index";

export type CertificateParseErrorReason = "truncated" | "malformed";

/** A certificate (or CRL) that cannot be read: cut short, or not well-formed. */
export class CertificateParseError extends Error {
  override name = "CertificateParseError";

  constructor(
    readonly reason: CertificateParseErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Runs a reader, turning DER errors into a CertificateParseError about `what`. */
export function readOrThrow<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CertificateParseError) throw error;
    if (error instanceof DerError) {
      const reason = error.reason === "truncated" ? "truncated" : "malformed";
      throw new CertificateParseError(reason, `${what}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
