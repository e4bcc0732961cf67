/** A job that runs beside the server until `stop`. */
export interface RepeatingJob {
  /** Stops the job, waiting for a run in progress to end. */
  stop(): Promise<void>;
}

/** Runs `task` now and then every `everyMs`, never two at once. */
export function repeat(everyMs: number, task: () => Promise<void>): RepeatingJob {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = task().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  const first = setImmediate(tick);
  return {
    async stop() {
      clearImmediate(first);
      clearInterval(timer);
      await running;
    },
  };
}
