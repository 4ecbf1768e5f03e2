"""duty rules: every duty records the rules version it was opened under

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing duties keep NULL: they were opened before versioned rules files, have no recorded
    # source, and are stamped with the incident's version when a correction next refreshes them.
    op.add_column('duties', sa.Column('rules_version', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('duties', schema=None) as batch_op:
        batch_op.drop_column('rules_version')
