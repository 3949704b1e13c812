import { useLocale, useTranslations } from "next-intl";
import type { ApiPort } from "@/lib/api/v1-schema";
import { getPort } from "@/lib/ports";
import { Link } from "@/lib/i18n/navigation";
import { CrossingWaits } from "@/components/ports/crossing-waits";
import { StatusPill } from "@/components/ui/status-pill";

/** A port on the home page: status and every crossing's lanes, most used lanes first. */
export function PortSummary({ port, now }: { port: ApiPort; now: number }) {
  const t = useTranslations("Waits");
  const locale = useLocale();
  const def = getPort(port.slug);
  if (!def) return null;
  const name = port.name[locale];
  return (
    <article className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm" data-testid="port" data-port={port.slug} aria-labelledby={`port-${port.slug}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`port-${port.slug}`} className="text-xl font-bold text-slate-900">
          <Link href={`/ports/${port.slug}`} className="underline decoration-2 underline-offset-4 hover:decoration-sky-700">
            {name}
          </Link>
        </h2>
        <StatusPill open={port.status === "open"} label={t(`portStatus.${port.status}`)} />
      </div>
      {port.status === "planned" ? (
        <p className="mt-2 text-slate-700">{t("plannedShort")}</p>
      ) : (
        <div className="divide-y divide-slate-200">
          {def.crossings.map((c) => (
            <CrossingWaits
              key={c.cbpPortNumber}
              def={c}
              crossing={port.crossings.find((x) => x.cbpPortNumber === c.cbpPortNumber)}
              timeZone={port.timeZone}
              now={now}
              headingLevel={3}
            />
          ))}
        </div>
      )}
      <p className="mt-2">
        <Link href={`/ports/${port.slug}`} className="font-semibold text-sky-800 underline underline-offset-4">
          {t("seePort", { port: name })}
        </Link>
      </p>
    </article>
  );
}
