import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { StaffUser } from "@/lib/auth/users";
import { CONTENT_KINDS } from "@/lib/content/model";
import type { Locale } from "@/lib/i18n/routing";
import { SignOutButton } from "@/components/admin/sign-out-button";

/** The staff menu at the top of every signed-in admin page. `current` marks the page for screen readers. */
export async function AdminNav({ user, locale, current }: { user: StaffUser; locale: Locale; current: string }) {
  const t = await getTranslations({ locale, namespace: "Admin" });
  const items: { href: string; label: string }[] = [
    { href: "/admin", label: t("nav.overview") },
    { href: "/admin/alerts", label: t("nav.alerts") },
    ...CONTENT_KINDS.map((kind) => ({ href: `/admin/content/${kind}`, label: t(`kinds.${kind}`) })),
    ...(user.role === "admin"
      ? [
          { href: "/admin/users", label: t("nav.users") },
          { href: "/admin/audit", label: t("nav.audit") },
        ]
      : []),
    { href: "/admin/texts", label: t("nav.texts") },
    { href: "/admin/account", label: t("nav.account") },
  ];
  return (
    <div className="mb-6 rounded-lg border border-slate-300 bg-white p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-800">
          {t("signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}
        </p>
        <SignOutButton locale={locale} label={t("signOut")} />
      </div>
      <nav aria-label={t("nav.label")} className="mt-2">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {items.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={item.href === current ? "page" : undefined}
                className="inline-block py-1 font-semibold text-sky-800 underline-offset-4 hover:underline aria-[current=page]:text-slate-900 aria-[current=page]:underline"
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
