import { useEffect, useId, useState } from "react";
import { useI18n } from "../../i18n/i18n";

interface SecretOnceProps {
  heading: string;
  secret: string;
  onDone: () => void;
}

/** A secret the server shows once: kept only in this component's props, gone when it closes. */
export function SecretOnce({ heading, secret, onDone }: SecretOnceProps) {
  const { t } = useI18n();
  const headingId = useId();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    document.getElementById(headingId)?.focus();
  }, [headingId]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Without clipboard access the value stays selectable on screen.
      setCopied(false);
    }
  }

  return (
    <section className="confirm" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {heading}
      </h3>
      <p>{t("integration.secretOnce")}</p>
      <p>
        <code className="secret-value">{secret}</code>
      </p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t("integration.secretCopy")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t("integration.secretDone")}
        </button>
      </div>
      <p role="status">{copied ? t("integration.secretCopied") : ""}</p>
    </section>
  );
}
