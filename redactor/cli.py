"""The `redactor` command: serve, scrub (offline files), check-config, spool (dead letters)."""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

# Nothing heavy at import: a detector process (multiprocessing's spawn) imports the main module again
# before it runs anything, and that is this module under `python -m redactor.cli` and the `redactor`
# script. The policy (every rule compiled) and aiohttp are imported by the commands that use them.
if TYPE_CHECKING:
    from redactor.policy import SiteConfig


class JsonLogFormatter(logging.Formatter):
    """One JSON object a line. Messages never carry values: callers log names and counts only."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {"at": self.formatTime(record), "level": record.levelname, "logger": record.name,
                                 "message": record.getMessage()}
        if record.exc_info:
            # the exception type and where, not its message: messages can quote data
            exc_type, _, tb = record.exc_info
            frames = []
            while tb is not None:
                frames.append(f"{tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}")
                tb = tb.tb_next
            entry["exception"] = {"type": getattr(exc_type, "__name__", "?"), "at": frames[-6:]}
        return orjson.dumps(entry).decode()


class RepeatLimit(logging.Filter):
    """Repeated lines do not flood the log. Anyone can send bad requests: a malformed request is
    the client's fault (aiohttp logs it as an error: here it is INFO), and of lines made from the
    same message, at most BURST a minute are written, then one line says how many were not."""

    BURST = 10
    WINDOW_SECONDS = 60.0

    def __init__(self) -> None:
        super().__init__()
        self._seen: dict[tuple[str, str], list[float]] = {}  # (logger, message) → [window start, lines, dropped]

    def filter(self, record: logging.LogRecord) -> bool:
        from aiohttp.http_exceptions import HttpProcessingError

        if record.name.startswith("aiohttp") and record.exc_info and isinstance(record.exc_info[1], HttpProcessingError):
            record.levelno, record.levelname = logging.INFO, "INFO"
        now = time.monotonic()
        window = self._seen.setdefault((record.name, str(record.msg)), [now, 0, 0])
        if now - window[0] > self.WINDOW_SECONDS:
            dropped = int(window[2])
            window[:] = [now, 0, 0]
            if dropped and isinstance(record.args, tuple):
                record.msg = f"{record.msg} (and %d more like it in the last minute, not logged)"
                record.args = (*record.args, dropped)
        window[1] += 1
        if window[1] > self.BURST:
            window[2] += 1
            return False
        return True


def setup_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLogFormatter())
    handler.addFilter(RepeatLimit())
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # access lines carry query strings


def serve(args: argparse.Namespace) -> int:
    from redactor.scheduling import favour_the_loop

    favour_the_loop()  # first: its rarer passes of the garbage collector also spare the imports below (~0.2 s of CPU)
    from redactor import workers
    from redactor.config import load_settings, unknown_variables
    from redactor.policy import ConfigError

    flags = {"host": args.host, "port": args.port, "data_dir": args.data_dir, "upstream": args.upstream,
             "tls_cert": args.tls_cert, "tls_key": args.tls_key, "admin_port": args.admin_port,
             "state": args.state, "workers": args.workers}
    try:
        settings = load_settings(flags, Path(args.config) if args.config else None)
    except (ConfigError, OSError) as error:
        print(f"redactor: configuration: {error}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level)
    for name, closest in unknown_variables(os.environ):
        logging.getLogger("redactor").warning(
            "environment variable %s is no setting and is ignored%s", name,
            f" (did you mean {closest}?)" if closest else " (settings are REDACTOR_<FLAG>: see `redactor serve --help`)")
    if bool(settings.tls_cert) != bool(settings.tls_key):
        print("redactor: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    if settings.admin_port is not None and settings.admin_port == settings.port:
        print("redactor: --admin-port must differ from --port", file=sys.stderr)
        return 2
    n_workers = workers.count(settings.workers)
    if n_workers < 1:
        print("redactor: --workers is a number of processes (1 or more) or 'auto'", file=sys.stderr)
        return 2
    if n_workers > 1 and not settings.state:
        print(f"redactor: --workers {n_workers} needs --state redis://host:port/db: a session's batches reach "
              "any worker, and every worker needs the session's state (see docs/scaling.md)", file=sys.stderr)
        return 2
    if settings.state and not settings.upstream and settings.worker_index is None:  # once, not per worker
        logging.getLogger("redactor").warning(
            "--state without --upstream: each instance keeps the batches it takes in its own store (--data-dir). "
            "Instances on one host that share one --data-dir see every batch; instances on several hosts need "
            "--upstream to a collector, or each one's admin API shows only its share of a session "
            "(docs/scaling.md)")
    if n_workers > 1 and settings.worker_index is None:
        return workers.supervise(args.argv, n_workers)
    from redactor import listen
    from redactor.app import create_app, tls_context  # after the supervisor branch: it never loads the detector

    ssl_context = tls_context(settings)
    os.umask(0o077)  # every file the server makes (store, spool, WAL, keys) is its user's only
    listen.run(create_app(settings), settings, ssl_context, reuse_port=n_workers > 1)
    return 0


def scrub(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from redactor.config import load_settings
    from redactor.dom import DomMirror
    from redactor.formats.packed import decode_batch
    from redactor.formats.rrweb_batch import BatchError, encode
    from redactor.masking import SECRET_BYTES, Masker
    from redactor.pii import DetectorPool
    from redactor.policy import ConfigError, Policy, SiteConfig
    from redactor.plugins import redact_events_sync
    from redactor.rrweb import BadEvent

    try:
        config = _read_site_config(args.site_config) if args.site_config else SiteConfig()
    except ConfigError as error:
        print(f"redactor: {args.site_config}: {error}", file=sys.stderr)
        return 2
    try:
        limit = load_settings({}).max_inflated_bytes  # the server's bound on an inflated body
    except ConfigError as error:
        print(f"redactor: {error}", file=sys.stderr)
        return 2
    policy = Policy.compile("scrub", config)
    masker = Masker(config.pii.mask, secrets.token_bytes(SECRET_BYTES))  # keyed hashes agree within one run
    detector = DetectorPool(workers=0, ner=not args.no_ner)
    mirror = DomMirror()
    redacted: list[Any] = []
    with tqdm(args.batches, desc="scrub", unit="batch", file=sys.stderr, disable=args.quiet) as progress:
        for path in progress:
            try:
                batch = decode_batch(_read_batch_file(Path(path), limit), limit)
                result = redact_events_sync(batch.events, policy, mirror, masker,
                                            lambda texts, language: detector.analyze_sync(texts, language, policy.pii),
                                            meta=batch.meta)
            except (OSError, BatchError, BadEvent) as error:
                print(f"redactor: {path}: {error}", file=sys.stderr)
                return 1
            redacted.extend(result.events)
            progress.set_postfix(events=len(redacted), dropped=result.dropped)
    detector.close()
    output = encode(redacted)  # a DOM deeper than orjson writes included
    if args.output and args.output != "-":
        Path(args.output).write_bytes(output)
    else:
        sys.stdout.buffer.write(output + b"\n")
    return 0


#: how a gzip file starts (RFC 1952): a batch saved as the browser sent it (Content-Encoding: gzip)
GZIP_MAGIC = b"\x1f\x8b"


def _read_batch_file(path: Path, limit: int) -> bytes:
    """A batch file's bytes, inflated when it is gzip (by its first bytes, whatever its name), up to
    `limit` bytes (the server's max_inflated_bytes: a 300 KB file can hold gigabytes), else an
    error that says so."""
    from redactor.body import Inflater
    from redactor.formats.rrweb_batch import BatchError

    data = path.read_bytes()
    if not data.startswith(GZIP_MAGIC):
        return data
    inflater = Inflater("gzip", limit)
    try:
        inflated = b"".join(inflater.feed(data))
        inflater.finish()
    except BatchError as error:
        what = (f"inflates past max_inflated_bytes ({limit} bytes; raise it with REDACTOR_MAX_INFLATED_BYTES "
                "or the config file)" if error.status == 413 else f"cannot be inflated ({error.detail})")
        raise OSError(f"a gzip file that {what}") from None
    return inflated


def spool(args: argparse.Namespace) -> int:
    """Lists the spools' dead letters (batches the collector refused for good), sends them again or
    deletes them. Works while the server runs: it sees the change within a minute."""
    from redactor.config import load_settings
    from redactor.policy import ConfigError
    from redactor.sinks.spool import dead_letters, settle_dead_letters, spool_files

    try:
        settings = load_settings({"data_dir": args.data_dir}, Path(args.config) if args.config else None)
    except (ConfigError, OSError) as error:
        print(f"redactor: configuration: {error}", file=sys.stderr)
        return 2
    files = spool_files(settings.data_dir)
    if not files:
        print(f"no spool in {settings.data_dir} (the spool is made in upstream mode)")
        return 0
    chosen = args.retry or args.drop
    if chosen:
        wanted: dict[str, list[int] | None] = {}
        for name in chosen:
            spool_name, _, seq = name.rpartition(":")
            if name == "all":
                wanted = {file.parent.name: None for file in files}
                break
            if not spool_name or not seq.isdigit():
                print(f"redactor: {name!r} is no dead letter: give names as listed (spool:12), or 'all'",
                      file=sys.stderr)
                return 2
            wanted.setdefault(spool_name, []).append(int(seq))  # type: ignore[union-attr]
        done = sum(settle_dead_letters(file, wanted[file.parent.name], send_again=bool(args.retry))
                   for file in files if file.parent.name in wanted)
        print(f"{done} dead letter(s) {'sent again' if args.retry else 'deleted'}")
        return 0
    now = time.time()
    for file in files:
        waiting, letters = dead_letters(file)
        print(f"{file.parent.name}: {waiting} batch(es) to deliver, {len(letters)} dead letter(s)")
        for letter in letters:
            print(f"  {letter.name}\tsite={letter.site}\tsession={letter.session}\tstatus={letter.status}"
                  f"\tbytes={letter.size}\tage={(now - letter.enqueued_at) / 3600:.1f}h")
    return 0


def _read_site_config(path: str) -> SiteConfig:
    from redactor.config import read_config_file
    from redactor.policy import ConfigError, validate_site_config

    file = Path(path)
    if file.suffix == ".json":
        try:
            data = orjson.loads(file.read_bytes())
        except orjson.JSONDecodeError as error:
            raise ConfigError("$", f"not JSON: {error}") from None
    else:
        data = read_config_file(file)
    return validate_site_config(data)


def check_config(args: argparse.Namespace) -> int:
    """Validates a site configuration (JSON, TOML or YAML), or a server config file with `sites`."""
    from redactor.config import load_settings, read_config_file
    from redactor.policy import ConfigError, validate_site_config

    path = Path(args.file)
    try:
        data = orjson.loads(path.read_bytes()) if path.suffix == ".json" else read_config_file(path)
        if isinstance(data, dict) and "sites" in data:
            settings = load_settings({}, path, environ={})
            print(f"{path}: valid ({len(settings.sites)} site(s))")
        else:
            validate_site_config(data)
            print(f"{path}: valid site configuration")
        return 0
    except ConfigError as error:
        for where, reason in error.errors:
            print(f"{path}: invalid at {where}: {reason}", file=sys.stderr)
        return 1
    except (OSError, orjson.JSONDecodeError) as error:
        print(f"{path}: cannot be read: {error}", file=sys.stderr)
        return 1


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="redactor", description="Removes personal data from session recordings.")
    commands = top.add_subparsers(dest="command", required=True)
    s = commands.add_parser("serve", help="run the proxy")
    s.add_argument("--host")
    s.add_argument("--port", type=int)
    s.add_argument("--data-dir")
    s.add_argument("--config", help="TOML or YAML file: any flag below, and sites under `sites`")
    s.add_argument("--upstream", help="forward redacted batches to this collector instead of storing them")
    s.add_argument("--tls-cert")
    s.add_argument("--tls-key")
    s.add_argument("--admin-port", type=int,
                   help="serve the admin API and the viewer on this port only (not on --port)")
    s.add_argument("--state", help="redis://host:port/db: session state shared by every process and instance")
    s.add_argument("--workers", help="processes serving the port (default 1; 'auto': one per core); "
                                     "more than 1 needs --state")
    s.set_defaults(run=serve)
    c = commands.add_parser("scrub", help="redact recorded batches offline, as one session")
    c.add_argument("batches", nargs="+", metavar="BATCH.json")
    c.add_argument("--site-config", help="a site configuration (JSON, TOML or YAML)")
    c.add_argument("-o", "--output", help="where to write the JSON array of redacted events (default: stdout)")
    c.add_argument("--no-ner", action="store_true", help="pattern recognizers only (faster, no names in free text)")
    c.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    c.set_defaults(run=scrub)
    d = commands.add_parser("spool", help="list, send again or delete the spool's dead letters (upstream mode)")
    d.add_argument("--data-dir")
    d.add_argument("--config", help="the server's config file (for its data_dir)")
    what = d.add_mutually_exclusive_group()
    what.add_argument("--retry", nargs="+", metavar="NAME", help="send these dead letters again (names as listed, "
                                                                 "or 'all'), once the collector was fixed")
    what.add_argument("--drop", nargs="+", metavar="NAME", help="delete these dead letters (names as listed, or 'all')")
    d.set_defaults(run=spool)
    k = commands.add_parser("check-config", help="validate a site configuration")
    k.add_argument("file")
    k.set_defaults(run=check_config)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # what --workers children run again
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
