/** The agent's clock: doors decide schedules on it, so it is injected and never read elsewhere. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
