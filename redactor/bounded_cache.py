"""An LRU cache for answers about short strings (a page's field names, labels, classes, payload keys),
which repeat across sessions. Those strings come from clients: an answer about a long one is
computed and not kept, so a cache holds at most maxsize × longest characters, not maxsize × whatever
a hostile client sends (65,536 payload keys of 100 KB each would have kept 6.5 GB)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: characters of a string argument past which an answer is not kept: a label, a field's name, a
#: class list as pages write them (a longer one is answered each time, in time linear in it)
LONGEST_KEPT = 256


def short_lru_cache(maxsize: int, longest: int = LONGEST_KEPT) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def answer(*args: Any) -> Any:
            # a loop, not any() over a generator: every node of every snapshot asks a few of these
            # caches, and the generator cost more than the lookup it guards
            for arg in args:
                if isinstance(arg, str) and len(arg) > longest:
                    return fn(*args)
            return cached(*args)

        answer.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return answer  # type: ignore[return-value]
    return decorate
