#!/usr/bin/env python3
"""Wraps the Up() body drafted by tools/Portal.MigrationDraft into the Initial migration class."""
import re, sys
body = open(sys.argv[1], encoding='utf-8').read()
tables = re.findall(r'migrationBuilder.CreateTable\(\n\s+name: "(\w+)"', body)
# Foreign keys added after the tables (forward references and cycles) go first, so that every table can be dropped.
added_fks = re.findall(r'migrationBuilder.AddForeignKey\(name: "(\w+)", table: "(\w+)"', body)
down = "\n".join([f'        migrationBuilder.DropForeignKey(name: "{n}", table: "{t}");' for n, t in reversed(added_fks)]
                 + [f'        migrationBuilder.DropTable(name: "{t}");' for t in reversed(tables)])
src = f'''using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Web.Data.Migrations;

/// <summary>
/// The foundation schema: accounts, the directory, announcements, the audit trail and stored live events.
/// Written by hand (drafted with tools/Portal.MigrationDraft) and provider-neutral: column types come from each
/// provider's mapping of the CLR type, and identity columns carry both providers' annotations.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123000000_Initial")]
public sealed class Initial : Migration
{{
    protected override void Up(MigrationBuilder migrationBuilder)
    {{
{body.rstrip()}
    }}

    protected override void Down(MigrationBuilder migrationBuilder)
    {{
{down}
    }}
}}
'''
open(sys.argv[2], 'w', encoding='utf-8').write(src)
