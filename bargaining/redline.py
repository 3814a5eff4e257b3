"""Word-by-word differences between two clause texts, for redlines."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

SegmentKind = Literal["equal", "insert", "delete"]

# Words and the whitespace between them are separate tokens, so that joining segments gives back the texts.
_TOKEN = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def redline(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`.

    Joining equal and insert segments gives `new`; equal and delete give `old` (up to whitespace).
    Adjacent segments of one kind are merged, and a replacement is shown as delete then insert.
    """
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    # All whitespace compares equal, so a reflowed line is not a change.
    matcher = SequenceMatcher(a=_comparable(old_tokens), b=_comparable(new_tokens), autojunk=False)
    segments: list[Segment] = []
    for op, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if op == "equal":
            _append(segments, "equal", "".join(new_tokens[b_start:b_end]))
            continue
        if op in ("delete", "replace"):
            _append(segments, "delete", "".join(old_tokens[a_start:a_end]))
        if op in ("insert", "replace"):
            _append(segments, "insert", "".join(new_tokens[b_start:b_end]))
    return _fold_spaces_between_changes(segments)


def _fold_spaces_between_changes(segments: list[Segment]) -> list[Segment]:
    """Show "one two" → "three four" as one deletion and one insertion, not word, space, word.

    The space between two changes is in both texts, so it joins both the deletion and the insertion.
    """
    folded: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush():
        _append(folded, "delete", "".join(deleted))
        _append(folded, "insert", "".join(inserted))
        deleted.clear()
        inserted.clear()

    for index, segment in enumerate(segments):
        if segment.kind == "delete":
            deleted.append(segment.text)
        elif segment.kind == "insert":
            inserted.append(segment.text)
        elif (
            segment.text.isspace()
            and (deleted or inserted)
            and index + 1 < len(segments)
            and segments[index + 1].kind != "equal"
        ):
            deleted.append(segment.text)
            inserted.append(segment.text)
        else:
            flush()
            folded.append(segment)
    flush()
    return folded


def _comparable(tokens: list[str]) -> list[str]:
    return [" " if token.isspace() else token for token in tokens]


def _append(segments: list[Segment], kind: SegmentKind, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1] = Segment(kind, segments[-1].text + text)
    else:
        segments.append(Segment(kind, text))
