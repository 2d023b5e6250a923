"""Looking for staff text and staff contact details in a public site's readings (macros/guards/leak_guard.py),
fast enough for a thousand pages, with exactly the finds of reading each text whole (`leaks_in`).

A site's pages repeat most of their text: the navigation (all of it, on every page), the header, the footer and
the kit's scripts. So each distinct piece of a reading (macros/guards/output_readings.py) is read once, alone,
and the scanner remembers whether it holds anything: a staff sentence or window, a staff phone number or e-mail
address. A reading none of whose pieces holds anything is clean, unless something can arise where two pieces
meet:

- Pieces joined by a blank line cannot meet: a blank line ends a paragraph and a sentence
  (audience.words_of), and no phone number or e-mail address holds a line break.
- Pieces joined by a space (HTML's split text joined) meet: a staff sentence or window running over a boundary
  holds the two words on either side of it, which then follow each other in some staff text (`pairs`); a phone
  number running over a boundary has phone characters on both sides of it.
- A staff record's name is looked for in the reading's whole word sequence, where all its words occur.

Where any of these holds, the reading is read whole by `leaks_in`, so every find is made, and told, exactly
as before. tests/test_leak_scan.py compares the two over built sites and generated texts."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING

from macros.guards import audience
from macros.guards.contact_details import EMAIL, PHONE_CHARACTER, phones_in
from macros.guards.output_readings import SPACE, Reading

if TYPE_CHECKING:
    from macros.guards.leak_guard import StaffDetails

_GRAM = audience.SENTENCE_WORDS


@dataclass(frozen=True)
class Leak:
    output: str          # site file and reading: "om-webbplatsen/index.html [attribut]"
    kind: str            # sentence, phone, email, name
    value: str           # as it stands in the output
    source: str          # where the staff text or detail is written


def leaks_in(output: str, text: str, staff: "StaffDetails") -> list[Leak]:
    """Everything staff in one whole text, in the order the guard has always told it."""
    found = []
    words = audience.words_of(text)
    for start, end, source in staff.index.hits(words):
        found.append(Leak(output, "sentence", text[words[start].start:words[end - 1].end], source))
    for key, written in phones_in(text).items():
        if key in staff.phones:
            found.append(Leak(output, "phone", written, staff.phones[key]))
    for match in EMAIL.finditer(text):
        if match.group().casefold() in staff.emails:
            found.append(Leak(output, "email", match.group(), staff.emails[match.group().casefold()]))
    if staff.names:
        sequence = [w.word for w in words]
        for key, (name, source) in staff.names.items():
            if any(tuple(sequence[i:i + len(key)]) == key for i in range(len(sequence) - len(key) + 1)
                   if sequence[i] == key[0]):
                found.append(Leak(output, "name", name, source))
    return found


class Scanner:
    """Reads readings piece by piece, each distinct piece once (see the module's docstring)."""

    def __init__(self, staff: "StaffDetails"):
        self.staff = staff
        keys = [*staff.index.sentences, *staff.index.windows]
        self.pairs = staff.index.pairs
        # Every key has at least SENTENCE_WORDS words, so staff text over a boundary holds one of these around it
        self.grams = {key[i:i + _GRAM] for key in keys for i in range(len(key) - _GRAM + 1)}
        self.name_words = {word for key in staff.names for word in key}
        self.seen: set[str] = set()
        self.holding: set[str] = set()          # pieces with a staff sentence, window, number or address
        self.words: dict[str, tuple] = {}       # piece → its words, case-folded (pieces with words)
        self.names: dict[str, frozenset] = {}   # piece → the words of staff names it has (if any)
        self.phone_start: set[str] = set()      # pieces that begin or end with a character of a phone number
        self.phone_end: set[str] = set()

    def leaks(self, output: str, reading: Reading) -> list[Leak]:
        pieces = reading.pieces
        for piece in set(pieces) - self.seen:
            self._read(piece)
        clean = self.holding.isdisjoint(pieces) and not self._may_name(pieces)
        if clean and reading.joined_by == SPACE:
            clean = not self._words_may_meet(pieces) and not (   # digits meet often ("ring 112" "."): look
                self._digits_may_meet(pieces) and self.staff.phones.keys() & phones_in(reading.text).keys())
        return [] if clean else leaks_in(output + reading.label, reading.text, self.staff)

    def _read(self, piece: str) -> None:
        self.seen.add(piece)
        words = audience.folded_words(piece)
        # Only a piece that may hold staff text is split into sentences and paragraphs.
        if (self.staff.index.may_hold(words) and self.staff.index.hits(audience.words_of(piece))
                or any(key in self.staff.phones for key in phones_in(piece))
                or any(m.group().casefold() in self.staff.emails for m in EMAIL.finditer(piece))):
            self.holding.add(piece)
        if words:
            self.words[piece] = words
        if named := self.name_words.intersection(words):
            self.names[piece] = frozenset(named)
        if piece and PHONE_CHARACTER.fullmatch(piece[0]):
            self.phone_start.add(piece)
        if piece and PHONE_CHARACTER.fullmatch(piece[-1]):
            self.phone_end.add(piece)

    def _may_name(self, pieces: list[str]) -> bool:
        """Whether every word of some staff name occurs in the reading (the name itself may not)."""
        if not self.names:
            return False
        present = set().union(*map(self.names.get, pieces, repeat(frozenset())))
        return any(present.issuperset(key) for key in self.staff.names)

    def _words_may_meet(self, pieces: list[str]) -> bool:
        """Whether, joined by a space, two pieces' words may make staff text over their boundary: the two words
        around it follow each other in staff text, and so do the _GRAM words around them."""
        texts = [self.words[piece] for piece in pieces if piece in self.words]
        boundaries = list(zip([words[-1] for words in texts], [words[0] for words in texts[1:]]))
        if self.pairs.isdisjoint(boundaries):
            return False
        for k in (k for k, pair in enumerate(boundaries) if pair in self.pairs):
            before = [w for words in reversed(texts[max(0, k + 1 - _GRAM):k + 1]) for w in reversed(words)]
            after = [w for words in texts[k + 1:k + _GRAM] for w in words]
            around = before[_GRAM - 2::-1] + after[:_GRAM - 1]     # up to _GRAM - 1 words on either side
            middle = len(before[:_GRAM - 1])
            if any(tuple(around[i:i + _GRAM]) in self.grams for i in range(max(0, middle - _GRAM + 1), middle)
                   if i + _GRAM <= len(around)):
                return True
        return False

    def _digits_may_meet(self, pieces: list[str]) -> bool:
        """Whether, joined by a space, two pieces may make one phone number over their boundary."""
        pieces = [piece for piece in pieces if piece]    # an empty piece leaves two spaces, still one boundary
        return any(map(bool.__and__, map(self.phone_end.__contains__, pieces),
                       map(self.phone_start.__contains__, pieces[1:])))
