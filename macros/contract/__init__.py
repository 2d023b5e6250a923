"""The data contract: YAML with line numbers, the typed models, validation and what is derived from the data."""
