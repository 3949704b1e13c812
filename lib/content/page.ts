/**
 * The lookup a guide or initiative page and its metadata share: the item by the slug in the URL,
 * once per request (React cache), 404 when there is none, and a permanent redirect from the other
 * language's slug to this language's.
 */
import "server-only";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import type { Locale } from "@/lib/i18n/routing";
import type { ContentItem } from "@/lib/content/model";
import { contentDb } from "@/lib/content/read";
import { findPublishedBySlug } from "@/lib/content/store";
import { contentAlternates } from "@/lib/content/metadata";
import { contentPath } from "@/lib/content/paths";

type SluggedKind = "guide" | "initiative";

const find = cache((kind: SluggedKind, locale: Locale, slug: string) => findPublishedBySlug(contentDb(), kind, locale, slug));

export function itemForPage<K extends SluggedKind>(kind: K, locale: Locale, slug: string): ContentItem<K> {
  const match = find(kind, locale, slug);
  if (!match) notFound();
  if (match.canonicalSlug) permanentRedirect(`/${locale}${contentPath(match.item, locale)}`);
  return match.item as ContentItem<K>;
}

export function itemMetadata(kind: SluggedKind, locale: Locale, slug: string): Metadata {
  const item = find(kind, locale, slug)?.item;
  if (!item) return {};
  return { title: item.title[locale], description: item.summary[locale], alternates: contentAlternates(item, locale), openGraph: { type: "article" } };
}
