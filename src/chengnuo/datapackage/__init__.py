"""The `datapackage` stage: tables in, a validated Frictionless data package out.

Field and table metadata live in src/chengnuo/metadata/{fields,tables}.yaml and
are read by chengnuo.schema (the ground floor); the descriptor, the writer and
the validator work from it. The data dictionary is
rendered from the descriptor they produce (chengnuo.downloads.dictionary).
"""

from chengnuo.datapackage.descriptor import build_descriptor
from chengnuo.datapackage.validate import validate_package
from chengnuo.datapackage.write import write_package

__all__ = [
    "build_descriptor",
    "validate_package",
    "write_package",
]
