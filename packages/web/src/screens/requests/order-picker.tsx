import { listMyRequests } from "../../api/requests";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField } from "../../components/form-fields";
import { formatLocalDate } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";

interface OrderPickerProps {
  id: string;
  label: string;
  error: string | undefined;
  value: string;
  /** The chosen order's id, with its day (the result is entered for that day); null day when cleared. */
  onChange: (orderId: string, date: string | null) => void;
}

/** 時間外勤務実績 starts from one of my approved overtime orders. */
export function OrderPicker({ id, label, error, value, onChange }: OrderPickerProps) {
  const { t, language } = useI18n();
  const orders = useQuery("my-approved-orders", async (signal) =>
    (await listMyRequests("approved", signal)).flatMap((request) =>
      request.content.kind === "overtimeOrder" ? [{ id: request.id, payload: request.content.payload }] : [],
    ),
  );
  const options = orders.data ?? [];
  return (
    <>
      <ErrorSummary error={orders.error} />
      <SelectField
        id={id}
        label={label}
        error={error}
        hint={orders.data !== undefined && options.length === 0 ? t("request.noApprovedOrders") : undefined}
        value={value}
        onChange={(event) => {
          const chosen = options.find((order) => String(order.id) === event.target.value);
          onChange(event.target.value, chosen === undefined ? null : chosen.payload.date);
        }}
        required
      >
        <option value="">{t("form.choose")}</option>
        {options.map((order) => (
          <option key={order.id} value={order.id}>
            {formatLocalDate(order.payload.date, language)} {order.payload.start}–{order.payload.end}{" "}
            {order.payload.reason}
          </option>
        ))}
      </SelectField>
    </>
  );
}
