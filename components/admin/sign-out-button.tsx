import { signOut } from "@/lib/admin/actions/auth";
import { INITIAL_STATE } from "@/lib/admin/result";
import type { Locale } from "@/lib/i18n/routing";

/** A plain form: signing out works without JavaScript too. */
export function SignOutButton({ locale, label }: { locale: Locale; label: string }) {
  return (
    <form action={signOut.bind(null, INITIAL_STATE) as unknown as (fd: FormData) => Promise<void>}>
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="rounded border border-slate-400 px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100" data-testid="sign-out">
        {label}
      </button>
    </form>
  );
}
