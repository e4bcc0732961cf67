import type { PortalTapDto } from "@tobira/protocol";
import { formatDecisionReason } from "../../i18n/access-labels";
import { formatInstant } from "../../i18n/format";
import { type Translate, useI18n } from "../../i18n/i18n";

function describeTap(tap: PortalTapDto, t: Translate): string {
  if (tap.punch === "in") return t("portal.tap.in");
  if (tap.punch === "out") return t("portal.tap.out");
  if (tap.granted === true) return t("portal.tap.granted");
  if (tap.granted === false) return `${t("portal.tap.denied")}（${formatDecisionReason(tap.reason, t)}）`;
  return tap.kind;
}

/** My card taps: when, where, and what the reader or terminal answered. */
export function TapsTable({ taps, caption }: { taps: readonly PortalTapDto[]; caption: string }) {
  const { t, language } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("portal.tap.at")}</th>
            <th scope="col">{t("portal.tap.place")}</th>
            <th scope="col">{t("portal.tap.result")}</th>
          </tr>
        </thead>
        <tbody>
          {taps.map((tap) => (
            <tr key={`${tap.at}:${tap.readerName}`}>
              <td className="nowrap">{formatInstant(tap.at, language)}</td>
              <th scope="row">{tap.doorName ?? tap.readerName}</th>
              <td>{describeTap(tap, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
