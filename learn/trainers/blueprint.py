"""The trainers blueprint, in its own module so that its route modules can share it."""

from flask import Blueprint

bp = Blueprint("trainers", __name__)
