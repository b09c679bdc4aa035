"""The map-building notebooks run top to bottom, and are stored without outputs.

Each notebook is executed once per test session (in a temporary folder as working directory
and temporary-file root); the tests then read what a reader of the notebook would see: the
maps, tables and images of its tagged cells.
"""

from __future__ import annotations

import ast
import base64
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from browser.page import chromium
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _notebook(name: str) -> Path:
    return REPO / "notebooks" / name


def test_the_three_notebooks_exist():
    names = [p.name for p in NOTEBOOKS]
    assert names == [
        "01_quickstart.ipynb",
        "02_places_and_positions.ipynb",
        "03_timeline.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has stored outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_code_cell_is_explained(path):
    nb = nbformat.read(path, as_version=4)
    previous = None
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert previous is not None and previous.cell_type == "markdown", (
                f"{path.name}: a code cell without a markdown line before it: {cell.source[:60]!r}"
            )
        previous = cell


def _private_names(source: str) -> list[str]:
    """Private names (``_x``) a code cell imports or reaches through an attribute."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            parts = (node.module or "").split(".") + [alias.name for alias in node.names]
            found += [part for part in parts if part.startswith("_")]
        elif isinstance(node, ast.Import):
            found += [
                alias.name
                for alias in node.names
                if any(part.startswith("_") for part in alias.name.split("."))
            ]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            found.append(node.attr)
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_use_only_the_public_api(path):
    nb = nbformat.read(path, as_version=4)
    private = [
        name
        for cell in nb.cells
        if cell.cell_type == "code"
        for name in _private_names(cell.source)
    ]
    assert private == [], f"{path.name} reaches private names {private!r}"


def test_private_names_are_detected():
    source = "from geo.render._folium import LEAFLET_CDN\nimport geo._io\nx = summary._files\n"
    assert _private_names(source) == ["_folium", "geo._io", "_files"]
    assert _private_names("from geo.pipeline import build_maps\nsummary.files") == []


@dataclass(frozen=True)
class _Run:
    """An executed notebook and the working directory it ran in."""

    nb: nbformat.NotebookNode
    cwd: Path

    def outputs(self, tag: str) -> list[nbformat.NotebookNode]:
        cells = [c for c in self.nb.cells if tag in c.get("metadata", {}).get("tags", [])]
        assert len(cells) == 1, f"expected one cell tagged {tag!r}, found {len(cells)}"
        return cells[0].outputs

    def data(self, tag: str, mime: str) -> str:
        found = [out["data"][mime] for out in self.outputs(tag) if mime in out.get("data", {})]
        assert found, f"the cell tagged {tag!r} shows no {mime}"
        return found[-1]

    def stdout(self, tag: str) -> str:
        return "".join(out.text for out in self.outputs(tag) if out.output_type == "stream")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Execute a notebook (once per module) with a fresh temporary working directory and a
    separate temporary-file root, as Jupyter would with the notebook's folder as cwd."""
    runs: dict[Path, _Run] = {}

    def run(path: Path) -> _Run:
        if path not in runs:
            cwd = tmp_path_factory.mktemp(path.stem)
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
            )
            with pytest.MonkeyPatch.context() as patch:
                patch.chdir(cwd)
                patch.setenv("TMPDIR", str(tmp_path_factory.mktemp(f"{path.stem}-tmp")))
                client.execute()
            runs[path] = _Run(nb, cwd)
        return runs[path]

    return run


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path, executed):
    run = executed(path)
    errors = [
        out
        for cell in run.nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "error"
    ]
    assert errors == []
    warnings = [
        out.text
        for cell in run.nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "stream" and out.name == "stderr"
    ]
    assert warnings == [], f"{path.name} printed on standard error: {warnings!r}"
    written = sorted(p.name for p in run.cwd.iterdir())
    assert written == [], f"{path.name} wrote {written!r} into its working directory"


def _page(iframe_html: str) -> str:
    """The HTML page an ``IFrame`` output embeds as a base64 ``data:`` URL."""
    match = re.search(r'src="data:text/html;base64,([A-Za-z0-9+/=]+)"', iframe_html)
    assert match, f"no embedded page in {iframe_html[:200]!r}"
    return base64.b64decode(match.group(1)).decode("utf-8")


def _png(encoded: str) -> bytes:
    data = base64.b64decode(encoded)
    assert data.startswith(PNG_SIGNATURE)
    return data


@pytest.mark.notebook
def test_quickstart_shows_the_latest_map_the_observations_and_a_png(executed):
    run = executed(_notebook("01_quickstart.ipynb"))
    listing = run.data("build", "text/plain")
    dates = re.findall(r"snapshots/(\d{4}-\d\d-\d\d)\.html", listing)
    assert dates, "build_maps wrote no snapshot page"
    page = _page(run.data("snapshot-map", "text/html"))
    assert max(dates) in page and "L.map(" in page, "the inline map is not the latest snapshot"
    table = run.data("observations", "text/html")
    assert "<th>evidence</th>" in table and "<th>uncertainty_km</th>" in table
    assert table.count("<tr>") > 5
    assert len(_png(run.data("snapshot-png", "image/png"))) > 20_000
    assert "'articles_read': 4" in run.data("report", "text/plain")


@pytest.mark.notebook
def test_places_notebook_shows_one_place_per_spelling_footprints_and_evidence(executed):
    run = executed(_notebook("02_places_and_positions.ipynb"))
    per_town = run.data("one-place-per-town", "text/plain")
    lines = [line for line in per_town.splitlines() if "[" in line]
    assert len(lines) == 7
    assert all(len(re.findall(r"geonames:\d+", line)) == 1 for line in lines), per_town
    claims = run.data("claims", "text/plain")
    assert "45° ± 22.5°" in claims and "0° ± 45°" in claims and "disc" in claims
    _png(run.data("footprints", "image/png"))
    assert "inferred:" in run.data("inferred", "text/html")
    evidence = run.stdout("evidence")
    assert "«" in evidence and "claim: sector around" in evidence
    _png(run.data("villages-map", "image/png"))


@pytest.mark.notebook
def test_timeline_notebook_charts_control_shows_the_slider_and_reads_own_articles(executed):
    run = executed(_notebook("03_timeline.ipynb"))
    control = run.data("palmyre-control", "text/html")
    assert control.count("<tr>") >= 2, "no state of Palmyre at any snapshot"
    _png(run.data("palmyre-chart", "image/png"))
    slider = _page(run.data("slider-map", "text/html"))
    assert 'id="geo-range"' in slider
    own = run.data("own-report", "text/plain")
    assert "'articles_read': 5" in own
    assert "the 'text' field is missing" in own, "the bad JSONL line is not reported"
    observations = run.data("own-observations", "text/html")
    assert "manbij" in observations and "qaryatayn-1" in observations
    _png(run.data("own-png", "image/png"))


@pytest.mark.notebook
@pytest.mark.browser
@pytest.mark.parametrize(
    ("name", "tag"),
    [("01_quickstart.ipynb", "snapshot-map"), ("03_timeline.ipynb", "slider-map")],
)
def test_inline_maps_draw_in_a_browser_with_no_network(
    name, tag, executed, chromium_executable, tmp_path
):
    host = tmp_path / "notebook.html"
    host.write_text(
        f"<html><body>{executed(_notebook(name)).data(tag, 'text/html')}</body></html>",
        encoding="utf-8",
    )
    requested: list[str] = []
    errors: list[str] = []
    with chromium(chromium_executable) as browser:
        page = browser.new_page(viewport={"width": 1100, "height": 700})
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        def offline(route):
            if route.request.url.startswith(("file://", "data:")):
                route.continue_()
            else:
                requested.append(route.request.url)
                route.abort()

        page.route("**/*", offline)
        page.goto(host.as_uri())
        page.wait_for_load_state("load")
        [frame] = [f for f in page.frames if f.url.startswith("data:text/html")]
        frame.wait_for_selector(".leaflet-container", timeout=30_000)
        drawn = frame.locator("path.leaflet-interactive").count()
    assert requested == [], f"the inline map asked the network for {requested!r}"
    assert errors == []
    assert drawn > 0, "Leaflet drew no feature in the inline map"
