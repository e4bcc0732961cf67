/**
 * How readers name a card (see `Credential.key` in core's access policy). A My Number Card is named by
 * its user-authentication certificate, never by its UID, which is random per session.
 */
export function jpkiCredentialKey(issuer: string, serialNumber: string): string {
  return `jpki:${issuer}#${serialNumber}`;
}

export function staffCardCredentialKey(cardId: string): string {
  return `staffCard:${cardId.toLowerCase()}`;
}

export function uidCredentialKey(uid: string): string {
  return `uid:${uid.toLowerCase()}`;
}
