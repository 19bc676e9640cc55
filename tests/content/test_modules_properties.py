"""Property tests: whatever is in a module folder, load_module reports problems, never raises.

Two kinds of damage to the fixture module: mangled text (any file, any characters) and
well-formed YAML of the wrong shape (a list where a mapping belongs, a number, nothing).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learn.content.modules import load_module

from .support import FIXTURES, VOCABULARY, mangle

MINI = FIXTURES / "modules" / "mini-module"
FILES = sorted(p.name for p in MINI.iterdir() if p.is_file())
TEXTS = {name: (MINI / name).read_text(encoding="utf-8") for name in FILES}
YAML_FILES = [name for name in FILES if name.endswith(".yaml")]
PAGES = [name for name in FILES if name.endswith(".md")]
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEYS = st.text(max_size=8) | st.integers(0, 3) | st.none()
SHAPES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 700) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=6,
)


def check_folder(texts: dict[str, str]) -> None:
    """Write ``texts`` as a module folder and check that the problems are well formed."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "mini-module"
        shutil.copytree(MINI / "figures", folder / "figures")
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        module, problems = load_module(folder, VOCABULARY, {"geen-netwerk-whatsapp"})
    for problem in problems:
        name = Path(problem.path).name
        assert Path(problem.path).parent == folder or name == "mini-module", problem.format()
        lines = len(LINE_BREAK.findall(texts.get(name, ""))) + 2
        assert 1 <= problem.line <= lines, problem.format()
        assert problem.column >= 1, problem.format()
        assert problem.severity in ("error", "warning") and problem.message, problem.format()
        problem.format()
    assert (module is None) == any(p.severity == "error" for p in problems)


@FAST
@given(st.data())
def test_mangled_files_never_crash(data: st.DataObject) -> None:
    texts = dict(TEXTS)
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(FILES))
        texts[name] = mangle(data, texts[name])
    if data.draw(st.booleans()):
        del texts[data.draw(st.sampled_from(FILES))]
    check_folder(texts)


def paths(tree: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in a plain YAML tree, the root included."""
    found = [prefix]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            found.extend(paths(value, (*prefix, i)))
    return found


def replace(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    tree[path[0]] = replace(tree[path[0]], path[1:], value)
    return tree


def split_page(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body


@FAST
@given(st.data())
def test_any_yaml_shape_never_crashes(data: st.DataObject) -> None:
    texts = dict(TEXTS)
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(YAML_FILES + PAGES))
        if name in PAGES:
            front, body = split_page(texts[name])
        else:
            front, body = texts[name], None
        tree = yaml.safe_load(front)
        path = data.draw(st.sampled_from(paths(tree)))
        tree = replace(tree, path, data.draw(SHAPES))
        dumped = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
        texts[name] = dumped if body is None else f"---\n{dumped}---\n{body}"
    check_folder(texts)
