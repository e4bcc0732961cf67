/** Core names people by opaque ids; a person here is a staff member, named `staff:<id>`. */
export function toPersonId(staffId: number): string {
  return `staff:${staffId}`;
}

/** The staff id in a person id, or null for an id that names no staff member. */
export function staffIdOfPerson(personId: string): number | null {
  const match = /^staff:(\d+)$/.exec(personId);
  return match ? Number(match[1]) : null;
}
