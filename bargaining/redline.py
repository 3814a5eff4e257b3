"""Word-by-word differences between two clause texts, for redlines."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

SegmentKind = Literal["equal", "insert", "delete"]

_SPACE = re.compile(r"(\s+)")


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str


@dataclass(frozen=True)
class _Text:
    """A text as its words and the whitespace around and between them (`gaps[i]` follows `words[i]`)."""

    lead: str
    words: list[str]
    gaps: list[str]
    trail: str

    @classmethod
    def of(cls, text: str) -> "_Text":
        core = text.strip()
        parts = _SPACE.split(core) if core else []
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :] if core else ""
        return cls(lead, parts[::2], parts[1::2], trail)

    def span(self, start: int, end: int) -> str:
        """Words start..end-1 with the whitespace between them."""
        pieces = []
        for index in range(start, end):
            pieces.append(self.words[index])
            if index < end - 1:
                pieces.append(self.gaps[index])
        return "".join(pieces)


def redline(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`.

    Joining equal and insert segments gives `new`; equal and delete give `old` (up to whitespace).
    Adjacent segments of one kind are merged, and a replacement is shown as delete then insert. Words are
    compared, not the whitespace between them, so a reflowed line is not a change; the space between two changed
    words belongs to the change, and an inserted or deleted run takes one of the spaces beside it.
    """
    a, b = _Text.of(old), _Text.of(new)
    segments: list[Segment] = []
    if a.lead and b.lead:
        _append(segments, "equal", b.lead)
    else:
        _append(segments, "delete", a.lead)
        _append(segments, "insert", b.lead)
    opcodes = SequenceMatcher(a=a.words, b=b.words, autojunk=False).get_opcodes()
    last = len(opcodes) - 1
    for index, (op, a_start, a_end, b_start, b_end) in enumerate(opcodes):
        if op == "equal":
            _append(segments, "equal", b.span(b_start, b_end))
            following = opcodes[index + 1][0] if index < last else None
            if following == "insert" and index + 1 == last:
                _append(segments, "insert", b.gaps[b_end - 1])  # an insertion at the very end takes the space
            elif following in ("insert", "replace") or (following == "delete" and index + 1 < last):
                _append(segments, "equal", b.gaps[b_end - 1])
            continue
        if op in ("delete", "replace"):
            text = a.span(a_start, a_end)
            if op == "delete":
                text = _with_one_space(text, a, a_start, a_end, first=index == 0, last=index == last)
            _append(segments, "delete", text)
        if op in ("insert", "replace"):
            text = b.span(b_start, b_end)
            if op == "insert" and index < last:
                text += b.gaps[b_end - 1]
            _append(segments, "insert", text)
        if op == "replace" and index < last:
            _append(segments, "equal", b.gaps[b_end - 1])
    if a.trail and b.trail:
        _append(segments, "equal", b.trail)
    else:
        _append(segments, "delete", a.trail)
        _append(segments, "insert", b.trail)
    return segments


def _with_one_space(text: str, a: _Text, start: int, end: int, *, first: bool, last: bool) -> str:
    """A deleted run takes the space after it, or before it at the end of the text."""
    if not last:
        return text + a.gaps[end - 1]
    if not first:
        return a.gaps[start - 1] + text
    return text


def _append(segments: list[Segment], kind: SegmentKind, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1] = Segment(kind, segments[-1].text + text)
    else:
        segments.append(Segment(kind, text))
