"use client";

import { Link, usePathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

/** A plain link to the same page in the other language (works without JavaScript once rendered). */
export function LocaleSwitch({ target, label, title }: { target: Locale; label: string; title: string }) {
  const pathname = usePathname();
  return (
    <Link
      href={pathname}
      locale={target}
      lang={target}
      hrefLang={target}
      title={title}
      className="rounded px-2 py-1 font-semibold text-white underline underline-offset-4 hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
      data-testid="locale-switch"
    >
      {label}
    </Link>
  );
}
