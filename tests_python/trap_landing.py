"""Hand-made landing folders, each full of one family of traps that real exports contain.

`TRAPS` maps a name to the function that writes the folder and the dbt vars to build it with.
`test_traps.py` builds each one and compares every mart row with `contract_oracle.py`. The
comments say what each record tests; the expected outcome is the oracle's to compute, not
written here. Families:

- identity:     account keys across tools (case, no-reply e-mails, identities.csv), shared
                accounts (explicit, and by linking two people), bots of every spelling and their
                look-alikes that are people;
- identity3/4:  more shared-by-linking cases, a bot person, person ids with spaces or another case,
                a person whose own login looks like a robot, tabs around a person id, a team
                and a date, an e-mail ending in a no-break space;
- dates:        employment and team-membership edges inside a week, git author offsets, GitHub
                times near midnight (built twice: defaults, and New York with both date vars);
- records:      duplicate and re-delivered records of every source, Copilot's feature list rules,
                invalid counts;
- github / git: one mention, command, assignment or trailer case per day;
- misc2:        more trailer and mention spellings;
- yearend, months: buckets across a year end, and over whole months;
- nodirectory:  git only, no directory folder, empty vendor folders;
- edge2:        a Windows-1252 people.csv with an extra column, shared logins through no-reply
                e-mails, whitespace in commands and trailers, fractional counts, file-name order;
- defaults / defaults2: the default period set by records that qualify nothing, by superseded
                deliveries and by shared accounts;
- parsing:      BOM, CRLF, blank and malformed lines, pretty-printed pages, raw U+2028 in messages;
- misc3 / misc4: team spelling, non-ASCII e-mails, invalid dates, missing ids, files in
                sub-folders, invalid JSON, re-rostered people.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from conftest import copilot_feature as feature
from landing_writer import (
    IDENTITIES_HEADER,
    MEMBERSHIPS_HEADER,
    PEOPLE_HEADER,
    Landing,
    cursor_epoch_ms,
)

CLAUDE_TRAILER = "Co-authored-by: Claude <noreply@anthropic.com>"


def noon(day: str) -> str:
    return day + "T12:00:00Z"


def days_from(start: dt.date) -> Callable[[int], str]:
    """day(i): the ISO date i days after `start`."""
    return lambda offset: (start + dt.timedelta(days=offset)).isoformat()


def framed_days(
    landing: Landing, start: dt.date, last: int, first: int = 0
) -> Callable[[int], str]:
    """days_from(start), after two pushes that qualify nothing on day(first) and day(last): the
    default period spans them."""
    day = days_from(start)
    landing.push(day(first) + "T00:00:00Z")
    landing.push(day(last) + "T00:00:00Z")
    return day


def identity(landing: Landing) -> None:
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [
            "P1,Alice A,Alice@Acme.example ,Alice,Red,false,,",
            "P2,Bob B,bob@acme.example,bob,Red,,,",
            "P3,Carol C,pair@acme.example,carol,Blue,false,,",
            "P4,Dan D,dan@acme.example,dan,Blue,false,,",
            "P5,Eve E,eve@acme.example,eve,Green,false,,",
            "P6,Fay F,fay@acme.example,fay,Green,false,,",
            "P7,Buildy,buildy@acme.example,buildy,Red,true,,",
            "P8,Gus G,,gus,,false,,",
            "P9,Hal H,hal@acme.example,,Blue,TRUE,,",
            "P10,Ivy I,ivy@acme.example,ivy,Blue,false,,",
        ],
    )
    landing.csv(
        "directory/identities.csv",
        IDENTITIES_HEADER,
        [
            "P4,cursor,pair@acme.example,false",  # P3's e-mail linked to P4 too: shared
            "P1,cursor,team@acme.example,true",  # explicitly shared
            "X-1,cursor,ext1@partner.example,false",  # unrostered person, two accounts
            "X-1,github,Ext-One,false",
            "P6,git,eve@acme.example,false",  # P5's e-mail linked to P6 too: shared
            "P2,copilot,bobby-personal,false",  # another login of Bob's
            "P2,any,bob@acme.example,false",  # the same person again: not shared
            "X-2,github,solo-ext,false",
            "X-3,github,solo-ext,false",  # linked to: shared
            "P10,github,ivy-alt,false",
            "P10,git,ivy.alt@home.example,false",
        ],
    )
    monday = "2025-03-03"
    landing.push(monday + "T00:00:01Z")
    landing.push("2025-03-09T23:59:59Z")
    # Alice through an upper-case Copilot login and a no-reply e-mail with digits
    landing.copilot(monday, "ALICE", 11, code_acceptance_activity_count=2)
    landing.commit(
        "2025-03-04T10:00:00+00:00",
        "123+Alice@users.noreply.github.com",
        "Fix\n\n" + CLAUDE_TRAILER,
    )
    # Bob through a no-reply e-mail without digits and an extra login from identities.csv
    landing.commit(
        "2025-03-05T10:00:00+00:00", "bob@users.noreply.github.com", "Fix\n\n" + CLAUDE_TRAILER
    )
    landing.copilot("2025-03-05", "Bobby-Personal", 12, used_agent=True)
    # the shared pair@ counts nobody; Carol still counts through her login
    landing.cursor(monday, "pair@acme.example", chatRequests=1)
    landing.comment(noon("2025-03-06"), "carol", "@claude please look")
    landing.cursor("2025-03-04", "Team@Acme.example", chatRequests=1)
    # unrostered X-1 through two accounts on one day: one developer
    landing.cursor("2025-03-04", "EXT1@partner.example", chatRequests=1)
    landing.comment(noon("2025-03-04"), "ext-one", "@claude go")
    # Eve active only through her shared e-mail; Fay through her own
    landing.cursor("2025-03-05", "eve@acme.example", agentRequests=3)
    landing.cursor("2025-03-05", "fay@acme.example", agentRequests=3)
    # a person flagged is_bot, and Hal flagged TRUE
    landing.cursor("2025-03-05", "buildy@acme.example", chatRequests=1)
    landing.comment(noon("2025-03-05"), "buildy", "@claude go")
    landing.cursor("2025-03-06", "hal@acme.example", chatRequests=1)
    # Gus: a login only and no team
    landing.comment(noon("2025-03-06"), "Gus", "@copilot fix it")
    landing.comment(noon("2025-03-06"), "solo-ext", "@claude go")
    # Ivy through her other accounts
    landing.comment(noon("2025-03-07"), "IVY-ALT", "@devin do it")
    landing.commit("2025-03-07T10:00:00+00:00", "Ivy.Alt@Home.example", "aider: tweak")
    # names are never keys: one name, two unrostered developers
    codex = "x\n\nCo-authored-by: Codex <c@openai.example>"
    landing.commit("2025-03-07T10:00:00+00:00", "zed@gmail.example", codex, author_name="Zed Z")
    landing.commit(
        "2025-03-07T11:00:00+00:00",
        "999+zedz@users.noreply.github.com",
        codex,
        author_name="Zed Z",
    )
    bot_logins = [
        "dependabot[bot]",
        "renovate",
        "github-actions",
        "deploy-bot",
        "deploy_bot",
        "ci.bot",
        "release-robot",
        "Release-Bot",
        "web-flow",
        "ghost",
        "pre-commit-ci[bot]",
        "some-app[bot]",
        "Copilot",
        "ImgBotApp",
    ]
    for login in bot_logins:
        landing.comment(noon("2025-03-08"), login, "@claude go")
    bot_emails = [
        "action@github.com",
        "noreply@github.com",
        "support@dependabot.com",
        "bot@renovateapp.com",
        "Renovate@WhiteSourceSoftware.com",  # self-hosted Renovate's default author
        "github-actions@github.com",
        "actions@github.com",
        "support@greenkeeper.io",
        "ImgBotApp@gmail.com",
        "release-bot@acme.example",
        "build_bot@acme.example",
        "ship.bot@acme.example",
        "ci-robot@acme.example",
        "49699333+dependabot[bot]@users.noreply.github.com",
        "12+release-bot@users.noreply.github.com",
        "noreply@anthropic.com",
        "cursoragent@cursor.com",
        "noreply@aider.chat",
    ]
    for email in bot_emails:
        landing.commit("2025-03-08T10:00:00+00:00", email, "x\n\n" + CLAUDE_TRAILER)
    landing.cursor("2025-03-08", "deploy-bot@acme.example", chatRequests=1)
    # look-alikes that are people
    for login in ["abbot", "robot", "talbot", "bot-herder", "botany"]:
        landing.comment(noon("2025-03-09"), login, "@claude go")
    landing.cursor("2025-03-09", "robot@acme.example", chatRequests=1)
    landing.cursor("2025-03-09", "cabot@acme.example", chatRequests=1)


def identity3(landing: Landing) -> None:
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [
            "P1,A,k1@acme.example,p1,Red,false,,",
            "P2,B,k2@acme.example,p2,Blue,false,,",
            "P3,C,c@acme.example,p3,Red,false,,",
            "P4,Bot,bot4@acme.example,p4,Bots,true,,",  # a bot person's team
            "P5,E,e@acme.example,p5,Red,false,,",
            "P6,F,,p6,Red,false,,",
            "P7,G,g@acme.example,,Teal,false,,",
        ],
    )
    landing.csv(
        "directory/identities.csv",
        IDENTITIES_HEADER,
        [
            "X-1,cursor,k1@acme.example,false",  # P1 and X-1: shared
            "X-1,cursor,k2@acme.example,false",  # P2 and X-1: shared
            "X-1,github,x1-own,false",
            "P3,github,p3-bot,false",  # a person's account that looks like a robot's
            "P5,github,P5,false",  # the people row's key, another source
            "P5,copilot,p5,true",  # ... flagged shared
            "P6,git,shared-and-not@acme.example,false",
            "P7,git,shared-and-not@acme.example,true",
            "X-9,github,lonely,false",
            "P2,github,Lonely,false",  # X-9 and P2: shared
        ],
    )
    landing.csv(
        "directory/team_memberships.csv",
        MEMBERSHIPS_HEADER,
        [
            "P1,Red,2025-01-01,",
            "P1,Mauve,2025-01-01,2025-02-01",  # ended before the data
            "X-1,Red,2025-01-01,",
        ],
    )
    day = framed_days(landing, dt.date(2025, 11, 3), 20)
    landing.cursor(day(1), "k1@acme.example", chatRequests=1)
    landing.cursor(day(2), "k2@acme.example", chatRequests=1)
    landing.comment(noon(day(3)), "x1-own", "@claude go")
    landing.comment(noon(day(4)), "p1", "@claude go")
    landing.comment(noon(day(5)), "p3-bot", "@claude go")
    landing.comment(noon(day(6)), "p5", "@claude go")
    landing.cursor(day(7), "e@acme.example", chatRequests=1)
    landing.commit(day(8) + "T10:00:00+00:00", "shared-and-not@acme.example", "aider: x")
    landing.comment(noon(day(9)), "lonely", "@claude go")
    landing.comment(noon(day(10)), "p4", "@claude go")
    landing.comment(noon(day(11)), "p6", "@claude go")
    landing.cursor(day(12), "g@acme.example", chatRequests=1)


def identity4(landing: Landing) -> None:
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [
            "P1,A,a@acme.example,a,Red,false,,",
            "P2,B,b@acme.example,deploy-bot,Blue,false,,",  # a person with a robot's login
            "P3,C,c@acme.example,c,Green,false,,",
            " P4 ,D,d@acme.example,d,Teal,false,,",
            # tabs around the id, the team and a date: white space like Python's str.strip()
            "P5\t,E,e@acme.example,e,Olive\t,false,\t2025-01-01,",
        ],
    )
    landing.csv(
        "directory/identities.csv",
        IDENTITIES_HEADER,
        [
            "p1,github,a-alt,false",  # person id in another case
            "P3 ,github,c-alt,false",  # trailing space
            "P4,github,d-alt,false",
            "\tP5,github,e-alt,false",
        ],
    )
    landing.csv("directory/team_memberships.csv", MEMBERSHIPS_HEADER, ["P5\t,Plum,2025-02-10,"])
    day = framed_days(landing, dt.date(2025, 2, 3), 13)
    landing.comment(noon(day(1)), "a-alt", "@claude go")
    landing.comment(noon(day(2)), "a", "@claude go")
    landing.cursor(day(3), "b@acme.example", chatRequests=1)
    landing.comment(noon(day(4)), "deploy-bot", "@claude go")
    landing.comment(noon(day(5)), "c-alt", "@claude go")
    landing.comment(noon(day(6)), "d-alt", "@claude go")
    landing.comment(noon(day(6)), "d", "@claude go")
    landing.comment(noon(day(7)), "e-alt", "@claude go")
    landing.cursor(day(8), "E@acme.example\u00a0", chatRequests=1)  # a no-break space


def dates(landing: Landing) -> None:
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [
            "P1,A,a@acme.example,a,Alpha,false,2025-03-05,",  # starts on a Wednesday
            "P2,B,b@acme.example,b,Beta,false,,2025-03-04",  # last day a Tuesday
            "P3,C,c@acme.example,c,Gamma,false,2025-02-01,2025-02-25",  # left before the data
            "P4,D,d@acme.example,d,Delta,false,2025-03-20,",  # starts after the data
            "P5,E,e@acme.example,e,,false,,",
            "P6,F,f@acme.example,f,Alpha,false,2025-02-26,2025-02-26",  # one day
            "P7,G,g@acme.example,g,Alpha,false,,",
        ],
    )
    landing.csv(
        "directory/team_memberships.csv",
        MEMBERSHIPS_HEADER,
        [
            "P1,Beta,2025-03-01,2025-03-10",
            "P1,Gamma,2025-03-06,",  # overlaps: the later valid_from wins from 03-06
            "P2,Omega,2025-01-01,2025-03-04",  # valid_to is exclusive: 03-04 is Beta again
            "P7,Beta,2025-03-03,2025-03-05",
            "P7,Delta,2025-03-05,2025-03-07",  # two moves in one week
            "Z9,Phantom,2025-01-01,",  # a person not in people.csv
            "P5,Epsilon,2025-04-01,",  # a membership that starts after the data
        ],
    )
    landing.push("2025-02-27T00:00:00Z")
    landing.push("2025-03-18T23:59:59Z")
    # git author dates in their own offsets
    landing.commit("2025-03-03T23:30:00-05:00", "a@acme.example", "aider: x")
    landing.commit("2025-03-05T00:30:00+02:00", "a@acme.example", "aider: y")
    landing.commit("2025-03-06T01:00:00+09:00", "b@acme.example", "aider: y")
    landing.commit("2025-03-03T23:59:59+00:00", "b@acme.example", "aider: y")
    landing.commit("2025-03-04T00:00:00+00:00", "e@acme.example", "aider: y")
    # GitHub times near midnight
    landing.comment("2025-03-09T23:59:59Z", "c", "@claude go")
    landing.comment("2025-03-10T00:00:00Z", "d", "@claude go")
    landing.comment("2025-03-10T03:00:00Z", "e", "@claude go")
    # the daily vendors' dates are never shifted
    landing.cursor("2025-03-12", "A@acme.example", chatRequests=1)
    landing.claude("2025-03-12", email="b@acme.example", sessions=1)
    landing.copilot("2025-03-12", "e", 5, used_agent=True)
    # P7 under Beta, Delta, then people.csv's Alpha
    for day in ("2025-03-03", "2025-03-05", "2025-03-07"):
        landing.cursor(day, "g@acme.example", chatRequests=1)
    # P1 under the overlapping memberships
    landing.cursor("2025-03-07", "a@acme.example", agentRequests=1)
    landing.cursor("2025-03-11", "a@acme.example", agentRequests=1)
    landing.cursor("2025-02-27", "f@acme.example", chatRequests=1)


def records(landing: Landing) -> None:
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [f"P{i},N{i},u{i}@acme.example,u{i},T{i % 3},false,," for i in range(1, 31)],
    )
    day = framed_days(landing, dt.date(2025, 5, 1), 35)

    first, second = "copilot/2025-05-05_a.ndjson", "copilot/2025-05-05_b.ndjson"
    # Copilot: the same user-day twice in one file (the last line counts), then in two files
    landing.copilot(day(1), "u1", 1, code_acceptance_activity_count=3)
    landing.copilot(day(1), "U1", 1)
    landing.copilot(day(2), "u2", 2)
    landing.copilot(day(2), "u2", 2, code_acceptance_activity_count=3)
    landing.copilot(day(3), "u3", 3, first, code_acceptance_activity_count=3)
    landing.copilot(day(3), "u3", 3, second)
    landing.copilot(day(4), "u4", 4, first)
    landing.copilot(day(4), "u4", 4, second, used_agent=True)
    # the feature list's rules
    landing.copilot(day(5), "u5", 5, code_acceptance_activity_count=1, totals_by_feature=[])
    landing.copilot(
        day(6),
        "u6",
        6,
        code_acceptance_activity_count=4,
        totals_by_feature=[
            feature("code_completion", code_generation_activity_count=3),
            feature("chat_panel_agent_mode", code_acceptance_activity_count=4),
        ],
    )
    landing.copilot(
        day(7), "u7", 7, used_agent=True, totals_by_feature=[feature("code_completion")]
    )
    landing.copilot(
        day(8), "u8", 8, totals_by_cli={"session_count": 1, "request_count": 2, "prompt_count": 1}
    )
    bare = {"day": day(9), "user_id": 9, "user_login": "u9", "code_acceptance_activity_count": "5"}
    landing.add("copilot/a.ndjson", bare)
    landing.copilot(day(10), "u10", 10, code_acceptance_activity_count=-3, used_agent=True)
    landing.copilot(
        day(11),
        "u11",
        11,
        totals_by_feature=[
            feature("chat_panel_edit_mode", loc_added_sum=4),
            feature("code_review", user_initiated_interaction_count=1),
            feature(
                "brand_new_feature",
                user_initiated_interaction_count=9,
                code_acceptance_activity_count=9,
            ),
            feature("chat_inline", user_initiated_interaction_count="2"),
            feature("copilot_cli", user_initiated_interaction_count=1),
        ],
    )
    landing.copilot(
        day(12),
        "u12",
        12,
        totals_by_feature=[
            feature("agent_edit", code_acceptance_activity_count=1),
            feature("chat_panel_custom_mode", user_initiated_interaction_count=1),
        ],
    )
    landing.copilot(
        day(13),
        "u13",
        13,
        totals_by_feature=[
            feature("code_completion", code_acceptance_activity_count=-1),
            feature("chat_panel_ask_mode", user_initiated_interaction_count=1.0),
        ],
    )
    landing.copilot(
        day(14),
        "u14",
        14,
        totals_by_feature=None,
        code_acceptance_activity_count=2,
        totals_by_cli={"request_count": "7"},
        used_agent="true",
    )
    landing.copilot(
        day(15),
        "u15",
        15,
        totals_by_feature=[feature("chat_panel_agent_mode", user_initiated_interaction_count=True)],
    )
    # Cursor: re-deliveries (the later file's record counts), all-zero and invalid counts
    first, second = "cursor/2025-05-05_a.json", "cursor/2025-05-05_b.json"
    landing.cursor(day(16), "U16@Acme.example", first, chatRequests=2)
    landing.cursor(day(16), " u16@acme.example", second)
    landing.cursor(day(17), "u17@acme.example", first)
    landing.cursor(day(17), "U17@ACME.EXAMPLE", second, totalApplies=1)
    landing.cursor(day(18), "u18@acme.example", isActive=True)
    landing.cursor(day(19), "u19@acme.example", chatRequests="3", agentRequests=2, bugbotUsages=-1)
    landing.cursor(day(19), "u19@acme.example", bugbotUsages=1, acceptedLinesAdded=5, cmdkUsages=1)
    landing.cursor(
        day(20), "u20@acme.example", isActive=False, totalTabsAccepted=1, composerRequests=1
    )
    # Claude Code: api actors, re-deliveries, another terminal, invalid tool counts
    landing.claude(day(21), email="u21@acme.example", accepted={"multi_edit_tool": 2})
    landing.claude("2025-05-05", api_key="ci-bot", sessions=5, commits=2)
    landing.claude(day(22), email="u22@acme.example", file="claude_code/p1.json", sessions=1)
    landing.claude(day(22), email="U22@acme.example", file="claude_code/p2.json")
    landing.claude(day(23), email="u23@acme.example")
    landing.claude(day(23), email="u23@acme.example", terminal="ghostty", pull_requests=1)
    landing.claude(
        day(24), email="u24@acme.example", accepted={"edit_tool": "3", "write_tool": -2}, commits=1
    )
    landing.claude(
        day(25), email="u25@acme.example", accepted={"notebook_edit_tool": 1, "some_new_tool": 0}
    )
    # GitHub: one event id in two files
    first, second = "github/2025-05-05_a.ndjson", "github/2025-05-05_b.ndjson"
    landing.comment(noon(day(26)), "u26", "@claude go", first, event_id="900")
    landing.comment(noon(day(26)), "u26", "thanks", second, event_id="900")
    landing.comment(noon(day(27)), "u27", "thanks", first, event_id="901")
    landing.comment(noon(day(27)), "u27", "@claude go", second, event_id="901")
    # git: one sha in two repositories' files, and twice in one file
    authored = day(28) + "T10:00:00+00:00"
    landing.commit(
        authored,
        "u28@acme.example",
        "x\n\n" + CLAUDE_TRAILER,
        "git/2025-05-06_a.ndjson",
        sha="a" * 40,
        repository="acme/one",
    )
    landing.commit(
        authored,
        "u28@acme.example",
        "x",
        "git/2025-05-06_b.ndjson",
        sha="a" * 40,
        repository="acme/two",
    )
    landing.commit(day(29) + "T10:00:00+00:00", "u29@acme.example", "aider: x", sha="b" * 40)
    landing.commit(day(29) + "T10:00:00+00:00", "u29@acme.example", "x", sha="b" * 40)


GITHUB_COMMENTS = [
    "@coderabbitai review",
    "@copilot review",
    "@Copilot Review please",
    "@copilot please fix this",
    "mail x@copilot about it",
    "see foo.@claude",
    "@@claude",
    "@claude-bot",
    "@claude[bot] hi",
    "@claude_x",
    "ok @claude.",
    "@claudes",
    "(@devin)",
    "bugbot run",
    "/gemini review @jules",
    "/Gemini Review",
    "@cursor review",
    "@cursor review and @cursor fix",
    "@CODEX",
    "@gemini please",
    "thanks @copilot",
    "@jules\n@devin",
    "1@claude",
    "review by @copilot",
    "@copilot reviewed this",
    "bugbot run now",
    "@claude2",
    "@devin's idea",
    "@claude/foo",
]


def github(landing: Landing) -> None:
    """One case per day, each by its own login."""
    landing.csv("directory/people.csv", PEOPLE_HEADER, [])
    day = framed_days(landing, dt.date(2025, 6, 2), 89)
    days = iter(range(1, 200))
    for reviewer_login, reviewer in [
        ("r01", "Copilot"),
        ("r02", "CodeRabbitAI[bot]"),
        ("r03", "some-human"),
        ("r04", "copilot-swe-agent[bot]"),  # an agent, not a reviewer
        ("r07", "sourcery-ai[bot]"),
    ]:
        landing.review_requested(noon(day(next(days))), reviewer_login, reviewer)
    landing.github_event(
        noon(day(next(days))),
        "r05",
        "PullRequestEvent",
        {"action": "opened", "requested_reviewer": {"login": "Copilot"}},
    )
    landing.github_event(
        noon(day(next(days))),
        "r06",
        "PullRequestEvent",
        {"action": "review_requested", "requested_team": {"slug": "x"}},
    )
    for assigner, assignee in [
        ("a01", "copilot-swe-agent[bot]"),
        ("a02", "Copilot"),
        ("a03", "some-human"),
        ("a04", "Claude[bot]"),
        ("a07", "gemini-code-assist[bot]"),  # a reviewer, not an agent
    ]:
        landing.assigned(noon(day(next(days))), assigner, assignee)
    landing.assigned(noon(day(next(days))), "a05", "Copilot", event_type="PullRequestEvent")
    landing.github_event(
        noon(day(next(days))),
        "a06",
        "IssuesEvent",
        {"action": "unassigned", "assignee": {"login": "Copilot"}},
    )
    for number, body in enumerate(GITHUB_COMMENTS, start=1):
        landing.comment(noon(day(next(days))), f"g{number:02d}", body)
    for login, event_type, action, author in [
        ("e01", "PullRequestReviewCommentEvent", "edited", None),
        ("e02", "PullRequestReviewCommentEvent", "deleted", None),
        ("e03", "IssueCommentEvent", "deleted", None),
        ("e04", "IssueCommentEvent", "created", "someone-else"),
    ]:
        landing.comment(
            noon(day(next(days))),
            login,
            "@claude",
            event_type=event_type,
            action=action,
            comment_author=author,
        )
    # a review's body qualifies nothing; neither does a commit comment
    landing.github_event(
        noon(day(next(days))),
        "v01",
        "PullRequestReviewEvent",
        {
            "action": "submitted",
            "review": {"body": "@claude fix /gemini review"},
            "comment": {"body": "@claude"},
        },
    )
    landing.github_event(
        noon(day(next(days))), "v02", "CommitCommentEvent", {"comment": {"body": "@claude fix"}}
    )
    landing.comment(noon(day(next(days))), "coderabbitai[bot]", "@claude go")
    landing.comment("2025-06-03T12:00:00Z", "g04", "@copilot again")  # a second day


GIT_MESSAGES = [
    "Fix\n\n" + CLAUDE_TRAILER + "\n\nMore text",  # not the last paragraph
    "Fix\n\nBody\n\n" + CLAUDE_TRAILER,
    "Fix\n\n" + CLAUDE_TRAILER + "\n",
    "Fix\n\nCo-Authored-By: claude opus 4.5 <noreply@anthropic.com>",
    "Fix\n\nCo-authored-by: Claude Sonnet 4 <someone@example.com>",
    "Fix\n\nCo-authored-by: Claude Smith <claude.smith@acme.example>",
    "Fix\n\nCo-authored-by: Claude Smith <noreply@anthropic.com>",
    "Fix\n\nCo-authored-by: gemini-code-assist[bot] "
    "<176961590+gemini-code-assist[bot]@users.noreply.github.com>",
    "Fix\n\nCo-authored-by: Gemini <123+gemini-code-assist[bot]@users.noreply.github.com>",
    "Fix\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
    "Fix\n\nCo-authored-by: aider (openai/gpt-4o) <noreply@aider.chat>",
    "aider: fix the thing",
    "Fix\n\nSome text\nGenerated with [Claude Code](https://claude.ai/code)"
    "\n\nSigned-off-by: X <x@y>",
    "Fix\n\nAssisted-by: GitHub Copilot",
    "Fix\n\nGenerated-by: ChatGPT",
    "Fix\n\nAssisted-by: Jane Doe <jane@acme.example>",
    "Fix\n\nCo-authored-by: dependabot[bot] <support@github.com>",
    "Fix\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>",
    "Fix\n\nCo-authored-by: Codex <codex@openai.example>",
    "Fix\n\nCo-authored-by: Jane <jane@acme.example>\nCo-authored-by: claude[bot] "
    "<209825114+claude[bot]@users.noreply.github.com>\nSigned-off-by: Me <me@x>",
    CLAUDE_TRAILER,  # a single paragraph
    "Fix\n\nco-authored-by: COPILOT-SWE-AGENT[BOT] <x@y.example>",
    "Fix\n\nCo-authored-by: Claude 3.5 Sonnet <x@y.example>",
    "Fix\n\nCo-authored-by: Claude Code <x@y.example>",
    "Fix\n\nCo-authored-by: Claude Codes <x@y.example>",
    "Fix\n\nCo-authored-by: Claudette <x@y.example>",
    "Fix\n\nCo-authored-by: google-labs-jules[bot] "
    "<161369871+google-labs-jules[bot]@users.noreply.github.com>",
    "Fix\n\nCo-authored-by: Devin <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
    "Fix\n\nCo-authored-by: coderabbitai[bot] "
    "<136622811+coderabbitai[bot]@users.noreply.github.com>\n" + CLAUDE_TRAILER,
    "Fix\n\nCo-authored-by: renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>",
    "Fix\n\nText mentioning generated with [claude code] inline",
    "Fix: aider: not at start",
    "Fix\n\nCo-authored-by: Sourcery AI <sourcery-ai[bot]@users.noreply.github.com>",
    "Fix\n\nAssisted-by: Claude Code <noreply@anthropic.com>",
    "Fix\n\nGenerated-by: gemini-cli",
    "Fix\n\nCo-authored-by: Copilot-Pull-Request-Reviewer[bot] <x@y.example>",
    "Fix\n\nCo-authored-by: claude <CLAUDE@EXAMPLE.COM>",
    "Fix\n\nReviewed-by: Claude <noreply@anthropic.com>",
    "Fix\n\nCo-authored-by: Claude Opus <someone@example.com>",
    "Fix\n\nCo-authored-by: Aider <noreply@aider.chat>",
    "Fix parser\n" + CLAUDE_TRAILER,  # two lines, no blank line: one paragraph, no trailer
]


def git(landing: Landing) -> None:
    """One trailer case per day, each by its own author; no directory."""
    day = framed_days(landing, dt.date(2025, 7, 1), 61)
    for number, message in enumerate(GIT_MESSAGES, start=1):
        landing.commit(day(number) + "T10:00:00+00:00", f"c{number:02d}@acme.example", message)
    # bot authors with AI trailers count nobody
    for email in [
        "29139614+renovate[bot]@users.noreply.github.com",
        "noreply@anthropic.com",
        "198982749+Copilot@users.noreply.github.com",
    ]:
        landing.commit("2025-07-01T10:00:00+00:00", email, "x\n\n" + CLAUDE_TRAILER)


MISC_GIT_MESSAGES = [
    "Fix\n\nCo-authored-by:Claude <noreply@anthropic.com>",
    "Fix\n\nCo-authored-by:   Claude   <noreply@anthropic.com>  ",
    "Fix\n\nAssisted-by: Claude Smith",
    "Fix\n\nAssisted-by: aider",
    "Fix\n\nAssisted-by: Devin",
    "Fix\n\nGenerated-by: Claude Opus 4.5 <noreply@anthropic.com>",
    "Fix\n\n" + CLAUDE_TRAILER + "\n\n\n",
    "Fix\n\nCo-authored-by Claude <noreply@anthropic.com>",
    "Fix\n\nCo-authored-by: Jane <jane@x.example>\nsome free text line\n"
    "Co-authored-by: Codex <c@x.example>",
    "Fix\n\nCo-authored-by: Claude Smith <claude@anthropic.com>",
    "Fix\n\nCo-authored-by: Someone <12345+claude[bot]@users.noreply.github.com>",
    "Fix\n\nCo-authored-by: X <copilot@users.noreply.github.com>",
    "Fix\n\nCo-authored-by: Gemini Code Assist "
    "<176961590+gemini-code-assist[bot]@users.noreply.github.com>",
    "Fix\n\nCo-authored-by: X <sourcery-ai[bot]@users.noreply.github.com>",
    "Fix\n\nGENERATED WITH [CLAUDE CODE]",
    "Fix\n\n\U0001f916 Generated with [Claude Code](https://claude.com/claude-code)",
    "Fix\n\nGenerated with Claude Code",
    "Fix\n\nCo-authored-by: Codex <noreply@openai.com>",
    "Fix\n\nCo-authored-by: ChatGPT <x@y.example>",
    "Fix\n\nCo-authored-by: Cursor <cursoragent@cursor.com>",
    "Fix\n\nCo-authored-by: cursor agent <x@y.example>",
    "Fix\n\nCo-authored-by: Copilot Autofix <x@y.example>",
    "Fix\n\nCo-authored-by: aider (anthropic/claude-3-5-sonnet) <noreply@aider.chat>",
    "Fix\n\nCo-authored-by: Claude <NoReply@Anthropic.com>",
    "Fix\n\nCo-authored-by: Dependabot <49699333+dependabot[bot]@users.noreply.github.com>",
    "Fix\n\nSigned-off-by: Claude <noreply@anthropic.com>",
    "Fix\n\nAssisted-by: Gemini",
    "Fix\n\nGenerated-by: Jules <161369871+google-labs-jules[bot]@users.noreply.github.com>",
    "aider:",
    " aider: leading space",
    "Fix\n\nCo-authored-by: claude-code <x@y.example>",
    "Fix\n\nCo-authored-by: Claude  Opus <x@y.example>",
    "Fix\n\nCo-authored-by: Claude Opus4 <x@y.example>",
    "Fix\n\nCo-authored-by: Claude 3 <x@y.example>",
    "Fix\n\nAssisted-by: OpenAI Codex",
    "Fix\n\nAssisted-by: ChatGPT-4o",
    "Fix\n\nAssisted-by: copilot-swe-agent[bot]",
]
MISC_GITHUB_COMMENTS = [
    "please @coderabbitai review this",
    "@coderabbitai full review",
    "/gemini summary",
    "@Jules",
    "@copilot-swe-agent",
    "`@claude`",
    "email@claude.ai",
    "@claude's",
    "BugBot Run",
    "xbugbot run",
    "@copilot review@claude",
    "@copilot review.@claude",
    "foo@copilot review",
    "@copilot reviews",
    "/gemini review",
    "@cursor",
    "@CURSOR REVIEW",
    "hey @codex: do it",
    "@devin!",
    "@claude\u00a0go",
    "@claude\u00e9",
    "\u00e9@claude",
    "@claude@",
    "@claude.ai",
    "@jules-@claude",
    "@x[@codex",
    "@claude-@claude",
]


def misc2(landing: Landing) -> None:
    """More trailer and mention spellings, one per day and author; no directory."""
    day = framed_days(landing, dt.date(2025, 1, 6), 80)
    for number, message in enumerate(MISC_GIT_MESSAGES, start=1):
        landing.commit(day(number) + "T10:00:00+00:00", f"gm{number:02d}@acme.example", message)
    for number, body in enumerate(MISC_GITHUB_COMMENTS, start=1):
        landing.comment(noon(day(39 + number)), f"gb{number:02d}", body)


def yearend(landing: Landing) -> None:
    """Wednesday 2024-12-25 to Wednesday 2025-01-08."""
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [
            "P1,A,a@acme.example,a,Red,false,,",
            "P2,B,b@acme.example,b,Blue,false,2024-12-31,",
            "P3,C,c@acme.example,c,,false,,2024-12-24",
        ],
    )
    landing.comment("2024-12-25T08:00:00Z", "a", "@claude go")
    landing.comment("2024-12-29T08:00:00Z", "a", "@claude go")
    landing.comment("2024-12-30T08:00:00Z", "b", "@claude go")  # before b's first day
    landing.comment("2025-01-01T08:00:00Z", "a", "/gemini review")
    landing.comment("2025-01-05T08:00:00Z", "x-unrostered", "@claude go")
    landing.push("2025-01-08T08:00:00Z")


def nodirectory(landing: Landing) -> None:
    """git only: no directory folder, the other vendors' folders empty."""
    for source in ("copilot", "cursor", "claude_code", "github"):
        (landing.folder / source).mkdir(parents=True, exist_ok=True)
    landing.commit("2025-02-27T10:00:00+01:00", "x@acme.example", "x\n\n" + CLAUDE_TRAILER)
    landing.commit("2025-03-01T10:00:00+01:00", "123+x@users.noreply.github.com", "aider: x")
    landing.commit("2025-03-31T23:30:00-01:00", "x@acme.example", "x")  # 2025-04-01 in UTC


def months(landing: Landing) -> None:
    """Whole months, 1 January to 30 April; windows longer than the data."""
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [
            "P1,A,a@acme.example,a,Red,false,,",
            "P2,B,b@acme.example,b,Red,false,2025-02-15,2025-03-01",
        ],
    )
    landing.push("2025-01-01T00:00:00Z")
    landing.push("2025-04-30T23:00:00Z")
    landing.cursor("2025-01-15", "a@acme.example", chatRequests=1)
    landing.cursor("2025-03-01", "b@acme.example", chatRequests=1)
    landing.cursor("2025-03-02", "b@acme.example", chatRequests=1)  # after b's last day
    landing.cursor("2025-04-30", "a@acme.example", agentRequests=1)


def edge2(landing: Landing) -> None:
    # people.csv in Windows-1252, an extra column, a quoted comma; P2's no-reply e-mail carries
    # login alice, which is P3's login: shared
    people = [
        PEOPLE_HEADER + ",manager",
        'P1,"O\'Brien, Lucía",lucia@acme.example,lucia,Équipe,false,,,M1',
        "P2,B,5+Alice@users.noreply.github.com,bee,Red,false,,,",
        "P3,A,alice@acme.example,alice,Red,false,,,",
        "P4,C,c@acme.example,c,Red,false,2025-01-01,2025-09-10,",
        "P5,D,d@acme.example,d,Red,false,,,",
        "P6,E,e@acme.example,e,Unassigned,false,,,",
    ]
    landing.write_text("directory/people.csv", "\n".join(people) + "\n", encoding="cp1252")
    landing.csv(
        "directory/identities.csv",
        IDENTITIES_HEADER,
        [
            "X-1,git,x1@partner.example,false",
            "P5,github,77+DeeAlt@users.noreply.github.com,false",  # login deealt
            ",cursor,pool@acme.example,true",  # shared, no person
            "P1,github, Lucia-Alt ,false",
        ],
    )
    landing.csv(
        "directory/team_memberships.csv",
        MEMBERSHIPS_HEADER,
        [
            "P4,Blue,2025-09-01,2025-09-11",
            "P4,Green,2025-09-11,",  # from the day after P4's last
            "X-1,Red,2025-01-01,",  # an unrostered person's membership
            "P5,Blue,2025-09-01,",
        ],
    )
    day = framed_days(landing, dt.date(2025, 9, 1), 40)
    landing.comment(noon(day(1)), "lucia-alt", "@claude go")
    landing.comment(noon(day(2)), "alice", "@claude go")
    landing.cursor(day(3), "alice@acme.example", chatRequests=1)
    landing.cursor(day(3), "bee@users.noreply.github.com", chatRequests=1)
    landing.cursor(day(4), "c@acme.example", chatRequests=1)
    landing.cursor(day(11), "c@acme.example", chatRequests=1)  # after P4's last day
    landing.commit(day(5) + "T10:00:00+00:00", "x1@partner.example", "aider: x")
    landing.comment(noon(day(6)), "DeeAlt", "@devin go")
    landing.cursor(day(7), "pool@acme.example", chatRequests=1)
    # non-ASCII letters beside mentions, white space inside commands
    for offset, login, body in [
        (8, "m1", "café@claude"),
        (9, "m2", "@claudé"),
        (10, "m3", "@coderabbitai  review"),
        (12, "m4", "@copilot\nreview"),
        (13, "m5", "@copilot   review"),
        (14, "m6", "bugbot  run"),
    ]:
        landing.comment(noon(day(offset)), login, body)
    for offset, number, message in [
        (15, 1, "Fix\n  \n" + CLAUDE_TRAILER),
        (16, 2, "Fix\r\n\r\n" + CLAUDE_TRAILER),
        (17, 3, "Fix\n\nCo-authored-by: Claude"),
        (18, 4, "Fix\n\nCo-authored-by: Claude v2 <x@y.example>"),
        (19, 5, "Fix\n\nCo-authored-by: Claude 4.5 Opus <x@y.example>"),
        (20, 6, "AIDER: upper case prefix"),
        (21, 7, "Fix\n\nCO-AUTHORED-BY: Claude <noreply@anthropic.com>"),
        (22, 8, "Fix\n\n  " + CLAUDE_TRAILER),
        (23, 9, "Fix\n\nCo-authored-by: Claude Haiku <x@y.example>"),
        (24, 10, "Fix\n\nCo-authored-by: Claude-Code <x@y.example>"),
    ]:
        landing.commit(day(offset) + "T10:00:00+00:00", f"t{number}@acme.example", message)
    landing.cursor(day(25), "f1@acme.example", chatRequests=0.4)
    landing.cursor(day(26), "f2@acme.example", chatRequests=1.5)
    landing.cursor(day(27), "f3@acme.example", chatRequests=None, agentRequests=1)
    # Claude Code: a user actor without e-mail, a date without time
    landing.claude(day(28), email="", sessions=1)
    landing.claude(day(29), email="cc1@acme.example", sessions=1, date=day(29))
    # file names sort as text: page_9 comes after page_10
    landing.claude(day(30), email="cc2@acme.example", file="claude_code/page_9.json", sessions=1)
    landing.claude(day(30), email="cc2@acme.example", file="claude_code/page_10.json")
    # a GitHub id re-delivered with another created_at: the later file's counts
    landing.comment(noon(day(31)), "gid", "@claude go", "github/2025-09_a.ndjson", event_id="777")
    landing.comment(noon(day(32)), "gid", "@claude go", "github/2025-09_b.ndjson", event_id="777")
    # Copilot: one login, two user ids; one user id, two spellings of its login
    landing.copilot(day(33), "dup", 100, "copilot/a.ndjson", used_agent=True)
    landing.copilot(day(33), "DUP", 101, "copilot/b.ndjson")
    landing.copilot(day(34), "dup2", 200, "copilot/a.ndjson", used_agent=True)
    landing.copilot(day(34), "Dup2", 200, "copilot/b.ndjson")
    landing.comment(day(35) + "T23:30:00-02:00", "off", "@claude go")  # the next day in UTC
    noon_ms = cursor_epoch_ms(day(37)) + 12 * 3600 * 1000
    landing.cursor(day(37), "noon@acme.example", chatRequests=1, date=noon_ms)


def defaults(landing: Landing) -> None:
    """The default period spans records that qualify nothing."""
    landing.csv("directory/people.csv", PEOPLE_HEADER, ["P1,A,a@acme.example,a,Red,false,,"])
    landing.cursor("2025-10-02", "a@acme.example", chatRequests=1)
    landing.cursor("2025-09-28", "a@acme.example", isActive=False)
    landing.claude("2025-10-20", api_key="ci", sessions=0)
    landing.github_event("2025-10-21T10:00:00Z", "dependabot[bot]", "WatchEvent", {})
    landing.commit(
        "2025-10-22T10:00:00+00:00", "49699333+dependabot[bot]@users.noreply.github.com", "bump"
    )
    landing.copilot("2025-09-27", None, 5)


def defaults2(landing: Landing) -> None:
    """The latest date only on a shared account, the earliest only on a superseded delivery."""
    landing.csv("directory/people.csv", PEOPLE_HEADER, ["P1,A,a@acme.example,a,Red,false,,"])
    landing.csv(
        "directory/identities.csv", IDENTITIES_HEADER, ["P1,cursor,shared@acme.example,true"]
    )
    landing.cursor("2025-10-02", "a@acme.example", chatRequests=1)
    landing.cursor("2025-10-09", "shared@acme.example", chatRequests=1)
    landing.comment("2025-10-01T10:00:00Z", "a", "hello", "github/a.ndjson", event_id="5")
    landing.comment("2025-10-03T10:00:00Z", "a", "hello", "github/b.ndjson", event_id="5")


def parsing(landing: Landing) -> None:
    # people.csv as Excel saves it: BOM, CRLF, a blank last line
    people = [
        PEOPLE_HEADER,
        "P1,A,a@acme.example,a,Red,false,,",
        'P2,"Bee, B",b@acme.example,b,"Blue",False,,',
        "P3,C,c@acme.example,c,Red,false,2025-01-01,",
        "",
    ]
    landing.write_text("directory/people.csv", "\r\n".join(people) + "\r\n", encoding="utf-8-sig")
    day = days_from(dt.date(2025, 4, 7))

    def event(offset: int, login: str, body: str, event_id: str | int) -> str:
        return json.dumps(
            {
                "id": event_id,
                "type": "IssueCommentEvent",
                "actor": {"login": login},
                "created_at": day(offset) + "T10:00:00Z",
                "payload": {"action": "created", "comment": {"body": body}},
            }
        )

    # CRLF, a blank line, a malformed line, no final newline
    landing.write_text(
        "github/a.ndjson",
        event(0, "frame", "x", "1")
        + "\r\n"
        + event(1, "a", "@claude go", "2")
        + "\r\n\r\n{not json\r\n"
        + event(2, "b", "@claude go", "3")
        + "\r\n"
        + event(30, "frame", "x", "4"),
    )
    # the same event under a numeric id in a later file
    landing.write_text("github/b.ndjson", event(1, "a", "thanks", 2) + "\n")
    landing.write_text("github/c.ndjson", "\ufeff" + event(3, "c", "@claude go", "5") + "\n")
    # git: raw U+2028 and U+0085 inside a message, offsets of 5:45 and -9:30
    commit = {
        "repository": "r",
        "sha": "1" * 40,
        "parents": [],
        "author_name": "x",
        "author_email": "g1@acme.example",
        "authored_at": day(4) + "T10:00:00+05:45",
        "committer_name": "x",
        "committer_email": "x@y",
        "committed_at": day(4) + "T10:00:00+05:45",
        "message": "Fix\u2028thing\u0085more\n\n" + CLAUDE_TRAILER,
    }
    commits = [
        commit,
        dict(
            commit,
            sha="2" * 40,
            author_email="g2@acme.example",
            authored_at=day(5) + "T00:10:00-09:30",
            message="Fix\n\n" + CLAUDE_TRAILER,
        ),
        dict(
            commit,
            sha="3" * 40,
            author_email="g3@acme.example",
            authored_at=day(7) + "T10:00:00+00:00",
            message=None,
        ),
        dict(
            commit,
            sha="4" * 40,
            author_email="g4@acme.example",
            authored_at=day(8) + "T10:00:00.123456+00:00",
            message="aider: frac seconds",
        ),
    ]
    landing.write_text(
        "git/a.ndjson", "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in commits)
    )

    def cursor_record(offset: int, email: str, **counts) -> dict:
        return {"date": cursor_epoch_ms(day(offset)), "email": email, "isActive": True, **counts}

    # Cursor: a pretty-printed page with an extra key, an empty page
    page = {
        "data": [
            cursor_record(9, "cu1@acme.example", chatRequests=1),
            cursor_record(10, "cu2@acme.example", agentRequests=2),
        ],
        "period": {},
    }
    landing.write_text("cursor/a.json", json.dumps(page, indent=2))
    landing.write_text("cursor/b.json", json.dumps({"data": []}))
    landing.write_text(
        "cursor/c.json",
        json.dumps({"data": [cursor_record(11, "cu3@acme.example", composerRequests=1)]}),
    )
    # Claude Code: a pretty-printed page; parts of tool_actions and core_metrics missing
    claude_page = {
        "data": [
            {
                "date": day(12) + "T00:00:00Z",
                "terminal_type": "vscode",
                "actor": {"type": "user_actor", "email_address": "cc1@acme.example"},
                "core_metrics": {"num_sessions": 2},
            },
            {
                "date": day(13) + "T00:00:00Z",
                "actor": {"type": "user_actor", "email_address": "cc2@acme.example"},
                "tool_actions": {"edit_tool": {"accepted": 1}},
            },
            {
                "date": day(14) + "T00:00:00Z",
                "terminal_type": None,
                "actor": {"type": "user_actor", "email_address": "cc3@acme.example"},
                "core_metrics": {"pull_requests_by_claude_code": 1},
            },
        ],
        "has_more": False,
    }
    landing.write_text("claude_code/a.json", json.dumps(claude_page, indent=1))
    # Copilot: unknown fields, missing totals, a string user_id in a later file
    copilot = [
        {
            "day": day(15),
            "user_id": 42,
            "user_login": "cp1",
            "code_acceptance_activity_count": 1,
            "new_field": {"x": 1},
        },
        {"day": day(16), "user_id": 43, "user_login": "cp2", "used_agent": True},
        {
            "day": day(17),
            "user_id": 44,
            "user_login": "cp3",
            "totals_by_feature": [
                {"feature": "code_completion", "code_acceptance_activity_count": 2, "brand_new": 1}
            ],
        },
    ]
    landing.write_text("copilot/a.ndjson", "\n".join(json.dumps(r) for r in copilot) + "\n")
    later = {"day": day(16), "user_id": "43", "user_login": "cp2"}
    landing.write_text("copilot/b.ndjson", json.dumps(later) + "\n")


def misc3(landing: Landing) -> None:
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [
            "P1,A,a@acme.example,a,Red ,false,,",  # team names that differ in space and case
            "P2,B,b@acme.example,b,red,false,,",
            "P3,C,c@acme.example,c, Red,false,,",
            "P4,D,JOSÉ@Acme.example,d,Red,false,,",
        ],
    )
    day = framed_days(landing, dt.date(2025, 8, 4), 30, first=2)
    landing.cursor(day(3), "a@acme.example", chatRequests=1)
    landing.cursor(day(4), "b@acme.example", chatRequests=1)
    landing.cursor(day(5), "c@acme.example", chatRequests=1)
    landing.cursor(day(6), "josé@acme.example", chatRequests=1)
    # a no-reply e-mail and the login it carries: one developer
    landing.commit(
        day(7) + "T10:00:00+00:00", "123+NoReplyUser@Users.NoReply.GitHub.com", "aider: x"
    )
    landing.comment(noon(day(7)), "noreplyuser", "@claude go")
    landing.cursor(day(8), "55+CursorNR@users.noreply.github.com", chatRequests=1)
    landing.comment(noon(day(8)), "cursornr", "@claude go")
    # invalid dates move neither end of the period
    landing.copilot("2025-13-45", "bad1", 1, used_agent=True)
    landing.add("cursor/a.json", {"date": "abc", "email": "bad2@acme.example", "chatRequests": 1})
    landing.comment("not a time", "bad3", "@claude go")
    landing.commit("yesterday", "bad4@acme.example", "aider: x")
    landing.add(
        "cursor/a.json",
        {"date": str(cursor_epoch_ms(day(9))), "email": "strdate@acme.example", "chatRequests": 1},
    )
    # an event without id, a commit without sha, a Cursor record without e-mail
    landing.add(
        "github/a.ndjson",
        {
            "type": "IssueCommentEvent",
            "actor": {"login": "noid"},
            "created_at": noon(day(10)),
            "payload": {"action": "created", "comment": {"body": "@claude go"}},
        },
    )
    landing.add(
        "git/a.ndjson",
        {
            "repository": "r",
            "author_email": "nosha@acme.example",
            "authored_at": day(11) + "T10:00:00+00:00",
            "message": "aider: x",
        },
    )
    landing.add("cursor/a.json", {"date": cursor_epoch_ms(day(1)), "chatRequests": 1})


def misc4(landing: Landing) -> None:
    landing.csv(
        "directory/people.csv",
        PEOPLE_HEADER,
        [
            "P1,A,old@acme.example,a-old,Red,false,2024-01-01,2025-06-03",
            "P2,B,b@acme.example,b,Blue,false,,",
            "P1,A,new@acme.example,a-new,Green,false,2025-06-05,",  # supersedes P1's row
        ],
    )
    day = framed_days(landing, dt.date(2025, 6, 2), 20)
    landing.comment(noon(day(1)), "a-old", "@claude go")
    landing.comment(noon(day(4)), "a-new", "@claude go")
    # files in sub-folders are not read
    landing.comment(noon(day(5)), "sub", "@claude go", "github/2025/06/x.ndjson")
    landing.cursor(day(6), "subc@acme.example", "cursor/old/x.json", chatRequests=1)
    landing.claude(day(7), email="cc@acme.example", sessions=1, date=day(7) + "T00:00:00+02:00")
    # a Cursor file that is not JSON, and one whose data is null
    landing.write_text("cursor/bad.json", '{"data": [{"date": 1, "email": "x@y", ')
    landing.write_text("cursor/null.json", '{"data": null}')
    landing.cursor(day(8), "ok@acme.example", "cursor/z.json", chatRequests=1)
    # one commit, its sha upper-case in a later file
    authored = day(9) + "T10:00:00+00:00"
    landing.commit(authored, "s@acme.example", "aider: x", "git/a.ndjson", sha="ab" * 20)
    landing.commit(authored, "s@acme.example", "x", "git/b.ndjson", sha="AB" * 20)


DATES_SHIFTED = {
    "reporting_timezone": "America/New_York",
    "coverage_start": "2025-03-01",
    "as_of_date": "2025-03-15",
}

TRAPS: dict[str, tuple[Callable[[Landing], None], dict[str, str]]] = {
    "identity": (identity, {}),
    "identity3": (identity3, {}),
    "identity4": (identity4, {}),
    "dates": (dates, {}),
    "dates_shifted": (dates, DATES_SHIFTED),
    "records": (records, {}),
    "github": (github, {}),
    "git": (git, {}),
    "misc2": (misc2, {}),
    "yearend": (yearend, {}),
    "nodirectory": (nodirectory, {}),
    "months": (months, {}),
    "edge2": (edge2, {}),
    "defaults": (defaults, {}),
    "defaults2": (defaults2, {}),
    "parsing": (parsing, {}),
    "misc3": (misc3, {}),
    "misc4": (misc4, {}),
}


def write_trap_landing(folder: Path, name: str) -> dict[str, str]:
    """Write trap folder `name` into `folder`; return the dbt vars to build it with."""
    write, dbt_vars = TRAPS[name]
    landing = Landing(folder)
    write(landing)
    landing.flush()
    return dict(dbt_vars)
