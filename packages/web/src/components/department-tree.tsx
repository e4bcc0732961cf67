import { useI18n } from "../i18n/i18n";
import { departmentKindKey } from "../i18n/labels";
import type { DepartmentNode } from "../lib/department-tree";
import { Link } from "../router/link";

interface DepartmentTreeProps {
  nodes: readonly DepartmentNode[];
  expanded: ReadonlySet<number>;
  onToggle: (departmentId: number) => void;
  linkTo: (departmentId: number) => string;
}

/**
 * Nested lists with a disclosure button per branch: plain buttons and links, so Tab, Enter and Space
 * are all a keyboard user needs.
 */
export function DepartmentTree({ nodes, expanded, onToggle, linkTo }: DepartmentTreeProps) {
  const { t } = useI18n();
  return (
    <ul className="department-tree">
      {nodes.map(({ department, children }) => {
        const open = expanded.has(department.id);
        const childListId = `department-${department.id}-children`;
        return (
          <li key={department.id}>
            <div className="department-tree__row">
              {children.length > 0 ? (
                <button
                  type="button"
                  className="department-tree__toggle"
                  aria-expanded={open}
                  aria-controls={childListId}
                  onClick={() => onToggle(department.id)}
                >
                  <span aria-hidden="true">{open ? "▾" : "▸"}</span>
                  <span className="visually-hidden">
                    {t(open ? "departments.collapse" : "departments.expand", { name: department.name })}
                  </span>
                </button>
              ) : (
                <span className="department-tree__spacer" aria-hidden="true" />
              )}
              <Link to={linkTo(department.id)}>{department.name}</Link>
              <span className="department-tree__kind">{t(departmentKindKey(department.kind))}</span>
              <span className="department-tree__code">{department.code}</span>
            </div>
            {children.length > 0 ? (
              <div id={childListId} hidden={!open}>
                <DepartmentTree nodes={children} expanded={expanded} onToggle={onToggle} linkTo={linkTo} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
