"""advisor: a career skills-gap advisor for IT people whose work is being reshaped by AI.

Importing this package imports nothing else: the web app lives in `advisor.app`, the pure domain
in `advisor.core`, so scripts that only need the core never pay for Flask or SQLModel.
"""

__version__ = "0.1.0"
