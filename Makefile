# The two commands: `make lab` (set up, make the student workspace, open it) and `make test` (set up and run every check).
# Instructors: `make instructor-lab` opens the repository itself.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
WORKSPACE ?= workspace
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
NB_EXTS := formgrader validate_assignment assignment_list course_list
# Tests run JOBS processes on JOBS cores: one BLAS thread each, or the BLAS threads of
# different processes wait on each other (small matrix products ran up to 10x slower).
TEST_ENV := OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

.PHONY: lab instructor-lab workspace test venv lint unit notebooks selfcheck build clean

# Setup prints a line per step; pip's output is kept in $(VENV)/pip-install.log and shown as one line
# per package it fetches (awk, not a pipe status: `sh` has no pipefail, so pip's exit code goes through a file).
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python >= 3.10 is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	@test -x $(PY) || { echo "==> [1/3] creating the virtualenv $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo "==> [2/3] installing the course and its packages into $(VENV): about 3 minutes the first time, one line per package (log: $(VENV)/pip-install.log)"
	@$(PY) -m pip install --quiet --upgrade pip
	@{ $(PY) -m pip install --progress-bar off -e ".[test]" 2>&1; echo $$? > $(VENV)/pip-install.rc; } \
	  | tee $(VENV)/pip-install.log | awk '/^Collecting / { n = $$2; sub(/[<>=!~;[(].*/, "", n); print "    " n; fflush() }'
	@rc=$$(cat $(VENV)/pip-install.rc); [ "$$rc" = 0 ] || { tail -n 25 $(VENV)/pip-install.log; \
	  echo "pip failed (exit $$rc); the whole log: $(VENV)/pip-install.log"; exit $$rc; }
	@echo "==> [3/3] enabling nbgrader's JupyterLab extensions"
	@for e in $(NB_EXTS); do $(VENV)/bin/jupyter server extension enable --sys-prefix nbgrader.server_extensions.$$e >/dev/null 2>&1; done
	@touch $(STAMP)

venv: $(STAMP)

# A student's own notebooks: the released versions (solutions stubbed, hidden tests removed) in
# $(WORKSPACE)/course<N>/week<K>/, made once; later runs add new weeks and never overwrite a notebook
# (a notebook changed in the course is written beside it as <name>.new.ipynb). See autograder/workspace.py.
workspace: $(STAMP)
	@echo "==> your notebooks: $(WORKSPACE)/ (the first time the student versions are made: about a minute)"
	@$(PY) -m autograder workspace "$(WORKSPACE)"

# The venv's bin on PATH: nbgrader's gradebook runs the `alembic` command it installs.
# The server runs from the repository either way, so nbgrader finds nbgrader_config.py.
LAB = mkdir -p $(VENV)/nbgrader-exchange && PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/jupyter lab \
      $$([ "$$(id -u)" = 0 ] && echo --allow-root) --ServerApp.root_dir=

# Students: JupyterLab opens in the workspace.
lab: workspace
	@echo "==> opening JupyterLab in $(WORKSPACE)/ (stop it with Ctrl-C, twice)"
	@$(LAB)"$$(cd "$(WORKSPACE)" && pwd)"

# Instructors: JupyterLab on the whole repository (source notebooks with solutions, Nbgrader > Formgrader).
instructor-lab: $(STAMP)
	@echo "==> opening JupyterLab on the repository, source notebooks with solutions (stop it with Ctrl-C, twice)"
	@$(LAB)"$(CURDIR)"

# Notebooks are committed as built from authoring/; fail if someone edited one side only.
build: $(STAMP)
	$(PY) -m autograder build

# ruff (pyflakes + pycodestyle, configured in pyproject.toml) over everything we write, sources included.
lint: $(STAMP)
	$(VENV)/bin/ruff check authoring shared autograder tests benchmarks

unit: $(STAMP)
	$(MAKE) --no-print-directory lint
	$(PY) -m autograder build --check
	$(TEST_ENV) $(PY) -m pytest -q -n $(JOBS) --dist loadfile shared/dlkit/tests autograder/tests tests

notebooks: $(STAMP)
	$(TEST_ENV) $(PY) -m pytest -q -n $(JOBS) --dist loadfile --nbval-lax $$(ls -d course*/)

selfcheck: $(STAMP)
	$(PY) -m autograder selfcheck

test: $(STAMP)
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory notebooks
	$(MAKE) --no-print-directory selfcheck

clean:
	rm -rf $(VENV) $(OLDEST_VENV) .pytest_cache

# The oldest NumPy pyproject.toml allows (numpy>=1.24), in its own venv beside .venv: the
# skeleton tests, dlkit's unit tests and every notebook must pass there too.
# tests/oldest-numpy-constraints.txt pins numpy and whatever must be held back with it.
OLDEST_VENV  := .venv-oldest
OLDEST_STAMP := $(OLDEST_VENV)/.installed-stamp

$(OLDEST_STAMP): pyproject.toml tests/oldest-numpy-constraints.txt
	test -x $(OLDEST_VENV)/bin/python || $(PYTHON) -m venv $(OLDEST_VENV)
	$(OLDEST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(OLDEST_VENV)/bin/python -m pip install --quiet --constraint tests/oldest-numpy-constraints.txt -e ".[test]"
	$(OLDEST_VENV)/bin/python -c 'import numpy; assert numpy.__version__.startswith("1.24."), numpy.__version__; print("numpy", numpy.__version__)'
	touch $(OLDEST_STAMP)

.PHONY: test-oldest-numpy
test-oldest-numpy: $(OLDEST_STAMP)
	$(TEST_ENV) $(OLDEST_VENV)/bin/python -m pytest -q -n $(JOBS) --dist loadfile tests/test_skeletons.py shared/dlkit/tests
	$(TEST_ENV) $(OLDEST_VENV)/bin/python -m pytest -q -n $(JOBS) --dist loadfile --nbval-lax $$(ls -d course*/)
