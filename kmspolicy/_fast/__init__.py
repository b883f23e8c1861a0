"""Compiled (Cython) twins of the reference modules. Import through kmspolicy._compat."""
