import { useNavItems } from "../components/nav-items";
import { PageHeading } from "../components/page-heading";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router/link";
import { useUser } from "../session/session";

export function HomeScreen() {
  const { t } = useI18n();
  const user = useUser();
  const items = useNavItems(user);
  return (
    <>
      <PageHeading title={t("home.title")} />
      <p className="lead">{t("home.welcome", { name: user.displayName })}</p>
      <ul className="card-list">
        {items.map((item) => (
          <li key={item.path} className="card">
            <h2>
              <Link to={item.path}>{t(item.label)}</Link>
            </h2>
            <p>{t(item.description)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
