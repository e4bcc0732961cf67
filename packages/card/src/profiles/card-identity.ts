/** Who a card says it is, at tap level (no PIN, no proof yet). */
export type CardIdentity =
  | {
      kind: "jpki";
      /** The user-authentication certificate's issuer and serial: the key of a My Number Card credential. */
      issuer: string;
      serialNumber: string;
      notBefore: string;
      notAfter: string;
    }
  | { kind: "staffCard"; cardId: string; publicKey: Uint8Array }
  | { kind: "uid"; uid: string };

export type CardKind = CardIdentity["kind"];

/** A kind of card Tobira can recognise. Profiles are tried in order; the first that recognises the card wins. */
export interface CardProfile {
  readonly kind: CardKind;
  /** The card's identity, or null when this is not a card of this kind. */
  identify(connection: import("../transport/transport").CardConnection): Promise<CardIdentity | null>;
}
