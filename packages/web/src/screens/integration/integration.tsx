import { PageHeading } from "../../components/page-heading";
import { useI18n } from "../../i18n/i18n";
import { ApiTokensSection } from "./api-tokens";
import { WebhooksSection } from "./webhooks";

/** 外部連携: API tokens for other town systems and the webhooks that notify them (sysadmin). */
export function IntegrationScreen() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("integration.title")} />
      <p className="lead">{t("integration.intro")}</p>
      <ApiTokensSection />
      <WebhooksSection />
    </>
  );
}
