import { getNow, getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { getDb } from "@/lib/db/client";
import { sessionToken } from "@/lib/auth/guard";
import { readSession } from "@/lib/auth/session";
import { safeNext } from "@/lib/admin/paths";
import { VerifyForm } from "@/components/admin/sign-in-forms";

type Props = PageProps<"/[locale]/admin/sign-in/verify">;

export const generateMetadata = adminTitle("verify.title");

/** The second step; only reachable with a session whose password step is done. */
export default async function VerifyPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const next = safeNext((await searchParams).next, locale);
  const session = readSession(getDb(), await sessionToken(), (await getNow()).getTime());
  if (!session) redirect(`/${locale}/admin/sign-in?next=${encodeURIComponent(next)}`);
  if (session.stage === "full") redirect(next);
  const t = await getTranslations("Admin.verify");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-slate-800">{t("intro")}</p>
      <VerifyForm locale={locale} next={next} />
    </div>
  );
}
