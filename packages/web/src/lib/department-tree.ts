import type { Department } from "@tobira/protocol";

export interface DepartmentNode {
  department: Department;
  depth: number;
  children: DepartmentNode[];
}

/** Builds 部 › 課 › 係 from the flat list; a unit whose parent is not in the list becomes a root. */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const byCode = (a: Department, b: Department) => a.code.localeCompare(b.code, "ja");
  const ids = new Set(departments.map((department) => department.id));
  const childrenOf = new Map<number | null, Department[]>();
  for (const department of departments) {
    const parent = department.parentId !== null && ids.has(department.parentId) ? department.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(department);
    childrenOf.set(parent, siblings);
  }
  const visited = new Set<number>();
  const build = (parent: number | null, depth: number): DepartmentNode[] =>
    (childrenOf.get(parent) ?? [])
      .toSorted(byCode)
      .filter((department) => !visited.has(department.id))
      .map((department) => {
        // A cycle in bad data must not hang the page.
        visited.add(department.id);
        return { department, depth, children: build(department.id, depth + 1) };
      });
  return build(null, 0);
}

/** The tree in reading order, for select options. */
export function flattenDepartmentTree(nodes: readonly DepartmentNode[]): DepartmentNode[] {
  return nodes.flatMap((node) => [node, ...flattenDepartmentTree(node.children)]);
}
