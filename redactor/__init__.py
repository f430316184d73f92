"""redactor: removes personal data from session recordings before they are stored."""

__version__ = "0.1.0"
