/** Releases of the v1 contract, newest last; each has a `Developers.change_<version>` message. */
export const CHANGELOG = [
  { version: "1.0.0", date: "2026-12-04" },
  { version: "1.1.0", date: "2026-12-04" },
  { version: "1.2.0", date: "2026-12-05" },
  { version: "1.3.0", date: "2026-12-05" },
] as const;
