"""Zip a built site into one folder inside a zip archive: `python -m builder.bundle SITE_DIR ZIP`."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path


def bundle(site: Path, archive: Path) -> None:
    """Files in a fixed order with fixed dates, so that two builds give the same bytes."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    top = archive.name.removesuffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site).as_posix()}", date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())


if __name__ == "__main__":
    bundle(Path(sys.argv[1]), Path(sys.argv[2]))
