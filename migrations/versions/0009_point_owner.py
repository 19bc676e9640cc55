"""action points remember that an owner was chosen

Revision ID: 0009_point_owner
Revises: 0006_live
Create Date: 2026-12-02 02:45:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0009_point_owner'
down_revision = '0006_live'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('team_action_points', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_chosen', sa.Boolean(), server_default=sa.false(), nullable=False))
    # Points that still have their owner had one chosen; for points whose owner is already
    # gone the history is lost, and they keep reading "nog niemand".
    op.execute("UPDATE team_action_points SET owner_chosen = true WHERE owner_id IS NOT NULL")


def downgrade():
    with op.batch_alter_table('team_action_points', schema=None) as batch_op:
        batch_op.drop_column('owner_chosen')
