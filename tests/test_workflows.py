"""The GitHub workflows are valid (check-jsonschema's built-in GitHub-workflow schema, offline)
and publish the way the README says: strict build, Pages from a branch, previews kept, the
offline copy a release asset anyone can download, described to the pages that link it; previews
of pull requests, forks' too, built without privilege and published by a job that never runs
their code, from an artifact it checks."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml

from builder.bundle import OfflineCopy
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
_spec = importlib.util.spec_from_file_location("unpack_preview", ROOT / ".github" / "scripts" / "unpack_preview.py")
unpack_preview = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(unpack_preview)  # type: ignore[union-attr]


def test_workflows_validate_against_the_github_schema() -> None:
    run = subprocess.run(
        [Path(sys.executable).parent / "check-jsonschema", "--builtin-schema", "vendor.github-workflows",
         *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert {w.name for w in WORKFLOWS} >= {"pages.yml", "preview.yml", "preview-deploy.yml", "test.yml"}


def _workflow(name: str) -> dict:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def steps(name: str) -> list[dict]:
    """Every step of a workflow's jobs, in order."""
    return [s for job in _workflow(name)["jobs"].values() for s in job["steps"]]


def test_pages_deploys_main_without_wiping_previews() -> None:
    deploy = next(s for s in steps("pages.yml") if "github-pages-deploy-action" in s.get("uses", ""))
    assert deploy["with"]["branch"] == "gh-pages" and deploy["with"]["clean-exclude"] == "pr-preview/"
    job = _workflow("pages.yml")["jobs"]["deploy"]
    build = next(s for s in job["steps"] if s.get("run") == "make site")
    assert "SITE_URL" in {**job.get("env", {}), **build.get("env", {})}
    assert "--strict" in (ROOT / "Makefile").read_text()


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml as YAML, its `!ENV [NAME, default]` read as the variable's name."""


_MkDocsLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[0])


def _offline_variables() -> dict[str, str]:
    """mkdocs.yml's `extra.offline_copy`: each field and the environment variable it is read from."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_MkDocsLoader)
    return config["extra"]["offline_copy"]


def test_pages_publishes_the_offline_copy_where_anyone_can_download_it() -> None:
    """The bundle is built first, described to the site build through the variables mkdocs.yml
    reads, published as a release asset replaced each time (no account needed, unlike a run's
    artifact), then the site deployed; only this job may write."""
    workflow = _workflow("pages.yml")
    assert not _writes(workflow["permissions"])
    job = workflow["jobs"]["deploy"]
    assert job["permissions"] == {"contents": "write"}
    every = job["steps"]
    runs = [s.get("run", "") for s in every]
    offline, describe, site = runs.index("make offline"), next(i for i, r in enumerate(runs) if "GITHUB_ENV" in r), runs.index("make site")
    publish = next(i for i, r in enumerate(runs) if "gh release upload" in r)
    deploy = next(i for i, s in enumerate(every) if "github-pages-deploy-action" in s.get("uses", ""))
    assert offline < describe < site < publish < deploy
    for variable in _offline_variables().values():
        assert f"{variable}=" in runs[describe], variable
    assert "--clobber" in runs[publish] and '"$OFFLINE_ZIP"' in runs[publish] and '"$OFFLINE_TAG"' in runs[publish]
    assert every[publish]["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert "dist/itu-resolutions-offline.zip" in (ROOT / "Makefile").read_text() and job["env"]["OFFLINE_ZIP"] == "dist/itu-resolutions-offline.zip"
    assert not any("upload-artifact" in s.get("uses", "") for s in every)


def test_the_bundle_is_described_as_the_pages_read_it(tmp_path: Path) -> None:
    """The step that describes the bundle, run: its address (the release asset's), its size, the
    day and its SHA-256 reach the environment as builder.bundle.OfflineCopy reads them."""
    job = _workflow("pages.yml")["jobs"]["deploy"]
    describe = next(s["run"] for s in job["steps"] if "GITHUB_ENV" in s.get("run", ""))
    archive = tmp_path / "dist" / "itu-resolutions-offline.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("itu-resolutions-offline/index.html", "<p>home</p>")
    github_env = tmp_path / "github-env"
    env = {**os.environ, **job["env"], "GITHUB_ENV": str(github_env), "GITHUB_SERVER_URL": "https://github.com",
           "GITHUB_REPOSITORY": "itu/resolutions"}
    run = subprocess.run(["bash", "-e", "-c", describe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    written = dict(line.split("=", 1) for line in github_env.read_text().splitlines())
    fields = {field: written[variable] for field, variable in _offline_variables().items()}
    copy = OfflineCopy.from_config({"offline_copy": fields}, None)
    assert copy.url == "https://github.com/itu/resolutions/releases/download/offline/itu-resolutions-offline.zip"
    assert copy.bytes == archive.stat().st_size
    assert copy.sha256 == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", copy.date)


def _writes(permissions: object) -> bool:
    return permissions == "write-all" or (isinstance(permissions, dict) and "write" in permissions.values())


def test_no_workflow_runs_with_privilege_on_a_pull_requests_code() -> None:
    """The classic hole: `pull_request_target` (a write token, secrets) with a checkout of the head."""
    for path in WORKFLOWS:
        assert "pull_request_target" not in _workflow(path.name)["on"], path.name


def test_the_preview_build_is_unprivileged() -> None:
    """preview.yml runs the pull request's code (`make site`): on `pull_request`, read-only
    everywhere, its checkout keeping no credentials; the site leaves as an artifact."""
    workflow = _workflow("preview.yml")
    assert set(workflow["on"]) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    assert not any(_writes(job.get("permissions")) for job in workflow["jobs"].values())
    build = workflow["jobs"]["build"]["steps"]
    assert any(s.get("run") == "make site" and "pr-preview/pr-${{ github.event.number }}/" in s["env"]["SITE_URL"] for s in build)
    checkout = next(s for s in build if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False
    assert any(s.get("uses", "").startswith("actions/upload-artifact") and s["with"]["name"] == "preview" for s in build)


def test_the_preview_deploy_never_runs_the_pull_requests_code() -> None:
    """preview-deploy.yml holds the write token: triggered by the build's completion, it runs no
    `make` and no Python but the default branch's unpacking script, checks out only the default
    branch and gh-pages, and passes the fork's branch name to the shell through the environment.
    Only the jobs that write hold write permissions; the workflow itself grants none."""
    workflow = _workflow("preview-deploy.yml")
    assert workflow["on"] == {"workflow_run": {"workflows": ["preview"], "types": ["completed"]}}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert not _writes(jobs["find"]["permissions"])
    assert {name for name, job in jobs.items() if _writes(job["permissions"])} == {"fork-notice", "publish", "remove"}
    every = steps("preview-deploy.yml")
    for step in every:
        run = step.get("run", "")
        assert "make" not in run.split() and "pip" not in run and "${{" not in run, run
    python = [s["run"] for s in every if "python" in s.get("run", "")]
    assert python == ["python3 .github/scripts/unpack_preview.py artifact/preview.tar preview"]
    checkouts = {name: [s["with"]["ref"] for s in job["steps"] if s.get("uses", "").startswith("actions/checkout")]
                 for name, job in jobs.items()}
    assert checkouts == {"find": [], "fork-notice": [], "publish": ["${{ github.event.repository.default_branch }}"],
                         "remove": ["gh-pages"]}
    assert jobs["publish"]["if"] == "needs.find.outputs.state == 'open' && needs.find.outputs.environment != ''"
    assert jobs["remove"]["if"] == "needs.find.outputs.state == 'closed'"
    deploy = next(s for s in jobs["publish"]["steps"] if "github-pages-deploy-action" in s.get("uses", ""))
    assert deploy["with"]["target-folder"] == "pr-preview/pr-${{ needs.find.outputs.number }}"
    assert deploy["with"]["folder"] == "preview" and deploy["with"]["branch"] == "gh-pages"
    assert any("sticky-pull-request-comment" in s.get("uses", "") for s in jobs["publish"]["steps"])
    assert any("git rm -r" in s.get("run", "") and "pr-preview/pr-$NUMBER" in s["run"] for s in jobs["remove"]["steps"])


def test_a_forks_preview_is_published_only_through_the_approved_environment() -> None:
    """The job that publishes uses the environment the `find` job chose: `fork-preview` (which
    requires a maintainer's approval of the run) for a fork, `preview` for a branch of the
    repository, none at all (the job does not run) when a fork cannot be approved."""
    jobs = _workflow("preview-deploy.yml")["jobs"]
    assert jobs["publish"]["needs"] == "find"
    assert jobs["publish"]["environment"]["name"] == "${{ needs.find.outputs.environment }}"
    assert jobs["find"]["outputs"]["environment"] == "${{ steps.origin.outputs.environment }}"
    assert "environment" not in jobs["remove"] and "environment" not in jobs["fork-notice"]
    assert jobs["fork-notice"]["if"] == "needs.find.outputs.state == 'open' && needs.find.outputs.fork == 'true'"


_ENVIRONMENTS = {
    "protected": '{"name": "fork-preview", "protection_rules": [{"id": 1, "type": "required_reviewers", "reviewers": []}]}',
    "timer only": '{"name": "fork-preview", "protection_rules": [{"id": 2, "type": "wait_timer", "wait_timer": 5}]}',
    "no rules": '{"name": "fork-preview"}',
    "missing": None,
}


@pytest.mark.parametrize(("head", "environment", "chosen"), [
    ("itu/resolutions", "missing", "preview"),
    ("stranger/resolutions", "protected", "fork-preview"),
    ("stranger/resolutions", "timer only", ""),
    ("stranger/resolutions", "no rules", ""),
    ("stranger/resolutions", "missing", ""),
    ("itu/resolutions-fork", "missing", ""),
])
def test_the_environment_is_chosen_failing_closed(tmp_path: Path, head: str, environment: str, chosen: str) -> None:
    """The `origin` step, run with a stand-in for GitHub's API (`gh api …` answering with the
    environment, with jq as gh does, or failing as for a missing one): a fork's preview goes
    through `fork-preview` only when that environment requires reviewers."""
    find = _workflow("preview-deploy.yml")["jobs"]["find"]
    origin = next(s for s in find["steps"] if s.get("id") == "origin")
    answer = _ENVIRONMENTS[environment]
    (tmp_path / "answer.json").write_text(answer or "")
    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text(
        "#!/usr/bin/env bash\n"
        f'[[ -s "{tmp_path}/answer.json" ]] || {{ echo "HTTP 404: Not Found" >&2; exit 1; }}\n'
        f'[[ "$1 $2 $3" == "api repos/$REPO/environments/fork-preview --jq" ]] || exit 9\n'
        f'jq "$4" "{tmp_path}/answer.json"\n'
    )
    gh.chmod(0o755)
    output = tmp_path / "output"
    env = {**os.environ, "PATH": f"{gh.parent}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(output),
           "REPO": "itu/resolutions", "HEAD_REPO": head, "GH_TOKEN": "x"}
    run = subprocess.run(["bash", "-e", "-c", origin["run"]], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    written = dict(line.split("=", 1) for line in output.read_text().splitlines())
    assert written == {"fork": str(head != "itu/resolutions").lower(), "environment": chosen}


def _tar(tmp: Path, *members: tarfile.TarInfo, data: bytes = b"<p>page</p>") -> Path:
    path = tmp / "preview.tar"
    with tarfile.open(path, "w") as tar:
        for member in members:
            tar.addfile(member, io.BytesIO(data) if member.isfile() else None)
    return path


def _member(name: str, kind: bytes = tarfile.REGTYPE, size: int = 11, target: str = "") -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.type, member.size, member.linkname = kind, size if kind == tarfile.REGTYPE else 0, target
    return member


@pytest.mark.parametrize("member, reason", [
    (_member("./escape", tarfile.SYMTYPE, target="/etc/passwd"), "not a regular file"),
    (_member("./hard", tarfile.LNKTYPE, target="index.html"), "not a regular file"),
    (_member("./dev", tarfile.CHRTYPE), "not a regular file"),
    (_member("../outside.html"), "outside the site"),
    (_member("/etc/cron.d/x"), "outside the site"),
    (_member("./a/../../x"), "outside the site"),
])
def test_the_unpacking_refuses_anything_but_a_site(tmp_path: Path, member: tarfile.TarInfo, reason: str) -> None:
    artifact = _tar(tmp_path, _member("./index.html"), member)
    out = tmp_path / "preview"
    assert reason in (unpack_preview.unpack(str(artifact), str(out)) or "")
    assert not out.exists()  # refused before anything is written


def test_the_unpacking_refuses_too_many_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unpack_preview, "MAX_BYTES", 15)
    artifact = _tar(tmp_path, _member("./index.html"), _member("./other.html"))
    assert "more than 15 bytes" in (unpack_preview.unpack(str(artifact), str(tmp_path / "out")) or "")


def test_the_unpacking_unpacks_a_site(tmp_path: Path) -> None:
    artifact = _tar(tmp_path, _member(".", tarfile.DIRTYPE), _member("./pp", tarfile.DIRTYPE), _member("./pp/index.html"))
    assert unpack_preview.unpack(str(artifact), str(tmp_path / "out")) is None
    assert (tmp_path / "out" / "pp" / "index.html").read_bytes() == b"<p>page</p>"
    run = subprocess.run([sys.executable, str(ROOT / ".github" / "scripts" / "unpack_preview.py"), str(artifact),
                          str(tmp_path / "again")], capture_output=True, text=True)
    assert run.returncode == 0 and (tmp_path / "again" / "pp" / "index.html").exists(), run.stderr


@pytest.mark.parametrize("field, value", [("url", "javascript:alert(1)"), ("date", "5 December"), ("sha256", "<b>" * 20)])
def test_a_site_build_refuses_what_the_workflow_never_sets(field: str, value: str) -> None:
    """The pages print the values as they are: anything but an address, a day and a hash fails the build."""
    with pytest.raises(ValueError, match="offline_copy"):
        OfflineCopy.from_config({"offline_copy": {field: value}}, None)
