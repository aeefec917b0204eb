"""A plan's two PDFs, the summary and the full plan, each with its layout and page count

The kept PDFs are a cache of what a plan's JSON renders to: the table is made anew (the PDFs
drawn by the earlier layout are dropped and drawn again when asked for).

Revision ID: 0005
Revises: 0004
Created: 2026-12-06 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("plan_pdf")
    op.create_table(
        "plan_pdf",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("taxonomy_version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("layout", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("plan_id", "kind"),
    )


def downgrade() -> None:
    op.drop_table("plan_pdf")
    op.create_table(
        "plan_pdf",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("taxonomy_version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("plan_id"),
    )
