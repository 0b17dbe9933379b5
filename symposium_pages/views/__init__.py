"""Admin views of the add-on, one module per feature."""
