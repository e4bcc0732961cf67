export type { CardIdentity, CardKind, CardProfile } from "./card-identity";
export { defaultProfiles, identifyCard } from "./identify-card";
export { jpkiProfile, proveJpkiCardholder } from "./jpki-profile";
export { staffCardProfile } from "./staff-card-profile";
export { uidProfile } from "./uid-profile";
