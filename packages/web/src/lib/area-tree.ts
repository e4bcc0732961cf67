import type { AreaDto } from "@tobira/protocol";

export interface AreaRow {
  area: AreaDto;
  depth: number;
}

/** Areas in tree order (each followed by the areas inside it), with their depth. */
export function flattenAreas(areas: readonly AreaDto[]): AreaRow[] {
  const known = new Set(areas.map((area) => area.id));
  const children = new Map<number | null, AreaDto[]>();
  for (const area of areas) {
    const parent = area.parentId !== null && known.has(area.parentId) ? area.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(area);
    children.set(parent, list);
  }
  const rows: AreaRow[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    const list = (children.get(parent) ?? []).toSorted((a, b) => a.name.localeCompare(b.name, "ja"));
    for (const area of list) {
      if (seen.has(area.id)) continue;
      seen.add(area.id);
      rows.push({ area, depth });
      visit(area.id, depth + 1);
    }
  };
  visit(null, 0);
  // An area caught in a loop of parents still shows, at the top level.
  for (const area of areas) if (!seen.has(area.id)) rows.push({ area, depth: 0 });
  return rows;
}

export function areaName(areas: readonly AreaDto[], id: number): string {
  return areas.find((area) => area.id === id)?.name ?? `#${id}`;
}
