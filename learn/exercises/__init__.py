"""Exercise kinds: one module per kind, and ``registry`` mapping names to kinds.

A kind says everything about one ``type`` in exercises.yaml: its fields, how its content is
checked, how an answer is read and scored, what its template gets and how the journal shows
it. ``base.ExerciseKind`` is the contract; docs/architecture.md explains how to add a kind.
Nothing is imported here, so that a kind module can be imported on its own.
"""
