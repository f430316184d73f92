"""The application's typed keys (aiohttp AppKeys): the resources every route module reads."""

from __future__ import annotations

import re

from aiohttp import web

from redactor.config import Settings
from redactor.metrics import Metrics
from redactor.pii import DetectorPool
from redactor.scheduling import RedactionThreads
from redactor.sessions import SessionStates
from redactor.sinks.spool import Spool
from redactor.sinks.store import Store
from redactor.sinks.upstream import Upstream

SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
STATES = web.AppKey("states", SessionStates)
DETECTOR = web.AppKey("detector", DetectorPool)
THREADS = web.AppKey("threads", RedactionThreads)  # the synchronous redaction work, off the event loop
POLICIES = web.AppKey("policies", dict)  # site → Policy
TOKENS = web.AppKey("tokens", dict)  # sha256(token) → author name
METRICS = web.AppKey("metrics", Metrics)
SECRET = web.AppKey("secret", bytes)
UPSTREAM = web.AppKey("upstream", Upstream)  # upstream mode only (--upstream)
SPOOL = web.AppKey("spool", Spool)  # upstream mode only

#: site names, session ids and token names
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:\-]{0,199}$")
