"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Error");
  return (
    <div role="alert">
      <h1 className="text-3xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("body")}</p>
      <div className="mt-4 flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="rounded bg-sky-900 px-4 py-2 font-semibold text-white">
          {t("retry")}
        </button>
        <Link href="/" className="self-center font-semibold text-sky-800 underline underline-offset-4">
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
