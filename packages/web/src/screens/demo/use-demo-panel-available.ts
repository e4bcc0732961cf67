import { useEffect, useState } from "react";
import { probeDemoPanel } from "../../api/demo-panel";

// Demo mode is fixed for the server's lifetime, so one clear answer serves every later screen.
let known: boolean | null = null;

/** True once the server has shown it runs the demo's virtual door panel. */
export function useDemoPanelAvailable(): boolean {
  const [available, setAvailable] = useState(known === true);

  useEffect(() => {
    if (known !== null) return;
    const controller = new AbortController();
    probeDemoPanel(controller.signal).then(
      (answer) => {
        if (answer !== null) known = answer;
        if (!controller.signal.aborted) setAvailable(answer === true);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  return available;
}
