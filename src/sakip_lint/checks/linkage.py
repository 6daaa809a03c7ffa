"""Cascading and linkage of the performance tree: every level is linked, links agree between
tables, and names and numbers do not drift.

All of these read the graph (sakip_lint.graph), in which each table's declaration of a link
is kept beside the others.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache

from sakip_lint.location import Subject
from sakip_lint.hierarchy import KINDS as LEVELS, PARENT_OF
from sakip_lint.messages import term
from sakip_lint.rule import Context, Fact, Params, ParamSpec

KINDS = frozenset(LEVELS)  # the levels of the tree


def _subject(context: Context, node: str) -> Subject:
    return context.loaded.subject(node)


def _node_fact(context: Context, node: str, values: dict[str, object], related=()) -> Fact:
    location = context.graph.graph.nodes[node]["location"]
    return Fact(location, {"subjek": _subject(context, node), "tempat": "", **values},
                tuple(related))


# --- every level is linked ------------------------------------------------------------

CHILDREN_PARAMS = {"jenis_entitas": ParamSpec(KINDS, required=True), "anak": ParamSpec(KINDS, required=True)}
CHILDREN_PLACEHOLDERS = frozenset({"anak"})


def punya_anak(context: Context, params: Params) -> Iterator[Fact]:
    """Every entity of ``jenis_entitas`` has at least one child of kind ``anak`` (in any declaration)."""
    kind, child = params["jenis_entitas"][0], params["anak"][0]
    for node in context.graph.nodes_of(kind):
        if not context.graph.children(node, child):
            yield _node_fact(context, node, {"ditemukan": "0", "diharapkan": "1", "anak": child})


SERVES_PARAMS = {"paling_sedikit": ParamSpec(default=("1",)), "paling_banyak": ParamSpec()}
SERVES_PLACEHOLDERS = frozenset({"sasaran"})


def program_melayani(context: Context, params: Params) -> Iterator[Fact]:
    """How many sasaran a programme serves, over every table that maps it."""
    least = int(params["paling_sedikit"][0])
    most = int(params["paling_banyak"][0]) if params["paling_banyak"] else None
    for node in context.graph.nodes_of("program"):
        served = sorted({parent for links in context.graph.parents(node, "sasaran").values()
                         for parent, _ in links})
        if len(served) < least or (most is not None and len(served) > most):
            expected = str(least) if len(served) < least else str(most)
            yield _node_fact(context, node, {"ditemukan": str(len(served)), "diharapkan": expected,
                                             "sasaran": ", ".join(served) or "-"})


# --- links agree between tables ------------------------------------------------------

PARENT_PARAMS = {"jenis_entitas": ParamSpec(frozenset(PARENT_OF), required=True)}
PARENT_PLACEHOLDERS = frozenset({"induk", "induk_lain", "tempat_lain"})


def induk_selaras(context: Context, params: Params) -> Iterator[Fact]:
    """The parents a place declares for an entity are those of its own declaration: a reader
    of one table must find the same tree as a reader of another. (How a place numbers the
    parent is the parent's own numbering, checked once by ``penomoran_selaras``.)"""
    from sakip_lint.graph import CANONICAL  # the graph module: imported by a run, not by loading

    kind = params["jenis_entitas"][0]
    parent_kind = PARENT_OF[kind]
    for node in context.graph.nodes_of(kind):
        declared = context.graph.parents(node, parent_kind)
        canonical = sorted(parent for parent, _ in declared.get(CANONICAL, []))
        if not canonical:
            continue
        canonical_location = declared[CANONICAL][0][1].location
        for place, links in declared.items():
            if place == CANONICAL:
                continue
            ids = sorted(parent for parent, _ in links)
            location = min(links, key=lambda link: link[0])[1].location
            # a passage may name a programme under one of its sasaran: only a parent the
            # entity does not have is a conflict
            if not set(ids) <= set(canonical):
                yield Fact(location, {"subjek": _subject(context, node), "tempat": place,
                                      "induk": ", ".join(ids), "induk_lain": ", ".join(canonical),
                                      "tempat_lain": "-"},
                           (canonical_location,), ", ".join(ids), ", ".join(canonical))


# --- numbers ----------------------------------------------------------------------------

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LEVEL_WORD = re.compile(r"^(tujuan|sasaran|misi|program|indikator)\s+", re.I)


def number_of(printed: str | None) -> int | None:
    """The number a printed label stands for: '4', '4.', 'Tujuan 11', 'IX'; None for 'a.'."""
    if not printed:
        return None
    text = _LEVEL_WORD.sub("", printed.strip()).strip("().")
    if text.isascii() and text.isdigit() and len(text) <= 9:  # not '4¹', not 5 000 digits
        return int(text)
    if text and set(text) <= set(_ROMAN):
        total = 0
        for index, letter in enumerate(text):
            value = _ROMAN[letter]
            following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
            total += -value if value < following else value
        return total
    return None


def nomor_ganda(context: Context, params: Params) -> Iterator[Fact]:
    """One entity printed twice under different numbers in the same table or list."""
    for node, mentions in context.graph.mentions.items():
        by_place = defaultdict(list)
        for mention in mentions:
            by_place[mention.place].append(mention)
        for place, found in by_place.items():
            numbers = {number_of(m.nomor) for m in found if number_of(m.nomor) is not None}
            if len(numbers) > 1:
                shown = ", ".join(m.nomor for m in found if m.nomor)
                yield Fact(found[1].location, {"subjek": _subject(context, node), "tempat": place},
                           (found[0].location,), shown, found[0].nomor)


NUMBER_PARAMS = {"jenis_entitas": ParamSpec(KINDS, multiple=True, default=("tujuan", "sasaran", "indikator")),
                 "acuan": ParamSpec(multiple=True, default=("pk", "rkt", "matriks", "daftar"))}
NUMBER_PLACEHOLDERS = frozenset({"tempat_lain", "jenis", "jumlah", "ragam"})


def _restarting_places(context: Context, kind: str) -> set[str]:
    """Places that number this kind within groups (2.1.3 numbers tujuan per misi): the same
    number on two different entities means the place's numbers are not the level's numbers."""
    owners: dict[tuple[str, int], set[str]] = defaultdict(set)
    for node in context.graph.nodes_of(kind):
        for mention in context.graph.mentions.get(node, []):
            number = number_of(mention.nomor)
            if number is not None:
                owners[(mention.place, number)].add(node)
    return {place for (place, _), nodes in owners.items() if len(nodes) > 1}


def penomoran_selaras(context: Context, params: Params) -> Iterator[Fact]:
    """An entity carries the same number in every table. The reference is its first place of
    the ``acuan`` roles; a table that numbers a level in its own order shifts every entity of
    it, which is one cause: one finding per kind and reference table, listing each entity with
    the number it has elsewhere and where."""
    report = context.loaded.report
    order = {role: rank for rank, role in enumerate(params["acuan"])}
    for kind in params["jenis_entitas"]:
        restarting = _restarting_places(context, kind)
        drifts: dict[str, list[tuple[str, object, list]]] = defaultdict(list)
        for node in context.graph.nodes_of(kind):
            mentions = [m for m in context.graph.mentions.get(node, [])
                        if number_of(m.nomor) is not None and m.place not in restarting]
            once = [m for m in mentions
                    if sum(1 for other in mentions if other.place == m.place) == 1]
            ranked = sorted(once, key=lambda m: order.get(report.tempat[m.place].peran.value,
                                                          len(order)))
            if not ranked:
                continue
            reference = ranked[0]  # the first place of the acuan roles, else of the report
            differing = [m for m in once if number_of(m.nomor) != number_of(reference.nomor)]
            if differing:
                drifts[reference.place].append((node, reference, differing))
        for reference_place, entities in drifts.items():
            listed = "; ".join(
                f"{node}: " + ", ".join(f"{number_of(m.nomor)} ({m.place})" for m in differing)
                + f" / {number_of(reference.nomor)}"
                for node, reference, differing in entities)
            node, reference, differing = entities[0]
            found = str(number_of(differing[0].nomor))
            related = [m.location for _, _, found_in in entities for m in found_in][1:]
            related += [ref.location for _, ref, _ in entities]
            yield Fact(differing[0].location,
                       {"subjek": _subject(context, node),
                        "tempat": ", ".join(dict.fromkeys(m.place for _, _, found_in in entities
                                                          for m in found_in)),
                        "tempat_lain": reference_place, "jenis": term(f"kind.{kind}"),
                        "jumlah": str(len(entities)), "ragam": listed},
                       tuple(related), found, str(number_of(reference.nomor)))


# --- names ------------------------------------------------------------------------------

_SLASH = re.compile(r"\s*/\s*")


@lru_cache(maxsize=1 << 14)
def normalised(text: str) -> str:
    """Case, spacing (also around '/') and a final punctuation mark do not make another name;
    each name is compared under several rules, so it is normalised once."""
    text = " ".join(text.replace("\u201c", '"').replace("\u201d", '"').split()).casefold()
    return _SLASH.sub("/", text).rstrip(" .;:")


def similarity(a: str, b: str, below: Decimal | None = None) -> Decimal | None:
    """How alike two names are in percent; None when it is certainly under ``below`` (the
    matcher's upper bound of the ratio says so before the names are matched)."""
    matcher = SequenceMatcher(None, normalised(a), normalised(b))
    if below is not None and Decimal(str(round(matcher.quick_ratio() * 100))) < below:
        return None
    return Decimal(str(round(matcher.ratio() * 100)))


DIFFERENCES = ("salah_ketik", "singkatan", "rumusan")  # from the smallest to the largest
NAME_PARAMS = {"jenis_entitas": ParamSpec(KINDS, multiple=True,
                                  default=("misi", "tujuan", "sasaran", "indikator", "program")),
               "perbedaan": ParamSpec(frozenset(DIFFERENCES), required=True),
               "ambang_salah_ketik": ParamSpec(default=("80",)),
               # words that say how an indicator is measured ('persentase'): a name may be
               # written with or without one in front
               "kata_ukuran": ParamSpec(multiple=True)}
NAME_PLACEHOLDERS = frozenset({"kemiripan", "tempat_lain", "ragam", "jumlah_ragam"})
_CAPITALS = re.compile(r"(?<!\w)[A-Z]{2,8}(?!\w)")


def _word_list(text: str) -> list[str]:
    """The words of a text in their order, normalised (for comparing wordings)."""
    return _WORD.findall(normalised(text))


def _abbreviations(texts: list[str]) -> dict[tuple[str, ...], str]:
    """The abbreviations the wordings of one entity print in capitals ('APM', 'SIAK') whose
    letters are the initials of a run of words another wording spells out ('Angka
    Partisipasi Murni'): the run -> the abbreviation. A text written all in capitals shows no
    abbreviation (every word of it is in capitals)."""
    found: dict[tuple[str, ...], str] = {}
    capitals = {token.casefold() for text in texts if any(ch.islower() for ch in text)
                for token in _CAPITALS.findall(text)}
    for short in capitals:
        for text in texts:
            words = _word_list(text)
            for start in range(len(words) - len(short) + 1):
                run = tuple(words[start:start + len(short)])
                if short not in run and all(word[0] == letter for word, letter in zip(run, short)):
                    found[run] = short
    return found


def _folded(words: list[str], runs: dict[tuple[str, ...], str]) -> list[str]:
    """Words with every spelt-out run read as its abbreviation, once ('Angka Partisipasi
    Murni APM' and 'APM' are both 'apm')."""
    abbreviations = set(runs.values())
    folded: list[str] = []
    at = 0
    while at < len(words):
        for run, short in runs.items():
            if tuple(words[at:at + len(run)]) == run:
                word, at = short, at + len(run)
                break
        else:
            word, at = words[at], at + 1
        if not (folded and folded[-1] == word and word in abbreviations):
            folded.append(word)
    return folded


def _without_measure(written: list[str], name: list[str],
                     measures: frozenset[str]) -> tuple[list[str], list[str]]:
    """A measure word in front of one name and not of the other ('persentase APM SD/MI' and
    'APM SD/MI') is left out of both; two different ones ('persentase' / 'jumlah') are kept."""
    first = lambda words: bool(words) and words[0] in measures  # noqa: E731
    if first(written) and not first(name):
        return written[1:], name
    if first(name) and not first(written):
        return written, name[1:]
    return written, name


def _difference(written: str, name: str, threshold: Decimal, runs: dict[tuple[str, ...], str],
                measures: frozenset[str]) -> str:
    """How far a wording is from the name: misspelt words only; the same name once an
    abbreviation is read as the words it stands for and a measure word in front is allowed to
    be left out (with typos at most); or reworded."""
    if _typo(_word_list(written), _word_list(name), threshold):
        return "salah_ketik"
    words, named = _without_measure(_folded(_word_list(written), runs),
                                    _folded(_word_list(name), runs),
                                    measures)
    return "singkatan" if _typo(words, named, threshold) else "rumusan"


def _wordings_judged(context: Context, kind: str, threshold: Decimal, measures: frozenset[str]):
    """Each entity of ``kind`` printed in other wordings than its name: (node, name, the
    wordings with their mentions, the largest difference among them)."""
    for node in context.graph.nodes_of(kind):
        name = context.graph.graph.nodes[node]["teks"]
        wordings = defaultdict(list)
        for mention in context.graph.mentions.get(node, []):
            if mention.teks and normalised(mention.teks) != normalised(name):
                wordings[normalised(mention.teks)].append(mention)
        if not wordings:
            continue
        runs = _abbreviations([name] + [found[0].teks for found in wordings.values()])
        largest = max((_difference(found[0].teks, name, threshold, runs, measures)
                       for found in wordings.values()), key=DIFFERENCES.index)
        yield node, name, wordings, largest


def nama_selaras(context: Context, params: Params) -> Iterator[Fact]:
    """An entity is named as its own declaration names it: one finding per entity, listing
    every other wording with the places that print it and how similar it is.

    Each entity is reported once, under its largest difference (``perbedaan``): ``salah_ketik``
    when every other wording is a typo of the name (the same words in the same order, each at
    least ``ambang_salah_ketik`` percent similar to its counterpart: 'koodinasi',
    'admnistrasi'); ``singkatan`` when the name is the same once an abbreviation is read as the
    words it stands for ('APM' for 'Angka Partisipasi Murni') and a measure word in front
    (``kata_ukuran``: 'persentase') is allowed to be left out; ``rumusan`` when a word is
    added, dropped or replaced (a shortened or reworded statement).
    """
    threshold = Decimal(params["ambang_salah_ketik"][0].replace(",", ".")) / 100
    wanted = params["perbedaan"][0]
    measures = frozenset(" ".join(word.split()).casefold() for word in params["kata_ukuran"])
    for kind in params["jenis_entitas"]:
        # the rules of the three differences judge the same wordings: judged once
        judged = context.once(f"linkage.wordings:{kind}:{threshold}:{sorted(measures)}",
                              lambda: list(_wordings_judged(context, kind, threshold, measures)))
        for node, name, wordings, largest in judged:
            if largest != wanted:
                continue
            variants = [(found, similarity(found[0].teks, name)) for found in wordings.values()]
            variants.sort(key=lambda variant: variant[1])  # the most different one speaks
            shown = "; ".join(
                f"'{found[0].teks}' ({', '.join(dict.fromkeys(m.place for m in found))}; {score}%)"
                for found, score in variants)
            first, score = variants[0]
            node_location = context.graph.graph.nodes[node]["location"]
            others = [m.location for found, _ in variants for m in found][1:]
            yield Fact(first[0].location,
                       {"subjek": _subject(context, node),
                        "tempat": ", ".join(dict.fromkeys(m.place for f, _ in variants for m in f)),
                        "kemiripan": str(score), "tempat_lain": "-", "ragam": shown,
                        "jumlah_ragam": str(len(variants))},
                       tuple(others) + (node_location,), first[0].teks, name)


def _typo(words: list[str], named: list[str], threshold: Decimal) -> bool:
    """The same words in the same order, each misspelt at most."""
    return len(words) == len(named) and all(
        a == b or Decimal(str(SequenceMatcher(None, a, b).ratio())) >= threshold
        for a, b in zip(words, named, strict=True))


SIMILAR_PARAMS = {"jenis_entitas": ParamSpec(KINDS, multiple=True, default=LEVELS),
                  "ambang": ParamSpec(default=("90",)),
                  "ambang_kata": ParamSpec(default=("80",))}
SIMILAR_PLACEHOLDERS = frozenset({"kemiripan", "lain", "teks_lain"})
_WORD = re.compile(r"\w+")


def _word_like(word: str, others: set[str], threshold: float) -> bool:
    return any(_word_alike(word, other, threshold) for other in others)


@lru_cache(maxsize=1 << 16)
def _word_alike(word: str, other: str, threshold: float) -> bool:
    """Two words at least ``threshold`` alike; names share their words, so each pair is
    compared once. The cheap upper bounds of the ratio (lengths, then letters shared) settle
    most pairs without matching the words."""
    matcher = SequenceMatcher(None, word, other)
    return (matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold
            and matcher.ratio() >= threshold)


def _substituted(a: str, b: str, threshold: float) -> bool:
    """Parallel names ('... bidang Kesra' / '... bidang Ekonomi') differ by a word replaced with
    an unrelated one: two entities. A duplicate drops a word or misspells one."""
    words_a, words_b = _words(a), _words(b)
    only_a, only_b = words_a - words_b, words_b - words_a
    return bool(only_a and only_b) and (any(not _word_like(w, only_b, threshold) for w in only_a)
                                        or any(not _word_like(w, only_a, threshold) for w in only_b))


@lru_cache(maxsize=1 << 14)
def _words(name: str) -> frozenset[str]:
    """The words of a name (each name is compared with several others)."""
    return frozenset(_WORD.findall(name))


def _other_level(context: Context, first: str, second: str) -> bool:
    """An indicator of a tujuan repeated as an indicator of one of its sasaran (AKI for the
    tujuan and for the sasaran) is how a Renstra cascades, not one entity declared twice."""
    report = context.loaded.report
    a, b = report.entity(first), report.entity(second)
    return (report.kind_of(first) == "indikator" and report.kind_of(second) == "indikator"
            and (a.tujuan is None) != (b.tujuan is None))


def _places(context: Context, nodes) -> dict[str, frozenset[str]]:
    """The places that print each node. Two names printed as rows of one table are kept
    apart by the report itself ('Perda tentang APBD' and 'Perda tentang Perubahan APBD', each
    with its own target): that settles most pairs of a report's names, so it is asked first."""
    return {node: frozenset(m.place for m in context.graph.mentions.get(node, ())) for node in nodes}


def _too_unequal(length: int, other: int, threshold: Decimal) -> bool:
    """Names this unequal in length cannot be ``threshold`` alike: the ratio of matched
    letters is at most the shorter length over the mean (difflib's ``real_quick_ratio``, the
    float the ratio is rounded from): half the pairs of the real reports' names that are not
    printed side by side are settled so, without matching them."""
    return round(2.0 * min(length, other) / (length + other) * 100) < threshold


def nama_mirip(context: Context, params: Params) -> Iterator[Fact]:
    """Two entities of one kind whose names are nearly the same are probably one entity
    declared twice. Candidates share a rare word (an inverted index), so a report with
    thousands of entities is not compared pair by pair."""
    threshold = Decimal(params["ambang"][0].replace(",", "."))
    word_threshold = float(params["ambang_kata"][0].replace(",", ".")) / 100
    for kind in params["jenis_entitas"]:
        nodes = context.graph.nodes_of(kind)
        names = {node: normalised(context.graph.graph.nodes[node]["teks"]) for node in nodes}
        index: dict[str, list[str]] = defaultdict(list)
        for node, name in names.items():
            for word in set(_WORD.findall(name)):
                index[word].append(node)
        common = max(50, len(nodes) // 20)  # words in more names than this say nothing
        lengths = {node: len(normalised(name)) for node, name in names.items()}  # as compared
        places = _places(context, nodes)
        seen = set()
        for node in nodes:
            # each side offers its rarest words, so a pair is found from whichever name keeps
            # the words the other one dropped
            words = sorted(set(_WORD.findall(names[node])), key=lambda w: len(index[w]))
            candidates = {other for word in words[:5] if len(index[word]) <= common
                          for other in index[word] if other != node}
            for other in sorted(candidates):
                pair = (node, other) if node < other else (other, node)
                if pair in seen:
                    continue
                seen.add(pair)
                first, second = pair
                if (not places[first].isdisjoint(places[second])
                        or _too_unequal(lengths[first], lengths[second], threshold)
                        or _other_level(context, first, second)
                        or _substituted(names[first], names[second], word_threshold)):
                    continue
                score = similarity(names[first], names[second], below=threshold)
                if score is not None and score >= threshold:
                    yield _node_fact(context, second, {
                        "ditemukan": context.graph.graph.nodes[second]["teks"],
                        "diharapkan": "", "kemiripan": str(score), "lain": context.loaded.subject(first),
                        "teks_lain": context.graph.graph.nodes[first]["teks"]},
                        (context.graph.graph.nodes[first]["location"],))


# --- the programme list -----------------------------------------------------------------

LIST_PARAMS = {"daftar": ParamSpec(multiple=True, default=("daftar",))}
LIST_PLACEHOLDERS = frozenset({"tempat_lain"})


def program_tidak_di_daftar(context: Context, params: Params) -> Iterator[Fact]:
    """A programme mapped to a sasaran in some table or passage but missing from the list of
    programmes (the places of the ``daftar`` roles that list programmes)."""
    from sakip_lint.graph import CANONICAL  # the graph module: imported by a run, not by loading

    report = context.loaded.report
    lists = {name for name, place in report.tempat.items() if place.peran.value in params["daftar"]
             and any(report.kind_of(row.id) == "program" for row in place.baris)}
    if not lists:
        return
    for node in context.graph.nodes_of("program"):
        mentions = context.graph.mentions.get(node, [])
        if any(m.place in lists for m in mentions):
            continue
        mapped = [place for place in context.graph.parents(node, "sasaran") if place != CANONICAL]
        if mapped:
            first = next(m for m in mentions if m.place == mapped[0])
            name = first.teks or context.graph.graph.nodes[node]["teks"]
            yield Fact(first.location, {"subjek": _subject(context, node), "tempat": first.place,
                                        "ditemukan": name, "diharapkan": "",
                                        "tempat_lain": ", ".join(sorted(lists))})
