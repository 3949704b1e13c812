import { Link } from "@/lib/i18n/navigation";

/** A headed list of links to other pages of the site (related ports, guides for this port or trip). */
export function LinkSection({
  id,
  heading,
  links,
  className = "mt-10",
  level = 2,
}: {
  id: string;
  heading: string;
  links: readonly { href: string; label: string }[];
  className?: string;
  level?: 2 | 3;
}) {
  if (!links.length) return null;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${id}-heading`} className={className} data-testid={id}>
      <Heading id={`${id}-heading`} className="text-xl font-bold">
        {heading}
      </Heading>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="text-sky-800 underline underline-offset-4">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
