import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { unusedRecoveryCodes } from "@/lib/auth/users";
import { formatPacific } from "@/lib/alerts/items";
import { AdminNav } from "@/components/admin/admin-nav";
import { ChangePasswordForm, RecoveryCodesForm } from "@/components/admin/account-forms";

type Props = PageProps<"/[locale]/admin/account">;

export const generateMetadata = adminTitle("nav.account");

export default async function AccountPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const staff = await requireStaff("editor", locale, "/admin/account");
  const t = await getTranslations("Admin");
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current="/admin/account" />
      <h1 className="text-3xl font-bold tracking-tight">{t("account.heading")}</h1>
      <p className="mt-2 text-slate-800">
        {t("account.session", { signedIn: formatPacific(staff.session.createdAt, locale), ends: formatPacific(staff.session.expiresAt, locale) })}
      </p>
      <section aria-labelledby="password-heading" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="password-heading" className="text-xl font-bold">
          {t("account.passwordHeading")}
        </h2>
        <p className="mt-1 text-slate-800">{t("account.passwordIntro")}</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="codes-heading" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="codes-heading" className="text-xl font-bold">
          {t("account.codesHeading")}
        </h2>
        <p className="mt-1 text-slate-800">{t("account.codesLeft", { count: unusedRecoveryCodes(staff.db, staff.user.id) })}</p>
        <RecoveryCodesForm />
      </section>
    </>
  );
}
