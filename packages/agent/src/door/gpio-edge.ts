/** One line of `gpiomon --format="%e %o %s %n"`: the edge, the line offset and the kernel's timestamp. */
export interface GpioEdge {
  rising: boolean;
  line: number;
  seconds: number;
  nanoseconds: number;
}

const EDGE_LINE = /^([01]) (\d+) (\d+) (\d+)$/;

/** Reads one output line of gpiomon in the agent's format; null when it is anything else. */
export function parseGpioEdge(text: string): GpioEdge | null {
  const match = EDGE_LINE.exec(text.trim());
  if (match === null) return null;
  return {
    rising: match[1] === "1",
    line: Number(match[2]),
    seconds: Number(match[3]),
    nanoseconds: Number(match[4]),
  };
}
