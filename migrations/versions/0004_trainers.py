"""trainers: sets, assignments, extensions, archived classes, shared reflections

Revision ID: 0004_trainers
Revises: 0008
Create Date: 2026-12-01 23:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0004_trainers'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('case_sets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('shared_group_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_case_sets_owner_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['shared_group_id'], ['groups.id'], name=op.f('fk_case_sets_shared_group_id_groups'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_sets'))
    )
    with op.batch_alter_table('case_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_sets_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_sets_shared_group_id'), ['shared_group_id'], unique=False)

    op.create_table('set_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('ref', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['set_id'], ['case_sets.id'], name=op.f('fk_set_items_set_id_case_sets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_set_items'))
    )
    with op.batch_alter_table('set_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_set_items_set_id'), ['set_id'], unique=False)

    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('cutoff_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_assignments_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['set_id'], ['case_sets.id'], name=op.f('fk_assignments_set_id_case_sets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments'))
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignments_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignments_set_id'), ['set_id'], unique=False)

    op.create_table('assignment_extensions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('excused', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_assignment_extensions_assignment_id_assignments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_assignment_extensions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment_extensions')),
    sa.UniqueConstraint('assignment_id', 'user_id', name=op.f('uq_assignment_extensions_assignment_id'))
    )
    with op.batch_alter_table('assignment_extensions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_extensions_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_extensions_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.create_index('ix_attempts_user_id_case_version_id', ['user_id', 'case_version_id'], unique=False)

    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(), nullable=True))

    with op.batch_alter_table('exercise_answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shared', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('exercise_answers', schema=None) as batch_op:
        batch_op.drop_column('shared')

    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_column('archived_at')

    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_attempts_user_id_case_version_id')

    with op.batch_alter_table('assignment_extensions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_extensions_user_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_extensions_assignment_id'))

    op.drop_table('assignment_extensions')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignments_set_id'))
        batch_op.drop_index(batch_op.f('ix_assignments_group_id'))

    op.drop_table('assignments')
    with op.batch_alter_table('set_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_set_items_set_id'))

    op.drop_table('set_items')
    with op.batch_alter_table('case_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_sets_shared_group_id'))
        batch_op.drop_index(batch_op.f('ix_case_sets_owner_id'))

    op.drop_table('case_sets')
