"""Detection quality on tests/data/pii_eval.jsonl: recall / precision per entity, false positives on
non-PII values; Presidio with NER, Presidio patterns only, and Sentry Relay's PII rules side by side.

    python bench/quality.py [--no-relay] [--show-misses]

Scoring: a labelled span is found if a detected span overlaps it with a compatible entity. A detected
span is correct if it overlaps a labelled span with a compatible entity (precision). A value without
labels that gets any detection is a false positive (the "FP rate on non-PII values"). No value is
printed unless --show-misses is given (the data is synthetic).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "pii_eval.jsonl"
STRUCTURED = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "FR_NIR", "BE_NATIONAL_NUMBER", "NL_BSN",
              "EU_VAT", "FR_SIRET", "FR_SIREN"}  # PERSON = a name inside free text
COMPATIBLE = [{"FR_SIREN", "FR_SIRET", "EU_VAT"}]  # a SIREN lies inside a SIRET and a French VAT number

# Sentry Relay's built-in rules (selector on our own event field) → our entity names
RELAY_RULES = {"@email": "EMAIL_ADDRESS", "@creditcard": "CREDIT_CARD", "@iban": "IBAN_CODE", "@ip": "IP_ADDRESS",
               "@uuid": "MAID", "@imei": "OTHER", "@mac": "OTHER", "@usssn": "OTHER", "@urlauth": "OTHER",
               "@userpath": "OTHER", "@pemkey": "OTHER", "@bearer": "OTHER"}


def label(row: dict, span: dict) -> str:
    """PERSON is scored apart when the name stands alone in the value and when it is inside free text."""
    if span["entity"] == "PERSON":
        return "PERSON" if span["end"] - span["start"] < len(row["text"]) else "PERSON (alone)"
    return span["entity"]


def compatible(a: str, b: str) -> bool:
    b = "PERSON" if b == "PERSON (alone)" else b
    return a == b or any(a in group and b in group for group in COMPATIBLE)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(rows: list[dict], detections: list[list[tuple[int, int, str]]]) -> dict:
    labelled, found = defaultdict(int), defaultdict(int)
    detected, correct = defaultdict(int), defaultdict(int)
    negatives = fp_values = 0
    misses: list[tuple[str, str]] = []
    false_hits: list[tuple[str, str]] = []
    for row, spans in zip(rows, detections):
        gold = row["spans"]
        if not gold:
            negatives += 1
            if spans:
                fp_values += 1
                false_hits.append((row["text"], ",".join(sorted({e for _, _, e in spans}))))
        for g in gold:
            g = dict(g, entity=label(row, g))
            labelled[g["entity"]] += 1
            if any(overlaps((s, e), (g["start"], g["end"])) and compatible(ent, g["entity"]) for s, e, ent in spans):
                found[g["entity"]] += 1
            else:
                misses.append((row["text"][g["start"]:g["end"]], g["entity"]))
        for s, e, ent in spans:
            detected[ent] += 1
            if any(overlaps((s, e), (g["start"], g["end"])) and compatible(ent, label(row, g)) for g in gold):
                correct[ent] += 1
    return dict(labelled=labelled, found=found, detected=detected, correct=correct, negatives=negatives,
                fp_values=fp_values, misses=misses, false_hits=false_hits)


def presidio_detections(rows: list[dict], ner: bool) -> tuple[list, float]:
    from redactor.pii import PiiDetector, PiiSettings

    detector = PiiDetector(ner=ner)
    settings = PiiSettings.defaults()
    by_language: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_language[row["language"]].append(i)
    out: list = [None] * len(rows)
    t0 = time.perf_counter()
    for language, idx in by_language.items():  # one batched call per language, as a request would
        for i, spans in zip(idx, detector.analyze([rows[i]["text"] for i in idx], language, settings)):
            out[i] = [(s.start, s.end, s.entity) for s in spans]
    return out, time.perf_counter() - t0


def relay_detections(rows: list[dict]) -> tuple[list | None, str]:
    try:
        from sentry_relay import pii_strip_event
    except Exception as exc:  # noqa: BLE001 - report why and go on
        return None, f"sentry-relay not usable: {type(exc).__name__}: {exc}"
    config = {"applications": {"extra.**": [f"{rule}:mask" for rule in RELAY_RULES]}}
    event = {"extra": {str(i): row["text"] for i, row in enumerate(rows)}}
    result = pii_strip_event(config, event)
    meta = (result.get("_meta") or {}).get("extra", {})
    out = []
    for i in range(len(rows)):
        remarks = meta.get(str(i), {}).get("", {}).get("rem", [])
        spans = []
        for rule_id, _kind, *rng in remarks:
            if len(rng) == 2:
                spans.append((rng[0], rng[1], RELAY_RULES.get(rule_id.split(":")[0], "OTHER")))
        out.append(spans)
    import sentry_relay

    version = getattr(sentry_relay, "__version__", None)
    if version is None:
        from importlib.metadata import version as pkg_version

        version = pkg_version("sentry-relay")
    return out, f"sentry-relay {version}, rules {', '.join(RELAY_RULES)} (mask) on extra.**"


def ratio(a: int, b: int) -> str:
    return f"{a / b:5.3f}" if b else "  -  "


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-relay", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA, help="another labelled set (e.g. a held-out seed)")
    parser.add_argument("--show-misses", action="store_true", help="print missed / falsely hit values (synthetic data)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{args.data}: {len(rows)} values, {sum(1 for r in rows if not r['spans'])} without PII")

    engines: dict[str, dict] = {}
    for name, ner in (("presidio+NER", True), ("patterns only", False)):
        detections, seconds = presidio_detections(rows, ner)
        engines[name] = score(rows, detections)
        print(f"{name}: {len(rows) / seconds:,.0f} values/s (cold cache, batched per language)")
    if not args.no_relay:
        detections, note = relay_detections(rows)
        print(note)
        if detections is not None:
            engines["sentry relay"] = score(rows, detections)

    entities = sorted({e for r in engines.values() for e in r["labelled"]})
    header = f"{'entity':20} {'n':>4} " + " ".join(f"{n[:16]:>16} {'':>6}" for n in engines)
    print("\n" + header + "\n" + f"{'':20} {'':>4} " + " ".join(f"{'recall':>16} {'prec':>6}" for _ in engines))
    for entity in entities:
        line = f"{entity:20} {engines[next(iter(engines))]['labelled'][entity]:>4} "
        for r in engines.values():
            line += f"{ratio(r['found'][entity], r['labelled'][entity]):>16} {ratio(r['correct'][entity], r['detected'][entity]):>6} "
        print(line)
    for label, subset in (("structured", STRUCTURED), ("all", None)):
        line = f"{label + ' (overall)':20} {'':>4} "
        for r in engines.values():
            keys = [e for e in r["labelled"] if subset is None or e in subset]
            det = [e for e in r["detected"] if subset is None or e in subset]
            line += f"{ratio(sum(r['found'][e] for e in keys), sum(r['labelled'][e] for e in keys)):>16} " \
                    f"{ratio(sum(r['correct'][e] for e in det), sum(r['detected'][e] for e in det)):>6} "
        print(line)
    line = f"{'FP on non-PII values':20} {'':>4} "
    for r in engines.values():
        line += f"{r['fp_values']:>10}/{r['negatives']:<3} = {r['fp_values'] / max(r['negatives'], 1):6.1%} "[:24].rjust(24)
    print(line)
    print("\ntargets: recall >= 0.99 structured, >= 0.90 PERSON in free text, FP <= 2% of non-PII values")

    if args.show_misses:
        for name, r in engines.items():
            print(f"\n--- {name}: missed")
            for value, entity in r["misses"]:
                print(f"  {entity:20} {value!r}")
            print(f"--- {name}: false hits on non-PII values")
            for value, entities_hit in r["false_hits"]:
                print(f"  {entities_hit:20} {value!r}")


if __name__ == "__main__":
    main()
