"""The lark grammar of the rule language; shipped as package data."""
