import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { requireStaff } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";
import { formatPacific } from "@/lib/alerts/items";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { NewUserForm, UserControls } from "@/components/admin/user-admin";

type Props = PageProps<"/[locale]/admin/users">;

export const generateMetadata = adminTitle("nav.users");

export default async function UsersPage({ params }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const staff = await requireStaff("admin", locale, "/admin/users");
  const t = await getTranslations("Admin");
  const users = listUsers(staff.db);
  return (
    <>
      <AdminNav user={staff.user} locale={locale} current="/admin/users" />
      <h1 className="text-3xl font-bold tracking-tight">{t("users.heading")}</h1>
      <p className="mt-2 max-w-3xl text-slate-800">{t("users.intro")}</p>
      <section aria-labelledby="new-user-heading" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="new-user-heading" className="text-xl font-bold">
          {t("users.newHeading")}
        </h2>
        <NewUserForm locale={locale} />
      </section>
      <AdminTable caption={t("users.heading")} columns={[t("users.name"), t("users.role"), t("state.label"), t("users.actions")]} className="mt-6">
        {users.map((u) => (
          <tr key={u.id} className="border-b border-slate-200 align-top" data-testid="user-row" data-email={u.email}>
            <td className="p-2">
              <span className="font-semibold">{u.name}</span>
              <span className="block break-all text-slate-700">{u.email}</span>
              <span className="block text-slate-700">{t("users.since", { date: formatPacific(u.createdAt, locale) })}</span>
            </td>
            <td className="p-2">{t(`roles.${u.role}`)}</td>
            <td className="p-2">{u.disabledAt !== null ? t("users.disabled") : u.active ? t("users.active") : t("users.invited")}</td>
            <td className="p-2">
              <UserControls id={u.id} role={u.role} disabled={u.disabledAt !== null} self={u.id === staff.user.id} locale={locale} name={u.name} />
            </td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
