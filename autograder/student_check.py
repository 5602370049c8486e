"""``python -m autograder check NOTEBOOK``: a student's self-check.

Runs the notebook top to bottom in a fresh kernel (errors do not stop it), then
prints one row per graded test cell: its points and, when it failed, the first
line of the message. The notebook on disk is not modified.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .validate import read_notebook


@dataclass
class CellResult:
    grade_id: str
    points: float
    max_points: float
    message: str


def run_notebook(path: Path, timeout: int = 120):
    """Execute a copy of the notebook in its own folder; return the executed notebook."""
    from nbclient import NotebookClient

    nb = read_notebook(path)
    client = NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3",
                            resources={"metadata": {"path": str(Path(path).resolve().parent)}})
    client.execute()
    return nb


def score_cells(nb) -> list[CellResult]:
    """Points per graded cell of an executed notebook, judged as nbgrader judges them."""
    from nbgrader.utils import determine_grade, is_grade

    results = []
    for cell in nb.cells:
        if cell.cell_type != "code" or not is_grade(cell):
            continue
        got, max_points = determine_grade(cell)
        message = ""
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                message = f"{out.get('ename')}: {out.get('evalue', '')}"
                break
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                message = "wrote to stderr: " + "".join(out.get("text", ""))
                break
        results.append(CellResult(cell.metadata.nbgrader.get("grade_id", "?"), float(got or 0.0),
                                  float(max_points), message.strip()))
    return results


def format_table(name: str, results: list[CellResult]) -> str:
    """The per-exercise points table printed to the student."""
    width = max([len(r.grade_id) for r in results] + [8])
    lines = [f"{name}", f"{'exercise':<{width}}  points  result"]
    for r in results:
        status = "ok" if r.points == r.max_points else (r.message.splitlines()[0][:100] if r.message else "failed")
        lines.append(f"{r.grade_id:<{width}}  {r.points:g}/{r.max_points:g}".ljust(width + 10) + f"  {status}")
    total = sum(r.points for r in results)
    max_total = sum(r.max_points for r in results)
    lines.append(f"{'total':<{width}}  {total:g}/{max_total:g}")
    return "\n".join(lines)
