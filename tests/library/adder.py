"""A second Gloss process for the library tests: adds articles, acknowledging each.

Usage: python adder.py DB PREFIX COUNT
Prints ``added <doc id>`` after ``Library.add`` returns.
"""

from __future__ import annotations

import sys

from tui.document.load import parse_document
from tui.store.library import Library


def main() -> None:
    db, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with Library.open(db) as library:
        for i in range(count):
            text = (f"Report {prefix} number {i}: the harbour of Port {prefix.title()} reopened "
                    f"after repairs.\n\nOfficials counted {i} ships on the first day.")
            added = library.add(parse_document(text, "text"))
            print("added", added.article.id, flush=True)


if __name__ == "__main__":
    main()
