"""staff on duty: how many staff were at work when the incident happened (the learning reviews ask)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), nullable: incidents logged before were not asked.
    op.add_column('incidents', sa.Column('staff_on_duty', sa.Integer(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite >= 3.35 and PostgreSQL): a batch rebuild of ``incidents`` would
    # lose the full-text index's triggers on SQLite.
    op.drop_column('incidents', 'staff_on_duty')
