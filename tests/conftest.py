"""Shared fixtures: the seeds, the spaCy model and the default gazetteer, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def nlp(lang):
    from geo.nlp import load_nlp

    return load_nlp(lang.spacy_model)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Debian's Chromium for the browser tests: installed with apt-get when missing and run as
    root, otherwise the test fails saying how to install it (never skipped)."""
    import os
    import shutil
    import subprocess

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
        found = shutil.which("chromium")
        if found:
            return found
    pytest.fail("the browser tests need Chromium: run `sudo apt-get install -y chromium`")


@pytest.fixture(scope="session")
def seed_result():
    """The whole pipeline run once over the bundled seeds, shared by the test files."""
    from geo.pipeline import run

    return run([SEEDS])


@pytest.fixture(scope="session")
def gazetteer():
    """The embedded default gazetteer (built once into the user cache, then loaded)."""
    from gazetteer import Gazetteer

    return Gazetteer.default()


@pytest.fixture(scope="session")
def bench():
    """``bench/eval_toponyms.py``, whose gold loader and scorer the figures tests share."""
    import importlib.util
    import sys

    path = REPO / "bench" / "eval_toponyms.py"
    spec = importlib.util.spec_from_file_location("eval_toponyms", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_toponyms"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def lang():
    """The French language pack, as a run context carries it."""
    from geo.lang import load_language

    return load_language("fr")


@pytest.fixture(scope="session")
def ctx(gazetteer):
    """A run context for the Syria–Iraq theatre, in French (the seeds' context)."""
    from geo.context import build_context

    return build_context(gazetteer=gazetteer, theatre="syria_iraq")
