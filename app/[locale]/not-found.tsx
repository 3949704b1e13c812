import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata() {
  const t = await getTranslations("Metadata");
  return { title: t("notFoundTitle"), robots: { index: false } };
}

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <div data-testid="not-found">
      <h1 className="text-3xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("body")}</p>
      <p className="mt-4">
        <Link href="/" className="font-semibold text-sky-800 underline underline-offset-4">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
