"""Where the shipped rule files (rules/*.yaml) are: beside the package in a source checkout
(also an editable install), inside it as `redactor/rules` in an installed wheel."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml


@functools.cache
def rules_dir() -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "rules", package / "rules"):
        if (candidate / "markers.yaml").exists():
            return candidate
    raise FileNotFoundError("the rules/ folder is missing from this installation of redactor")


def load_rules(name: str) -> Any:
    return yaml.safe_load((rules_dir() / name).read_text(encoding="utf-8"))


@functools.cache
def detectable_entities() -> frozenset[str]:
    """The entity names the detector can report: those of rules/recognizers.yaml, and PERSON
    (spaCy NER). Read from the data, so that validating a site's `pii.entities` loads no model."""
    return frozenset({spec["entity"] for spec in load_rules("recognizers.yaml")["recognizers"]} | {"PERSON"})
