"""The `datapackage` stage: tables in, a validated Frictionless data package out.

Field and table metadata live in src/chengnuo/metadata/{fields,tables}.yaml; the
descriptor, the writer, the validator and the data dictionary all read them.
"""

from chengnuo.datapackage.dictionary import render_dictionary_en, render_dictionary_zh
from chengnuo.datapackage.schema import build_descriptor
from chengnuo.datapackage.validate import validate_package
from chengnuo.datapackage.write import write_package

__all__ = [
    "build_descriptor",
    "render_dictionary_en",
    "render_dictionary_zh",
    "validate_package",
    "write_package",
]
