import { hasLocale } from "next-intl";
import { routing } from "@/lib/i18n/routing";
import { manifestResponse } from "@/lib/pwa/manifest-response";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export const dynamicParams = false;

export async function GET(_request: Request, { params }: RouteContext<"/[locale]/manifest.webmanifest">): Promise<Response> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response("Not found", { status: 404 });
  return manifestResponse(locale);
}
