"""Links to a file on its code host, pinned to the commit the site was built from. Pure.

From ``repodocs_source_url`` (a template with ``{commit}`` and ``{path}``, and perhaps a
``#...{line}`` part, which a file's link leaves out and a line's link keeps),
or recognised from the ``origin`` remote for GitHub, GitLab, Bitbucket and Codeberg, in
their https and ssh forms. A remote on any other host (a self-hosted GitLab looks like
any server) gets no link unless the template says how: a link is never guessed. User
names and passwords in a remote's URL never reach a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

#: Host -> (its name on a page, the file's URL, the part a line adds).
KNOWN_HOSTS: dict[str, tuple[str, str, str]] = {
    "github.com": ("GitHub", "https://github.com/{repo}/blob/{{commit}}/{{path}}", "#L{{line}}"),
    "gitlab.com": ("GitLab", "https://gitlab.com/{repo}/-/blob/{{commit}}/{{path}}", "#L{{line}}"),
    "bitbucket.org": (
        "Bitbucket",
        "https://bitbucket.org/{repo}/src/{{commit}}/{{path}}",
        "#lines-{{line}}",
    ),
    "codeberg.org": (
        "Codeberg",
        "https://codeberg.org/{repo}/src/commit/{{commit}}/{{path}}",
        "#L{{line}}",
    ),
}

#: ``git@github.com:owner/repo.git``: git's scp-like form.
_SCP_LIKE = re.compile(r"^(?:[^@/\s]+@)?(?P<host>[^:/\s]+):(?P<path>[^\s]+)$")
_REPOSITORY_PATH = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")


@dataclass(frozen=True, slots=True)
class SourceLinks:
    """The URL template of one repository's files at one commit."""

    #: The host's name on a page ("GitHub"), or its domain for a configured template.
    host: str
    #: A template with ``{path}``, the commit already filled in.
    file_url: str
    #: The same with ``{line}`` too, or "" when the host's links cannot name a line.
    line_url: str = ""

    def for_file(self, path: str) -> str:
        return self.file_url.format(path=quote(path, safe="/"))

    def for_lines(self, path: str) -> str:
        """The link to a line of *path*, ``{line}`` left in for the line's number; ""
        when lines have no links."""
        if not self.line_url:
            return ""
        return self.line_url.format(path=quote(path, safe="/"), line="{line}")


def parse_remote(url: str) -> tuple[str, str] | None:
    """(host, owner/repository) of a remote URL in https, ssh or scp-like form."""
    url = url.strip()
    if "://" in url:
        try:
            parts = urlsplit(url)
            hostname = parts.hostname
        except ValueError:  # e.g. an unclosed IPv6 bracket
            return None
        if parts.scheme not in ("https", "http", "ssh", "git") or not hostname:
            return None
        host, path = hostname, parts.path
    elif match := _SCP_LIKE.match(url):
        host, path = match["host"], match["path"]
    else:
        return None
    path = path.strip("/").removesuffix(".git")
    if not _REPOSITORY_PATH.match(path) or {".", ".."} & set(path.split("/")):
        return None
    return host.lower(), path


def detected_links(remote: str, commit: str, prefix: str) -> SourceLinks | None:
    """Links for a remote on a host we know, at *commit*; *prefix* is the documented
    folder's path inside the checkout ("" at its top)."""
    parsed = parse_remote(remote)
    if parsed is None or parsed[0] not in KNOWN_HOSTS:
        return None
    host, repository = parsed
    # owner/repository; GitLab's groups may nest (group/subgroup/project).
    if host != "gitlab.com" and repository.count("/") != 1:
        return None
    name, file_url, line_part = KNOWN_HOSTS[host]
    template = (file_url + line_part).format(repo=repository)
    return configured_links(template, commit, prefix, name)


def configured_links(
    template: str, commit: str, prefix: str, host: str | None = None
) -> SourceLinks:
    """Links from a template such as ``https://example.org/r/blob/{commit}/{path}#L{line}``:
    a file's link is the template without the part from the ``#`` before ``{line}``."""
    folder = quote(prefix, safe="/")
    filled = template.replace("{commit}", commit).replace("{path}", folder + "{path}")
    cut = filled.rfind("#", 0, filled.find("{line}")) if "{line}" in filled else -1
    file_url = filled[:cut] if cut >= 0 else filled.replace("{line}", "")
    line_url = filled if "{line}" in filled else ""
    return SourceLinks(host or urlsplit(template).hostname or "", file_url, line_url)


TEMPLATE_FIELDS = frozenset({"commit", "path", "line"})


def template_problem(template: str) -> str | None:
    """Why *template* cannot make links, or None."""
    if not template.startswith(("https://", "http://")):
        return "must start with https:// or http://"
    fields = set(re.findall(r"\{([^{}]*)\}", template))
    if "path" not in fields:
        return "must hold {path}"
    if unknown := sorted(fields - TEMPLATE_FIELDS):
        return f"may hold only {{commit}}, {{path}} and {{line}}, not {{{unknown[0]}}}"
    try:
        template.format(commit="", path="", line=0)
    except (ValueError, IndexError, KeyError):
        return "has a brace that opens or closes nothing"
    return None
