#!/usr/bin/python3
"""Checks a network map SVG with a real XML parser (network_map_test runs it).

Usage: ecomap_check.py MAP.svg EXPECTATIONS
EXPECTATIONS is UTF-8 text, one expectation a line: "people N" (person nodes), "lines N"
(connection lines outside the legend) and any number of "absent TEXT" (TEXT must not appear
anywhere in the document, e.g. a name on a redacted map). Prints what is wrong and exits 1,
or exits 0.
"""
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def classes(element):
    return element.get("class", "").split()


def check(svg_path, expected):
    problems = []
    raw = open(svg_path, "rb").read().decode("utf-8")
    root = ET.fromstring(raw.encode("utf-8"))  # raises on anything not well-formed
    if root.tag != SVG + "svg":
        problems.append("root is %s, not an SVG element" % root.tag)
    if root.get("role") != "img":
        problems.append('root lacks role="img"')
    for name in ("title", "desc"):
        element = root.find(SVG + name)
        if element is None or not (element.text or "").strip():
            problems.append("no %s for screen readers" % name)
    everything = list(root.iter())
    for element in everything:
        if element.tag in (SVG + "script", SVG + "foreignObject", SVG + "image", SVG + "a"):
            problems.append("forbidden element %s" % element.tag)
        for attribute, value in element.attrib.items():
            if attribute in ("href", XLINK + "href") or attribute.startswith("on"):
                problems.append("forbidden attribute %s" % attribute)
            if "url(" in value:
                problems.append("external reference in %s" % attribute)
        if element.tag == SVG + "text" and not (element.text or "").strip():
            problems.append("empty text label")
    # Nodes and lines of the map itself, leaving out the legend's samples.
    map_parts = [c for c in root if "legend" not in classes(c)]
    in_map = [e for part in map_parts for e in part.iter()]
    people = [e for e in in_map if "person" in classes(e)]
    lines = [e for e in in_map if "link" in classes(e)]
    if len(people) != expected["people"]:
        problems.append("%d person nodes, expected %d" % (len(people), expected["people"]))
    if len(lines) != expected["lines"]:
        problems.append("%d lines, expected %d" % (len(lines), expected["lines"]))
    texts = [raw] + [e.text or "" for e in everything] + [
        v for e in everything for v in e.attrib.values()]
    for secret in expected.get("absent", []):
        if any(secret in t for t in texts):
            problems.append("%r appears in the map" % secret)
    return problems


def read_expectations(path):
    expected = {"absent": []}
    for line in open(path, encoding="utf-8").read().splitlines():
        key, _, value = line.partition(" ")
        if key == "absent":
            expected["absent"].append(value)
        else:
            expected[key] = int(value)
    return expected


def main():
    try:
        problems = check(sys.argv[1], read_expectations(sys.argv[2]))
    except ET.ParseError as error:
        problems = ["not well-formed XML: %s" % error]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
