"""The web shell: Flask blueprints, one module per URL area, each thin over `advisor.services`."""
