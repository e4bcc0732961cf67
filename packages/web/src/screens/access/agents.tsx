import { type AgentDto, can, type DoorStateEntry } from "@tobira/protocol";
import { Fragment, type ReactNode, useEffect, useState } from "react";
import { listReaders } from "../../api/access";
import { listAgents, listDoorStates } from "../../api/agents";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { StatusMessage } from "../../components/status-message";
import { formatInstant } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../lib/use-action";
import { useQuery } from "../../lib/use-query";
import { useUser } from "../../session/session";
import { AccessBreadcrumb } from "./access-overview";
import { AgentApproveForm } from "./agent-approve-form";
import { AgentCommands } from "./agent-commands";
import { AgentRevokeConfirm } from "./agent-revoke-confirm";
import { AgentRow } from "./agent-row";
import { useInterval } from "./use-interval";

const refreshMs = 5000;

type OpenForm = { agentId: number; form: "approve" | "revoke" } | null;

/** 読取装置（エージェント）: approve by fingerprint, revoke, watch versions and clocks, send door commands. */
export function AgentsScreen() {
  const { t, language } = useI18n();
  const user = useUser();
  const manage = can(user, "access.manage");
  const agents = useQuery("agents", (signal) => listAgents(signal));
  const doorStates = useQuery("door-states", (signal) => listDoorStates(signal));
  const readers = useQuery("readers", (signal) =>
    manage ? listReaders(signal) : Promise.resolve({ items: [] }),
  );
  const action = useAction();
  const [open, setOpen] = useState<OpenForm>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);

  useInterval(() => {
    agents.reload();
    doorStates.reload();
  }, refreshMs);

  useEffect(() => {
    if (agents.data !== undefined) setUpdatedAt(new Date().toISOString());
  }, [agents.data]);

  function toggle(agentId: number, form: "approve" | "revoke") {
    action.clear();
    setOpen((current) => (current?.agentId === agentId && current.form === form ? null : { agentId, form }));
  }

  function finish() {
    setOpen(null);
    agents.reload();
  }

  const list = agents.data;
  return (
    <>
      <AccessBreadcrumb />
      <PageHeading title={t("access.agents")} />
      <p className="lead">{t("agents.intro")}</p>
      {manage ? null : <p>{t("agents.readOnly")}</p>}
      <ErrorSummary error={agents.error ?? doorStates.error ?? readers.error ?? action.error} />
      <StatusMessage>{action.message}</StatusMessage>
      {agents.loading && list === undefined ? <Loading /> : null}
      {list !== undefined && list.items.length === 0 ? <p className="empty">{t("agents.none")}</p> : null}
      {list !== undefined && list.items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table agent-table">
            <caption>{t("agents.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("agents.name")}</th>
                <th scope="col">{t("agents.role")}</th>
                <th scope="col">{t("agents.status")}</th>
                <th scope="col">{t("agents.fingerprint")}</th>
                <th scope="col">{t("agents.reader")}</th>
                <th scope="col">{t("agents.connection")}</th>
                <th scope="col">{t("agents.software")}</th>
                <th scope="col">{t("agents.policy")}</th>
                <th scope="col">{t("agents.clockSkew")}</th>
                <th scope="col">{t("agents.doorState")}</th>
                {manage ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.items.map((agent) => (
                <Fragment key={agent.id}>
                  <AgentRow
                    agent={agent}
                    clockSkewLimitMs={list.clockSkewLimitMs}
                    doorState={findDoorState(doorStates.data?.items, agent)}
                    actions={
                      manage ? (
                        <RowActions
                          agent={agent}
                          open={open}
                          onToggle={toggle}
                          commands={<AgentCommands agent={agent} action={action} />}
                        />
                      ) : null
                    }
                  />
                  {manage && open?.agentId === agent.id && isStillOpen(agent, open.form) ? (
                    <tr className="agent-table__form-row">
                      <td colSpan={columnCount(manage)}>
                        {open.form === "approve" ? (
                          <AgentApproveForm
                            agent={agent}
                            readers={readers.data?.items ?? []}
                            action={action}
                            onDone={finish}
                            onCancel={() => setOpen(null)}
                          />
                        ) : (
                          <AgentRevokeConfirm
                            agent={agent}
                            action={action}
                            onDone={finish}
                            onCancel={() => setOpen(null)}
                          />
                        )}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {updatedAt !== null ? (
        <p className="hint">{t("agents.updatedAt", { time: formatInstant(updatedAt, language) })}</p>
      ) : null}
    </>
  );
}

/** Someone else may have decided meanwhile; a form for a decision already made closes itself. */
function isStillOpen(agent: AgentDto, form: "approve" | "revoke"): boolean {
  return form === "approve" ? agent.status === "pending" : agent.status !== "revoked";
}

function columnCount(manage: boolean): number {
  return manage ? 11 : 10;
}

function findDoorState(items: readonly DoorStateEntry[] | undefined, agent: AgentDto): DoorStateEntry | null {
  if (agent.role !== "door" || items === undefined) return null;
  return items.find((entry) => entry.agentId === agent.id) ?? null;
}

interface RowActionsProps {
  agent: AgentDto;
  open: OpenForm;
  onToggle: (agentId: number, form: "approve" | "revoke") => void;
  commands: ReactNode;
}

function RowActions({ agent, open, onToggle, commands }: RowActionsProps) {
  const { t } = useI18n();
  if (agent.status === "revoked") return null;
  const isOpen = (form: "approve" | "revoke") => open?.agentId === agent.id && open.form === form;
  return (
    <div className="agent-actions">
      <div className="button-row">
        {agent.status === "pending" ? (
          <button
            type="button"
            className="button"
            aria-label={t("agents.approveLabel", { name: agent.name })}
            aria-expanded={isOpen("approve")}
            onClick={() => onToggle(agent.id, "approve")}
          >
            {t("agents.approve")}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          aria-label={t("agents.revokeLabel", { name: agent.name })}
          aria-expanded={isOpen("revoke")}
          onClick={() => onToggle(agent.id, "revoke")}
        >
          {t("agents.revoke")}
        </button>
      </div>
      {agent.status === "approved" && agent.connected && agent.role === "door" ? commands : null}
    </div>
  );
}
