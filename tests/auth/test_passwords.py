from learn.auth.passwords import PasswordProblem, password_problems


def test_a_long_passphrase_is_accepted():
    assert password_problems("fietsen langs de amstel", email="noor@example.test") == []


def test_short_password_is_refused():
    assert PasswordProblem.TOO_SHORT in password_problems("kort1!")


def test_overlong_password_is_refused():
    assert PasswordProblem.TOO_LONG in password_problems("a1b2" * 40)


def test_common_password_is_refused_whatever_the_case():
    assert PasswordProblem.COMMON in password_problems("WachtWoord123")


def test_repeated_characters_are_refused():
    assert PasswordProblem.FEW_CHARACTERS in password_problems("aaaaaaaaaaab")


def test_password_with_own_email_or_name_is_refused():
    problems = password_problems("noorbakker2024", email="noorbakker@example.test", name="Bo")
    assert PasswordProblem.CONTAINS_EMAIL in problems
    assert PasswordProblem.CONTAINS_NAME not in problems  # short names are not checked
    assert PasswordProblem.CONTAINS_NAME in password_problems("ikbenjorisvisser", name="Joris")
