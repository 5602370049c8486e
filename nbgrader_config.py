"""nbgrader settings for the JupyterLab that `make lab` opens (the Nbgrader menu's pages).

- The exchange (where released assignments are fetched from and submitted to) is a
  folder inside .venv, so the Assignment List works on a single machine without
  /usr/local/share/nbgrader.
- The Formgrader sees the whole course: nbgrader wants
  ``<course root>/source/<assignment>/<notebook>.ipynb``, so the course root is
  ``.venv/nbgrader-course`` and its ``source/c1w2`` is a link to ``course1/week2``
  (one per week folder; made here, whenever nbgrader loads this file). Generating,
  releasing, collecting and autograding from the Formgrader then work on the real
  notebooks, with nbgrader's own (unsandboxed) autograder; its release, submitted
  and autograded folders and gradebook stay inside that course root.

The autograder's own release and grade commands do not read this file: they
configure nbgrader themselves (and grade in the sandbox).
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
COURSE_ROOT = os.path.join(HERE, ".venv", "nbgrader-course")


def _link_weeks(repo: str, course_root: str) -> None:
    """``<course_root>/source/c<N>w<K>`` -> ``<repo>/course<N>/week<K>`` for every week folder."""
    source = os.path.join(course_root, "source")
    os.makedirs(source, exist_ok=True)
    for course in sorted(os.listdir(repo)):
        mc = re.fullmatch(r"course(\d+)", course)
        if not mc or not os.path.isdir(os.path.join(repo, course)):
            continue
        for week in sorted(os.listdir(os.path.join(repo, course))):
            mw = re.fullmatch(r"week(\d+)", week)
            if not mw:
                continue
            link = os.path.join(source, f"c{int(mc.group(1))}w{int(mw.group(1))}")
            target = os.path.join(repo, course, week)
            if os.path.islink(link) and os.readlink(link) != target:
                os.remove(link)  # the checkout moved: point the link at the new place
            if not os.path.lexists(link):
                os.symlink(target, link)


c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)
c.CourseDirectory.course_id = "deep-learning-companion"
c.Exchange.root = os.path.join(HERE, ".venv", "nbgrader-exchange")
if os.path.isdir(os.path.join(HERE, ".venv")):
    try:
        _link_weeks(HERE, COURSE_ROOT)
        c.CourseDirectory.root = COURSE_ROOT
    except OSError as exc:  # a read-only checkout: the Formgrader then shows an empty course
        print(f"nbgrader_config.py: could not link the course for the Formgrader ({exc})")
