"""A second Gloss process for the store tests: saves (and deletes) notes, acknowledging each.

Usage: python writer.py DB PREFIX COUNT [--delete-every K] [--slow-sync SECONDS]
``--slow-sync`` makes every fsync take that much longer, so a temporary file stays on disk long
enough for a test to see it and kill the writer mid-write, on a fast machine as on a slow one.
Prints ``saved <id>`` after ``save`` returns and ``deleted <id>`` after ``delete`` returns.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import FileDescriptorLike

from tui.store.db import Store
from tui.store.model import Note

TEXT = "The envoy arrived in the capital on Tuesday and met the minister for three hours."


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("prefix")
    parser.add_argument("count", type=int)
    parser.add_argument("--delete-every", type=int, default=0)
    parser.add_argument("--slow-sync", type=float, default=0.0)
    args = parser.parse_args()
    if args.slow_sync:
        fsync = os.fsync

        def slow_fsync(fd: FileDescriptorLike) -> None:
            fsync(fd)
            time.sleep(args.slow_sync)

        os.fsync = slow_fsync
    with Store.open(args.db) as store:
        for i in range(args.count):
            note = Note.on_passage("doc", TEXT, 4, 9, body=f"{args.prefix} note {i}",
                                   id=f"{args.prefix}-{i:05d}")
            store.save(note)
            print("saved", note.id, flush=True)
            if args.delete_every and i % args.delete_every == 0:
                store.delete(note.id)
                print("deleted", note.id, flush=True)


if __name__ == "__main__":
    main()
