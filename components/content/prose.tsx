import { renderMarkdown } from "@/lib/content/markdown";

/**
 * Markdown from the content store. The HTML comes out of the sanitizing renderer
 * (lib/content/markdown.ts): no raw HTML, no scripts, links limited to safe schemes.
 */
export function Prose({ markdown, className = "", lang, idPrefix }: { markdown: string; className?: string; lang?: string; idPrefix?: string }) {
  const { html } = renderMarkdown(markdown, idPrefix);
  return <div className={`prose ${className}`} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
