import { listDepartments, listPositions } from "../../api/org";
import { createStaff } from "../../api/staff";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/loading";
import { PageHeading } from "../../components/page-heading";
import { todayInTokyo } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useQuery } from "../../lib/use-query";
import { navigate } from "../../router/history";
import { Link } from "../../router/link";
import { paths } from "../../router/routes";
import { emptyToNull, StaffForm, type StaffFormValues } from "./staff-form";

export function StaffNewScreen() {
  const { t } = useI18n();
  const departments = useQuery("departments", (signal) => listDepartments(null, signal));
  const positions = useQuery("positions", (signal) => listPositions(signal));

  const initial: StaffFormValues = {
    staffNumber: "",
    familyName: "",
    givenName: "",
    familyNameKana: "",
    givenNameKana: "",
    employmentType: "regular",
    startDate: todayInTokyo(),
    endDate: "",
    email: "",
    phone: "",
    departmentId: null,
    positionId: null,
  };

  async function handleSubmit(values: StaffFormValues) {
    const created = await createStaff({
      staffNumber: values.staffNumber.trim(),
      familyName: values.familyName.trim(),
      givenName: values.givenName.trim(),
      familyNameKana: values.familyNameKana.trim(),
      givenNameKana: values.givenNameKana.trim(),
      employmentType: values.employmentType,
      startDate: values.startDate,
      endDate: emptyToNull(values.endDate),
      email: emptyToNull(values.email),
      phone: emptyToNull(values.phone),
      // The form refuses to submit without a department.
      departmentId: values.departmentId ?? 0,
      positionId: values.positionId,
    });
    navigate(paths.staff(created.id));
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.staffList}>{t("nav.staff")}</Link>
      </p>
      <PageHeading title={t("staffNew.title")} />
      <ErrorSummary error={departments.error ?? positions.error} />
      {departments.error || positions.error ? null : departments.data === undefined ||
        positions.data === undefined ? (
        <Loading />
      ) : (
        <StaffForm
          mode="create"
          initial={initial}
          departments={departments.data}
          positions={positions.data}
          submitLabel={t("staffNew.submit")}
          onSubmit={handleSubmit}
          onCancel={() => navigate(paths.staffList)}
        />
      )}
    </>
  );
}
