import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** A signed-in editor on an admins-only page (403); forbidden() looks for this file above the page. */
export default async function Forbidden() {
  const t = await getTranslations("Admin.forbidden");
  return (
    <div className="mx-auto max-w-3xl" data-testid="forbidden">
      <h1 className="text-3xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("body")}</p>
      <p className="mt-4">
        <Link href="/admin" className="font-semibold text-sky-800 underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
