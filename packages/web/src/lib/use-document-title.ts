import { useEffect } from "react";

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} | 扉 Tobira`;
  }, [title]);
}
