"""Prometheus metrics, on a registry of the app's own (several apps can live in one process)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST

if TYPE_CHECKING:  # for annotations only: sinks import metrics, and must not load the redaction engine
    from redactor.redact import Redaction


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.batches = Counter("redactor_batches_total", "Batches stored", registry=r)
        self.refused = Counter("redactor_batches_refused_total", "Batches refused, by reason", ["reason"], registry=r)
        self.out_of_order = Counter("redactor_batches_out_of_order_total",
                                    "Numbered batches not next in their session: duplicate (a no-op), ahead (waited "
                                    "for the missing ones, then taken without them), late (taken after later ones)",
                                    ["order"], registry=r)
        self.state_lost = Counter("redactor_session_state_lost_total",
                                  "Batches numbered past 0 whose session had no state (lost: a Redis eviction or "
                                  "restart; or its first batches never came): echoes of earlier values pass",
                                  registry=r)
        self.events_in = Counter("redactor_events_in_total", "Events received in accepted batches", registry=r)
        self.events_out = Counter("redactor_events_out_total", "Events stored after redaction", registry=r)
        self.events_dropped = Counter("redactor_events_dropped_total", "Events dropped by redaction", registry=r)
        self.redactions = Counter("redactor_redactions_total", "Values redacted, by rule, entity and action",
                                  ["rule", "entity", "action"], registry=r)
        self._redaction_counters: dict[tuple[str, str, str], Any] = {}  # (rule, entity, action) → its child
        self.latency = Histogram("redactor_batch_seconds", "Time to redact and store one batch", registry=r,
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
        self.sessions = Gauge("redactor_sessions_in_memory", "Session mirrors held in memory", registry=r)
        self.cold_bytes = Gauge("redactor_sessions_cold_bytes", "Bytes of the compressed (cold) session mirrors",
                                registry=r)
        # bounded work and fairness (docs/operations.md, "Bounded work")
        self.limit_hits = Counter("redactor_limit_hits_total",
                                  "Times a limit cut work: scan_texts, scan_chars (texts masked whole), mirror_nodes "
                                  "(413), mirror_bytes (a mirror frozen or let go), site_sessions (429), batch_sessions (413)",
                                  ["limit"], registry=r)
        self.scanned_texts = Counter("redactor_detector_texts_total", "Distinct texts of batches sent to the detector",
                                     registry=r)
        self.scanned_chars = Counter("redactor_detector_chars_total", "Characters of the texts sent to the detector",
                                     registry=r)
        self.unscanned = Counter("redactor_unscanned_texts_total",
                                 "Texts masked whole, unread, because their batch had spent its detector budget",
                                 registry=r)
        self.mirror_nodes = Histogram("redactor_mirror_nodes", "Nodes of a session's mirror after a batch",
                                      registry=r, buckets=(100, 1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000))
        self.mirror_bytes = Gauge("redactor_mirror_bytes",
                                  "Bytes of session mirrors in memory: live (estimated) and frozen (exact)",
                                  ["state"], registry=r)
        self.queued = Gauge("redactor_jobs_waiting", "Jobs waiting for their site's turn, by stage",
                            ["stage"], registry=r)
        self.running = Gauge("redactor_jobs_running", "Jobs running, by stage", ["stage"], registry=r)
        # upstream mode: forwarding and the disk spool
        self.forwarded = Counter("redactor_upstream_forwarded_total",
                                 "Batches forwarded straight to the collector, by the collector's status class",
                                 ["status"], registry=r)
        self.upstream_errors = Counter("redactor_upstream_errors_total",
                                       "Failed exchanges with the collector (ingest and spool delivery), by reason",
                                       ["reason"], registry=r)
        self.spooled = Counter("redactor_spool_appended_total", "Batches written to the disk spool", registry=r)
        self.spool_delivered = Counter("redactor_spool_delivered_total", "Spooled batches the collector accepted",
                                       registry=r)
        self.spool_rejected = Counter("redactor_spool_rejected_total",
                                      "Spooled batches made dead letters: refused as bad (a 4xx but 429 and the "
                                      "'not now' ones), or 'not now' for spool_dead_letter_seconds",
                                      registry=r)
        self.spool_held = Counter("redactor_spool_held_total",
                                  "Batches the collector answered 'not now' (401, 403, 404…), spooled or forwarded "
                                  "straight: kept in the spool, sent again later", ["status"], registry=r)
        self.spool_dead = Gauge("redactor_spool_dead_letters", "Dead letters kept in the disk spool, never sent again",
                                registry=r)
        self.spool_full = Counter("redactor_spool_full_total", "Batches refused with 503 because the spool was full",
                                  registry=r)
        self.spool_batches = Gauge("redactor_spool_batches", "Batches waiting in the disk spool", registry=r)
        self.spool_bytes = Gauge("redactor_spool_bytes", "Bytes waiting in the disk spool", registry=r)
        self.spool_age = Gauge("redactor_spool_oldest_seconds", "Age of the oldest batch in the disk spool",
                               registry=r)

    def watch(self, states: Any, detector: Any, threads: Any, answers: Mapping[str, int] | None = None) -> None:
        """Gauges read when /metrics is scraped: session state (SessionStates), the queues of
        the detector and the redaction threads (FairSchedulers), and where the detector's answers
        came from (pii.cache.SharedSpans.counts)."""
        self.sessions.set_function(lambda: len(states))
        self.cold_bytes.set_function(states.cold_bytes)
        self.mirror_bytes.labels("live").set_function(states.hot_bytes)
        self.mirror_bytes.labels("frozen").set_function(states.cold_bytes)
        for stage, scheduler in (("detector", detector), ("redaction", threads)):
            self.queued.labels(stage).set_function(scheduler.waiting)
            self.running.labels(stage).set_function(scheduler.running)
        self.registry.register(_SiteSessions(states))
        if answers is not None:
            self.registry.register(_DetectorAnswers(answers))

    def record(self, received: int, redaction: Redaction) -> None:
        """A stored batch, on the event loop: an inc costs ~4 µs and a labels() look-up ~10 µs
        (prometheus_client validates and locks), so nothing adds 0 and each (rule, entity,
        action) is looked up once per process (the same children prometheus_client keeps)."""
        self.batches.inc()
        for counter, amount in ((self.scanned_texts, redaction.scanned_texts),
                                (self.scanned_chars, redaction.scanned_chars), (self.events_in, received),
                                (self.events_out, len(redaction.events)), (self.events_dropped, redaction.dropped)):
            if amount:
                counter.inc(amount)
        if redaction.unscanned:
            self.unscanned.inc(redaction.unscanned)
            self.limit_hits.labels(redaction.budget_spent or "scan_texts").inc()
        for key, count in redaction.counts().items():
            counter = self._redaction_counters.get(key)
            if counter is None:
                counter = self._redaction_counters[key] = self.redactions.labels(*key)
            counter.inc(count)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _SiteSessions:
    """redactor_site_sessions{site}: the sessions of each site in memory (max_sessions_per_site)."""

    def __init__(self, states: Any):
        self.states = states

    def describe(self) -> list[GaugeMetricFamily]:
        return [GaugeMetricFamily("redactor_site_sessions", "Sessions of a site in memory", labels=["site"])]

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily("redactor_site_sessions", "Sessions of a site in memory", labels=["site"])
        for site, count in sorted(self.states.site_sessions().items()):
            family.add_metric([site], count)
        yield family


class _DetectorAnswers:
    """redactor_detector_answers_total{source}: texts answered from this process's cache, from the
    cache shared on Redis, or detected (redactor.pii.cache.SharedSpans)."""

    HELP = "Texts of batches answered from this process's cache (process), from Redis (redis), or detected"

    def __init__(self, counts: Mapping[str, int]):
        self.counts = counts

    def describe(self) -> list[CounterMetricFamily]:
        return [CounterMetricFamily("redactor_detector_answers", self.HELP, labels=["source"])]

    def collect(self) -> Iterator[CounterMetricFamily]:
        family = CounterMetricFamily("redactor_detector_answers", self.HELP, labels=["source"])
        for source in ("process", "redis", "detected"):
            family.add_metric([source], self.counts.get(source, 0))
        yield family
