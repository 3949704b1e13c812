import { routing } from "@/lib/i18n/routing";
import { manifestResponse } from "@/lib/pwa/manifest-response";

// The well-known address serves the default language; lib/pwa/manifest.ts explains the split.
export function GET(): Promise<Response> {
  return manifestResponse(routing.defaultLocale);
}
