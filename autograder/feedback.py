"""nbgrader preprocessor for student feedback: errors shown as one line, no tracebacks.

A traceback can quote test-cell source and the autograder's own code; the
student needs the message. nbgrader's ``ClearHiddenTests`` (configured beside
this in ``grading.py``) removes the hidden test source itself.
"""
from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor


class ShortErrors(NbGraderPreprocessor):
    """Replace each error output's traceback by ``ErrorName: message``."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"]
        return cell, resources


def summary_line(message: str, width: int = 240) -> str:
    """The first line of a verdict, cut at a word boundary with " ..." when longer than ``width``
    (the table's summary; the whole message stands under the test cell further down)."""
    first = message.splitlines()[0] if message else ""
    if len(first) <= width:
        return first
    cut = first.rfind(" ", 0, width)
    return first[:cut if cut > width // 2 else width].rstrip(" ,;:(") + " ... (see the test cell below)"


def feedback_html(nb, student_id: str, assignment: str, notebook: str, result) -> str:
    """The feedback page: a points table on top, then the notebook with each test's verdict.

    ``nb`` is the graded notebook whose test cells already show verdicts and
    no hidden test source (``submission._feedback``); ``result`` its NotebookResult.
    """
    import copy
    import html

    import nbformat
    from nbconvert import HTMLExporter

    rows = "\n".join(
        f"| `{c.grade_id}` | {c.points:g} / {c.max_points:g} | "
        f"{html.escape(summary_line(c.message)).replace('|', '/')} |"
        for c in result.cells)
    notes = "".join(f"\n- {html.escape(n)}" for n in ([result.reason] if result.reason else []) + result.notes)
    head = (f"# Feedback: {html.escape(notebook)}\n\nStudent `{html.escape(student_id)}`, assignment "
            f"`{html.escape(assignment)}`: **{result.score:g} / {sum(c.max_points for c in result.cells):g}** points.\n\n"
            f"| test | points | result |\n|---|---|---|\n{rows}\n" + (f"\nNotes:{notes}\n" if notes else ""))
    nb = copy.deepcopy(nb)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(head))
    exporter = HTMLExporter(template_name="lab")  # the notebook's HTML and scripts were removed beforehand
    body, _ = exporter.from_notebook_node(nb)
    return body
