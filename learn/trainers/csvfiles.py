"""CSV that Dutch Excel opens as-is (UTF-8 with BOM, `;` by default), and class-list reading.

Plain functions over rows, with Python's csv module: no Flask, no database.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

BOM = "\ufeff"
DELIMITERS = {"semicolon": ";", "comma": ","}


def to_csv(
    header: list[str], rows: Iterable[Iterable[object]], separator: str = "semicolon"
) -> str:
    """The whole file as text, starting with the BOM Excel needs to read UTF-8."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=DELIMITERS.get(separator, ";"), lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return out.getvalue()


@dataclass(frozen=True)
class Person:
    line: int
    name: str
    email: str


class ClassListError(ValueError):
    """A bad row, by line number; nothing of the file is used."""

    def __init__(self, line: int, problem: str):
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


HEADER_WORDS = {"naam", "name"}


def read_class_list(data: bytes) -> list[Person]:
    """People in a CSV of name and e-mail (`;` or `,`, optional header, optional BOM).

    Raises ClassListError for the first bad row: the caller imports all or nothing.
    Problems are keys ("encoding", "columns", "name", "email", "duplicate", "empty").
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClassListError(1, "encoding") from None
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    people: list[Person] = []
    seen: set[str] = set()
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() in HEADER_WORDS:
            continue
        if len(cells) < 2 or any(cells[2:]):
            raise ClassListError(number, "columns")
        name, email = cells[0], cells[1]
        if not name or len(name) > 80:
            raise ClassListError(number, "name")
        try:
            email = validate_email(email, check_deliverability=False).normalized.lower()
        except EmailNotValidError:
            raise ClassListError(number, "email") from None
        if email in seen:
            raise ClassListError(number, "duplicate")
        seen.add(email)
        people.append(Person(number, name, email))
    if not people:
        raise ClassListError(1, "empty")
    return people
