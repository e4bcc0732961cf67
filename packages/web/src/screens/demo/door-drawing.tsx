import type { DoorState } from "@tobira/protocol";

/**
 * A door seen from the corridor: the leaf swings in when the contact reports it open, the handle's
 * lamp is red while locked and green while released, and lockdown draws a bar across. Decorative:
 * the same state is always written out beside it.
 */
export function DoorDrawing({ state }: { state: DoorState | null }) {
  const open = state?.contact === "open";
  const released = state?.lock === "released";
  const classes = [
    "door-drawing",
    state === null ? "door-drawing--unknown" : "",
    open ? "door-drawing--open" : "",
    released ? "door-drawing--released" : "",
    state?.lockdown ? "door-drawing--lockdown" : "",
  ].filter((name) => name !== "");
  return (
    <svg className={classes.join(" ")} viewBox="0 0 64 96" width="64" height="96" aria-hidden="true">
      <rect className="door-drawing__frame" x="4" y="4" width="56" height="88" />
      {open ? (
        <polygon className="door-drawing__leaf" points="8,8 30,16 30,84 8,88" />
      ) : (
        <rect className="door-drawing__leaf" x="8" y="8" width="48" height="80" />
      )}
      <circle className="door-drawing__lamp" cx={open ? 26 : 48} cy="50" r="4" />
      {state?.lockdown ? <rect className="door-drawing__bar" x="0" y="44" width="64" height="10" /> : null}
    </svg>
  );
}
