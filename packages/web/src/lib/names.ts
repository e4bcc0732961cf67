import type { StaffSummary } from "@tobira/protocol";

type Named = Pick<StaffSummary, "familyName" | "givenName">;
type Kana = Pick<StaffSummary, "familyNameKana" | "givenNameKana">;

export function fullName(person: Named): string {
  return `${person.familyName} ${person.givenName}`;
}

export function fullNameKana(person: Kana): string {
  return `${person.familyNameKana} ${person.givenNameKana}`;
}
