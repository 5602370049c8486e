"""dlkit: the Deep Learning Companion's vectorised numpy reference library.

Modules, in the order the course meets them:

- ``activations``: sigmoid, tanh, relu, leaky relu, softmax and their derivatives
- ``basics``: Course 1 Week 2 numpy exercises (image2vector, normalize_rows, L1, L2, ...)
- ``losses``: stable binary cross-entropy
- ``logistic``: logistic regression (initialize_with_zeros, propagate, optimize, predict, model)
- ``gradcheck``: numeric gradients and the relative error of a gradient check
- ``data``: seeded, cached data sets (``data.load_binary_images``)
- ``plot``: labelled plots (cost curves, image galleries)

Shapes follow the course: examples are columns, ``X.shape == (n_x, m)``.
"""
__version__ = "0.1.0"
