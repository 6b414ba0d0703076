"""Pygments' regular-expression lexers run faster, with the same tokens.

A ``RegexLexer`` tries the rules of its current state one after another, in Python,
for every token: about thirty regular-expression calls per token of Python source, and
most of a file page's build time. Here each state's rules become one alternation
``(r0)|(r1)|…`` that the regular-expression engine tries in the same order. An
alternation takes the first alternative that matches at the position, exactly as the
rule loop takes the first rule that does, so the matched rule and its text are the
same; where the rule's action reads its own groups (``bygroups``, ``using``), that one
rule is matched again on its own. The state transitions and the no-match fallback
are Pygments' own (``RegexLexer.get_tokens_unprocessed`` in Pygments 2.19-2.21).

A state whose rules cannot be joined without changing their meaning (numbered or
named back-references, conditionals, inline global flags, differing flags, group
names used twice) is tried alone, between the alternations of the rules around it.
C and C++ take the C family's step after the loop (``compat.regex_lexer_states``);
lexers with another tokenizer of their own (``ExtendedRegexLexer``'s, say) are not
touched. ``tests/test_fast_lexing.py``
compares the tokens with Pygments' on every language we highlight.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pygments.lexer import Lexer
from pygments.token import Error, Keyword, Name, Token, Whitespace

from .. import compat

MatchFunction = Callable[[str, int], "re.Match[str] | None"]
#: A processed rule: its pattern's ``match``, its action, its state transition.
Rule = tuple[MatchFunction, Any, Any]
TokenStream = Iterator[tuple[int, Any, str]]

#: The type of every token type (``pygments.token._TokenType``).
_TOKEN_TYPE = type(Token)
#: What cannot move into an alternation: back-references and conditionals by number or
#: name (the group numbers shift), inline flags after a pattern's start (not allowed).
_NOT_JOINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|.\(\?[aiLmsux]+\)")
#: Inline flags at a pattern's start, which hold for the whole pattern.
_LEADING_FLAGS = re.compile(r"\A\(\?[aiLmsux]+\)")
#: Flags a scoped group (?i-m:...) can turn on or off.
_SCOPED_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s", re.VERBOSE: "x"}


@dataclass(frozen=True)
class Segment:
    """Consecutive rules of a state tried as one: their alternation, or one rule."""

    match: MatchFunction
    #: The alternation's group number of each rule's outer group, to its rule;
    #: empty where the segment is one rule matched by its own pattern.
    rule_of_group: dict[int, Rule]
    only: Rule | None = None


@dataclass(frozen=True)
class JoinedState:
    """One lexer state: its rules, and the segments that try them in their order."""

    rules: tuple[Rule, ...]
    segments: tuple[Segment, ...]


_JOINED: dict[tuple[type, str], JoinedState] = {}


def faster(lexer: Lexer) -> Lexer:
    """*lexer*, or a copy of it that tokenizes with the joined rules where it can."""
    found = compat.regex_lexer_states(lexer)
    if found is None:
        return lexer
    states, type_names = found
    fast = copy.copy(lexer)
    lexer_class = type(lexer)

    def tokens(text: str, stack: Sequence[str] = ("root",)) -> TokenStream:
        stream = joined_tokens(fast, lexer_class, states, text, stack)
        return _retyped(stream, type_names) if type_names else stream

    # Lexer.get_tokens calls self.get_tokens_unprocessed; using(this) calls it too.
    fast.get_tokens_unprocessed = tokens
    return fast


def _retyped(stream: TokenStream, type_names: frozenset[str]) -> TokenStream:
    """*stream* with the names in *type_names* made type keywords (C, C++)."""
    for index, token, value in stream:
        yield index, Keyword.Type if token is Name and value in type_names else token, value


def joined_state(lexer_class: type, states: dict[str, list[Rule]], name: str) -> JoinedState:
    """The state *name* of *lexer_class*, joined once per process."""
    key = (lexer_class, name)
    joined = _JOINED.get(key)
    if joined is None:
        joined = _JOINED[key] = _join(tuple(states[name]))
    return joined


def _join(rules: tuple[Rule, ...]) -> JoinedState:
    """*rules* as segments: each run of rules that can be joined is one alternation, a
    rule that cannot (a back-reference, say) is tried alone between them."""
    segments: list[Segment] = []
    run: list[tuple[Rule, re.Pattern[str]]] = []
    for rule in rules:
        pattern = getattr(rule[0], "__self__", None)
        if (
            isinstance(pattern, re.Pattern)
            and isinstance(pattern.pattern, str)
            and not _NOT_JOINABLE.search(pattern.pattern)
        ):
            run.append((rule, pattern))
            continue
        segments.extend(_joined_run(run))
        run = []
        segments.append(Segment(rule[0], {}, rule))
    segments.extend(_joined_run(run))
    return JoinedState(rules, tuple(segments))


def _joined_run(run: list[tuple[Rule, re.Pattern[str]]]) -> list[Segment]:
    if len(run) < 2:
        return [Segment(rule[0], {}, rule) for rule, _ in run]
    every_flags = [pattern.flags for _, pattern in run if pattern.pattern]
    flags = max(every_flags, key=every_flags.count) if every_flags else 0
    alternatives = [_alternative(pattern, flags) for _, pattern in run]
    try:
        if None in alternatives:
            raise re.error("flags that cannot be scoped")
        joined = re.compile("|".join(f"({source})" for source in alternatives), flags)
    except re.error:  # a group name used by two rules, say
        return [Segment(rule[0], {}, rule) for rule, _ in run]
    rule_of_group: dict[int, Rule] = {}
    group = 1
    for rule, pattern in run:
        rule_of_group[group] = rule
        group += 1 + pattern.groups
    return [Segment(joined.match, rule_of_group)]


def _alternative(pattern: re.Pattern[str], flags: int) -> str | None:
    """*pattern*'s source to join into an alternation compiled with *flags*, its own
    flags scoped to it where they differ; None where that would change its meaning."""
    source = pattern.pattern
    if not source:
        return source  # matches the empty string whatever the flags
    source = _LEADING_FLAGS.sub("", source)
    differ = pattern.flags ^ flags
    if differ & ~sum(_SCOPED_FLAGS):
        return None
    if not differ:
        return source
    on = "".join(letter for flag, letter in _SCOPED_FLAGS.items() if flag & differ & pattern.flags)
    off = "".join(letter for flag, letter in _SCOPED_FLAGS.items() if flag & differ & flags)
    return f"(?{on}{'-' + off if off else ''}:{source})"


def _rule_match(joined: JoinedState, text: str, pos: int) -> tuple[re.Match[str], Rule] | None:
    """The first rule of the state that matches at *pos*, with the match its action
    gets: the alternation's where the action is a token type, the rule's own where it
    reads the rule's groups."""
    for segment in joined.segments:
        match = segment.match(text, pos)
        if match is None:
            continue
        if segment.only is not None:
            return match, segment.only
        rule = segment.rule_of_group[match.lastindex or 0]
        if rule[1] is None or type(rule[1]) is _TOKEN_TYPE:
            return match, rule
        own = rule[0](text, pos)
        if own is not None and own.end() == match.end():
            return own, rule
        break  # never seen: the rule alone differs from its alternative
    for rule in joined.rules:  # Pygments' own loop
        own = rule[0](text, pos)
        if own:
            return own, rule
    return None


def joined_tokens(
    lexer: Lexer,
    lexer_class: type,
    states: dict[str, list[Rule]],
    text: str,
    stack: Sequence[str] = ("root",),
) -> TokenStream:
    """What ``RegexLexer.get_tokens_unprocessed(lexer, text, stack)`` yields."""
    pos = 0
    statestack = list(stack)
    joined = joined_state(lexer_class, states, statestack[-1])
    while True:
        found = _rule_match(joined, text, pos)
        if found is None:
            if pos >= len(text):
                return
            if text[pos] == "\n":  # at the end of a line, back to "root"
                statestack = ["root"]
                joined = joined_state(lexer_class, states, "root")
                yield pos, Whitespace, "\n"
            else:
                yield pos, Error, text[pos]
            pos += 1
            continue
        match, (_, action, new_state) = found
        if type(action) is _TOKEN_TYPE:
            yield pos, action, match.group()
        elif action is not None:
            yield from action(lexer, match)
        pos = match.end()
        if new_state is not None:
            _transition(statestack, new_state)
            joined = joined_state(lexer_class, states, statestack[-1])


def _transition(statestack: list[str], new_state: Any) -> None:
    """Pygments' state transitions: a tuple of states, '#pop', '#push', or -n pops."""
    if isinstance(new_state, tuple):
        for state in new_state:
            if state == "#pop":
                if len(statestack) > 1:
                    statestack.pop()
            elif state == "#push":
                statestack.append(statestack[-1])
            else:
                statestack.append(state)
    elif isinstance(new_state, int):
        # Pop, but keep at least one state (stray pops must not raise).
        if abs(new_state) >= len(statestack):
            del statestack[1:]
        else:
            del statestack[new_state:]
    elif new_state == "#push":
        statestack.append(statestack[-1])
    else:
        raise ValueError(f"wrong state definition: {new_state!r}")
