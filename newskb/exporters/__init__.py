"""The exports of the whole fact base, one module per format."""
