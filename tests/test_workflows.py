"""The GitHub workflows are valid (check-jsonschema's built-in GitHub-workflow schema, offline)
and publish the way the README says: strict build, Pages from a branch, previews kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_workflows_validate_against_the_github_schema() -> None:
    run = subprocess.run(
        [Path(sys.executable).parent / "check-jsonschema", "--builtin-schema", "vendor.github-workflows",
         *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert {w.name for w in WORKFLOWS} >= {"pages.yml", "preview.yml", "test.yml"}


def steps(name: str) -> list[dict]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    return [s for job in workflow["jobs"].values() for s in job["steps"]]


def test_pages_deploys_main_without_wiping_previews() -> None:
    deploy = next(s for s in steps("pages.yml") if "github-pages-deploy-action" in s.get("uses", ""))
    assert deploy["with"]["branch"] == "gh-pages" and deploy["with"]["clean-exclude"] == "pr-preview/"
    build = next(s for s in steps("pages.yml") if s.get("run") == "make site")
    assert "SITE_URL" in build["env"]
    assert "--strict" in (ROOT / "Makefile").read_text()


def test_previews_use_pr_preview_action() -> None:
    preview = next(s for s in steps("preview.yml") if "rossjrw/pr-preview-action" in s.get("uses", ""))
    assert preview["with"]["source-dir"] == "site"
    build = next(s for s in steps("preview.yml") if s.get("run") == "make site")
    assert "pr-preview/pr-${{ github.event.number }}/" in build["env"]["SITE_URL"]
