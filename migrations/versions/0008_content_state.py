"""content state: one row that says when content last changed

Revision ID: 0008
Revises: 0003
Create Date: 2026-12-02 00:10:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('content_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('modules_digest', sa.String(length=64), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_content_state'))
    )


def downgrade():
    op.drop_table('content_state')
