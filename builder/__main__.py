"""Command line: `python -m builder {check,dump,build}`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import collector
from .dump import dump
from .pipeline import Build, build, corpus_files, write_pages
from .progress import Progress


def _paths(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for arg in args:
        path = Path(arg)
        out.extend(corpus_files(path) if path.is_dir() else [path])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="read and link, print every diagnostic")
    check.add_argument("paths", nargs="+", help="corpus files or folders")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    dumper = commands.add_parser("dump", help="print the documents as one JSON object, and every diagnostic as check does")
    dumper.add_argument("paths", nargs="+")
    dumper.add_argument("--strict", action="store_true", help="fail on warnings too")
    writer = commands.add_parser("build", help="write the generated Markdown pages to a folder")
    writer.add_argument("paths", nargs="+")
    writer.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if missing := [arg for arg in args.paths if not Path(arg).exists()]:
        parser.error(f"no such file or folder: {', '.join(map(repr, missing))}")

    progress = Progress()
    with collector.paused():  # through the dump and the writing too, as the plugin does
        result = build(_paths(args.paths), Path.cwd(), progress)
        if args.command == "dump":
            json.dump(dump(result.site), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        elif args.command == "build":
            written = write_pages(result.pages, args.out, progress)
            print(f"{written} of {len(result.pages)} pages written (the others had not changed)", file=sys.stderr)
    return _report(result, getattr(args, "strict", False))


def _report(result: Build, strict: bool) -> int:
    """Every diagnostic and a count on standard error (the dump's JSON keeps standard output);
    the exit status: 1 on errors, or on warnings too when `strict`."""
    for d in result.diagnostics:
        print(d, file=sys.stderr)
    counts = {s: sum(d.severity == s for d in result.diagnostics) for s in ("error", "warning", "info")}
    print(
        f"{len(result.site.resolutions)} resolutions, {len(result.site.proposals)} proposals, "
        f"{len(result.site.contributions)} contributions; "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes",
        file=sys.stderr,
    )
    return 1 if result.diagnostics.failed(strict) else 0


if __name__ == "__main__":
    sys.exit(main())
