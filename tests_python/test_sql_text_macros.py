"""The text macros that skip trim where it cannot change the text give what trim gives.

`trimmed_text` and `trim_characters` test the edges of a value before calling DuckDB's trim,
which is the costly part. The property: on any text, each equals the plain expression it
stands for. `trimmed_text` removes the white space Python's `str.strip()` removes (the identity
resolution is Python and reads the same person ids): it equals `value.strip() or None` too,
and with a side, `lstrip` / `rstrip`. The alphabet holds ASCII white space, Unicode space
separators, other white space, characters that look like white space but are not (U+200B,
U+FEFF) and text around them. `whitespace_regex_class` matches exactly Python's white space,
and `last_paragraph` (the git trailers' paragraph) equals a Python reading of contract section
7 on random text.
"""

from __future__ import annotations

import pytest
from conftest import VALUES_CONNECTION, compiled_sql, rows_over_values
from hypothesis import given, settings
from hypothesis import strategies as st

from ai_adoption.identity import normalize_account_key

WHITESPACE = ["' '", "chr(9)", "chr(10)", "chr(13)"]
CHARACTERS = (
    " \t\n\r\x0b\x0c\x1c\x1f"  # ASCII white space
    "\u00a0\u2009\u3000\u202f\u205f\u1680"  # space separators
    "\u2028\u0085"  # other white space
    "\u200b\ufeff\x00\x08"  # not white space
    "aZ9@.{[é👍"  # text
)
PYTHON_WHITESPACE = "".join(
    chr(code_point) for code_point in range(0x110000) if chr(code_point).isspace()
)
ALL_WHITESPACE = " || ".join(f"chr({ord(character)})" for character in PYTHON_WHITESPACE)

EDGE_VALUES = [
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
    "Red\r",
    "p1\x0b",
    "p1\x1f",
    "p1\u0085",
    "p1\u2028",
    "p1\ufeff",
    "p\t1",
]

# Each macro call, and the plain SQL it stands for.
EXPRESSIONS = {
    "trimmed_text": ("{{ trimmed_text('value') }}", f"nullif(trim(value, {ALL_WHITESPACE}), '')"),
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


@pytest.fixture(scope="module")
def trimmed_sql(tmp_path_factory) -> str:
    return compiled_sql(
        tmp_path_factory.mktemp("trimmed_text"),
        "select value, {{ trimmed_text('value') }} as trimmed,"
        " {{ trimmed_text('value', 'leading') }} as leading_trimmed,"
        " {{ trimmed_text('value', 'trailing') }} as trailing_trimmed from values_to_check",
    )


def python_trimmed(value: str | None) -> tuple:
    """Python's strip, lstrip and rstrip of `value`, None for nothing left."""
    if value is None:
        return None, None, None
    return value.strip() or None, value.lstrip() or None, value.rstrip() or None


def differences_from_python(sql: str, values: list[str | None]) -> list[tuple]:
    """The values whose trimmed_text (both sides, leading, trailing) is not Python's strip,
    lstrip and rstrip."""
    return [row for row in rows_over_values(sql, values) if row[1:] != python_trimmed(row[0])]


def test_whitespace_characters_are_pythons(tmp_path):
    """The macro's set is exactly the characters of str.isspace, each once."""
    sql = compiled_sql(
        tmp_path, "select {{ whitespace_characters() | join(' || ') }} as characters"
    )
    (characters,) = VALUES_CONNECTION.execute(sql).fetchone()
    assert characters == PYTHON_WHITESPACE


def test_trimmed_text_strips_what_python_strips(trimmed_sql):
    assert differences_from_python(trimmed_sql, EDGE_VALUES) == []


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.text(alphabet=CHARACTERS, max_size=6), min_size=1, max_size=40))
def test_trimmed_text_strips_what_python_strips_on_any_text(trimmed_sql, values):
    assert differences_from_python(trimmed_sql, values) == []


def differences(sql: str, values: list[str | None]) -> list[tuple]:
    """The values on which some macro and its plain SQL differ, with which ones."""
    rows = rows_over_values(sql, values)
    return [row for row in rows if any(row[1:])]


def test_the_macros_equal_trim_on_edge_cases(compared_sql):
    assert differences(compared_sql, EDGE_VALUES) == []


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
    broken = compared_sql.replace("ascii(right(value, 1)) <= 32", "false")
    assert broken != compared_sql
    assert [row[0] for row in differences(broken, ["a\t", "\ta"])] == ["a\t"]


# --- the regular expressions' white space, and a message's last paragraph --------------------


def test_the_white_space_class_is_pythons(tmp_path):
    """whitespace_regex_class matches exactly the characters of str.isspace; with `excluding`
    it leaves the line feed out."""
    sql = compiled_sql(
        tmp_path,
        "select value, regexp_matches(value, '^{{ whitespace_regex_class() }}$'),"
        " regexp_matches(value, '^{{ whitespace_regex_class(excluding=[10]) }}$')"
        " from values_to_check",
    )
    others = [chr(code_point) for code_point in range(0x3100) if not chr(code_point).isspace()]
    rows = rows_over_values(sql, [*PYTHON_WHITESPACE, *others, "\u200b", "\ufeff", "  "])
    for value, matches_class, matches_class_within_a_line in rows:
        white_space = value.isspace() and len(value) == 1
        assert (matches_class, matches_class_within_a_line) == (
            white_space,
            white_space and value != "\n",
        ), repr(value)


def python_last_paragraph(message: str | None) -> str | None:
    """Contract section 7 in Python: the lines after the last blank (white space only) line that
    a line feed ends; None for a message without one, or one that ends with a blank line."""
    if message is None:
        return None
    lines = message.split("\n")
    blanks = [number for number in range(len(lines) - 1) if lines[number].strip() == ""]
    if not blanks or (len(lines) > 1 and lines[-1] == "" and lines[-2].strip() == ""):
        return None
    return "\n".join(lines[blanks[-1] + 1 :])


LAST_PARAGRAPH_EDGES = [
    None, "", "\n", "a", "a\nb", "a\n\nb", "\nb", "  \nb\nc", "a\n\f\nb", "a\n\u00a0\nb",
    "a\n\u200b\nb", "a\n\nb\n", "a\n\nb\n\n", "a\n\nb\n \n", "a\n\n\nb", "\n\n", "a\n\r\nb",
]  # fmt: skip


@pytest.fixture(scope="module")
def last_paragraph_sql(tmp_path_factory) -> str:
    return compiled_sql(
        tmp_path_factory.mktemp("last_paragraph"),
        "select value, {{ last_paragraph('value') }} as paragraph from values_to_check",
    )


def last_paragraph_differences(sql: str, values: list[str | None]) -> list[tuple]:
    return [
        (value, paragraph, python_last_paragraph(value))
        for value, paragraph in rows_over_values(sql, values)
        if paragraph != python_last_paragraph(value)
    ]


def test_last_paragraph_is_the_contracts_on_edge_cases(last_paragraph_sql):
    assert last_paragraph_differences(last_paragraph_sql, LAST_PARAGRAPH_EDGES) == []


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(
        st.text(alphabet="\n\n\n \t\f\u00a0\u3000\u200bab", max_size=12), min_size=1, max_size=40
    )
)
def test_last_paragraph_is_the_contracts_on_any_text(last_paragraph_sql, values):
    assert last_paragraph_differences(last_paragraph_sql, values) == []


# --- account keys: the SQL macro and the Python function give one key ---------------------------

ACCOUNT_EDGES = [
    None, "", " ", "Dev.One@Example.COM", " octo-cat\t", "123+Octo@users.noreply.github.com",
    "Octo@USERS.NOREPLY.GITHUB.COM", "abc+jane@users.noreply.github.com", "Ivy <ivy@acme.com>",
    "<ivy@acme.com>", "<>", "Ivy <ivy@acme.com> >", "a <b> <c@d.com>", "<a@b.com", "ivy>",
    "Ivy <12345+Ivy@users.noreply.github.com>", "\u00a0jane+ai@acme.com\u3000",
]  # fmt: skip
# ASCII, the characters of the display-name and no-reply forms, white space, and é (É). Left
# out: letters whose lower case differs between DuckDB (one character at a time) and Python
# (Unicode's full rules: a final Σ, İ), a reading kept on purpose.
ACCOUNT_ALPHABET = "aZ9@+.-_<> \t\u00a0éÉ"
ACCOUNT_ALPHABET_TOKENS = ["users.noreply.github.com", "123+", "@"]


@pytest.fixture(scope="module")
def account_key_sql(tmp_path_factory) -> str:
    return compiled_sql(
        tmp_path_factory.mktemp("account_keys"),
        "select value, {{ normalize_account_key('value', 'email') }},"
        " {{ normalize_account_key('value', 'login') }},"
        " {{ normalize_account_key('value', 'auto') }} from values_to_check",
    )


def account_key_differences(sql: str, values: list[str | None]) -> list[tuple]:
    python = {
        value: tuple(normalize_account_key(value, kind) for kind in ("email", "login", "auto"))
        for value in values
    }
    return [
        (row[0], row[1:], python[row[0]])
        for row in rows_over_values(sql, values)
        if row[1:] != python[row[0]]
    ]


def test_account_keys_are_the_python_ones_on_edge_cases(account_key_sql):
    assert account_key_differences(account_key_sql, ACCOUNT_EDGES) == []


@settings(max_examples=100, deadline=None)
@given(
    values=st.lists(
        st.lists(
            st.one_of(st.sampled_from(ACCOUNT_ALPHABET), st.sampled_from(ACCOUNT_ALPHABET_TOKENS)),
            max_size=8,
        ).map("".join),
        min_size=1,
        max_size=40,
    )
)
def test_account_keys_are_the_python_ones_on_any_text(account_key_sql, values):
    assert account_key_differences(account_key_sql, values) == []
