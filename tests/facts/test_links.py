"""seolint.source.facts.links: links as the reader meets them, and the literal text around them."""

from __future__ import annotations

from typing import Any

from seolint.source.facts.links import links, pieces, scan

# The body starts on line 5 of the file: three lines of front matter and a blank line.


def test_a_links_text_holds_its_inline_code_and_its_images_alt(document: Any) -> None:
    doc = document("See [the `git` book](/git) and [![Logo](logo.png)](/) and [`break`](/kw).\n")
    found = [(link.href, link.text, link.code) for link in links(doc)]
    assert found == [("/git", "the git book", False), ("/", "Logo", False), ("/kw", "break", True)]
    assert [link.column for link in links(doc)] == [5, 32, 59]
    assert all(link.line == 5 for link in links(doc))


def test_an_empty_alt_is_told_apart_from_no_alt(document: Any) -> None:
    doc = document(
        'A <a href="/a"><img src="a.png" alt=""></a> and <a href="/b"><img src="b.png"></a>.\n\n'
        '[![](c.png)](/c)\n\n'
        '<p><a href="/d"><img src="d.png" alt="Dee"></a> <a href="/e"><img src="e.png"></a></p>\n'
    )
    assert [(link.href, link.images) for link in links(doc)] == [
        ("/a", ("",)), ("/b", (None,)), ("/c", ("",)), ("/d", ("Dee",)), ("/e", (None,)),
    ]
    assert [link.text for link in links(doc)] == ["", "", "", "Dee", ""]


def test_reference_links_resolve_and_start_at_their_bracket(document: Any) -> None:
    doc = document("Read [the guide][guide] or [guide].\n\n[guide]: https://example.org/guide\n")
    assert [(link.href, link.text) for link in links(doc)] == [
        ("https://example.org/guide", "the guide"), ("https://example.org/guide", "guide"),
    ]
    assert links(doc)[0].column == 6


def test_html_links_need_an_href_and_keep_their_label(document: Any) -> None:
    doc = document('<a id="top"></a>Back <a href="/home" aria-label="Home page"></a> and '
                   '<a name="x">here</a>.\n')
    assert [(link.href, link.html, link.label, link.text) for link in links(doc)] == [
        ("/home", True, "Home page", ""),
    ]


def test_a_templated_destination_is_known_for_one(document: Any) -> None:
    doc = document('[Install]({{< ref "install.md" >}}) and [Docs]({{site.baseurl}}/docs).\n')
    assert [link.templated for link in links(doc)] == [True, True]


def test_mdx_links_are_read_around_imports_and_components(document: Any) -> None:
    body = ("import Tabs from '@theme/Tabs';\n\n<Tabs>\n\nSee [the API](/api) first.\n\n</Tabs>\n")
    doc = document(body, name="page.mdx")
    assert [(link.href, link.line, link.column) for link in links(doc)] == [("/api", 9, 5)]


def test_pieces_are_literal_text_outside_code_and_know_what_they_follow(document: Any) -> None:
    doc = document("Go to [TCP](/tcp)/ip with `/usr/bin` or <code>/etc</code> at /quiz.\n")
    texts = [(piece.text, piece.link, piece.glued) for piece in pieces(doc)]
    assert texts == [
        ("Go to ", False, False), ("TCP", True, True), ("/ip with ", False, True),
        (" or ", False, True), (" at /quiz.", False, True),
    ]


def test_the_walk_happens_once_and_only_when_asked(document: Any) -> None:
    doc = document("A [link](/a).\n")
    assert doc.body.blocks and not hasattr(doc.body, "links")  # the parse alone does not walk the links
    assert not doc._derived
    first = scan(doc)
    assert links(doc) is first.anchors and pieces(doc) is first.pieces
    assert list(doc._derived) == [next(iter(doc._derived))]


def test_a_link_starts_where_the_parser_read_it(document: Any) -> None:
    doc = document(
        "Hugo's [`text/template`][] and [`html/template`][] packages.\n\n"  # line 5
        "A code span `cargo fmt\n--check` first, then [a\nlink](/x).\n\n"  # lines 7-9
        "- item\n\n  <p>See <a href=\"/y\">y</a></p>\n\n"  # line 13: an HTML block in a list item
        "[`text/template`]: https://pkg.go.dev/text/template\n"
        "[`html/template`]: https://pkg.go.dev/html/template\n"
    )
    assert [(link.href, link.line, link.column) for link in links(doc)] == [
        ("https://pkg.go.dev/text/template", 5, 8), ("https://pkg.go.dev/html/template", 5, 32),
        ("/x", 8, 22), ("/y", 13, 10),
    ]


def test_text_after_a_code_span_or_an_image_across_lines_is_on_its_own_line(document: Any) -> None:
    doc = document(
        "Run `npm\ninstall` first, then\n[TODO] here.\n\n"  # lines 5-7
        "An ![alt written\nover two lines](/a.png) then\n/quiz at last.\n"  # lines 9-11
    )
    assert [(piece.text, piece.line) for piece in pieces(doc)] == [
        ("Run ", 5), (" first, then", 6), ("[TODO] here.", 7),
        ("An ", 9), (" then", 10), ("/quiz at last.", 11),
    ]
