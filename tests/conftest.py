"""Fixtures shared by the test modules."""
import pytest

from tocsin.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipe() -> Pipeline:
    """The default pipeline, loaded once for the whole run: it keeps no state between articles
    (tests/test_threads.py checks that), so the modules that code sentences can share it."""
    return Pipeline()
