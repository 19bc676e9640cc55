"""Modules: the valid fixture module, the parsed model, the checker on disk, the real modules.

The rules one by one are in test_modules_rules.py; robustness in test_modules_properties.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from learn.content import Exercise, Module, check_paths, load_module, load_modules
from learn.content.__main__ import main
from learn.content.cases import Party
from learn.content.check import ModuleChecker
from learn.exercises.model import RINGS, SECTORS, TIES, VALENCES, Hook, MapPerson, Option

from .support import EXAMPLE_PATH, FIXTURES, ROOT, VOCABULARY, VOCABULARY_PATH

MINI = FIXTURES / "modules" / "mini-module"
MINI_FILES = sorted(p for p in MINI.iterdir() if p.is_file())  # figures/ is read via pages
KNOWN_CASES = {"geen-netwerk-whatsapp"}


def load_mini() -> Module:
    module, problems = load_module(MINI, VOCABULARY, KNOWN_CASES)
    assert problems == [], "\n".join(p.format() for p in problems)
    assert module is not None
    return module


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with cases/ (vocabulary and one case) and modules/mini-module."""
    (tmp_path / "cases").mkdir()
    shutil.copy(VOCABULARY_PATH, tmp_path / "cases" / "vocabulary.yaml")
    shutil.copy(EXAMPLE_PATH, tmp_path / "cases" / "geen-netwerk-whatsapp.yaml")
    text = EXAMPLE_PATH.read_text(encoding="utf-8")
    (tmp_path / "cases" / "geen-netwerk-whatsapp.yaml").write_text(
        text.replace("id: geen-netwerk-kort", "id: geen-netwerk-whatsapp"), encoding="utf-8"
    )
    shutil.copytree(MINI, tmp_path / "modules" / "mini-module")
    return tmp_path


# --- the parsed model --------------------------------------------------------------------------


def test_the_fixture_module_loads_without_problems() -> None:
    module = load_mini()
    assert module.id == "mini-module"
    assert module.title == "Een kleine module"
    assert module.summary.startswith("Een complete, kleine module")
    assert module.goals == (
        "Je herkent haakjes in een alledaags gesprek.",
        "Je houdt de regie bij de cliënt als er een naaste meepraat.",
    )
    assert (module.minutes, module.theme) == (20, "haakjes")
    assert module.sources == (
        "Social Network First? (2024), §4.3",
        "Krachtgerichte ondersteuning van sociale netwerken (2017), §1.3",
    )
    assert module.practice_cases == ("geen-netwerk-whatsapp",)
    assert list(module.exercises) == [
        "eigen-kring",
        "wie-eerst",
        "maandagochtend",
        "kaart-rob",
        "moeder-triade",
    ]
    assert {e.type for e in module.exercises.values()} == {
        "reflectie",
        "meerkeuze",
        "haakjes",
        "netwerkkaart",
        "triade",
    }


def test_pages_keep_their_order_front_matter_and_body() -> None:
    first, second = load_mini().pages
    assert (first.id, first.title) == ("01-waarom", "Waarom het netwerk ertoe doet")
    assert first.sources == ("Social Network First? (2024), §2.1",)
    assert first.exercises == ("eigen-kring", "wie-eerst")
    assert first.body.startswith("Een netwerk doet meer dan helpen verhuizen.")
    assert "## Sterke en zwakke banden" in first.body
    assert "---" not in first.body and "title:" not in first.body
    assert second.id == "02-oefenen"
    assert second.exercises == ("maandagochtend", "kaart-rob", "moeder-triade")
    assert second.body.endswith("Let op wie er belt.")


def test_reflectie_and_meerkeuze() -> None:
    exercises = load_mini().exercises
    reflectie = exercises["eigen-kring"]
    assert reflectie == Exercise(
        id="eigen-kring",
        type="reflectie",
        title="Jouw eigen kring",
        source=None,
        question="Denk aan de laatste keer dat jij hulp nodig had. Wie belde je eerst?",
        hint="Er is geen goed of fout antwoord.",
    )
    meerkeuze = exercises["wie-eerst"]
    assert meerkeuze.source == "Social Network First? (2024), §4.5.3"
    assert meerkeuze.options == (
        Option(1, "Ik vraag de zoon of hij dat wil.", True, "De regie blijft bij de cliënt."),
        Option(2, "Ik bel de moeder.", False, "Zonder toestemming deel je al informatie."),
    )


def test_haakjes_fragments_are_numbered_in_transcript_order_with_their_hooks() -> None:
    haakjes = load_mini().exercises["maandagochtend"]
    assert haakjes.intro.startswith("Markeer elk stukje")
    assert haakjes.parties == {
        "werker": Party("werker", "Jij", "professional"),
        "rob": Party("rob", "Rob", "cliënt"),
    }
    assert [f.index for f in haakjes.fragments] == list(range(1, 9))
    assert [f.who for f in haakjes.fragments[:3]] == ["werker", "rob", "rob"]
    assert [f.index for f in haakjes.fragments if f.hook] == [3, 6]
    assert haakjes.fragments[2].hook == Hook(
        label="de neef",
        why="Een familielid met wie hij iets samen doet.",
        follow_up="Hoe vaak zie je je neef eigenlijk?",
        tone="gevoelig",
    )
    assert haakjes.fragments[5].hook is not None and haakjes.fragments[5].hook.tone == "brutaal"
    assert haakjes.fragments[1].says == "Rustig." and haakjes.fragments[1].hook is None


def test_netwerkkaart_people() -> None:
    kaart = load_mini().exercises["kaart-rob"]
    assert kaart.description.startswith("Rob (41)")
    assert kaart.people == (
        MapPerson("neef", "Neef Dave", "familie", 2, "sterk", "steunend", None),
        MapPerson("begeleider", "Anouk", "professionals", 1, "sterk", "ambivalent", None),
        MapPerson(
            "oud-buurman",
            "Oud-buurman Kees",
            "maatschappelijk",
            3,
            "zwak",
            "steunend",
            "Wie woonde er naast je in je vorige straat?",
        ),
    )
    for person in kaart.people:
        assert person.sector in SECTORS and person.ring in RINGS
        assert person.tie in TIES and person.valence in VALENCES


def test_triade_exercise_and_its_case() -> None:
    module = load_mini()
    triade = module.exercises["moeder-triade"]
    assert (triade.type, triade.case_id, triade.source) == ("triade", "triade-mini", None)
    case = module.cases["triade-mini"]
    assert list(module.cases) == ["triade-mini"]
    assert case.title == "Moeder aan tafel"
    assert case.competences == ("triade", "regie")
    assert [s.id for s in case.scenes.values() if s.triadic] == ["aan-tafel"]


def test_exported_vocabularies() -> None:
    assert SECTORS == ("familie", "vrienden", "maatschappelijk", "professionals")
    assert (RINGS, TIES) == ((1, 2, 3), ("sterk", "zwak"))
    assert VALENCES == ("steunend", "belastend", "ambivalent")


def test_no_vocabulary_skips_the_vocabulary_rules() -> None:
    module, problems = load_module(MINI, None, KNOWN_CASES)
    assert problems == [] and module is not None


def test_no_known_cases_skips_the_practice_case_rule() -> None:
    module, problems = load_module(MINI, VOCABULARY)
    assert problems == [] and module is not None


# --- checking on disk --------------------------------------------------------------------------


def test_the_fixture_folder_passes_check_paths() -> None:
    report = check_paths([MINI], cases_dir=ROOT / "cases")
    assert report.problems == [], "\n".join(p.format() for p in report.problems)
    assert report.files_checked == 1 + len(MINI_FILES)  # the vocabulary and six files


def test_naming_one_file_checks_its_whole_module(project: Path) -> None:
    page = project / "modules" / "mini-module" / "01-waarom.md"
    exercises = page.with_name("exercises.yaml")
    exercises.write_text(exercises.read_text().replace("tone: brutaal", "tone: bot"))
    report = check_paths([page], cases_dir=project / "cases")
    [problem] = report.problems
    assert problem.path == str(exercises)
    assert problem.message == "unknown tone 'bot'"
    assert report.files_checked == 2


def test_everything_means_cases_and_modules(project: Path) -> None:
    report = check_paths(None, cases_dir=project / "cases")
    assert report.problems == [], "\n".join(p.format() for p in report.problems)
    assert report.files_checked == 2 + len(MINI_FILES)  # vocabulary, one case, one module
    modules = project / "modules"
    (modules / "half-af").mkdir()
    (modules / "half-af" / "01-intro.md").write_text("---\ntitle: x\n---\nTekst.\n")
    report = check_paths(None, cases_dir=project / "cases", modules_dir=modules)
    [problem] = report.problems
    assert (problem.path, problem.line) == (str(modules / "half-af"), 1)
    assert problem.message == "this module folder has no module.yaml"
    assert report.exit_code == 1


def test_naming_a_module_folder_without_manifest(project: Path) -> None:
    folder = project / "modules" / "leeg"
    folder.mkdir()
    (folder / "triade.yaml").write_text("id: triade\n")
    report = check_paths([folder], cases_dir=project / "cases")
    assert [p.message for p in report.problems] == ["this module folder has no module.yaml"]
    report = check_paths([folder / "triade.yaml"], cases_dir=project / "cases")
    [problem] = report.problems
    assert problem.message == "module.yaml not found: every module folder needs one"
    assert problem.path == str(folder / "module.yaml")


def test_a_folder_of_modules_outside_the_modules_dir(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    shutil.copytree(MINI, elsewhere / "mini-module")
    report = check_paths([elsewhere], cases_dir=project / "cases")
    assert report.problems == []
    assert report.files_checked == 1 + len(MINI_FILES)


def test_case_paths_still_go_to_the_case_checker(project: Path) -> None:
    checker = ModuleChecker(project / "modules", project / "cases")
    assert not checker.owns(project / "cases")
    assert not checker.owns(project / "cases" / "geen-netwerk-whatsapp.yaml")
    assert checker.owns(project / "modules")
    assert checker.owns(project / "modules" / "mini-module")
    assert checker.owns(project / "modules" / "mini-module" / "triade-mini.yaml")
    report = check_paths([project / "cases"], cases_dir=project / "cases")
    assert (report.problems, report.files_checked) == ([], 2)


def test_missing_modules_folder(project: Path) -> None:
    shutil.rmtree(project / "modules")
    assert check_paths(None, cases_dir=project / "cases").problems == []
    report = check_paths(None, cases_dir=project / "cases", modules_dir=project / "modules")
    assert [p.message for p in report.problems] == ["modules folder not found"]


def test_load_modules_leaves_out_broken_modules(project: Path) -> None:
    modules = project / "modules"
    shutil.copytree(modules / "mini-module", modules / "kapot")
    loaded, report = load_modules(modules, project / "cases")
    assert [m.id for m in loaded] == ["mini-module"]
    [problem] = report.problems
    assert problem.message == "id 'mini-module' does not match the folder name 'kapot'"
    assert (problem.path, problem.line) == (str(modules / "kapot" / "module.yaml"), 1)


def test_load_modules_with_a_broken_vocabulary_loads_nothing(project: Path) -> None:
    vocabulary = project / "cases" / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text() + "extra: 1\n")
    loaded, report = load_modules(project / "modules", project / "cases")
    assert loaded == []
    assert report.exit_code == 1


def test_main_accepts_modules_dir(project: Path, capsys, tmp_path: Path) -> None:
    cases = str(project / "cases")
    other = tmp_path / "andere-modules"
    shutil.copytree(project / "modules", other)
    (other / "mini-module" / "02-oefenen.md").write_text("Geen front matter.\n")
    assert main(["--cases-dir", cases]) == 0
    assert capsys.readouterr().out == f"no problems in {2 + len(MINI_FILES)} files\n"
    assert main(["--cases-dir", cases, "--modules-dir", str(other)]) == 1
    out = capsys.readouterr().out
    assert f"{other / 'mini-module' / '02-oefenen.md'}:1:1: error: the page has no front" in out
    assert "          title: ..." in out  # the hint shows the block


def test_python_dash_m_checks_a_module(project: Path) -> None:
    done = subprocess.run(  # noqa: S603 - a fixed command line
        [
            sys.executable,
            "-m",
            "learn.content",
            str(project / "modules" / "mini-module"),
            "--cases-dir",
            str(project / "cases"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, f"no problems in {1 + len(MINI_FILES)} files\n")


# --- the real modules --------------------------------------------------------------------------


def test_the_real_modules_can_be_checked() -> None:
    """Content authors are still writing modules/: this only asserts that checking them works
    and that every folder either loads or has errors that say why."""
    modules_dir = ROOT / "modules"
    loaded, report = load_modules(modules_dir, ROOT / "cases")
    for problem in report.problems:
        assert problem.line >= 1 and problem.column >= 1, problem.format()
        assert Path(problem.path).is_relative_to(modules_dir) or problem.path.endswith(
            "vocabulary.yaml"
        )
    failed = {Path(p.path).relative_to(modules_dir).parts[0] for p in report.errors}
    folders = {p.name for p in modules_dir.iterdir() if p.is_dir()}
    assert {m.id for m in loaded} == folders - failed
