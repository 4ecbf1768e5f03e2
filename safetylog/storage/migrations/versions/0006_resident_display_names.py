"""resident display names: the first name or call name staff know a resident by, in its own table

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A table of its own (not a column of ``residents``): reports and PSP packs read ``residents``
    # and so can never carry a display name by accident.
    op.create_table('resident_display_names',
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('display_name', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'],
                            name=op.f('fk_resident_display_names_resident_id_residents')),
    sa.PrimaryKeyConstraint('resident_id', name=op.f('pk_resident_display_names'))
    )


def downgrade() -> None:
    op.drop_table('resident_display_names')
