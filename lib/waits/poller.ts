/**
 * The poller: the only code that asks CBP for data. One fetch at a time, a few jittered retries,
 * a circuit breaker, and the last good snapshot kept in SQLite whatever happens upstream.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, ExponentialBackoff, circuitBreaker, handleWhen, retry, wrap } from "cockatiel";
import { processFeed, FeedError, type ProcessedFeed } from "@/lib/cbp";
import { fetchFeedBytes } from "@/lib/cbp/fetch";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { recordFailedPollEvents, recordPollEvents } from "@/lib/alerts/store";
import { acquireLease, readPollState, recordBreakerState, recordFailedPoll, releaseLease, saveSuccessfulPoll, type SaveResult } from "@/lib/waits/store";

export interface PollerOptions {
  db: Db;
  feedUrl: string;
  intervalMs: number;
  staleAfterMs: number;
  timeoutMs: number;
  maxBytes: number;
  breakerHalfOpenMs: number;
  /** Extra attempts within one poll (so at most 1 + retries upstream calls per interval). */
  retries?: number;
  /** First retry delay; later ones grow exponentially with decorrelated jitter. */
  retryBaseMs?: number;
  now?: () => number;
  fetchBytes?: (signal: AbortSignal) => Promise<Uint8Array>;
  holder?: string;
  /**
   * How long the polling lease lasts without renewal. A heartbeat renews it every third of that,
   * so a standby server takes over within this time when the polling one dies.
   */
  leaseTtlMs?: number;
}

export type PollOutcome =
  | { ok: true; at: number; format: ProcessedFeed["format"]; saved: SaveResult; problems: string[] }
  /** `code` is a FeedError code, `circuit_open`, `unexpected`, or `lease_held` (another process polls). */
  | { ok: false; at: number; code: string; message: string };

/** CBP rebuilds the XML about every 5 minutes; 20 minutes without a rebuild means it is stuck. */
export const FEED_FROZEN_MS = 20 * 60 * 1000;

const BREAKER_NAMES: Record<CircuitState, string> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "isolated",
};

export class Poller {
  readonly holder: string;
  private readonly opts: Required<Omit<PollerOptions, "fetchBytes">> & Pick<PollerOptions, "fetchBytes">;
  private readonly breaker;
  private readonly policy;
  private inFlight: Promise<PollOutcome> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = true;
  /** Bumped by start() so a poll still finishing from before a stop() cannot revive the old loop. */
  private generation = 0;
  private abort = new AbortController();
  private readonly loggedUnknown = new Set<string>();
  /** Alert once when the feed freezes or the data goes stale, not on every poll while it lasts. */
  private frozenReported = false;
  private staleReported = false;
  private upstreamCalls = 0;

  constructor(options: PollerOptions) {
    this.opts = { retries: 2, retryBaseMs: 1000, now: Date.now, holder: `${process.pid}-${randomUUID()}`, leaseTtlMs: 60_000, ...options };
    this.holder = this.opts.holder;
    this.breaker = circuitBreaker(
      handleWhen(() => true),
      { halfOpenAfter: this.opts.breakerHalfOpenMs, breaker: new ConsecutiveBreaker(5) },
    );
    const retryPolicy = retry(
      handleWhen((e) => !(e instanceof BrokenCircuitError)),
      { maxAttempts: this.opts.retries, backoff: new ExponentialBackoff({ initialDelay: this.opts.retryBaseMs, maxDelay: 10_000 }) },
    );
    this.policy = wrap(retryPolicy, this.breaker);
    this.breaker.onStateChange((s) => {
      log.warn("poller.breaker", { state: BREAKER_NAMES[s] });
      recordBreakerState(this.opts.db, BREAKER_NAMES[s]);
    });
  }

  /** Upstream requests made so far (for tests and the benchmark). */
  get calls(): number {
    return this.upstreamCalls;
  }

  get breakerState(): string {
    return BREAKER_NAMES[this.breaker.state];
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.generation++;
    // stop() aborted the old signal for good; a restarted poller needs a fresh one.
    if (this.abort.signal.aborted) this.abort = new AbortController();
    this.heartbeat = setInterval(() => {
      try {
        acquireLease(this.opts.db, this.holder, this.opts.now(), this.opts.leaseTtlMs);
      } catch (error) {
        log.error("poller.lease", { message: (error as Error)?.message });
      }
    }, Math.max(1000, Math.floor(this.opts.leaseTtlMs / 3)));
    this.heartbeat.unref?.();
    this.schedule(0, this.generation);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = null;
    this.heartbeat = null;
    this.abort.abort();
    // Hand over at once instead of making a standby wait for the lease to expire.
    try {
      releaseLease(this.opts.db, this.holder);
    } catch {
      /* the database may already be closed at shutdown */
    }
  }

  /** Runs a poll now, or joins the one already running: never two upstream fetches at once. */
  poll(): Promise<PollOutcome> {
    this.inFlight ??= this.runPoll().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private schedule(delayMs: number, generation: number): void {
    if (this.stopped || generation !== this.generation) return;
    this.timer = setTimeout(() => {
      // The last-resort handler: nothing thrown in a poll may stop the loop.
      this.poll()
        .catch((error: unknown) => log.error("poller.unexpected", { message: (error as Error)?.message }))
        .finally(() => this.schedule(this.opts.intervalMs, generation));
    }, delayMs);
    this.timer.unref?.();
  }

  private async runPoll(): Promise<PollOutcome> {
    const { db, now } = this.opts;
    const startedAt = now();
    // Several servers may share the database; only the lease holder polls.
    if (!acquireLease(db, this.holder, startedAt, this.opts.leaseTtlMs)) {
      return { ok: false, at: startedAt, code: "lease_held", message: "another process is polling" };
    }
    const attemptErrors: unknown[] = [];
    try {
      const processed = await this.policy.execute(async () => {
        this.upstreamCalls++;
        try {
          const bytes = await this.fetchBytes();
          return processFeed(bytes, now());
        } catch (error) {
          attemptErrors.push(error);
          throw error;
        }
      }, this.abort.signal);
      const at = now();
      const previousSuccessAt = readPollState(db).lastSuccessAt;
      const saved = saveSuccessfulPoll(db, { fetchedAt: at, snapshot: processed.snapshot });
      this.recordEvents(() => recordPollEvents(db, { snapshot: processed.snapshot, at, previousSuccessAt, staleAfterMs: this.opts.staleAfterMs }));
      this.staleReported = false;
      this.report(processed, at);
      log.info("poller.success", { format: processed.format, crossings: saved.crossings, newReadings: saved.newReadings, corrected: saved.corrected, ms: at - startedAt });
      return { ok: true, at, format: processed.format, saved, problems: processed.problems };
    } catch (caught) {
      // When this poll's own failures opened the breaker, the retry that follows fails with
      // BrokenCircuitError; report the upstream's failure, and circuit_open only when no request was made.
      const error = caught instanceof BrokenCircuitError && attemptErrors.length > 0 ? attemptErrors.at(-1) : caught;
      const at = now();
      const code = error instanceof FeedError ? error.code : error instanceof BrokenCircuitError ? "circuit_open" : "unexpected";
      const message = (error as Error)?.message ?? String(error);
      recordFailedPoll(db, { at, code, message, breaker: this.breakerState });
      log.warn("poller.failure", { code, message });
      if (code === "schema" || code === "no_known_crossings") log.alert("schema_drift", { code, message });
      const state = readPollState(db);
      this.recordEvents(() => recordFailedPollEvents(db, { at, lastSuccessAt: state.lastSuccessAt, staleAfterMs: this.opts.staleAfterMs }));
      // Once per outage: the first failed poll after the data went stale.
      if (state.lastSuccessAt !== null && at - state.lastSuccessAt > this.opts.staleAfterMs && !this.staleReported) {
        this.staleReported = true;
        log.alert("stale_data", { lastSuccessAt: new Date(state.lastSuccessAt).toISOString() });
      }
      return { ok: false, at, code, message };
    }
  }

  /** Status events feed the alerts and feeds; failing to record them must never fail the poll. */
  private recordEvents(record: () => readonly { kind: string }[]): void {
    try {
      const events = record();
      if (events.length > 0) log.info("poller.status_events", { kinds: events.map((e) => e.kind) });
    } catch (error) {
      log.error("poller.status_events_failed", { message: (error as Error)?.message });
    }
  }

  private fetchBytes(): Promise<Uint8Array> {
    if (this.opts.fetchBytes) return this.opts.fetchBytes(this.abort.signal);
    return fetchFeedBytes(this.opts.feedUrl, { timeoutMs: this.opts.timeoutMs, maxBytes: this.opts.maxBytes }, this.abort.signal).then((f) => f.bytes);
  }

  private report(processed: ProcessedFeed, fetchedAt: number): void {
    const suspect = processed.problems.filter((p) => p.includes("suspect delay"));
    const drift = processed.problems.filter((p) => !p.includes("suspect delay"));
    for (const p of suspect) log.warn("poller.suspect_delay", { problem: p });
    for (const p of drift) log.warn("poller.quarantined", { problem: p });
    if (drift.length > 0) log.alert("schema_drift", { problems: drift.length });
    // CBP's XML has stopped regenerating for hours while still being served (cbp-feed.md §7.12).
    const generated = processed.snapshot.generatedAt ? Date.parse(processed.snapshot.generatedAt) : null;
    const frozen = generated !== null && fetchedAt - generated > FEED_FROZEN_MS;
    if (frozen && !this.frozenReported) {
      log.alert("feed_frozen", { generatedAt: processed.snapshot.generatedAt, minutesBehind: Math.round((fetchedAt - (generated ?? 0)) / 60000) });
    }
    this.frozenReported = frozen;
    for (const u of processed.unknownRegional) {
      if (this.loggedUnknown.has(u.cbpPortNumber)) continue;
      this.loggedUnknown.add(u.cbpPortNumber);
      // Otay Mesa East will most likely first appear like this (cbp-feed.md §11).
      log.warn("poller.unknown_crossing", { ...u, maybeOtayMesaEast: /otay\s*mesa\s*east|mesa de otay ii/i.test(`${u.portName} ${u.crossingName}`) });
    }
  }
}
