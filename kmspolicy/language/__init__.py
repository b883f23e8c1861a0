"""Policy text → IR: the Lark grammars, the transformer and the IR dataclasses."""
