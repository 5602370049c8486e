"""nbgrader settings for the JupyterLab that `make lab` opens (the Nbgrader menu's pages).

The exchange (where released assignments are fetched from and submitted to) is a
folder inside .venv, so the Assignment List works on a single machine without
/usr/local/share/nbgrader. The autograder's own release and grade commands do
not read this file: they configure nbgrader themselves.
"""
import os

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)
c.CourseDirectory.course_id = "deep-learning-companion"
c.Exchange.root = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".venv", "nbgrader-exchange")
