"""A requested pipeline that is not installed: the message names what provides it."""

from __future__ import annotations

import importlib.util

import pytest

from tui.analysis.nlp import INSTALL_HINT, ModelNotFound, installed_models, load_pipeline


@pytest.mark.parametrize("name", ["en_core_web_lg", "de_core_news_md", "xx_ent_wiki_sm"])
def test_a_published_pipeline_names_its_own_package(name: str) -> None:
    if importlib.util.find_spec(name) is not None:
        pytest.skip(f"{name} is installed here")
    with pytest.raises(ModelNotFound) as error:
        load_pipeline(name)
    message = str(error.value)
    assert f"install the package {name}: python -m spacy download {name}" in message
    assert INSTALL_HINT not in message
    assert "\n" not in message


@pytest.mark.parametrize("name", ["no_such_pipeline_xyz", "en_core_web_huge", "a.b.c", "./nope"])
def test_an_unknown_name_is_said_to_be_missing(name: str) -> None:
    with pytest.raises(ModelNotFound) as error:
        load_pipeline(name)
    message = str(error.value)
    assert message.startswith(f"spaCy pipeline {name!r} is not installed, and spaCy publishes")
    assert "pip install" not in message and "download" not in message
    for installed in installed_models():
        assert installed in message


def test_the_default_pipeline_loads_once_however_it_is_asked_for(nlp: object) -> None:
    """The app, export and the tests ask with () or (None): one copy, not two."""
    assert load_pipeline(None) is nlp
    assert load_pipeline("") is nlp
