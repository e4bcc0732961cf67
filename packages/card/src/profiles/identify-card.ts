import type { CardConnection } from "../transport/transport";
import type { CardIdentity, CardProfile } from "./card-identity";
import { jpkiProfile } from "./jpki-profile";
import { staffCardProfile } from "./staff-card-profile";
import { uidProfile } from "./uid-profile";

/** The My Number Card first, then Tobira's staff card, then plain IC cards. */
export const defaultProfiles: readonly CardProfile[] = [jpkiProfile, staffCardProfile, uidProfile];

/** Asks each profile in turn; null when no profile knows the card. */
export async function identifyCard(
  connection: CardConnection,
  profiles: readonly CardProfile[] = defaultProfiles,
): Promise<CardIdentity | null> {
  for (const profile of profiles) {
    const identity = await profile.identify(connection);
    if (identity) return identity;
  }
  return null;
}
