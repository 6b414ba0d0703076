"""A hostile repository, generated: every kind of file, name and text a build must survive.

The corpus is written by the tests (no third-party code is committed). ``write_hostile_repo``
returns what it planted so that tests can check each thing is on the site, escaped, or
absent, as it should be.
"""

from __future__ import annotations

import os
import random
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .conftest import RST_CONF, RST_INDEX

#: The token planted in every secret file; it must appear nowhere in any output.
SECRET_TOKEN = "planted-SECRET-7f3a9c-token"
#: The token in a file outside the repository that include directives name.
OUTSIDE_TOKEN = "outside-FILE-5be21d-token"

#: Injection attempts. Each holds a marker ``PWN<n>`` so that a test can find it.
INJECTIONS: tuple[str, ...] = (
    '<script>alert("PWN1")</script>',
    "<img src=x onerror=alert('PWN2')>",
    "[click](javascript:alert('PWN3'))",
    "`click <javascript:alert('PWN4')>`_",
    "--><script>alert('PWN5')</script><!--",
    "</pre></div></section><script>alert('PWN6')</script>",
    "\"><script>alert('PWN7')</script>",
    "<svg onload=alert('PWN8')>",
    '<iframe src="https://evil.example/PWN9"></iframe>',
    "<style>body{display:none} /* PWN10 */</style>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/PWN11">',
    "&lt;script&gt;PWN12&lt;/script&gt;",
    '.. raw:: html\n\n   <b id="PWN13">raw html</b>\n',
    ".. include:: {outside}\n\n   PWN14\n",
    ".. include:: ../../../../outside.txt\n\n   PWN15\n",
    "|PWN16|\n\n.. |PWN16| replace:: SUBSTITUTED16\n",
    '```{eval-rst}\n.. raw:: html\n\n   <b id="PWN17">myst raw</b>\n```\n',
    '{raw:html}`<b id="PWN18">myst role</b>`',
    "{{ PWN19 }} {% include 'layout.html' %} {{ config.__class__ }}",
    ":doc:`/index` :ref:`genindex` :repo:class:`PWN20` :py:func:`PWN20`",
    ".. toctree::\n\n   /index\n   PWN21\n",
    ".. meta::\n   :http-equiv=refresh: 0; url=https://evil.example/PWN22\n",
    ".. csv-table:: PWN23\n   :file: /etc/passwd\n",
    ".. literalinclude:: /etc/passwd\n\n   PWN24\n",
    "<a href=\"javascript:alert('PWN25')\">link</a>",
    "${PWN26} $(touch /tmp/PWN26) `touch /tmp/PWN26`",
    "<!-- PWN27 --><!--<script>-->",
    "\u202eevil\u202c PWN28 \u200b zero width",
)

#: Every injection string must, once parsed back from the HTML, be found as text.
MARKERS = tuple(f"PWN{n}" for n in range(1, len(INJECTIONS) + 1))

#: Odd names (one path segment each); each file holds ``x = 1``.
ODD_NAMES: tuple[str, ...] = (
    "with space.py",
    unicodedata.normalize("NFC", "café.py"),
    unicodedata.normalize("NFD", "café.py"),
    "#hash.py",
    "100%.py",
    "what?.py",
    "back`tick`.py",
    "star*.py",
    "<angle>.py",
    "pi|pe.py",
    "_under_score_.py",
    "-leading-dash.py",
    "--help",
    "trailing.dot.",
    "index",
    "index.html",
    "conf.py",
    "genindex",
    "genindex.html",
    "search",
    "search.html",
    "objects.inv",
    "_static",
    "Case.py",
    "case.py",
    "CASE.PY",
    "~tilde~7E.py",
    "semi;colon&amp.py",
    "quote'\"s.py",
    "tab\there.py",
    "new\nline.py",
    "ünïcödé-名前-🙂.py",
    "a" * 200 + ".py",
)

#: Secret files the scan must leave out; each holds SECRET_TOKEN.
SECRET_NAMES: tuple[str, ...] = (
    ".env",
    ".env.production",
    "deploy/id_rsa",
    "deploy/id_ed25519",
    "certs/server.pem",
    "certs/client.p12",
    "certs/tls.key",
    ".netrc",
    ".pypirc",
    "credentials.json",
    "config/client_secret_1234.json",
    "service-account.json",
    "secrets.yaml",
)


@dataclass
class HostileRepo:
    """What ``write_hostile_repo`` wrote: the srcdir of its Sphinx project and the plan."""

    srcdir: Path
    root: Path
    outside: Path
    #: Files written in the repository that the scan must keep (links included).
    kept_files: set[str] = field(default_factory=set)
    #: Injection files: path -> the injection it holds.
    injected: dict[str, str] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    #: Folders whose README holds an injection: folder -> the injection.
    readmes: dict[str, str] = field(default_factory=dict)


def write_hostile_repo(
    base: Path, *, wide: int = 10_000, huge_bytes: int = 10_000_000
) -> HostileRepo:
    """Write the hostile repository under *base*; *wide* files go into one folder."""
    root = base / "repo"
    outside = base / "outside"
    outside.mkdir(parents=True)
    (outside / "outside.txt").write_text(OUTSIDE_TOKEN + "\n")
    (outside / "folder").mkdir()
    (outside / "folder" / "file.txt").write_text(OUTSIDE_TOKEN + "\n")
    plan = HostileRepo(srcdir=root / "docs", root=root, outside=outside)

    def put(relative: str, content: str | bytes, keep: bool = True) -> Path:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)
        if keep:
            plan.kept_files.add(relative)
        return path

    put("docs/conf.py", RST_CONF)
    put("docs/index.rst", RST_INDEX)
    put("README.md", "# Hostile\n\nA repository that tries everything.\n")

    # Bytes.
    rng = random.Random(20261126)
    put("bytes/random.bin", bytes(rng.randrange(256) for _ in range(4096)))
    put("bytes/nul-in-text.py", b"x = 1\x00\ny = 2\n")
    put("bytes/all-bytes.dat", bytes(range(256)) * 4)
    put("bytes/invalid-utf8.txt", b"fine \xff\xfe broken \xc3\x28 and \xed\xa0\x80 surrogate\n")
    put("bytes/utf16-le.txt", "\ufeffhello → UTF-16\n".encode("utf-16-le"))
    put("bytes/utf16-be.txt", "\ufeffhello → UTF-16\n".encode("utf-16-be"))
    put("bytes/utf8-bom.md", "\ufeff# Heading → with BOM\n".encode())
    put("bytes/crlf.py", b"def crlf():\r\n    return 1\r\n")
    put("bytes/lone-cr.txt", b"one\rtwo\rthree\r")
    put("bytes/mixed.py", b"a = 1\r\nb = 2\nc = 3\rd = 4\n")
    put("bytes/empty.py", b"")
    put("bytes/only-newlines.txt", b"\n\n\n")

    # Size.
    line = "a line of a very large text file, repeated to make it ten megabytes\n"
    put("big/ten-megabytes.txt", line * (huge_bytes // len(line) + 1))
    put("big/one-line.js", "var x=" + "1+" * 500_000 + "1;")
    # One line of C whose every word looks like a macro: suspects, blanks and a
    # reparse on one line (each once searched back to the line's start: quadratic).
    put("big/one-line.c", "int f(void) " + "AB " * 200_000 + ";")
    put("big/shell-past-ascii.sh", "{\U000d0001\nf() { echo \U0010ffff; }\n")

    # Depth and width.
    deep = "/".join(f"d{level:02d}" for level in range(50))
    put(f"deep/{deep}/leaf.py", "LEAF = True\n")
    for number in range(wide):
        put(f"wide/file{number:05d}.txt", f"{number}\n")

    # Python that does not parse, or exhausts the parser.
    put("python/py2.py", "print 'hello'\nexec \"code\"\nraise E, 'v'\n")
    put("python/deep-binop.py", "x = " + "1+" * 100_000 + "1\n")
    put("python/deep-unary.py", "x = " + "-" * 200_000 + "1\n")
    put("python/deep-parens.py", "x = " + "(" * 300 + "1" + ")" * 300 + "\n")
    put(
        "python/deep-indent.py",
        "def f():\n"
        + "".join("  " * (i + 1) + "if x:\n" for i in range(120))
        + "  " * 122
        + "pass\n",
    )
    put("python/deep-json.json", "[" * 100_000 + "]" * 100_000)
    put("python/bad.toml", "[[[not toml\n")
    # Integers past Python's 4,300-digit limit: tomllib and json raise ValueError.
    put("python/huge-int.json", '{"n": ' + "1" * 5000 + "}\n")
    put("python/huge-int.toml", "n = " + "1" * 5000 + "\n")
    put("crate/Cargo.toml", '[package]\nname = "c"\nn = ' + "1" * 5000 + "\n")
    put("crate/src/lib.rs", "use c::Thing;\nmod x;\n")
    put("node/package.json", '{"name": "n", "v": ' + "1" * 5000 + "}\n")
    put("node/main.js", 'const n = require("n");\n')
    # A zsh file whose break leaves 30,000 definitions to recover: linear, not quadratic.
    put("big/many-functions.zsh", "(( $+functions[_f] )) ||\n" + "f() {\n" * 30_000)
    put("python/bad.yaml", "key: [unclosed\n  - : :\n")
    put("python/tabs.py", "if True:\n\tx = 1\n        y = 2\n")

    # Links (never followed; each gets a page saying where it points).
    links = root / "links"
    links.mkdir()
    os.symlink("loop-b", links / "loop-a")
    os.symlink("loop-a", links / "loop-b")
    os.symlink("self", links / "self")
    os.symlink(outside / "outside.txt", links / "to-outside-file")
    os.symlink(outside / "folder", links / "to-outside-folder")
    os.symlink("/", links / "to-filesystem-root")
    os.symlink("../README.md", links / "to-readme")
    os.symlink("../bytes", links / "to-bytes-folder")
    os.symlink("missing-target", links / "dangling")
    plan.kept_files |= {
        f"links/{name}"
        for name in (
            "loop-a",
            "loop-b",
            "self",
            "to-outside-file",
            "to-outside-folder",
            "to-filesystem-root",
            "to-readme",
            "to-bytes-folder",
            "dangling",
        )
    }

    # Permissions (root reads them anyway; the page says what happened either way).
    unreadable_file = put("perms/unreadable.py", "SECRET_IF_READ = 1\n")
    unreadable_folder = root / "perms" / "unreadable-folder"
    put("perms/unreadable-folder/inside.py", "x = 1\n", keep=os.geteuid() == 0)
    put("perms/readable.py", "x = 1\n")
    unreadable_file.chmod(0)
    unreadable_folder.chmod(0)
    plan.unreadable = ["perms/unreadable.py", "perms/unreadable-folder"]

    # Names.
    for name in ODD_NAMES:
        put(f"names/{name}", "x = 1\n")
    put("names/nested index/index", "index in a folder\n")
    (root / "empty-folder").mkdir()
    (root / "names" / "empty-inside").mkdir()

    # A FIFO: opening it would block the build forever.
    os.mkfifo(root / "names" / "a-fifo")

    # Injections, in contents of every kind of file and in names.
    outside_file = str(outside / "outside.txt")
    includes: list[str] = []
    for number, raw in enumerate(INJECTIONS, start=1):
        text = raw.replace("{outside}", outside_file)
        quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        contents = {
            "rst": f"Title {number}\n========\n\n{text}\n",
            "md": f"# Title {number}\n\n{text}\n",
            "txt": f"{text}\n",
            "html": f"<html><body>{text}</body></html>\n",
            "py": f'"""{quoted}"""\n\n# {quoted}\nVALUE = "{quoted}"\n',
            "json": f'{{"{quoted}": 1}}\n',
            "yaml": f'"{quoted}": 1\n',
            "toml": f'"{quoted}" = 1\n',
        }
        for suffix, content in contents.items():
            path = f"inject/{suffix}/case{number:02d}.{suffix}"
            put(path, content)
            plan.injected[path] = text
        # Rendered on their folders' pages: every payload in a README of each format.
        put(f"inject/readme{number:02d}/README.md", f"{text}\n\nMore.\n")
        put(f"inject/readme{number:02d}/x.py", "x = 1\n")
        put(f"inject/readme-rst{number:02d}/README.rst", f"Title {number}\n========\n\n{text}\n")
        plan.readmes[f"inject/readme{number:02d}"] = text
        plan.readmes[f"inject/readme-rst{number:02d}"] = text
        name = text.replace("/", "_").replace("\x00", "_")[:200]
        if name not in (".", ".."):
            put(f"inject/names/{name}", "x = 1\n")
        # Headers with hostile names that a C file includes: names in pictures.
        header = name[:120] + ".h"
        if not set('"\n\r\\') & set(header):
            put(f"inject/headers/{header}", "int x;\n")
            includes.append(f'#include "{header}"\n')
    put("inject/headers/all.c", "".join(includes))

    # Secrets: left out, with their contents.
    for name in SECRET_NAMES:
        put(name, f"TOKEN={SECRET_TOKEN}\n", keep=False)

    return plan


def restore_permissions(plan: HostileRepo) -> None:
    """Let the test's temporary folder be deleted."""
    for relative in plan.unreadable:
        (plan.root / relative).chmod(stat.S_IRWXU)
