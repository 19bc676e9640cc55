"""Co-trainers, handing over, the class-list import and the case preview."""

from __future__ import annotations

import csv
import io

from sqlalchemy import func, select

from learn.auth.models import PasswordReset, User
from learn.extensions import db
from learn.groups.models import Membership
from tests.factories import make_user


def upload(client, group_id, text: str):
    data = {"file": (io.BytesIO(text.encode("utf-8")), "klas.csv")}
    return client.post(f"/classes/{group_id}/import", data=data, content_type="multipart/form-data")


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_import_with_one_bad_row_imports_nothing(classroom, login):
    users, memberships = count(User), count(Membership)
    response = upload(
        login(classroom.trainer), classroom.group.id,
        "naam;e-mail\nNieuw Eén;nieuw1@school.nl\nKapot;geen-adres\n",
    )  # fmt: skip
    assert response.status_code == 400
    assert "Regel 3: dit is geen geldig e-mailadres." in response.get_data(as_text=True)
    assert (count(User), count(Membership)) == (users, memberships)


def test_import_makes_accounts_with_one_time_links_and_adds_existing(classroom, login):
    existing = make_user("Al Bekend", email="bekend@school.nl")
    trainer = login(classroom.trainer)
    response = upload(
        trainer, classroom.group.id,
        "Nieuw Eén;nieuw1@school.nl\nAl Bekend;BEKEND@school.nl\n",
    )  # fmt: skip
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "/reset/" in page and "nieuw1@school.nl" in page
    new = User.by_email("nieuw1@school.nl")
    assert classroom.group.membership_of(new) and classroom.group.membership_of(existing)
    assert not new.check_password("!") and count(PasswordReset) == 1
    rows = page.split('name="rows" value="')[1].split('"')[0].replace("&#34;", '"')
    download = trainer.post(f"/classes/{classroom.group.id}/import/links.csv", data={"rows": rows})
    text = download.get_data().decode("utf-8").removeprefix("\ufeff")
    links = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert links[1][1] == "nieuw1@school.nl" and "/reset/" in links[1][2]
    bad = trainer.post(f"/classes/{classroom.group.id}/import/links.csv", data={"rows": "{"})
    assert bad.status_code == 400


def test_add_co_trainer_and_hand_over(classroom, login):
    co = make_user("Cora Collega", email="cora@school.nl", trainer=True)
    trainer = login(classroom.trainer)
    url = f"/classes/{classroom.group.id}/trainers"
    missing = trainer.post(url, data={"email": classroom.students[0].email})
    assert missing.status_code == 400  # students cannot become trainers
    assert trainer.post(url, data={"email": "cora@school.nl"}).status_code == 302
    assert login(co).get(f"/classes/{classroom.group.id}/results").status_code == 200
    trainer.post(url, data={"email": "cora@school.nl", "hand_over": "y"})
    assert classroom.group.membership_of(classroom.trainer) is None
    # A removed trainer loses access at once.
    assert trainer.get(f"/classes/{classroom.group.id}/results").status_code == 404


def test_preview_shows_the_whole_case_without_an_attempt(classroom, login):
    from learn.casesim.models import Attempt

    page = login(classroom.trainer).get("/cases/oefen-triade/preview").get_data(as_text=True)
    assert "Aan tafel" in page and "riskant" in page and "Ik slaap er niet van." in page
    assert count(Attempt) == 0
    assert login(classroom.students[0]).get("/cases/oefen-triade/preview").status_code == 403
