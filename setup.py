"""Build script: the Cython modules under kmspolicy/_fast, the request path's Python modules
compiled from source (kmspolicy/_build.py names them), and grammar/ shipped as package data.

Set KMSPOLICY_NO_EXTENSIONS=1 to build a pure-Python install (the reference evaluator only).
"""

import os
import runpy
from glob import glob

from setuptools import find_packages, setup

NO_EXTENSIONS = bool(os.environ.get("KMSPOLICY_NO_EXTENSIONS"))

ext_modules = []
if not NO_EXTENSIONS:
    from Cython.Build import cythonize

    ext_modules = cythonize(
        sorted(glob("kmspolicy/_fast/*.pyx")),
        compiler_directives={
            "language_level": "3",
            "boundscheck": False,
            "wraparound": False,
            "cdivision": True,
            "initializedcheck": False,
        },
        annotate=bool(os.environ.get("KMSPOLICY_CYTHON_ANNOTATE")),
    ) + cythonize(
        list(runpy.run_path("kmspolicy/_build.py")["COMPILED_SOURCES"]),
        # Python semantics throughout: annotations are hints, not C types
        compiler_directives={"language_level": "3", "binding": True, "annotation_typing": False},
        build_dir="build/cython",  # the generated C stays out of the source tree
    )
    print("*** kmspolicy: accelerated build (Cython evaluator) ***")
else:
    print("*** kmspolicy: pure-Python build (KMSPOLICY_NO_EXTENSIONS set) ***")

setup(
    packages=[*find_packages(include=["kmspolicy", "kmspolicy.*"]), "kmspolicy.grammar"],
    # The top-level grammar/ folder is the package kmspolicy.grammar inside the wheel.
    package_dir={"kmspolicy.grammar": "grammar"},
    package_data={
        "kmspolicy.grammar": ["*.lark"],
        "kmspolicy": ["py.typed"],
        "kmspolicy._fast": ["*.pyi", "*.pxd", "*.pyx"],
    },
    ext_modules=ext_modules,
)
