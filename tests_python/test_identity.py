"""Identity resolution (contract §3, §7 "Identity"): one test per rule, then properties."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai_adoption.identity import (
    OUTPUT_COLUMNS,
    OUTPUT_DTYPES,
    UnionFind,
    _form_components,
    normalize_account_key,
    resolve_identities,
)

PEOPLE = ["person_id", "email_key", "login_key", "is_bot"]
LINKS = ["person_id", "account_key", "source", "is_shared"]
ACCOUNTS = ["account_key", "source"]
BOTS = ["account_key", "reason"]

BOT_SEED = [
    ("login:dependabot[bot]", "dependency updates"),
    ("login:renovate[bot]", "dependency updates"),
    ("login:github-actions[bot]", "ci"),
    ("email:noreply@github.com", "web commits"),
    ("login:copilot", "ai agent"),
    ("email:noreply@anthropic.com", "ai agent"),
]


def resolve(people=(), links=(), accounts=(), bots=()):
    return resolve_identities(
        people=pd.DataFrame(list(people), columns=PEOPLE),
        identity_links=pd.DataFrame(list(links), columns=LINKS),
        accounts=pd.DataFrame(list(accounts), columns=ACCOUNTS),
        bot_accounts=pd.DataFrame(list(bots), columns=BOTS),
    )


def row(frame: pd.DataFrame, key: str) -> dict:
    found = frame[frame["account_key"] == key]
    assert len(found) == 1, f"{key} has {len(found)} rows"
    return found.iloc[0].to_dict()


def developer(frame: pd.DataFrame, key: str):
    return row(frame, key)["developer_id"]


# --- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("123+Octo-Cat@users.noreply.github.com", "email", "login:octo-cat"),
        ("123+Octo-Cat@users.noreply.github.com", "auto", "login:octo-cat"),
        ("octo-cat@users.noreply.github.com", "email", "login:octo-cat"),
        ("49699333+dependabot[bot]@users.noreply.github.com", "auto", "login:dependabot[bot]"),
        (" Dev.One@Example.COM ", "email", "email:dev.one@example.com"),
        (" Dev.One@Example.COM ", "auto", "email:dev.one@example.com"),
        ("Octo-Cat", "login", "login:octo-cat"),
        ("  Octo-Cat \t", "login", "login:octo-cat"),
        ("Octo-Cat", "auto", "login:octo-cat"),
        (
            "dev@users.noreply.github.com.evil.com",
            "email",
            "email:dev@users.noreply.github.com.evil.com",
        ),
        (None, "email", None),
        (float("nan"), "login", None),
        ("", "auto", None),
        ("   ", "login", None),
        ('{"login": "eve"}', "login", None),
        ('["Frank@example.com"]', "email", None),
        ("[bot]", "login", "login:[bot]"),
        ("Ivy Lee <Ivy@Acme.com>", "email", "email:ivy@acme.com"),
        (" <ivy@acme.com> ", "auto", "email:ivy@acme.com"),
        ("Ivy <12345+Ivy@users.noreply.github.com>", "email", "login:ivy"),
        ("Ivy < >", "email", None),
        ("ivy <ivy>", "login", "login:ivy <ivy>"),
    ],
)
def test_normalize_account_key(value, kind, expected):
    assert normalize_account_key(value, kind) == expected


def test_normalize_account_key_rejects_an_unknown_kind():
    with pytest.raises(ValueError, match="kind"):
        normalize_account_key("x", "name")


def test_prefixed_keys_pass_through_and_bare_values_are_normalised():
    # Keys arrive normalised by SQL and must join back unchanged; a bare value is normalised.
    frame = resolve(
        people=[("p1", "email:dev.one@example.com", "Octo-Cat", False)],
        accounts=[("login:octo-cat", "copilot"), ("123+Octo-Cat@users.noreply.github.com", "git")],
        bots=[("Dependabot[bot]", "bare seed value")],
    )
    assert frame["account_key"].tolist() == ["email:dev.one@example.com", "login:octo-cat"]
    assert set(frame["developer_id"]) == {"p1"}
    frame = resolve(accounts=[("login:dependabot[bot]", "github"), ("login:", "github")])
    assert frame["account_key"].tolist() == ["login:dependabot[bot]"]


# --- grouping rules ------------------------------------------------------------------------


def test_person_with_email_and_login_seen_in_two_sources_is_one_developer():
    frame = resolve(
        people=[("p1", "email:dev.one@example.com", "login:octo-cat", False)],
        accounts=[("email:dev.one@example.com", "cursor"), ("login:octo-cat", "copilot")],
    )
    assert frame["developer_id"].tolist() == ["p1", "p1"]
    assert frame["person_id"].tolist() == ["p1", "p1"]
    assert frame["is_rostered"].all() and frame["is_observed"].all()
    assert set(frame["resolution"]) == {"people.csv"}


def test_identities_csv_maps_a_personal_email_to_a_person():
    frame = resolve(
        people=[("p1", "email:dev.one@example.com", None, False)],
        links=[("p1", "email:dev.one@gmail.com", "claude_code", False)],
        accounts=[("email:dev.one@gmail.com", "claude_code")],
    )
    mapped = row(frame, "email:dev.one@gmail.com")
    assert mapped["developer_id"] == "p1" and mapped["person_id"] == "p1"
    assert mapped["is_rostered"] and mapped["resolution"] == "identities.csv"


def test_identities_row_applies_in_every_source():
    # Matching is on the key alone: a row seen in git applies to the same key from cursor.
    frame = resolve(
        people=[("p1", "email:dev.one@example.com", None, False)],
        links=[("p1", "email:dev.one@gmail.com", "git", False)],
        accounts=[("email:dev.one@gmail.com", "cursor")],
    )
    assert developer(frame, "email:dev.one@gmail.com") == "p1"


def test_key_linked_to_two_people_is_shared_and_both_people_stay_separate():
    frame = resolve(
        people=[
            ("p1", "email:team@example.com", "login:alice", False),
            ("p2", "email:bob@example.com", "login:bob", False),
        ],
        links=[("p2", "email:team@example.com", "cursor", False)],
        accounts=[("email:team@example.com", "cursor")],
    )
    shared = row(frame, "email:team@example.com")
    assert shared["is_shared"] and not shared["is_bot"]
    assert shared["developer_id"] is None and shared["person_id"] is None
    assert not shared["is_rostered"]
    assert shared["resolution"] == "shared: linked to 2 people (p1, p2)"
    assert developer(frame, "login:alice") == "p1"
    assert developer(frame, "email:bob@example.com") == "p2"
    assert developer(frame, "login:bob") == "p2"


def test_key_linked_to_a_person_and_an_unrostered_id_is_shared():
    frame = resolve(
        people=[("p1", "email:dev@example.com", None, False)],
        links=[("contractor-7", "email:dev@example.com", "any", False)],
    )
    assert row(frame, "email:dev@example.com")["is_shared"]


def test_is_shared_row_makes_the_key_shared_whatever_its_person():
    frame = resolve(
        people=[("p1", "email:dev@example.com", "login:ops", False)],
        links=[("p1", "login:ops", "github", True), (None, "email:pair@example.com", "any", True)],
    )
    for key in ("login:ops", "email:pair@example.com"):
        shared = row(frame, key)
        assert shared["is_shared"] and shared["developer_id"] is None
        assert shared["resolution"] == "shared: identities.csv is_shared"
    assert developer(frame, "email:dev@example.com") == "p1"


def test_unrostered_identities_person_groups_its_keys():
    frame = resolve(
        links=[
            ("contractor-7", "email:c7@agency.com", "cursor", False),
            ("contractor-7", "login:c7-dev", "copilot", False),
        ],
    )
    assert frame["developer_id"].tolist() == ["contractor-7", "contractor-7"]
    assert frame["person_id"].tolist() == [None, None]
    assert not frame["is_rostered"].any()
    assert set(frame["resolution"]) == {"unrostered identities.csv person"}


def test_unknown_key_is_its_own_unrostered_developer():
    frame = resolve(accounts=[("login:stranger", "github"), ("email:guest@else.com", "cursor")])
    assert frame["developer_id"].tolist() == ["email:guest@else.com", "login:stranger"]
    assert frame["person_id"].tolist() == [None, None]
    assert not frame["is_rostered"].any()
    assert set(frame["resolution"]) == {"own key"}


def test_names_are_never_keys():
    # Without people.csv, a no-reply e-mail and a corporate e-mail of the same person (same
    # author name in git) are two developers: the name plays no part.
    frame = resolve(
        accounts=[
            (normalize_account_key("123+octo@users.noreply.github.com", "email"), "git"),
            (normalize_account_key("octo@corp.com", "email"), "git"),
        ],
    )
    assert frame["developer_id"].tolist() == ["email:octo@corp.com", "login:octo"]


def test_key_types_and_observed_flags():
    frame = resolve(
        people=[("p1", "email:dev@example.com", "login:dev", False)],
        accounts=[("login:dev", "github")],
    )
    assert frame["key_type"].tolist() == ["email", "login"]
    assert frame["is_observed"].tolist() == [False, True]


# --- bots ----------------------------------------------------------------------------------


def assert_bot(frame: pd.DataFrame, key: str, reason: str) -> None:
    bot = row(frame, key)
    assert bot["is_bot"], key
    assert bot["developer_id"] is None and bot["person_id"] is None and not bot["is_rostered"]
    assert bot["resolution"] == reason


@pytest.mark.parametrize(
    "key", ["login:dependabot[bot]", "login:gemini-code-assist[bot]", "login:[bot]"]
)
def test_bot_login_ending_in_bot_suffix(key):
    assert_bot(resolve(accounts=[(key, "github")]), key, "bot: [bot] login")


@pytest.mark.parametrize("key", ["email:noreply@github.com", "login:copilot"])
def test_bot_from_the_seed(key):
    assert_bot(resolve(accounts=[(key, "git")], bots=BOT_SEED), key, "bot: seed")


def test_bot_seed_keys_seen_nowhere_are_not_rows():
    frame = resolve(accounts=[("login:dev", "github")], bots=BOT_SEED)
    assert frame["account_key"].tolist() == ["login:dev"]


@pytest.mark.parametrize(
    "key",
    [
        "login:release-bot",
        "login:Deploy-Robot",
        "login:ci_bot",
        "email:release.bot@example.com",
        "email:semantic-release-bot@martynus.net",
    ],
)
def test_bot_release_robot_name(key):
    frame = resolve(accounts=[(key, "git")])
    assert_bot(frame, frame["account_key"].iloc[0], "bot: release robot name")


@pytest.mark.parametrize("key", ["login:abbot", "login:talbot", "email:bot@example.com"])
def test_names_merely_containing_bot_are_people(key):
    frame = resolve(accounts=[(key, "git")])
    assert not frame["is_bot"].any()
    assert frame["developer_id"].tolist() == [key]


def test_bot_person_from_people_is_bot_makes_the_whole_developer_a_bot():
    frame = resolve(
        people=[
            ("ci", "email:ci@example.com", "login:ci-runner", True),
            ("p1", "email:dev@example.com", None, False),
        ],
        links=[("ci", "email:builds@example.com", "git", False)],
        accounts=[("email:builds@example.com", "git"), ("login:ci-runner", "github")],
    )
    for key in ("email:ci@example.com", "login:ci-runner", "email:builds@example.com"):
        assert_bot(frame, key, "bot: people.is_bot")
    assert developer(frame, "email:dev@example.com") == "p1"


def test_bot_that_is_also_shared_is_both():
    frame = resolve(
        people=[
            ("p1", "email:one@example.com", None, False),
            ("p2", "email:two@example.com", None, False),
        ],
        links=[
            ("p1", "login:deploy-bot", "github", False),
            ("p2", "login:deploy-bot", "github", False),
        ],
    )
    bot = row(frame, "login:deploy-bot")
    assert bot["is_bot"] and bot["is_shared"] and bot["developer_id"] is None
    assert bot["resolution"] == "bot: release robot name; shared: linked to 2 people (p1, p2)"


def test_bot_account_in_identities_csv_does_not_take_the_person():
    frame = resolve(
        people=[("p1", "email:dev@example.com", None, False)],
        links=[("p1", "login:dependabot[bot]", "github", False)],
    )
    assert_bot(frame, "login:dependabot[bot]", "bot: [bot] login")
    assert developer(frame, "email:dev@example.com") == "p1"


def test_people_row_with_a_bot_login_is_a_bot_person():
    # int_person_days leaves such a person out of the roster: it must not be a developer either.
    frame = resolve(
        people=[
            ("p1", "email:release@acme.com", "login:acme-release-bot", False),
            ("p2", "email:dev@acme.com", None, False),
        ],
        links=[("p1", "email:builds@acme.com", "git", False)],
        accounts=[("email:release@acme.com", "git")],
    )
    assert_bot(frame, "login:acme-release-bot", "bot: release robot name")
    for key in ("email:release@acme.com", "email:builds@acme.com"):
        assert_bot(frame, key, "bot: people.csv key is a bot")
    assert developer(frame, "email:dev@acme.com") == "p2"


def test_shared_bot_key_does_not_make_its_people_bots():
    frame = resolve(
        people=[
            ("p1", "email:one@acme.com", "login:deploy-bot", False),
            ("p2", "email:two@acme.com", "login:deploy-bot", False),
        ],
    )
    assert row(frame, "login:deploy-bot")["is_shared"]
    assert developer(frame, "email:one@acme.com") == "p1"
    assert developer(frame, "email:two@acme.com") == "p2"


def test_key_shared_with_a_bot_person_leaves_the_human_a_developer():
    frame = resolve(
        people=[
            ("human", "email:team@acme.com", "login:alice", False),
            ("ci", "email:team@acme.com", None, True),
        ],
    )
    shared = row(frame, "email:team@acme.com")
    assert shared["is_shared"] and shared["is_bot"]
    assert developer(frame, "login:alice") == "human"


# --- frame shape ---------------------------------------------------------------------------


def assert_shape(frame: pd.DataFrame) -> None:
    assert tuple(frame.columns) == OUTPUT_COLUMNS
    assert {column: str(dtype) for column, dtype in frame.dtypes.items()} == OUTPUT_DTYPES
    assert frame["account_key"].is_unique and frame["account_key"].is_monotonic_increasing
    assert frame.index.equals(pd.RangeIndex(len(frame)))
    for column in ("developer_id", "person_id"):
        assert all(value is None or isinstance(value, str) for value in frame[column])


def test_empty_inputs_give_an_empty_frame_with_columns_and_dtypes():
    frame = resolve()
    assert len(frame) == 0
    assert_shape(frame)
    assert_shape(resolve_identities())


def test_output_shape_and_missing_values_are_none():
    frame = resolve(
        people=[("p1", None, "login:dev", None)],
        links=[(None, "email:x@example.com", None, None)],
        accounts=[("login:other", None)],
        bots=BOT_SEED,
    )
    assert_shape(frame)
    assert row(frame, "login:other")["person_id"] is None
    assert developer(frame, "email:x@example.com") == "email:x@example.com"


def test_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match="account_key"):
        resolve_identities(accounts=pd.DataFrame({"key": ["login:x"]}))


def test_resolves_100000_keys_quickly():
    n = 25_000
    people = pd.DataFrame(
        {
            "person_id": [f"p{i}" for i in range(n)],
            "email_key": [f"email:p{i}@example.com" for i in range(n)],
            "login_key": [f"login:p{i}" for i in range(n)],
            "is_bot": [False] * n,
        }
    )
    links = pd.DataFrame(
        {
            "person_id": [f"p{i}" for i in range(n)],
            "account_key": [f"email:p{i}@gmail.com" for i in range(n)],
            "source": "any",
            "is_shared": False,
        }
    )
    accounts = pd.DataFrame(
        {"account_key": [f"login:u{i}" for i in range(n)] + [f"login:p{i}" for i in range(n)]}
    )
    started = time.perf_counter()
    frame = resolve_identities(people=people, identity_links=links, accounts=accounts)
    assert time.perf_counter() - started < 10
    assert len(frame) == 4 * n
    assert frame["is_rostered"].sum() == 3 * n


# --- union-find ----------------------------------------------------------------------------


def test_union_find_groups_transitively():
    sets: UnionFind[str] = UnionFind()
    for a, b in [("a", "b"), ("c", "d"), ("b", "c")]:
        assert sets.union(a, b)
    sets.add("e")
    assert sets.find("a") == sets.find("d") != sets.find("e")
    assert sorted(sorted(group) for group in sets.groups().values()) == [
        ["a", "b", "c", "d"],
        ["e"],
    ]


def test_union_find_refuses_to_merge_two_labels():
    sets: UnionFind[str] = UnionFind()
    sets.add("p1", label="p1")
    sets.add("p2", label="p2")
    assert sets.union("p1", "k1") and sets.union("p2", "k2")
    assert not sets.union("k1", "k2")
    assert sets.label("k1") == "p1" and sets.label("k2") == "p2"


def test_other_edge_kinds_that_would_join_two_people_make_their_keys_shared():
    # A key-key edge (not produced today) between two persons' keys: both keys are cut out.
    edges = [
        (("p", "p1"), ("k", "login:a")),
        (("p", "p2"), ("k", "login:b")),
        (("k", "login:a"), ("k", "login:b")),
        (("k", "login:b"), ("k", "login:c")),
    ]
    components, conflicted = _form_components(
        ["p1", "p2"], ["login:a", "login:b", "login:c"], edges
    )
    assert conflicted == {"login:a", "login:b"}
    assert components.label(("k", "login:c")) is None
    assert components.label(("p", "p1")) == "p1"


# --- properties ----------------------------------------------------------------------------

PERSONS = ["p1", "p2", "p3", "p4"]
UNROSTERED = ["u1", "u2"]
KEYS = [
    "email:a@example.com",
    "email:b@example.com",
    "email:c@example.com",
    "email:release.bot@example.com",
    "login:a",
    "login:b",
    "login:c",
    "login:d",
    "login:x[bot]",
    "login:copilot",
]
maybe_key = st.one_of(st.none(), st.sampled_from(KEYS))


@st.composite
def inputs(draw):
    rostered = draw(st.lists(st.sampled_from(PERSONS), unique=True, max_size=4))
    people = [
        (person, draw(maybe_key), draw(maybe_key), draw(st.booleans())) for person in rostered
    ]
    links = draw(
        st.lists(
            st.tuples(
                st.one_of(st.none(), st.sampled_from(PERSONS + UNROSTERED)),
                st.sampled_from(KEYS),
                st.sampled_from(["any", "git", "cursor"]),
                st.booleans(),
            ),
            max_size=8,
        )
    )
    accounts = draw(
        st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(["git", "github"])), max_size=8)
    )
    bots = draw(st.lists(st.sampled_from([(key, "seed") for key in KEYS]), max_size=2))
    return people, links, accounts, bots


def linked_persons(people, links) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for person, email_key, login_key, _ in people:
        for key in (email_key, login_key):
            if key is not None:
                found.setdefault(key, set()).add(person)
    for person, key, _, _ in links:
        if person is not None:
            found.setdefault(key, set()).add(person)
    return found


@settings(max_examples=150, deadline=None)
@given(inputs())
def test_property_no_developer_holds_two_people(data):
    people, links, accounts, bots = data
    frame = resolve(people, links, accounts, bots)
    assert_shape(frame)
    rostered = {person for person, *_ in people}
    linked = linked_persons(people, links)
    for developer_id, keys in frame.groupby("developer_id")["account_key"]:
        persons = set().union(*(linked.get(key, set()) for key in keys)) & rostered
        assert len(persons) <= 1, (developer_id, persons)
        if persons:
            assert persons == {developer_id}
    attributed = frame[frame["developer_id"].notna()]
    assert (attributed["is_rostered"] == attributed["person_id"].notna()).all()
    assert not (frame["developer_id"].notna() & (frame["is_bot"] | frame["is_shared"])).any()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs(), st.randoms(use_true_random=False))
def test_property_output_is_invariant_to_row_order(data, random):
    expected = resolve(*data)
    shuffled = []
    for rows in data:
        rows = list(rows)
        random.shuffle(rows)
        shuffled.append(rows)
    pd.testing.assert_frame_equal(resolve(*shuffled), expected)


@settings(max_examples=150, deadline=None)
@given(inputs())
def test_property_key_of_exactly_one_person_maps_to_that_person(data):
    people, links, accounts, bots = data
    frame = resolve(people, links, accounts, bots)
    rostered = {person for person, *_ in people}
    linked = linked_persons(people, links)
    for record in frame.itertuples(index=False):
        persons = linked.get(record.account_key, set())
        if record.is_shared:
            assert len(persons) >= 2 or any(
                key == record.account_key and shared for _, key, _, shared in links
            )
            continue
        assert len(persons) <= 1
        if record.is_bot or not persons:
            continue
        (person,) = persons
        assert record.developer_id == person
        assert record.person_id == (person if person in rostered else None)
        assert record.is_rostered == (person in rostered)
