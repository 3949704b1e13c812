"use client";

import { useNow } from "next-intl";
import type { PortResponse } from "@/lib/api/v1-schema";
import type { PortDef } from "@/lib/ports";
import { CheckedLine } from "@/components/ports/checked-line";
import { CrossingWaits } from "@/components/ports/crossing-waits";
import { useLive } from "@/components/ports/use-live";
import { useConnectivity } from "@/components/offline/connectivity";

/** One port's crossings, kept current from /api/v1/ports/{slug} while the page is open. */
export function LivePort({ def, initial, refreshMs }: { def: PortDef; initial: PortResponse; refreshMs: number }) {
  const data = useLive(`/api/v1/ports/${def.slug}`, initial, refreshMs);
  const now = useNow({ updateInterval: 30_000 }).getTime();
  const { offline } = useConnectivity();
  return (
    <div data-testid="live-port">
      <CheckedLine meta={data.meta} now={now} offline={offline} />
      <div className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white px-4">
        {def.crossings.map((c) => (
          <CrossingWaits
            key={c.cbpPortNumber}
            def={c}
            crossing={data.data.crossings.find((x) => x.cbpPortNumber === c.cbpPortNumber)}
            timeZone={def.timeZone}
            now={now}
            headingLevel={2}
          />
        ))}
      </div>
    </div>
  );
}
