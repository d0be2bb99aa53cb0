"""Fetch a web page or feed over HTTP: timeouts, redirects, a size limit, one-line errors.

httpx is imported here only, so opening a local file never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.document.errors import DocumentError

MAX_BYTES = 20 * 1024 * 1024  # far above any news page; guards against an endless body
TIMEOUT = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "Gloss/0.1 (+https://github.com/gloss-reader)"


@dataclass(frozen=True)
class Fetched:
    """The body of ``url`` (after redirects), with what the server said it is."""

    url: str
    content: bytes
    content_type: str  # lower-case media type without parameters, e.g. "text/html"


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url``; every failure is a ``DocumentError`` naming the URL and the reason."""
    import httpx

    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS,
                          timeout=httpx.Timeout(timeout),
                          headers={"User-Agent": USER_AGENT}) as client, \
                client.stream("GET", url) as response:
            if response.status_code >= 400:
                phrase = response.reason_phrase or "error"
                raise _error(url, f"the server answered {response.status_code} {phrase}")
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > max_bytes:
                    raise _error(url, f"it is larger than {max_bytes // (1024 * 1024)} MB")
                chunks.append(chunk)
            media = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(str(response.url), b"".join(chunks), media)
    except httpx.TimeoutException:
        raise _error(url, f"no answer within {timeout:g} s (timed out)") from None
    except httpx.TooManyRedirects:
        raise _error(url, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.ConnectError as error:
        raise _error(url, f"cannot connect ({_reason(error)}); are you offline?") from None
    except httpx.InvalidURL as error:
        raise _error(url, f"not a valid URL ({_reason(error)})") from None
    except httpx.HTTPError as error:
        raise _error(url, _reason(error)) from None


def _reason(error: Exception) -> str:
    return str(error).strip() or type(error).__name__


def _error(url: str, reason: str) -> DocumentError:
    return DocumentError(f"cannot fetch {url}: {reason}", "unreadable")
