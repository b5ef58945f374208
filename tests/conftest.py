"""Shared fixtures: a clean environment, fast bounded settings, local servers, fixed consoles."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from oit_checker.settings import RunSettings
from tests.sites import Scenario

FAST = {
    "OIT_CONNECT_TIMEOUT": "2",
    "OIT_READ_TIMEOUT": "1.5",
    "OIT_DEADLINE": "4",
    "OIT_RETRIES": "2",
    "OIT_BACKOFF_BASE": "0.05",
    "OIT_BACKOFF_MAX": "0.2",
    "OIT_RETRY_AFTER_CAP": "2",
    "OIT_EXTRACT_WORKERS": "1",
    "OIT_OCR": "never",  # OCR tests turn it on themselves (tests/test_ocr*.py)
}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No user OIT_* settings or proxies leak in; no colour; bounded waits everywhere."""
    for key in list(os.environ):
        if key.startswith("OIT_") or key.lower() in ("http_proxy", "https_proxy", "all_proxy"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    for key, value in FAST.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def fast_settings() -> RunSettings:
    return RunSettings(
        connect_timeout=2,
        read_timeout=1.5,
        deadline=4,
        retries=2,
        backoff_base=0.05,
        backoff_max=0.2,
        retry_after_cap=2,
    )


@pytest.fixture
def scenario(tmp_path: Path) -> Iterator[Scenario]:
    with Scenario(tmp_path) as s:
        yield s


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return Path(__file__).parent / "data"
