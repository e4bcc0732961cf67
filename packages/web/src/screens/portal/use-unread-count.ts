import { useCallback, useEffect, useState } from "react";
import { listNotifications } from "../../api/notifications";

const changedEvent = "tobira:notifications-changed";
const pollMilliseconds = 60_000;

/** Tells the header's bell that notifications were read, so it counts again at once. */
export function announceNotificationsChanged(unreadCount: number): void {
  window.dispatchEvent(new CustomEvent<number>(changedEvent, { detail: unreadCount }));
}

/** How many notifications are unread; asked once, then every minute while the page is visible. */
export function useUnreadCount(active: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);

  const refresh = useCallback(async (signal: AbortSignal) => {
    try {
      const list = await listNotifications(true, signal);
      if (!signal.aborted) setCount(list.unreadCount);
    } catch {
      // The bell stays as it was; the notifications page reports failures.
    }
  }, []);

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    void refresh(controller.signal);
    const timer = window.setInterval(() => {
      if (!document.hidden) void refresh(controller.signal);
    }, pollMilliseconds);
    const onChanged = (event: Event) => {
      if (event instanceof CustomEvent && typeof event.detail === "number") setCount(event.detail);
    };
    window.addEventListener(changedEvent, onChanged);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener(changedEvent, onChanged);
    };
  }, [active, refresh]);

  return count;
}
