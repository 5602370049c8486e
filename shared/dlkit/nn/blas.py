"""How many threads numpy's BLAS uses: kept for old imports, the rule lives in ``dlkit.threads``."""
from ..threads import blas_threads, blas_threads_for_training, limit_blas_threads

__all__ = ["blas_threads", "blas_threads_for_training", "limit_blas_threads"]
