"""Where recognition may run: the choices Settings keeps and the recognizer honours (a leaf: no imports)."""

DEVICES = ("auto", "cpu", "cuda")
