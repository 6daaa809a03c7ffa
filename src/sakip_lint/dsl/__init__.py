"""The rule language: grammar -> parse tree -> Transformer (no logic) -> typed AST -> compiler."""
