"""One recording session through the redaction pass in process, batch by batch: the real policy,
mirror, masker and Presidio detector, without the server around them."""

from __future__ import annotations

import copy

from redactor.dom import DomMirror
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.plugins import redact_events_sync
from redactor.policy import Policy, validate_site_config
from redactor.redact import Redaction, redact_batch_sync


class Session:
    #: the pass a batch goes through: the generic one alone
    redact = staticmethod(redact_batch_sync)

    def __init__(self, detector: DetectorPool, config: dict | None = None):
        self.policy = Policy.compile("test", validate_site_config(config or {}))
        self.mirror = DomMirror()
        self.masker = Masker(self.policy.config.pii.mask, b"site-secret")
        self.detector = detector
        self.stored: list = []

    def send(self, *events: dict) -> Redaction:
        settings = self.policy.config.pii
        result = self.redact(copy.deepcopy(list(events)), self.policy, self.mirror, self.masker,
                             lambda texts, language: self.detector.analyze_sync(texts, language, settings))
        self.stored.extend(result.events)
        return result

    def configure(self, config: dict) -> None:
        """The site's configuration changed between two batches."""
        self.policy = Policy.compile("test", validate_site_config(config))


class ServerSession(Session):
    """The same session through the server's pass (plugins.redact_events_sync): the network plugin's bodies read as
    their format (a JSON body's keys and values) around the generic pass."""
    redact = staticmethod(redact_events_sync)
