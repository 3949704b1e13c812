import { getNow, getTranslations, setRequestLocale } from "next-intl/server";
import { renderSVG } from "uqr";
import type { Locale } from "@/lib/i18n/routing";
import { adminTitle } from "@/lib/admin/metadata";
import { getDb } from "@/lib/db/client";
import { inviteUser } from "@/lib/auth/users";
import { newTotpSecret, totpUri } from "@/lib/auth/totp";
import { SetupForm } from "@/components/admin/setup-form";
import { Link } from "@/lib/i18n/navigation";

type Props = PageProps<"/[locale]/admin/setup">;

export const generateMetadata = adminTitle("setup.title");

/** Reached from a one-time setup link; the link itself is the proof (no session yet). */
export default async function SetupPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const token = (await searchParams).token;
  const t = await getTranslations("Admin.setup");
  const user = typeof token === "string" ? inviteUser(getDb(), token, (await getNow()).getTime()) : null;
  if (!user || typeof token !== "string")
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
        <p role="alert" className="mt-3 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900" data-testid="setup-invalid">
          {t("invalid")}
        </p>
        <p className="mt-3">
          <Link href="/admin/sign-in" className="font-semibold text-sky-800 underline underline-offset-4">
            {t("toSignIn")}
          </Link>
        </p>
      </div>
    );
  const secret = newTotpSecret();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-slate-800">{t("intro", { name: user.name, email: user.email })}</p>
      <SetupForm token={token} secret={secret} email={user.email} qrSvg={renderSVG(totpUri(secret, user.email), { border: 1 })} />
    </div>
  );
}
