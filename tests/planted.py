"""Sessions that plant personal data in every shape the allow-lists must catch.

`shapes_session(value)` builds one recording session (a list of batches) that puts the value in
every place nobody lists by name: an attribute of any name, a srcset, a srcdoc, an option's
value, a label, a placeholder, a field's name; a key, a value under a secret-looking key and a
plain string of a custom event, a log and the batch metadata; content under a marker at the end
of a long class string; content added in the mutation that blocks its parent; a field typed key
by key; the page URL. `windows(value)` are the 6-character pieces none of which may be stored.
"""

from __future__ import annotations

from typing import Any

from factories import (add, custom, element, html_page, incremental, meta, mutation, set_attributes, snapshot, text,
                       typing)

LOG = 11
WINDOW = 6


def windows(value: str, size: int = WINDOW) -> set[str]:
    return {value[i:i + size] for i in range(max(1, len(value) - size + 1))}


def leaked(blob: str | bytes, value: str) -> list[str]:
    """The 6-character windows of value found in blob (stored events, a file's bytes)."""
    if isinstance(blob, bytes):
        return sorted(w for w in windows(value) if w.encode() in blob)
    return sorted(w for w in windows(value) if w in blob)


def texts(value: Any) -> list[str]:
    """Every string of a JSON value, keys included (numbers left out: a timestamp's digits are
    not a planted IBAN)."""
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            found.extend(k for k in item if isinstance(k, str))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def shapes_session(value: str, secret: str, utility_classes: int = 60) -> tuple[list[list[Any]], dict[str, Any]]:
    """Batches of one session and the batch metadata; `value` is personal data a detector
    recognises (an e-mail, an IBAN…), `secret` anything at all (it goes where only its place
    says it is secret: a secret-named key, a marked or labelled field)."""
    utility = " ".join(f"md:px-{i} hover:bg-slate-{i}00" for i in range(utility_classes))
    panel = element("div", {"id": "panel"})
    email_field = element("input", {"type": "email", "name": f"contact {value}", "placeholder": value})
    labelled = element("input", {"id": "f-iban"})
    select = element("select", {"id": "who"}, [element("option", {"value": value}, [text("me")])])
    page = html_page(
        element("img", {"srcset": f"/a.png?u={value} 1x, /b.png 2x", "alt": f"Photo {value}",
                        "data-owner": value, "ng-reflect-model": value, "aria-roledescription": value}),
        element("iframe", {"srcdoc": f"<p>{value}</p>"}),
        element("label", {"for": "f-iban"}, [text(f"IBAN ({value})")]),
        labelled, email_field, select, panel,
        element("div", {"class": f"{utility} ph-no-capture"}, [text(f"Klant {secret}")]),
        element("div", {"contenteditable": "true", "class": "note"}, [text("…")]),
    )
    first = [meta(f"https://shop.example/checkout?ref={value}"), snapshot(page)]
    filled = element("p", {}, [text(f"Pas {secret}")])
    second = [
        *typing(email_field["id"], secret),
        *typing(labelled["id"], secret),
        mutation(adds=[add(panel["id"], filled)], attributes=[set_attributes(panel["id"], **{"class": "rr-block"})]),
        custom("login", {"user": {"password": secret, "Access-Token": secret, value: True},
                         "tag": value, "source": value, "note": f"mail {value}"}),
        incremental(LOG, level="warn", payload=[f"Authorization: Bearer {secret}x9Z"], trace=[]),
    ]
    metadata = {"user": {"email": value, "session_token": secret}, "tag": value}
    return [first, second], metadata
