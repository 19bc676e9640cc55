"""The `kring` console script: Flask's CLI around the app factory.

It lives apart from learn.cli, whose commands the factory registers, so that neither module
imports the other's importer. `kring run`, `kring db upgrade` and `flask --app learn ...`
all work the same.
"""

from __future__ import annotations

from flask.cli import FlaskGroup

from learn import create_app

main = FlaskGroup(create_app=create_app, help="Kring: beheer, inhoud en ontwikkelserver.")
