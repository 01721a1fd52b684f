"""The `dossier` command: thin Typer commands over `build.run` and `scaffold`.

Exit codes: 0 success, 1 content errors (the report says where), 2 usage
errors (bad options, a missing project folder, an unusable environment).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dossier import __version__
from dossier.build import Target, run
from dossier.diagnostics import Severity
from dossier.output import ClockError
from dossier.scaffold import ScaffoldError, create_project
from dossier.settings import Paper

EXIT_CONTENT = 1
EXIT_USAGE = 2

app = typer.Typer(
    name="dossier",
    help="Turn a folder of Markdown chapters into a typeset PDF briefing and an EPUB 3.",
    no_args_is_help=True,
    epilog=(
        "Examples:  dossier new my-briefing && cd my-briefing && dossier build  ·  "
        "dossier build --to pdf --paper letter  ·  dossier build path/to/project --out /tmp/out"
    ),
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dossier {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Markdown chapters → PDF briefing + EPUB 3."""


@app.command(
    epilog="Examples:  dossier build  ·  dossier build --to epub  ·  dossier build book/ --to pdf --paper letter --out out/"
)
def build(
    directory: Annotated[Path, typer.Argument(help="Project folder (holds dossier.toml).")] = Path("."),
    to: Annotated[
        list[Target] | None, typer.Option("--to", "-t", help="Output to build; repeat for several. Default: all.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder. Default: DIR/dist.")] = None,
    paper: Annotated[str | None, typer.Option("--paper", help="PDF paper size: a4 or letter.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print each step.")] = False,
) -> None:
    """Build the PDF and EPUB (or the outputs named by --to) into dist/."""
    if not directory.is_dir():
        err.print(f"[red]error:[/] project folder not found: {directory}")
        raise typer.Exit(EXIT_USAGE)
    overrides: dict[str, dict[str, object]] = {}
    if paper is not None:
        if paper not in ("a4", "letter"):
            err.print(f"[red]error:[/] --paper must be a4 or letter, not {paper!r}")
            raise typer.Exit(EXIT_USAGE)
        paper_value: Paper = paper  # type: ignore[assignment]
        overrides["pdf"] = {"paper": paper_value}
    targets = tuple(dict.fromkeys(to)) if to else (Target.PDF, Target.EPUB)

    def progress(step: str) -> None:
        if verbose:
            err.print(f"[dim]· {step}[/]")

    try:
        if quiet or verbose or not err.is_terminal:
            result = run(directory.resolve(), targets=targets, out_dir=out, overrides=overrides, progress=progress)
        else:
            with err.status("building…") as status:
                result = run(
                    directory.resolve(), targets=targets, out_dir=out, overrides=overrides,
                    progress=lambda step: status.update(f"building: {step}"),
                )
    except ClockError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc

    for diagnostic in result.report.diagnostics:
        if quiet and diagnostic.severity is Severity.WARNING:
            continue
        colour = "red" if diagnostic.severity is Severity.ERROR else "yellow"
        err.print(f"{diagnostic.pos}: [{colour}]{diagnostic.severity.value}:[/] {diagnostic.message} [dim]\\[{diagnostic.code}][/]")
    if result.report.has_errors:
        count = len(result.report.errors)
        err.print(f"[red]build failed:[/] {count} error{'s' if count != 1 else ''}; nothing was written")
        raise typer.Exit(EXIT_CONTENT)
    if not quiet:
        for path in result.written:
            shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
            typer.echo(f"wrote {shown}")


@app.command(epilog="Example:  dossier new my-briefing && cd my-briefing && dossier build")
def new(
    directory: Annotated[Path, typer.Argument(help="Folder to create (must not exist, or be empty).")],
    title: Annotated[str | None, typer.Option(help="Book title. Default: from the folder name.")] = None,
) -> None:
    """Create a new project that builds as it is."""
    try:
        create_project(directory, title)
    except ScaffoldError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    typer.echo(f"created {directory}/ — now: cd {directory} && dossier build")
