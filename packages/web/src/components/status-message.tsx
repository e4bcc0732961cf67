import { Children, type ReactNode } from "react";

/** A polite live region for good news; always present so screen readers hear it when it fills. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  const empty = Children.toArray(children).length === 0;
  return (
    <div role="status" className={empty ? "status status--empty" : "status"}>
      {children}
    </div>
  );
}
