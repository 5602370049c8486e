"""Student feedback pages: the graded notebook's page, the page of a file that could not be graded,
and nbgrader's preprocessor that shows errors as one line.

A traceback can quote test-cell source and the autograder's own code; the
student needs the message. nbgrader's ``ClearHiddenTests`` (configured beside
``ShortErrors`` in ``grading.py``) removes the hidden test source itself.
"""
from __future__ import annotations

import re

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


def _md(text: str) -> str:
    """``text`` safe to put in the page's markdown: HTML escaped outside `code spans` (inside them the
    markdown renderer escapes it; escaping twice would show ``&quot;`` to the student)."""
    import html

    parts = re.split(r"(`[^`\n]+`)", text)
    return "".join(p if k % 2 else html.escape(p, quote=False) for k, p in enumerate(parts))


def _code(text: str) -> str:
    """``text`` as a markdown code span (escaped plain text when it holds a backtick of its own)."""
    return _md(text) if "`" in text else f"`{text}`"


def _renamed(notebook: str, graded_as: str | None) -> str:
    if not graded_as or graded_as == notebook:
        return ""
    return f"\n- graded {_code(graded_as)} as {_md(notebook)}"


def _page(nb) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")  # the notebook's HTML and scripts were removed beforehand
    body, _ = exporter.from_notebook_node(nb)
    return body


def feedback_html(nb, student_id: str, assignment: str, notebook: str, result, graded_as: str | None = None) -> str:
    """The feedback page: a points table on top, then the notebook with each test's verdict.

    ``nb`` is the graded notebook whose test cells already show verdicts and
    no hidden test source (``submission._feedback``); ``result`` its NotebookResult;
    ``graded_as`` the submitted file's name when it was a renamed copy of ``notebook``.
    """
    import copy

    import nbformat

    rows = "\n".join(
        f"| `{c.grade_id}` | {c.points:g} / {c.max_points:g} | "
        f"{_md(summary_line(c.message)).replace('|', '/')} |"
        for c in result.cells)
    notes = _renamed(notebook, graded_as) + "".join(
        f"\n- {_md(n)}" for n in ([result.reason] if result.reason else []) + result.problems + result.notes)
    head = (f"# Feedback: {_md(notebook)}\n\nStudent {_code(student_id)}, assignment "
            f"{_code(assignment)}: **{result.score:g} / {sum(c.max_points for c in result.cells):g}** points.\n\n"
            f"| test | points | result |\n|---|---|---|\n{rows}\n" + (f"\nNotes:{notes}\n" if notes else ""))
    nb = copy.deepcopy(nb)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(head))
    return _page(nb)


def notice_html(student_id: str, assignment: str, notebook: str, reason: str, max_score: float,
                graded_as: str | None = None, fix: str | None = None) -> str:
    """The page of a notebook that was not graded: what is wrong (``reason``), that it scored 0 of
    ``max_score``, and how to hand it in again (``fix``; by default: as a notebook saved from JupyterLab).
    """
    import nbformat

    fix = fix or ("Open the notebook in JupyterLab and check that it shows your work, save it (File > Save "
                  f"Notebook), and hand in that `.ipynb` file, named {_md(notebook)} (not a PDF, HTML or zip "
                  "export of it).")
    text = (f"# Feedback: {_md(notebook)}\n\nStudent {_code(student_id)}, assignment "
            f"{_code(assignment)}: **0 / {max_score:g}** points.\n\n"
            f"**This notebook could not be graded:** {_md(reason)}.\n\n"
            f"None of its tests ran, so it scored 0 of {max_score:g} points. {fix}"
            + (f"\n\nNotes:{_renamed(notebook, graded_as)}\n" if _renamed(notebook, graded_as) else ""))
    return _page(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)]))


def refused_fix(notebook: str) -> str:
    """What to do about several renamed copies of ``notebook`` and no original."""
    return f"Keep the copy you want graded, name it {_md(notebook)}, and remove the others."
