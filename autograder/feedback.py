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
