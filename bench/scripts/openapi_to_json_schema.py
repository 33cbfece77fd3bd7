#!/usr/bin/env python3
"""Writes the JSON Schema (2020-12) form of an OpenAPI 3.0 spec's `components.schemas`, rooted at
one schema: what the peers in the benchmarks (typify, the `jsonschema` crate) take as input.

    python3 bench/scripts/openapi_to_json_schema.py specs/x.yaml Root.Schema > bench/peer/x.schema.json
    python3 bench/scripts/openapi_to_json_schema.py specs/x.json > bench/peer/x.schema.json

Without a root schema the document has only `$defs`: every schema of the spec, as typify then
generates a type for each.

Needs PyYAML (`pip install pyyaml`).
"""

import json
import sys

import yaml


def rewrite(value):
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str):
                out[key] = item.replace("#/components/schemas/", "#/$defs/")
            else:
                out[key] = rewrite(item)
        return out
    if isinstance(value, list):
        return [rewrite(item) for item in value]
    return value


def main() -> None:
    spec_path = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else None
    with open(spec_path, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    schemas = rewrite(spec["components"]["schemas"])
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if root is not None:
        document["title"] = root.rsplit(".", 1)[-1]
        document["$ref"] = f"#/$defs/{root}"
    document["$defs"] = schemas
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
