"""Server settings: command-line flags, then REDACTOR_<FLAG> environment variables, then the
config file (TOML or YAML), then defaults. The config file may also declare sites under `sites`."""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from redactor.pii.pool import default_pii_workers
from redactor.policy import ConfigError, SiteConfig, validate_site_config, validation_errors


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    admin_port: int | None = Field(None, ge=1, le=65535)  # admin API and viewer on their own listener
    data_dir: Path = Path("redactor-data")
    upstream: str | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    max_body_bytes: int = Field(8 * 1024 * 1024, ge=1024)  # as sent (compressed)
    max_inflated_bytes: int = Field(32 * 1024 * 1024, ge=1024)  # after gzip/deflate
    # transport (redactor/listen.py): slow or many clients cannot hold the server
    header_timeout_seconds: float = Field(10.0, gt=0)  # a request's headers, and idle keep-alive
    body_timeout_seconds: float = Field(10.0, gt=0)  # a body's grace, before the minimum rate below
    body_min_bytes_per_second: int = Field(32 * 1024, ge=1)  # a body must keep arriving at least this fast
    max_connections: int = Field(1024, ge=1)  # open connections per listener; past it: 503, closed
    # processes running Presidio (0: in-process, in a thread, for small setups); "auto" (default):
    # one per core but one, 1 to 8 (redactor.pii.default_pii_workers)
    pii_workers: int = Field(default_factory=default_pii_workers, ge=0)
    redaction_threads: int = Field(2, ge=1)  # threads for the synchronous redaction work, off the event loop
    ner: bool = True  # spaCy NER for names in free text; false: pattern recognizers only
    max_sessions: int = Field(10_000, ge=1)
    session_idle_seconds: float = Field(1800.0, gt=0)
    hot_sessions: int = Field(32, ge=1)  # mirrors kept live; the others are kept compressed
    # hashes of PII values kept per session to mask their echoes; past it every echo is masked whole
    max_taint_values: int = Field(8000, ge=1)
    # bounded work (docs/operations.md, "Bounded work"): past each, the work is cut the safe way
    max_scan_texts: int = Field(10_000, ge=1)  # distinct texts of one batch sent to the detector; the rest masked whole
    max_scan_chars: int = Field(1_000_000, ge=1)  # their characters; the rest masked whole
    max_mirror_nodes: int = Field(100_000, ge=1)  # nodes of one session's page; past it: 413
    max_mirror_bytes: int = Field(256 * 1024 * 1024, ge=1024)  # session mirrors in memory (live estimated + frozen)
    max_sessions_per_site: int = Field(5_000, ge=1)  # sessions of one site in memory; past it: 429 + Retry-After
    # a session that sent no page yet (no snapshot) holds its site's place this long idle, not session_idle_seconds
    session_probation_seconds: float = Field(60.0, gt=0)
    # distinct sessions one request may carry (a PostHog /e/ batch of many $session_id): past it, 413
    max_sessions_per_batch: int = Field(32, ge=1)
    retention_interval_seconds: float = Field(3600.0, gt=0)  # how often sites' retention_days are applied
    log_level: str = "INFO"
    # upstream mode (--upstream): forwarding and the disk spool (redactor/sinks/upstream.py, spool.py)
    upstream_timeout_seconds: float = Field(5.0, gt=0)  # one forward; past it the batch is spooled
    spool_max_bytes: int = Field(512 * 1024 * 1024, ge=1024)  # full: new batches get 503 + Retry-After
    spool_retry_max_seconds: float = Field(60.0, gt=0)  # cap of the exponential backoff between retries
    # a spooled batch the collector answers "not now" (401, 403, 404…) is kept and sent again this long
    # after it was spooled; then, like a batch refused as bad (400, 413…), kept as a dead letter
    spool_dead_letter_seconds: float = Field(86_400.0, gt=0)
    spool_drain_seconds: float = Field(5.0, ge=0)  # on shutdown, time given to deliver the spool
    # shared session state and processes (--state, --workers): redactor/state_redis.py, cli.py
    # the server secret (keyed masks, page digests, the seal of shared state): every instance of one
    # deployment needs the same one (docs/scaling.md); default: data_dir/secret.key, made at first start
    secret_file: Path | None = None
    state: str | None = Field(None, pattern=r"^(redis|rediss|unix)://")  # None: in process + the local store
    state_timeout_seconds: float = Field(2.0, gt=0)  # one Redis command; past it the batch gets 503
    state_lock_wait_seconds: float = Field(10.0, gt=0)  # waiting for a session another process holds
    # what protects a session (sticky flags, floor, taint, batch numbers) outlives its idle state on
    # Redis by this much, as the store keeps it in process (redactor/state_redis.py, `kept`)
    state_keep_seconds: float = Field(30 * 86_400.0, gt=0)
    # a numbered batch ({"seq": n, "events": …}) waits this long for the missing ones before it
    batch_gap_wait_seconds: float = Field(2.0, ge=0)
    workers: int | Literal["auto"] = 1  # processes serving one port; "auto": one per core
    worker_index: int | None = Field(None, ge=0)  # set by the --workers supervisor for its children only
    # --workers N: how often a child re-reads the shared sites and tokens when no request asks (each
    # batch and admin call checks first anyway: redactor/workers.py ConfigFollower)
    config_poll_seconds: float = Field(0.5, gt=0)
    sites: dict[str, SiteConfig] = {}

    @field_validator("pii_workers", mode="before")
    @classmethod
    def _auto_workers(cls, value: Any) -> Any:
        return default_pii_workers() if value in (None, "auto") else value


#: the environment variables read that are not settings (Settings' own are REDACTOR_<FIELD>)
OTHER_VARIABLES = frozenset({"REDACTOR_CONFIG", "REDACTOR_ADMIN_TOKEN"})


def unknown_variables(environ: dict[str, str] | os._Environ) -> list[tuple[str, str | None]]:
    """REDACTOR_* variables no setting reads (a typo: REDACTOR_MAX_BODY_BYTE), each with the
    closest known name (or None), so that serve can say so instead of ignoring them silently."""
    known = {f"REDACTOR_{name.upper()}" for name in Settings.model_fields if name != "sites"} | OTHER_VARIABLES
    return [(name, next(iter(difflib.get_close_matches(name, known, 1, 0.8)), None))
            for name in sorted(environ) if name.startswith("REDACTOR_") and name not in known]


def read_config_file(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text) if path.suffix == ".toml" else yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as error:
        raise ConfigError("$", f"{path} is not valid {'TOML' if path.suffix == '.toml' else 'YAML'}: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("$", f"{path} must hold a mapping of settings")
    return data


def load_settings(flags: dict[str, Any], config_file: Path | None = None,
                  environ: dict[str, str] | None = None) -> Settings:
    """flags: the command-line values given (None = not given)."""
    environ = os.environ if environ is None else environ
    config_file = config_file or (Path(environ["REDACTOR_CONFIG"]) if environ.get("REDACTOR_CONFIG") else None)
    values: dict[str, Any] = read_config_file(config_file) if config_file else {}
    values = {key.replace("-", "_"): value for key, value in values.items()}
    for name in Settings.model_fields:
        if name == "sites":
            continue
        env = environ.get(f"REDACTOR_{name.upper()}")
        if env is not None:
            values[name] = env
        if flags.get(name) is not None:
            values[name] = flags[name]
    sites = values.pop("sites", {}) or {}
    if not isinstance(sites, dict):
        raise ConfigError("$.sites", "a mapping of site name → site configuration")
    errors: list[tuple[str, str]] = []  # every fault of the file, reported at once
    try:
        settings = Settings.model_validate(values)
    except ValidationError as error:
        errors += validation_errors(error, Settings)
        settings = None
    configs: dict[str, SiteConfig] = {}
    holders: dict[str, str] = {}  # a project key belongs to one site (as the admin API keeps it)
    for site, config in sites.items():
        try:
            configs[site] = validate_site_config(config)
        except ConfigError as error:
            errors += error.under(f"$.sites.{site}").errors
            continue
        for i, key in enumerate(configs[site].sdk_keys):
            if holders.setdefault(key, site) != site:
                errors.append((f"$.sites.{site}.sdk_keys[{i}]", f"site {holders[key]!r} holds this key too: a "
                                                                  "project key belongs to one site"))
    if errors or settings is None:
        raise ConfigError.of(errors)
    settings.sites.update(configs)
    return settings
