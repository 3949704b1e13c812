/** Turn-by-turn directions to a port in the reader's own map app; no map tiles on our pages. */
export type MapService = "osm" | "google" | "apple";

export function directionsLinks({ lat, lon }: { lat: number; lon: number }): { service: MapService; url: string }[] {
  const to = `${lat},${lon}`;
  return [
    { service: "google", url: `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(to)}` },
    { service: "apple", url: `https://maps.apple.com/?daddr=${encodeURIComponent(to)}` },
    { service: "osm", url: `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${to}`)}#map=16/${lat}/${lon}` },
  ];
}
