"""seolint.source.facts.destination: where a link leads."""

from __future__ import annotations

import pytest

from seolint.source.facts.destination import destination, is_local_host, on_domain
from seolint.source.facts.links import Anchor


@pytest.mark.parametrize(("href", "base", "expected"), [
    ("../guide/", None, "internal"),
    ("/quiz", None, "internal"),
    ("https://www.example.org/blog/post/", "https://example.org/blog", "internal"),
    ("https://example.org/shop/", "https://example.org/blog", "outbound"),
    ("https://other.org/", None, "outbound"),
    ("#section", None, "anchor"),
    ("", None, "empty"),
    ("mailto:a@b.org", None, "other"),
    ("http://localhost:8080/", None, "other"),
    ("http://[::1]/", None, "other"),
    ("http://host:99999/", None, "other"),  # an invalid port: no URL at all
])
def test_destination(href: str, base: str | None, expected: str) -> None:
    assert destination(Anchor(href, "text", 1, 1), base) == expected


def test_a_templated_destination_is_internal() -> None:
    assert destination(Anchor("", "Install", 1, 1, templated=True), None) == "internal"


def test_hosts() -> None:
    assert is_local_host("127.0.0.1") and is_local_host("app.localhost") and not is_local_host("example.org")
    assert on_domain("docs.Example.com.", ("example.com",)) and not on_domain("notexample.com", ("example.com",))
