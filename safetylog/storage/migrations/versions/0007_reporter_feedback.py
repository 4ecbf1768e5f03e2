"""reporter feedback: what a manager did with an incident, shown to its reporter until read

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Times are naive UTC, as every other column (the app's UTCDateTime stores DateTime).
    op.create_table(
        'reporter_feedback',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('incident_id', sa.Integer(), nullable=False),
        sa.Column('reporter_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('subject', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=False),
        sa.Column('read_at', sa.DateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'],
                                name=op.f('fk_reporter_feedback_incident_id_incidents')),
        sa.ForeignKeyConstraint(['reporter_id'], ['users.id'],
                                name=op.f('fk_reporter_feedback_reporter_id_users')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'],
                                name=op.f('fk_reporter_feedback_created_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reporter_feedback')),
    )
    op.create_index(op.f('ix_reporter_feedback_incident_id'), 'reporter_feedback', ['incident_id'],
                    unique=False)
    op.create_index('ix_reporter_feedback_reporter_read', 'reporter_feedback',
                    ['reporter_id', 'read_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_reporter_feedback_reporter_read', table_name='reporter_feedback')
    op.drop_index(op.f('ix_reporter_feedback_incident_id'), table_name='reporter_feedback')
    op.drop_table('reporter_feedback')
