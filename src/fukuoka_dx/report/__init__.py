"""Presentation: everything drawn from the plan and an assessment for people and programs.

:mod:`.export` (the exported tables), :mod:`.overview` (counts and grids), :mod:`.text`
(terminal tables), :mod:`.notebook` (HTML for Jupyter) and :mod:`.chart` (matplotlib). This
package reads the model and the rules; they import none of it.
"""
