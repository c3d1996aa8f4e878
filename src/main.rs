//! Scaffold: the subcommands arrive with the knowledge layer.
fn main() {}
