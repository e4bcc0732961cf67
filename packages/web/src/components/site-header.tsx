import type { SessionUser } from "@tobira/protocol";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { navigate } from "../router/history";
import { Link } from "../router/link";
import { paths } from "../router/routes";
import { useUnreadCount } from "../screens/portal/use-unread-count";
import { useSession } from "../session/session";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);

  async function handleSignOut() {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      setSigningOut(false);
      // The next person to sign in at this desk starts at home, not on the last person's screen.
      navigate(paths.home, { replace: true });
    }
  }

  return (
    <header className="site-header">
      <p className="site-header__brand">
        <Link to={paths.home}>
          <span lang="ja">扉</span> <span lang="en">Tobira</span>
        </Link>
      </p>
      <div className="site-header__tools">
        {user !== null ? (
          <p className="site-header__user">
            <span className="visually-hidden">{t("header.signedInAs")}</span>
            {user.displayName}
          </p>
        ) : null}
        {user !== null && !user.mustChangePassword ? <NotificationsBell /> : null}
        <LanguageSwitch />
        {user !== null ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={handleSignOut}
            disabled={signingOut}
          >
            {t("header.signOut")}
          </button>
        ) : null}
      </div>
    </header>
  );
}

/** The bell: a link to the notices with the unread count, which screen readers hear in words. */
function NotificationsBell() {
  const { t } = useI18n();
  const unread = useUnreadCount(true);
  const label =
    unread === null || unread === 0
      ? t("header.notifications")
      : t("header.notificationsUnread", { count: unread });
  return (
    <Link to={paths.notifications} className="button button--quiet" aria-label={label} title={label}>
      <span aria-hidden="true">🔔</span>
      {unread === null || unread === 0 ? null : (
        <span className="badge" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
