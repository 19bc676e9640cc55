"""Loading case files into versions; attempts stay pinned to the version they began on."""

from __future__ import annotations

from sqlalchemy import func, select

from learn.casesim.models import Case, CaseVersion
from learn.casesim.services import record_step, start_attempt, sync_cases
from learn.extensions import db
from tests.factories import make_user


def version_count() -> int:
    return db.session.scalar(select(func.count()).select_from(CaseVersion))


def test_sync_adds_then_leaves_unchanged_files_alone(app, cases_dir):
    first = sync_cases(cases_dir)
    assert first.added == ["oefen-triade"]
    second = sync_cases(cases_dir)
    assert second.unchanged == ["oefen-triade"] and not second.added
    assert version_count() == 1


def test_bounds_and_best_path_are_stored_with_the_version(synced_case):
    version = synced_case.current_version
    assert version.bounds["best"]["total"] == 4 and version.bounds["worst"]["total"] == -2
    assert version.bounds["best_path"] == [["begin", None], ["tafel", 1], ["afspraak", 1]]


def test_an_edited_file_becomes_a_new_version_and_old_attempts_keep_theirs(synced_case, cases_dir):
    user = make_user()
    attempt = start_attempt(user, synced_case, "token-" + "x" * 20)
    record_step(attempt, 1, None)
    old_version_id = attempt.case_version_id

    path = cases_dir / "oefen-triade.yaml"
    path.write_text(path.read_text().replace("Ans maakt zich zorgen.", "Ans is ongerust."))
    result = sync_cases(cases_dir)
    assert result.updated == ["oefen-triade"]
    assert synced_case.current_version.number == 2

    db.session.refresh(attempt)
    assert attempt.case_version_id == old_version_id
    assert attempt.version.content.scenes["tafel"].text.strip() == "Ans maakt zich zorgen."
    assert record_step(attempt, 2, 1).value == "recorded"
    assert start_attempt(user, synced_case, "token-" + "y" * 20).version.number == 2


def test_a_broken_file_keeps_the_last_good_version(synced_case, cases_dir):
    path = cases_dir / "oefen-triade.yaml"
    path.write_text(path.read_text().replace("next: afspraak", "next: nergens"))
    result = sync_cases(cases_dir)
    assert result.report.errors
    assert "nergens" in result.report.errors[0].message
    assert not synced_case.retired and synced_case.current_version.number == 1


def test_a_removed_file_retires_the_case_but_keeps_it(synced_case, cases_dir):
    (cases_dir / "oefen-triade.yaml").unlink()
    assert sync_cases(cases_dir).retired == ["oefen-triade"]
    db.session.refresh(synced_case)
    assert synced_case.retired
    assert db.session.scalar(select(func.count()).select_from(Case)) == 1


def test_a_final_step_a_parallel_request_stored_first_is_answered_as_repeated(synced_case):
    """The race the concurrency bench provoked, made deterministic: this request still
    sees step 2 while another request has already stored the final step 3."""
    from sqlalchemy.orm.attributes import set_committed_value

    from learn.casesim.models import Attempt, AttemptStep
    from learn.casesim.services import StepOutcome

    attempt = start_attempt(make_user(), synced_case, "race-" + "r" * 20)
    record_step(attempt, 1, None)
    record_step(attempt, 2, 1)  # now at "afspraak"; choice 1 leads to the ending
    with db.engine.begin() as other_request:
        other_request.execute(
            AttemptStep.__table__.insert().values(
                attempt_id=attempt.id, number=3, scene_id="afspraak", choice_index=1,
                created_at=attempt.started_at,
            )
        )  # fmt: skip
        other_request.execute(
            Attempt.__table__.update()
            .where(Attempt.id == attempt.id)
            .values(step_count=3, current_scene="einde-goed", finished_at=attempt.started_at)
        )
    db.session.commit()
    # This request's view of the attempt is a moment old.
    set_committed_value(attempt, "step_count", 2)
    set_committed_value(attempt, "current_scene", "afspraak")
    set_committed_value(attempt, "finished_at", None)
    assert record_step(attempt, 3, 1) is StepOutcome.REPEATED
    count = select(func.count()).select_from(AttemptStep).where(AttemptStep.number == 3)
    assert db.session.scalar(count) == 1
