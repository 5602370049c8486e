"""Execute a notebook cell by cell: ``python -m autograder.runner IN OUT [--cell-timeout S]``.

This runs inside the sandbox. A cell that raises, times out (it is
interrupted) or prints too much does not stop the notebook; a dead kernel (an
``os._exit``, a memory cap hit) ends it. The executed notebook is written to
OUT, with oversized outputs cut, and each cell the runner had to stop marked
in its metadata (``STOPPED``: ``"time limit"`` or ``"kernel died"``), since
the kernel's own output may not say so (IPython can fail to format the
interrupt's traceback). While a cell runs, ``OUT.running`` holds its index,
so that a notebook killed at its own time limit can say where it was. The grader judges from the harness's result files,
not from anything this process says; the marks only explain.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

from .sandbox import Limits

MAX_TEXT = 20_000
STOPPED = "dlc_stopped"  # cell metadata key: why the runner stopped this cell


def _client(nb, cell_timeout: int):
    """An nbclient that interrupts a cell at its time limit and remembers which cells it interrupted."""
    from nbclient import NotebookClient

    class Client(NotebookClient):
        async def _async_handle_timeout(self, timeout, cell=None):
            if cell is not None:
                cell.metadata[STOPPED] = "time limit"
            return await super()._async_handle_timeout(timeout, cell)

    return Client(nb, timeout=cell_timeout, allow_errors=True, kernel_name="python3",
                  interrupt_on_timeout=True, record_timing=False)


def _trim(cell) -> None:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and len(out.get("text", "")) > MAX_TEXT:
            out["text"] = out["text"][:MAX_TEXT] + "\n... (output cut)\n"
        if out.get("output_type") == "error":
            out["traceback"] = out.get("traceback", [])[-20:]


def main(argv=None) -> int:
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    p = argparse.ArgumentParser()
    p.add_argument("notebook")
    p.add_argument("out")
    p.add_argument("--cell-timeout", type=int, default=Limits().cell_timeout)
    args = p.parse_args(argv)
    nb = nbformat.read(args.notebook, as_version=4)
    for cell in nb.cells:  # only this runner marks cells
        cell.metadata.pop(STOPPED, None)
    client = _client(nb, args.cell_timeout)
    running = Path(args.out + ".running")
    status = "ok"
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                running.write_text(str(index), encoding="utf-8")
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    cell.metadata[STOPPED] = "time limit"
                    cell.outputs.append(nbformat.v4.new_output(
                        "error", ename="Timeout", evalue=f"cell stopped after {args.cell_timeout} s", traceback=[]))
                except DeadKernelError:
                    status = f"kernel died in cell {index}"
                    cell.metadata[STOPPED] = "kernel died"
                    cell.outputs.append(nbformat.v4.new_output(
                        "error", ename="DeadKernel", evalue="the kernel died (memory cap, os._exit or crash)",
                        traceback=[]))
                    break
                _trim(cell)
    except Exception as exc:  # the kernel could not start, or the client failed
        status = f"runner failed: {type(exc).__name__}: {exc}"
    running.unlink(missing_ok=True)
    nbformat.write(nb, args.out)
    print(status)
    return 0


if __name__ == "__main__":
    sys.exit(main())
