import type { SessionUser } from "@tobira/protocol";
import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n";
import { MainNav } from "./main-nav";
import { SiteHeader } from "./site-header";

interface LayoutProps {
  user: SessionUser | null;
  /** Hidden while the user must change a password first or is signed out. */
  showNav: boolean;
  /** Changes whenever a different screen shows; focus then moves to its heading. */
  screenKey: string;
  children: ReactNode;
}

export function Layout({ user, showNav, screenKey, children }: LayoutProps) {
  const { t } = useI18n();
  const mainRef = useRef<HTMLElement>(null);
  const previousScreen = useRef(screenKey);

  // After a screen change, start reading at the new screen's heading, as a page load would.
  useEffect(() => {
    const previous = previousScreen.current;
    if (previous === screenKey) return;
    previousScreen.current = screenKey;
    // The first real screen after start-up keeps the browser's own starting point.
    if (previous === "loading") return;
    const heading = mainRef.current?.querySelector<HTMLElement>("h1");
    (heading ?? mainRef.current)?.focus();
    window.scrollTo(0, 0);
  }, [screenKey]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <SiteHeader user={user} />
      {showNav && user !== null ? <MainNav user={user} /> : null}
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
