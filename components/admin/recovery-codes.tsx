"use client";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** Recovery codes, shown once: each works one time instead of the authenticator app. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("Admin.recovery");
  return (
    <section aria-labelledby="recovery-heading" className="rounded-lg border border-amber-600 bg-amber-50 p-4" data-testid="recovery-codes">
      <h2 id="recovery-heading" className="text-xl font-bold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-slate-900">{t("explain")}</p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-lg sm:grid-cols-5">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <CopyButton text={codes.join("\n")} label={t("copy")} done={t("copied")} failed={t("copyFailed")} />
      </p>
    </section>
  );
}
