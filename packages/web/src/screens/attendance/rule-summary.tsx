import type { WorkRulesDto } from "@tobira/protocol";
import { useI18n } from "../../i18n/i18n";
import {
  bucketKey,
  flattenRules,
  formatRuleValue,
  labelKey,
  punchSourceKey,
  type RuleFieldKind,
  rateBuckets,
  ruleGroups,
} from "./rule-fields";

/** One rule version's values in words: times as h:mm, rates as percentages. */
export function RuleSummary({ rules }: { rules: WorkRulesDto }) {
  const { t } = useI18n();
  const values = flattenRules(rules);
  const show = (kind: RuleFieldKind, value: number) => {
    const text = formatRuleValue(kind, value);
    switch (kind) {
      case "minutes":
        return t("rules.unit.minutes", { value: text });
      case "percent":
        return `${text}%`;
      case "count":
        return t("rules.unit.count", { value: text });
      default:
        return text;
    }
  };
  return (
    <>
      <dl className="facts rule-facts">
        <div className="facts__row">
          <dt>
            {t("rules.fieldInGroup", {
              group: t("rules.group.punchSource"),
              field: t("rules.field.punchSource"),
            })}
          </dt>
          <dd>{t(punchSourceKey(rules.punchSource))}</dd>
        </div>
        {ruleGroups.flatMap((group) =>
          group.fields.map((spec) => (
            <div key={spec.field} className="facts__row">
              <dt>{t("rules.fieldInGroup", { group: t(group.legend), field: t(labelKey(spec.field)) })}</dt>
              <dd>{show(spec.kind, values[spec.field])}</dd>
            </div>
          )),
        )}
      </dl>
      <div className="table-scroll">
        <table className="data-table data-table--compact rate-table">
          <caption>{t("rules.ratesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rules.bucket")}</th>
              <th scope="col">{t("rules.tier.upTo60")}</th>
              <th scope="col">{t("rules.tier.over60")}</th>
            </tr>
          </thead>
          <tbody>
            {rateBuckets.map((bucket) => (
              <tr key={bucket}>
                <th scope="row">{t(bucketKey(bucket))}</th>
                <td>{rules.rates[bucket].upTo60}%</td>
                <td>{rules.rates[bucket].over60}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
