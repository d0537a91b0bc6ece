"""`--show-source` (the `full` format): a code frame under each finding — its line with the line
above and below, numbered, carets under the reported range — that never shows a secret: client
secrets, passwords, tokens, private JWK members, PEM blocks and URI credentials are redacted on the
finding's line and on the lines around it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from p1lint.cli import cli
from p1lint.pull.redact import PRIVATE_JWK_MEMBERS
from p1lint.source_redaction import hidden_spans, redact_line
from tests.support import FIXTURES

FRAME_LINE = re.compile(r"^ *(\d+) \| (.*)$")
CARETS = re.compile(r"^ +\| ( *)(\^+)$")
PRIVATE_MEMBER_TEXT = re.compile(r'"(d|p|q|dp|dq|qi|oth|k)"\s*:\s*"([^"]+)"')
HEAD = re.compile(r"^\S.*?:\d+:\d+: ")


def show(*args: str):
    return CliRunner().invoke(cli, ["check", "--no-cache", "--no-config", "--show-source", *args])


def frames(output: str) -> list[tuple[str, dict[int, str], tuple[int, int] | None]]:
    """Each finding line of the output with its frame: the numbered lines, and the carets'
    first column and count (None when the frame has none)."""
    found = []
    for line in output.splitlines():
        numbered, carets = FRAME_LINE.match(line), CARETS.match(line)
        if numbered:
            found[-1][1][int(numbered[1])] = numbered[2]
        elif carets:
            found[-1][2].append((len(carets[1]) + 1, len(carets[2])))
        elif HEAD.match(line):
            found.append((line, {}, []))
    return [(head, lines, marks[0] if marks else None) for head, lines, marks in found]


def test_the_frame_shows_the_line_its_neighbours_and_carets_under_the_range(tmp_path):
    source = FIXTURES / "bad" / "redirect-partner-web-app.json"
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--no-config", "--format", "json", str(source)])
    findings = json.loads(result.stdout)["findings"]
    lines = source.read_text(encoding="utf-8").splitlines()
    shown = frames(show(str(source)).stdout)
    assert len(shown) == len(findings) > 3
    for finding, (head, numbered, carets) in zip(findings, shown, strict=True):
        assert head.startswith(f"{finding['file']}:{finding['line']}:{finding['column']}: {finding['rule']} ")
        line = finding["line"]
        expected = range(max(1, line - 1), min(len(lines), line + 1) + 1)
        assert numbered == {number: lines[number - 1] for number in expected}  # nothing to redact here
        end = finding["end_column"] if finding["end_line"] == line else len(lines[line - 1]) + 1
        assert carets == (finding["column"], max(1, end - finding["column"]))


SECRETS = {
    "above": "Nearby-Secret-Value-1",
    "password": "Hunter2Pass",
    "query": "QsEcReT999",
    "below": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
    "token": "eyJhbGciOiJub25lIn0.e30.tok",
}


def test_secrets_on_the_finding_line_and_around_it_are_redacted(tmp_path):
    application = {
        "id": "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a", "name": "Partner extranet", "enabled": True,
        "protocol": "OPENID_CONNECT", "type": "WEB_APP", "grantTypes": ["AUTHORIZATION_CODE"],
        "responseTypes": ["CODE"], "pkceEnforcement": "S256_REQUIRED",
        "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
    }
    text = json.dumps(application, indent=2)[:-2] + ",\n" + (
        f'  "clientSecret": "{SECRETS["above"]}",\n'
        f'  "redirectUris": ["https://alice:{SECRETS["password"]}@partners.example.com/cb'
        f'?client_secret={SECRETS["query"]}"],\n'
        f'  "privateKey": "-----BEGIN PRIVATE KEY-----\\n{SECRETS["below"]}\\n-----END PRIVATE KEY-----",\n'
        f'  "accessToken": "{SECRETS["token"]}"\n}}\n')
    path = tmp_path / "app.json"
    path.write_text(text)
    uri_line = next(n for n, line in enumerate(text.splitlines(), 1) if "redirectUris" in line)
    result = show(str(path))
    shown = frames(result.stdout)
    assert any(f":{uri_line}:" in head and numbered.keys() == {uri_line - 1, uri_line, uri_line + 1}
               for head, numbered, _ in shown)  # a frame of the finding line with both neighbours
    framed = "\n".join(line for _, numbered, _ in shown for line in numbered.values())
    assert "[redacted]" in framed and "partners.example.com" in framed
    for secret in SECRETS.values():
        assert secret not in framed and secret[2:-2] not in result.output


def exported_secrets(data) -> list[str]:
    """Every secret value of a parsed export: under a secret's key, a private JWK member (also
    in a JWKS given as text), a PEM block."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and (key in ("secret", "clientSecret") or key in PRIVATE_JWK_MEMBERS):
                found.append(value)
            elif key == "jwks" and isinstance(value, str):  # a pasted set, maybe not even valid JSON
                found += [member[1] for member in PRIVATE_MEMBER_TEXT.findall(value)]
            else:
                found += exported_secrets(value)
    elif isinstance(data, list):
        found += [secret for item in data for secret in exported_secrets(item)]
    elif isinstance(data, str) and "PRIVATE KEY-----" in data:
        found.append(data)
    return found


@pytest.mark.parametrize("fixture", [
    "bad/secrets-worker-export.yaml", "bad/secrets-worker-export.json", "bad/jwks-partner-integrations.yaml",
])
def test_no_secret_of_a_real_export_reaches_a_frame(fixture):
    path = FIXTURES / fixture
    secrets = exported_secrets(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert secrets  # the fixture holds some
    result = show("--select", "P1L", str(path))
    assert "|" in result.stdout  # frames were shown
    for secret in secrets:
        for piece in {secret, *(part for part in secret.splitlines() if len(part.strip()) > 8)}:
            assert piece.strip() not in result.stdout


@pytest.mark.parametrize(("lines", "shown"), [
    (["clientSecret: |", "  first", "  second", "name: x"],  # a YAML block scalar
     ["clientSecret: [redacted]", "  [redacted]", "  [redacted]", "name: x"]),
    (["password: plain words", "  go on", "name: x"],  # a plain scalar that goes on
     ["password: [redacted]", "  [redacted]", "name: x"]),
    (['client_secret = <<EOT', "hunter2", "EOT", 'name = "x"'],  # an HCL heredoc
     ["client_secret = [redacted]", "[redacted]", "EOT", 'name = "x"']),
    (["cert: |", "  -----BEGIN PRIVATE KEY-----", "  MIIEv", "  -----END PRIVATE KEY-----", "x: 1"],
     ["cert: |", "  [redacted]", "  [redacted]", "  [redacted]", "x: 1"]),
    (['"jwks": "{\\"keys\\":[{\\"kty\\":\\"EC\\",\\"x\\":\\"pub\\"}]}",'],  # a key set, whole
     ['"jwks": [redacted],']),
    (['"keySet": "{\\"keys\\":[{\\"kty\\":\\"EC\\",\\"d\\":\\"priv\\",\\"x\\":\\"pub\\"}]}"'],
     ['"keySet": "{\\"keys\\":[{\\"kty\\":\\"EC\\",\\"d\\":[redacted],\\"x\\":\\"pub\\"}]}"']),
    (['{"clientSecret":"a\\"b","tokenEndpointAuthMethod":"CLIENT_SECRET_POST"}'],  # minified
     ['{"clientSecret":[redacted],"tokenEndpointAuthMethod":"CLIENT_SECRET_POST"}']),
])
def test_a_secret_value_is_hidden_to_its_end(lines, shown):
    hidden = hidden_spans(lines, set(range(1, len(lines) + 1)))
    assert [redact_line(line, hidden[n], [])[0] for n, line in enumerate(lines, 1)] == shown


def test_a_continued_secret_is_hidden_when_the_frame_starts_below_its_key():
    lines = ["clientSecret: |", "  first", "  second", "  third", "name: x"]
    assert hidden_spans(lines, {3, 4}) == {3: [(2, 8)], 4: [(2, 7)]}


def test_a_column_after_a_redacted_value_moves_with_it():
    line = '"clientSecret": "abcdefghijklmnopqrstuvwxyz", "x": "http://a"'
    text, (column,) = redact_line(line, hidden_spans([line], {1})[1], [line.index('"http') + 1])
    assert text[column - 1:] == '"http://a"'


def under_carets(head: str, numbered: dict[int, str], carets: tuple[int, int]) -> str:
    """The text of the finding's line that its carets mark."""
    line = int(re.match(r"^.*?:(\d+):(\d+): ", head)[1])
    column, count = carets
    return numbered[line][column - 1 : column - 1 + count]


def test_a_long_line_is_cut_to_a_window_around_the_column(tmp_path):
    application = json.loads((FIXTURES / "bad" / "redirect-partner-web-app.json").read_text(encoding="utf-8"))
    path = tmp_path / "minified.json"
    path.write_text(json.dumps({"description": "padding " * 100, **application}, separators=(",", ":")))
    shown = frames(show(str(path)).stdout)
    uris = [frame for frame in shown if "redirect-uri" in frame[0]]
    assert uris and all(len(line) <= 162 for _, numbered, _ in shown for line in numbered.values())
    for head, numbered, carets in uris:  # the window holds the value, the carets stand under it
        assert under_carets(head, numbered, carets).startswith('"')


def test_control_characters_are_escaped_and_the_carets_stay_under_the_value(tmp_path):
    path = tmp_path / "app.json"
    text = (FIXTURES / "bad" / "redirect-partner-web-app.json").read_text(encoding="utf-8")
    path.write_text(text.replace('"redirectUris": [', '"redirectUris": ["\u202e\u2066", ', 1))
    result = show(str(path))
    assert "\u202e" not in result.stdout and "\u2066" not in result.stdout
    shown = [frame for frame in frames(result.stdout) if frame[2] is not None]
    assert shown and all(under_carets(*frame).startswith('"') for frame in shown if "redirect-uri" in frame[0])


def test_standard_input_has_no_frame(tmp_path, monkeypatch):
    source = (FIXTURES / "bad" / "redirect-partner-web-app.json").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--no-config", "--show-source", "-"], input=source)
    assert result.exit_code == 1 and "<stdin>:" in result.stdout and " | " not in result.stdout
    monkeypatch.chdir(tmp_path)
    Path("app.json").write_text(source.replace("partners", "other"))  # a file of the name given
    named = CliRunner().invoke(cli, ["check", "--no-cache", "--no-config", "--show-source", "--stdin-filename",
                                     "app.json", "-"], input=source)
    assert named.exit_code == 1 and "app.json:" in named.stdout and " | " not in named.stdout
    assert " | " in show("app.json").stdout  # the file itself, named, has its frames


def test_show_source_is_the_full_format_and_a_setting(tmp_path, monkeypatch):
    source = str(FIXTURES / "bad" / "redirect-partner-web-app.json")
    by_flag = show(source).stdout
    by_format = CliRunner().invoke(cli, ["check", "--no-cache", "--no-config", "--format", "full", source]).stdout
    (tmp_path / ".git").mkdir()
    (tmp_path / "p1lint.toml").write_text("show-source = true\n")
    monkeypatch.chdir(tmp_path)
    by_setting = CliRunner().invoke(cli, ["check", "--no-cache", source]).stdout
    assert by_flag == by_format == by_setting and " | " in by_flag
    plain = CliRunner().invoke(cli, ["check", "--no-cache", "--no-config", source]).stdout
    assert [line for line in by_flag.splitlines() if " | " not in line and not line.endswith(" |")] == \
        plain.splitlines()


def test_other_formats_are_unchanged_by_show_source():
    source = str(FIXTURES / "bad" / "redirect-partner-web-app.json")
    plain = CliRunner().invoke(cli, ["check", "--no-cache", "--no-config", "--format", "json", source]).stdout
    assert show("--format", "json", source).stdout == plain


def test_the_frame_is_read_from_the_file_named_in_the_finding(tmp_path):
    path = Path(tmp_path / "app.json")
    path.write_text((FIXTURES / "bad" / "redirect-partner-web-app.json").read_text(encoding="utf-8"))
    assert frames(show(str(path)).stdout)[0][0].startswith(str(path))
