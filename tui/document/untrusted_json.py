"""JSON from outside (import files, sidecars, ``--jsonl`` lines): parsed, or one clear reason.

``json.loads`` has more ways to fail than ``JSONDecodeError``: deep nesting raises
``RecursionError``, a number of more than 4,300 digits a plain ``ValueError``, undecodable
bytes ``UnicodeDecodeError``; and it happily returns lone surrogates (``"\\ud800"``), which no
later UTF-8 write can encode. :func:`parse_json` turns all of these into :class:`BadJSON`
with a one-line message, refuses nesting deeper than any real document needs (so code that
walks the result recursively cannot overflow later), and replaces lone surrogates by U+FFFD.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 100  # W3C annotation files nest about 7 deep; sidecars and --jsonl lines 2
_SURROGATE = re.compile("[\ud800-\udfff]")


class BadJSON(ValueError):
    """Untrusted JSON that cannot be used; ``str(error)`` is the one-line reason."""


def parse_json(data: str | bytes) -> Any:
    """The parsed value, with every string encodable; raises ``BadJSON``."""
    try:
        value = json.loads(data)
    except json.JSONDecodeError as error:
        raise BadJSON(f"{error.msg} at line {error.lineno} column {error.colno}") from None
    except RecursionError:
        raise BadJSON("it is nested too deeply") from None
    except UnicodeDecodeError:
        raise BadJSON("it is not UTF-8 text") from None
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise BadJSON("it holds an unreadable value (a number thousands of digits long)") from None
    return _checked(value)


def _safe(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _checked(value: Any) -> Any:
    """Depth-limited, surrogate-free ``value``, walked without recursion."""
    if isinstance(value, str):
        return _safe(value)
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadJSON(f"it is nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, list):
            for index, item in enumerate(node):
                if isinstance(item, str):
                    node[index] = _safe(item)
                elif isinstance(item, list | dict):
                    stack.append((item, depth + 1))
        elif isinstance(node, dict):
            if any(_SURROGATE.search(key) for key in node):
                items = [(_safe(key), item) for key, item in node.items()]
                node.clear()
                node.update(items)
            for key, item in node.items():
                if isinstance(item, str):
                    node[key] = _safe(item)
                elif isinstance(item, list | dict):
                    stack.append((item, depth + 1))
    return value
