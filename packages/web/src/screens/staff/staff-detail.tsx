import { can } from "@tobira/protocol";
import { listDepartments, listPositions } from "../../api/org";
import { getStaff } from "../../api/staff";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { useI18n } from "../../i18n/i18n";
import { fullName } from "../../lib/names";
import { useQuery } from "../../lib/use-query";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { useUser } from "../../session/session";
import { StaffCardsPanel } from "../access/staff-cards";
import { WhereCanGoPanel } from "../access/where-can-go";
import { PatternAssignmentsPanel } from "../attendance/pattern-assignments";
import { AccountPanel } from "./account-panel";
import { AssignmentHistory } from "./assignment-history";
import { StaffEditPanel } from "./staff-edit-panel";
import { StaffProfile } from "./staff-profile";
import { TransferForm } from "./transfer-form";

export function StaffDetailScreen({ id }: { id: number }) {
  const { t } = useI18n();
  const user = useUser();
  const staff = useQuery(`staff-${id}`, (signal) => getStaff(id, signal));
  const person = staff.data?.id === id ? staff.data : undefined;

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.staffList}>{t("nav.staff")}</Link>
      </p>
      <PageHeading title={person ? fullName(person) : t("staffDetail.title")} />
      <ErrorSummary error={staff.error} />
      {staff.loading && person === undefined ? <Loading /> : null}
      {person ? (
        <>
          <StaffProfile person={person} />
          <AssignmentHistory assignments={person.assignments} />
          {can(user, "staff.manage") ? (
            <>
              <StaffEditPanel key={`edit-${person.id}`} person={person} onSaved={staff.setData} />
              <TransferPanel person={person} onTransferred={staff.setData} />
            </>
          ) : null}
          {can(user, "account.read") ? <AccountPanel key={`account-${person.id}`} person={person} /> : null}
          {can(user, "access.read") ? (
            <>
              <StaffCardsPanel key={`cards-${person.id}`} person={person} />
              <WhereCanGoPanel key={`where-${person.id}`} person={person} />
            </>
          ) : null}
          {can(user, "attendanceRules.manage") ? (
            <PatternAssignmentsPanel key={`patterns-${person.id}`} staffId={person.id} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function TransferPanel(props: Pick<Parameters<typeof TransferForm>[0], "person" | "onTransferred">) {
  const departments = useQuery("departments", (signal) => listDepartments(null, signal));
  const positions = useQuery("positions", (signal) => listPositions(signal));
  if (departments.error || positions.error)
    return <ErrorSummary error={departments.error ?? positions.error} />;
  if (departments.data === undefined || positions.data === undefined) return <Loading />;
  return <TransferForm {...props} departments={departments.data} positions={positions.data} />;
}
