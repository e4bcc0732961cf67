/** Whether a line's signal is asserted at a physical level: activeLow wiring asserts at 0 V. */
export function isAsserted(high: boolean, activeLow: boolean): boolean {
  return high !== activeLow;
}

/** The physical level (0 or 1) that asserts, or de-asserts, a line's signal. */
export function toLevel(asserted: boolean, activeLow: boolean): 0 | 1 {
  return asserted !== activeLow ? 1 : 0;
}
