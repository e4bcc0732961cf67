import type { CredentialKind } from "@tobira/protocol";

/** A card whose identity (and, for cards that can sign, possession) has been checked: ready to store. */
export interface ProvenCard {
  kind: CredentialKind;
  key: string;
  jpkiIssuer: string | null;
  jpkiSerial: string | null;
  /** SubjectPublicKeyInfo DER, base64. */
  publicKey: string | null;
  validFrom: string | null;
  validTo: string | null;
}
