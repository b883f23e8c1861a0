"""Type stub of the compiled glob matcher (kmspolicy/_fast/_glob.pyx)."""

class Glob:
    """``*`` matches any run of characters, ``?`` exactly one; the whole text must match."""

    @property
    def text(self) -> str: ...
    def match(self, subject: str) -> bool: ...

def compile_glob(pattern: str | tuple[tuple[str, bool], ...]) -> Glob: ...
