"""Moving frameworks in and out: the app's own JSON, Moodle's competency CSV and 1EdTech CASE 1.1.

- native.py, native_import.py  JSON export and import of a whole framework (identical round trip)
- moodle.py  CSV in the 14-column layout of Moodle's tool_lpimportcsv (export and import)
- case.py    CASE 1.1 CFPackage (export only)
- selectors.py  the one read of a whole framework the exports share
"""

from .errors import MAX_UPLOAD_BYTES, ImportErrors

__all__ = ["ImportErrors", "MAX_UPLOAD_BYTES"]
