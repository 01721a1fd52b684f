"""Problems found in a build, collected as coded diagnostics.

Content problems never raise: every stage appends to a `Report`, and the build
decides at the end (as mkdocs' `validate()` and docutils' halt level do).
Printed as `path:line: error: message [code]`, the form editors and CI
annotators understand.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SourcePos:
    """A place in a source file: `path` relative to the project, `line` 1-based
    (0 when the problem concerns the whole file)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        if not self.path:
            return "<input>"
        return f"{self.path}:{self.line}" if self.line else self.path


class Severity(enum.Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: Severity
    code: str
    message: str
    pos: SourcePos

    def __str__(self) -> str:
        return f"{self.pos}: {self.severity.value}: {self.message} [{self.code}]"

    def as_json(self) -> dict[str, object]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "path": self.pos.path,
            "line": self.pos.line,
        }


@dataclass(slots=True)
class Report:
    """The one mutable object of a build: an append-only list of diagnostics."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, code: str, message: str, pos: SourcePos) -> None:
        self._add(Diagnostic(Severity.WARNING, code, message, pos))

    def error(self, code: str, message: str, pos: SourcePos) -> None:
        self._add(Diagnostic(Severity.ERROR, code, message, pos))

    def _add(self, diagnostic: Diagnostic) -> None:
        # The same problem reached twice (say, by two renderers) is said once.
        if diagnostic not in self.diagnostics:
            self.diagnostics.append(diagnostic)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def codes(self) -> list[str]:
        return [d.code for d in self.diagnostics]

    def to_json(self) -> str:
        return json.dumps([d.as_json() for d in self.diagnostics], indent=2)
