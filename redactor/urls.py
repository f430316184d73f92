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


#: a URL written inside a text (a log line, an error's message): an absolute one from its scheme, or a path
#: from its "/" where a word starts ("GET /klant/jan-peeters 404", '"to":"/u/…"'), up to a space, a quote or
#: a bracket around it; what ends a sentence after it is no part of it
_URL_IN_TEXT = re.compile(rf"""(?:(?<![\w.+-]){_SCHEME}://|(?<![^\s"'(\[{{=,:])/(?=[^\s/]))[^\s"'<>()\[\]{{}}`]*""")
_SENTENCE_END = ".,;:!?"


def url_runs(text: str) -> list[tuple[int, int]]:
    """Where URLs stand inside a text, as (start, end): each is taken apart by a URL's rules there, its
    query's names and its path's people read as they are in a link. Linear: one pass of one regex."""
    runs = []
    for match in _URL_IN_TEXT.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _SENTENCE_END:
            end -= 1
        if end - match.start() > 1:
            runs.append((match.start(), end))
    return runs
