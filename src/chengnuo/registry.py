"""The registry of source files and of the documents inside them (reports/registry.yaml).

`load_registry` checks the registry on its own; the text stage checks it against the
files (`chengnuo.text.verify`: existence, sha256, encoding, line ranges). Every
problem is a one-line ChengnuoError naming reports/registry.yaml and the YAML line
of the bad entry, read from the YAML node marks so the user can jump straight to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

import yaml
from yaml.constructor import SafeConstructor

from chengnuo.schema import allowed_values
from chengnuo.errors import ChengnuoError
from chengnuo.formats import FORMATS, PDF_ENCODING
from chengnuo.project import Project
from chengnuo.reference import load_jurisdictions
from chengnuo.yaml_nodes import check_depth

KINDS = allowed_values("documents", "kind")
ENCODINGS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be",
                       "gb18030", PDF_ENCODING})

SOURCE_KEYS = ("source_id", "path", "sha256", "format", "encoding", "publisher_zh",
               "publisher_en", "published_date", "url", "documents")
DOCUMENT_KEYS = ("document_id", "kind", "jurisdiction_id", "year", "title_zh", "title_en",
                 "doc_number", "issued_date", "is_partial", "line_start", "line_end")
# Optional: a document says `english: pending` while its translation is still to come,
# so the English coverage gate (metadata/i18n.yaml) does not hold it yet.
OPTIONAL_DOCUMENT_KEYS = ("english",)
PENDING = "pending"
ENGLISH = ("required", PENDING)  # the first is what a document without the key gets

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLUG_HINT = "use lowercase a-z, 0-9 and single hyphens, e.g. liaocheng-2023-task-plan"


@dataclass(frozen=True)
class Document:
    document_id: str
    source_id: str
    kind: str
    jurisdiction_id: str
    year: int
    title_zh: str
    title_en: str
    doc_number: str | None
    issued_date: date | None
    is_partial: bool
    line_start: int
    line_end: int
    english: str = ENGLISH[0]
    line: int = field(default=0, compare=False)  # where the entry sits in registry.yaml

    @property
    def english_pending(self) -> bool:
        return self.english == PENDING


@dataclass(frozen=True)
class Source:
    source_id: str
    path: str
    sha256: str
    format: str
    encoding: str
    publisher_zh: str | None
    publisher_en: str | None
    published_date: date | None
    url: str | None
    documents: tuple[Document, ...]
    line: int = field(default=0, compare=False)
    sha256_line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Registry:
    sources: tuple[Source, ...]
    where: str = "reports/registry.yaml"

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(document for source in self.sources for document in source.documents)

    @property
    def english_pending(self) -> frozenset[str]:
        """The documents whose English is still to come (`english: pending`)."""
        return frozenset(d.document_id for d in self.documents if d.english_pending)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.source_id == source_id:
                return source
        raise ChengnuoError(f"no source with source_id '{source_id}'", path=self.where)

    def document(self, document_id: str) -> Document:
        for document in self.documents:
            if document.document_id == document_id:
                return document
        raise ChengnuoError(f"no document with document_id '{document_id}'", path=self.where)


def latest_year(today: date) -> int:
    """The latest year a document can be for: next year's plan can be registered
    before New Year; anything later is a typo."""
    return today.year + 1


def load_registry(project: Project, *, today: date | None = None) -> Registry:
    """Read and check reports/registry.yaml; `today` is injectable for tests."""
    where = project.relative(project.registry_path)
    if not project.registry_path.is_file():
        raise ChengnuoError("the registry does not exist", path=where,
                            hint="describe each file in reports/ there")
    try:
        text = project.registry_path.read_text(encoding="utf-8")
        check_depth(text, where)  # the composer recurses: 100,000 `[` would overflow it
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise ChengnuoError(f"not valid YAML: {error.problem}", path=where, line=line) from None
    except UnicodeDecodeError:
        raise ChengnuoError("not UTF-8 text", path=where, hint="save it as UTF-8") from None
    reader = _Reader(where, today or date.today())
    top = reader.mapping(root, "the registry", ("sources",), line=1)
    sources = tuple(reader.source(node) for node in reader.sequence(top["sources"], "sources"))
    reader.check_unique(sources)
    return Registry(sources, where)


class _Reader:
    """Turns YAML nodes into checked values; every error carries the node's line."""

    def __init__(self, where: str, today: date):
        self.where = where
        self.today = today
        self._constructor = SafeConstructor()

    def fail(self, node_or_line: yaml.Node | int, message: str, hint: str | None = None):
        line = node_or_line if isinstance(node_or_line, int) else node_or_line.start_mark.line + 1
        raise ChengnuoError(message, path=self.where, line=line, hint=hint)

    def mapping(self, node, what: str, keys: tuple[str, ...], line: int | None = None,
                optional: tuple[str, ...] = ()) -> dict:
        if not isinstance(node, yaml.MappingNode):
            self.fail(line or node, f"{what} must be a mapping of keys to values")
        values = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, f"{what} has a key that is not plain text")
            key = key_node.value
            if key not in keys and key not in optional:
                self.fail(key_node, f"unknown key '{key}' in {what}",
                          hint="allowed keys: " + ", ".join(keys + optional))
            if key in values:
                self.fail(key_node, f"key '{key}' appears twice in {what}")
            values[key] = value_node
        for key in keys:
            if key not in values:
                self.fail(node, f"{what} is missing key '{key}'")
        return values

    def sequence(self, node, what: str) -> list:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fail(node, f"{what} must be a non-empty list")
        return node.value

    def scalar(self, node, key: str):
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{key} must be a single value")
        if node.tag.endswith(":timestamp"):  # keep dates as text; `date` parses them
            return node.value
        try:
            return self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError):  # ValueError: an integer of over 4,300 digits
            self.fail(node, f"{key} has a value YAML cannot read: '{node.value}'")

    def text(self, node, key: str, *, nullable: bool = False, pattern: re.Pattern | None = None,
             hint: str | None = None) -> str | None:
        value = self.scalar(node, key)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(node, f"{key} must be non-empty text" + (" or null" if nullable else ""))
        if pattern and not pattern.fullmatch(value):
            self.fail(node, f"{key} '{value}' is not a valid {key}", hint)
        return value

    def slug(self, node, key: str) -> str:
        value = self.text(node, key)
        if not _SLUG.fullmatch(value):
            self.fail(node, f"{key} '{value}' is not a lowercase ASCII slug", _SLUG_HINT)
        return value

    def choice(self, node, key: str, allowed) -> str:
        value = self.text(node, key)
        if value not in allowed:
            self.fail(node, f"{key} '{value}' is not one of: " + ", ".join(allowed))
        return value

    def date(self, node, key: str) -> date | None:
        value = self.scalar(node, key)
        if value is None:
            return None
        try:
            if not _ISO_DATE.fullmatch(str(value)):
                raise ValueError
            parsed = date.fromisoformat(str(value))
        except ValueError:
            self.fail(node, f"{key} '{value}' is not an ISO date (YYYY-MM-DD)")
        if parsed > self.today:
            self.fail(node, f"{key} {parsed.isoformat()} is in the future (today is {self.today.isoformat()})")
        return parsed

    def integer(self, node, key: str) -> int:
        value = self.scalar(node, key)
        if type(value) is not int:
            self.fail(node, f"{key} must be a whole number, not '{node.value}'")
        return value

    def boolean(self, node, key: str) -> bool:
        value = self.scalar(node, key)
        if type(value) is not bool:
            self.fail(node, f"{key} must be true or false, not '{node.value}'")
        return value

    def source(self, node) -> Source:
        # Fields are read in file order, so the first error reported is the first in the file.
        fields = self.mapping(node, "a source entry", SOURCE_KEYS)
        source_id = self.slug(fields["source_id"], "source_id")
        path = self.text(fields["path"], "path")
        pure = PurePosixPath(path)
        if pure.is_absolute() or ".." in pure.parts or "\\" in path:
            self.fail(fields["path"], f"path '{path}' must be relative to reports/")
        if any(len(part.encode("utf-8")) > 255 for part in pure.parts):
            self.fail(fields["path"], f"path '{path[:60]}…' has a name longer than a file system "
                      "allows (255 bytes)")
        sha256 = self.text(fields["sha256"], "sha256", pattern=_SHA256,
                           hint="64 lowercase hex digits, as printed by sha256sum")
        file_format = self.choice(fields["format"], "format", FORMATS)
        if pure.suffix.lower() not in FORMATS[file_format]:
            self.fail(fields["format"], f"format '{file_format}' does not match the file name '{path}'")
        return Source(
            source_id=source_id, path=path, sha256=sha256, format=file_format,
            encoding=self.choice(fields["encoding"], "encoding", sorted(ENCODINGS)),
            publisher_zh=self.text(fields["publisher_zh"], "publisher_zh", nullable=True),
            publisher_en=self.text(fields["publisher_en"], "publisher_en", nullable=True),
            published_date=self.date(fields["published_date"], "published_date"),
            url=self.text(fields["url"], "url", nullable=True, pattern=re.compile(r"https?://\S+"),
                          hint="a full http(s) address, or null when unknown"),
            documents=self.documents(fields["documents"], source_id),
            line=node.start_mark.line + 1,
            sha256_line=fields["sha256"].start_mark.line + 1,
        )

    def documents(self, node, source_id: str) -> tuple[Document, ...]:
        documents = tuple(self.document(item, source_id) for item in self.sequence(node, "documents"))
        self.check_no_overlap(documents)
        return documents

    def document(self, node, source_id: str) -> Document:
        fields = self.mapping(node, "a document entry", DOCUMENT_KEYS, optional=OPTIONAL_DOCUMENT_KEYS)
        values = {
            "document_id": self.slug(fields["document_id"], "document_id"),
            "kind": self.choice(fields["kind"], "kind", KINDS),
            "jurisdiction_id": self.choice(fields["jurisdiction_id"], "jurisdiction_id",
                                           sorted(j.jurisdiction_id for j in load_jurisdictions())),
            "year": self.year(fields["year"]),
            "title_zh": self.text(fields["title_zh"], "title_zh"),
            "title_en": self.text(fields["title_en"], "title_en"),
            "doc_number": self.text(fields["doc_number"], "doc_number", nullable=True),
            "issued_date": self.date(fields["issued_date"], "issued_date"),
            "is_partial": self.boolean(fields["is_partial"], "is_partial"),
            "line_start": self.integer(fields["line_start"], "line_start"),
            "line_end": self.integer(fields["line_end"], "line_end"),
        }
        if "english" in fields:
            values["english"] = self.choice(fields["english"], "english", ENGLISH)
        if values["line_start"] < 1:
            self.fail(fields["line_start"], f"line_start {values['line_start']} must be 1 or more")
        if values["line_end"] < values["line_start"]:
            self.fail(fields["line_end"], f"line_end {values['line_end']} is before line_start "
                      f"{values['line_start']}")
        return Document(source_id=source_id, line=node.start_mark.line + 1, **values)

    def year(self, node) -> int:
        year = self.integer(node, "year")
        if year > latest_year(self.today):
            self.fail(node, f"year {year} is too far in the future (today is "
                      f"{self.today.isoformat()}; the latest possible year is {latest_year(self.today)})")
        return year

    def check_no_overlap(self, documents: tuple[Document, ...]) -> None:
        ordered = sorted(documents, key=lambda document: (document.line_start, document.line))
        for before, after in zip(ordered, ordered[1:]):
            if after.line_start <= before.line_end:
                later = max(before, after, key=lambda document: document.line)
                other = after if later is before else before
                self.fail(later.line, f"document '{later.document_id}' (lines {later.line_start}-"
                          f"{later.line_end}) overlaps document '{other.document_id}' (lines "
                          f"{other.line_start}-{other.line_end}) in the same source")

    def check_unique(self, sources: tuple[Source, ...]) -> None:
        seen: dict[tuple[str, str], int] = {}
        entries = [(("source_id", s.source_id), s.line) for s in sources]
        # `x.txt` and `./x.txt` are one file.
        entries += [(("path", PurePosixPath(s.path).as_posix()), s.line) for s in sources]
        entries += [(("document_id", d.document_id), d.line) for s in sources for d in s.documents]
        for (key, value), line in entries:
            if (key, value) in seen:
                self.fail(line, f"duplicate {key} '{value}' (first used at line {seen[key, value]})")
            seen[key, value] = line
