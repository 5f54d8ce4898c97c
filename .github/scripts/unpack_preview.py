"""Unpack a pull request's built site for its preview, refusing anything but a site.

Runs in the privileged preview job (`.github/workflows/preview-deploy.yml`), on the artifact the
unprivileged build uploaded: a tar of `site/`, which the pull request's code made and so may have
forged. Only directories and regular files whose names stay inside the folder are unpacked; a
symbolic or hard link, a device, an absolute name or `..`, too many files or too many bytes
refuse the whole artifact, before anything is written. Standard library only: the job installs
nothing and never runs the pull request's code.

    python3 unpack_preview.py ARTIFACT.tar FOLDER
"""

from __future__ import annotations

import sys
import tarfile
from pathlib import PurePosixPath

MAX_BYTES = 900_000_000
"""GitHub Pages publishes sites of at most 1 GB; a preview must leave room for the site."""
MAX_FILES = 200_000


def refusal(members: list[tarfile.TarInfo]) -> str | None:
    """Why the artifact is not a site, or None."""
    if len(members) > MAX_FILES:
        return f"{len(members):,} members, more than {MAX_FILES:,}"
    total = 0
    for member in members:
        name = PurePosixPath(member.name)
        if name.is_absolute() or ".." in name.parts or "\\" in member.name or "\0" in member.name:
            return f"{member.name!r} names a place outside the site"
        if not (member.isfile() or member.isdir()):
            return f"{member.name!r} is not a regular file or a directory (a link or a device)"
        total += member.size
        if total > MAX_BYTES:
            return f"more than {MAX_BYTES:,} bytes"
    return None


def unpack(artifact: str, folder: str) -> str | None:
    """Unpack the artifact into the folder; the reason it was refused instead, if it was."""
    with tarfile.open(artifact, mode="r:") as tar:
        members = tar.getmembers()
        if problem := refusal(members):
            return problem
        tar.extractall(folder, members=members, filter="data")  # the standard library's own refusals too
    return None


def main(argv: list[str]) -> int:
    artifact, folder = argv
    if problem := unpack(artifact, folder):
        print(f"::error::the preview artifact is refused: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
