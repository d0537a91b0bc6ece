"""Command line: thin commands, each calling one engine function and returning an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from p1lint import __version__
from p1lint.command_guard import guarded
from p1lint.diff.formats import DIFF_FORMATS
from p1lint.exitcodes import EXIT_ERROR
from p1lint.findings import PROFILES, SEVERITIES
from p1lint.pull.options import PULL_OPTION_NAMES, pull_options
from p1lint.reporters import REPORTERS
from p1lint.run_settings import DEFAULT_REGEX_BUDGET
from p1lint.scope_options import scope_options
from p1lint.terminal import discard_stdout as _discard_stdout
from p1lint.terminal import escape_unencodable_output, split_values

REPORT_FORMATS = tuple(REPORTERS)
FORMATS = ("text", "json")  # of `rules`; `check` offers every reporter


class DefaultCommandGroup(click.Group):
    """`p1lint PATH...` means `p1lint check PATH...`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        group_options = {"--help", "-h", "--version"}
        if args and args[0] not in self.commands and args[0] not in group_options:
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Every command, its options and their callbacks run here, ended as `guarded` ends them."""
        passthrough = (click.exceptions.Exit, click.ClickException, click.Abort)
        return guarded(lambda: super(DefaultCommandGroup, self).invoke(ctx), passthrough)


fail_on_option = click.option(
    "--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
rules_option = click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path),
    help="Extra directory of rule files (repeatable).",
)
select_option = click.option(
    "--select", multiple=True, help="Rule ids, id prefixes or names to run (comma-separated).")
ignore_option = click.option(
    "--ignore", multiple=True, help="Rule ids, id prefixes or names to skip (comma-separated).")
extend_select_option = click.option(
    "--extend-select", multiple=True, help="Rules to run in addition to those selected (comma-separated).")
extend_ignore_option = click.option(
    "--extend-ignore", multiple=True, help="Rules to skip in addition to those ignored (comma-separated).")
no_color_option = click.option(
    "--no-color", is_flag=True, help="Never colour the output (NO_COLOR is honoured too).")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
class ReportFormat(click.ParamType):  # type: ignore[type-arg]
    """`NAME` or `NAME=FILE` (`sarif=out.sarif`): a report format, and the file it goes to."""

    name = "format[=file]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from p1lint.reporters.destinations import Destination, parse_format

        if isinstance(value, Destination):
            return value
        try:
            return parse_format(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


def report_format_option(command: Any) -> Any:
    """`--format NAME[=FILE]` (repeatable), `-o/--output FILE` and `--docs-url URL`."""
    command = click.option(
        "--docs-url", help="Published copy of docs/rules.md that finding links point to (default: the "
                           "rule reference shipped with p1lint).")(command)
    command = click.option(
        "--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
        help="Write the report (the format given without =FILE) to FILE instead of stdout.")(command)
    return click.option(
        "--format", "output_format", type=ReportFormat(), multiple=True, default=("text",),
        show_default=True,
        help=f"Report format, repeatable, each to stdout or to a file: NAME or NAME=FILE "
             f"({', '.join(REPORT_FORMATS)}).")(command)
custom_attribute_option = click.option(
    "--custom-attribute", "custom_attributes", multiple=True,
    help="A custom user attribute of your user schema, e.g. employeeNumber (repeatable, comma-separated).",
)


def _no_config(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    ctx.meta["p1lint.no_config"] = value


def _apply_config(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    """Load the configuration (given, or found upwards from here) into the option defaults."""
    from p1lint.config import ConfigError, find_config, load_config

    if ctx.meta.get("p1lint.no_config"):
        return
    path = value or find_config(Path.cwd())
    if path is None:
        return
    try:
        settings = load_config(path)
    except ConfigError as error:
        click.echo(str(error), err=True)
        ctx.exit(EXIT_ERROR)
    ctx.meta["p1lint.suppressions"] = tuple(settings.pop("suppressions", ()))  # read by `check` only
    if ctx.command.name != "check":
        settings.pop("output_format", None)  # the report format; `rules` has its own
    elif isinstance(settings.get("output_format"), str):
        settings["output_format"] = (settings["output_format"],)  # `--format` is repeatable
    names = {parameter.name for parameter in ctx.command.params}
    ctx.default_map = {**(ctx.default_map or {}), **{k: v for k, v in settings.items() if k in names}}


def config_options(command: Any) -> Any:
    """`--config FILE` and `--no-config`, applied before any other option is read."""
    command = click.option(
        "--config", type=click.Path(path_type=Path, exists=True, dir_okay=False), is_eager=True,
        expose_value=False, callback=_apply_config,
        help="Configuration file (default: p1lint.toml, .p1lint.toml or pyproject.toml [tool.p1lint], "
             "searched upwards from the working directory).",
    )(command)
    return click.option(
        "--no-config", "--isolated", is_flag=True, is_eager=True, expose_value=False, callback=_no_config,
        help="Ignore configuration files.",
    )(command)


class ByteSize(click.ParamType):  # type: ignore[type-arg]
    """A size in bytes, written `100MiB`, `512KiB`, `1G` or as a plain number of bytes."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from p1lint.documents.files import parse_size

        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


max_file_size_option = click.option(
    "--max-file-size", type=ByteSize(), default="100MiB", show_default=True,
    help="Larger input files are not read (an input error): 100MiB, 512KiB, bytes.",
)


profile_option = click.option(
    "--profile", type=click.Choice(PROFILES), default="recommended", show_default=True,
    help="Severity profile.",
)


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="p1lint")
def cli() -> None:
    """Lint PingOne application configurations: API exports (JSON or YAML), environment snapshots,
    Terraform (.tf, .tf.json, plan JSON) and authorization requests."""


@cli.command()
@click.argument("paths", nargs=-1)
@report_format_option
@select_option
@ignore_option
@extend_select_option
@extend_ignore_option
@fail_on_option
@profile_option
@rules_option
@click.option("--custom-domain", help="Your PingOne custom domain (auth.example.com).")
@click.option("--stdin-filename", default="<stdin>", help="File name to report for `-`.")
@custom_attribute_option
@click.option("--actor", type=click.Path(dir_okay=False),
              help="JSON or YAML file with the actor (type, id, roleAssignments) whose roles bound the role "
                   "assignments, for environments that do not say (Terraform configurations).")
@no_color_option
@quiet_option
@click.option("--baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Report only findings that this baseline file does not already accept.")
@click.option("--write-baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the current findings to a baseline file instead of reporting them.")
@click.option("--no-suppress", is_flag=True,
              help="Report every finding: inline comments and the baseline suppress nothing (for audits).")
@click.option("--show-suppressed", is_flag=True,
              help="Show suppressed findings too, marked as such (SARIF always records them as suppressed).")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--show-source", is_flag=True,
              help="Show a code frame (the line, a caret under the range) under each finding, secrets "
                   "redacted: the text format becomes `full`.")
@click.option("--statistics", is_flag=True,
              help="Print the number of findings of each rule instead of the findings.")
@click.option("--update-baseline", is_flag=True,
              help="Prune from the --baseline file the entries no finding matches any more (listed).")
@click.option("--regex-budget", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_REGEX_BUDGET,
              show_default=True,
              help="Seconds the rule patterns may spend on one file; past it, an input error (exit 2).")
@click.option("--changed-only", is_flag=True,
              help="Of a Terraform plan, report only on the resources it creates or updates (the rest "
                   "of the plan is still read as their environment).")
@max_file_size_option
@click.option("--strict-unknowns", is_flag=True,
              help="Report each value Terraform does not settle that kept checks from being made (P1L020).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the results cache.")
@click.option("--cache-dir", type=click.Path(path_type=Path), envvar="P1LINT_CACHE_DIR",
              help="Directory of the results cache (default: $XDG_CACHE_HOME/p1lint, else ~/.cache/p1lint).")
@scope_options
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes that check the inputs (default: the CPUs available); a little input is "
                   "checked in this one.")
@click.option("--pull", is_flag=True,
              help="Pull a snapshot of a live environment (see `p1lint pull`; its options apply) and check "
                   "it too.")
@pull_options
@config_options
def check(paths: tuple[str, ...], **options: Any) -> None:
    """Check application files, directories (recursively) or `-` for standard input."""
    from p1lint.commands.check import run_check

    configured = click.get_current_context().meta.get("p1lint.suppressions", ())
    pulling = {name: options.pop(name) for name in PULL_OPTION_NAMES}
    if options.pop("pull"):
        sys.exit(_check_pulled(list(paths), pulling, {**options, "suppressions": configured}))
    if not paths:
        raise click.UsageError("Missing argument 'PATHS...' (or --pull).")
    sys.exit(run_check(list(paths), suppressions=configured, **options))


def _check_pulled(paths: list[str], pulling: dict[str, Any], options: dict[str, Any]) -> int:
    """`check --pull`: the pulled snapshot, in a temporary directory, is one more input (never cached)."""
    import tempfile

    from p1lint.commands.check import run_check
    from p1lint.commands.pull import pull_for_check
    from p1lint.pull.run import PullOptions

    with tempfile.TemporaryDirectory(prefix="p1lint-pull-") as directory:
        snapshot = pull_for_check(PullOptions(**pulling), Path(directory))
        if snapshot is None:
            return EXIT_ERROR
        return run_check([*paths, str(snapshot)], **{**options, "no_cache": True})


@cli.command("pull")
@click.option("--output", "-o", metavar="DIR|-",
              help="Write the snapshot directory DIR (replaced atomically); `-` or nothing: one document "
                   "on standard output.")
@pull_options
def pull_snapshot(output: str | None, **options: Any) -> None:
    """Take an environment snapshot from a live PingOne environment through the Management API, with
    a worker's client credentials (read-only roles suffice): PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET,
    PINGONE_ENVIRONMENT_ID (the worker's environment) and PINGONE_REGION_CODE, or --client-id with the
    secret on standard input."""
    from p1lint.commands.pull import run_pull
    from p1lint.pull.run import PullOptions

    sys.exit(run_pull(PullOptions(**options), output))


@cli.command("request")
@click.argument("request")
@click.option("--env", "environment", required=True, metavar="SNAPSHOT",
              help="The environment to check against: a snapshot file or directory, or an application file.")
@click.option("--app", "application", metavar="NAME|ID",
              help="The application the request is for (default: the one its client_id names).")
@click.option("--par", is_flag=True,
              help="REQUEST is the form-encoded body of a pushed authorization request, not a URL.")
@report_format_option
@select_option
@ignore_option
@fail_on_option
@profile_option
@rules_option
@no_color_option
@quiet_option
@max_file_size_option
@config_options
def check_request(request: str, **options: Any) -> None:
    """Check one authorization request (an /as/authorize URL, or `-` to read it from standard
    input) against its application, as PingOne would."""
    from p1lint.commands.request import run_request

    sys.exit(run_request(request, **options))


@cli.command("diff")
@click.argument("inputs", nargs=-1, metavar="OLD NEW | PATH...")
@click.option("--git", "revisions", metavar="REV1..REV2",
              help="Compare the PATHs (default: the whole tree) at two revisions of this git repository.")
@click.option("--format", "output_format", type=click.Choice(tuple(DIFF_FORMATS)), default="text",
              show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write to a file.")
@fail_on_option
@profile_option
@rules_option
@select_option
@ignore_option
@max_file_size_option
@click.option("--actor", type=click.Path(dir_okay=False),
              help="JSON or YAML file with the actor whose roles bound the role assignments, for both sides "
                   "where they do not say (Terraform configurations).")
@click.option("--custom-domain", help="Your PingOne custom domain (auth.example.com).")
@config_options
def diff(inputs: tuple[str, ...], **options: Any) -> None:
    """Report the security-relevant changes from OLD to NEW (exports, snapshots, Terraform): the
    findings introduced and fixed, and what each application lost (client authentication, PKCE,
    admin-only access) or gained (redirect URIs, origins, grant types, roles)."""
    from p1lint.commands.diff import run_diff

    sys.exit(run_diff(list(inputs), **options))


@cli.command("rules")
@profile_option
@rules_option
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@config_options
def list_rules(profile: str, rule_dirs: tuple[Path, ...], output_format: str) -> None:
    """List the rules: id, name, severity (in the profile) and title."""
    from p1lint.commands.rules import run_list

    sys.exit(run_list(profile, list(rule_dirs), output_format))


@cli.command("rule")
@click.argument("key")
@profile_option
@rules_option
@config_options
def explain_rule(key: str, profile: str, rule_dirs: tuple[Path, ...]) -> None:
    """Explain one rule (by id or name): what, why, references, a bad and a good example."""
    from p1lint.commands.rules import run_explain

    sys.exit(run_explain(key, profile, list(rule_dirs)))


@cli.command("expr")
@click.argument("expression")
@click.option("--ast", "show_ast", is_flag=True, help="Print the syntax tree of a valid expression.")
@custom_attribute_option
@fail_on_option
@ignore_option
def check_expression(
    expression: str, show_ast: bool, custom_attributes: tuple[str, ...], fail_on: str, ignore: tuple[str, ...]
) -> None:
    """Check one attribute-mapping expression, e.g. '${user.name.given}'; findings carry the rule
    ids and names of `check`."""
    from p1lint.commands.expr import run_expr

    attributes = split_values(custom_attributes)
    sys.exit(run_expr(expression, show_ast=show_ast, custom_attributes=attributes, fail_on=fail_on,
                      ignore=split_values(ignore)))


@cli.command("docs")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to a file instead of stdout.")
def generate_docs(output: Path | None) -> None:
    """Generate the rule reference (docs/rules.md) from the rule files."""
    from p1lint.commands.rules import run_docs

    sys.exit(run_docs(output))


def main() -> None:
    escape_unencodable_output()
    try:
        cli(prog_name="p1lint")
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _discard_stdout()
