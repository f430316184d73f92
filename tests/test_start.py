"""What a start of `redactor serve` costs: work done once, and only in the process that needs it."""

from __future__ import annotations

import subprocess
import sys


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    done = subprocess.run([sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
                          capture_output=True, text=True, timeout=120, check=True)
    return set(done.stdout.split())


def test_the_command_module_imports_nothing_heavy():
    """A detector process is started with multiprocessing's spawn, which imports the main module again
    before it runs anything: `redactor.cli` under `python -m redactor.cli` and the `redactor` script.
    Had it imported the policy, every rule of rules/ would be compiled a second time in that process
    (~0.7 s of CPU a start), and aiohttp loaded there for nothing."""
    loaded = modules_after("import redactor.cli")
    assert not loaded & {"redactor.policy", "redactor.content", "redactor.config", "redactor.workers", "aiohttp",
                         "pydantic"}
