"""Web pages and feeds written for the tests (no internet at test time)."""

from __future__ import annotations

from html import escape


def article_page(title: str, paragraphs: list[str], *, published: str = "",
                 canonical: str = "") -> bytes:
    head = f"<title>{escape(title)} | Harbour Post</title>"
    head += '<meta property="og:site_name" content="Harbour Post">'
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head>{head}</head><body>"
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<article><h1>{escape(title)}</h1>{body}"
            '<div class="share"><a href="#">Share on Facebook</a></div></article>'
            "<footer>\u00a9 Harbour Post</footer></body></html>").encode()


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    parts = []
    for item in items:
        fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items())
        parts.append(f"<item>{fields}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>http://example.org/</link>"
            f"{''.join(parts)}</channel></rss>").encode()


FERRY = [
    "The ferry between Alder Island and the mainland resumed service on Wednesday after a "
    "three-week suspension caused by storm damage to the northern pier.",
    "Harbour officials said the crossing would run every hour until the end of the month, "
    "then return to its winter timetable of six sailings a day.",
    "Repairs to the southern pier are expected to begin in October and to cost about two "
    "million euros, according to the island council.",
]
BRIDGE = [
    "Engineers closed the old swing bridge over the Lune estuary on Monday after inspectors "
    "found cracks in two of its supporting piers.",
    "Drivers were told to expect a forty-minute detour through Hornby until at least the end "
    "of September, the county highways department said.",
    "A temporary footbridge for pedestrians and cyclists will open next week, officials said.",
]
MARKET = [
    "Stallholders at the covered market in Kendal voted on Thursday to keep Sunday trading "
    "through the winter, reversing a decision taken in the spring.",
    "The market manager, Priya Nair, said footfall had risen by a fifth since the new bus "
    "station opened across the road in June.",
]
