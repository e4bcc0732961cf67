import { useEffect, useRef } from "react";

/** Calls `tick` every `ms` while `active`, skipping beats while the tab is hidden. */
export function useInterval(tick: () => void, ms: number, active = true): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (!document.hidden) tickRef.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms, active]);
}
