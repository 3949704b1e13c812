import { contentCard } from "@/lib/og/content-card";

// Rendered per request, like the page it belongs to (content changes without a rebuild).
export const dynamic = "force-dynamic";

const card = contentCard("initiative", "ogInitiativeKicker");
export const generateImageMetadata = card.generateImageMetadata;
export default card.Image;
