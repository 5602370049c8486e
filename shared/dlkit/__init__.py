"""dlkit: the Deep Learning Companion's vectorised numpy reference library.

Modules, in the order the course meets them:

- ``activations``: sigmoid, tanh, relu, leaky relu, softmax and their derivatives
- ``basics``: Course 1 Week 2 numpy exercises (image2vector, normalize_rows, L1, L2, ...)
- ``losses``: stable binary cross-entropy
- ``logistic``: logistic regression (initialize_with_zeros, propagate, optimize, predict, model)
- ``gradcheck``: numeric gradients and the relative error of a gradient check
- ``shallow``: Course 1 Week 3, a two-layer network with tanh hidden units
- ``layers``: the layer math, once: dense, activations, dropout, initialisation scales, losses, each an
  unchecked core and a checked course kernel (forward/backward pairs with caches)
- ``deep``: Course 1 Week 4, L-layer networks and the two training models
- ``practical``: Course 2 Week 1, split sizes, bias/variance diagnosis, the basic recipe, input normalisation
- ``initializers``: zeros, scaled random, Xavier and He initialisation of an L-layer net
- ``regularization``: L2 cost and gradient, inverted dropout, the regularised 3-layer model
- ``optim``: GD, momentum, RMSprop and Adam, per array and per parameter dictionary
- ``minibatch``: shuffle-and-partition mini-batches
- ``schedules``: exponentially weighted averages, learning-rate decay
- ``train``: mini-batch training of an L-layer net with a chosen optimiser (Course 2 Week 2)
- ``tuning``: log-scale sampling and coarse-to-fine random search
- ``batchnorm``: batch normalisation forward (train and test mode) and backward
- ``labels``: one-hot encoding; ``losses`` also has the softmax cross-entropy
- ``nn``: a small framework (modules with forward/backward, Sequential, optimisers, ``fit``) that Courses 4-5 build on
- ``strategy``, ``error_analysis``, ``multitask``, ``transfer``: Course 3's decisions as computation
- ``data``: seeded, cached data sets (``data.load_binary_images``, ``data.load_signs``, ``data.planar``)
- ``plot``, ``plot_boundary``: labelled plots (cost curves, image galleries, decision boundaries)
- ``threads``: how many BLAS threads training uses (the CPUs nobody else is using, or
  ``DLKIT_BLAS_THREADS``), applied to every training loop here and, when dlkit is imported in a
  Jupyter kernel, to the whole kernel before each cell

Shapes follow the course: examples are columns, ``X.shape == (n_x, m)``, in Courses 1-2;
images are ``(m, n_H, n_W, n_C)`` in Course 4 and sequences ``(n_x, m, T_x)`` in Course 5.
"""
__version__ = "0.1.0"

from . import threads as _threads

if _threads.in_jupyter_kernel():   # a student's own training loop gets the rule too
    _threads.follow_in_kernel()
