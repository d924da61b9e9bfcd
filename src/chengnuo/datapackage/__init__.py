"""The `datapackage` stage: tables in, a validated Frictionless data package out.

Field and table metadata live in src/chengnuo/metadata/{fields,tables}.yaml and
are read by chengnuo.schema (the ground floor); the descriptor, the writer and
the validator work from it. The data dictionary is
rendered from the descriptor they produce (chengnuo.downloads.dictionary).
Everything that reads the published package (the site, the downloads, `chengnuo
diff`, `chengnuo i18n`) reads it with `read_package` or `read_rows`.
"""

from chengnuo.datapackage.descriptor import build_descriptor
from chengnuo.datapackage.read import read_package, read_rows
from chengnuo.datapackage.validate import validate_package
from chengnuo.datapackage.write import write_package

__all__ = [
    "build_descriptor",
    "read_package",
    "read_rows",
    "validate_package",
    "write_package",
]
