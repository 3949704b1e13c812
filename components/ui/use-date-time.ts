import { useLocale } from "next-intl";
import { formatDateTime } from "@/components/ui/format";

// Pages import it from here; the embed widget takes it from format.ts, which needs no React.
export { formatDateTime };

/** Formats instants in the page's language with the reader's regional conventions. */
export function useDateTime(): (instant: number, options: Intl.DateTimeFormatOptions) => string {
  const locale = useLocale();
  return (instant, options) => formatDateTime(locale, instant, options);
}
