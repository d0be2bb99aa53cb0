"""Which cluster ``--scheduler`` names, and a Dask client for it.

Kept free of Dask imports at module level: the CLI checks the address while parsing, and a
command run without ``--scheduler`` must not pay for importing Dask.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING

from tui.errors import GlossError

if TYPE_CHECKING:
    from distributed import Client

LOCAL_PREFIX = "local:"
INSTALL_HINT = "pip install 'gloss[cluster]'"
# Seconds to wait for a remote scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 10
# A local:N scheduler runs in this process: its event logs (a record per task per topic, kept
# for dashboards nobody opens here) are capped low so memory stays flat however long the input.
LOCAL_LOG_LENGTH = 100


def scheduler_address(value: str) -> str:
    """``--scheduler``: ``local:N`` (N worker processes here) or a scheduler address."""
    if value.startswith(LOCAL_PREFIX):
        count = value.removeprefix(LOCAL_PREFIX)
        if not (count.isdigit() and int(count) >= 1):
            raise argparse.ArgumentTypeError(
                f"expects local:N with N at least 1, or an address like tcp://host:8786; "
                f"got {value!r}")
    elif not value.strip():
        raise argparse.ArgumentTypeError("expects an address like tcp://host:8786 or local:N")
    return value


def local_workers(address: str) -> int | None:
    """N for ``local:N``; ``None`` for the address of a running scheduler."""
    if not address.startswith(LOCAL_PREFIX):
        return None
    return int(scheduler_address(address).removeprefix(LOCAL_PREFIX))


def require_distributed() -> ModuleType:
    """``distributed``, or the one-line reason it is missing and how to install it."""
    try:
        import distributed
    except ImportError as error:
        raise GlossError(f"--scheduler needs Dask, which is not installed: {INSTALL_HINT} "
                         f"({error})") from error
    return distributed


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client for ``address``; for ``local:N`` a ``LocalCluster`` of N single-threaded worker
    processes (spaCy holds the GIL, so threads would not add throughput), closed on exit."""
    distributed = require_distributed()
    workers = local_workers(address)
    if workers is not None:
        import dask

        # The logs take their length when first written, so the setting holds for the run.
        with dask.config.set({"distributed.admin.log-length": LOCAL_LOG_LENGTH,
                              "distributed.admin.low-level-log-length": LOCAL_LOG_LENGTH}):
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=True, dashboard_address=":0")
            with cluster, distributed.Client(cluster) as client:
                yield client
        return
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise GlossError(f"cannot reach the Dask scheduler at {address}: {reason}") from error
    with client:
        yield client
