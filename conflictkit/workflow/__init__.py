"""Running the coder at scale and end to end: corpora coded in resumable
chunks (serially or on Dask), the ``conflictkit`` command line, and the
narrative notebooks executed to regenerate ``figures/``.
"""

from .corpus import DASK_CODING_CONFIG, code_corpus, read_coding

__all__ = ["code_corpus", "read_coding", "DASK_CODING_CONFIG"]
