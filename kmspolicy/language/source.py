"""Source text bookkeeping: spans from Lark tokens and problems with excerpts."""

from __future__ import annotations

from bisect import bisect_right

from kmspolicy.errors import Problem
from kmspolicy.language.ir import Span

__all__ = ["Source"]


class Source:
    """Policy text plus its name; turns offsets and spans into positioned ``Problem``\\ s."""

    __slots__ = ("_line_starts", "name", "text")

    def __init__(self, text: str, name: str = "<policy>") -> None:
        self.text = text
        self.name = name
        self._line_starts: list[int] | None = None

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos >= 0:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        starts = self._starts()
        index = bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column, start, end)

    def excerpt(self, line: int, column: int, end_line: int, end_column: int) -> str:
        starts = self._starts()
        if not 1 <= line <= len(starts):
            return ""
        begin = starts[line - 1]
        stop = self.text.find("\n", begin)
        text = self.text[begin : stop if stop >= 0 else len(self.text)].rstrip("\r")
        width = max(1, (end_column if end_line == line else len(text) + 1) - column)
        width = min(width, max(1, len(text) - column + 1))
        pad = "".join("\t" if ch == "\t" else " " for ch in text[: column - 1])
        return f"{text}\n{pad}{'^' * width}"

    def problem(self, span: Span, message: str, hint: str = "") -> Problem:
        return Problem(
            message=message,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            excerpt=self.excerpt(span.line, span.column, span.end_line, span.end_column),
            hint=hint,
        )

    def problem_at(self, offset: int, message: str, hint: str = "", length: int = 1) -> Problem:
        end = min(len(self.text), offset + max(length, 0))
        return self.problem(self.span(offset, max(end, offset)), message, hint)
