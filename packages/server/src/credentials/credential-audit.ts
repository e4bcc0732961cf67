/**
 * What an audit entry says about a credential: ids, kind and key (a certificate's issuer and serial
 * carry no personal data). Never a name, least of all a visitor's.
 */
export function describeCredentialForAudit(credential: {
  id: number;
  kind: string;
  key: string;
  staff_id?: number | null;
  visitor_id?: number | null;
}): Record<string, unknown> {
  return {
    credentialId: credential.id,
    kind: credential.kind,
    key: credential.key,
    ...(credential.staff_id == null ? {} : { staffId: credential.staff_id }),
    ...(credential.visitor_id == null ? {} : { visitorId: credential.visitor_id }),
  };
}
