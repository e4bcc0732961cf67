import type { StaffMonthDto } from "@tobira/protocol";
import { useId } from "react";
import { type Translate, useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/ja";
import { type CapsLayout, layoutCapsBars } from "./caps-geometry";
import { formatDuration } from "./work-time";

type CapStatus = StaffMonthDto["caps"];
type Health = CapStatus["health"];

export interface CapsPerson {
  staffId: number;
  name: string;
  caps: CapStatus;
}

interface CapsChartProps {
  people: readonly CapsPerson[];
  /** The month's name as shown ("2026年10月"). */
  monthLabel: string;
}

const plotWidth = 480;
const labelWidth = 150;
const rowHeight = 30;
const barHeight = 16;
const axisHeight = 26;

const healthColours: Record<Health, string> = {
  none: "var(--primary)",
  notify: "#9a5b00",
  interview: "var(--error)",
};

const healthKeys: Record<Health, MessageKey> = {
  none: "caps.health.none",
  notify: "caps.health.notify",
  interview: "caps.health.interview",
};

const findingKeys: Record<string, MessageKey> = {
  month_cap: "caps.finding.month_cap",
  year_cap: "caps.finding.year_cap",
  average_cap: "caps.finding.average_cap",
  months_over_45: "caps.finding.months_over_45",
  health_notify: "caps.finding.health_notify",
  health_interview: "caps.finding.health_interview",
};

function findingKey(kind: string): MessageKey {
  return findingKeys[kind] ?? "caps.finding.other";
}

/** Overtime against the caps, one bar per person: this month (with the 80-hour line), then the fiscal year. */
export function CapsChart({ people, monthLabel }: CapsChartProps) {
  // Everyone shown is under the same rules, so the first person's line is everyone's.
  const noticeMinutes = people[0]?.caps.healthNoticeMinutes ?? 0;
  const { t } = useI18n();
  if (people.length === 0) return null;
  const month = layoutCapsBars(
    people.map((person) => ({ minutes: person.caps.monthMinutes, capMinutes: person.caps.monthCapMinutes })),
    plotWidth,
    [noticeMinutes],
  );
  const year = layoutCapsBars(
    people.map((person) => ({
      minutes: person.caps.fiscalYearMinutes,
      capMinutes: person.caps.fiscalYearCapMinutes,
    })),
    plotWidth,
  );
  return (
    <section className="panel caps-chart" aria-labelledby="caps-heading">
      <h2 id="caps-heading">{t("caps.heading")}</h2>
      <p className="field__hint">{t("caps.legend", { notice: formatDuration(noticeMinutes) })}</p>
      <CapsBars
        title={t("caps.month", { month: monthLabel })}
        people={people}
        layout={month}
        describe={(person) =>
          t("caps.monthAria", {
            name: person.name,
            month: monthLabel,
            minutes: formatDuration(person.caps.monthMinutes),
            cap: formatDuration(person.caps.monthCapMinutes),
            health: t(healthKeys[person.caps.health]),
          })
        }
        t={t}
      />
      <CapsBars
        title={t("caps.year")}
        people={people}
        layout={year}
        describe={(person) =>
          t("caps.yearAria", {
            name: person.name,
            minutes: formatDuration(person.caps.fiscalYearMinutes),
            cap: formatDuration(person.caps.fiscalYearCapMinutes),
          })
        }
        t={t}
      />
      <details>
        <summary>{t("caps.showTable")}</summary>
        <CapsTable people={people} monthLabel={monthLabel} />
      </details>
    </section>
  );
}

interface CapsBarsProps {
  title: string;
  people: readonly CapsPerson[];
  layout: CapsLayout;
  describe: (person: CapsPerson) => string;
  t: Translate;
}

function CapsBars({ title, people, layout, describe, t }: CapsBarsProps) {
  const titleId = useId();
  const width = labelWidth + plotWidth + 24;
  const height = axisHeight + people.length * rowHeight + 4;
  const plotBottom = axisHeight + people.length * rowHeight;
  return (
    <figure className="caps-chart__figure" style={{ margin: "1rem 0" }}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        aria-labelledby={titleId}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width}px`, display: "block" }}
      >
        <title>{title}</title>
        {/* The scale is drawn for the eye; each bar below says its own numbers. */}
        <svg x={labelWidth} aria-hidden="true" overflow="visible">
          {layout.ticks.map((tick) => (
            <g key={tick.minutes}>
              <line
                x1={tick.x}
                x2={tick.x}
                y1={axisHeight - 4}
                y2={plotBottom}
                style={{ stroke: "var(--line-soft)" }}
              />
              <text
                x={tick.x}
                y={axisHeight - 8}
                textAnchor="middle"
                fontSize="12"
                style={{ fill: "var(--muted)" }}
              >
                {t("caps.tick", { hours: tick.minutes / 60 })}
              </text>
            </g>
          ))}
          {layout.markers.map((marker) => (
            <line
              key={marker.minutes}
              x1={marker.x}
              x2={marker.x}
              y1={axisHeight - 4}
              y2={plotBottom}
              style={{ stroke: "var(--error)" }}
              strokeDasharray="4 3"
              strokeWidth="2"
            />
          ))}
        </svg>
        {people.map((person, index) => {
          const bar = layout.bars[index];
          if (bar === undefined) return null;
          const y = axisHeight + index * rowHeight;
          const label = describe(person);
          return (
            <svg key={person.staffId} role="img" aria-label={label} overflow="visible">
              <title>{label}</title>
              <text
                x={labelWidth - 8}
                y={y + rowHeight / 2 + 4}
                textAnchor="end"
                fontSize="13"
                style={{ fill: "var(--text)" }}
              >
                {person.name}
              </text>
              <rect
                x={labelWidth}
                y={y + (rowHeight - barHeight) / 2}
                width={bar.length}
                height={barHeight}
                style={{ fill: healthColours[person.caps.health] }}
              />
              <line
                x1={labelWidth + bar.capX}
                x2={labelWidth + bar.capX}
                y1={y + 2}
                y2={y + rowHeight - 2}
                style={{ stroke: "var(--text)" }}
                strokeWidth="3"
              />
            </svg>
          );
        })}
      </svg>
    </figure>
  );
}

/** The same numbers as a table, for anyone who cannot see the bars. */
function CapsTable({ people, monthLabel }: { people: readonly CapsPerson[]; monthLabel: string }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{t("caps.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("caps.col.name")}</th>
            <th scope="col">{t("caps.col.section")}</th>
            <th scope="col">{t("caps.month", { month: monthLabel })}</th>
            <th scope="col">{t("caps.col.monthCap")}</th>
            <th scope="col">{t("caps.year")}</th>
            <th scope="col">{t("caps.col.yearCap")}</th>
            <th scope="col">{t("caps.col.health")}</th>
            <th scope="col">{t("caps.col.findings")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.staffId}>
              <th scope="row">{person.name}</th>
              <td>
                {t(
                  person.caps.section === "externallyDriven"
                    ? "caps.section.external"
                    : "caps.section.ordinary",
                )}
              </td>
              <td>{formatDuration(person.caps.monthMinutes)}</td>
              <td>{formatDuration(person.caps.monthCapMinutes)}</td>
              <td>{formatDuration(person.caps.fiscalYearMinutes)}</td>
              <td>{formatDuration(person.caps.fiscalYearCapMinutes)}</td>
              <td>{t(healthKeys[person.caps.health])}</td>
              <td>
                {person.caps.findings.map((finding) => (
                  <span key={finding.message} title={finding.message}>
                    {t(findingKey(finding.kind))}{" "}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
