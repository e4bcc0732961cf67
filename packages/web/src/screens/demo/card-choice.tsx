import type { DemoPanel } from "@tobira/protocol";
import { credentialKindKey } from "../../i18n/access-labels";
import { useI18n } from "../../i18n/i18n";

type PanelCard = DemoPanel["cards"][number];

interface CardChoiceProps {
  cards: readonly PanelCard[];
  selected: string;
  error: string | undefined;
  onSelect: (name: string) => void;
}

/** The virtual cards as radio buttons: label, kind and holder. */
export function CardChoice({ cards, selected, error, onSelect }: CardChoiceProps) {
  const { t } = useI18n();
  return (
    <fieldset
      id="demo-card"
      className={error ? "demo-cards field--invalid" : "demo-cards"}
      aria-describedby={error ? "demo-card-error" : undefined}
      tabIndex={-1}
    >
      <legend>{t("demo.cards")}</legend>
      {error ? (
        <p id="demo-card-error" className="field__error">
          {error}
        </p>
      ) : null}
      {cards.length === 0 ? <p className="empty">{t("demo.noCards")}</p> : null}
      {cards.map((card, index) => {
        const id = `demo-card-${index}`;
        return (
          <div key={card.name} className="checkbox demo-cards__card">
            <input
              id={id}
              type="radio"
              name="demo-card"
              value={card.name}
              checked={selected === card.name}
              onChange={() => onSelect(card.name)}
            />
            <label htmlFor={id}>
              <span className="demo-cards__label">{card.label}</span>
              <span className="demo-cards__meta">
                {t("demo.cardMeta", {
                  kind: t(credentialKindKey(card.kind)),
                  holder: card.holderName ?? t("demo.noHolder"),
                })}
              </span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
