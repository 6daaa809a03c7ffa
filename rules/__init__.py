"""The default rule set, written in the sakip-lint rule language (*.sakip); shipped as package data."""
