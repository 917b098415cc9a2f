"""`json_counts_may_be_invalid` never hides an invalid count from `invalid_count_fields`, and
`json_count_is_invalid` / `json_count` read every JSON value as the contract says.

Copilot's staging model checks the counts inside `totals_by_feature` element by element only
where the regular expression of `json_counts_may_be_invalid` says one may be invalid. The
property: on any list of feature objects, whenever the element-by-element check finds an
invalid count, the prefilter is true.
"""

from __future__ import annotations

import json
import math

import pytest
from conftest import compiled_sql, rows_over_values
from hypothesis import given, settings
from hypothesis import strategies as st

FIELDS = ["loc_added_sum", "code_generation_activity_count"]
LIST_FIELDS = {field: f"json_extract(record, '$[*].{field}')" for field in FIELDS}


@pytest.fixture(scope="module")
def compared_sql(tmp_path_factory) -> str:
    """One select over `lists_to_check (record)`: the prefilter and the exact check."""
    sql = (
        "select record,"
        f" {{{{ json_counts_may_be_invalid('record', {FIELDS}) }}}} as may_be_invalid,"
        f" {{{{ invalid_count_fields({{}}, {LIST_FIELDS}) }}}} as invalid_fields"
        " from lists_to_check"
    )
    return compiled_sql(tmp_path_factory.mktemp("json_count_prefilter"), sql)


def checked(sql: str, records: list[str]) -> list[tuple]:
    """(record, may_be_invalid, invalid_fields) for each JSON text of `records`."""
    return rows_over_values(sql, records, table="lists_to_check", column="record", as_json=True)


def hidden(sql: str, records: list[str]) -> list[tuple]:
    """The lists holding an invalid count that the prefilter lets through."""
    return [row for row in checked(sql, records) if row[2] is not None and not row[1]]


def test_the_edge_cases_are_caught(compared_sql):
    records = [
        '[{"loc_added_sum": -1}]',
        '[{"loc_added_sum" : "3"}]',
        '[{"loc_added_sum":\ttrue}]',
        '[{"code_generation_activity_count": {"n": 1}}]',
        '[{"code_generation_activity_count": [1]}]',
        '[{"loc_added_sum": 1}, {"loc_added_sum": -0.5}]',
        '[{"loc_added_sum": null}, {"code_generation_activity_count": false}]',
        # not JSON numbers, though DuckDB's reader takes them: lower-case nan is no null
        '[{"loc_added_sum": nan}]',
        '[{"loc_added_sum":NaN}]',
        '[{"code_generation_activity_count": inf}]',
        '[{"loc_added_sum": -Infinity}]',
    ]
    rows = checked(compared_sql, records)
    assert [row[0] for row in rows if row[2] is None] == []  # each is invalid
    assert [row[0] for row in rows if not row[1]] == []  # and none slips through


def test_clean_lists_skip_the_exact_check(compared_sql):
    """The prefilter is worth having: numbers, exponents, fractions and null pass it."""
    records = [
        '[{"feature": "chat", "loc_added_sum": 0, "code_generation_activity_count": 12}]',
        '[{"loc_added_sum": 1e3}, {"loc_added_sum": 2.5, "code_generation_activity_count": null}]',
        "[]",
    ]
    assert [row[1] for row in checked(compared_sql, records)] == [False, False, False]


JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=10**6),
    st.floats(width=32),  # NaN and Infinity too, as json.dumps writes them
    st.text(alphabet="0123456789-.e ", max_size=4),
    st.lists(st.integers(min_value=-2, max_value=2), max_size=2),
    st.dictionaries(st.sampled_from(["n", "loc_added_sum"]), st.integers(-1, 1), max_size=1),
)
ELEMENTS = st.dictionaries(st.sampled_from([*FIELDS, "feature", "other"]), JSON_VALUES)


@settings(max_examples=200, deadline=None)
@given(
    lists=st.lists(st.lists(ELEMENTS, max_size=4), min_size=1, max_size=20), spaced=st.booleans()
)
def test_no_invalid_count_is_hidden(compared_sql, lists, spaced):
    separators = (", ", ": ") if spaced else (",", ":")
    records = [json.dumps(elements, separators=separators) for elements in lists]
    assert hidden(compared_sql, records) == []


def test_a_broken_prefilter_would_be_caught(compared_sql):
    """The check itself can fail: a prefilter that lets a negative number through hides it."""
    broken = compared_sql.replace("[^0-9n\\s]", "[^0-9n\\s-]")
    assert broken != compared_sql
    assert len(hidden(broken, ['[{"loc_added_sum": -1}]'])) == 1


# ---------------------------------------------------------------------------------------------
# json_count_is_invalid and json_count against a Python reading of contract section 7: a count
# that is present but not a non-negative JSON number is invalid and counts as 0; a fraction is
# rounded up; a count above max_json_count() counts as that cap.
# ---------------------------------------------------------------------------------------------

COUNT_CAP = 10**12
JSON_LITERALS = ("true", "false", "null")


@pytest.fixture(scope="module")
def count_sql(tmp_path_factory) -> str:
    sql = (
        "select value, {{ json_count_is_invalid('value') }} as is_invalid,"
        " {{ json_count('value') }} as counted from values_to_check"
    )
    return compiled_sql(tmp_path_factory.mktemp("json_count"), sql)


def expected_count(text: str | None) -> tuple[bool, int]:
    """(is_invalid, counted) of one JSON text; None is a missing value. NaN, Infinity, nan and
    inf, which DuckDB's JSON reader takes as numbers (Python's takes two of them), are no JSON
    number (RFC 8259): invalid."""
    if text is not None and text.lstrip("-")[:1].isalpha() and text not in JSON_LITERALS:
        return True, 0
    value = None if text is None else json.loads(text)
    if value is None:
        return False, 0
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return True, 0
    if value < 0:
        return True, 0
    return False, min(math.ceil(value), COUNT_CAP) if value != math.inf else COUNT_CAP


def count_mismatches(sql: str, texts: list[str | None]) -> list[tuple]:
    rows = rows_over_values(sql, texts, as_json=True)
    return [
        (text, (is_invalid, counted), expected_count(text))
        for text, is_invalid, counted in rows
        if (is_invalid, counted) != expected_count(text)
    ]


COUNT_EDGE_CASES = (
    [None, "null", "0", "-0", "0.0", "3", "2.5", "-1", "-0.5", "1e3", "1E-3", "1e400", "-1e400"]
    + ["18446744073709551616", "-9223372036854775809", "1000000000001", "true", "false"]
    + ['"3"', '""', "[1]", "[]", '{"n": 1}', "{}"]
    + ["NaN", "-NaN", "nan", "NAN", "Infinity", "-Infinity", "inf", "-inf", "INF", "infinity"]
)


def test_counts_read_as_the_contract_says(count_sql):
    assert count_mismatches(count_sql, COUNT_EDGE_CASES) == []


@settings(max_examples=200, deadline=None)
@given(values=st.lists(JSON_VALUES | st.integers() | st.floats(), max_size=30))
def test_any_count_reads_as_the_contract_says(count_sql, values):
    texts = [json.dumps(value) for value in values]
    assert count_mismatches(count_sql, texts) == []


def test_a_count_check_without_the_null_test_would_be_caught(count_sql):
    broken = count_sql.replace("<> 'NULL'", "<> 'no such type'")
    assert broken != count_sql
    assert count_mismatches(broken, ["null"]) == [("null", (True, 0), (False, 0))]
