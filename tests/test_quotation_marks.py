"""The one pairing of double quotation marks that QT101, QT104 and the attribution rules share."""

from __future__ import annotations

from draftlint.drafts.quotation_marks import pair_quotation_marks


def spans(text: str) -> list[tuple[str, bool, bool]]:
    marks = pair_quotation_marks(text, 0, len(text), 0)
    return [(text[q.start : q.end], q.closed, q.continued) for q in marks.quotations]


def test_reopening_after_a_sentence_continues_the_quotation() -> None:
    assert spans('"We tried. "It failed," he said.') == [
        ('"We tried.', False, True),
        ('"It failed,"', True, False),
    ]


def test_marks_opened_mid_sentence_pair_up_inside_the_open_quotation() -> None:
    text = 'He said: "He was the "Father of the House" for years." Then he left.'
    assert spans(text) == [('"He was the "Father of the House" for years."', True, False)]


def test_a_lost_closing_mark_leaves_the_outer_quotation_open() -> None:
    text = 'She called it "absurd and "dangerous". Then she left.'
    assert spans(text) == [('"absurd and "dangerous". Then she left.', False, False)]


def test_straight_marks_face_by_their_neighbours() -> None:
    # alternation alone would pair the closing mark of "forward," with nothing and open there
    text = 'The plan is a step forward," he said. "We agree."'
    marks = pair_quotation_marks(text, 0, len(text), 0)
    assert marks.stray_closing == [text.index('"')]
    assert [text[q.start : q.end] for q in marks.quotations] == ['"We agree."']


def test_a_doubled_mark_is_stray_and_the_quotation_still_pairs() -> None:
    text = 'They will pay an ""unfair" sum.'
    marks = pair_quotation_marks(text, 0, len(text), 0)
    assert marks.stray_closing == [text.index('""') + 1]
    assert [text[q.start : q.end] for q in marks.quotations] == ['""unfair"']


def test_curly_marks_and_a_colon_with_its_space_lost() -> None:
    text = 'It reads:\u201cNo man.\u201d And:"no woman." Done\u201d'
    marks = pair_quotation_marks(text, 0, len(text), 0)
    assert [text[q.start : q.end] for q in marks.quotations] == [
        "\u201cNo man.\u201d",
        '"no woman."',
    ]
    assert marks.stray_closing == [len(text) - 1]


def test_offsets_are_those_of_the_paragraph_inside_the_text() -> None:
    text = 'First paragraph.\n\nHe said "yes.'
    start = text.index("He")
    marks = pair_quotation_marks(text, start, len(text), 1)
    (quote,) = marks.quotations
    assert (quote.start, quote.end, quote.paragraph, quote.closed) == (
        text.index('"'),
        len(text),
        1,
        False,
    )
