"""The layers point one way: what stores, forwards and counts batches knows nothing of the
redaction engine. Importing them must not load spaCy, Presidio or the redaction pass (3.4 s
and hundreds of megabytes for a process that only needs to read the store)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENGINE = ("spacy", "presidio_analyzer", "redactor.pii", "redactor.redact", "redactor.content", "redactor.dom")
ROOT = Path(__file__).resolve().parent.parent


def loaded_by(module: str) -> list[str]:
    """The engine's modules that importing `module` loads, in a fresh interpreter."""
    probe = f"import sys, {module}; print(' '.join(n for n in {ENGINE!r} if n in sys.modules))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    return done.stdout.split()


@pytest.mark.parametrize("module", ["redactor.sinks", "redactor.sinks.store", "redactor.sinks.spool",
                                    "redactor.sinks.upstream", "redactor.sinks.sqlite", "redactor.metrics",
                                    "redactor.keys"])
def test_sinks_metrics_and_keys_do_not_load_the_redaction_engine(module):
    assert loaded_by(module) == []


def test_the_probe_sees_the_engine_when_it_is_loaded():
    """The check above can fail: the pipeline, which runs the engine, does load it."""
    assert {"redactor.redact", "redactor.pii"} <= set(loaded_by("redactor.pipeline"))
