#!/usr/bin/env python3
"""Write the route inventory of /api/v2/conversations from the installed
official Python SDK (PyPI `PureCloudPlatformClientV2`), fact sheet section 7.

Usage: python3 scripts/gen-routes.py [OUTPUT]
OUTPUT defaults to src/genesys/routes/conversations-routes.tsv; `-` writes to
standard output.

The SDK is read as text and parsed with `ast`; nothing of it is imported or
executed. Every method of every `apis/*.py` file that calls
`self.api_client.call_api(resource_path, '<VERB>', ...)` with a
`resource_path` under /api/v2/conversations is one route:

- verb and path: the `call_api` verb and the `resource_path` literal;
- body model and body required: the docstring's `:param <Model> body:` line,
  "(required)" at its end (no such line: no body);
- return type: the `response_type=` argument (`None`: no body);
- lifecycle: `deprecated` when the method carries the SDK's `@deprecated`
  decorator, `preview` when its docstring says "is a preview method",
  `current` otherwise.

A (verb, path) pair that two api files both define is kept once, from
conversations_api.py when it is one of them. Rows are sorted by path, then
verb, so the output is deterministic. Python 3.11 standard library only.
"""

from __future__ import annotations

import ast
import importlib.util
import pathlib
import re
import sys

PREFIX = "/api/v2/conversations"
HEADER = (
    "verb",
    "path",
    "python_method",
    "body_model",
    "body_required",
    "lifecycle",
    "return_type",
    "python_api_file",
    "python_line",
)
VERB_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
PRIMARY_FILE = "conversations_api.py"
DEFAULT_OUTPUT = "src/genesys/routes/conversations-routes.tsv"
BODY_PARAM = re.compile(r"^\s*:param\s+(.+?)\s+body:(.*)$", re.MULTILINE)


def sdk_apis() -> tuple[str, pathlib.Path]:
    """The SDK's version and its apis/ directory, found without importing it."""
    spec = importlib.util.find_spec("PureCloudPlatformClientV2")
    if spec is None or spec.origin is None:
        sys.exit("PureCloudPlatformClientV2 is not installed: python3 -m pip install PureCloudPlatformClientV2")
    package = pathlib.Path(spec.origin).parent
    version = "unknown"
    config = (package / "configuration.py").read_text(encoding="utf-8")
    found = re.search(r"SDK Package Version: ([0-9.]+)", config)
    if found:
        version = found.group(1)
    return version, package / "apis"


def literal(node: ast.AST) -> str | None:
    """The string of `'...'` or `'...'.replace(...)`, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "replace"
    ):
        return literal(node.func.value)
    return None


def is_deprecated(function: ast.FunctionDef) -> bool:
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Name) and target.id == "deprecated":
            return True
    return False


def route_of(function: ast.FunctionDef) -> dict[str, str] | None:
    """The route a method calls, or None when it calls no route of the namespace."""
    resource_path = None
    call = None
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "resource_path" for t in node.targets
        ):
            resource_path = literal(node.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "call_api"
        ):
            call = node
    if resource_path is None or call is None or len(call.args) < 2:
        return None
    if resource_path != PREFIX and not resource_path.startswith(PREFIX + "/"):
        return None
    verb = literal(call.args[1])
    if verb is None:
        return None
    returns = ""
    for keyword in call.keywords:
        if keyword.arg == "response_type":
            returns = literal(keyword.value) or ""
    doc = ast.get_docstring(function, clean=False) or ""
    body_model, body_required = "", ""
    body = BODY_PARAM.search(doc)
    if body:
        body_model = body.group(1).strip()
        body_required = "required" if "(required)" in body.group(2) else "optional"
    if is_deprecated(function):
        lifecycle = "deprecated"
    elif "is a preview method" in doc:
        lifecycle = "preview"
    else:
        lifecycle = "current"
    return {
        "verb": verb.upper(),
        "path": resource_path,
        "python_method": function.name,
        "body_model": body_model,
        "body_required": body_required,
        "lifecycle": lifecycle,
        "return_type": returns,
        "python_line": str(function.lineno),
    }


def routes(apis: pathlib.Path) -> list[dict[str, str]]:
    found: dict[tuple[str, str], dict[str, str]] = {}
    # conversations_api.py first, so a pair it defines is kept from there.
    files = sorted(apis.glob("*_api.py"), key=lambda p: (p.name != PRIMARY_FILE, p.name))
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for function in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
                route = route_of(function)
                if route is None:
                    continue
                route["python_api_file"] = file.name
                found.setdefault((route["verb"], route["path"]), route)
    rank = {verb: i for i, verb in enumerate(VERB_ORDER)}
    return sorted(found.values(), key=lambda r: (r["path"], rank.get(r["verb"], 99), r["verb"]))


def render(version: str, rows: list[dict[str, str]]) -> str:
    lines = [
        f"# Routes under {PREFIX} in PureCloudPlatformClientV2 {version} (Python SDK), "
        f"{len(rows)} rows. Generated by scripts/gen-routes.py; do not edit by hand.",
        "\t".join(HEADER),
    ]
    for row in rows:
        if any("\t" in row[column] or "\n" in row[column] for column in HEADER):
            sys.exit(f"a tab or newline in {row['python_method']}")
        lines.append("\t".join(row[column] for column in HEADER))
    return "\n".join(lines) + "\n"


def main() -> None:
    output = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUTPUT
    version, apis = sdk_apis()
    text = render(version, routes(apis))
    if output == "-":
        sys.stdout.write(text)
    else:
        pathlib.Path(output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
