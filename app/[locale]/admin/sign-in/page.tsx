import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { currentStaff } from "@/lib/auth/guard";
import { safeNext } from "@/lib/admin/paths";
import { SignInForm } from "@/components/admin/sign-in-forms";

type Props = PageProps<"/[locale]/admin/sign-in">;

export const generateMetadata = adminTitle("signIn.title");

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const next = safeNext(query.next, locale);
  if (await currentStaff()) redirect(next);
  const t = await getTranslations("Admin.signIn");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      {query.signedOut ? (
        <p role="status" className="mt-3 rounded border-l-4 border-emerald-700 bg-emerald-50 p-3 font-semibold text-emerald-950" data-testid="signed-out">
          {t("signedOut")}
        </p>
      ) : null}
      <p className="mt-2 text-slate-800">{t("intro")}</p>
      <SignInForm locale={locale} next={next} />
      <p className="mt-6 max-w-xl text-sm text-slate-700">{t("help")}</p>
    </div>
  );
}
