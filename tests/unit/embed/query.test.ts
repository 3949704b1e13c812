import { describe, expect, it } from "vitest";
import { embedPath, portModes, resolveMode } from "@/lib/embed/modes";
import { parseEmbedQuery } from "@/lib/embed/query";
import { getPort } from "@/lib/ports";

const q = (s: string) => parseEmbedQuery(new URLSearchParams(s));

describe("parseEmbedQuery", () => {
  it("reads lang and mode", () => {
    expect(q("lang=es&mode=pedestrian")).toEqual({ lang: "es", mode: "pedestrian" });
  });

  it("falls back to English and no mode for missing or unknown values (a widget never shows an error box)", () => {
    expect(q("")).toEqual({ lang: "en", mode: undefined });
    expect(q("lang=fr&mode=boat")).toEqual({ lang: "en", mode: undefined });
    expect(q("lang=ES&mode=Pedestrian")).toEqual({ lang: "en", mode: undefined });
  });

  it("ignores unrelated parameters and takes the first of a repeated one", () => {
    expect(q("utm_source=x&lang=es&lang=en&mode=commercial&mode=x&v=2")).toEqual({ lang: "es", mode: "commercial" });
  });
});

describe("resolveMode", () => {
  it("keeps a mode the port has", () => {
    expect(resolveMode(getPort("otay-mesa")!, "commercial")).toBe("commercial");
  });

  it("otherwise picks the port's first mode with lanes", () => {
    expect(resolveMode(getPort("san-ysidro")!, undefined)).toBe("passenger");
    expect(resolveMode(getPort("cross-border-xpress")!, "commercial")).toBe("pedestrian");
    expect(portModes(getPort("tecate")!)).toEqual(["passenger", "pedestrian", "commercial"]);
  });

  it("is null for a planned port", () => {
    expect(resolveMode(getPort("otay-mesa-east")!, "passenger")).toBeNull();
  });
});

describe("embedPath", () => {
  it("puts lang then mode, and leaves mode out when there is none", () => {
    expect(embedPath("san-ysidro", "es", "pedestrian")).toBe("/embed/san-ysidro?lang=es&mode=pedestrian");
    expect(embedPath("otay-mesa-east", "en", null)).toBe("/embed/otay-mesa-east?lang=en");
  });
});
