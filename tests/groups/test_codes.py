from learn.groups.codes import (
    ALPHABET,
    LENGTH,
    format_join_code,
    new_join_code,
    normalise_join_code,
)


def test_new_codes_use_only_unambiguous_characters():
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == LENGTH
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("01OIL")


def test_typed_codes_are_normalised():
    assert normalise_join_code(" kx7p-m2qd ") == "KX7PM2QD"
    assert normalise_join_code("KX7P M2QD") == "KX7PM2QD"


def test_codes_are_shown_in_two_halves():
    assert format_join_code("KX7PM2QD") == "KX7P-M2QD"
