"""What the team pages show: planned times in Dutch local time (also across the DST changes),
action-point status words in the reader's language, and who takes a point once they left."""

from __future__ import annotations

from datetime import datetime

import pytest

from learn.auth.personal_data import delete_account
from learn.extensions import db
from learn.intervision.models import ActionPoint, TeamSession

from .conftest import make_session
from .test_session_routes import url


def plan(client, world, title, scheduled_at, respond_by):
    return client.post(
        f"/teams/{world.team.id}/sessies/nieuw",
        data={
            "title": title,
            "scheduled_at": scheduled_at,
            "method": "balint",
            "mode": "schriftelijk",
            "respond_by": respond_by,
            "chair": 0,
            "presenter": 0,
            "scribe": 0,
            "case_slug": "",
        },
    )


@pytest.mark.parametrize(
    ("typed", "deadline", "stored", "stored_deadline"),
    [  # late March (winter time, deadline in summer time) and late October (the reverse)
        ("2027-03-27T14:00", "2027-03-29T17:00", (2027, 3, 27, 13), (2027, 3, 29, 15)),
        ("2027-10-30T14:00", "2027-11-01T09:30", (2027, 10, 30, 12), (2027, 11, 1, 8, 30)),
    ],
)
def test_planned_times_are_dutch_time_stored_as_utc(
    world, login, typed, deadline, stored, stored_deadline
):
    client = login(world.chair)
    assert plan(client, world, "Schriftelijk", typed, deadline).status_code == 302
    session = db.session.scalar(db.select(TeamSession).where(TeamSession.title == "Schriftelijk"))
    assert session.scheduled_at == datetime(*stored)
    assert session.respond_by == datetime(*stored_deadline)
    shown = datetime.fromisoformat(typed).strftime("%d-%m-%Y %H:%M")
    shown_deadline = datetime.fromisoformat(deadline).strftime("%d-%m-%Y %H:%M")
    base = f"/teams/{world.team.id}/sessies"
    page = client.get(f"{base}/{session.id}").text
    assert shown in page and f"Antwoorden kan tot {shown_deadline}." in page
    assert shown in client.get(base).text
    assert shown in client.get(f"{base}/{session.id}/samenvatting").text
    download = client.get(f"{base}/{session.id}/samenvatting.md")
    assert f"- Datum: {shown}\n" in download.text
    assert f"sessie-{typed[:10]}-{session.id}.md" in download.headers["Content-Disposition"]


def add_point(client, world, what, owner_id):
    response = client.post(url(world, "/acties"), data={"what": what, "owner": owner_id})
    assert response.status_code == 302


def test_a_point_whose_owner_left_says_voormalig_lid_one_never_given_says_nog_niemand(world, login):
    chair = login(world.chair)
    add_point(chair, world, "Ecogram maken", world.scribe.id)
    add_point(chair, world, "Zaal regelen", 0)
    delete_account(db.session.get(type(world.scribe), world.scribe.id))
    points = {p.what: p for p in db.session.scalars(db.select(ActionPoint))}
    assert points["Ecogram maken"].owner_id is None  # the account is gone, the point stays
    pages = {
        "team": chair.get(f"/teams/{world.team.id}").text,
        "sessions": chair.get(f"/teams/{world.team.id}/sessies").text,
        "session": chair.get(url(world)).text,
        "summary": chair.get(url(world, "/samenvatting")).text,
    }
    for name, page in pages.items():
        ecogram = page[page.index("Ecogram maken") :].split("</li>")[0].split("</tr>")[0]
        zaal = page[page.index("Zaal regelen") :].split("</li>")[0].split("</tr>")[0]
        assert "voormalig lid" in ecogram and "nog niemand" not in ecogram, name
        assert "nog niemand" in zaal and "voormalig lid" not in zaal, name
    markdown = chair.get(url(world, "/samenvatting.md")).text
    assert "- [ ] Ecogram maken (voormalig lid; open)" in markdown
    assert "- [ ] Zaal regelen (nog niemand; open)" in markdown


def test_a_role_whose_holder_left_says_voormalig_lid_one_never_given_says_nog_niet_gekozen(
    world, login
):
    client = login(world.chair)
    planned = make_session(
        world.team,
        world.chair,
        title="Zonder notulist",
        chair_id=world.chair.id,
        presenter_id=world.presenter.id,
    )
    assert (planned.scribe_id, planned.scribe_chosen, planned.chair_chosen) == (None, False, True)
    delete_account(db.session.get(type(world.scribe), world.scribe.id))
    for session, scribe in ((world.session, "voormalig lid"), (planned, "nog niet gekozen")):
        base = f"/teams/{world.team.id}/sessies/{session.id}"
        for page in (client.get(base).text, client.get(f"{base}/samenvatting").text):
            assert f"<dt>Notulist</dt><dd>{scribe}</dd>" in page
            assert f"<dt>Gespreksleider</dt><dd>{world.chair.display_name}</dd>" in page
        markdown = client.get(f"{base}/samenvatting.md").text
        assert f"- Notulist: {scribe}\n" in markdown
        assert f"- Inbrenger: {world.presenter.display_name}\n" in markdown


def test_status_words_follow_the_readers_language(world, login):
    chair = login(world.chair)
    add_point(chair, world, "Ecogram maken", world.chair.id)
    add_point(chair, world, "Zaal regelen", 0)
    add_point(chair, world, "Nog open", world.chair.id)
    points = {p.what: p for p in db.session.scalars(db.select(ActionPoint))}
    for what, choice in (("Ecogram maken", "gedaan"), ("Zaal regelen", "vervallen")):
        review = f"/teams/{world.team.id}/acties/{points[what].id}"
        assert chair.post(review, data={"choice": choice}).status_code == 302
    world.chair.language = "en"
    db.session.commit()
    summary = chair.get(url(world, "/samenvatting")).text
    expected = (("Ecogram maken", "done"), ("Zaal regelen", "dropped"), ("Nog open", "open"))
    for what, word in expected:
        row = summary[summary.index(what) :].split("</tr>")[0]
        assert f"<td>{word}</td>" in row, what
    assert "vervallen" not in summary and "gedaan" not in summary and "nobody yet" in summary
    session = chair.get(url(world)).text
    assert "· done" in session and "· dropped" in session and "vervallen" not in session
    markdown = chair.get(url(world, "/samenvatting.md")).text
    assert "- [x] Zaal regelen (nobody yet; dropped)" in markdown
    assert "## Action points\n" in markdown and "vervallen" not in markdown
    world.chair.language = "nl"
    db.session.commit()
    assert "<td>vervallen</td>" in chair.get(url(world, "/samenvatting")).text
