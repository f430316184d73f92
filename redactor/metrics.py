"""Prometheus metrics, on a registry of the app's own (several apps can live in one process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

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

    def record(self, received: int, redaction: Redaction) -> None:
        self.batches.inc()
        self.events_in.inc(received)
        self.events_out.inc(len(redaction.events))
        self.events_dropped.inc(redaction.dropped)
        for (rule, entity, action), count in redaction.counts().items():
            self.redactions.labels(rule, entity, action).inc(count)

    def render(self) -> bytes:
        return generate_latest(self.registry)
