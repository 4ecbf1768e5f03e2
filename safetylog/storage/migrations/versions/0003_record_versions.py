"""record versions: every record a person edits carries a version, so no save silently overwrites

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# Existing rows start at version 1, like a new row; the models bump it on every UPDATE.
_TABLES = ('facilities', 'zones', 'residents', 'psp_meetings', 'psp_agreements', 'psp_notes',
           'settings')


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): rows and the tables that refer to them stay untouched.
    for table in _TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    for table in reversed(_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
