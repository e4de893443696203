//! Shared by the fuzz targets: `checks` runs one input through the core and asserts its
//! invariants (it is also compiled into tests/fuzz_regressions.rs of the main crate, so it uses
//! only the main crate's own dependencies); `gen` turns libFuzzer's bytes into valid documents
//! with the `arbitrary` crate.
pub mod checks;
pub mod gen;
