"""The command line's help and argument errors in French (issue 12, item 6).

Under ``--lang fr`` or a French locale, ``--help`` of every command and the
errors argparse raises while reading the arguments are French; in English
they are what they always were.
"""

from __future__ import annotations

import argparse
import re

import pytest
from test_report import english_words

from conflictkit._i18n._cli_help import HELP_FR
from conflictkit.cli import _parsers, argv_lang, build_parser, main


def _commands() -> list[list[str]]:
    out = []
    for parser in _parsers(build_parser()):
        out.append(parser.prog.split()[1:])
    return out


COMMANDS = _commands()
NAMES = {word for command in COMMANDS for word in command}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    captured = capsys.readouterr()
    return int(stop.value.code or 0), captured.out + captured.err


def _words_left(text: str) -> str:
    """The help without what is not translated on purpose: option names,
    metavars, choices, command names, file names, code in backticks and the
    example header mapping."""
    text = re.sub(r"`[^`]*`|\{[^}]*\}|(?<!\w)'[^'\n]*'(?!\w)", " ", text)
    text = re.sub(r"(?<![\w-])--?[\w-]+", " ", text)
    text = re.sub(r"\b[A-Z][A-Z_]+\b|\$\w+|\S+\.(?:xlsx|sqlite)\b|\w+_\w+", " ", text)
    for name in NAMES:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text)
    return text


@pytest.fixture(params=["--lang", "LANG"])
def french(request, monkeypatch):
    """French asked for with ``--lang fr`` or by the locale alone."""
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    if request.param == "LANG":
        monkeypatch.setenv("LANG", "fr_FR.UTF-8")
        return []
    monkeypatch.setenv("LANG", "C.UTF-8")
    return ["--lang", "fr"]


def test_every_help_text_has_its_french():
    for parser in _parsers(build_parser()):
        texts = [parser.description] + [a.help for a in parser._actions]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                texts += [c.help for c in action._choices_actions]
        for text in texts:
            if text and text != argparse.SUPPRESS:
                assert text in HELP_FR, text


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_of_every_command_is_french(command, french, capsys):
    code, text = _run([*command, *french, "--help"], capsys)
    assert code == 0
    assert text.startswith(f"utilisation : conflictkit {' '.join(command)}".rstrip())
    assert "options :" in text
    assert "afficher cette aide et quitter" in text
    assert english_words(_words_left(text)) == []
    assert not re.search(r"\b(usage|positional|arguments?:|show this)\b", text)


@pytest.mark.parametrize(
    ("argv", "french_text"),
    [
        (["add"], "ces arguments sont obligatoires : client"),
        (["resolve", "D-1", "--outcome", "amiable", "--retained", "peut-être"],
         "argument --retained : oui ou non attendu, pas 'peut-être'"),
        (["add", "Acme", "--options", "deux"],
         "argument --options : nombre entier attendu, pas 'deux'"),
        (["nimportequoi"], "argument COMMAND : choix invalide : 'nimportequoi'"),
        (["summary", "--inconnue"], "arguments non reconnus : --inconnue"),
        (["summary", "--missions"], "argument --missions : une valeur attendue"),
        (["summary", "--dayfirst", "--monthfirst"],
         "argument --monthfirst : incompatible avec l'argument --dayfirst"),
        (["summary", "--columns", "Motif"], "paires EN-TÊTE=nom séparées"),
        (["report", "--since", "2024-13-45"],
         "argument --since : '2024-13-45' n'est pas une date"),
    ],
)  # fmt: skip
def test_argument_errors_are_french(argv, french_text, french, capsys):
    code, text = _run([*french, *argv], capsys)
    assert code == 2
    assert " : erreur : " in text
    assert french_text in text
    # the user's own words ('peut-être', 'nimportequoi') aside
    assert english_words(_words_left(text.split(" : erreur : ")[1])) == []


def test_english_help_and_errors_are_unchanged(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LANG", "C.UTF-8")
    build_parser("fr")  # French in one parser leaves a new English one alone
    for command in COMMANDS:
        code, text = _run([*command, "--help"], capsys)
        assert code == 0
        assert text == _parser_of(build_parser(), command).format_help()
        assert text.startswith("usage: conflictkit")
        assert "show this help message and exit" in text
        assert not re.search(r"[éèàç«»]|utilisation|erreur", text.replace(
            "Réglé le", ""))  # fmt: skip
    code, text = _run(["add"], capsys)
    assert code == 2
    assert text.endswith(
        "conflictkit add: error: the following arguments are required: client\n"
    )


def _parser_of(parser: argparse.ArgumentParser, command: list[str]):
    for p in _parsers(parser):
        if p.prog.split()[1:] == command:
            return p
    raise AssertionError(command)


def test_language_is_read_before_parsing(monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert argv_lang(["add", "Acme", "--lang", "fr"]) == "fr"
    assert argv_lang(["--lang=fr", "list"]) == "fr"
    assert argv_lang(["--lang", "fr", "list", "--lang", "en"]) == "en"
    assert argv_lang(["add", "--", "--lang", "fr"]) == "en"
    assert argv_lang(["add", "--notes", "--lang"]) == "en"
    assert argv_lang(["add", "Acme", "--la", "fr"]) == "fr"
    assert argv_lang(["add", "Acme", "--lan=fr"]) == "fr"
    assert argv_lang(["add", "Acme", "-l", "fr", "--", "--lang=fr"]) == "en"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert argv_lang(["list"]) == "fr"
    assert argv_lang(["list", "--lang", "en"]) == "en"


@pytest.mark.parametrize(
    ("name", "content", "french_text"),
    [
        ("absent.csv", None, "impossible de lire la table des causes 'absent.csv' : "
         "fichier introuvable"),
        ("latin1.csv", b"\xe9t\xe9,scope\n", "n'est pas en utf-8 (octet 0xe9"),
        ("broken.json", b"{bad", "n'est pas du JSON valide : erreur de syntaxe "
         "ligne 1, colonne 2"),
        ("list.json", b"[1]", "doit être un objet JSON graphie -> cause"),
        ("map.csv", b"spelling,cause\nretard,nimp\n",
         "graphie 'retard' : 'nimp' n'est pas une cause ; causes attendues : "
         "périmètre, délais"),
    ],
)  # fmt: skip
def test_cause_map_errors_are_french(name, content, french_text, french, tmp_path,
                                     monkeypatch, capsys):  # fmt: skip
    monkeypatch.chdir(tmp_path)
    if content is not None:
        (tmp_path / name).write_bytes(content)
    code, text = _run([*french, "summary", "--cause-map", name], capsys)
    assert code == 2
    assert french_text in text
    assert english_words(_words_left(text.split(" : erreur : ")[1])) == []
