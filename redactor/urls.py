"""What a URL looks like: one definition for the redaction and the policy."""

from __future__ import annotations

import re

#: a scheme and the authority after it: "https://shop.example", "android-app://host" (RFC 3986)
SCHEME_AND_HOST = re.compile(r"^[a-zA-Z][\w+.-]*://[^/?#]*")
_URL_SHAPED = re.compile(r"^\s*(?:[a-zA-Z][\w+.-]*://|(?:mailto|tel|sms|data|javascript):|[/?#.])")


def looks_like_url(value: str) -> bool:
    """Whether a value nobody labelled as a URL (an attribute, a payload string) is one to take
    apart by its query and path; otherwise it is scanned as text."""
    return bool(_URL_SHAPED.match(value)) and not any(c.isspace() for c in value.strip())
