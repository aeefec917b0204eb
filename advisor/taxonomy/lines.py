"""YAML with line numbers, and schema problems located at their file, line and field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

if TYPE_CHECKING:  # pydantic loads where a file is validated, not for TaxonomyError
    from pydantic import BaseModel

Model = TypeVar("Model", bound="BaseModel")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the taxonomy files, where it is and what it is."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class TaxonomyError(ValueError):
    """The taxonomy files have problems; `problems` lists them all, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        shown = "; ".join(str(p) for p in self.problems[:3])
        more = f" (and {len(self.problems) - 3} more)" if len(self.problems) > 3 else ""
        super().__init__(f"the taxonomy has {len(self.problems)} problem(s): {shown}{more}")


# ---------------------------------------------------------------- YAML with line numbers


class LineDict(dict[Any, Any]):
    """A mapping that remembers the line of itself and of each key."""

    line = 1
    key_lines: dict[Any, int]


class LineList(list[Any]):
    """A sequence that remembers the line of itself and of each item."""

    line = 1
    item_lines: list[int]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    duplicate_keys: list[tuple[int, str]]


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Iterator[LineDict]:
    data = LineDict()
    data.line, data.key_lines = node.start_mark.line + 1, {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in data:
            loader.duplicate_keys.append((key_node.start_mark.line + 1, str(key)))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> Iterator[LineList]:
    data = LineList()
    data.line, data.item_lines = node.start_mark.line + 1, []
    yield data
    for item in node.value:
        data.append(loader.construct_object(item, deep=True))
        data.item_lines.append(item.start_mark.line + 1)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def read_yaml(path: Path, name: str) -> tuple[Any, list[Problem]]:
    """The document in `path`, with line numbers, and the problems found while reading it."""
    try:
        loader = _LineLoader(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, 1, "(file)", f"cannot be read: {error}")]
    loader.duplicate_keys = []
    try:
        document = loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(name, line, "(syntax)", f"not valid YAML: {reason}")]
    finally:
        loader.dispose()
    problems = [Problem(name, ln, key, "key appears twice") for ln, key in loader.duplicate_keys]
    return document, problems


def line_of(document: Any, path: tuple[Any, ...]) -> int:
    """The line of the deepest part of `path` that exists in `document`."""
    node, line = document, getattr(document, "line", 1)
    for part in path:
        if isinstance(node, LineDict):
            key = next((k for k in (part, _as_int(part)) if k in node), None)
            if key is None:
                break
            line, node = node.key_lines[key], node[key]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line, node = node.item_lines[part], node[part]
        else:
            break
    return line


def _as_int(part: Any) -> Any:
    return int(part) if isinstance(part, str) and part.isdigit() else part


def _stringify_keys(value: Any) -> Any:
    # YAML reads anchor keys 1, 3, 5 as numbers; the schema names them as strings.
    if isinstance(value, dict):
        return {str(k) if isinstance(k, int) else k: _stringify_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_keys(v) for v in value]
    return value


def validate(model: type[Model], document: Any, name: str) -> tuple[Model | None, list[Problem]]:
    """The document as `model`, or the schema problems, each with its line and field."""
    from pydantic import ValidationError

    try:
        return model.model_validate(_stringify_keys(document)), []
    except ValidationError as error:
        return None, [_schema_problem(document, name, e) for e in error.errors()]


def _schema_problem(document: Any, name: str, error: Any) -> Problem:
    loc = tuple(error["loc"])
    field = _field_name(document, loc)
    return Problem(name, line_of(document, loc), field, error["msg"])


def _field_name(document: Any, loc: tuple[Any, ...]) -> str:
    # "skills[3].anchors.5.fr" reads better as "mlops.serving: anchors.5.fr".
    parts = [str(p) for p in loc]
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(document, dict):
        items = document.get(loc[0])
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            owner = items[loc[1]].get("id")
            if owner:
                return f"{owner}: {'.'.join(parts[2:]) or 'id'}"
    return ".".join(parts) or "(document)"
