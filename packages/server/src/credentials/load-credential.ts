import type { EnrolledCredential } from "@tobira/protocol";
import type { Executor } from "../db/transaction";
import { notFound } from "../errors";
import { findCredential } from "./credential-repository";

export async function loadCredential(db: Executor, id: number): Promise<EnrolledCredential> {
  const credential = await findCredential(db, id);
  if (!credential) throw notFound(`Credential ${id}`);
  return credential;
}
