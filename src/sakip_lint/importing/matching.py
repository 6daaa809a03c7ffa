"""Which rows of the report show the same entity: one sasaran printed in the PK, the
measurement table, the budget table and the headings of 3.3, reworded on the way.

Each kind of entity is declared by one place: the first place of the role that states it
formally (``CANONICAL_ROLES``: the PK for sasaran and indicators, the table of misi and tujuan
for those, the list of programmes for programmes). Its rows become the entities, numbered as
they print them; a row there that repeats an earlier one word for word is the same entity
printed twice. Every other row is compared with the entities of its kind, in the order of the
document, on four kinds of evidence:

- its name, with ``rapidfuzz`` (the best of the plain and word-order-free ratios; a name
  whose words all stand in the other, ``Jumlah Penegasan Titik Batas``, counts as close);
- its number, when this place numbers as the declaring place does (checked on the rows whose
  names leave no doubt);
- the row above it in the place (an indicator beside its sasaran, a sasaran under its tujuan)
  or the entity its section is about (the sasaran of a 3.3 heading), against the links other
  tables print;
- for a heading, the indicators of the tables under it.

An entity already shown in the place is a weaker candidate for another row of it. A row that
no entity fits well enough is a new entity (``T-X1``: not in the declaring place). Each join
keeps its evidence and how sure it is; the unsure ones become comments in the data file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import math
from functools import lru_cache

from rapidfuzz import fuzz

from sakip_lint.importing.rows import PARENT, RawPlace, RawRow
from sakip_lint.importing.text import bare_number, expanded, normal

CANONICAL_ROLES = {
    "visi": ("prosa", "daftar", "matriks"),
    "misi": ("matriks", "daftar", "prosa"),
    "tujuan": ("matriks", "daftar", "renstra", "prosa"),
    "sasaran": ("pk", "rkt", "renstra", "iku", "pengukuran", "matriks", "daftar", "efisiensi",
                "anggaran", "analisis", "prosa"),
    "indikator": ("pk", "rkt", "renstra", "iku", "pengukuran", "matriks", "analisis",
                  "analisis_renstra", "daftar", "prosa"),
    "program": ("daftar", "matriks", "pk", "anggaran", "prosa"),
    "kegiatan": ("daftar", "matriks", "pk", "anggaran", "prosa"),
    "sub_kegiatan": ("anggaran", "daftar", "matriks", "pk"),
    "urusan": ("anggaran", "daftar", "matriks"),
    "strategi": ("daftar", "matriks", "prosa"),
    "kebijakan": ("daftar", "matriks", "prosa"),
}
"""For each kind, the roles of the place that declares it, best first. Misi and tujuan are
stated formally by the Renstra's table of misi and tujuan (the lists of 2.1.x paraphrase
them); programmes, strategies and policies by the lists that name each of them once (the
matrices map only some)."""

PREFIX = {"visi": "V", "misi": "M-", "tujuan": "T-", "sasaran": "S-", "indikator": "IK-",
          "program": "P-", "kegiatan": "KG-", "sub_kegiatan": "SK-", "urusan": "U-",
          "strategi": "STR-", "kebijakan": "KB-"}
WIDTH = {"misi": 1, "tujuan": 1, "urusan": 1}

SURE = 85.0  # a name this close joins on its own
NAME_FLOOR = 62.0  # a name this close joins with some other evidence ...
ACCEPT = 70.0  # ... when the whole score reaches this, clear of the next candidate
MARGIN = 10.0
LAST_RESORT = 45.0  # a name this far joins only on two pieces of evidence, far ahead of the rest
DUPLICATE = 96.0  # the same name twice in the declaring place


@dataclass
class Join:
    """A row joined to an entity: how close its name is, what else spoke for it, how sure."""

    row: RawRow
    place: RawPlace
    similarity: float
    evidence: tuple[str, ...]
    score: float
    runner_up: str | None = None  # the next candidate, when it was close

    @property
    def unsure(self) -> bool:
        return self.score < 80 or self.runner_up is not None


@dataclass(eq=False)
class Entity:
    kind: str
    id: str
    teks: str
    number: str | None  # bare, as the declaring place prints it
    rows: list[RawRow] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    texts: set[str] = field(default_factory=set)  # normal forms of the names it is known by
    parents: dict[str, set[str]] = field(default_factory=dict)  # parent kind -> ids seen
    index: int = 0  # position among the entities of its kind


@lru_cache(maxsize=1 << 16)
def similarity(first: str, second: str) -> float:
    """How alike two names are as strings (0-100), in their comparison form: the best of the
    plain and word-order-free ratios; a name all of whose words stand in the other counts as
    close (90), and so does a fragment of it (85)."""
    a, b = normal(first), normal(second)
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    score = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    short_words, long_words = set(short.split()), set(long.split())
    if short_words and short_words <= long_words and any(len(w) >= 3 for w in short_words):
        score = max(score, 90.0)
    elif len(short) >= 12 and fuzz.partial_ratio(short, long) >= 95:
        score = max(score, 85.0)
    return float(score)


STOPWORDS = {"yang", "dan", "dari", "pada", "untuk", "dengan", "dalam", "atau", "serta", "di",
             "ke", "oleh", "secara", "sesuai", "terhadap", "bagi"}


@lru_cache(maxsize=1 << 16)
def _same_word(first: str, second: str) -> bool:
    """One word, printed with a typo or a suffix (``koodinasi``, ``aparaturnya``)."""
    if first == second:
        return True
    if len(first) >= 5 and len(second) >= 5:
        if first.startswith(second) or second.startswith(first):
            return True
        return fuzz.ratio(first, second) >= 88
    return False


class Names:
    """How alike two names of one kind of entity are, weighing each word by how rare it is
    among the names of that kind: 'Program' and 'Peningkatan' begin half the programmes and say
    little; 'Kehumasan' says which programme is meant. Acronyms count with their meaning."""

    def __init__(self, registry: "Registry") -> None:
        self.registry = registry
        self._weights: dict[str, tuple[dict[str, float], float, dict[str, int]]] = {}
        self._scores: dict[tuple[str, str, str], float] = {}
        self._profiles: dict[tuple[str, str], dict[str, float]] = {}

    def weights(self, kind: str) -> tuple[dict[str, float], float, dict[str, int]]:
        if kind not in self._weights:
            names = [set(expanded(normal(e.teks)).split()) for e in self.registry.entities.get(kind, [])]
            counts: dict[str, int] = {}
            for words in names:
                for word in words:
                    counts[word] = counts.get(word, 0) + 1
            total = max(1, len(names))
            weights = {w: math.log((total + 1) / (c + 0.5)) for w, c in counts.items()}
            top = max(weights.values(), default=1.0)
            self._weights[kind] = (weights, top, counts)
        return self._weights[kind]

    def _words(self, kind: str, words: str) -> dict[str, float]:
        """The words of a name in comparison form (acronyms written out) with their weights."""
        key = (kind, words)
        if key not in self._profiles:
            self._profiles[key] = {w: self._weight(kind, w) for w in expanded(words).split()}
        return self._profiles[key]

    def _weight(self, kind: str, word: str) -> float:
        weights, top, _ = self.weights(kind)
        if word in STOPWORDS or len(word) <= 1:
            return 0.1
        return max(0.1, weights.get(word, top))

    def score(self, kind: str, first: str, second: str) -> float:
        key = (kind, first, second)
        if key not in self._scores:
            self._scores[key] = self._score(kind, first, second)
        return self._scores[key]

    def _score(self, kind: str, first: str, second: str) -> float:
        a, b = normal(first), normal(second)
        if a == b:
            return 100.0
        chars = similarity(first, second)
        words_a, words_b = self._words(kind, a), self._words(kind, b)
        if not words_a or not words_b:
            return chars
        matched_a = sum(weight for w, weight in words_a.items()
                        if w in words_b or any(_same_word(w, v) for v in words_b))
        matched_b = sum(weight for w, weight in words_b.items()
                        if w in words_a or any(_same_word(w, v) for v in words_a))
        total_a, total_b = sum(words_a.values()), sum(words_b.values())
        dice = (matched_a + matched_b) / (total_a + total_b)
        cover = matched_a / total_a if len(a) <= len(b) else matched_b / total_b
        return (chars + 100 * max(dice, 0.9 * cover)) / 2

    def distinctive(self, kind: str, first: str, entity: "Entity") -> bool:
        """Whether the row shares with the entity a word no other name of its kind has."""
        _, _, counts = self.weights(kind)
        mine = set(expanded(normal(entity.teks)).split())
        for word in set(expanded(normal(first)).split()):
            if len(word) >= 4 and word not in STOPWORDS and counts.get(word) == 1 and word in mine:
                return True
        return False


class Registry:
    """The entities of the report as they are found, and the links places print between them."""

    def __init__(self) -> None:
        self.entities: dict[str, list[Entity]] = {kind: [] for kind in PREFIX}
        self.by_id: dict[str, Entity] = {}
        self.extras: dict[str, int] = {}

    def add(self, kind: str, row: RawRow, ident: str | None = None) -> Entity:
        if ident is None or ident in self.by_id:
            self.extras[kind] = self.extras.get(kind, 0) + 1
            ident = f"{PREFIX[kind]}X{self.extras[kind]}" if kind != "visi" else f"V-X{self.extras[kind]}"
        entity = Entity(kind, ident, row.teks, bare_number(row.nomor), index=len(self.entities[kind]))
        self.entities[kind].append(entity)
        self.by_id[ident] = entity
        self.attach(entity, row, None)
        return entity

    def attach(self, entity: Entity, row: RawRow, join: Join | None) -> None:
        row.entity, row.kind = entity.id, entity.kind
        row.certainty = 1.0 if join is None else min(1.0, join.score / 100)
        entity.rows.append(row)
        if join is not None:
            entity.joins.append(join)
        if join is None or not join.unsure:
            entity.texts.add(normal(row.teks))

    def link(self, row: RawRow) -> None:
        """Record the link a resolved row prints to the resolved row above it."""
        parent = _row_parent(row)
        if row.entity and parent is not None and parent.entity:
            entity = self.by_id[row.entity]
            entity.parents.setdefault(parent.kind, set()).add(parent.entity)


def _row_parent(row: RawRow) -> RawRow | None:
    parent = row.parent
    if parent is None or row.kind is None:
        return None
    allowed = PARENT.get(row.kind, ())
    return parent if parent.kind in allowed else None


def _ids(kind: str, rows: list[RawRow]) -> list[str | None]:
    """Ids for the entities a declaring place gives: its printed numbers when they are whole
    numbers, one per entity, else their order."""
    numbers = [bare_number(row.nomor) for row in rows]
    if kind == "visi":
        return ["V"] if len(rows) == 1 else [f"V-{i + 1}" for i in range(len(rows))]
    width = WIDTH.get(kind, 2)
    if all(n and n.isdigit() for n in numbers) and len(set(numbers)) == len(numbers):
        return [f"{PREFIX[kind]}{int(n):0{width}d}" for n in numbers]
    return [f"{PREFIX[kind]}{i + 1:0{width}d}" for i in range(len(rows))]


class Matcher:
    def __init__(self, places: list[RawPlace]) -> None:
        self.places = places
        self.registry = Registry()
        self.names = Names(self.registry)
        self.deferred: list[tuple[RawPlace, RawRow]] = []
        self.section_rows: dict[int, RawRow] = {}  # id(section) -> its heading row

    # --- declaring places ------------------------------------------------------------
    def declare(self) -> set[int]:
        """Create the entities of each kind from its declaring place; returns the ids of
        the rows consumed."""
        done: set[int] = set()
        for kind, roles in CANONICAL_ROLES.items():
            place = self._declaring(kind, roles)
            if place is None:
                continue
            rows = [row for row in place.rows if row.kinds == (kind,)]
            unique: list[RawRow] = []
            twins: dict[int, RawRow] = {}
            for row in rows:
                twin = next((u for u in unique if similarity(u.teks, row.teks) >= DUPLICATE), None)
                if twin is not None:
                    twins[id(row)] = twin
                else:
                    unique.append(row)
            for row, ident in zip(unique, _ids(kind, unique)):
                self.registry.add(kind, row, ident)
                done.add(id(row))
            for row in rows:
                if id(row) in twins:
                    entity = self.registry.by_id[twins[id(row)].entity]
                    join = Join(row, place, similarity(entity.teks, row.teks), ("sama",), 100.0)
                    self.registry.attach(entity, row, join)
                    done.add(id(row))
            for row in rows:
                self.registry.link(row)
        return done

    def _declaring(self, kind: str, roles: tuple[str, ...]) -> RawPlace | None:
        """The first place of the best role that prints the kind; else the first that does."""
        for role in roles:
            for place in self.places:
                if place.role == role and any(row.kinds == (kind,) for row in place.rows):
                    return place
        return next((place for place in self.places if any(row.kinds == (kind,) for row in place.rows)), None)

    # --- every other row ------------------------------------------------------------
    def run(self) -> Registry:
        done = self.declare()
        for place in self.places:
            for row in place.rows:
                if row.heading:
                    self.section_rows[id(place.section)] = row
        for final in (False, True):
            queue = self.places if not final else None
            if final:
                pending = self.deferred
                self.deferred = []
                for place, row in pending:
                    self._resolve(place, row, final=True)
                break
            for place in queue:
                numbering = self._numbering(place, done)
                for row in place.rows:
                    if id(row) in done or row.entity:
                        continue
                    self._resolve(place, row, final=False, numbering=numbering)
                for row in place.rows:
                    self.registry.link(row)
        for place in self.places:
            for row in place.rows:
                self.registry.link(row)
        return self.registry

    def _numbering(self, place: RawPlace, done: set[int]) -> dict[str, str]:
        """Per kind, whether this place numbers as the declaring place: 'same' (strong
        evidence), 'own' (no evidence) or 'weak'."""
        verdict = {}
        for kind, entities in self.registry.entities.items():
            rows = [row for row in place.rows if kind in row.kinds and row.nomor]
            agree = total = 0
            for row in rows:
                scored = sorted(((self.names.score(kind, row.teks, e.teks), e) for e in entities),
                                key=lambda s: -s[0])
                if not scored or scored[0][0] < 92 or (len(scored) > 1 and scored[0][0] - scored[1][0] < 8):
                    continue
                total += 1
                agree += bare_number(row.nomor) == scored[0][1].number
            if total >= 2 and agree >= 0.75 * total:
                verdict[kind] = "same"
            elif total >= 2 and agree <= 0.25 * total:
                verdict[kind] = "own"
            else:
                verdict[kind] = "weak"
        return verdict

    def _context_parent(self, place: RawPlace, row: RawRow) -> RawRow | None:
        """The row of the level above: in the place, or the entity its section is about."""
        if row.parent is not None:
            return row.parent
        for section in place.section.chain():
            heading = self.section_rows.get(id(section))
            if heading is not None and heading is not row:
                return heading
        return None

    def _score(self, place: RawPlace, row: RawRow, entity: Entity, numbering: dict[str, str],
               final: bool) -> tuple[float, float, tuple[str, ...]]:
        """(score, name similarity, evidence) of one candidate for one row."""
        texts = {entity.teks} | entity.texts
        name = max(self.names.score(entity.kind, row.teks, text) for text in texts)
        score, evidence = name, []
        number = bare_number(row.nomor)
        mode = numbering.get(entity.kind, "weak")
        if number and entity.number and mode != "own":
            if number == entity.number:
                score += 20 if mode == "same" else 8
                evidence += ["nomor", "nomor"] if mode == "same" else ["nomor"]
            else:
                score -= 15 if mode == "same" else 4
        parent = self._context_parent(place, row)
        if parent is not None and parent.entity:
            known = entity.parents.get(parent.kind)
            if known:
                if parent.entity in known:
                    score += 15
                    evidence.append("induk")
                else:
                    score -= 10
        if final and self._children_under(place, row, entity):
            score += 20
            evidence.append("isi")
        if self.names.distinctive(entity.kind, row.teks, entity):
            score += 5
            evidence.append("khas")
        if any(other is not row and other.entity == entity.id for other in place.rows):
            score -= 12
        return score, name, tuple(evidence)

    def _children_under(self, place: RawPlace, row: RawRow, entity: Entity) -> bool:
        """Whether the rows under this one show entities that other places put under the
        candidate: the rows the place prints below it, and for a heading also the rows of
        its section and of the tables under it."""
        below = [r for r in place.rows if r.parent is row]
        if row.heading:
            below += [r for r in place.rows if r is not row]
            below += [r for other in self.places if other is not place
                      and place.section in other.section.chain() for r in other.rows]
        for child_row in below:
            child = self.registry.by_id.get(child_row.entity) if child_row.entity else None
            if child is not None and entity.id in child.parents.get(entity.kind, set()):
                return True
        return False

    def _resolve(self, place: RawPlace, row: RawRow, final: bool,
                 numbering: dict[str, str] | None = None) -> None:
        numbering = numbering if numbering is not None else self._numbering(place, set())
        candidates = [e for kind in row.kinds for e in self.registry.entities.get(kind, [])]
        scored = sorted(((*self._score(place, row, e, numbering, final), e) for e in candidates),
                        key=lambda s: (-s[0], s[3].index))
        best = scored[0] if scored else None
        second = scored[1] if len(scored) > 1 else None
        gap = best[0] - second[0] if best and second else 100.0
        accept = best is not None and (
            best[1] >= SURE and gap >= 3
            or best[1] >= NAME_FLOOR and best[0] >= ACCEPT and gap >= MARGIN and best[2]
            or final and best[1] >= LAST_RESORT and len(best[2]) >= 2 and gap >= 15)
        if accept:
            entity = best[3]
            close = second[3].id if second and gap < 15 else None
            join = Join(row, place, best[1], best[2], best[0], close)
            self.registry.attach(entity, row, join)
            self.registry.link(row)
            return
        if not final:
            self.deferred.append((place, row))
            return
        if row.heading and len(row.kinds) > 1:
            return  # a numbered heading that names no entity is only a heading
        kind = row.kinds[0]
        self.registry.add(kind, row)
        self.registry.link(row)


def match(places: list[RawPlace]) -> Registry:
    """Give every row of every place its entity."""
    return Matcher(places).run()
