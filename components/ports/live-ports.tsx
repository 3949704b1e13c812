"use client";

import { useNow } from "next-intl";
import type { PortsResponse } from "@/lib/api/v1-schema";
import { CheckedLine } from "@/components/ports/checked-line";
import { PortSummary } from "@/components/ports/port-summary";
import { useLive } from "@/components/ports/use-live";
import { useConnectivity } from "@/components/offline/connectivity";

/** All ports, kept current from /api/v1/ports while the page is open. */
export function LivePorts({ initial, refreshMs }: { initial: PortsResponse; refreshMs: number }) {
  const data = useLive("/api/v1/ports", initial, refreshMs);
  const now = useNow({ updateInterval: 30_000 }).getTime();
  const { offline } = useConnectivity();
  return (
    <div className="space-y-4" data-testid="live-ports">
      <CheckedLine meta={data.meta} now={now} offline={offline} />
      {data.data.map((port) => (
        <PortSummary key={port.slug} port={port} now={now} />
      ))}
    </div>
  );
}
