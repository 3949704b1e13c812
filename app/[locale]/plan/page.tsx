import type { Metadata } from "next";
import Form from "next/form";
import { getNow, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { alternatesFor } from "@/lib/i18n/metadata";
import type { Locale } from "@/lib/i18n/routing";
import { DIRECTIONS, makePlan, MAX_PER_KIND, parsePlanQuery, TRAVEL_MODES, TRAVELER_DOCS, TRAVELER_KINDS, type Plan } from "@/lib/plan/model";
import { contentDb } from "@/lib/content/read";
import { publishedByKeys } from "@/lib/content/store";
import { contentPath } from "@/lib/content/paths";
import { readAllPorts } from "@/lib/waits/read";
import { getPort } from "@/lib/ports";
import { LaneRow } from "@/components/ports/lane-row";
import { AutoSubmit } from "@/components/plan/auto-submit";
import { LinkSection } from "@/components/content/link-section";

type Props = PageProps<"/[locale]/plan">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "Plan" });
  return { title: t("title"), description: t("description"), alternates: alternatesFor("/plan", locale) };
}

export default async function PlanPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations("Plan");
  const input = parsePlanQuery(await searchParams);
  const plan = input ? makePlan(input) : null;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-lg text-slate-700">{t("intro")}</p>
      <Form action="" scroll={false} className="mt-6 space-y-6 rounded-lg border border-slate-300 bg-white p-4" data-testid="plan-form">
        <AutoSubmit />
        <RadioGroup legend={t("directionLegend")} name="dir" options={DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))} checked={input?.direction ?? "north"} />
        <RadioGroup legend={t("modeLegend")} name="mode" options={TRAVEL_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))} checked={input?.mode ?? "car"} />
        <fieldset>
          <legend className="text-lg font-bold">{t("whoLegend")}</legend>
          <p className="mt-1 text-sm text-slate-700">{t("whoHint")}</p>
          <div className="mt-3 space-y-4">
            {TRAVELER_KINDS.map((kind) => {
              const party = input?.party[kind];
              return (
                <fieldset key={kind} className="rounded border border-slate-300 p-3">
                  <legend className="px-1 font-semibold">{t(`travelers.${kind}`)}</legend>
                  <label className="flex min-h-11 items-center gap-2">
                    {t("howMany")}
                    <select name={kind} defaultValue={String(party?.count ?? (kind === "us" && !input ? 1 : 0))} className="min-h-11 rounded border border-slate-400 bg-white px-2">
                      {Array.from({ length: MAX_PER_KIND + 1 }, (_, n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                  <p className="mt-1 text-sm text-slate-700">{t("theyHave")}</p>
                  <div className="mt-1 flex flex-wrap gap-x-5">
                    {TRAVELER_DOCS[kind].map((doc) => (
                      <label key={doc} className="flex min-h-11 items-center gap-2">
                        <input type="checkbox" name={`${kind}Docs`} value={doc} defaultChecked={party?.docs.includes(doc) ?? false} className="h-5 w-5 accent-sky-800" />
                        {t(`docs.${doc}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
              );
            })}
          </div>
        </fieldset>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="sentriVehicle" value="1" defaultChecked={input?.sentriVehicle ?? false} className="h-5 w-5 accent-sky-800" />
          {t("sentriVehicle")}
        </label>
        <button type="submit" className="min-h-11 rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900">
          {t("submit")}
        </button>
      </Form>
      {plan ? <PlanResult plan={plan} locale={locale} /> : null}
    </>
  );
}

function RadioGroup({ legend, name, options, checked }: { legend: string; name: string; options: { value: string; label: string }[]; checked: string }) {
  return (
    <fieldset>
      <legend className="text-lg font-bold">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input type="radio" name={name} value={o.value} defaultChecked={checked === o.value} className="h-5 w-5 accent-sky-800" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const STATUS_MARK = { ok: "✓", missing: "✗", info: "i" } as const;

async function PlanResult({ plan, locale }: { plan: Plan; locale: Locale }) {
  const t = await getTranslations("Plan");
  const now = (await getNow()).getTime();
  const db = contentDb();
  const guides = publishedByKeys(db, "guide", plan.guides);
  const { input } = plan;
  const usable = plan.lanes.filter((l) => l.usable);
  const waits = input.direction === "north" && input.mode !== "cbx" ? readAllPorts() : null;
  const missing = plan.checklist.filter((c) => c.status === "missing").length;
  return (
    <section aria-labelledby="plan-result-heading" className="mt-8" data-testid="plan-result">
      <h2 id="plan-result-heading" className="text-2xl font-bold">
        {t("resultHeading")}
      </h2>
      <p className="mt-2 text-slate-800" role="status" data-testid="plan-summary">
        {plan.travelers === 0
          ? t("nobody")
          : t("summary", { travelers: plan.travelers, direction: t(`directionPhrase.${input.direction}`), mode: t(`modePhrase.${input.mode}`), missing })}
      </p>
      {plan.checklist.length ? (
        <>
          <h3 className="mt-6 text-xl font-bold">{t("checklistHeading")}</h3>
          <ul className="mt-2 space-y-2" data-testid="checklist">
            {plan.checklist.map((c, i) => (
              <li key={i} className="flex gap-3 rounded border border-slate-300 bg-white p-3" data-status={c.status} data-need={c.need}>
                <span aria-hidden="true" className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full font-bold ${c.status === "ok" ? "bg-green-800 text-white" : c.status === "missing" ? "bg-red-800 text-white" : "bg-sky-100 text-sky-900"}`}>
                  {STATUS_MARK[c.status]}
                </span>
                <span>
                  <strong className="block">{t(`who.${c.kind}`)}</strong>
                  {t(`needs.${c.need}` as "needs.declare")}{" "}
                  {c.status !== "info" ? <strong>{t(`status.${c.status}`)}</strong> : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.lanes.length ? (
        <>
          <h3 className="mt-6 text-xl font-bold">{t("lanesHeading")}</h3>
          <ul className="mt-2 space-y-2" data-testid="plan-lanes">
            {plan.lanes.map((l) => (
              <li key={l.type} className="rounded border border-slate-300 bg-white p-3" data-type={l.type} data-usable={l.usable}>
                <strong>{t(`laneNames.${l.mode === "pedestrian" ? "foot" : "car"}.${l.type as "standard"}`)}</strong>
                {": "}
                <strong>{t(l.usable ? "laneYes" : "laneNo")}</strong> {t(`laneWhy.${l.why as "standard"}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="mt-6 text-xl font-bold">{t("portsHeading")}</h3>
      {input.direction === "south" ? <p className="mt-2 text-slate-800">{t("noSouthbound")}</p> : null}
      <ul className="mt-2 space-y-3" data-testid="plan-ports">
        {plan.ports.map((slug) => {
          const port = waits?.ports.find((p) => p.slug === slug);
          return (
            <li key={slug} className="rounded-lg border border-slate-300 bg-white p-3" data-port={slug}>
              <Link href={`/ports/${slug}`} className="text-lg font-semibold text-sky-900 underline underline-offset-4">
                {getPort(slug)?.name[locale] ?? slug}
              </Link>
              {port
                ? port.crossings.map((crossing) => {
                    const lanes = crossing.lanes.filter((lane) => usable.some((u) => u.mode === lane.mode && u.type === lane.type));
                    if (!lanes.length) return null;
                    return (
                      <div key={crossing.cbpPortNumber} className="mt-2">
                        <p className="text-sm font-semibold text-slate-700">{crossing.name[locale]}</p>
                        <ul className="divide-y divide-slate-200">
                          {lanes.map((lane) => (
                            <LaneRow key={`${lane.mode}-${lane.type}`} lane={lane} timeZone={port.timeZone} now={now} cbpPortNumber={crossing.cbpPortNumber} showTime />
                          ))}
                        </ul>
                      </div>
                    );
                  })
                : null}
            </li>
          );
        })}
      </ul>
      <LinkSection id="plan-guides" className="mt-6" level={3} heading={t("guidesHeading")} links={guides.map((g) => ({ href: contentPath(g, locale), label: g.title[locale] }))} />
      <p className="mt-6 text-sm text-slate-700">{t("shareHint")}</p>
    </section>
  );
}
