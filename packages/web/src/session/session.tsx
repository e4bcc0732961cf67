import type { SessionUser } from "@tobira/protocol";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { fetchSession, signIn as postSignIn, signOut as postSignOut } from "../api/auth";
import { ApiError, onApiError, setCsrfToken } from "../api/client";

export type SessionState =
  | { status: "loading" }
  | { status: "signedOut"; reason: "none" | "expired" }
  | { status: "signedIn"; user: SessionUser }
  | { status: "failed"; error: unknown };

interface Session {
  state: SessionState;
  signIn: (loginId: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const refresh = useCallback(async () => {
    try {
      const session = await fetchSession();
      setState({ status: "signedIn", user: session.user });
    } catch (error) {
      if (error instanceof ApiError && error.id === "unauthenticated") {
        setState({ status: "signedOut", reason: "none" });
        return;
      }
      setState({ status: "failed", error });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A request anywhere may find the session gone, stale, or the server insisting on a new password first.
  useEffect(
    () =>
      onApiError((error) => {
        if (error.id === "unauthenticated") {
          setCsrfToken(null);
          setState({ status: "signedOut", reason: "expired" });
        }
        // Both are cured by a fresh session: it carries the must-change flag and a new CSRF token.
        if (error.id === "password_change_required" || error.id === "csrf_failed") void refresh();
      }),
    [refresh],
  );

  const signIn = useCallback(async (loginId: string, password: string) => {
    const session = await postSignIn({ loginId, password });
    setState({ status: "signedIn", user: session.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await postSignOut();
    } finally {
      setState({ status: "signedOut", reason: "none" });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (value === null) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}

/** The signed-in user; only for screens rendered behind the sign-in gate. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== "signedIn") throw new Error("useUser needs a signed-in session");
  return state.user;
}
