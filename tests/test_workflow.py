"""The GitHub Actions workflow tests the site like CI does, then builds and publishes it."""

import re

import yaml

from tests.pages import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def load():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def steps(job):
    return load()["jobs"][job]["steps"]


def uses(job):
    return [step["uses"] for step in steps(job) if "uses" in step]


def runs(job):
    return [step["run"] for step in steps(job) if "run" in step]


def test_it_parses_and_has_the_jobs():
    workflow = load()
    assert set(workflow["jobs"]) == {"test-and-build", "deploy"}
    assert {"push", "pull_request"} <= set(workflow["on"])
    assert workflow["on"]["push"]["branches"] == ["main"]


def test_it_runs_the_same_setup_and_tests_as_ci():
    assert any(run.strip() == "bash .ci/run" for run in runs("test-and-build"))
    first_run = next(i for i, step in enumerate(steps("test-and-build")) if "run" in step)
    assert "bash .ci/run" in steps("test-and-build")[first_run]["run"], "test before anything else"
    assert any(use.startswith("actions/checkout@v") for use in uses("test-and-build"))


def test_it_builds_strictly_for_the_pages_address():
    job = steps("test-and-build")
    build = next(step for step in job if "mkdocs build" in step.get("run", ""))
    assert "--strict" in build["run"]
    assert build["env"]["SITE_URL"] == (
        "https://${{ github.repository_owner }}.github.io/${{ github.event.repository.name }}/"
    )
    site_dir = re.search(r"--site-dir (\S+)", build["run"])[1]
    upload = next(step for step in job if step.get("uses", "").startswith("actions/upload-pages-artifact@v"))
    assert upload["with"]["path"] == site_dir
    order = [
        i for i, step in enumerate(job) if "bash .ci/run" in step.get("run", "") or step is build or step is upload
    ]
    assert order == sorted(order) and len(order) == 3, "test, then build, then upload"


def test_it_publishes_to_pages_only_from_main():
    workflow = load()
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test-and-build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(use.startswith("actions/deploy-pages@v") for use in uses("deploy"))
    assert workflow["permissions"] == {"contents": "read"}, "only the deploy job may write"


def test_actions_are_pinned_to_a_major_version():
    for job in ("test-and-build", "deploy"):
        for use in uses(job):
            assert re.fullmatch(r"actions/[\w-]+@v\d+", use), use


def test_torch_comes_from_the_cpu_index_everywhere():
    """PyPI's torch for Linux is the CUDA build: the workflow and the set-up name PyTorch's CPU index."""
    cpu_index = "https://download.pytorch.org/whl/cpu"
    ci_step = next(step for step in steps("test-and-build") if "bash .ci/run" in step.get("run", ""))
    assert ci_step["env"]["TORCH_INDEX"] == cpu_index
    assert int(ci_step["env"]["TORCH_INDEX_RETRIES"]) > 0, "the runner reaches the index: retry it"

    setup = (ROOT / "scripts" / "setup.sh").read_text()
    assert f"TORCH_INDEX=${{TORCH_INDEX:-{cpu_index}}}" in setup, "the same index when run by hand"
    commands = [line.split() for line in setup.replace("\\\n", " ").splitlines()]
    torch_step = next(i for i, words in enumerate(commands) if '"$TORCH_INDEX"' in words)
    assert commands[torch_step][-1] == "torch" and "--no-deps" in commands[torch_step], "torch alone"
    project_step = next(i for i, words in enumerate(commands) if '".[dev]"' in words)
    assert torch_step < project_step, "torch first, so the project's install finds it there"

    pinned = re.search(r'"torch==([\d.]+)"', (ROOT / "pyproject.toml").read_text())[1]
    constraints = (ROOT / "constraints.txt").read_text().splitlines()
    assert f"torch=={pinned}+cpu" in constraints, "constraints.txt pins the CPU build, which PyPI does not have"


def test_the_test_command_lints_before_the_tests():
    command = (ROOT / "scripts" / "test.sh").read_text()
    check, format_check, tests = (command.index(step) for step in ("ruff check", "ruff format --check", "pytest"))
    assert check < tests and format_check < tests
