"""What a URL looks like: one definition for the redaction and the policy."""

from __future__ import annotations

import re

#: a URL's scheme (RFC 3986 §3.1): "https", "android-app", "git+ssh"
_SCHEME = r"[a-zA-Z][\w+.-]*"
#: a scheme and the authority after it: "https://shop.example", "android-app://host"
SCHEME_AND_HOST = re.compile(rf"^{_SCHEME}://[^/?#]*")
_URL_SHAPED = re.compile(rf"^\s*(?:{_SCHEME}://|(?:mailto|tel|sms|data|javascript):|[/?#.])")


def looks_like_url(value: str) -> bool:
    """Whether a value nobody labelled as a URL (an attribute, a payload string) is one to take
    apart by its query and path; otherwise it is scanned as text."""
    return bool(_URL_SHAPED.match(value)) and not any(c.isspace() for c in value.strip())
