import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import type { TestJpkiCa } from "../x509/index";

/** A test CA kept in a file, so many virtual cards can share one issuer. Never a production CA. */
interface TestCaFile {
  kind: "test-ca";
  generation: TestJpkiCa["generation"];
  certificate: string;
  privateKey: string;
}

export async function saveTestCa(path: string, ca: TestJpkiCa): Promise<void> {
  const file: TestCaFile = {
    kind: "test-ca",
    generation: ca.generation,
    certificate: Buffer.from(ca.certificate).toString("base64"),
    privateKey: ca.privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"),
  };
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}

export async function loadTestCa(path: string): Promise<TestJpkiCa> {
  const value: unknown = JSON.parse(await readFile(path, "utf8"));
  if (
    typeof value !== "object" ||
    value === null ||
    !("kind" in value) ||
    value.kind !== "test-ca" ||
    !("certificate" in value) ||
    typeof value.certificate !== "string" ||
    !("privateKey" in value) ||
    typeof value.privateKey !== "string"
  ) {
    throw new Error(`${path} is not a test CA file (kind "test-ca" with certificate and privateKey)`);
  }
  const generation = "generation" in value && value.generation === "2015" ? "2015" : "2023";
  const privateKey = createPrivateKey({
    key: Buffer.from(value.privateKey, "base64"),
    format: "der",
    type: "pkcs8",
  });
  return {
    generation,
    certificate: Uint8Array.from(Buffer.from(value.certificate, "base64")),
    privateKey,
    publicKey: createPublicKey(privateKey),
  };
}
