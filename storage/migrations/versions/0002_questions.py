"""questions: forwarded, unanswered, promoted phrasings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('faq_phrasing',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('topic', 'language', 'text', name='uq_faq_phrasing')
    )
    with op.batch_alter_table('faq_phrasing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_faq_phrasing_topic'), ['topic'], unique=False)

    op.create_table('forwarded_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('asked_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('asker_platform', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('asker_user_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('asker_chat_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('answered_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('answered_by_member_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_member_id'], ['member.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('forwarded_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forwarded_question_asked_at'), ['asked_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_forwarded_question_status'), ['status'], unique=False)

    op.create_table('unanswered_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('asked_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('promoted_topic', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('unanswered_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unanswered_question_asked_at'), ['asked_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_unanswered_question_status'), ['status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('unanswered_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unanswered_question_status'))
        batch_op.drop_index(batch_op.f('ix_unanswered_question_asked_at'))

    op.drop_table('unanswered_question')
    with op.batch_alter_table('forwarded_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forwarded_question_status'))
        batch_op.drop_index(batch_op.f('ix_forwarded_question_asked_at'))

    op.drop_table('forwarded_question')
    with op.batch_alter_table('faq_phrasing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_faq_phrasing_topic'))

    op.drop_table('faq_phrasing')
