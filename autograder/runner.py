"""Execute a notebook cell by cell: ``python -m autograder.runner IN OUT [--cell-timeout S]``.

This runs inside the sandbox. A cell that raises, times out (it is
interrupted) or prints too much does not stop the notebook; a dead kernel (an
``os._exit``, a memory cap hit) ends it. The executed notebook is written to
OUT, with oversized outputs cut; the grader judges from the harness's result
files, not from anything this process says.
"""
from __future__ import annotations

import argparse
import sys

import nbformat

MAX_TEXT = 20_000


def _trim(cell) -> None:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and len(out.get("text", "")) > MAX_TEXT:
            out["text"] = out["text"][:MAX_TEXT] + "\n... (output cut)\n"
        if out.get("output_type") == "error":
            out["traceback"] = out.get("traceback", [])[-20:]


def main(argv=None) -> int:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    p = argparse.ArgumentParser()
    p.add_argument("notebook")
    p.add_argument("out")
    p.add_argument("--cell-timeout", type=int, default=120)
    args = p.parse_args(argv)
    nb = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(nb, timeout=args.cell_timeout, allow_errors=True, kernel_name="python3",
                            interrupt_on_timeout=True, record_timing=False)
    status = "ok"
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    cell.outputs.append(nbformat.v4.new_output(
                        "error", ename="Timeout", evalue=f"cell stopped after {args.cell_timeout} s", traceback=[]))
                except DeadKernelError:
                    status = f"kernel died in cell {index}"
                    cell.outputs.append(nbformat.v4.new_output(
                        "error", ename="DeadKernel", evalue="the kernel died (memory cap, os._exit or crash)",
                        traceback=[]))
                    break
                _trim(cell)
    except Exception as exc:  # the kernel could not start, or the client failed
        status = f"runner failed: {type(exc).__name__}: {exc}"
    nbformat.write(nb, args.out)
    print(status)
    return 0


if __name__ == "__main__":
    sys.exit(main())
