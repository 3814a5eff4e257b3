"""bargaining.redline: the word-by-word differences shown between consecutive clause versions."""

from itertools import pairwise

import pytest

from bargaining.redline import Segment, redline


def joined(segments, *kinds):
    return "".join(segment.text for segment in segments if segment.kind in kinds)


# Pairs of texts with single spaces, changed at the start, in the middle and at the end.
EDITS = {
    "word replaced": ("The employer shall consult the union.", "The employer shall agree with the union."),
    "words inserted in the middle": ("Staff shall be trained.", "Staff shall be trained in paid time."),
    "words deleted in the middle": ("The employer may at its discretion use AI.", "The employer may use AI."),
    "word inserted at the start": ("notice shall be given.", "Written notice shall be given."),
    "word deleted at the start": ("Written notice shall be given.", "notice shall be given."),
    "last word replaced": ("Ninety days notice", "Ninety days' notice"),
    "word appended": ("Sixty days notice", "Sixty days notice given"),
    "everything replaced": ("No AI.", "Joint committee decides."),
}


@pytest.mark.parametrize(("old", "new"), EDITS.values(), ids=[name.replace(" ", "_") for name in EDITS])
def test_equal_and_insert_segments_join_into_the_new_text(old, new):
    assert joined(redline(old, new), "equal", "insert") == new


@pytest.mark.parametrize(("old", "new"), EDITS.values(), ids=[name.replace(" ", "_") for name in EDITS])
def test_equal_and_delete_segments_join_into_the_old_text_up_to_trailing_space(old, new):
    assert joined(redline(old, new), "equal", "delete").rstrip() == old


def test_deleting_the_last_words_keeps_them_apart_from_the_text_before():
    segments = redline("Training shall be paid", "Training shall")

    assert joined(segments, "equal", "delete").split() == ["Training", "shall", "be", "paid"]


def test_identical_texts_give_one_equal_segment():
    text = "The employer shall give ninety days' notice."

    assert redline(text, text) == [Segment("equal", text)]


def test_empty_old_text_gives_one_insert_segment():
    assert redline("", "Article 14 is new.") == [Segment("insert", "Article 14 is new.")]


def test_empty_new_text_gives_one_delete_segment():
    assert redline("Article 14 is struck.", "") == [Segment("delete", "Article 14 is struck.")]


def test_two_empty_texts_give_no_segments():
    assert redline("", "") == []


def test_a_replaced_word_is_shown_as_delete_then_insert():
    assert redline("The employer shall consult staff.", "The employer shall notify staff.") == [
        Segment("equal", "The employer shall "),
        Segment("delete", "consult"),
        Segment("insert", "notify"),
        Segment("equal", " staff."),
    ]


def test_words_are_compared_whole_not_letter_by_letter():
    segments = redline("The union may review.", "The union must review.")

    assert Segment("delete", "may") in segments
    assert Segment("insert", "must") in segments


def test_adjacent_changed_words_are_merged_into_one_segment_of_each_kind():
    segments = redline(
        "The district may deploy AI tools at will.", "The district shall not deploy AI tools without agreement."
    )

    assert segments == [
        Segment("equal", "The district "),
        Segment("delete", "may"),
        Segment("insert", "shall not"),
        Segment("equal", " deploy AI tools "),
        Segment("delete", "at will."),
        Segment("insert", "without agreement."),
    ]


@pytest.mark.parametrize(("old", "new"), EDITS.values(), ids=[name.replace(" ", "_") for name in EDITS])
def test_no_two_neighbouring_segments_are_of_one_kind(old, new):
    kinds = [segment.kind for segment in redline(old, new)]

    assert all(kind != following for kind, following in pairwise(kinds))


def test_reflowed_whitespace_is_not_a_change():
    segments = redline("Staff shall be\ntrained.", "Staff shall be trained.")

    assert segments == [Segment("equal", "Staff shall be trained.")]


def test_an_inserted_word_takes_one_space_so_neither_text_gets_a_double_space():
    assert redline("Staff shall be paid.", "Staff shall always be paid.") == [
        Segment("equal", "Staff shall "),
        Segment("insert", "always "),
        Segment("equal", "be paid."),
    ]
    assert redline("Staff shall always be paid.", "Staff shall be paid.") == [
        Segment("equal", "Staff shall "),
        Segment("delete", "always "),
        Segment("equal", "be paid."),
    ]


def test_leading_and_trailing_whitespace_is_kept_on_the_side_that_has_it():
    assert redline("  Notice.", "Notice.\n") == [
        Segment("delete", "  "),
        Segment("equal", "Notice."),
        Segment("insert", "\n"),
    ]


def test_random_edits_keep_both_texts_and_every_word_apart():
    """Many edits at random (insertions, deletions, replacements, reflowed lines): the invariants hold for all."""
    import random

    words = ["the", "district", "shall", "union", "employer", "notice", "days", "consult", "agree", "staff", "data"]
    rng = random.Random(20261201)  # noqa: S311 - repeatable test data, not a secret
    for _ in range(2000):
        old = [rng.choice(words) for _ in range(rng.randint(0, 25))]
        new = list(old)
        for _ in range(rng.randint(0, 6)):
            at = rng.randint(0, len(new))
            action = rng.choice(["insert", "delete", "replace"])
            if action == "insert":
                new.insert(at, rng.choice(words))
            elif new:
                at = min(at, len(new) - 1)
                new[at : at + 1] = [] if action == "delete" else [rng.choice(words)]
        old_text, new_text = " ".join(old), rng.choice([" ", "\n"]).join(new)
        segments = redline(old_text, new_text)
        assert joined(segments, "equal", "insert") == new_text
        assert joined(segments, "equal", "delete").split() == old
        assert all(kind != following for kind, following in pairwise(s.kind for s in segments))
        assert all(s.text for s in segments)
