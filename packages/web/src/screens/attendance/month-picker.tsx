import { useI18n } from "../../i18n/i18n";
import { isMonth, shiftMonth } from "./month-days";

interface MonthPickerProps {
  id: string;
  month: string;
  onChange: (month: string) => void;
}

/** 対象月: a month field with buttons for the month before and after. */
export function MonthPicker({ id, month, onChange }: MonthPickerProps) {
  const { t } = useI18n();
  return (
    <div className="field month-picker">
      <div className="field__label">
        <label htmlFor={id}>{t("month.pick")}</label>
      </div>
      <div className="button-row" style={{ alignItems: "center", marginTop: 0 }}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(shiftMonth(month, -1))}
        >
          {t("month.previous")}
        </button>
        <input
          id={id}
          name={id}
          type="month"
          value={month}
          onChange={(event) => {
            if (isMonth(event.target.value)) onChange(event.target.value);
          }}
        />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(shiftMonth(month, 1))}
        >
          {t("month.next")}
        </button>
      </div>
    </div>
  );
}
