"""CSV for Dutch Excel, read back with the csv module; the class list is all or nothing."""

from __future__ import annotations

import csv
import io

import pytest

from learn.trainers.csvfiles import ClassListError, read_class_list, to_csv


def read_back(text: str, delimiter: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def test_semicolon_is_the_default_and_comma_an_option():
    rows = [["Eva de Vries", "eva@x.test", 80, None], ['Ömer; "Jr"', "o@x.test", 0, "2026"]]
    semi = read_back(to_csv(["naam", "e-mail", "score", "datum"], rows), ";")
    assert semi[1] == ["Eva de Vries", "eva@x.test", "80", ""]
    assert semi[2][0] == 'Ömer; "Jr"'
    comma = read_back(to_csv(["a", "b"], [["1,5", "x"]], "comma"), ",")
    assert comma == [["a", "b"], ["1,5", "x"]]


def test_class_list_with_header_bom_and_either_separator():
    data = "\ufeffnaam;e-mail\nEva de Vries; Eva@School.NL \n\nJan,Jansen;jan@school.nl\n"
    people = read_class_list(data.encode())
    assert [(p.line, p.name, p.email) for p in people] == [
        (2, "Eva de Vries", "eva@school.nl"),
        (4, "Jan,Jansen", "jan@school.nl"),
    ]
    assert [p.email for p in read_class_list(b"Eva,eva@school.nl\nJan,jan@school.nl")] == [
        "eva@school.nl",
        "jan@school.nl",
    ]


@pytest.mark.parametrize(
    ("data", "line", "problem"),
    [
        (b"Eva;eva@school.nl\nJan;geen-adres\n", 2, "email"),
        (b"Eva;eva@school.nl\n;jan@school.nl\n", 2, "name"),
        (b"Eva;eva@school.nl;extra\n", 1, "columns"),
        (b"Eva;eva@school.nl\nEef;EVA@school.nl\n", 2, "duplicate"),
        (b"naam;e-mail\n", 1, "empty"),
        ("Eva;eva@school.nl".encode("utf-16"), 1, "encoding"),
    ],
)
def test_a_bad_row_is_reported_by_line(data, line, problem):
    with pytest.raises(ClassListError) as error:
        read_class_list(data)
    assert (error.value.line, error.value.problem) == (line, problem)
