"""The student's JupyterLab, driven in a real (headless) chromium.

1. In the student release of c1w2's logistic_regression notebook, type a solution
   for `initialize_with_zeros` into its cell, Run All: its test prints the ✔ line,
   and `propagate` (left as a stub) fails with the autograder's one-line message,
   not a traceback.
2. The source notebook runs top to bottom in JupyterLab: no error output, and the
   cost plot is an image.
3. nbgrader's JupyterLab pages (Assignment List, Course List, Formgrader, the
   Create Assignment panel, the Validate button) load without a JavaScript error.

Screenshots of every step go to ``$DLC_ARTIFACTS`` (default ``artifacts/browser/``).
Fixtures (the server, the browser) are in conftest.py.
"""
from __future__ import annotations

import json
import re

RUN_TIMEOUT_MS = 480_000  # the whole source notebook: ~60 s alone on 2 cores, ~110 s in a busy browser

KERNEL_IDLE = "document.querySelector('#jp-main-statusbar')?.innerText?.includes('| Idle') ?? false"
BUSY_PROMPT = ("Array.from(document.querySelectorAll('.jp-Notebook .jp-InputPrompt'))"
               ".some(p => p.textContent.includes('*'))")
CELL_SOURCE_JS = ("cell => Array.from(cell.querySelectorAll('.jp-InputArea .cm-line'))"
                  ".map(l => l.textContent).join('\\n')")


# ---------------------------------------------------------------- helpers

def shot(page, name: str) -> None:
    """A PNG of the page (JupyterLab scrolls inside its panels, so this is the window) into the artifacts."""
    page.screenshot(path=str(page.artifacts / f"{name}.png"), full_page=True)


def scroll_to(locator, block: str = "start") -> None:
    """Scroll the notebook so that `locator` is at the top ("start") or middle ("center") of the view."""
    locator.evaluate(f"e => e.scrollIntoView({{block: '{block}'}})")
    locator.page.wait_for_timeout(500)


def dismiss_news(page) -> None:
    """Answer "No" to JupyterLab's "get notified about Jupyter news?" toast, if it shows up."""
    no = page.locator(".jp-Notification-Toast-default .jp-toast-button", has_text="No")
    try:
        no.first.click(timeout=3_000)
    except Exception:  # noqa: BLE001 - the toast is optional
        pass


def open_notebook(page, lab, workspace: str, path: str, n_cells: int) -> None:
    page.goto(lab.lab_url(workspace, path))
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    # contentVisibility windowing attaches every cell, but not all at once
    page.wait_for_function(f"document.querySelectorAll('.jp-Notebook .jp-Cell').length === {n_cells}")
    page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    dismiss_news(page)


def code_cell(page, text: str):
    """The code cell whose source contains `text` (exactly one)."""
    cell = page.locator(".jp-Notebook .jp-CodeCell").filter(has=page.locator(".cm-line", has_text=text))
    assert cell.count() == 1, f"expected one code cell containing {text!r}, found {cell.count()}"
    return cell


def run_all_and_wait(page, timeout: float = RUN_TIMEOUT_MS) -> None:
    """Run > Run All Cells, then wait until no cell is queued or running and the kernel is idle."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    page.wait_for_function(BUSY_PROMPT, timeout=10_000)  # the cells are queued: [*]
    page.wait_for_function(f"!({BUSY_PROMPT}) && ({KERNEL_IDLE})", timeout=timeout, polling=500)


def save(page) -> None:
    page.keyboard.press("Control+s")
    page.wait_for_function("!document.querySelector('.lm-DockPanel .lm-TabBar-tab.jp-mod-dirty')")


# Cells out of view are skipped by the browser's rendering (content-visibility), and
# innerText of skipped content is empty: read textContent.

def output_texts(scope) -> list[str]:
    """The text of each output under `scope` (a cell or the page)."""
    return scope.locator(".jp-OutputArea-output").all_text_contents()


def assert_no_js_errors(page) -> None:
    errors = page.js_errors.errors
    assert not errors, "JavaScript errors in the page:\n" + "\n".join(errors)


def n_cells(path) -> int:
    return len(json.loads(path.read_text())["cells"])


def graded_cells(path) -> list[dict]:
    """The nbgrader metadata of the notebook's graded (test) cells."""
    cells = json.loads(path.read_text())["cells"]
    return [c["metadata"]["nbgrader"] for c in cells if c["metadata"].get("nbgrader", {}).get("grade")]


# ---------------------------------------------------------------- 1. a student fills one exercise

def test_student_fills_one_exercise_and_sees_the_checks(page, lab):
    nb_path = lab.root / "release" / "c1w2" / "logistic_regression.ipynb"
    released = json.loads(nb_path.read_text())
    stub = next("".join(c["source"]) for c in released["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == "initialize_with_zeros")
    assert "    # YOUR CODE HERE\n    raise NotImplementedError()" in stub
    expected = stub.replace("    # YOUR CODE HERE\n    raise NotImplementedError()",
                            "    w = np.zeros((dim, 1))\n    b = 0.0")

    open_notebook(page, lab, "student", "release/c1w2/logistic_regression.ipynb", len(released["cells"]))
    shot(page, "01a-student-release-opened")

    # Type the solution over the two stub lines, with the keyboard, in CodeMirror.
    cell = code_cell(page, "def initialize_with_zeros(dim):")
    cell.locator(".cm-line", has_text="# YOUR CODE HERE").click()
    page.keyboard.press("End")
    page.keyboard.press("Home")              # start of the text, after the indentation
    page.keyboard.press("Shift+ArrowDown")
    page.keyboard.press("Shift+End")         # selects "# YOUR CODE HERE\n    raise NotImplementedError()"
    page.keyboard.type("w = np.zeros((dim, 1))", delay=10)  # CodeMirror closes brackets; a typed ")" steps over
    page.keyboard.press("Enter")             # auto-indents to the function body
    page.keyboard.type("b = 0.0", delay=10)
    page.keyboard.press("Escape")
    assert cell.evaluate(CELL_SOURCE_JS) == expected
    shot(page, "01b-student-typed-initialize_with_zeros")

    run_all_and_wait(page)

    init_test = code_cell(page, 'check("c1w2.initialize_with_zeros", initialize_with_zeros)')
    (init_out,) = output_texts(init_test)
    assert re.fullmatch(r"✔ initialize_with_zeros: all \d+ visible cases pass\.\n", init_out), init_out
    scroll_to(cell)
    shot(page, "01c-student-initialize_with_zeros-passes")

    prop_test = code_cell(page, 'check("c1w2.propagate", propagate)')
    (prop_out,) = output_texts(prop_test)
    assert prop_out.startswith(
        "✘ CheckFailed: `propagate` is not written yet: replace `raise NotImplementedError()`"), prop_out
    assert "Traceback (most recent call last)" not in prop_out
    assert len(prop_out.strip().splitlines()) == 1, prop_out
    # Run All stops at the first error: the cell after propagate's test has not run.
    demo = code_cell(page, "grads_demo, cost_demo = propagate(w_demo, b_demo, X_demo, Y_demo)")
    assert demo.locator(".jp-InputPrompt").text_content().strip() == "[ ]:"
    scroll_to(prop_test, "center")
    shot(page, "01d-student-propagate-not-written-yet")

    # What was typed is what the notebook holds: save and read the file.
    save(page)
    saved = json.loads(nb_path.read_text())
    src = next("".join(c["source"]) for c in saved["cells"]
               if c["metadata"].get("nbgrader", {}).get("grade_id") == "initialize_with_zeros")
    assert src == expected
    assert_no_js_errors(page)


# ---------------------------------------------------------------- 2. the source notebook runs in JupyterLab

def test_source_notebook_runs_cleanly_and_plots(page, lab):
    nb_path = lab.root / "course1" / "week2" / "logistic_regression.ipynb"
    open_notebook(page, lab, "source", "course1/week2/logistic_regression.ipynb", n_cells(nb_path))
    run_all_and_wait(page)

    prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").all_text_contents()
    not_run = [i for i, p in enumerate(prompts) if not re.fullmatch(r"\[\d+\]:", p.strip())]
    assert not not_run, f"code cells without an execution count (Run All stopped early?): {not_run}"

    # JupyterLab renders both error outputs and stderr with this mime type; the source notebook has neither.
    stderr = page.locator(".jp-Notebook .jp-OutputArea-output"
                          "[data-mime-type='application/vnd.jupyter.stderr']").all_text_contents()
    assert not stderr, stderr
    outputs = output_texts(page.locator(".jp-Notebook"))
    assert not [o for o in outputs if "Traceback" in o], outputs
    checks = [o for o in outputs if o.startswith("✔ ")]
    assert len(checks) == len(graded_cells(nb_path)) == 5, checks  # one per exercise's test cell

    cost = code_cell(page, "plot.plot_costs(")
    scroll_to(cost)
    img = cost.locator(".jp-OutputArea-output img")
    assert img.count() == 1
    assert img.evaluate("i => i.complete && i.naturalWidth > 100 && i.naturalHeight > 100")
    shot(page, "02a-source-cost-plot")
    scroll_to(code_cell(page, "assert 60 <= test_acc <= 80"), "center")
    shot(page, "02b-source-accuracies")

    save(page)
    saved = json.loads(nb_path.read_text())
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(saved["cells"])
              for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, errors
    assert_no_js_errors(page)


# ---------------------------------------------------------------- 3. nbgrader's pages in JupyterLab

def open_from_nbgrader_menu(page, label: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.locator(".lm-Menu-itemLabel").get_by_text(label, exact=True).click()


def test_nbgrader_pages_load_without_javascript_errors(page, lab):
    nb_path = lab.root / "validate" / "c1w2" / "logistic_regression.ipynb"
    open_notebook(page, lab, "nbgrader", "validate/c1w2/logistic_regression.ipynb", n_cells(nb_path))

    open_from_nbgrader_menu(page, "Assignment List")
    page.get_by_text("Released assignments", exact=True).wait_for()
    page.get_by_text("Submitted assignments", exact=True).wait_for()
    shot(page, "03a-nbgrader-assignment-list")

    open_from_nbgrader_menu(page, "Course List")
    page.get_by_text("Available formgraders", exact=True).wait_for()
    shot(page, "03b-nbgrader-course-list")

    open_from_nbgrader_menu(page, "Formgrader")
    frame = page.frame_locator("iframe[src*='formgrader']")
    frame.get_by_role("heading", name="Manage Assignments").wait_for()
    frame.get_by_role("link", name="Add new assignment...").wait_for()
    frame.get_by_role("link", name="c1w2", exact=True).first.wait_for()  # the course's week, from nbgrader_config.py
    shot(page, "03c-nbgrader-formgrader")

    page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text="logistic_regression.ipynb").click()
    page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).click()
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_text("Validation Results").wait_for(timeout=180_000)
    body = dialog.locator("#validation-message").inner_text()
    shot(page, "03d-nbgrader-validate")
    for name in ("initialize_with_zeros", "propagate", "optimize", "predict", "model"):
        assert f"✘ CheckFailed: `{name}` is not written yet" in body, body
    assert "Traceback" not in body, body
    dialog.get_by_role("button", name="Ok").click()

    page.locator(".jp-SideBar.jp-mod-right .lm-TabBar-tab", has_text="Create Assignment").click()
    panel = page.locator("#nbgrader-create_assignemnt")  # sic: nbgrader's id
    panel.get_by_text("Total points").wait_for()
    points = sum(g["points"] for g in graded_cells(nb_path))
    assert panel.locator("input").first.input_value() == f"{points:g}" == "8"
    shot(page, "03e-nbgrader-create-assignment")

    page.wait_for_timeout(1_000)  # late console errors (async panels) still count
    assert_no_js_errors(page)
