import type { ReactNode } from "react";
import { useDocumentTitle } from "../lib/use-document-title";

/** The screen's one h1; focusable so that focus can land here after navigation. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}
