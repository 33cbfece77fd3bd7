#!/usr/bin/env python3
"""Writes a synthetic JSON Schema with N object definitions, for the generation benchmarks.

Every object has strings, an int64, a double, a date-time, an inline enum, an array of strings,
an array of references to another object, and (from the second on) a `parent` reference to the
object before it: a by-value back-reference, which chains all objects together. The output is
deterministic.

    python3 bench/scripts/synthetic_schema.py [N] > target/synthetic.json
"""

import json
import sys


def definition(i: int, n: int) -> dict:
    properties = {
        "id": {"type": "string", "description": f"Identifier of object {i}."},
        "name": {"type": "string", "maxLength": 80},
        "created": {"type": "string", "format": "date-time"},
        "size": {"type": "integer", "format": "int64", "minimum": 0},
        "ratio": {"type": "number", "format": "double"},
        "kind": {"type": "string", "enum": ["SMALL", "MEDIUM", "LARGE", f"SPECIAL_{i % 7}"]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "related": {"type": "array", "items": {"$ref": f"#/$defs/Object{(i * 7 + 3) % n:04}"}},
    }
    if i > 0:
        properties["parent"] = {"$ref": f"#/$defs/Object{i - 1:04}"}
    return {
        "type": "object",
        "description": f"Synthetic object number {i}.",
        "required": ["id", "created", "kind"],
        "properties": properties,
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Synthetic",
        "$defs": {f"Object{i:04}": definition(i, n) for i in range(n)},
    }
    json.dump(schema, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
