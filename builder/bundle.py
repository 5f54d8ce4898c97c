"""Zip a built site into one folder inside a zip archive: `python -m builder.bundle SITE_DIR ZIP`;
and what the pages that offer the archive say of it (`OfflineCopy`)."""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OFFLINE_COPY = "<!-- offline-copy -->"
"""Where a page (the home page, About) says where to get the offline copy: the plugin puts
templates/offline_copy.md.j2 there."""


def bundle(site: Path, archive: Path) -> None:
    """Files in a fixed order with fixed dates, so that two builds give the same bytes."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    top = archive.name.removesuffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site).as_posix()}", date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())


_URL = re.compile(r"https?://[^\s\"'<>]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class OfflineCopy:
    """The offline copy as a page offering it knows it: mkdocs.yml's `extra.offline_copy`, which
    the Pages workflow fills from the environment once it has built and published the archive.
    A local build has none of it, and its pages say how to make one; the archive cannot hold its
    own hash, so its pages say only that they are the offline copy (`inside`)."""

    url: str = ""
    """Where anyone can download the archive (a release asset), or empty."""
    bytes: int = 0
    date: str = ""
    """The day it was built, `2026-12-05`."""
    sha256: str = ""
    inside: bool = False
    """These pages are the archive's own (mkdocs.offline.yml)."""
    home: str = ""
    """The public site's address (site_url), where the archive's pages send a reader for the latest."""

    @classmethod
    def from_config(cls, extra: dict[str, Any], site_url: str | None) -> OfflineCopy:
        """Refuses what the workflow would never set (a build of the site fails on it), so that
        the page can print each value as it is."""
        given = extra.get("offline_copy") or {}
        copy = cls(
            url=str(given.get("url") or ""), bytes=int(given.get("bytes") or 0), date=str(given.get("date") or ""),
            sha256=str(given.get("sha256") or ""), inside=bool(given.get("inside")), home=site_url or "",
        )
        for value, shape in ((copy.url, _URL), (copy.date, _DATE), (copy.sha256, _SHA256)):
            if value and not shape.fullmatch(value):
                raise ValueError(f"extra.offline_copy: {value!r} is not {shape.pattern}")
        return copy

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[-1]

    @property
    def size(self) -> str:
        """`12.3 MB`, as download links say it (decimal units)."""
        if self.bytes >= 1_000_000:
            return f"{self.bytes / 1_000_000:.1f} MB"
        return f"{max(1, round(self.bytes / 1000))} kB"


if __name__ == "__main__":
    bundle(Path(sys.argv[1]), Path(sys.argv[2]))
