/** Display thresholds shared by the normalizer, the API view and the pages (no dependencies: client-safe). */

/**
 * San Diego waits reach ~250 min on bad days; CBP has posted 630, 1015 and 1120 by mistake
 * (cbp-feed.md §5.2). Such values are kept as CBP published them, but reported and labelled as suspect.
 */
export const SUSPECT_MINUTES = 300;

/** A lane reading older than this is labelled as old on the pages. */
export const OLD_READING_MS = 3 * 60 * 60 * 1000;
