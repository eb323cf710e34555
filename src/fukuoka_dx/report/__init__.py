"""Presentation: everything drawn from the plan and an assessment for people and programs.

- :mod:`~fukuoka_dx.report.export`: the exported tables;
- :mod:`~fukuoka_dx.report.opendata`: the plan as a Data Package, and JSON Schemas;
- :mod:`~fukuoka_dx.report.overview`: counts and grids that several views show;
- :mod:`~fukuoka_dx.report.results`: an assessment as rows, and its roll-ups;
- :mod:`~fukuoka_dx.report.labels`: words for people, in Japanese or English;
- :mod:`~fukuoka_dx.report.screens`: what the terminal shows people;
- :mod:`~fukuoka_dx.report.text`: terminal tables;
- :mod:`~fukuoka_dx.report.notebook`: HTML for Jupyter;
- :mod:`~fukuoka_dx.report.chart`: charts (matplotlib);
- :mod:`~fukuoka_dx.report.html`: a one-file HTML report of an assessment;
- :mod:`~fukuoka_dx.report.excel`: Excel workbooks, the observations template and the
  results.

This package reads the model and the rules; they import none of it.
"""
