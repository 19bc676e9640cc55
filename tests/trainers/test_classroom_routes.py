"""Co-trainers, handing over, the class-list import and the case preview."""

from __future__ import annotations

import csv
import io

from sqlalchemy import func, select

from learn.auth.models import PasswordReset, User, utcnow
from learn.extensions import db
from learn.groups.models import Membership
from tests.factories import make_team, make_user


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


def test_an_admin_imports_into_a_class_they_do_not_train(classroom, login):
    admin = login(make_user("Ada Beheer", admin=True))
    listing = admin.get("/admin/classes").get_data(as_text=True)
    assert f"/classes/{classroom.group.id}/import" in listing and "Klas 2B" in listing
    page = admin.get(f"/classes/{classroom.group.id}/import")
    assert page.status_code == 200 and "/admin/classes" in page.get_data(as_text=True)
    response = upload(admin, classroom.group.id, "Nieuw Twee;nieuw2@school.nl\n")
    assert response.status_code == 200 and "/reset/" in response.get_data(as_text=True)
    assert classroom.group.membership_of(User.by_email("nieuw2@school.nl"))
    assert count(PasswordReset) == 1
    rows = '[["Nieuw Twee", "nieuw2@school.nl", "http://x/reset/t"]]'
    download = admin.post(f"/classes/{classroom.group.id}/import/links.csv", data={"rows": rows})
    assert download.status_code == 200 and "nieuw2@school.nl" in download.get_data(as_text=True)


def test_an_admin_import_is_all_or_nothing_too(classroom, login):
    admin = login(make_user("Ada Beheer", admin=True))
    users, memberships = count(User), count(Membership)
    response = upload(admin, classroom.group.id, "Goed;goed@school.nl\nKapot;geen-adres\n")
    assert response.status_code == 400
    assert "Regel 2: dit is geen geldig e-mailadres." in response.get_data(as_text=True)
    assert (count(User), count(Membership)) == (users, memberships)


def test_only_its_trainers_and_admins_import_into_a_class(classroom, login):
    url = f"/classes/{classroom.group.id}/import"
    other = login(classroom.other_trainer)
    assert other.get(url).status_code == 404
    assert upload(other, classroom.group.id, "X;x@school.nl\n").status_code == 404
    assert other.post(url + "/links.csv", data={"rows": "[]"}).status_code == 404
    student = login(classroom.students[0])
    assert student.get(url).status_code == 404
    assert upload(student, classroom.group.id, "X;x@school.nl\n").status_code == 404
    assert User.by_email("x@school.nl") is None
    assert student.get("/admin/classes").status_code == 403
    # A team is no class: not even an admin imports into it.
    team = make_team(classroom.students[1], name="Een team")
    assert login(make_user("Ada", admin=True)).get(f"/classes/{team.id}/import").status_code == 404


def test_an_admin_cannot_import_into_an_archived_class(classroom, login):
    classroom.group.archived_at = utcnow()
    db.session.commit()
    response = upload(login(make_user("Ada", admin=True)), classroom.group.id, "X;x@school.nl\n")
    assert response.status_code == 403 and User.by_email("x@school.nl") is None


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
