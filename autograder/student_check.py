"""``python -m autograder check NOTEBOOK``: a student's self-check.

Runs the notebook top to bottom in a fresh kernel (errors do not stop it), then
prints one row per graded test cell: its points and, when it failed, the whole
verdict with its hints. The notebook on disk is not modified.

The table always comes, whatever the notebook does:

- a cell that reaches the time limit is interrupted and the notebook goes on;
  a kernel that dies (out of memory, ``os._exit``) or ignores the interrupt is
  restarted and the cells before the stopped one are run again (test cells
  excepted) to rebuild its state. When no graded cell is left, or the state
  cannot be rebuilt, the run stops there and the cells after it score 0;
- each stopped cell is reported in one line (which cell, why, and the check
  that already failed above it, the likely cause);
- warnings a cell writes to stderr are listed apart from the verdicts. nbgrader
  scores a graded cell that writes to stderr as failed, so such a row shows
  0 points with its real verdict and says why.
"""
from __future__ import annotations

import copy
import logging
import re
import shutil
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from .course import nbgrader_cell
from .sandbox import Limits
from .testcells import TestCellError, parse_checks
from .validate import read_notebook

PROBE_TIMEOUT = 10  # seconds an interrupted kernel gets to become usable again
MAX_RESTARTS = 3
_WARNING = re.compile(r"\b([A-Z]\w*Warning): (.+)")


@dataclass
class CellResult:
    grade_id: str
    points: float
    max_points: float
    message: str  # the whole verdict (several lines: verdict, hints, where); "" when it passed silently
    cell: int = 0  # 1-based position in the notebook


@dataclass
class Stop:
    """A cell that did not finish: it reached the time limit, or its kernel died."""
    index: int  # 0-based position in the notebook
    why: str  # "time limit of 120 s reached" / "the kernel died (out of memory?)"
    then: str = ""  # what the check did next


@dataclass
class Run:
    """An executed notebook and what happened on the way."""
    nb: object
    stops: list[Stop] = field(default_factory=list)
    not_run: set[int] = field(default_factory=set)  # 0-based indices of cells never executed


def _is_test(cell) -> bool:
    meta = nbgrader_cell(cell)
    return cell.cell_type == "code" and meta.grade and not meta.solution


def _is_graded(cell) -> bool:
    return cell.cell_type == "code" and nbgrader_cell(cell).grade


def cell_label(nb, index: int) -> str:
    """``cell 12 (propagate_test)`` for a graded cell, ``cell 31 (`d = model(train_set_x, ...`)`` for another."""
    cell = nb.cells[index]
    if _is_graded(cell):
        what = nbgrader_cell(cell).grade_id or "?"
    else:
        lines = [ln.strip() for ln in cell.source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        what = f"`{lines[0][:40]}{' ...' if len(lines[0]) > 40 else ''}`" if lines else "a cell of comments"
    return f"cell {index + 1} ({what})"


def _client_class():
    """nbclient's NotebookClient, except that a cell stopped by the time limit stops reading output.

    nbclient leaves that cell's output reader running (a timeout is one of its
    control signals), and the stray reader would then swallow the output of the
    cells that come after it.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError

    class Client(NotebookClient):
        async def _async_poll_for_reply(self, msg_id, cell, timeout, task_poll_output_msg, task_poll_kernel_alive):
            try:
                return await super()._async_poll_for_reply(msg_id, cell, timeout, task_poll_output_msg,
                                                           task_poll_kernel_alive)
            except CellTimeoutError:
                task_poll_output_msg.cancel()
                raise

    return Client


class _Kernel:
    """One NotebookClient whose kernel can be restarted; runs cells of ``nb`` by index."""

    def __init__(self, nb, folder: Path, timeout: int):
        quiet = logging.getLogger("autograder.student_check.nbclient")
        quiet.setLevel(logging.CRITICAL)
        self.timeout = timeout
        self.client = _client_class()(nb, timeout=timeout, allow_errors=True, kernel_name="python3",
                                     record_timing=False, log=quiet,
                                     resources={"metadata": {"path": str(folder)}})
        self.start()

    def start(self) -> None:
        c = self.client
        c.km = c.create_kernel_manager()
        # the kernel's own stderr (not the cells' output, which comes over the wire) stays out of the table
        c.start_new_kernel(stderr=subprocess.DEVNULL)
        c.start_new_kernel_client()

    def stop(self) -> None:
        if self.client.km is not None:
            try:
                self.client._cleanup_kernel()
            except Exception:  # the kernel may already be gone; nothing is left to clean then
                pass
            self.client.km = self.client.kc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def run(self, index: int) -> None:
        """Execute cell ``index`` in place (its outputs are the notebook's); nbclient's errors propagate."""
        self.client.execute_cell(self.client.nb.cells[index], index)

    def run_aside(self, index: int, source: str | None = None, timeout: int | None = None) -> None:
        """Execute a copy of cell ``index`` (or ``source``) whose outputs are thrown away."""
        nb = self.client.nb
        original = nb.cells[index]
        cell = copy.deepcopy(original)
        if source is not None:
            cell.source = source
        self.client.timeout = timeout or self.timeout
        try:
            self.client.execute_cell(cell, index)
        finally:
            self.client.timeout = self.timeout
            nb.cells[index] = original

    def usable_after_interrupt(self, index: int) -> bool:
        """Interrupt the running cell; True when the kernel answers a trivial cell soon after."""
        from jupyter_core.utils import run_sync
        from nbclient.exceptions import CellTimeoutError, DeadKernelError

        try:
            run_sync(self.client.km.interrupt_kernel)()
            self.run_aside(index, source="pass", timeout=PROBE_TIMEOUT)
            return True
        except (CellTimeoutError, DeadKernelError, RuntimeError):
            return False


def run_notebook(path: Path, timeout: int | None = None) -> Run:
    """Execute a copy of the notebook in its own folder, cell by cell; see the module docstring."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    timeout = timeout or Limits().cell_timeout
    nb = read_notebook(path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None  # outputs saved by the student are not results
    run = Run(nb)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()]
    kernel = _Kernel(nb, Path(path).resolve().parent, timeout)
    restarts = 0
    try:
        for pos, index in enumerate(code):
            try:
                kernel.run(index)
                continue
            except CellTimeoutError:
                stop = Stop(index, f"time limit of {timeout} s reached")
            except DeadKernelError:
                stop = Stop(index, "the kernel died (out of memory?)")
            run.stops.append(stop)
            rest = code[pos + 1:]
            if not any(_is_graded(nb.cells[i]) for i in rest):
                stop.then = "stopped there: no graded cell after it"
                run.not_run.update(rest)
                break
            if stop.why.startswith("time") and kernel.usable_after_interrupt(index):
                stop.then = "interrupted; the notebook went on"
                continue
            if restarts == MAX_RESTARTS or not _rebuild(kernel, nb, code[:pos], {s.index for s in run.stops}):
                stop.then = "stopped there: the notebook's state could not be rebuilt after a restart"
                run.not_run.update(rest)
                break
            restarts += 1
            stop.then = "restarted the kernel and ran the cells above it again; the notebook went on"
    finally:
        kernel.stop()
    return run


def _rebuild(kernel: _Kernel, nb, before: list[int], stopped: set[int]) -> bool:
    """Restart the kernel and run the cells ``before`` again (not test cells, not stopped ones); False if that fails."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    try:
        kernel.restart()
        for i in before:
            if i not in stopped and not _is_test(nb.cells[i]):
                kernel.run_aside(i)
    except (CellTimeoutError, DeadKernelError, RuntimeError):
        return False
    return True


def _text(outputs, name: str) -> str:
    return "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == name)


def _stopped_text(run: Run, index: int) -> str | None:
    for s in run.stops:
        if s.index == index:
            return f"stopped: {s.why}"
    if index in run.not_run:
        first = run.stops[-1]
        return f"not run: the check stopped at cell {first.index + 1} (see above)"
    return None


def score_cells(run: Run) -> list[CellResult]:
    """Points per graded cell of an executed notebook, judged as nbgrader judges them.

    A cell that was stopped or never ran scores 0 (nbgrader would give an empty test cell full marks).
    """
    from nbgrader.utils import determine_grade

    results = []
    for index, cell in enumerate(run.nb.cells):
        if not _is_graded(cell):
            continue
        got, max_points = determine_grade(cell)
        stopped = _stopped_text(run, index)
        outputs = cell.get("outputs", [])
        error = next((o for o in outputs if o.get("output_type") == "error"), None)
        stderr = _text(outputs, "stderr")
        if stopped:
            got, message = 0.0, stopped
        elif error is not None:
            message = f"{error.get('ename')}: {error.get('evalue', '')}"
        else:
            message = _text(outputs, "stdout").strip()
            if stderr.strip():
                what = "a warning (listed above)" if _WARNING.search(stderr) else "to stderr (listed above)"
                message = "\n".join(filter(None, [message, f"but the cell wrote {what}, and graded cells "
                                                  "that write to stderr score 0: fix what it warns about"]))
        grade_id = nbgrader_cell(cell).grade_id or "?"
        results.append(CellResult(grade_id, float(got or 0.0), float(max_points), message.strip(), index + 1))
    return results


def _failed_functions(run: Run, before: int) -> list[str]:
    """The functions whose checks failed in graded cells above cell ``before`` (0-based), in notebook order."""
    names = []
    for index, cell in enumerate(run.nb.cells[:before]):
        if not _is_test(cell) or index in run.not_run:
            continue
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            try:
                found = [c.function for c in parse_checks(cell.source) if not c.hidden]
            except TestCellError:
                found = []
            for name in found or [nbgrader_cell(cell).grade_id or "?"]:
                if f"`{name}`" not in names:
                    names.append(f"`{name}`")
    return names


def notes(run: Run) -> list[str]:
    """One line per stopped cell, per cell that warned, and per cell with other stderr output."""
    lines = []
    for s in run.stops:
        line = f"{cell_label(run.nb, s.index)}: {s.why}"
        failed = _failed_functions(run, s.index)
        if failed:
            shown = " and ".join([", ".join(failed[:-1]), failed[-1]] if len(failed) > 1 else failed)
            line += f", probably because {shown} failed {'its check' if len(failed) == 1 else 'their checks'} above"
        lines.append(line + (f"; {s.then}" if s.then else ""))
    for index, cell in enumerate(run.nb.cells):
        stderr = _text(cell.get("outputs", []), "stderr") if cell.cell_type == "code" else ""
        if not stderr.strip():
            continue
        found = [m.groups() for m in map(_WARNING.search, stderr.splitlines()) if m]
        if found:
            kinds: dict[str, list[str]] = {}
            for kind, text in found:
                kinds.setdefault(kind, []).append(text.strip())
            label = cell_label(run.nb, index)
            lines += [f"warnings: {len(texts)} {kind} in {label}: {'; '.join(dict.fromkeys(texts))}"
                      for kind, texts in kinds.items()]
        else:
            first = next(ln.strip() for ln in stderr.splitlines() if ln.strip())
            lines.append(f"{cell_label(run.nb, index)} wrote to stderr: {first[:200]}")
    return lines


def _wrap(text: str, indent: int, width: int) -> list[str]:
    """``text`` wrapped to ``width`` columns, every line indented by ``indent`` spaces (a line's own indent kept)."""
    out = []
    for line in text.splitlines() or [""]:
        own = len(line) - len(line.lstrip())
        pad = " " * (indent + own)
        out += textwrap.wrap(line.strip(), max(20, width), initial_indent=pad, subsequent_indent=pad + "  ",
                             break_on_hyphens=False) or [pad.rstrip()]
    return out


def format_table(name: str, results: list[CellResult], extra: list[str] = (), width: int | None = None) -> str:
    """The notes (stopped cells, warnings), then the per-exercise table with whole verdicts, wrapped to ``width``."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    id_width = max([len(r.grade_id) for r in results] + [8])
    column = id_width + 10  # where the result column starts
    indent = column if width - column >= 40 else 4
    lines = [name]
    for note in extra:
        lines += _wrap(note, 0, width)
    if extra:
        lines.append("")
    lines.append(f"{'exercise':<{id_width}}  points  result")
    for r in results:
        verdict = "ok" if r.points == r.max_points else (r.message or "failed")
        head = f"{r.grade_id:<{id_width}}  {r.points:g}/{r.max_points:g}".ljust(column)
        body = _wrap(verdict, indent, width)
        if indent == column:
            lines.append(head + body[0][column:])
            lines += body[1:]
        else:
            lines += [head.rstrip()] + body
    total = sum(r.points for r in results)
    max_total = sum(r.max_points for r in results)
    lines.append(f"{'total':<{id_width}}  {total:g}/{max_total:g}")
    return "\n".join(lines)
