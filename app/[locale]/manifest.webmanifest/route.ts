import { hasLocale } from "next-intl";
import { routing } from "@/lib/i18n/routing";
import { manifestResponse } from "@/lib/pwa/manifest-response";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export const dynamicParams = false;

export async function GET(_request: Request, { params }: RouteContext<"/[locale]/manifest.webmanifest">): Promise<Response> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(`${en.Metadata.notFoundTitle} / ${es.Metadata.notFoundTitle}`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return manifestResponse(locale);
}
