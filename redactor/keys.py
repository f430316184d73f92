"""The application's typed keys (aiohttp AppKeys): the resources every route module reads.

Their types are for the type checker only: a module that needs a key (admin, retention, the
listener) does not import, through this one, every resource's module (the detector's loads spaCy)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from redactor.carried import RefusedBatches
    from redactor.config import Settings
    from redactor.metrics import Metrics
    from redactor.pii import DetectorPool
    from redactor.scheduling import RedactionThreads
    from redactor.shared_admin import SharedAdmin
    from redactor.sessions import SessionStates
    from redactor.sinks.spool import Spool
    from redactor.sinks.store import Store
    from redactor.sinks.upstream import Upstream
    from redactor.state_redis import RedisStates

SETTINGS: web.AppKey[Settings] = web.AppKey("settings")
STORE: web.AppKey[Store] = web.AppKey("store")
STATES: web.AppKey[SessionStates | RedisStates] = web.AppKey("states")
DETECTOR: web.AppKey[DetectorPool] = web.AppKey("detector")
THREADS: web.AppKey[RedactionThreads] = web.AppKey("threads")  # the synchronous redaction work, off the event loop
POLICIES: web.AppKey[dict] = web.AppKey("policies")  # site → Policy
TOKENS: web.AppKey[dict] = web.AppKey("tokens")  # sha256(token) → admin.Grant (name, role, sites) of every live token
METRICS: web.AppKey[Metrics] = web.AppKey("metrics")
SECRET: web.AppKey[bytes] = web.AppKey("secret")
REFUSED: web.AppKey[RefusedBatches] = web.AppKey("refused")  # numbered batches refused (carried.py)
UPSTREAM: web.AppKey[Upstream] = web.AppKey("upstream")  # upstream mode only (--upstream)
SPOOL: web.AppKey[Spool] = web.AppKey("spool")  # upstream mode only
SHARED_ADMIN: web.AppKey[SharedAdmin] = web.AppKey("shared_admin")  # with --state only
#: set by redactor/listen.py: the listener leaves Content-Encoding to body.read_body (aiohttp's
#: auto_decompress off); unset, aiohttp has inflated gzip and deflate already (its test servers)
RAW_BODIES: web.AppKey[bool] = web.AppKey("raw_bodies")
#: site names, session ids and token names. \Z, not $: `$` also matches before a final newline,
#: and "admin\n" would pass for a name
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,199}\Z")
