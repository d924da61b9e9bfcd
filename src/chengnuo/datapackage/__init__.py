"""The `datapackage` stage: tables in, a validated Frictionless data package out.

Field and table metadata live in src/chengnuo/metadata/{fields,tables}.yaml; the
descriptor, the writer and the validator read them. The data dictionary is
rendered from the descriptor they produce (chengnuo.downloads.dictionary).
"""

from chengnuo.datapackage.schema import build_descriptor
from chengnuo.datapackage.validate import validate_package
from chengnuo.datapackage.write import write_package

__all__ = [
    "build_descriptor",
    "validate_package",
    "write_package",
]
