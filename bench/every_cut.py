"""Every cut of typed values: each line of tests/data/pii_typed.tsv that holds personal data, typed key by
key into a textarea and cut into two batches at every keystroke (a recorder may end a batch anywhere).

    python bench/every_cut.py [--ner] [category ...]

Prints, per line that leaks at some cut, the first such cut and the 6-character windows of a marked value
it stored (a window found elsewhere in the line's own words is not counted), then the totals. Lines whose
values are not all masked when typed in one batch are counted apart ("missed whole": recall, not the cut;
bench/quality.py reports it). Patterns only by default (the tail rules of redactor/content.py do not need
the model); --ner with spaCy.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from factories import element, html_page, snapshot, typing  # noqa: E402
from in_process import Session  # noqa: E402
from planted import windows  # noqa: E402

from redactor.pii import DetectorPool  # noqa: E402

MARK = re.compile(r"⟦([A-Z_]+)\|([^⟧]*)⟧")
INPUT = 5


def typed_lines(categories: list[str]) -> list[tuple[str, str, list[str]]]:
    """(category, the line as typed, its marked values of 6+ characters) of every line holding one."""
    lines = []
    for raw in (ROOT / "tests" / "data" / "pii_typed.tsv").read_text().splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        category, _, line = raw.split("\t")[:3]
        values = [value for _, value in MARK.findall(line) if len(value) >= 6]
        if values and not category.startswith("site-text") and (
                not categories or any(c in category for c in categories)):
            lines.append((category, MARK.sub(lambda m: m.group(2), line), values))
    return lines


def stored_values(pool: DetectorPool, line: str, cut: int | None) -> str:
    field = element("textarea", {"aria-label": "Bericht"})
    session = Session(pool)
    session.send(snapshot(html_page(field)))
    events = typing(field["id"], line)
    for batch in ([events[:cut], events[cut:]] if cut else [events]):
        session.send(*batch)
    return "\n".join(e["data"].get("text", "") for e in session.stored
                     if e.get("type") == 3 and e["data"].get("source") == INPUT)


def leaked(line: str, values: list[str], stored: str) -> list[str]:
    found = []
    for value in values:
        others = line.replace(value, "\0")
        found += [w for w in windows(value) if w in stored and w not in others]
    return sorted(set(found))


def main() -> None:
    pool = DetectorPool(workers=0, ner="--ner" in sys.argv)
    lines = typed_lines([a for a in sys.argv[1:] if not a.startswith("--")])
    missed = cut_leaks = 0
    for category, line, values in lines:
        if bad := leaked(line, values, stored_values(pool, line, None)):
            missed += 1
            print(f"{category}: typed in one batch, {line!r} stores {bad[:4]}")
            continue
        for cut in range(1, len(line)):
            if bad := leaked(line, values, stored_values(pool, line, cut)):
                cut_leaks += 1
                print(f"{category}: a cut after {line[:cut]!r} stores {bad[:4]}")
                break
    print(f"lines {len(lines)}: missed whole {missed}, leaking at some cut {cut_leaks}")
    pool.close()


if __name__ == "__main__":
    main()
