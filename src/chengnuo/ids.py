"""Id conventions that more than one floor relies on.

A name in an assignment bracket that the metadata lists (units.yaml, people.yaml)
do not hold still gets a row, under an id made from the name, so that no
assignment is lost. The prefix tells such ids apart: the records stage makes
them, and the English coverage gate (i18n/apply.py) counts them apart from a
listed name's, since an unlisted name has no English yet.
"""

from __future__ import annotations

import hashlib

UNLISTED_PREFIX = "unlisted-"


def unlisted_id(kind: str, jurisdiction_id: str, name: str) -> str:
    """The id of a name the lists do not hold: stable across builds, one per jurisdiction."""
    digest = hashlib.sha1(f"{jurisdiction_id}:{name}".encode()).hexdigest()[:10]
    return f"{UNLISTED_PREFIX}{kind}-{digest}"
