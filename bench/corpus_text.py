"""Real job-ad text for the extraction benchmarks: the SkillSpan sentences (CoNLL files)."""

from __future__ import annotations

from shared_data import shared_data

SKILLSPAN = shared_data() / "benchmarks" / "skillspan"


def sentences() -> list[str]:
    """Every sentence of the SkillSpan files, tokens joined by spaces."""
    found: list[str] = []
    for path in sorted(SKILLSPAN.glob("*.conll")):
        tokens: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if tokens:
                    found.append(" ".join(tokens))
                tokens = []
            elif not line.startswith("#"):
                tokens.append(line.split("\t")[0])
        if tokens:
            found.append(" ".join(tokens))
    return found


def documents(min_bytes: int, sentences_per_document: int = 20) -> list[str]:
    """Documents of consecutive sentences, the corpus repeated until it reaches `min_bytes`."""
    base = sentences()
    chunks = [
        " ".join(base[i : i + sentences_per_document])
        for i in range(0, len(base), sentences_per_document)
    ]
    result: list[str] = []
    size = 0
    while size < min_bytes:
        for chunk in chunks:
            result.append(chunk)
            size += len(chunk.encode("utf-8"))
            if size >= min_bytes:
                break
    return result
