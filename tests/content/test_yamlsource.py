"""Positions, duplicate keys and unreadable YAML."""

from __future__ import annotations

import datetime as dt

from learn.content.yamlsource import load_yaml


def test_values_and_positions() -> None:
    doc, problems = load_yaml("a: 1\nb:\n  - x: ja\n    y: [1, 2]\n", "f.yaml")
    assert problems == []
    assert doc is not None
    assert doc.value == {"a": 1, "b": [{"x": "ja", "y": [1, 2]}]}
    assert doc.where(("b", 0, "y", 1)) == (4, 12)
    assert doc.where_key(("b", 0, "y")) == (4, 5)
    assert doc.where(("b", 0)) == (3, 5)
    assert doc.where_key(("b", 0)) == (3, 5)  # a list item has no key: its own position
    # Unknown paths fall back to the nearest known ancestor.
    assert doc.where(("b", 0, "zzz", 3)) == (3, 5)


def test_columns_count_characters_not_bytes() -> None:
    doc, _ = load_yaml("rôle: cliënt\nwie: ëë: x\n", "f.yaml")
    assert doc is None
    doc, _ = load_yaml("rôle: cliënt\nnaam: ëë\n", "f.yaml")
    assert doc is not None
    assert doc.where(("naam",)) == (2, 7)


def test_duplicate_keys_keep_the_first() -> None:
    doc, [problem] = load_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert doc is not None
    assert doc.value == {"a": 1, "b": 2}
    assert (problem.line, problem.column, problem.message) == (3, 1, "duplicate key 'a'")
    assert "line 1" in problem.hint


def test_scalars() -> None:
    doc, _ = load_yaml("a: yes\nb: ~\nc: 1.5\nd: 2024-05-01\ne: '7'\nf: <<\n", "f.yaml")
    assert doc is not None
    assert doc.value == {
        "a": True,
        "b": None,
        "c": 1.5,
        "d": dt.date(2024, 5, 1),
        "e": "7",
        "f": "<<",
    }


def test_anchors_aliases_and_merge_keys() -> None:
    text = "base: &b {x: 1, y: 2}\nkopie: *b\nmix:\n  <<: *b\n  y: 3\n"
    doc, problems = load_yaml(text, "f.yaml")
    assert problems == []
    assert doc is not None
    assert doc.value["kopie"] == {"x": 1, "y": 2}
    assert doc.value["mix"] == {"x": 1, "y": 3}
    assert doc.where(("mix", "x")) == (1, 14)  # the merged value itself


def test_non_text_keys_are_kept() -> None:
    doc, _ = load_yaml("1: a\n2.5: b\nnull: c\n", "f.yaml")
    assert doc is not None
    assert doc.value == {1: "a", 2.5: "b", None: "c"}


def test_complex_key_is_a_problem() -> None:
    doc, [problem] = load_yaml("? [a, b]\n: c\nd: e\n", "f.yaml")
    assert doc is not None
    assert doc.value == {"d": "e"}
    assert problem.message == "a key must be plain text, not a list or mapping"


def test_recursive_alias_is_a_problem() -> None:
    doc, problems = load_yaml("a: &x [1, *x]\n", "f.yaml")
    assert doc is not None
    assert [p.message for p in problems] == ["an alias refers to the value that contains it"]


def test_billion_laughs_is_cheap() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    doc, problems = load_yaml("\n".join(lines) + "\n", "f.yaml")
    assert problems == []
    assert doc is not None  # values are shared, not copied 10**12 times


def test_unknown_tag() -> None:
    doc, problems = load_yaml("a: !python/object:os.system x\nb: !!binary aGk=\n", "f.yaml")
    assert doc is not None
    assert doc.value == {"a": None, "b": None}
    assert [(p.line, p.message[:20]) for p in problems] == [(1, "unsupported YAML tag")] * 1 + [
        (2, "unsupported YAML tag")
    ]


def test_bad_explicit_value() -> None:
    doc, [problem] = load_yaml("a: !!int twee\n", "f.yaml")
    assert doc is not None
    assert problem.message == "cannot read 'twee' as int"


def test_syntax_errors() -> None:
    for text, line, fragment, hint in [
        ("a: b: c\n", 1, "mapping values are not allowed", "quotes"),
        ("a:\n\t- b\n", 2, "cannot read the YAML", ""),
        ("a: *nergens\n", 1, "undefined alias", "anchor"),
        ("a: 1\n---\nb: 2\n", 2, "single document", "---"),
        ("a: [1, 2\n", 2, "cannot read the YAML", ""),
        ("a: 'open\n", 2, "cannot read the YAML", ""),
    ]:
        doc, [problem] = load_yaml(text, "f.yaml")
        assert doc is None
        assert fragment in problem.message
        assert hint in problem.hint
        assert problem.line == line, (text, problem.format())


def test_characters_yaml_does_not_allow() -> None:
    doc, [problem] = load_yaml("a: b\nc: d\x01e\n", "f.yaml")
    assert doc is None
    assert (problem.line, problem.column) == (2, 5)
    doc, [problem] = load_yaml("a: b\ud800\n", "f.yaml")
    assert doc is None
    assert problem.line == 1


def test_deep_nesting_does_not_crash_the_process() -> None:
    for text in ["[" * 60_000 + "]" * 60_000, "- " * 60_000 + "x", "a: " + "[" * 200 + "]" * 200]:
        _, problems = load_yaml(text, "f.yaml")
        assert problems
        assert all(p.line >= 1 for p in problems)


def test_empty_document() -> None:
    doc, [problem] = load_yaml("", "f.yaml")
    assert doc is None
    assert problem.message == "the file is empty"
