

def test_team_session_notes_are_part_of_the_own_data_registry(app):
    from learn.auth.personal_data import _KINDS

    assert _KINDS["team_sessions"].export.__name__ == "export_user_notes"
