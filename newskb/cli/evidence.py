"""The evidence: an entity's profile (show), the sources, and one fact's quote in its sentence (cite)."""

from typing import Annotated

import typer

from newskb import render
from newskb.base import folder
from newskb.cli.ask import STDIN, answer_lines
from newskb.cli.completion import ENTITY_NAME, FACT_ID
from newskb.cli.options import (
    AsOfOption,
    DataOption,
    FieldsOption,
    FormatOption,
    as_of_day,
    done,
    open_index,
    pick_format,
)
from newskb.render import views

app = typer.Typer()


@app.command("show", short_help="Show a person's, body's or office's profile.")
def show_command(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            click_type=ENTITY_NAME,
            help="A person, organization, country or office; typos are forgiven.",
        ),
    ],
    as_of: AsOfOption = None,
    output_format: FormatOption = None,
    fields: FieldsOption = None,
    data: DataOption = None,
) -> None:
    """Show the profile of a person, organization, country or office, every fact with its source.

    \b
    Examples:
      newskb show "Peter Bator"
      newskb show nato --as-of 2024-09-01 --format json
    """
    from newskb.answers.profile import show

    connection, day = open_index(data, articles=False), as_of_day(as_of)
    if name == STDIN:
        from newskb.answers.batch import Reply

        return answer_lines(
            connection, lambda text: Reply(rows=[show(connection, text, day)]), views.PROFILE, output_format
        )
    profile = show(connection, name, day)
    sections = views.profile_sections(profile.kind)
    render.write_document(profile, sections, views.PROFILE_HEADER, pick_format(output_format))


@app.command("sources", short_help="List every source with the facts it backs.")
def sources_command(output_format: FormatOption = None, fields: FieldsOption = None, data: DataOption = None) -> None:
    """List every source with how many terms, events and claims it backs.

    \b
    Examples:
      newskb sources
      newskb sources --format json | jq '.[].id'
    """
    from newskb.answers import sources
    from newskb.answers.declared import row_keys

    connection = open_index(data)
    rows = sources.sources(connection, folder.find_data_dir(data))
    keys = row_keys(connection, sources.SourceRow, "source")
    render.write_rows(rows, views.SOURCES, pick_format(output_format), title="Sources", fields=keys)
    done(bool(rows), "the fact base has no sources")


@app.command("cite", short_help="Show one fact's quote inside its sentence.")
def cite_command(
    fact_id: Annotated[
        str,
        typer.Argument(metavar="ID", click_type=FACT_ID, help="The id of a term, event, claim or summarised entity."),
    ],
    output_format: FormatOption = None,
    fields: FieldsOption = None,
    data: DataOption = None,
) -> None:
    """Show one fact's quote inside its sentence of the article.

    \b
    Examples:
      newskb cite nato-has-32-members
      newskb cite mark-rutte-takes-office --format json
    """
    from newskb.answers import sources

    connection = open_index(data)
    if fact_id == STDIN:
        from newskb.answers.batch import Reply

        return answer_lines(
            connection, lambda text: Reply(rows=[sources.cite(connection, text)]), views.CITATION, output_format
        )
    render.write_citation(sources.cite(connection, fact_id), pick_format(output_format))
