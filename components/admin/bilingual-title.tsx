import { Link } from "@/lib/i18n/navigation";

/** An item in a staff list: its English title as the link to its editor, the Spanish one under it. */
export function BilingualTitle({ href, title }: { href: string; title: { en: string; es: string } }) {
  return (
    <>
      <Link href={href} className="font-semibold text-sky-800 underline underline-offset-4">
        <span lang="en">{title.en}</span>
      </Link>
      <span className="block text-slate-700" lang="es">
        {title.es}
      </span>
    </>
  );
}
