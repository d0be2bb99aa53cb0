"""Every unusable input ends in one clear line naming the problem, never a traceback."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from tui.document import load
from tui.document.errors import DocumentError
from tui.document.load import load_document, os_error
from tui.errors import GlossError


def failure(path: str | Path, **kwargs: object) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        load_document(path, **kwargs)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, GlossError)
    assert "\n" not in str(error) and "\r" not in str(error)
    return error


def test_missing_file(tmp_path: Path) -> None:
    error = failure(tmp_path / "nowhere.txt")
    assert error.problem == "missing"
    assert str(error) == f"cannot open {tmp_path / 'nowhere.txt'}: no such file"


def test_directory(tmp_path: Path) -> None:
    error = failure(tmp_path)
    assert error.problem == "directory"
    assert str(error).endswith("it is a directory, not an article")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root can read files whatever their mode")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Private words.")
    path.chmod(0)
    error = failure(path)
    assert (error.problem, str(error)) == ("permission", f"cannot open {path}: permission denied")


def test_permission_error_message() -> None:
    error = os_error("locked.txt", PermissionError(13, "Permission denied"))
    assert error.problem == "permission"
    assert str(error) == "cannot open locked.txt: permission denied"


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    bytes(range(256)) * 16,
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 64,
])
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(content)
    error = failure(path)
    assert error.problem == "binary"
    assert str(error) in (f"cannot open {path}: it holds binary data, not text",
                          f"cannot open {path}: its bytes fit no known text encoding")


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "the file is empty"),
    (b"  \n\t\r\n   \n", "it holds only whitespace"),
    ("\ufeff".encode(), "the file is empty"),
])
def test_empty_file(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    error = failure(path)
    assert (error.problem, str(error)) == ("empty", f"cannot open {path}: {reason}")


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><head><script>app()</script></head><body><nav>Menu</nav></body>")
    error = failure(path)
    assert error.problem == "empty"
    assert str(error) == f"cannot open {path}: no article text found in it"


def test_empty_stdin() -> None:
    error = failure("-", stdin=io.BytesIO(b""))
    assert str(error) == "cannot open standard input: it is empty"


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".epub"])
def test_unsupported_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"%PDF-1.7 whatever")
    error = failure(path)
    assert error.problem == "unsupported"
    assert str(error) == (f"cannot open {path}: {suffix} files are not supported "
                          "(use .txt, .md or .html)")


def test_missing_file_of_unsupported_type_is_reported_missing(tmp_path: Path) -> None:
    assert failure(tmp_path / "report.pdf").problem == "missing"


def test_file_name_with_newline_and_escape_stays_one_line(tmp_path: Path) -> None:
    error = failure(tmp_path / "evil\n\x1b]0;title\x07.txt")
    assert "\x1b" not in str(error) and "\x07" not in str(error)
    assert "\u241b" in str(error)


def test_lone_string_source_in_sidecar_is_one_source(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Words of the story.")
    (tmp_path / "story.meta.json").write_text('{"sources": "AFP"}')
    assert load_document(article).meta.sources == ("AFP",)


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_BYTES", 1024 * 1024)
    path = tmp_path / "huge.txt"
    path.write_text("All work and no play. " * 60_000)
    error = failure(path)
    assert error.problem == "too-large"
    assert str(error) == f"cannot open {path}: it is larger than 1 MB"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_BYTES", 1024 * 1024)
    assert failure("/dev/zero").problem == "too-large"
