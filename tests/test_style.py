"""The style facts (seolint/language/style.py) and the C004 message (seolint/checks/style.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from seolint.language.style import passive, transition


@pytest.mark.parametrize(("sentence", "found"), [
    ("La maison est construite en pierre.", "est construite"),
    ("Les données ne sont pas toujours bien comprises.", "sont pas toujours bien comprises"),
    ("Il a été élu maire en 2020.", "été élu"),
    ("Le module n’est pas encore publié.", "n’est pas encore publié"),
    ("Vous serez sûrement surpris du résultat.", "serez sûrement surpris"),
    ("Il est allé à Lyon.", None),  # aller forms its compound tenses with être
    ("Elles sont arrivées hier soir.", None),
    ("Elle s’est lancée seule.", None),  # pronominal
    ("Nous nous sommes inscrits au salon.", None),
    ("Nous sommes invités au salon.", None),  # « invité » is a noun after être
    ("C’est fait.", None),
    ("Elle est très âgée.", None),
    ("Ce site est une référence.", None),
])
def test_french_passive(sentence: str, found: str | None) -> None:
    assert passive(sentence, "fr") == found


@pytest.mark.parametrize(("sentence", "found"), [
    ("The house was built in 1990.", "was built"),
    ("This option is not currently supported.", "is not currently supported"),
    ("The fixes will be subsequently ported back.", "be subsequently ported"),
    ("It's used by every team.", "It's used"),
    ("Get started in five minutes.", None),
    ("We are interested in your ideas.", None),
    ("He is a trusted source.", None),
    ("The file is read-only.", None),
])
def test_english_passive(sentence: str, found: str | None) -> None:
    assert passive(sentence, "en") == found


@pytest.mark.parametrize(("sentence", "lang", "found"), [
    ("However, it works.", "en", "however"),
    ("Either you go or you stay.", "en", "either … or"),
    ("You read the list.", "en", None),
    ("D’abord, lisez la liste.", "fr", "d abord"),
    ("C’est pourquoi nous écrivons.", "fr", "c est pourquoi"),
    ("Non seulement il écrit, mais il publie.", "fr", "mais"),  # Yoast's lists: « mais » alone is one
    ("Soit vous partez, soit vous restez.", "fr", "soit … soit"),
    ("Il faut que ça soit simple.", "fr", None),  # one « soit », the verb, is no « soit … soit »
    ("Que se passe-t-il si vous partez ?", "fr", None),  # « si … que » counts in that order only
    ("Both the list and the table are ready.", "en", "both … and"),
    ("Vous lisez la liste.", "fr", None),
    ("Vous lisez la liste.", "xx", None),  # a language without a list has no transition
])
def test_transition(sentence: str, lang: str, found: str | None) -> None:
    assert transition(sentence, lang) == found


def test_readability_names_formula_and_longest_sentences(tmp_path: Path, seolint: Any) -> None:
    long = ("Notre politique de développement organisationnel privilégie systématiquement "
            "l’institutionnalisation des collaborations interprofessionnelles transversales "
            "particulièrement significatives.")
    body = "\n\n".join([long] * 2 + [long + " " + long[:-1] + " et communicationnelles."]
                       + ["Les responsabilités administratives considérablement complexifiées."] * 14)
    article = tmp_path / "article.md"
    article.write_text(f"---\ntitle: Politique\nlang: fr\n---\n\n{body}\n", encoding="utf-8")
    result = seolint("check", "--no-cache", "--output-format", "json", "--messages-lang", "en", "--select", "C004", article)
    (finding,) = result.json()
    message = finding["message"]
    assert "Kandel–Moles for fr" in message
    assert "words a sentence" in message and "syllables a word" in message
    assert "longest sentences: line 10 (" in message  # the doubled sentence comes first
    assert message.count("line ") == 3
