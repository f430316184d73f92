"""Prometheus metrics, on a registry of the app's own (several apps can live in one process)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
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
        self.events_in = Counter("redactor_events_in_total", "Events received in accepted batches", registry=r)
        self.events_out = Counter("redactor_events_out_total", "Events stored after redaction", registry=r)
        self.events_dropped = Counter("redactor_events_dropped_total", "Events dropped by redaction", registry=r)
        self.redactions = Counter("redactor_redactions_total", "Values redacted, by rule, entity and action",
                                  ["rule", "entity", "action"], registry=r)
        self.latency = Histogram("redactor_batch_seconds", "Time to redact and store one batch", registry=r,
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
        self.sessions = Gauge("redactor_sessions_in_memory", "Session mirrors held in memory", registry=r)
        self.cold_bytes = Gauge("redactor_sessions_cold_bytes", "Bytes of the compressed (cold) session mirrors",
                                registry=r)
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
                                      "Spooled batches the collector refused for good (4xx other than 429)",
                                      registry=r)
        self.spool_full = Counter("redactor_spool_full_total", "Batches refused with 503 because the spool was full",
                                  registry=r)
        self.spool_batches = Gauge("redactor_spool_batches", "Batches waiting in the disk spool", registry=r)
        self.spool_bytes = Gauge("redactor_spool_bytes", "Bytes waiting in the disk spool", registry=r)
        self.spool_age = Gauge("redactor_spool_oldest_seconds", "Age of the oldest batch in the disk spool",
                               registry=r)

    def record(self, received: int, redaction: Redaction) -> None:
        self.batches.inc()
        self.events_in.inc(received)
        self.events_out.inc(len(redaction.events))
        self.events_dropped.inc(redaction.dropped)
        for (rule, entity, action), count in redaction.counts().items():
            self.redactions.labels(rule, entity, action).inc(count)

    def render(self) -> bytes:
        return generate_latest(self.registry)
