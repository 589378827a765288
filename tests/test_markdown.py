"""seolint.source.markdown: the body's tokens and the facts every body rule reads (the outline here)."""

from __future__ import annotations

from typing import Any


def test_headings_know_what_a_reader_sees(document: Any) -> None:
    doc = document("## Install {#setup}\n\nSetext title\n============\n\n### The `git` ![CLI](c.png) tool\n\n"
                   "## <!-- hook -->\n\n## <span></span>\n")
    found = [(h.level, h.text, h.shown, h.source, h.line, h.markup) for h in doc.body.headings]
    assert found == [
        (2, "Install {#setup}", "Install", "Install {#setup}", 5, "##"),
        (1, "Setext title", "Setext title", "Setext title", 7, "="),
        (3, "The tool", "The git CLI tool", "The git CLI tool", 10, "###"),
        (2, "", "", "", 12, "##"),
        (2, "", "", "", 14, "##"),
    ]
    assert [(h.content, h.tags) for h in doc.body.headings[3:]] == [("<!-- hook -->", False), ("<span></span>", True)]


def test_a_template_tag_blanked_at_a_line_start_leaves_text_not_indented_code(document: Any) -> None:
    """Eleventy's `{% callout %}Text…` (and Hugo's `{{% term %}} text`): blanking the tag keeps the
    columns, so the text starts after many spaces; it is still a paragraph, not indented code."""
    doc = document('{% callout "info", "md" %}Read <a href="/docs/data-js/">data files</a> first.{% endcallout %}\n\n'
                   "    real = indented(code)\n")
    assert [(t.type, t.map) for t in doc.body.tokens if t.type in ("paragraph_open", "code_block")] == [
        ("paragraph_open", [1, 2]), ("code_block", [3, 4])]
    assert [block.text for block in doc.body.blocks] == ["Read data files first."]


def test_a_linked_callout_counts_as_an_internal_link(seolint: Any, write: Any, isolated: Any) -> None:
    write("eleventy.config.js", 'export default function (eleventyConfig) { return { markdownTemplateEngine: "njk" }; }\n')
    write("docs/removed.md", "---\ntitle: Global data file preprocessing, removed\n---\n\n# Preprocessing\n\n"
          '{% callout "error", "md-block", "Feature Removed" %}This feature was removed. Use '
          '<a href="/docs/data-js/">JavaScript data files</a> instead.{% endcallout %}\n')
    write("docs/data-js.md", "---\ntitle: JavaScript data files for every template\n---\n\nText.\n")
    result = seolint("check", "--no-cache", "--select", "L001", "--output-format", "concise", ".")
    assert "docs/removed.md" not in result.out, result.out


def test_each_image_of_an_html_block_stands_on_its_own_line(document: Any) -> None:
    """mkdocs-material's social-card layers: six <img> in one HTML block were all placed on
    the first one's line."""
    doc = document('<div class="layers">\n  <img src="layer-0.png" />\n  <span>Layer 1</span>\n'
                   '    <img src="layer-1.png" alt="Layer 1" />\n</div>\n')
    assert [(image.src, image.line) for image in doc.body.images] == [("layer-0.png", 6), ("layer-1.png", 8)]


def test_mdx_list_items_indented_in_a_component_are_items(document: Any) -> None:
    """MDX never reads indentation as code, so `- b` indented 4 spaces or more past its list
    starts the next item (astro-docs-fr's `modified-time.mdx`: the packages inside
    `<Fragment>` were read as one sentence « a - b - c »)."""
    body = ("1. Installez les paquets :\n\n    <Tabs>\n      <TabItem>\n        - le paquet du thème\n"
            "        - les polices du thème\n      </TabItem>\n    </Tabs>\n\n"
            "    - l’adresse du site\n    - l’adresse du dépôt\n")
    doc = document(body, name="article.mdx")
    assert [(block.kind, block.text, block.line) for block in doc.body.blocks] == [
        ("list_item", "Installez les paquets :", 5),
        ("list_item", "le paquet du thème", 9),
        ("list_item", "les polices du thème", 10),
        ("list_item", "l’adresse du site", 14),
        ("list_item", "l’adresse du dépôt", 15),
    ]
    # CommonMark's own example (a .md file keeps it): `- e`, 4 spaces past the list, continues
    # the paragraph of `d`; in MDX it is an item.
    steps = "- a\n - b\n  - c\n   - d\n    - e\n"
    assert [block.text for block in document(steps, name="plain.md").body.blocks] == ["a", "b", "c", "d - e"]
    assert [block.text for block in document(steps, name="steps.mdx").body.blocks] == ["a", "b", "c", "d", "e"]


def test_mdx_paragraph_tag_alone_on_its_line_holds_markdown(document: Any) -> None:
    """In MDX, `<p>` alone on its line is a component whose content is Markdown (astro-docs-fr's
    quiz answers in `<Spoiler>`); in Markdown it opens an HTML block, left out of the prose."""
    body = "<p>\n  <Spoiler>Oui, car la règle locale est plus précise.</Spoiler>\n</p>\n"
    assert [(block.text, block.line) for block in document(body, name="quiz.mdx").body.blocks] == [
        ("Oui, car la règle locale est plus précise.", 6)]
    assert document(body, name="quiz.md").body.blocks == []
