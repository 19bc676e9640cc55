"""Figures on module pages: the checker's rules and the safe rendering of a page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from learn.content import load_module
from learn.content.modules.figures import figure_name, svg_problems
from learn.rendering import render_page_markdown

from .support import FIXTURES, VOCABULARY

MINI = FIXTURES / "modules" / "mini-module"
GOOD_SVG = (MINI / "figures" / "kring.svg").read_bytes()
IMAGE_LINE = "![Een cirkel met Rob in het midden: zijn kring.](figures/kring.svg)"


@pytest.fixture
def module(tmp_path: Path) -> Path:
    folder = tmp_path / "mini-module"
    shutil.copytree(MINI, folder)
    return folder


def problems_of(folder: Path) -> list[str]:
    _, problems = load_module(folder, VOCABULARY, {"geen-netwerk-whatsapp"})
    return [p.format() for p in problems]


def replace_image(folder: Path, new: str) -> None:
    page = folder / "01-waarom.md"
    page.write_text(page.read_text(encoding="utf-8").replace(IMAGE_LINE, new), encoding="utf-8")


def test_the_fixture_figure_is_loaded_with_its_bytes() -> None:
    module, problems = load_module(MINI, VOCABULARY, {"geen-netwerk-whatsapp"})
    assert problems == [] and module is not None
    assert module.figures == {"kring": GOOD_SVG}


def test_a_missing_file_is_reported_at_the_image(module: Path) -> None:
    (module / "figures" / "kring.svg").unlink()
    found = problems_of(module)
    assert len(found) == 1
    page = module / "01-waarom.md"
    assert found[0].startswith(f"{page}:10:1: error: figure file figures/kring.svg not found")
    assert load_module(module, VOCABULARY)[0] is None


def test_an_empty_text_alternative_is_an_error(module: Path) -> None:
    replace_image(module, "Zie hier: ![  ](figures/kring.svg)")
    found = problems_of(module)
    assert len(found) == 1
    page = module / "01-waarom.md"
    assert f"{page}:10:11: error: figure 'kring' has an empty text alternative" in found[0]


@pytest.mark.parametrize(
    "target", ["https://example.org/x.svg", "figures/../module.yaml", "figures/Kring.svg", "k.svg"]
)
def test_only_module_figures_may_be_shown(module: Path, target: str) -> None:
    replace_image(module, f"![Een kring]({target})")
    found = problems_of(module)
    assert len(found) == 1 and "is not a module figure" in found[0]


UNSAFE = {
    "script": b"<script>alert(1)</script>",
    "foreign": b"<foreignObject><p>html</p></foreignObject>",
    "handler": b'<circle r="3" onload="alert(1)"/>',
    "xlink": b'<image xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="http://x.nl/a.png"/>',
    "href": b'<a href="javascript:alert(1)"><text>x</text></a>',
    "css": b"<style>@import 'http://x.nl/a.css';</style>",
    "fill": b'<rect fill="url(http://x.nl/p.svg#p)"/>',
    "use": b'<use href="#a"/>',
}


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_unsafe_svg_is_an_error(tmp_path: Path, name: str) -> None:
    data = GOOD_SVG.replace(b"</svg>", UNSAFE[name] + b"</svg>")
    found = svg_problems(data, tmp_path / "x.svg")
    assert [p.severity for p in found] == ["error"]
    assert found[0].message.startswith("the SVG is not safe")


def test_entities_and_non_svg_roots_are_refused(tmp_path: Path) -> None:
    bomb = b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    assert "cannot be read safely" in svg_problems(bomb, tmp_path / "x.svg")[0].message
    html = b'<html xmlns="http://www.w3.org/1999/xhtml" viewBox="0 0 1 1"/>'
    assert "root element" in svg_problems(html, tmp_path / "x.svg")[0].message
    broken = b"<svg"
    assert "cannot be read safely" in svg_problems(broken, tmp_path / "x.svg")[0].message


def test_internal_references_are_fine_and_a_missing_viewbox_is_a_warning(tmp_path: Path) -> None:
    internal = GOOD_SVG.replace(
        b"</svg>", b'<defs><marker id="a"/></defs><path d="M0 0" marker-end="url(#a)"/></svg>'
    )
    assert svg_problems(internal, tmp_path / "x.svg") == []
    found = svg_problems(GOOD_SVG.replace(b' viewBox="0 0 200 120"', b""), tmp_path / "x.svg")
    assert [(p.severity, "viewBox" in p.message) for p in found] == [("warning", True)]


def test_an_unsafe_figure_keeps_the_module_out(module: Path) -> None:
    svg = module / "figures" / "kring.svg"
    svg.write_bytes(GOOD_SVG.replace(b"<circle", b'<circle onclick="x()"'))
    found = problems_of(module)
    assert len(found) == 1 and f"{svg}:1:1: error: the SVG is not safe" in found[0]
    assert load_module(module, VOCABULARY)[0] is None


def test_figure_names() -> None:
    assert figure_name("figures/ecogram-rob.svg") == "ecogram-rob"
    assert figure_name("figures/ecogram.png") is None
    assert figure_name("/figures/ecogram.svg") is None


IMAGES = (("figures/kring.svg", "/modules/m/figures/kring.svg"),)


def test_a_page_renders_its_figure_and_nothing_else() -> None:
    html = render_page_markdown("Tekst.\n\n![Rob <b>in</b> de kring](figures/kring.svg)\n", IMAGES)
    assert (
        '<figure><img alt="Rob &lt;b&gt;in&lt;/b&gt; de kring" src="/modules/m/figures/kring.svg">'
        "</figure>"
    ) in html
    other = render_page_markdown(
        "![x](figures/ander.svg) ![y](https://x.nl/a.svg) "
        '<img src="figures/kring.svg" onerror="a()">',
        IMAGES,
    )
    assert "ander" not in other and "x.nl" not in other and "onerror" not in other
    assert '<img src="/modules/m/figures/kring.svg">' in other
