"""One real ``LocalCluster`` (two worker processes) for the cluster tests, made and closed here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from distributed import Client, LocalCluster


@pytest.fixture(scope="package")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                      dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="package")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster) as connected:  # type: ignore[no-untyped-call]
        yield connected
