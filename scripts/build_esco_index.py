"""Build advisor/data/esco_ict.json, the compact ESCO ICT index the extractor matches.

Run with `python scripts/build_esco_index.py [SHARED_DATA_DIR]` (default: ../shared/data beside
the checkout). It reads ESCO's ICT skills (esco/esco_ict_skills_en_fr.csv) and keeps, per
concept, its URI, its preferred labels in English and French, and the alternative labels that
pass the precision rules below; the source file itself is never shipped.

Precision rules (each one removes names that match ordinary words or nothing at all):
- names of fewer than 3 characters are dropped ("R", "ML", "ST");
- a preferred label with a qualifier, "SaaS (service-oriented modelling)", also gives its name
  without it when no other concept uses that name;
- a label "principles of X" (« principes de X ») also gives X when X has two words or more and
  no concept uses it: ads ask for "artificial intelligence", not for its principles;
- names of more than 6 words, articles and prepositions left out, are dropped (descriptions,
  never written as such in an ad); counting those would drop French names for their « de »
  (« systèmes de gestion de base de données » is three words that mean something, like
  "database management systems");
- an alternative label that another concept also uses (as its own preferred or alternative
  label), or that is the preferred label of any other ESCO skill ("SQL" for database
  management systems), is dropped: it names the other concept;
- an alternative label in lower case made of one ordinary word (one that SkillSpan's
  non-technical training job ads use, or that ESCO's non-ICT skill labels use in English or
  French: "database", "alarms", « recherche ») is dropped;
- a name with a capital that is also a common word in lower case ("Chef", "Puppet", "Access"),
  every acronym ("SQL", "IAM"), and an alternative label of one word with a capital under a
  kind of thing (a product: "Versant" under *database management systems*, not « les versants
  d'une vallée ») must then be matched with its exact case;
- a few alternative labels that ESCO files under a concept they do not name (MISFILED) are left
  out: « analyses de données » and « données structurées » are not *unstructured data*;
- under a concept that is a kind of thing (its preferred label in lower case), an alternative
  label written with a capital that ends with another ICT concept's preferred label, as
  written, is that concept's product, not a name of the kind: "Microsoft SQL Server" under
  *database management systems* is *SQL Server* (three names of ESCO's file: "Microsoft SQL
  Server", "Quadbase SQL Server", "NonStop SQL");
- the alternative labels of *computer programming* that name one language ("PowerShell",
  "OCaml", "Fortran") are instances of it, not names: a language named is a narrower thing, as
  the taxonomy's own language skills say with `broadMatch` (INSTANCES_ONLY).

ESCO publishes its newer concepts in English only. For each of them, the French
label comes from `scripts/esco_labels_fr.yaml` (the standard French term, written by advisor's
curators): it is shown to French readers and matched like a preferred label; the build stops
if another concept already uses it.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "advisor" / "data" / "esco_ict.json"
FRENCH_LABELS = Path(__file__).resolve().parent / "esco_labels_fr.yaml"
URI_PREFIX = "http://data.europa.eu/esco/skill/"
MAX_WORDS = 6
MIN_CHARS = 3
COMMON_WORD_MIN = 5
# Articles and prepositions, which a name's length in words leaves out.
FUNCTION_WORDS = frozenset(
    "a an and by for in of on the to with "
    "à au aux de des du en et la le les par pour sur un une".split()
)
LABEL_COLUMNS = ("preferredLabel_en", "altLabels_en", "preferredLabel_fr", "altLabels_fr")
# Alternative labels that name something else than their concept (by URI suffix): data analysis
# and structured data are no names of unstructured data.
MISFILED = {
    "c5e8abde-d2ba-4e8e-a65e-720b71180666": {"analyses de données", "données structurées"},
}
# Concepts whose alternative labels are mostly instances (one language each): only the labels
# in lower case that are not one word ("software programming") name the concept itself.
INSTANCES_ONLY = {"21d2f96d-35f7-4e3f-9745-c533d2dd6e97"}  # computer programming


def ad_words(shared: Path) -> Counter[str]:
    """Lower-case words of SkillSpan's non-technical training job ads (not the development
    data): the words any job ad uses ("database", "alarms")."""
    counts: Counter[str] = Counter()
    path = shared / "benchmarks" / "skillspan" / "skillspan_house_train.conll"
    for line in path.read_text(encoding="utf-8").splitlines():
        token = line.split("\t", 1)[0]
        if token and token.islower():
            counts[token] += 1
    return counts


def ordinary_words(shared: Path, ict: set[str]) -> set[str]:
    """Lower-case words of ESCO's non-ICT skill labels: "access", "puppet", "swift", "unity"
    are ordinary words there, "java" and "python" are not."""
    words: set[str] = set()
    with (shared / "esco" / "esco_skills_en_v1.1.1.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["is_ict"] != "True" and row["conceptUri"] not in ict:
                labels = row["preferredLabel_en"] + " " + row["altLabels_en"]
                words.update(w for w in re.findall(r"[A-Za-z]+", labels) if w.islower())
    with (shared / "esco" / "skills_fr_api_v1.2.1.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["conceptUri"] not in ict:
                labels = row["preferredLabel"] + " " + row["altLabels"]
                words.update(w for w in re.findall(r"\w+", labels) if w.islower())
    return words


def preferred_labels(shared: Path) -> dict[str, str]:
    """Every ESCO skill's preferred English label (folded to lower case) and its URI."""
    with (shared / "esco" / "esco_skills_en_v1.1.1.csv").open(encoding="utf-8") as handle:
        return {
            row["preferredLabel_en"].casefold(): row["conceptUri"] for row in csv.DictReader(handle)
        }


TOPIC_OF = re.compile(r"^(?:principles of|principes de(?: la| l’| l')?|basics of)\s*(.+)$", re.I)


def topic(name: str) -> str | None:
    """The subject a knowledge label is about, as ads name it: "principles of artificial
    intelligence" is asked for as "artificial intelligence" (subjects of two words or more)."""
    match = TOPIC_OF.match(name)
    return match[1].strip() if match and " " in match[1].strip() else None


def unqualified(label: str) -> str:
    """A label without its qualifier: "SaaS (service-oriented modelling)" gives "SaaS"."""
    return re.sub(r"\s*\([^)]*\)$", "", label).strip()


def names_of(field: str) -> list[str]:
    return [" ".join(n.split()) for n in field.split(" | ") if n.strip()]


def content_words(name: str) -> list[str]:
    """The words of a name less its articles and prepositions, elided ones included: French
    says « systèmes de gestion de base de données » where English says "database management
    systems", and both are three words that mean something."""
    words = (re.sub(r"^[dlDL][’']", "", w) for w in name.split())
    return [w for w in words if w and w.casefold() not in FUNCTION_WORDS]


def acceptable(name: str) -> bool:
    return len(name) >= MIN_CHARS and len(content_words(name)) <= MAX_WORDS and "(" not in name


def exact_case(name: str, ordinary: set[str]) -> bool:
    """Acronyms, and capitalised names that are also ordinary lower-case words."""
    if re.fullmatch(r"[A-Z0-9][A-Z0-9&/+.#-]*", name):
        return True
    return len(name.split()) == 1 and name[0].isupper() and name.lower() in ordinary


def product(name: str, own: set[str]) -> bool:
    """Whether an alternative label is one word with a capital: under a kind of thing, that is
    a product's name ("Versant", "Interbase" under *database management systems*), written with
    its capital; in lower case it is another word (« les versants d'une vallée »)."""
    return name not in own and " " not in name and name[:1].isupper()


def own_labels(row: dict[str, str]) -> set[str]:
    return {row[k].strip() for k in LABEL_COLUMNS[::2]}


def kind(row: dict[str, str]) -> bool:
    """Whether a concept is a kind of thing rather than a product ("database management
    systems", not "Visual C++")."""
    return row["preferredLabel_en"].strip().islower()


def product_of(name: str, own: set[str], ict_preferred: set[str]) -> bool:
    """Whether a capitalised `name` ends with the preferred label of another ICT concept, as
    written: "Microsoft SQL Server" is a product of *SQL Server*'s."""
    if not name[:1].isupper():
        return False
    words = name.split()
    tails = (" ".join(words[i:]) for i in range(1, len(words)))
    return any(tail in ict_preferred and tail not in own for tail in tails)


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    with (shared / "esco" / "esco_ict_skills_en_fr.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    common = ad_words(shared)
    preferred = preferred_labels(shared)
    ordinary = ordinary_words(shared, {row["conceptUri"] for row in rows})
    ict_preferred = {r[k].strip() for r in rows for k in LABEL_COLUMNS[::2] if r[k].strip()}
    owners: Counter[str] = Counter()
    for row in rows:
        every = names_of(" | ".join(row[k] for k in LABEL_COLUMNS))
        owners.update({n.casefold() for n in every + [unqualified(n) for n in every]})
    french = yaml.safe_load(FRENCH_LABELS.read_text(encoding="utf-8"))
    for row in rows:
        supplied = french.get(row["conceptUri"].removeprefix(URI_PREFIX))
        if supplied and not row["preferredLabel_fr"].strip():
            name = supplied["fr"].casefold()
            # "Angular" is the same word in both languages: its own English label, no collision.
            own = name in {n.casefold() for n in own_labels(row)}
            if owners[name] and not own:
                raise SystemExit(f"{FRENCH_LABELS.name}: {supplied['fr']!r} names another concept")
            row["preferredLabel_fr"] = supplied["fr"]
            if not own:
                owners[name] += 1
    concepts = []
    for row in sorted(rows, key=lambda r: r["conceptUri"]):
        en, fr = row["preferredLabel_en"].strip(), row["preferredLabel_fr"].strip()
        names = [n for n in (en, fr) if n and acceptable(n)]
        for label in (en, fr):
            short = unqualified(label)
            if short != label and acceptable(short) and owners[short.casefold()] == 1:
                names.append(short)
        for name in names_of(row["altLabels_en"]) + names_of(row["altLabels_fr"]):
            one_common_word = (
                name.islower()
                and " " not in name
                and (common[name] >= COMMON_WORD_MIN or name in ordinary)
            )
            elsewhere = preferred.get(name.casefold(), row["conceptUri"]) != row["conceptUri"]
            elsewhere = elsewhere or kind(row) and product_of(name, own_labels(row), ict_preferred)
            concept_id = row["conceptUri"].removeprefix(URI_PREFIX)
            misfiled = name in MISFILED.get(concept_id, ()) or (
                concept_id in INSTANCES_ONLY and not (name.islower() and " " in name)
            )
            if (
                acceptable(name)
                and owners[name.casefold()] == 1
                and not one_common_word
                and not elsewhere
                and not misfiled
            ):
                names.append(name)
        for name in list(names):
            subject = topic(name)
            if subject and owners[subject.casefold()] == 0 and subject.casefold() not in preferred:
                names.append(subject)
        unique = list(dict.fromkeys(names))
        concepts.append(
            {
                "id": row["conceptUri"].removeprefix(URI_PREFIX),
                "en": en,
                "fr": fr or en,
                "names": unique,
                "exact": [
                    n
                    for n in unique
                    if exact_case(n, ordinary) or (kind(row) and product(n, own_labels(row)))
                ],
            }
        )
    document = {
        "source": "ESCO v1.2.0 digital skills and ICT hierarchy (European Commission); "
        "this service uses the ESCO classification of the European Commission",
        "uri_prefix": URI_PREFIX,
        "concepts": concepts,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    total = sum(len(c["names"]) for c in concepts)
    print(f"{len(concepts)} concepts, {total} names -> {OUTPUT.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
