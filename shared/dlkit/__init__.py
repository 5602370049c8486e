"""dlkit: the Deep Learning Companion's vectorised numpy reference library.

Modules, in the order the course meets them:

- ``activations``: sigmoid, tanh, relu, leaky relu, softmax and their derivatives
- ``basics``: Course 1 Week 2 numpy exercises (image2vector, normalize_rows, L1, L2, ...)
- ``losses``: stable binary cross-entropy
- ``logistic``: logistic regression (initialize_with_zeros, propagate, optimize, predict, model)
- ``gradcheck``: numeric gradients and the relative error of a gradient check
- ``shallow``: Course 1 Week 3, a two-layer network with tanh hidden units
- ``layers.dense``: dense-layer kernels, forward/backward pairs with caches (Course 1 Week 4)
- ``deep``: Course 1 Week 4, L-layer networks and the two training models
- ``data``: seeded, cached data sets (``data.load_binary_images``, ``data.planar``)
- ``plot``, ``plot_boundary``: labelled plots (cost curves, image galleries, decision boundaries)

Shapes follow the course: examples are columns, ``X.shape == (n_x, m)``.
"""
__version__ = "0.1.0"
