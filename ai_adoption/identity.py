"""Identity resolution: which account keys belong to which developer (contract §3 and §7).

Keys
    A key is ``login:<github login>`` or ``email:<e-mail>``, normalised by
    :func:`normalize_account_key`: trimmed and lower-cased; a GitHub no-reply e-mail
    (``123+login@users.noreply.github.com`` or ``login@users.noreply.github.com``) becomes the
    login key ``login:login``. Names are never keys. The SQL staging layer applies the same rules
    (macro ``normalize_account_key``, the same no-reply pattern as ``NOREPLY_PATTERN``), and
    :func:`resolve_identities` keeps every ``login:``/``email:`` key exactly as it receives it, so
    its rows join back to the SQL keys; only a bare value (no prefix) is normalised ('auto').

Algorithm (connected components with a union-find)
    1. Collect every key of the inputs (people.csv e-mail and login keys, identities.csv accounts,
       keys seen in activity records) and, per key, the person ids it is linked to and where the
       link comes from (people.csv or identities.csv).
    2. Mark keys *shared*: an identities.csv row with ``is_shared`` true, or links to two or more
       distinct person ids (even when one of them is that person's own people.csv key).
       Mark keys *bots* by their name alone: a login ending in ``[bot]``, a key of the bot seed, a
       release robot (login or e-mail local part ending in ``-bot``, ``-robot``, ``_bot``,
       ``.bot``).
    3. Cut shared and bot keys out of the graph. The remaining nodes are persons and keys; the
       edges are person-key links. A :class:`UnionFind` with path compression and union by size
       forms the components, transitively. Each person node carries its person id as a label and
       the union-find refuses to merge two sets with different labels, so a component never holds
       two person ids. With today's edges that cannot happen (a key linked to two persons is
       already cut), but other edge kinds (key-key) may be added to ``_form_components``: they
       are applied after the person-key links, a refused edge marks its keys shared, and the
       components are formed again without them.
    4. A component's developer: its person id (``is_rostered`` when the person is in people.csv;
       an identities.csv person absent from people.csv is an unrostered developer), else its
       smallest key (a key linked to nobody is its own unrostered developer). A component that
       holds a bot person is a bot, every key of it: a people.csv person with ``is_bot`` true,
       or whose own people.csv e-mail or login is a bot by name and not shared.
    5. Shared and bot keys are attributed to nobody: ``developer_id`` and ``person_id`` are None
       and ``is_rostered`` is false. A shared key linked to a bot person is a bot too; a key that
       is both says both in ``resolution`` ("bot: …; shared: …").

Everything is sorted before it is used, so the same input gives the identical frame whatever its
row order. The work is near-linear in the number of rows (plain dicts and sets, a sort, a
union-find): about two seconds for 100,000 keys.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import pandas as pd

__all__ = [
    "KEY_KINDS",
    "NOREPLY_PATTERN",
    "OUTPUT_COLUMNS",
    "OUTPUT_DTYPES",
    "UnionFind",
    "empty_identity_frame",
    "key_bot_reason",
    "normalize_account_key",
    "resolve_identities",
]

KEY_KINDS = ("email", "login", "auto")

#: GitHub no-reply e-mail, after trim and lower-case; group 1 is the login. The same pattern as
#: the SQL macro ``normalize_account_key`` (macros/identity_keys.sql), so both give one key.
NOREPLY_PATTERN = re.compile(r"^(?:[0-9]+\+)?([^@]+)@users\.noreply\.github\.com$")

#: An e-mail written with a display name (`Ivy <ivy@acme.com>`, `<ivy@acme.com>`), after trim
#: and lower-case; group 1 is the address (macro ``normalize_account_key``).
DISPLAY_NAME_PATTERN = re.compile(r"^.*<([^<>]*)>$", re.DOTALL)

#: Release robots: a login, or an e-mail local part, ending in one of these.
RELEASE_ROBOT_SUFFIXES = ("-bot", "-robot", "_bot", ".bot")

OUTPUT_DTYPES: dict[str, str] = {
    "account_key": "object",
    "key_type": "object",
    "developer_id": "object",
    "person_id": "object",
    "is_rostered": "bool",
    "is_shared": "bool",
    "is_bot": "bool",
    "resolution": "object",
    "is_observed": "bool",
}
OUTPUT_COLUMNS = tuple(OUTPUT_DTYPES)

T = TypeVar("T", bound=Hashable)


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """A trimmed string, or None for None, NaN, pd.NA and blank strings."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():  # an integer id read as float because of missing values
            return str(int(value))
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value).strip() or None


def normalize_account_key(value: str | None, kind: str) -> str | None:
    """The normalised key of a login or an e-mail, or None when the value is missing or blank.

    ``kind`` is ``'email'``, ``'login'`` or ``'auto'`` (an e-mail when the value contains ``@``).
    E-mails and logins are trimmed and lower-cased; an e-mail with a display name is the address
    between its angle brackets; a GitHub no-reply e-mail is its login; a JSON object or list
    where text belongs (``{"login": "eve"}``, as a text column holds it) is no account:

    >>> normalize_account_key(" Dev.One@Example.COM ", "email")
    'email:dev.one@example.com'
    >>> normalize_account_key("123+Octo-Cat@users.noreply.github.com", "auto")
    'login:octo-cat'
    >>> normalize_account_key(" Octo-Cat ", "login")
    'login:octo-cat'
    >>> normalize_account_key('{"login": "eve"}', "login") is None
    True
    >>> normalize_account_key("Ivy <12345+Ivy@users.noreply.github.com>", "email")
    'login:ivy'
    """
    if kind not in KEY_KINDS:
        raise ValueError(f"kind must be one of {KEY_KINDS}, not {kind!r}")
    text = _text(value)
    if text is None or _is_json_container(value):
        return None
    text = text.lower()
    if kind != "login":
        display_name = DISPLAY_NAME_PATTERN.match(text)
        if display_name:
            text = display_name.group(1).strip()
            if not text:
                return None
    if kind == "auto":
        kind = "email" if "@" in text else "login"
    if kind == "email":
        noreply = NOREPLY_PATTERN.match(text)
        if noreply:
            return f"login:{noreply.group(1)}"
        return f"email:{text}"
    return f"login:{text}"


def _is_json_container(value: Any) -> bool:
    """True for the compact text of a JSON object or list (macro ``text_is_json_container``)."""
    if not isinstance(value, str) or not value.startswith(("{", "[")):
        return False
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


def _key(value: Any) -> str | None:
    """A key as received: ``login:…`` / ``email:…`` unchanged, a bare value normalised ('auto')."""
    if isinstance(value, str) and value.startswith(("login:", "email:")):
        return value if value[6:].strip() else None
    return normalize_account_key(value, "auto")


def _flag(value: Any) -> bool:
    """A boolean from True/False, 'true'/'false', 1/0; missing is False."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "t", "1", "yes", "y")
    try:
        if pd.isna(value):
            return False
    except (TypeError, ValueError):
        pass
    return bool(value)


def key_bot_reason(key: str, bot_seed: Iterable[str] = ()) -> str | None:
    """Why a key is a bot by its name alone (``[bot]`` login, bot seed, release robot), or None."""
    kind, _, name = key.partition(":")
    name = name.lower()  # keys are lower-case already; the rules are case-insensitive anyway
    if kind == "login" and name.endswith("[bot]"):
        return "bot: [bot] login"
    if key in bot_seed:
        return "bot: seed"
    local = name.rpartition("@")[0] if kind == "email" else name
    if local.endswith(RELEASE_ROBOT_SUFFIXES):
        return "bot: release robot name"
    return None


# --------------------------------------------------------------------------------------------
# Union-find
# --------------------------------------------------------------------------------------------


class UnionFind(Generic[T]):
    """Disjoint sets over hashable items: path compression (halving) and union by size.

    An item may carry a label (here: a person id). The label of a set is the label of any of its
    items; :meth:`union` refuses to merge two sets with different labels and returns False, so a
    set never holds two labels. Items are added on first use.
    """

    def __init__(self) -> None:
        self._parent: dict[T, T] = {}
        self._size: dict[T, int] = {}
        self._label: dict[T, Hashable] = {}  # by root; only labelled sets are present

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def __len__(self) -> int:
        return len(self._parent)

    def add(self, item: T, label: Hashable | None = None) -> None:
        """Add an item in a set of its own (no-op when present); attach a label if given."""
        if item not in self._parent:
            self._parent[item] = item
            self._size[item] = 1
        if label is not None:
            root = self.find(item)
            current = self._label.get(root)
            if current is not None and current != label:
                raise ValueError(f"{item!r} is already in a set labelled {current!r}")
            self._label[root] = label

    def find(self, item: T) -> T:
        """The root of the item's set."""
        parent = self._parent
        if item not in parent:
            self.add(item)
            return item
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def label(self, item: T) -> Hashable | None:
        """The label of the item's set, or None."""
        return self._label.get(self.find(item))

    def union(self, a: T, b: T) -> bool:
        """Merge the sets of a and b; False (and nothing merged) when their labels differ."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        label_a, label_b = self._label.get(root_a), self._label.get(root_b)
        if label_a is not None and label_b is not None and label_a != label_b:
            return False
        if self._size[root_a] < self._size[root_b]:
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._size[root_a] += self._size.pop(root_b)
        label = label_a if label_a is not None else label_b
        self._label.pop(root_b, None)
        if label is not None:
            self._label[root_a] = label
        return True

    def groups(self) -> dict[T, list[T]]:
        """Every set, by root, its items in insertion order."""
        found: dict[T, list[T]] = {}
        for item in self._parent:
            found.setdefault(self.find(item), []).append(item)
        return found


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

# Graph nodes: ("p", person_id) and ("k", key).
Node = tuple[str, str]


@dataclass
class _Inputs:
    keys: set[str] = field(default_factory=set)
    observed: set[str] = field(default_factory=set)
    rostered: set[str] = field(default_factory=set)  # people.csv person ids
    bot_people: dict[str, str] = field(default_factory=dict)  # person id -> why it is a bot
    persons: set[str] = field(default_factory=set)  # every person id, people.csv or identities
    # key -> person id -> origins ("people.csv", "identities.csv")
    links: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    flagged_shared: set[str] = field(default_factory=set)
    bot_seed: set[str] = field(default_factory=set)

    def link(self, key: str, person_id: str, origin: str) -> None:
        self.links.setdefault(key, {}).setdefault(person_id, set()).add(origin)


def _columns(frame: pd.DataFrame | None, name: str, required: tuple[str, ...], optional=()):
    """Lists of the frame's columns (optional ones missing read as None)."""
    if frame is None:
        return [[] for _ in required + tuple(optional)]
    missing = [column for column in required if column not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks column(s) {missing}; it has {list(frame.columns)}")
    n = len(frame)
    return [frame[column].tolist() for column in required] + [
        frame[column].tolist() if column in frame.columns else [None] * n for column in optional
    ]


def _read_inputs(people, identity_links, accounts, bot_accounts) -> _Inputs:
    data = _Inputs()
    person_ids, email_keys, login_keys, is_bots = _columns(
        people, "people", ("person_id", "email_key", "login_key"), ("is_bot",)
    )
    for raw_person, raw_email, raw_login, raw_bot in zip(
        person_ids, email_keys, login_keys, is_bots, strict=True
    ):
        person_id = _text(raw_person)
        if person_id is not None:
            data.rostered.add(person_id)
            data.persons.add(person_id)
            if _flag(raw_bot):
                data.bot_people[person_id] = "bot: people.is_bot"
        for raw_key in (raw_email, raw_login):
            key = _key(raw_key)
            if key is None:
                continue
            data.keys.add(key)
            if person_id is not None:
                data.link(key, person_id, "people.csv")

    person_ids, account_keys, shared_flags = _columns(
        identity_links, "identity_links", ("person_id", "account_key"), ("is_shared",)
    )
    for raw_person, raw_key, raw_shared in zip(person_ids, account_keys, shared_flags, strict=True):
        key = _key(raw_key)
        if key is None:
            continue
        data.keys.add(key)
        if _flag(raw_shared):
            data.flagged_shared.add(key)
        person_id = _text(raw_person)
        if person_id is not None:
            data.persons.add(person_id)
            data.link(key, person_id, "identities.csv")

    (account_keys,) = _columns(accounts, "accounts", ("account_key",))
    for raw_key in account_keys:
        key = _key(raw_key)
        if key is not None:
            data.keys.add(key)
            data.observed.add(key)

    (seed_keys,) = _columns(bot_accounts, "bot_accounts", ("account_key",))
    data.bot_seed = {key for key in map(_key, seed_keys) if key is not None}
    return data


def _form_components(
    persons: Iterable[str], keys: Iterable[str], edges: list[tuple[Node, Node]]
) -> tuple[UnionFind[Node], set[str]]:
    """Components over persons and keys; keys of edges that would join two persons are returned.

    Person-key edges are applied first, then the others (key-key), each group sorted. A refused
    edge marks its key end(s) shared; the components are then formed again without those keys,
    until no edge is refused (each round cuts at least one key, so this ends).
    """
    persons, keys = sorted(set(persons)), sorted(set(keys))
    # Person-key links first, so that a refused edge is the one that bridges two persons.
    edges = sorted(set(edges), key=lambda edge: (edge[0][0] != "p" and edge[1][0] != "p", edge))
    conflicted: set[str] = set()
    while True:
        components: UnionFind[Node] = UnionFind()
        for person_id in persons:
            components.add(("p", person_id), label=person_id)
        for key in keys:
            if key not in conflicted:
                components.add(("k", key))
        refused: set[str] = set()
        for a, b in edges:
            if (a[0] == "k" and a[1] in conflicted) or (b[0] == "k" and b[1] in conflicted):
                continue
            if not components.union(a, b):
                refused.update(node[1] for node in (a, b) if node[0] == "k")
        if not refused:
            return components, conflicted
        conflicted |= refused


def _shared_reason(key: str, data: _Inputs, conflicted: set[str]) -> str | None:
    if key in data.flagged_shared:
        return "shared: identities.csv is_shared"
    linked = sorted(data.links.get(key, ()))
    if len(linked) >= 2:
        return f"shared: linked to {len(linked)} people ({', '.join(linked)})"
    if key in conflicted:
        return "shared: would join two people"
    return None


def empty_identity_frame() -> pd.DataFrame:
    """The output frame with no rows, its columns and dtypes in place."""
    return pd.DataFrame(
        {column: pd.Series([], dtype=dtype) for column, dtype in OUTPUT_DTYPES.items()}
    )


def resolve_identities(
    *,
    people: pd.DataFrame | None = None,
    identity_links: pd.DataFrame | None = None,
    accounts: pd.DataFrame | None = None,
    bot_accounts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per account key of the inputs: the developer it belongs to, and why.

    Inputs (any may be empty or None; missing values may be None or NaN):

    - ``people``: person_id, email_key, login_key, is_bot (one row per people.csv person)
    - ``identity_links``: person_id, account_key, source, is_shared (identities.csv rows)
    - ``accounts``: account_key, source (distinct keys seen in activity records)
    - ``bot_accounts``: account_key, reason (the bot seed; its keys are not rows by themselves)

    Output columns (``OUTPUT_COLUMNS``), sorted by account_key: account_key, key_type
    ('login'|'email'), developer_id (None for shared and bot keys), person_id (the people.csv
    person, else None), is_rostered, is_shared, is_bot, resolution (the reason in plain words),
    is_observed (the key is in ``accounts``).
    """
    data = _read_inputs(people, identity_links, accounts, bot_accounts)
    if not data.keys:
        return empty_identity_frame()

    name_bot = {}
    for key in data.keys:
        reason = key_bot_reason(key, data.bot_seed)
        if reason is not None:
            name_bot[key] = reason
    cut = {key for key, linked in data.links.items() if len(linked) >= 2}
    cut |= data.flagged_shared
    # A people.csv person whose own e-mail or login is a bot by name (and not shared) is a bot,
    # as int_person_days leaves it out of the roster.
    for key in sorted(set(name_bot) - cut):
        for person_id, origins in data.links.get(key, {}).items():
            if "people.csv" in origins:
                data.bot_people.setdefault(person_id, "bot: people.csv key is a bot")
    cut |= set(name_bot)

    edges: list[tuple[Node, Node]] = [
        (("p", person_id), ("k", key))
        for key, linked in data.links.items()
        if key not in cut
        for person_id in linked
    ]
    graph_keys = [key for key in data.keys if key not in cut]
    components, conflicted = _form_components(data.persons, graph_keys, edges)

    # Per component: its developer id (its person id, else its smallest key).
    developer_of_root: dict[Node, str] = {}
    for root, nodes in components.groups().items():
        label = components.label(root)
        if label is not None:
            developer_of_root[root] = str(label)
        else:
            developer_of_root[root] = min(node[1] for node in nodes if node[0] == "k")

    rows: dict[str, list[Any]] = {column: [] for column in OUTPUT_COLUMNS}
    for key in sorted(data.keys):
        linked = data.links.get(key, {})
        shared = _shared_reason(key, data, conflicted)
        bot = name_bot.get(key)
        developer_id = person_id = None
        is_rostered = False
        resolution = None
        if key in cut or key in conflicted:
            bot_links = sorted(person for person in linked if person in data.bot_people)
            if bot is None and bot_links:
                bot = data.bot_people[bot_links[0]]
        else:
            root = components.find(("k", key))
            developer = developer_of_root[root]
            if developer in data.bot_people:
                bot = data.bot_people[developer]
            else:
                developer_id = developer
                if developer in data.rostered:
                    person_id = developer
                    is_rostered = True
                if developer not in linked:  # its own key, or reached through another key
                    resolution = "own key" if developer == key else f"linked to {developer}"
                elif not is_rostered:
                    resolution = "unrostered identities.csv person"
                elif "people.csv" in linked[developer]:
                    resolution = "people.csv"
                else:
                    resolution = "identities.csv"
        if bot is not None or shared is not None:
            developer_id = person_id = None
            is_rostered = False
            resolution = "; ".join(reason for reason in (bot, shared) if reason)
        rows["account_key"].append(key)
        rows["key_type"].append(key.partition(":")[0])
        rows["developer_id"].append(developer_id)
        rows["person_id"].append(person_id)
        rows["is_rostered"].append(is_rostered)
        rows["is_shared"].append(shared is not None)
        rows["is_bot"].append(bot is not None)
        rows["resolution"].append(resolution)
        rows["is_observed"].append(key in data.observed)

    return pd.DataFrame(
        {column: pd.Series(rows[column], dtype=OUTPUT_DTYPES[column]) for column in OUTPUT_COLUMNS}
    )
