"""The text macros that skip trim where it cannot change the text give what trim gives.

`trimmed_text` and `trim_characters` test the edges of a value before calling DuckDB's trim,
which is the costly part. The property: on any text, each equals the plain expression it
stands for. DuckDB's one-argument trim removes Unicode space separators (U+00A0, U+3000, ...),
so the alphabet holds those, other white space that trim keeps, and text around them.
"""

from __future__ import annotations

import pytest
from conftest import compiled_sql, rows_over_values
from hypothesis import given, settings
from hypothesis import strategies as st

WHITESPACE = ["' '", "chr(9)", "chr(10)", "chr(13)"]
CHARACTERS = (
    " \t\n\r\x0b\x0c"  # ASCII white space: only ' ' is a space separator
    "\u00a0\u2009\u3000\u202f\u205f\u1680"  # space separators
    "\u200b\u2028\ufeff\u0085"  # white space trim keeps
    "aZ9@.{[é👍"  # text
)

# Each macro call, and the plain SQL it stands for.
EXPRESSIONS = {
    "trimmed_text": ("{{ trimmed_text('value') }}", "nullif(trim(value), '')"),
    "trim_both": (
        f"{{{{ trim_characters('value', {WHITESPACE}) }}}}",
        "trim(value, ' ' || chr(9) || chr(10) || chr(13))",
    ),
    "trim_leading": (
        f"{{{{ trim_characters('value', {WHITESPACE[:2]}, 'leading') }}}}",
        "ltrim(value, ' ' || chr(9))",
    ),
    "trim_trailing": (
        f"{{{{ trim_characters('value', {WHITESPACE[:3]}, 'trailing') }}}}",
        "rtrim(value, ' ' || chr(9) || chr(10))",
    ),
}


@pytest.fixture(scope="module")
def compared_sql(tmp_path_factory) -> str:
    """One select of `values (value)`: for each expression, whether the macro's SQL and the
    plain SQL differ."""
    columns = ", ".join(
        f"({macro}) is distinct from ({plain}) as {name}"
        for name, (macro, plain) in EXPRESSIONS.items()
    )
    return compiled_sql(
        tmp_path_factory.mktemp("text_macros"), f"select value, {columns} from values_to_check"
    )


def differences(sql: str, values: list[str | None]) -> list[tuple]:
    """The values on which some macro and its plain SQL differ, with which ones."""
    rows = rows_over_values(sql, values)
    return [row for row in rows if any(row[1:])]


def test_the_macros_equal_trim_on_edge_cases(compared_sql):
    values = [
        None,
        "",
        " ",
        "  ",
        "a",
        " a",
        "a ",
        " a ",
        "\ta\t",
        "\u00a0a",
        "a\u3000",
        "\u3000",
        "\u200ba",
        "é",
        " é ",
        "\r\n",
        "a\n",
        "\na",
        "👍 ",
        "\u00a0 \u00a0",
        "\t \t",
    ]
    assert differences(compared_sql, values) == []


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.text(alphabet=CHARACTERS, max_size=6), min_size=1, max_size=40))
def test_the_macros_equal_trim_on_any_text(compared_sql, values):
    assert differences(compared_sql, values) == []


def test_a_broken_fast_path_would_be_caught(compared_sql):
    """The comparison itself can fail: the same check against an expression that forgets the
    Unicode spaces (trim only where the text starts or ends with ' ') finds a difference."""
    broken = compared_sql.replace("strlen(value) <> length(value)", "false")
    assert broken != compared_sql
    assert [row[0] for row in differences(broken, ["\u00a0a", "a"])] == ["\u00a0a"]
