"""locked by default: login sessions, throttling, a hash-chained audit naming every resident

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import safetylog.storage.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_GENESIS = "0" * 64


def _canonical(row_id, at, user_id, username, workstation, action, entity, entity_id,
               subject_resident_id, residents, details) -> bytes:
    # A copy of safetylog.storage.audit_chain.canonical, format 1 (migrations carry their own code).
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    payload = [1, row_id, at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), user_id, username, workstation,
               action, entity, entity_id, subject_resident_id, sorted(set(residents)), details]
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str).encode("utf-8")


def _link(prev_hash: str, content: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + content).hexdigest()


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the tables that refer to users keep their rows untouched.
    op.add_column('users', sa.Column('last_failed_login_at', safetylog.storage.types.UTCDateTime(), nullable=True))
    op.add_column('users', sa.Column('locked_until', safetylog.storage.types.UTCDateTime(), nullable=True))
    op.add_column('users', sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    op.add_column('users', sa.Column('password_changed_at', safetylog.storage.types.UTCDateTime(), nullable=True))

    op.create_table('login_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('workstation', sa.String(length=200), nullable=False),
    sa.Column('started_at', safetylog.storage.types.UTCDateTime(), nullable=False),
    sa.Column('last_auth_at', safetylog.storage.types.UTCDateTime(), nullable=False),
    sa.Column('ended_at', safetylog.storage.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_login_sessions_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_login_sessions_token_hash'))
    )
    op.create_index(op.f('ix_login_sessions_user_id'), 'login_sessions', ['user_id'], unique=False)

    op.add_column('audit_log', sa.Column('prev_hash', sa.String(length=64), nullable=False, server_default=''))
    op.add_column('audit_log', sa.Column('row_hash', sa.String(length=64), nullable=False, server_default=''))

    op.create_table('audit_subjects',
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit_log.id'], name=op.f('fk_audit_subjects_audit_id_audit_log')),
    sa.PrimaryKeyConstraint('audit_id', 'resident_id', name=op.f('pk_audit_subjects'))
    )
    op.create_index('ix_audit_subjects_resident', 'audit_subjects', ['resident_id', 'audit_id'], unique=False)

    audit_head = op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_id', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('updated_at', safetylog.storage.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    _chain_existing_rows(audit_head)


def _chain_existing_rows(audit_head: sa.Table) -> None:
    """Link the rows written before the chain existed, oldest first, and note each row's resident."""
    bind = op.get_bind()
    log = sa.table('audit_log', sa.column('id', sa.Integer), sa.column('at', safetylog.storage.types.UTCDateTime()),
                   sa.column('user_id', sa.Integer), sa.column('username', sa.String),
                   sa.column('workstation', sa.String), sa.column('action', sa.String),
                   sa.column('entity', sa.String), sa.column('entity_id', sa.String),
                   sa.column('subject_resident_id', sa.Integer), sa.column('details', sa.JSON),
                   sa.column('prev_hash', sa.String), sa.column('row_hash', sa.String))
    subjects = sa.table('audit_subjects', sa.column('audit_id', sa.Integer), sa.column('resident_id', sa.Integer))
    prev, last_id = _GENESIS, 0
    rows = bind.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    updates, links = [], []
    for row in rows:
        residents = [row["subject_resident_id"]] if row["subject_resident_id"] is not None else []
        content = _canonical(row["id"], row["at"], row["user_id"], row["username"], row["workstation"],
                             row["action"], row["entity"], row["entity_id"], row["subject_resident_id"],
                             residents, row["details"] or {})
        digest = _link(prev, content)
        updates.append({"b_id": row["id"], "prev_hash": prev, "row_hash": digest})
        links.extend({"audit_id": row["id"], "resident_id": rid} for rid in residents)
        prev, last_id = digest, row["id"]
    if updates:
        bind.execute(log.update().where(log.c.id == sa.bindparam("b_id"))
                     .values(prev_hash=sa.bindparam("prev_hash"), row_hash=sa.bindparam("row_hash")), updates)
    if links:
        bind.execute(subjects.insert(), links)
    bind.execute(audit_head.insert().values(id=1, last_id=last_id, last_hash=prev,
                                            updated_at=datetime.now(UTC)))


def downgrade() -> None:
    op.drop_table('audit_head')
    with op.batch_alter_table('audit_subjects', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_subjects_resident')
    op.drop_table('audit_subjects')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('row_hash')
        batch_op.drop_column('prev_hash')
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_sessions_user_id'))
    op.drop_table('login_sessions')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('must_change_password')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('last_failed_login_at')
