"""Team sessions remember which roles were given.

With a role's user id NULL, the page must tell "nobody was given it" from "its holder deleted
their account"; the three flags do, as owner_chosen does for action points (0009).
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0010_session_roles'
down_revision = '0009_point_owner'
branch_labels = None
depends_on = None

ROLES = ('chair', 'presenter', 'scribe')


def upgrade():
    with op.batch_alter_table('team_sessions', schema=None) as batch_op:
        for role in ROLES:
            batch_op.add_column(
                sa.Column(f'{role}_chosen', sa.Boolean(), server_default=sa.false(), nullable=False)
            )
    # A role that still has its holder was given; where the holder is already gone the
    # history is lost, and the role keeps reading "nog niet gekozen".
    for role in ROLES:
        op.execute(f"UPDATE team_sessions SET {role}_chosen = true WHERE {role}_id IS NOT NULL")


def downgrade():
    with op.batch_alter_table('team_sessions', schema=None) as batch_op:
        for role in ROLES:
            batch_op.drop_column(f'{role}_chosen')
