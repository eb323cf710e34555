"""The commands, one module each: ``register`` adds its parser, ``run`` does the work with
typed values. The commands import none of each other."""
